"""layers.atomic: an output is whole or absent; layers.report_html: one page builder for every report."""
import os

import pytest

from riskatlas.layers.atomic import atomic_output
from riskatlas.layers.report_html import Cell, HtmlPage, Raw


def test_the_target_appears_only_when_the_block_succeeds(tmp_path):
    target = tmp_path / "out.gpkg"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_output(str(target)) as temporary:
            assert os.path.dirname(temporary) == str(tmp_path) and temporary.endswith(".gpkg")
            with open(temporary, "w") as handle:
                handle.write("half")
            raise RuntimeError("a step failed")
    assert target.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]
    with atomic_output(str(target)) as temporary:
        with open(temporary, "w") as handle:
            handle.write("new")
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == ["out.gpkg"]


def test_an_open_geopackage_is_not_renamed(tmp_path):
    target = tmp_path / "out.gpkg"
    with pytest.raises(IOError, match="still open"):
        with atomic_output(str(target)) as temporary:
            for name in (temporary, temporary + "-wal"):
                open(name, "w").close()
    assert list(tmp_path.iterdir()) == []


def test_page_builder_escapes_text_but_not_raw_html():
    page = HtmlPage("A & B")
    page.table(["x", Cell("y", "l")], [[1, Cell("<b>", "error")], [Raw("<i>2</i>"), "z"]])
    html = page.render()
    assert "<title>A &amp; B</title>" in html and "<th class='l'>y</th>" in html
    assert "<td class='error'>&lt;b&gt;</td>" in html and "<td><i>2</i></td>" in html


def test_an_output_set_renames_everything_at_the_end_or_leaves_nothing(tmp_path):
    from riskatlas.layers.atomic import OutputSet

    (tmp_path / "report.html").write_text("earlier")
    (tmp_path / "png").mkdir()
    (tmp_path / "png" / "old.png").write_text("earlier")
    outputs = OutputSet()
    html, folder, shape = (outputs.file(str(tmp_path / "report.html")), outputs.folder(str(tmp_path / "png")),
                           outputs.file(str(tmp_path / "sub" / "roads.shp")))
    for path in (html, os.path.join(folder, "page_01.png"), shape, shape[:-4] + ".dbf"):
        with open(path, "w") as handle:
            handle.write("new")
    outputs.rollback()  # a failure: the earlier files stay as they were, nothing new remains
    assert (tmp_path / "report.html").read_text() == "earlier" and os.listdir(tmp_path / "png") == ["old.png"]
    assert sorted(os.listdir(tmp_path)) == ["png", "report.html", "sub"] and os.listdir(tmp_path / "sub") == []
    with OutputSet() as outputs:
        html, folder = outputs.file(str(tmp_path / "report.html")), outputs.folder(str(tmp_path / "png"))
        shape = outputs.file(str(tmp_path / "sub" / "roads.shp"))
        for path in (html, os.path.join(folder, "page_01.png"), shape, shape[:-4] + ".dbf"):
            with open(path, "w") as handle:
                handle.write("new")
        assert not (tmp_path / "sub" / "roads.shp").exists()  # not before the end
    assert (tmp_path / "report.html").read_text() == "new" and os.listdir(tmp_path / "png") == ["page_01.png"]
    assert sorted(os.listdir(tmp_path / "sub")) == ["roads.dbf", "roads.shp"]


def test_tables_added_to_an_existing_geopackage_are_dropped_on_failure(tmp_path):
    from osgeo import ogr

    from riskatlas.layers.atomic import OutputSet, gpkg_tables

    path = str(tmp_path / "results.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    dataset.CreateLayer("keep", None, ogr.wkbNone)
    dataset = None
    outputs = OutputSet()
    outputs.table(path, "new_table")
    outputs.geopackage(path)
    dataset = ogr.Open(path, 1)
    for name in ("new_table", "atlas_extra"):
        dataset.CreateLayer(name, None, ogr.wkbNone)
    dataset = None
    assert gpkg_tables(path) == {"keep", "new_table", "atlas_extra"}
    outputs.rollback()
    assert gpkg_tables(path) == {"keep"}
    outputs = OutputSet()
    outputs.table(str(tmp_path / "fresh.gpkg"), "t")  # the run creates the file: it goes as a whole
    ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "fresh.gpkg")).CreateLayer("t", None, ogr.wkbNone)
    outputs.rollback()
    assert not (tmp_path / "fresh.gpkg").exists()
