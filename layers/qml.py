"""Layer styles as data, written as QGIS QML — the one form every style of the plugin takes.

A ``Style`` (renderer, optional labels, field aliases) is plain data built by ``layers.styling``,
``layers.reach_style`` and ``layers.shelter_style`` from the one palette. ``to_qml`` writes it as the
QML a planner loads with Layer Properties ▸ Style ▸ Load Style (the ``styles/`` folder), and
``apply_style`` loads the same text into a layer — so a layer styled by an algorithm and a layer
styled from ``styles/`` look the same. The writer is deterministic (no QGIS needed, no random keys),
so ``tools/build_styles.py`` regenerates ``styles/`` byte for byte and a test keeps it in sync.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union
from xml.sax.saxutils import quoteattr

from ..support.fonts import DEFAULT_FAMILY, all_names

QML_VERSION = "3.22.0-Białowieża"  # the oldest QGIS the plugin supports; newer versions read it
LABEL_FONT = DEFAULT_FAMILY  # its text extracts as itself from PDFs (Noto Sans CJK gives radical code points on 3.22)
SYMBOL_LAYER_CLASS = {"fill": "SimpleFill", "marker": "SimpleMarker", "line": "SimpleLine"}


def rgba(colour: str, alpha: float = 1.0) -> str:
    """'#RRGGBB' (and an opacity 0..1) as QGIS writes colours: 'r,g,b,a'."""
    value = colour.lstrip("#")
    red, green, blue = (int(value[i:i + 2], 16) for i in (0, 2, 4))
    return f"{red},{green},{blue},{int(round(alpha * 255))}"


@dataclass(frozen=True)
class Symbol:
    """A one-layer simple symbol: ``kind`` fill / marker / line, QGIS's own property names and values."""

    kind: str
    properties: tuple  # ((name, value), …)
    opacity: float = 1.0


def fill(colour: str, outline: Optional[str] = "#333333", outline_width: float = 0.1, outline_style: str = "solid",
         opacity: float = 1.0) -> Symbol:
    """Colours as rgba() text or '#RRGGBB'; ``outline_style`` 'no': no outline (``outline`` None: nor its
    colour and width)."""
    properties = [("color", _colour(colour)), ("outline_style", outline_style), ("style", "solid")]
    if outline is not None:
        properties += [("outline_color", _colour(outline)), ("outline_width", _number(outline_width)),
                       ("outline_width_unit", "MM")]
    return Symbol("fill", tuple(properties), opacity)


def marker(shape: str, colour: str, outline: Optional[str] = "#333333", size: float = 2.4,
           outline_width: Optional[float] = None, opacity: float = 1.0) -> Symbol:
    """A simple marker (circle, square, triangle, star …); ``outline`` None: QGIS's default outline."""
    properties = [("color", _colour(colour)), ("name", shape), ("size", _number(size)), ("size_unit", "MM")]
    if outline is not None:
        properties += [("outline_color", _colour(outline)), ("outline_style", "solid")]
    if outline_width is not None:
        properties += [("outline_width", _number(outline_width)), ("outline_width_unit", "MM")]
    return Symbol("marker", tuple(properties), opacity)


def line(colour: str, width: float = 0.6, opacity: float = 1.0) -> Symbol:
    return Symbol("line", (("line_color", _colour(colour)), ("line_style", "solid"), ("line_width", _number(width)),
                           ("line_width_unit", "MM")), opacity)


@dataclass(frozen=True)
class SingleSymbol:
    symbol: Symbol


@dataclass(frozen=True)
class Categorized:
    field: str
    categories: tuple  # ((value, label, Symbol), …)


@dataclass(frozen=True)
class Graduated:
    field: str
    ranges: tuple  # ((lower, upper, label, Symbol), …)


@dataclass(frozen=True)
class RuleBased:
    rules: tuple  # ((label, filter expression or None for ELSE, Symbol), …)


Renderer = Union[SingleSymbol, Categorized, Graduated, RuleBased]


