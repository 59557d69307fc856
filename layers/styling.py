"""The four-colour risk style and the styles of the input kinds, from the one palette.

Each style is data (``layers.qml.Style``) built by a ``…_style`` function without QGIS, written into
``styles/*.qml`` by ``tools/build_styles.py`` and loaded into a layer by the ``style_…`` /
``apply_four_colour_style`` functions (which pick the layer's geometry and the UI language).
``STYLE_BY_KIND`` maps a schema kind to its layer function.
"""
from dataclasses import replace

from ..core.standards.fire_stations import ROAD_CLASS_NAMES_EN, ROAD_CLASS_NAMES_ZH
from ..core.standards.natural_hazards import DANGER_GRADES
from ..core.standards.risk_levels import RISK_LEVELS
from .qml import LABEL_FONT, Categorized, Graduated, Labels, SingleSymbol, Style, apply_style, fill, geometry_kind
from .qml import line, marker, rgba, symbol_for
from .schemas import SCHEMAS, STRING

__all__ = ["LABEL_FONT", "STYLE_BY_KIND", "apply_four_colour_style", "four_colour_style",
           "input_style", "label_layer", "risk_label"]

RESCUE_COLOUR, DEPOT_COLOUR, KEY_TARGET_COLOUR = "#e65100", "#795548", "#1565c0"  # the one-map kinds
POPULATION_BREAKS = (0, 50, 200, 800, 3000, 1e9)  # residents per population feature
POPULATION_COLOURS = ("#f7f7f7", "#d9d9d9", "#bdbdbd", "#969696", "#636363")
ROAD_LOOK = {  # class -> (colour, width mm)
    "expressway": ("#e07000", 1.2), "trunk": ("#e0a000", 0.9), "primary": ("#d0b060", 0.7),
    "secondary": ("#b0b0b0", 0.5), "tertiary": ("#c8c8c8", 0.35), "local": ("#dddddd", 0.2),
}


def _language(language):
    if language:
        return language
    from ..support.i18n import is_chinese

    return "zh" if is_chinese() else "en"


def risk_label(level, language=None):
    entry = RISK_LEVELS[level - 1]
    return entry.label_zh if _language(language) == "zh" else entry.label_en


# ---------------------------------------------------------------- styles as data

def four_colour_style(geometry, language, field="risk_level", opacity=1.0):
    """Categories on ``field`` (1..4) in the red / orange / yellow / blue palette; legend in zh or en."""
    return Style(Categorized(field, tuple(
        (entry.level, entry.label_zh if language == "zh" else entry.label_en,
         symbol_for(geometry, entry.colour, outline="#666666", opacity=opacity)) for entry in RISK_LEVELS)))


def aliases(kind, language):
    """(field, alias) of a schema kind in ``language``."""
    return tuple((spec.name, spec.alias_zh if language == "zh" else spec.alias_en) for spec in SCHEMAS[kind].fields)


def _population_ranges(point=False):
    """Grey classes of residents: fills, or for points (villages) circles growing with the class."""
    breaks, last = POPULATION_BREAKS, len(POPULATION_COLOURS) - 1
    return tuple((breaks[i], breaks[i + 1], f"{breaks[i]:g} – {breaks[i + 1]:g}" if i < last else f"≥ {breaks[i]:g}",
                  marker("circle", colour, "#404040", 1.6 + 0.6 * i) if point else fill(colour, None, outline_style="no"))
                 for i, colour in enumerate(POPULATION_COLOURS))


def _input_renderer(kind, geometry, language="zh"):
    """(renderer, labels) of an input kind; legend labels in ``language``."""
    point = geometry == "point"
    if kind == "enterprises":
        return SingleSymbol(symbol_for(geometry, "#7f7f7f", outline="#404040", size=1.2)), None
    if kind == "hazard_sources":
        return SingleSymbol(marker("triangle", "#c00000", "#000000", 3) if point else
                            fill(rgba("#c00000", 0x80 / 255), "#800000", 0.4)), None
    if kind == "shelters":
        return SingleSymbol(marker("square", "#00a050", "#ffffff", 3.2) if point else
                            fill(rgba("#00a050", 0x90 / 255), "#006030", 0.4)), None
    if kind == "fire_stations":
        return SingleSymbol(marker("star", "#e00000", "#ffffff", 5)), Labels('"name"', 8, "#a00000")
    if kind == "population":
        return Graduated("residents", _population_ranges(point)), None
    if kind == "roads":
        names = ROAD_CLASS_NAMES_ZH if language == "zh" else ROAD_CLASS_NAMES_EN
        return Categorized("class", tuple((code, names[code], line(colour, width))
                                          for code, (colour, width) in ROAD_LOOK.items())), None
    if kind == "townships":
        return (SingleSymbol(fill("0,0,0,0", "#303030", 0.5, outline_style="dash")), Labels('"name"', 10))
    if kind == "rescue_teams":
        return SingleSymbol(marker("pentagon", RESCUE_COLOUR, "#ffffff", 4.2)), Labels('"name"', 7.5, "#8a2c00")
    if kind == "supply_depots":
        return SingleSymbol(marker("diamond", DEPOT_COLOUR, "#ffffff", 4)), Labels('"name"', 7.5, "#4e342e")
    if kind == "key_targets":
        return SingleSymbol(marker("circle", KEY_TARGET_COLOUR, "#ffffff", 2.2) if point else
                            fill(rgba(KEY_TARGET_COLOUR, 0x70 / 255), KEY_TARGET_COLOUR, 0.3)), None
    if kind == "natural_hazards":
        return Categorized("danger_level", _danger_categories(geometry, language)), None
    raise KeyError(kind)


