"""Fonts resolve on the machine at hand (support.fonts with QFontDatabase): at load, at export, in a project."""
from qgis.core import QgsLayoutItemLabel, QgsPrintLayout, QgsProject, QgsReadWriteContext, QgsTextFormat
from qgis.PyQt.QtGui import QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from riskatlas.support import fonts


def test_the_picked_family_is_installed(qgis_app):
    family = fonts.cjk_family()
    assert family in QFontDatabase().families()
    assert fonts.is_cjk_family(family)


def test_a_layout_naming_a_missing_font_gets_an_installed_one(qgis_app):
    installed = QFontDatabase().families()
    missing = next(name for name in ("Microsoft YaHei", "PingFang SC", "SimSun") if name not in installed)
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    label = QgsLayoutItemLabel(layout)
    label.setText("重大风险")
    label.setFont(QFont(missing, 12))
    layout.addLayoutItem(label)
    family = fonts.resolve_layout_fonts(layout)
    assert family in installed and label.font().family() == family
    assert label.font().pointSizeF() == 12


def test_a_text_format_carries_every_family_and_qgis_picks_an_installed_one(qgis_app):
    text_format = QgsTextFormat()
    text_format.setFont(QFont("PingFang SC"))
    fonts.text_format_with_families(text_format)
    assert text_format.families()[1:] == [n for n in fonts.all_names() if n != text_format.font().family()]
    # as if read on a machine without the family first named: QGIS falls back to the list, silently
    text_format.setFont(QFont("PingFang SC"))
    document = QDomDocument()
    element = text_format.writeXml(document, QgsReadWriteContext())
    context = QgsReadWriteContext()
    read = QgsTextFormat()
    read.readXml(element, context)
    assert read.font().family() in QFontDatabase().families()
    assert context.takeMessages() == []


def test_substitutions_let_qt_draw_a_missing_listed_family(qgis_app):
    family = fonts.install_substitutions()
    missing = next(n for n in fonts.all_names() if n not in QFontDatabase().families())
    assert family.casefold() in QFont.substitutes(missing)  # Qt keeps substitutes in lower case
