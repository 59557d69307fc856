"""riskatlas:firestationreach — the 5-minute rule on the road network (glue over core.fire_reach)."""
from qgis.core import QgsProcessingParameterMultipleLayers

from ..core.garbage_collector import objects_frozen
from ..core.standards import fire_stations as fs
from ..support import compat
from .base import LEAVE_OUT, STOP, WARN, Reads, RiskAtlasAlgorithm, say_in_ui
from .population import add_population, read_population
from .reach_parameters import ReachParameters


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for)
    return text


class FireStationReach(ReachParameters, RiskAtlasAlgorithm):
    ALGORITHM_ID = "firestationreach"
    GROUP_ID = "coverage"
    READS = {"STATIONS": Reads("fire_stations", key="STATION_ID_FIELD"),
             "ROADS": Reads("roads"),
             "STUDY_AREA": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP("InputError", "the roads' extent is used")),
             "DISTRICTS": Reads(empty=WARN, empty_means=QT_TRANSLATE_NOOP("InputError", "the districts are computed")),
             "POPULATION": Reads("population", no_geometry=STOP, empty=WARN, empty_means=QT_TRANSLATE_NOOP(
                 "InputError", "no residents are counted"))}
    TARGETS_GEOMETRY = LEAVE_OUT  # targets (TARGETS, several layers) without geometry

    def displayName(self):
        return self.tr("Fire-station reach (5-minute rule)")

    def initAlgorithm(self, config=None):
        self.add_source("STATIONS", self.tr("Fire stations"), [compat.SOURCE_POINT], kind="fire_stations")
        self.add_field("STATION_ID_FIELD", self.tr("Station id field"), "station_id", "STATIONS")
        self.add_field("CLASS_FIELD", self.tr("Station class field"), "class", "STATIONS")
        self.add_field("TURNOUT_FIELD", self.tr("Turnout time field (min)"), "turnout_min", "STATIONS")
        self.add_field("SUBURBAN_FIELD", self.tr("Suburban station field ({0:g} km²)").format(
            fs.class_limit_km2(None, suburban=True)), "suburban", "STATIONS")
        self.add_road_parameters()
        self.add_source("STUDY_AREA", self.tr("Study area"), [compat.SOURCE_POLYGON], optional=True, kind="townships")
        self.add_source("DISTRICTS", self.tr("Official station districts"), [compat.SOURCE_POLYGON], optional=True)
        self.add_time_parameters()
        add_population(self, self.tr("Population (polygons or points)"))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "TARGETS", self.tr("Targets (enterprises, hazard units)"), compat.SOURCE_ANY_GEOMETRY, optional=True))
        self.add_node_tolerance()
        self.add_sink("OUTPUT_EDGES", self.tr("Reached roads"), compat.SOURCE_LINE)
        self.add_number("BAND_MIN", self.tr("Time band width (min)"), fs.BAND_MIN, minimum=0.01)
        self.add_sink("OUTPUT_EDGES_BANDS", self.tr("Reached roads by time band"), compat.SOURCE_LINE, optional=True)
        self.add_sink("OUTPUT_AREAS", self.tr("Station reach areas"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_GAPS", self.tr("Gaps (reached by no station)"), compat.SOURCE_POLYGON)
        self.add_sink("OUTPUT_TARGETS", self.tr("Targets' arrival time"), compat.SOURCE_POINT, optional=True)
        self.add_sink("OUTPUT_SUMMARY", self.tr("Summary table"), compat.SOURCE_VECTOR, optional=True)
        self.add_html("OUTPUT_HTML", self.tr("Summary report"))
        self.add_language()

    def compute(self, parameters, context, feedback):
        with objects_frozen():  # tens of thousands of features: keep QGIS's objects out of the collector's walks
            return self._compute(parameters, context, feedback)

    def _compute(self, parameters, context, feedback):
        from ..core import fire_reach as fr
        from ..layers import reach_inputs as inputs
        from ..layers.report_html import reach_page

        roads, network, preset = self.read_roads(parameters, context, feedback)
        crs = roads.crs
        stations = self.read_source(parameters, "STATIONS", context, feedback, target_crs=crs)
        study = self.read_source(parameters, "STUDY_AREA", context, feedback, target_crs=crs, required=False)
        districts = self.read_source(parameters, "DISTRICTS", context, feedback, target_crs=crs, required=False)
        population, population_field = read_population(self, parameters, context, feedback, crs)
        feedback.setProgress(5)

        def field(name, frame, required=False):
            return self.field_parameter(parameters, name, context, frame, required)

        turnout_field = field("TURNOUT_FIELD", stations)
        self.check_fields(stations, {"station_id": field("STATION_ID_FIELD", stations),
                                     "class": field("CLASS_FIELD", stations), "turnout_min": turnout_field,
                                     "suburban": field("SUBURBAN_FIELD", stations)}, feedback)
        station = inputs.station_inputs(stations, field("STATION_ID_FIELD", stations), field("CLASS_FIELD", stations),
                                        turnout_field, field("SUBURBAN_FIELD", stations))
        pop_geoms = residents = None
        if population is not None:
            pop_geoms, residents = inputs.residents(population, population_field)
        targets, notices = inputs.read_targets(self.parameterAsLayerList(parameters, "TARGETS", context) or [], crs,
                                               context.transformContext(), self.TARGETS_GEOMETRY)
        self.push_warnings(feedback, notices)
        self.check_cancelled(feedback)

        options = self.reach_options(parameters, context)
        if self.given(parameters, "OUTPUT_EDGES_BANDS"):  # the bands only when that output is wanted
            options.band_min = self.parameterAsDouble(parameters, "BAND_MIN", context) or fs.BAND_MIN
        record = self.provenance(parameters, speed_preset=preset.name, speed_table=preset.source,
                                 speeds_used=[list(row) for row in network.speeds_used], cell_m=None)
        outputs = {}

        def write_edges(edges, bands, cell_m):  # written (in a second thread) while the land rule runs
            record["cell_m"] = cell_m  # (stored with the rows: the record is complete before the first output)
            outputs.update(self._write(parameters, context, feedback, {"OUTPUT_EDGES": edges,
                                                                       "OUTPUT_EDGES_BANDS": bands}, crs, record))

        result = fr.fire_station_reach(
            network.geoms, network.speeds, network.directions, station.geoms, station.ids, station.turnout,
            station_classes=station.classes, suburban=station.suburban, station_names=station.names,
            study_area=inputs.study_geometry(study),
            districts=districts.gdf.geometry.values if districts is not None and len(districts.gdf) else None,
            population=pop_geoms, residents=residents, targets=targets, options=options,
            progress=self.progress(feedback, 5, 85, scale=0.01),
            names={"roads": roads.name, "stations": stations.name, "turnout_field": turnout_field,
                   "road_fids": network.fids, "station_fids": stations.gdf.index.to_numpy(),
                   "road_keys": (roads.gdf[roads.key].reindex(network.fids).to_numpy(dtype=object) if roads.key
                                 else None)},
            on_edges=write_edges)
        for line in result.info:
            feedback.pushInfo(say_in_ui(line))
        self.push_warnings(feedback, result.warnings)
        result.warnings = [self.render(w) for w in result.warnings]  # the report's, in the user's language
        self.check_cancelled(feedback)
        outputs.update(self._write(parameters, context, feedback, {
            "OUTPUT_AREAS": result.areas, "OUTPUT_GAPS": result.gaps, "OUTPUT_TARGETS": result.targets,
            "OUTPUT_SUMMARY": result.summary}, crs, record))
        language = self.language(parameters, context)
        html = self.write_html(parameters, "OUTPUT_HTML", context, lambda: reach_page(result, record, language))
        if html:
            outputs["OUTPUT_HTML"] = html
        feedback.setProgress(100)
        return outputs

    def _write(self, parameters, context, feedback, frames, crs, record):
        """Write the outputs of ``frames`` ({output: frame or None}) that are wanted; {output: destination}.
        The reached roads are filled in the background (the land rule is still running when they are written)."""
        from ..layers import outputs as out
        from ..layers.reach_style import (style_reach_areas, style_reach_bands, style_reach_edges, style_reach_gaps,
                                          style_reach_targets)

        sinks = {"OUTPUT_EDGES": (out.REACH_EDGE_FIELDS, compat.WKB_MULTILINESTRING, style_reach_edges),
                 "OUTPUT_EDGES_BANDS": (out.REACH_BAND_FIELDS, compat.WKB_MULTILINESTRING, style_reach_bands),
                 "OUTPUT_AREAS": (out.REACH_AREA_FIELDS, compat.WKB_MULTIPOLYGON, style_reach_areas),
                 "OUTPUT_GAPS": (out.REACH_GAP_FIELDS, compat.WKB_MULTIPOLYGON, style_reach_gaps),
                 "OUTPUT_TARGETS": (out.REACH_TARGET_FIELDS, compat.WKB_POINT, style_reach_targets),
                 "OUTPUT_SUMMARY": (None, compat.WKB_NO_GEOMETRY, None)}
        outputs = {}
        for name, frame in frames.items():
            specs, wkb_type, style = sinks[name]
            optional = name in ("OUTPUT_EDGES_BANDS", "OUTPUT_TARGETS", "OUTPUT_SUMMARY")
            if frame is None or (optional and parameters.get(name) is None):
                continue
            if "exceeds_limit" in frame.columns:  # None where no limit applies (a nullable bool)
                frame = frame.assign(exceeds_limit=frame["exceeds_limit"].astype(object))
            dest = self.write_sink(parameters, name, context, frame, specs or out.reach_summary_fields(frame), wkb_type,
                                   crs, style=style, provenance=record, required=not optional,
                                   background=name in ("OUTPUT_EDGES", "OUTPUT_EDGES_BANDS"))
            if dest is not None:
                outputs[name] = dest
            self.check_cancelled(feedback)
        return outputs
