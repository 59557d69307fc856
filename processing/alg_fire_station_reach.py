"""riskatlas:firestationreach — the 5-minute rule on the road network (glue over core.fire_reach)."""
import html
import json

from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterDefinition,
)

from ..support import compat
from ..layers.reach_style import style_reach_areas, style_reach_edges, style_reach_gaps, style_reach_targets
from .base import LayerPostProcessor, RiskAtlasAlgorithm

SPEED_PRESET_NAMES = ("urban_60_50_40",)  # core.fire_reach.SPEED_PRESETS keys, in enum order
TARGET_ID_FIELDS = ("ent_id", "unit_id", "shelter_id", "station_id", "id")


class FireStationReach(RiskAtlasAlgorithm):
    ALGORITHM_ID = "firestationreach"
    GROUP_ID = "coverage"

    def displayName(self):
        return self.tr("Fire-station reach (5-minute rule)")

    def group(self):
        return self.tr("Coverage")

    def shortHelpString(self):
        return self.tr(
            "Which land, residents and targets each fire station reaches within TIME_LIMIT minutes of the "
            "dispatch order (建标152-2017 §14 / GB 51080-2015 §4.1: 5 min = turnout + driving), on the road "
            "network, and whether its district respects the class limit (class1 and special ≤ 7 km², class2 "
            "≤ 4 km², small ≤ 2 km², suburban ≤ 15 km²).\n\n"
            "Network as in QGIS's network analysis: every vertex is a node, lines join where they share a "
            "vertex, one-way values relative to the digitising direction. Speed per road: SPEED_FIELD when "
            "> 0, else the road class's preset speed (expressway/trunk 60, primary/secondary 50, other 40 km/h), "
            "else DEFAULT_SPEED. A station enters at the nearest point of the nearest road (the off-road leg "
            "costs nothing); stations farther than SNAP_TOLERANCE are listed and left out. One search from all "
            "stations at once, each starting with its turnout time; roads are cut where two stations meet "
            "(equal time) and where time runs out.\n\n"
            "Land rule: land is reached when a reached road within ACCESS_DISTANCE is reached, at the earliest "
            "such time; where access zones overlap, the earlier arrival wins (no overlaps). It is evaluated on "
            "a grid of ACCESS_DISTANCE/8 (25 m by default; the log gives it). Districts: DISTRICTS (each polygon "
            "belongs to the station inside it), else the land each station reaches first with no time limit. "
            "Residents: population apportioned by area.\n\n"
            "Outputs: reached roads (station_id, arrival_min = time the piece is fully reached), one area per "
            "station with reach_km2, residents, district_km2, class limit, exceeds_limit and the share of the "
            "district reached in time, gaps, targets' arrival time, a summary table and an HTML report.")

    def initAlgorithm(self, config=None):
        opt = dict(optional=True)
        self.addParameter(QgsProcessingParameterFeatureSource("STATIONS", self.tr("Fire stations"),
                                                              [compat.SOURCE_POINT]))
        self.addParameter(QgsProcessingParameterField("STATION_ID_FIELD", self.tr("Station id field"), "station_id",
                                                      "STATIONS", **opt))
        self.addParameter(QgsProcessingParameterField("CLASS_FIELD", self.tr("Station class field"), "class",
                                                      "STATIONS", **opt))
        self.addParameter(QgsProcessingParameterField("TURNOUT_FIELD", self.tr("Turnout time field (min)"),
                                                      "turnout_min", "STATIONS", **opt))
        self.addParameter(QgsProcessingParameterField("SUBURBAN_FIELD", self.tr("Suburban station field (15 km²)"),
                                                      "suburban", "STATIONS", **opt))
        self.addParameter(QgsProcessingParameterFeatureSource("ROADS", self.tr("Roads"), [compat.SOURCE_LINE]))
        self.addParameter(QgsProcessingParameterField("SPEED_FIELD", self.tr("Speed field (km/h)"), "speed_kmh",
                                                      "ROADS", **opt))
        self.addParameter(QgsProcessingParameterField("ROAD_CLASS_FIELD", self.tr("Road class field"), "class",
                                                      "ROADS", **opt))
        self.addParameter(QgsProcessingParameterEnum(
            "SPEED_PRESET", self.tr("Speed preset by road class"),
            options=[self.tr("expressway/trunk 60, primary/secondary 50, other 40 km/h")], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber("DEFAULT_SPEED", self.tr("Default speed (km/h)"),
                                                       compat.NUMBER_DOUBLE, 40.0, minValue=0.1))
        self.addParameter(QgsProcessingParameterField("DIRECTION_FIELD", self.tr("Direction field"), "oneway",
                                                      "ROADS", **opt))
        self.addParameter(QgsProcessingParameterString("VALUE_FORWARD", self.tr("Value for forward direction"),
                                                       "forward", **opt))
        self.addParameter(QgsProcessingParameterString("VALUE_BACKWARD", self.tr("Value for backward direction"),
                                                       "backward", **opt))
        self.addParameter(QgsProcessingParameterString("VALUE_BOTH", self.tr("Value for both directions"),
                                                       "both", **opt))
        self.addParameter(QgsProcessingParameterNumber("SNAP_TOLERANCE", self.tr("Snap tolerance (m)"),
                                                       compat.NUMBER_DOUBLE, 500.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource("STUDY_AREA", self.tr("Study area"),
                                                              [compat.SOURCE_POLYGON], **opt))
        self.addParameter(QgsProcessingParameterFeatureSource("DISTRICTS", self.tr("Official station districts"),
                                                              [compat.SOURCE_POLYGON], **opt))
        self.addParameter(QgsProcessingParameterNumber("DEFAULT_TURNOUT", self.tr("Default turnout time (min)"),
                                                       compat.NUMBER_DOUBLE, 1.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber("TIME_LIMIT", self.tr("Time limit from dispatch (min)"),
                                                       compat.NUMBER_DOUBLE, 5.0, minValue=0.01))
        self.addParameter(QgsProcessingParameterNumber("ACCESS_DISTANCE", self.tr("Access distance from roads (m)"),
                                                       compat.NUMBER_DOUBLE, 200.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSource("POPULATION", self.tr("Population"),
                                                              [compat.SOURCE_POLYGON], **opt))
        self.addParameter(QgsProcessingParameterField("POPULATION_FIELD", self.tr("Residents field"), "residents",
                                                      "POPULATION", compat.FIELD_NUMERIC, **opt))
        self.addParameter(QgsProcessingParameterMultipleLayers("TARGETS", self.tr("Targets (enterprises, hazard units)"),
                                                               compat.SOURCE_ANY_GEOMETRY, **opt))
        tolerance = QgsProcessingParameterNumber("NODE_TOLERANCE", self.tr("Node tolerance (m)"),
                                                 compat.NUMBER_DOUBLE, 0.0, minValue=0.0)
        tolerance.setFlags(tolerance.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(tolerance)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_EDGES", self.tr("Reached roads"),
                                                            compat.SOURCE_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_AREAS", self.tr("Station reach areas"),
                                                            compat.SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_GAPS", self.tr("Gaps (reached by no station)"),
                                                            compat.SOURCE_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_TARGETS", self.tr("Targets' arrival time"),
                                                            compat.SOURCE_POINT, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT_SUMMARY", self.tr("Summary table"),
                                                            compat.SOURCE_VECTOR, optional=True,
                                                            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination("OUTPUT_HTML", self.tr("Summary report"),
                                                                self.tr("HTML files (*.html)"), optional=True,
                                                                createByDefault=True))

    # ------------------------------------------------------------------------------------------

    def _field(self, parameters, name, context, frame, default):
        """The chosen field, or None. A missing field is an error unless it is the default name."""
        from qgis.core import QgsProcessingException

        value = self.parameterAsString(parameters, name, context) if parameters.get(name) is not None else default
        value = (value or "").strip()
        if not value:
            return None
        if value in frame.gdf.columns:
            return value
        if value == default:
            return None
        raise QgsProcessingException(self.tr("Layer '{0}' has no field '{1}' ({2}).").format(frame.name, value, name))

    def compute(self, parameters, context, feedback):
        import gc

        # The run reads and writes tens of thousands of features: each makes Python objects,
        # and every so often the cyclic collector walks all objects of the process (QGIS holds
        # hundreds of thousands), ~40 ms a time. Objects that exist before the run are left
        # out of those walks meanwhile (gc.freeze); new ones are still collected. (Not when
        # something else froze objects already: unfreezing would undo that.)
        freeze = gc.get_freeze_count() == 0
        if freeze:
            gc.freeze()
        try:
            return self._compute(parameters, context, feedback)
        finally:
            if freeze:
                gc.unfreeze()

    def _compute(self, parameters, context, feedback):
        import numpy as np
        import shapely

        from ..core import fire_reach as fr
        from ..core.errors import InputError
        from ..core.values import parse_bools, parse_numbers

        def numbers(frame, name, message):
            parsed = parse_numbers(frame.gdf[name])
            if parsed.invalid.any():
                raise InputError(message, layer=frame.name, feature_ids=frame.gdf.index[parsed.invalid], field=name)
            return parsed.values

        roads = self.read_source(parameters, "ROADS", context, feedback)
        crs = roads.crs
        stations = self.read_source(parameters, "STATIONS", context, feedback, target_crs=crs)
        study = self.read_source(parameters, "STUDY_AREA", context, feedback, target_crs=crs, required=False)
        districts = self.read_source(parameters, "DISTRICTS", context, feedback, target_crs=crs, required=False)
        population = self.read_source(parameters, "POPULATION", context, feedback, target_crs=crs, required=False)
        feedback.setProgress(5)

        # roads: speeds and directions
        speed_field = self._field(parameters, "SPEED_FIELD", context, roads, "speed_kmh")
        class_field = self._field(parameters, "ROAD_CLASS_FIELD", context, roads, "class")
        direction_field = self._field(parameters, "DIRECTION_FIELD", context, roads, "oneway")
        preset = SPEED_PRESET_NAMES[self.parameterAsEnum(parameters, "SPEED_PRESET", context)]
        default_speed = self.parameterAsDouble(parameters, "DEFAULT_SPEED", context)
        gdf = roads.gdf
        speeds, counts = fr.road_speeds(
            len(gdf), gdf[speed_field].to_numpy(dtype=object) if speed_field else None,
            gdf[class_field].to_numpy(dtype=object) if class_field else None,
            preset=preset, default_speed=default_speed, layer=roads.name, speed_field=speed_field,
            fids=gdf.index.to_numpy())
        feedback.pushInfo(self.tr("Speeds: {0} roads from the speed field, {1} from the road-class preset, "
                                  "{2} at the default speed.").format(counts["field"], counts["class"],
                                                                      counts["default"]))
        if speed_field and counts["field"] < len(gdf):
            feedback.pushWarning(self.tr("{0} roads have an empty speed: the class preset or DEFAULT_SPEED is used.")
                                 .format(len(gdf) - counts["field"]))
        if direction_field:
            directions, unknown = fr.direction_codes(
                gdf[direction_field].to_numpy(dtype=object),
                self.parameterAsString(parameters, "VALUE_FORWARD", context) or "forward",
                self.parameterAsString(parameters, "VALUE_BACKWARD", context) or "backward",
                self.parameterAsString(parameters, "VALUE_BOTH", context) or "both")
            if unknown:
                feedback.pushWarning(self.tr("{0} roads have an empty or unknown direction value: both directions "
                                             "are used.").format(unknown))
        else:
            directions = np.zeros(len(gdf), dtype=np.int8)
        multipart = int((shapely.get_num_geometries(gdf.geometry.values) > 1).sum())
        if multipart:
            feedback.pushInfo(self.tr("{0} multipart roads are split into their parts (parts join only where "
                                      "they share a vertex).").format(multipart))
        null_roads = int(gdf.geometry.isna().sum())
        if null_roads:
            feedback.pushWarning(self.tr("{0} roads without geometry are ignored.").format(null_roads))

        # stations
        sg = stations.gdf
        id_field = self._field(parameters, "STATION_ID_FIELD", context, stations, "station_id")
        st_class = self._field(parameters, "CLASS_FIELD", context, stations, "class")
        turnout_field = self._field(parameters, "TURNOUT_FIELD", context, stations, "turnout_min")
        suburban_field = self._field(parameters, "SUBURBAN_FIELD", context, stations, "suburban")
        ids = (sg[id_field].to_numpy(dtype=object) if id_field else sg.index.to_numpy())
        ids = np.array([str(v) if v is not None else f"fid {f}" for v, f in zip(ids, sg.index)], dtype=object)
        turnout = (numbers(stations, turnout_field, "turnout time is not a number") if turnout_field
                   else np.full(len(sg), np.nan))
        suburban = None
        if suburban_field:
            parsed = parse_bools(sg[suburban_field])
            if parsed.invalid.any():
                raise InputError("suburban must be true or false (是/否, yes/no, 1/0)", layer=stations.name,
                                 feature_ids=sg.index[parsed.invalid], field=suburban_field)
            suburban = parsed.values
        names = sg["name"].to_numpy(dtype=object) if "name" in sg.columns else None

        # optional layers
        study_geom = None
        if study is not None:
            if len(study.gdf) == 0:
                feedback.pushWarning(self.tr("The study area layer is empty: the roads' extent is used."))
            else:
                study_geom = shapely.union_all(shapely.make_valid(study.gdf.geometry.dropna().values))
        district_geoms = districts.gdf.geometry.values if districts is not None and len(districts.gdf) else None
        pop_geoms = residents = None
        if population is not None:
            pop_field = self._field(parameters, "POPULATION_FIELD", context, population, "residents")
            if pop_field is None:
                from qgis.core import QgsProcessingException

                raise QgsProcessingException(self.tr("Layer '{0}' has no residents field: set POPULATION_FIELD.")
                                             .format(population.name))
            values = numbers(population, pop_field, "residents value is not a number")
            if (values < 0).any():
                raise InputError("residents value is negative", layer=population.name,
                                 feature_ids=population.gdf.index[values < 0], field=pop_field)
            pop_geoms, residents = population.gdf.geometry.values, values
        targets = []
        for layer in self.parameterAsLayerList(parameters, "TARGETS", context) or []:
            from ..layers.convert import source_to_frame

            frame = source_to_frame(layer, layer.name(), target_crs=crs, transform_context=context.transformContext())
            key = next((f for f in TARGET_ID_FIELDS if f in frame.gdf.columns), None)
            tid = frame.gdf[key].to_numpy(dtype=object) if key else frame.gdf.index.to_numpy()
            source = layer.source()
            name = source.split("layername=", 1)[1].split("|", 1)[0] if "layername=" in source else layer.name()
            targets.append((name, frame.gdf.geometry.values, tid))
        self.check_cancelled(feedback)

        options = fr.ReachOptions(
            time_limit=self.parameterAsDouble(parameters, "TIME_LIMIT", context),
            access_distance=self.parameterAsDouble(parameters, "ACCESS_DISTANCE", context),
            snap_tolerance=self.parameterAsDouble(parameters, "SNAP_TOLERANCE", context),
            default_turnout=self.parameterAsDouble(parameters, "DEFAULT_TURNOUT", context),
            node_tolerance=self.parameterAsDouble(parameters, "NODE_TOLERANCE", context))

        def progress(percent, message):
            self.check_cancelled(feedback)
            feedback.setProgress(5 + 0.85 * percent)
            feedback.pushDebugInfo(message)

        result = fr.fire_station_reach(
            gdf.geometry.values, speeds, directions, sg.geometry.values, ids, turnout,
            station_classes=sg[st_class].to_numpy(dtype=object) if st_class else None, suburban=suburban,
            station_names=names, study_area=study_geom, districts=district_geoms, population=pop_geoms,
            residents=residents, targets=targets, options=options, progress=progress,
            names={"roads": roads.name, "stations": stations.name, "turnout_field": turnout_field,
                   "road_fids": gdf.index.to_numpy()})
        for line in result.info:
            feedback.pushInfo(line)
        for line in result.warnings:
            feedback.pushWarning(line)
        self.check_cancelled(feedback)
        return self._write(parameters, context, feedback, result, crs, preset)

    # ------------------------------------------------------------------------------------------

    def _write(self, parameters, context, feedback, result, crs, preset):
        from qgis.core import QgsProcessingException

        from ..layers.convert import make_fields, write_to_sink
        from ..layers.schemas import BOOL, DOUBLE, INT, STRING

        record = self.provenance(parameters, speed_preset=preset, cell_m=result.stats.get("cell_m"))
        outputs = {}
        specs = {
            "OUTPUT_EDGES": ([("road_fid", INT), ("station_id", STRING), ("arrival_min", DOUBLE),
                              ("entry_min", DOUBLE), ("length_m", DOUBLE)], result.edges, compat.WKB_MULTILINESTRING,
                             style_reach_edges),
            "OUTPUT_AREAS": ([("station_id", STRING), ("name", STRING), ("class", STRING), ("turnout_min", DOUBLE),
                              ("on_network", BOOL), ("snap_dist_m", DOUBLE), ("reach_km2", DOUBLE),
                              ("residents", DOUBLE), ("district_km2", DOUBLE), ("district_source", STRING),
                              ("class_limit_km2", DOUBLE), ("exceeds_limit", BOOL), ("district_in_time_pct", DOUBLE),
                              ("district_residents", DOUBLE)], result.areas, compat.WKB_MULTIPOLYGON, style_reach_areas),
            "OUTPUT_GAPS": ([("gap_id", INT), ("area_km2", DOUBLE), ("residents", DOUBLE)], result.gaps,
                            compat.WKB_MULTIPOLYGON, style_reach_gaps),
        }
        if result.targets is not None:
            specs["OUTPUT_TARGETS"] = ([("target_layer", STRING), ("target_id", STRING), ("arrival_min", DOUBLE),
                                        ("station_id", STRING), ("covered", BOOL)], result.targets,
                                       compat.WKB_POINT, style_reach_targets)
        summary_specs = []
        for column in result.summary.columns:
            dtype = result.summary[column].dtype
            kind = INT if column.endswith(("_covered", "_total")) else (
                DOUBLE if dtype.kind == "f" else (BOOL if column in ("on_network", "exceeds_limit") else STRING))
            summary_specs.append((column, kind))
        specs["OUTPUT_SUMMARY"] = (summary_specs, result.summary, compat.WKB_NO_GEOMETRY, None)
        for key, (field_specs, frame, wkb, style) in specs.items():
            if key not in ("OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS") and parameters.get(key) is None:
                continue
            fields = make_fields(field_specs)
            sink, dest = self.parameterAsSink(parameters, key, context, fields, wkb, crs)
            if sink is None:
                if key in ("OUTPUT_EDGES", "OUTPUT_AREAS", "OUTPUT_GAPS"):
                    raise QgsProcessingException(self.invalidSinkError(parameters, key))
                continue
            if "exceeds_limit" in frame.columns:
                frame = frame.copy()
                frame["exceeds_limit"] = frame["exceeds_limit"].astype(object)
            write_to_sink(frame, sink, fields)
            del sink
            outputs[key] = dest
            self.attach_post_processor(context, dest, LayerPostProcessor(style=style, provenance=record))
            self.check_cancelled(feedback)
        html_path = self.parameterAsFileOutput(parameters, "OUTPUT_HTML", context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(summary_html(result, record))
            outputs["OUTPUT_HTML"] = html_path
        feedback.setProgress(100)
        return outputs


# ---------------------------------------------------------------------------------- report

def summary_html(result, record):
    """A self-contained HTML page: the summary table, warnings and how it was made."""
    import math

    def cell(value):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return ""
        if isinstance(value, float):
            return f"{value:,.2f}"
        return html.escape(str(value))

    summary = result.summary
    head = "".join(f"<th>{html.escape(c)}</th>" for c in summary.columns)
    rows = "".join("<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
                   for row in summary.itertuples(index=False))
    notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.info + result.warnings)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>消防站5分钟可达 Fire-station reach</title>
<style>body{{font-family:'WenQuanYi Zen Hei','Noto Sans CJK SC',sans-serif;margin:1.5em}}
table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:2px 6px;text-align:right}}
th{{background:#eee}}</style></head><body>
<h1>消防站5分钟可达分析 / Fire-station reach</h1>
<p>Time limit {cell(result.stats.get('time_limit'))} min from dispatch; reached roads {cell(result.stats.get('reached_road_km'))} km;
study area {cell(result.stats.get('study_km2'))} km²; gaps {cell(result.stats.get('gap_km2'))} km²;
land-rule grid {cell(result.stats.get('cell_m'))} m.
Class limits: 建标152-2017 第十四条, GB 51080-2015 §4.1.</p>
<table><tr>{head}</tr>{rows}</table>
<h2>Notes</h2><ul>{notes}</ul>
<h2>Provenance</h2><pre>{html.escape(json.dumps(record, ensure_ascii=False, indent=1))}</pre>
</body></html>"""


ALGORITHM = FireStationReach