@dataclass(frozen=True)
class Labels:
    """Simple labelling by an expression, with a halo (``buffer_size`` 0: none)."""

    expression: str
    size: float = 9.0
    colour: str = "#202020"
    buffer_size: float = 0.8
    buffer_colour: str = "#FFFFFF"
    priority: int = 5
    font: str = LABEL_FONT
    around_point: bool = False  # points: the first free one of eight positions around the symbol
    distance: float = 0.0  # mm between a point's symbol and its label
    draw: bool = True  # False: no labels, the features only keep other labels off them (QGIS's "blocking")
    obstacle_factor: float = 1.0  # how strongly labels keep off this layer's features (0..2)


@dataclass(frozen=True)
class Style:
    renderer: Optional[Renderer]  # None: labels only (the symbology is left as it is)
    labels: Optional[Labels] = None
    aliases: tuple = field(default_factory=tuple)  # ((field, alias), …)
    value_maps: tuple = field(default_factory=tuple)  # ((field, ((shown name, stored code), …)), …): drop-downs

    @property
    def categories(self) -> str:
        """The QML's style categories: only what the style sets (loading it leaves the rest alone)."""
        return "|".join((["Symbology"] if self.renderer else []) + (["Labeling"] if self.labels else [])
                        + (["Fields"] if self.aliases else []) + (["Forms"] if self.value_maps else []))


def _colour(colour: str) -> str:
    return rgba(colour) if colour.startswith("#") else colour


def _number(value: float) -> str:
    return f"{float(value):g}"


def _attributes(pairs) -> str:
    return " ".join(f"{name}={quoteattr(str(value))}" for name, value in pairs)


def _symbol_xml(name: str, symbol: Symbol, indent: str) -> list[str]:
    options = [f'{indent}   <Option type="QString" name={quoteattr(k)} value={quoteattr(v)}/>'
               for k, v in sorted(symbol.properties)]
    return [f'{indent}<symbol type="{symbol.kind}" name={quoteattr(name)} alpha="{_number(symbol.opacity)}" '
            'clip_to_extent="1" force_rhr="0">',
            f'{indent} <layer class="{SYMBOL_LAYER_CLASS[symbol.kind]}" enabled="1" locked="0" pass="0">',
            f'{indent}  <Option type="Map">', *options, f"{indent}  </Option>",
            f"{indent} </layer>", f"{indent}</symbol>"]


def _symbols_xml(symbols) -> list[str]:
    lines = ["  <symbols>"]
    for i, symbol in enumerate(symbols):
        lines += _symbol_xml(str(i), symbol, "   ")
    return lines + ["  </symbols>"]


def _value(value) -> str:
    if isinstance(value, bool):  # QGIS matches categories by the value's text: true / false
        return "true" if value else "false"
    return str(value)


def _renderer_xml(renderer: Renderer) -> list[str]:
    head = 'enableorderby="0" forceraster="0" symbollevels="0"'
    if isinstance(renderer, SingleSymbol):
        return [f' <renderer-v2 type="singleSymbol" {head}>'] + _symbols_xml([renderer.symbol]) + [" </renderer-v2>"]
    if isinstance(renderer, Categorized):
        lines = [f' <renderer-v2 type="categorizedSymbol" attr={quoteattr(renderer.field)} {head}>', "  <categories>"]
        for i, (value, label, _symbol) in enumerate(renderer.categories):
            pairs = (("value", _value(value)), ("label", label), ("symbol", i), ("render", "true"))
            lines.append(f"   <category {_attributes(pairs)}/>")
        return lines + ["  </categories>"] + _symbols_xml(c[2] for c in renderer.categories) + [" </renderer-v2>"]
    if isinstance(renderer, Graduated):
        lines = [f' <renderer-v2 type="graduatedSymbol" attr={quoteattr(renderer.field)} '
                 f'graduatedMethod="GraduatedColor" {head}>', "  <ranges>"]
        for i, (lower, upper, label, _symbol) in enumerate(renderer.ranges):
            pairs = (("lower", f"{lower:.6f}"), ("upper", f"{upper:.6f}"), ("label", label), ("symbol", i),
                     ("render", "true"))
            lines.append(f"   <range {_attributes(pairs)}/>")
        return lines + ["  </ranges>"] + _symbols_xml(r[3] for r in renderer.ranges) + [" </renderer-v2>"]
    lines = [f' <renderer-v2 type="RuleRenderer" {head}>', "  <rules>"]
    for i, (label, expression, _symbol) in enumerate(renderer.rules):
        pairs = (("label", label), ("filter", "ELSE" if expression is None else expression), ("symbol", i))
        lines.append(f"   <rule {_attributes(pairs)}/>")
    return lines + ["  </rules>"] + _symbols_xml(r[2] for r in renderer.rules) + [" </renderer-v2>"]


