"""The Chinese font of everything the plugin draws: one list of common CJK families, resolved on the
machine at hand — the one place that knows font names.

QGIS 3.22 has no font manager: a project or layout names a font family, and the machine that opens
it must have it. So the plugin names a family from ``CJK_FAMILIES`` (WenQuanYi Zen Hei on Linux,
Microsoft YaHei / SimHei / SimSun on Windows, PingFang SC / Heiti SC / STHeiti on macOS, …) and
resolves it against ``QFontDatabase``:

* text formats (layer labels, layout tables, scale bars) carry the whole list as their
  ``families``, so QGIS itself picks the first one installed when it reads a project;
* layout labels and legends (a plain font in 3.22) are resolved when the plugin loads a template,
  when it exports an atlas and when a project is opened (``resolve_project_fonts``), and Qt
  substitutes an installed family for a missing one (``install_substitutions``).

Qt may list a family under its localised name (文泉驿正黑 for WenQuanYi Zen Hei under a Chinese
locale): the aliases below cover that. The order is a preference: WenQuanYi Zen Hei first, because
text set in Noto Sans CJK / Source Han Sans extracts from QGIS 3.22 PDFs as CJK radical code points
(⻛ instead of 风), so those come last.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class CjkFamily:
    name: str  # as fontconfig / Windows / macOS name it in English
    aliases: tuple  # other names Qt may list it under (localised names, other spellings)
    system: str  # where it usually is


CJK_FAMILIES = (
    CjkFamily("WenQuanYi Zen Hei", ("文泉驿正黑", "文泉驛正黑"), "Linux"),
    CjkFamily("Microsoft YaHei", ("微软雅黑", "Microsoft YaHei UI"), "Windows"),
    CjkFamily("SimHei", ("黑体",), "Windows"),
    CjkFamily("PingFang SC", ("苹方-简", "苹方", "蘋方-簡"), "macOS"),
    CjkFamily("Heiti SC", ("黑体-简", "黑體-簡"), "macOS"),
    CjkFamily("STHeiti", ("华文黑体", "華文黑體"), "macOS"),
    CjkFamily("SimSun", ("宋体", "新宋体", "NSimSun"), "Windows"),
    CjkFamily("WenQuanYi Micro Hei", ("文泉驿微米黑", "文泉驛微米黑"), "Linux"),
    CjkFamily("Source Han Sans SC", ("思源黑体", "Source Han Sans CN", "Source Han Sans"), "Linux"),
    CjkFamily("Noto Sans CJK SC", ("Noto Sans SC",), "Linux"),
)
DEFAULT_FAMILY = CJK_FAMILIES[0].name
EXTRACTS_AS_RADICALS = ("Source Han Sans SC", "Noto Sans CJK SC")  # see the module docstring


def all_names():
    """Every name of every family in ``CJK_FAMILIES``, in order of preference (a text format's families)."""
    return [name for family in CJK_FAMILIES for name in (family.name,) + family.aliases]


def is_cjk_family(name):
    """True when ``name`` is one of the families (or aliases) of ``CJK_FAMILIES``."""
    return (name or "").strip().casefold() in {n.casefold() for n in all_names()}


def pick_family(installed):
    """The first family of ``CJK_FAMILIES`` found in ``installed`` (family names as Qt lists them),
    as Qt lists it; None when none is installed. Qt may add the foundry ("Family [Foundry]")."""
    by_name = {}
    for listed in installed:
        by_name.setdefault(listed.casefold(), listed)
        by_name.setdefault(listed.split(" [")[0].casefold(), listed)
    for family in CJK_FAMILIES:
        for name in (family.name,) + family.aliases:
            if name.casefold() in by_name:
                return by_name[name.casefold()]
    return None


# ---------------------------------------------------------------- on this machine (Qt)

def installed_families():
    from qgis.PyQt.QtGui import QFontDatabase

    return QFontDatabase().families()


def cjk_family():
    """The CJK family to use on this machine, as Qt lists it (DEFAULT_FAMILY when none is installed:
    Qt then substitutes what it can)."""
    return pick_family(installed_families()) or DEFAULT_FAMILY


def resolved(name, family=None, installed=None):
    """``name`` when it is installed or not a CJK family of the list (a planner's own font is left
    alone), else this machine's CJK family ``family`` (default ``cjk_family()``)."""
    installed = installed_families() if installed is None else installed
    if name in installed or not is_cjk_family(name):
        return name
    return family or pick_family(installed) or DEFAULT_FAMILY


def install_substitutions():
    """Let Qt draw every listed CJK name that is not installed with the one that is (fonts named in a
    project from another machine then still show Chinese). Returns the family substituted in."""
    from qgis.PyQt.QtGui import QFont

    installed = installed_families()
    family = pick_family(installed)
    if family:
        for name in all_names():
            if name not in installed and family.casefold() not in QFont.substitutes(name):  # Qt keeps them lower-case
                QFont.insertSubstitution(name, family)
    return family


def text_format_with_families(text_format, family=None):
    """``text_format`` (a QgsTextFormat, changed in place) set in this machine's CJK family, with every
    listed family as its fallbacks (QGIS picks the first installed one when it reads the project)."""
    font = text_format.font()
    font.setFamily(resolved(font.family(), family))
    text_format.setFont(font)
    if is_cjk_family(font.family()):
        text_format.setFamilies([font.family()] + [n for n in all_names() if n != font.family()])
    return text_format


def _font(font, family):
    font.setFamily(resolved(font.family(), family))
    return font


def resolve_layout_fonts(layout, family=None):
    """Resolve the font of every text of ``layout`` (labels, legends, tables, scale bars)."""
    from qgis.core import (QgsLayoutItemAttributeTable, QgsLayoutItemLabel, QgsLayoutItemLegend,
                           QgsLayoutItemScaleBar, QgsLegendStyle)

    from . import compat

    family = family or cjk_family()
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            text_format = compat.label_text_format(item)
            if text_format is None:
                item.setFont(_font(item.font(), family))
            else:
                item.setTextFormat(text_format_with_families(text_format, family))
        elif isinstance(item, QgsLayoutItemLegend):
            for component in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                              QgsLegendStyle.SymbolLabel):
                text_format = compat.legend_text_format(item, component)
                if text_format is None:
                    item.setStyleFont(component, _font(item.styleFont(component), family))
                else:
                    compat.set_legend_text_format(item, component, text_format_with_families(text_format, family))
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(text_format_with_families(item.textFormat(), family))
    for frame_owner in layout.multiFrames():
        if isinstance(frame_owner, QgsLayoutItemAttributeTable):
            frame_owner.setHeaderTextFormat(text_format_with_families(frame_owner.headerTextFormat(), family))
            frame_owner.setContentTextFormat(text_format_with_families(frame_owner.contentTextFormat(), family))
    return family


def resolve_layer_fonts(layer, family=None):
    """Resolve the label font of a vector layer with simple labels."""
    labeling = layer.labeling() if hasattr(layer, "labeling") else None
    if labeling is None or not hasattr(labeling, "settings"):
        return
    settings = labeling.settings()
    settings.setFormat(text_format_with_families(settings.format(), family))
    labeling.setSettings(settings)


def resolve_project_fonts(project):
    """Resolve the fonts of every layout and labelled layer of ``project`` (after it was read)."""
    family = cjk_family()
    for layout in project.layoutManager().printLayouts():
        resolve_layout_fonts(layout, family)
    for layer in project.mapLayers().values():
        resolve_layer_fonts(layer, family)
    return family
