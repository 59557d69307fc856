"""assessment/chain.py describes the chain once; the README's table is rendered from it."""
import os

from riskatlas.assessment import chain
from riskatlas.layers.schemas import RESULT_LAYERS

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_the_chain_is_consistent():
    assert chain.check()
    assert [s.algorithm for s in chain.STEPS] == [
        "riskatlas:validateinputs", "riskatlas:gradehazardsources", "riskatlas:enterpriserisk",
        "riskatlas:firestationreach", "riskatlas:shelterpercapita", "riskatlas:resourcecoverage",
        "riskatlas:resourcecoverage", "riskatlas:fourcolourmap", "riskatlas:exportatlas"]
    assert [s.needs for s in chain.STEPS if s.needs] == ["RESCUE_TEAMS", "SUPPLY_DEPOTS"]
    written = [layer for step in chain.STEPS for layer in step.results()]
    assert sorted(written) == sorted(r.name for r in RESULT_LAYERS)  # each result layer written once


def test_steps_left_out_without_their_input():
    everything = {i: "x" for i in chain.ALL_INPUTS}
    assert chain.skipped_results(everything) == set()
    without_depots = {k: v for k, v in everything.items() if k != "SUPPLY_DEPOTS"}
    assert chain.skipped_results(without_depots) == {"depot_areas", "depot_gaps", "depot_towns", "depot_targets"}
    # every result of a step that may be left out is read only where the reader can do without it
    optional = {layer for step in chain.STEPS if step.needs for layer in step.results()}
    assert optional <= {r.name for r in RESULT_LAYERS if r.optional}


def test_an_unwired_result_is_refused(monkeypatch):
    broken = chain.Step("map", "four-colour map", "riskatlas:fourcolourmap", "",
                        {"ENTERPRISES": chain.Result("nothing_writes_this")})
    monkeypatch.setattr(chain, "STEPS", (broken,))
    try:
        chain.check()
    except ValueError as error:
        assert "nothing_writes_this" in str(error)
    else:
        raise AssertionError("check() accepted a result no step writes")


def test_the_readme_table_is_the_chain():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        readme = handle.read()
    assert chain.markdown_table() in readme  # regenerate: .venv/bin/python tools/build_model.py --readme-only