# attributes QGIS 3.22 writes for a default QgsPalLayerSettings, so that loading the QML gives the
# same settings as building them in code (a missing attribute may read as 0, not as the default)
_PLACEMENT_DEFAULTS = (
    ("centroidInside", "0"), ("centroidWhole", "0"), ("dist", "0"), ("distUnits", "MM"), ("fitInPolygonOnly", "0"),
    ("geometryGenerator", ""), ("geometryGeneratorEnabled", "0"), ("geometryGeneratorType", "PointGeometry"),
    ("layerType", "UnknownGeometry"), ("lineAnchorClipping", "0"), ("lineAnchorPercent", "0.5"),
    ("lineAnchorType", "0"), ("maxCurvedCharAngleIn", "25"), ("maxCurvedCharAngleOut", "-25"), ("offsetType", "0"),
    ("offsetUnits", "MM"), ("overrunDistance", "0"), ("overrunDistanceUnit", "MM"), ("placement", "0"),
    ("placementFlags", "10"), ("polygonPlacementFlags", "2"),
    ("predefinedPositionOrder", "TR,TL,BR,BL,R,L,TSR,BSR"), ("preserveRotation", "1"), ("quadOffset", "4"),
    ("repeatDistance", "0"), ("repeatDistanceUnits", "MM"), ("rotationAngle", "0"), ("rotationUnit", "AngleDegrees"),
    ("xOffset", "0"), ("yOffset", "0"))
_RENDERING_DEFAULTS = (
    ("displayAll", "0"), ("drawLabels", "1"), ("fontLimitPixelSize", "0"), ("fontMaxPixelSize", "10000"),
    ("fontMinPixelSize", "0"), ("labelPerPart", "0"), ("limitNumLabels", "0"), ("maxNumLabels", "2000"),
    ("mergeLines", "0"), ("minFeatureSize", "0"), ("obstacle", "1"), ("obstacleFactor", "1"), ("obstacleType", "1"),
    ("scaleMax", "0"), ("scaleMin", "0"), ("scaleVisibility", "0"), ("unplacedVisibility", "0"),
    ("upsidedownLabels", "0"), ("zIndex", "0"))
_FORMAT_DEFAULTS = (
    ("addDirectionSymbol", "0"), ("autoWrapLength", "0"), ("decimals", "3"), ("formatNumbers", "0"),
    ("leftDirectionSymbol", "<"), ("multilineAlign", "3"), ("placeDirectionSymbol", "0"), ("plussign", "0"),
    ("reverseDirectionSymbol", "0"), ("rightDirectionSymbol", ">"), ("useMaxLineLengthForAutoWrap", "1"),
    ("wrapChar", ""))


_MASK = (("maskEnabled", "0"), ("maskJoinStyle", "128"), ("maskOpacity", "1"), ("maskSize", "1.5"),
         ("maskSizeUnits", "MM"), ("maskType", "0"), ("maskedSymbolLayers", ""))