def _danger_categories(geometry, language):
    """Natural hazards by 险情等级 in the four colours (特大型 red … 小型 blue, as the default level preset),
    an empty grade grey."""
    categories = []
    for grade, entry in zip(DANGER_GRADES, RISK_LEVELS):
        symbol = (marker("triangle", entry.colour, "#5a3a00", 3.4) if geometry == "point" else
                  fill(rgba(entry.colour, 0x90 / 255), "#5a3a00", 0.4))
        categories.append((grade.code, grade.name_zh if language == "zh" else grade.name_en, symbol))
    empty = marker("triangle", "#9e9e9e", "#5a3a00", 3.4) if geometry == "point" else fill(rgba("#9e9e9e", 0.5),
                                                                                            "#5a3a00", 0.4)
    categories.append(("", "险情等级未填" if language == "zh" else "No danger grade", empty))
    return tuple(categories)


def value_maps(kind, language):
    """((field, ((name, code), …)), …): a drop-down per coded text field of ``kind``, from the one code
    table (core.ledger) — names in ``language``, codes stored."""
    from ..core.ledger.codes import code_choices, has_code_table

    return tuple((spec.name, code_choices(kind, spec.name, language)) for spec in SCHEMAS[kind].fields
                 if spec.type == STRING and has_code_table(kind, spec.name))


def input_style(kind, geometry, language):
    """The style of an input layer of schema ``kind`` (enterprises, hazard_sources, …) and ``geometry``:
    symbols, labels, field aliases and the coded fields' drop-downs."""
    renderer, labels = _input_renderer(kind, geometry, language)
    return Style(renderer, labels, aliases(kind, language), value_maps(kind, language))


# ---------------------------------------------------------------- styles on layers

def _only_present_fields(layer, style):
    names = set(layer.fields().names())
    return replace(style, aliases=tuple((name, alias) for name, alias in style.aliases if name in names),
                   value_maps=tuple((name, choices) for name, choices in style.value_maps if name in names))


def apply_four_colour_style(layer, field="risk_level", language=None, opacity=1.0):
    """Categorised red/orange/yellow/blue renderer on ``field``; legend in zh or en."""
    apply_style(layer, four_colour_style(geometry_kind(layer), _language(language), field, opacity))


def label_layer(layer, expression, size=9, colour="#202020", buffer_size=0.8, buffer_colour="#FFFFFF", priority=5,
                around_point=False, distance=0.0, draw=True, obstacle_factor=1.0):
    """Label ``layer`` with an expression in the CJK label font, with a halo (buffer_size 0: none);
    ``around_point``: a point's label takes the first free position around it, ``distance`` mm away;
    ``draw`` False: no label, the features only keep other labels off them."""
    apply_style(layer, Style(None, Labels(expression, size, colour, buffer_size, buffer_colour, priority,
                                          around_point=around_point, distance=distance, draw=draw,
                                          obstacle_factor=obstacle_factor)))


def _input_function(kind):
    def style_layer(layer, language=None):
        apply_style(layer, _only_present_fields(layer, input_style(kind, geometry_kind(layer), _language(language))))

    style_layer.__name__ = f"style_{kind}"
    style_layer.__doc__ = f"Style a {kind} layer (symbols, labels, field aliases in zh or en)."
    return style_layer


STYLE_BY_KIND = {kind: _input_function(kind) for kind in SCHEMAS}  # every input kind


def store_default_style(uri, kind, language=None):
    """Save the style of ``kind`` as the default of a GeoPackage layer ``uri`` (symbols, aliases, value
    maps travel with the file). Returns a problem text, or '' (also for outputs that are not GeoPackages)."""
    from qgis.core import QgsDataProvider, QgsProviderRegistry, QgsVectorLayer

    from .gpkg import save_default_style

    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    path = str(parts.get("path", ""))
    if not path.lower().endswith(".gpkg"):
        return ""
    name = parts.get("layerName")
    if not name:
        probe = QgsVectorLayer(uri, "probe", "ogr")
        sublayers = probe.dataProvider().subLayers() if probe.isValid() else []
        if not sublayers:
            return f"cannot open {uri} to store its style"
        name = sublayers[0].split(QgsDataProvider.sublayerSeparator())[1]
        del probe
    try:
        return save_default_style(path, name, lambda layer: STYLE_BY_KIND[kind](layer, language)) or ""
    except IOError as error:
        return str(error)
