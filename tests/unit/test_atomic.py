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