_BACKGROUND = (
    ("shapeBlendMode", "0"), ("shapeBorderColor", "128,128,128,255"), ("shapeBorderWidth", "0"),
    ("shapeBorderWidthUnit", "MM"), ("shapeDraw", "0"), ("shapeFillColor", "255,255,255,255"), ("shapeJoinStyle", "64"),
    ("shapeOffsetUnit", "MM"), ("shapeOffsetX", "0"), ("shapeOffsetY", "0"), ("shapeOpacity", "1"),
    ("shapeRadiiUnit", "MM"), ("shapeRadiiX", "0"), ("shapeRadiiY", "0"), ("shapeRotation", "0"),
    ("shapeRotationType", "0"), ("shapeSVGFile", ""), ("shapeSizeType", "0"), ("shapeSizeUnit", "MM"),
    ("shapeSizeX", "0"), ("shapeSizeY", "0"), ("shapeType", "0"))
_SHADOW = (
    ("shadowBlendMode", "6"), ("shadowColor", "0,0,0,255"), ("shadowDraw", "0"), ("shadowOffsetAngle", "135"),
    ("shadowOffsetDist", "1"), ("shadowOffsetGlobal", "1"), ("shadowOffsetUnit", "MM"), ("shadowOpacity", "0.7"),
    ("shadowRadius", "1.5"), ("shadowRadiusAlphaOnly", "0"), ("shadowRadiusUnit", "MM"), ("shadowScale", "100"),
    ("shadowUnder", "0"))


def _families_xml(font: str) -> list[str]:
    """The fallback families of a text style: QGIS uses the first one installed when ``font`` is not
    (``support.fonts``: the common CJK families of Linux, Windows and macOS)."""
    names = [font] + [name for name in all_names() if name != font]
    return ["    <families>", *(f"     <family name={quoteattr(name)}/>" for name in names), "    </families>"]


def _labels_xml(labels: Labels) -> list[str]:
    text = (("allowHtml", "0"), ("blendMode", "0"), ("capitalization", "0"), ("fieldName", labels.expression),
            ("fontFamily", labels.font), ("fontItalic", "0"), ("fontKerning", "1"), ("fontLetterSpacing", "0"),
            ("fontSize", _number(labels.size)), ("fontSizeUnit", "Point"), ("fontStrikeout", "0"),
            ("fontUnderline", "0"), ("fontWeight", "50"), ("fontWordSpacing", "0"), ("isExpression", "1"),
            ("multilineHeight", "1"), ("namedStyle", ""), ("textColor", _colour(labels.colour)),
            ("textOpacity", "1"), ("textOrientation", "horizontal"), ("useSubstitutions", "0"))
    buffer = (("bufferBlendMode", "0"), ("bufferColor", _colour(labels.buffer_colour)),
              ("bufferDraw", "1" if labels.buffer_size else "0"), ("bufferJoinStyle", "128"), ("bufferNoFill", "1"),
              ("bufferOpacity", "1"), ("bufferSize", _number(labels.buffer_size or 1)), ("bufferSizeUnits", "MM"))
    placement = tuple((k, v) for k, v in _PLACEMENT_DEFAULTS if not (labels.around_point and k in ("placement", "dist")))
    if labels.around_point:  # QgsPalLayerSettings.OrderedPositionsAroundPoint
        placement += (("placement", "6"), ("dist", _number(labels.distance)))
    placement += (("priority", str(labels.priority)),)
    overrides = {"drawLabels": "1" if labels.draw else "0", "obstacleFactor": _number(labels.obstacle_factor)}
    rendering = tuple((k, overrides.get(k, v)) for k, v in _RENDERING_DEFAULTS)
    return [' <labeling type="simple">', '  <settings calloutType="simple">',
            f"   <text-style {_attributes(text)}>", *_families_xml(labels.font),
            f"    <text-buffer {_attributes(buffer)}/>",
            f"    <text-mask {_attributes(_MASK)}/>", f"    <background {_attributes(_BACKGROUND)}>",
            *_symbol_xml("fillSymbol", fill("255,255,255,255", "128,128,128,255", 0, outline_style="no"), "     "),
            "    </background>", f"    <shadow {_attributes(_SHADOW)}/>", "   </text-style>",
            f"   <text-format {_attributes(_FORMAT_DEFAULTS)}/>",
            f"   <placement {_attributes(placement)}/>",
            f"   <rendering {_attributes(rendering)}/>", "  </settings>", " </labeling>"]


