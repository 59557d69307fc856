"""Every character the atlas prints extracts from the PDF as itself (issue 16).

The atlas is exported (stand-in layers, atlas_standins.py) with its layers kept; its layouts are then
rebuilt from them and walked page by page as the export walks them. For each page, every non-space
character of its labels, legends and tables must be in ``pdftotext``'s text of that page, no CJK radical
code point (U+2E80–U+2FDF: what text set in Noto Sans CJK extracts as from QGIS 3.22 PDFs) may appear,
and the PDF holds 风险 exactly as often as the layouts print it.
"""
import html
import re
import subprocess

import pytest
from atlas_standins import atlas_parameters, run_exportatlas, write_standins
from qgis.core import (QgsLayoutItemAttributeTable, QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLegendRenderer,
                       QgsLegendStyle, QgsProject)
from qgis.PyQt.QtCore import Qt

from .conftest import SAMPLE_GPKG

RADICALS = re.compile("[\u2e80-\u2fdf]")
_KEEP = []


def _pdftotext(pdf, page):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-"],
                          capture_output=True, text=True, check=True).stdout


def _legend_texts(legend):
    texts = [legend.title()]
    model = legend.model()
    for node in model.rootGroup().findLayers():
        if QgsLegendRenderer.nodeLegendStyle(node, model) != QgsLegendStyle.Hidden:
            texts.append(node.name())
        texts += [legend_node.data(Qt.DisplayRole) or "" for legend_node in model.layerLegendNodes(node)]
    return texts


def _table_texts(table):
    table.refresh()
    rows = table.contents()
    texts = [column.heading() for column in table.columns()]
    if not rows:
        return texts + [table.emptyTableMessage()]
    return texts + [str(value) for row in rows for value in row if value is not None]


def _printed(label):
    """A label's text as printed: an HTML-mode label (long Chinese notes on QGIS ≥ 3.24) without its markup."""
    text = label.currentText()
    if label.mode() == QgsLayoutItemLabel.ModeHtml:
        text = html.unescape(re.sub(r"<[^>]+>", "\n", text))
    return text


def layout_texts(layout):
    """The text of every label, legend and table of ``layout`` as it is now (atlas feature included)."""
    texts = []
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            texts.append(_printed(item))
        elif isinstance(item, QgsLayoutItemLegend):
            texts += _legend_texts(item)
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutItemAttributeTable):
            texts += _table_texts(table)
    return texts


def pages_texts(gpkg):
    """[texts of page 1, page 2, …] of the atlas stored in ``gpkg``, walked as the export walks it."""
    from riskatlas.atlas.build import layouts_from_store
    from riskatlas.atlas.export import PagesThenAtlas

    atlas = layouts_from_store(QgsProject(), gpkg)
    iterator = PagesThenAtlas(atlas.singles, atlas.township)
    assert iterator.beginRender()
    pages = []
    while iterator.next():
        pages.append(layout_texts(iterator.layout()))
    iterator.endRender()
    atlas.project.clear()
    return pages


@pytest.fixture(scope="module", params=[("zh", "A3"), ("en", "A4")], ids=["zh-A3", "en-A4"])
def exported(request, qgis_processing_ready, tmp_path_factory):
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().providerById("riskatlas") is None:
        from riskatlas.processing.provider import RiskAtlasProvider

        _KEEP.append(RiskAtlasProvider())
        QgsApplication.processingRegistry().addProvider(_KEEP[-1])
    language, size = request.param
    folder = tmp_path_factory.mktemp(f"text_{language}")
    standins = write_standins(SAMPLE_GPKG, str(folder / "standins.gpkg"), cell_m=500.0)
    pdf, gpkg = str(folder / "atlas.pdf"), str(folder / "atlas.gpkg")
    result = run_exportatlas(atlas_parameters(standins, SAMPLE_GPKG, LANGUAGE=language, PAGE_SIZE=size, OUTPUT=pdf,
                                              ATLAS_LAYERS=gpkg))
    return result, pdf, pages_texts(gpkg), language


def test_every_character_of_every_page_extracts_as_itself(exported):
    result, pdf, pages, _language = exported
    assert len(pages) == result["PAGES"]
    for number, texts in enumerate(pages, start=1):
        printed = set("".join(texts)) - set(" \n\t\u3000")
        extracted = _pdftotext(pdf, number)
        assert not RADICALS.search(extracted), (number, RADICALS.findall(extracted)[:10])
        missing = sorted(printed - set(extracted))
        assert missing == [], (number, missing)


def test_fengxian_is_found_as_often_as_it_is_printed(exported):
    _result, pdf, pages, language = exported
    printed = sum(re.sub(r"\s", "", text).count("风险") for texts in pages for text in texts)
    extracted = sum(re.sub(r"\s", "", _pdftotext(pdf, number)).count("风险") for number in range(1, len(pages) + 1))
    assert extracted == printed
    assert printed > (100 if language == "zh" else 10)  # zh: every page's legend, tables and notes; en: the title
