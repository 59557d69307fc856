"""Styles of riskatlas:comparescenarios' outputs on the map: townships by the change in residents reached in
time (the colours of the comparison page, atlas/scenario_page.py), the changed features by what changed.

As data (``…_style``, no QGIS: ``styles/scenario_*.qml``) and on a layer (``style_scenario_…``)."""
from .qml import Categorized, Labels, RuleBased, Style, apply_style, fill, marker

DECREASE, UNCHANGED = "#FDAE91", "#F2F2F2"
# gains in residents reached in time: (lower bound, included; upper bound, excluded; colour)
GAIN_CLASSES = ((0.5, 5000.0, "#E5F5E0"), (5000.0, 10000.0, "#A1D99B"), (10000.0, None, "#41AB5D"))
GAINED, LOST = "#2C7BB6", "#D7191C"  # as the page's markers

_WORDS = {"decrease": ("可达人口减少", "fewer residents reached"), "unchanged": ("无变化", "no change"),
          "increase": ("可达人口增加", "more residents reached"), "gained": ("新增按时到达", "now reached in time"),
          "lost": ("不再按时到达", "no longer reached in time"), "better": ("改善", "better"),
          "worse": ("变差", "worse"), "added": ("仅变化后有", "only after"), "removed": ("仅变化前有", "only before")}


def _w(key, language):
    return _WORDS[key][0 if language == "zh" else 1]


def scenario_townships_style(language="zh"):
    """Townships by ``covered_change`` (residents; a change under 0.5 is none), named."""
    rules = [(_w("decrease", language), '"covered_change" <= -0.5', fill(DECREASE, "#404040", 0.3, opacity=0.8)),
             (_w("unchanged", language), 'abs(coalesce("covered_change", 0)) < 0.5',
              fill(UNCHANGED, "#404040", 0.3, opacity=0.8))]
    for low, high, colour in GAIN_CLASSES:
        expression = f'"covered_change" >= {low:g}' + ("" if high is None else f' AND "covered_change" < {high:g}')
        bounds = f"≥ {low:,.0f}" if high is None else f"{max(low, 1):,.0f} – {high:,.0f}"
        rules.append((f"{_w('increase', language)} {bounds}", expression, fill(colour, "#404040", 0.3, opacity=0.8)))
    return Style(RuleBased(tuple(rules)), Labels('"name"', 9))


def scenario_changes_style(language="zh"):
    """The changed features by ``status``: reached in time now (blue), no longer (red), the rest grey."""
    return Style(Categorized("status", (
        ("gained", _w("gained", language), marker("triangle", GAINED, "#ffffff", 2.6)),
        ("lost", _w("lost", language), marker("circle", LOST, "#ffffff", 2.6)),
        ("better", _w("better", language), marker("square", GAINED, "#ffffff", 2.2)),
        ("worse", _w("worse", language), marker("square", LOST, "#ffffff", 2.2)),
        ("added", _w("added", language), marker("circle", "#969696", "#ffffff", 2.0)),
        ("removed", _w("removed", language), marker("circle", "#636363", "#ffffff", 2.0)))))


def style_scenario_townships(layer, language="zh"):
    apply_style(layer, scenario_townships_style(language))


def style_scenario_changes(layer, language="zh"):
    apply_style(layer, scenario_changes_style(language))