def _value_maps_xml(value_maps) -> list[str]:
    """Value-map editor widgets (QGIS's "ValueMap": a drop-down showing names, storing codes)."""
    lines = [" <fieldConfiguration>"]
    for name, choices in value_maps:
        lines += [f"  <field configurationFlags=\"None\" name={quoteattr(name)}>", '   <editWidget type="ValueMap">',
                  "    <config>", '     <Option type="Map">', '      <Option type="List" name="map">']
        for shown, code in choices:
            lines += ['       <Option type="Map">',
                      f'        <Option type="QString" value={quoteattr(str(code))} name={quoteattr(shown)}/>',
                      "       </Option>"]
        lines += ["      </Option>", "     </Option>", "    </config>", "   </editWidget>", "  </field>"]
    return lines + [" </fieldConfiguration>"]


def to_qml(style: Style) -> str:
    """The style as a QML document (text)."""
    labelled = "1" if style.labels else "0"
    lines = ["<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>",
             f'<qgis version="{QML_VERSION}" styleCategories="{style.categories}" labelsEnabled="{labelled}">']
    if style.renderer:
        lines += _renderer_xml(style.renderer)
    if style.labels:
        lines += _labels_xml(style.labels)
    if style.value_maps:
        lines += _value_maps_xml(style.value_maps)
    if style.aliases:
        lines.append(" <aliases>")
        lines += [f"  <alias {_attributes((('field', name), ('name', alias)))}/>" for name, alias in style.aliases]
        lines.append(" </aliases>")
    return "\n".join(lines + ["</qgis>", ""])


def apply_style(layer, style: Style) -> None:
    """Load ``style`` into ``layer`` (symbology, and labels and aliases when the style has them)."""
    from qgis.core import QgsMapLayer
    from qgis.PyQt.QtXml import QDomDocument

    document = QDomDocument()
    document.setContent(to_qml(style))
    categories = QgsMapLayer.StyleCategories()
    if style.renderer:
        categories |= QgsMapLayer.Symbology
    if style.labels:
        categories |= QgsMapLayer.Labeling
    if style.aliases:
        categories |= QgsMapLayer.Fields
    if style.value_maps:
        categories |= QgsMapLayer.Forms
    ok, message = layer.importNamedStyle(document, categories)
    if not ok:
        raise ValueError(f"cannot apply the style to layer '{layer.name()}': {message}")
    if isinstance(style.renderer, Categorized):  # QML holds the values as text: give them back their type
        for index, (value, _label, _symbol) in enumerate(style.renderer.categories):
            layer.renderer().updateCategoryValue(index, value)
    layer.triggerRepaint()


def geometry_kind(layer) -> str:
    """'point', 'line' or 'polygon' (a layer without geometry: 'polygon')."""
    from qgis.core import QgsWkbTypes

    kind = QgsWkbTypes.geometryType(layer.wkbType())
    return {QgsWkbTypes.PointGeometry: "point", QgsWkbTypes.LineGeometry: "line"}.get(kind, "polygon")


def symbol_for(geometry: str, colour: str, outline: str = "#333333", size: float = 2.4, width: float = 0.6,
               opacity: float = 1.0) -> Symbol:
    """A plain symbol for a layer's geometry: circle marker, line, or filled polygon."""
    if geometry == "point":
        return marker("circle", colour, outline, size, opacity=opacity)
    if geometry == "line":
        return line(colour, width, opacity)
    return fill(colour, outline, 0.1, opacity=opacity)
