"""core.errors: messages as structured parts (what, and where: layer, feature key and fid, field), rendered in
English or through a translation; core.messages: every message core shows comes from the one catalogue."""
import ast
import os
import string

import pytest

from riskatlas.core import messages as m
from riskatlas.core.errors import CONTEXT, InputError, Notice, feature_label, render

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_a_feature_is_named_by_its_key_then_its_fid():
    error = InputError(m.TURNOUT_NEGATIVE, layer="fire_stations", feature_ids=[6], field="turnout_min", keys=["FS06"])
    assert str(error) == "layer 'fire_stations'; feature FS06 (fid 6); field 'turnout_min': turnout time is negative"
    assert feature_label(6, None) == feature_label(6, "  ") == "fid 6"
    error = InputError(m.TURNOUT_NEGATIVE, layer="fire_stations", feature_ids=[6, 7], field="turnout_min")
    assert "features fid 6, fid 7" in str(error)
    assert error.feature_ids == [6, 7] and error.field == "turnout_min" and error.message == "turnout time is negative"


def test_long_lists_are_cut_and_counted():
    error = InputError(m.NO_GEOMETRY, layer="x", feature_ids=range(1, 26))
    assert "fid 10 and 15 more" in str(error) and "fid 11" not in str(error)


def test_arguments_fill_the_template_and_keys_come_from_the_caller():
    notice = Notice(m.IMPLAUSIBLE, layer="hazard_sources", feature_ids=[14], field="quantity_t", value=4e5,
                    plausible=1e5)
    assert str(notice) == ("layer 'hazard_sources'; feature fid 14; field 'quantity_t': 400000 is above 100000, more "
                           "than is plausible: check it (used as given)")
    assert render(notice, keys_of=lambda layer, fids: ["HU02"]).startswith("layer 'hazard_sources'; feature HU02 (fid 14)")
    assert render("plain text") == "plain text" and "check it" in notice


def test_a_translation_renders_every_part():
    chinese = {"layer '{layer}'": "图层“{layer}”", "feature {features}": "要素 {features}", "field '{field}'": "字段“{field}”",
               "; ": "，", "{where}: {what}": "{where}：{what}", m.NEGATIVE: "{value:g} 为负数"}
    error = InputError(m.NEGATIVE, layer="消防站", feature_ids=[6], field="turnout_min", keys=["FS06"], value=-2.0)
    assert error.render(lambda text: chinese.get(text, text)) == "图层“消防站”，要素 FS06 (fid 6)，字段“turnout_min”：-2 为负数"
    broken = {m.NEGATIVE: "{valeur} est négatif"}  # a translation that lost its placeholder: English, not a crash
    assert error.render(lambda text: broken.get(text, text)).endswith("-2 is negative")


def _templates():
    return {name: value for name, value in vars(m).items() if name.isupper() and isinstance(value, str)}


def test_templates_name_their_placeholders():
    for name, template in _templates().items():
        fields = [f for _text, f, _spec, _conv in string.Formatter().parse(template) if f is not None]
        assert all(f and not f.isdigit() for f in fields), name  # named, so translators can reorder them


def _core_files():
    for folder, _dirs, files in os.walk(os.path.join(ROOT, "core")):
        yield from (os.path.join(folder, f) for f in files if f.endswith(".py"))


@pytest.mark.parametrize("path", sorted(_core_files()), ids=lambda p: os.path.relpath(p, ROOT))
def test_core_raises_and_counts_only_catalogue_messages(path):
    """InputError / Notice take a core.messages template (m.NAME), never text of their own: every message
    core shows is in the catalogue, and so in the translation (context "InputError")."""
    tree = ast.parse(open(path, encoding="utf-8").read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("InputError", "Notice") and node.args:
            first = node.args[0]
            assert isinstance(first, (ast.Attribute, ast.Name)), f"{path}:{node.lineno}: a literal message"
    assert CONTEXT == "InputError"
