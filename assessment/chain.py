"""The assessment chain, described once: ordered steps, each a Risk Atlas algorithm whose
parameters are wired to the assessment's input layers, its options, fixed values or the result
layers of earlier steps.

Read by ``assessment/pipeline.py`` (``riskatlas:fullassessment`` runs the steps in this order),
``tools/build_model.py`` (which writes ``models/risk_atlas_assessment.model3`` from it), the full
assessment's help (``processing/help.py``) and the README's chain table (``markdown_table``; a
test keeps it in sync). A step that ``needs`` an optional input (the rescue teams' and supply depots'
coverage) is left out when that input is not given — by the full assessment, and always by the model
(a Processing model cannot leave a step out), whose later steps then do without its results.
Pure data: no qgis import.
"""
from dataclasses import dataclass, field
from typing import Mapping, Optional, Tuple

from ..core.standards.fire_stations import TIME_RULE_MIN, TURNOUT_CONVENTION_MIN
from ..core.standards.risk_presets import DEFAULT_CELL_SIZE_M, DEFAULT_RADII_M, HIGHEST_WINS
from ..core.standards.shelters import TARGET_M2_PER_CAPITA
from ..layers.schemas import ASSESSMENT_INPUTS, RESULT_BY_NAME


def QT_TRANSLATE_NOOP(context, text):  # noqa: N802 (the name pylupdate5 looks for; translated in the help)
    return text


@dataclass(frozen=True)
class Input:
    """An input layer of the assessment (a layers.schemas.ASSESSMENT_INPUTS parameter)."""

    parameter: str


@dataclass(frozen=True)
class Result:
    """A result layer written by an earlier step (a layers.schemas.RESULT_LAYERS name)."""

    layer: str


@dataclass(frozen=True)
class Option:
    """An option of the full assessment (OPTIONS)."""

    name: str


@dataclass(frozen=True)
class Extent:
    """The extent of an input layer."""

    parameter: str


@dataclass(frozen=True)
class Fixed:
    """A value the chain always uses."""

    value: object


@dataclass(frozen=True)
class OptionSpec:
    default: object
    in_model: bool = False  # a parameter of the model too (else the model uses the default)


# the full assessment's options, with the single algorithms' own defaults
OPTIONS: Mapping[str, OptionSpec] = {
    "METHOD": OptionSpec(0),  # enterpriserisk METHOD: 0 LEC, 1 matrix
    "PRESET": OptionSpec(None),  # enterpriserisk PRESET index (None: the method's first cut set)
    "CELL_SIZE": OptionSpec(DEFAULT_CELL_SIZE_M),  # fourcolourmap grid cell (m)
    "RADII": OptionSpec(",".join(f"{r:g}" for r in DEFAULT_RADII_M)),  # fourcolourmap radii of levels 1..4 (m)
    "AGGREGATION": OptionSpec(HIGHEST_WINS),  # fourcolourmap: highest level wins (就高)
    "TIME_LIMIT": OptionSpec(TIME_RULE_MIN),  # firestationreach minutes from dispatch
    "DEFAULT_TURNOUT": OptionSpec(TURNOUT_CONVENTION_MIN),  # firestationreach turnout when a station gives none
    "TARGET": OptionSpec(TARGET_M2_PER_CAPITA),  # shelterpercapita m² per person
    "URBAN_ONLY": OptionSpec(True),  # shelterpercapita counts urban residents
    "TITLE": OptionSpec(""),  # exportatlas (empty: the atlas default)
    "ORGANISATION": OptionSpec("", in_model=True),
    "DATE": OptionSpec(""),
    "PAGE_SIZE": OptionSpec("A3"),  # A3 or A4 landscape
    "LANGUAGE": OptionSpec(None, in_model=True),  # "zh" or "en"; None: QGIS's locale
    "COORDINATES": OptionSpec(0),  # importlayer COORDINATES for raw ledgers (assessment/raw_inputs.py)
    "RUN_LABEL": OptionSpec(""),  # exportatlas RUN_LABEL; the provenance table's run_label (comparescenarios reads it)
}
DEFAULT_OPTIONS = {name: spec.default for name, spec in OPTIONS.items()}


@dataclass(frozen=True)
class Step:
    key: str  # the model's child id
    title: str  # the step in logs and the provenance table
    algorithm: str
    summary: str  # one line for the help and the docs (English; translated in context "Chain")
    wiring: Mapping[str, object]  # algorithm parameter -> Input / Result / Option / Extent / Fixed
    outputs: Mapping[str, str] = field(default_factory=dict)  # output parameter -> result layer
    report: Optional[str] = None  # the step's HTML report: <report>.html in the output folder
    files: Mapping[str, Tuple[str, str, str]] = field(default_factory=dict)  # parameter -> (file, model output, label)
    stops_on_errors: bool = False  # the chain stops when this step reports errors
    needs: Optional[str] = None  # an optional input without which the step is left out (run and model)

    def results(self):
        return tuple(self.outputs.values())


ALL_INPUTS = {i.parameter: Input(i.parameter) for i in ASSESSMENT_INPUTS}

STEPS: Tuple[Step, ...] = (
    Step("validate", "validate", "riskatlas:validateinputs",
         QT_TRANSLATE_NOOP("Chain", "Validate the input layers with the rules of the steps below and the fields "
                                    "of the enterprise-risk method (the chain stops when errors are found: see "
                                    "validation.html)"),
         {**ALL_INPUTS, "METHOD": Option("METHOD")}, {"OUTPUT": "validation_report"}, report="validation",
         stops_on_errors=True),
    Step("grade", "grade hazard sources", "riskatlas:gradehazardsources",
         QT_TRANSLATE_NOOP("Chain", "Grade hazard sources (GB 18218-2018; exposed residents estimated from "
                                    "the population layer outside the plant boundary — the enterprise's polygon, "
                                    "else the unit's own — where a unit gives no exposed count)"),
         {"INPUT": Input("HAZARD_SOURCES"), "POPULATION": Input("POPULATION"), "ENTERPRISES": Input("ENTERPRISES")},
         {"OUTPUT": "hazard_units", "DETAILS": "hazard_details"}),
    Step("enterprises", "enterprise risk", "riskatlas:enterpriserisk",
         QT_TRANSLATE_NOOP("Chain", "Enterprise risk (LEC or risk matrix; an enterprise owning a graded hazard "
                                    "unit takes at least its level)"),
         {"INPUT": Input("ENTERPRISES"), "METHOD": Option("METHOD"), "PRESET": Option("PRESET"),
          "HAZARD_UNITS": Result("hazard_units")},
         {"OUTPUT": "enterprise_risk"}),
    Step("reach", "fire-station reach", "riskatlas:firestationreach",
         QT_TRANSLATE_NOOP("Chain", "Fire-station reach (the time limit from dispatch, on the road network; "
                                    "townships as study area, enterprises as targets)"),
         {"STATIONS": Input("FIRE_STATIONS"), "ROADS": Input("ROADS"), "STUDY_AREA": Input("TOWNSHIPS"),
          "POPULATION": Input("POPULATION"), "TARGETS": Result("enterprise_risk"),
          "TIME_LIMIT": Option("TIME_LIMIT"), "DEFAULT_TURNOUT": Option("DEFAULT_TURNOUT"),
          "LANGUAGE": Option("LANGUAGE")},
         {"OUTPUT_EDGES": "reach_edges", "OUTPUT_AREAS": "reach_areas", "OUTPUT_GAPS": "reach_gaps",
          "OUTPUT_TARGETS": "reach_targets", "OUTPUT_SUMMARY": "reach_summary"}, report="fire_station_reach"),
    Step("shelters", "shelter area per capita", "riskatlas:shelterpercapita",
         QT_TRANSLATE_NOOP("Chain", "Shelter area per capita per township (administrative method, against the "
                                    "fixed-shelter target)"),
         {"SHELTERS": Input("SHELTERS"), "SHELTERS_2": Input("SHELTERS_2"), "POPULATION": Input("POPULATION"),
          "UNITS": Input("TOWNSHIPS"), "METHOD": Fixed(0), "TARGET": Option("TARGET"),
          "URBAN_ONLY": Option("URBAN_ONLY"), "LANGUAGE": Option("LANGUAGE")},
         {"OUTPUT": "shelter_units", "OUTPUT_SHELTERS": "shelter_load", "OUTPUT_SUMMARY": "shelter_summary"},
         report="shelters"),
    Step("rescue", "rescue-team coverage", "riskatlas:resourcecoverage",
         QT_TRANSLATE_NOOP("Chain", "Rescue teams' coverage (their time limit from dispatch, on the road network; "
                                    "residents and key targets left out per township; when rescue teams are given)"),
         {"RESOURCES": Input("RESCUE_TEAMS"), "RESOURCE_KIND": Fixed(0), "ROADS": Input("ROADS"),
          "STUDY_AREA": Input("TOWNSHIPS"), "POPULATION": Input("POPULATION"), "KEY_TARGETS": Input("KEY_TARGETS")},
         {"OUTPUT_AREAS": "rescue_areas", "OUTPUT_GAPS": "rescue_gaps", "OUTPUT_TOWNSHIPS": "rescue_towns",
          "OUTPUT_TARGETS": "rescue_targets"}, needs="RESCUE_TEAMS"),
    Step("depots", "supply-depot coverage", "riskatlas:resourcecoverage",
         QT_TRANSLATE_NOOP("Chain", "Supply depots' coverage (as the rescue teams, with the depots' time limit; when "
                                    "supply depots are given)"),
         {"RESOURCES": Input("SUPPLY_DEPOTS"), "RESOURCE_KIND": Fixed(1), "ROADS": Input("ROADS"),
          "STUDY_AREA": Input("TOWNSHIPS"), "POPULATION": Input("POPULATION"), "KEY_TARGETS": Input("KEY_TARGETS")},
         {"OUTPUT_AREAS": "depot_areas", "OUTPUT_GAPS": "depot_gaps", "OUTPUT_TOWNSHIPS": "depot_towns",
          "OUTPUT_TARGETS": "depot_targets"}, needs="SUPPLY_DEPOTS"),
    Step("map", "four-colour map", "riskatlas:fourcolourmap",
         QT_TRANSLATE_NOOP("Chain", "Four-colour risk map on a square grid, cut to the townships "
                                    "(highest level wins by default; a level's lower bound belongs to that level)"),
         {"ENTERPRISES": Result("enterprise_risk"), "HAZARD_UNITS": Result("hazard_units"),
          "NATURAL_HAZARDS": Input("NATURAL_HAZARDS"),
          "EXTENT": Extent("TOWNSHIPS"), "CELL_SIZE": Option("CELL_SIZE"), "RADII": Option("RADII"),
          "AGGREGATION": Option("AGGREGATION"), "POPULATION": Input("POPULATION"), "STUDY_AREA": Input("TOWNSHIPS")},
         {"OUTPUT": "risk_map"}),
    Step("atlas", "atlas", "riskatlas:exportatlas",
         QT_TRANSLATE_NOOP("Chain", "The printed atlas (the county's four-colour, fire-station and shelter pages, then "
                                    "one sheet per township)"),
         {"RISK_MAP": Result("risk_map"), "ENTERPRISES": Result("enterprise_risk"),
          "HAZARD_UNITS": Result("hazard_units"), "SHELTERS": Input("SHELTERS"),
          "FIRE_STATIONS": Input("FIRE_STATIONS"), "REACH_AREAS": Result("reach_areas"),
          "REACH_GAPS": Result("reach_gaps"), "SHELTER_UNITS": Result("shelter_units"),
          "SHELTER_LOAD": Result("shelter_load"), "NATURAL_HAZARDS": Input("NATURAL_HAZARDS"),
          "RESCUE_TEAMS": Input("RESCUE_TEAMS"), "SUPPLY_DEPOTS": Input("SUPPLY_DEPOTS"),
          "RESCUE_AREAS": Result("rescue_areas"), "RESCUE_GAPS": Result("rescue_gaps"),
          "RESCUE_TOWNS": Result("rescue_towns"), "RESCUE_TARGETS": Result("rescue_targets"),
          "DEPOT_TOWNS": Result("depot_towns"),
          "TOWNSHIPS": Input("TOWNSHIPS"), "TITLE": Option("TITLE"), "ORGANISATION": Option("ORGANISATION"),
          "DATE": Option("DATE"), "PAGE_SIZE": Option("PAGE_SIZE"), "LANGUAGE": Option("LANGUAGE"),
          "TARGET": Option("TARGET"), "RUN_LABEL": Option("RUN_LABEL")},
         files={"OUTPUT": ("risk_atlas.pdf", "atlas_pdf", "Risk atlas (PDF)"),
                "OUTPUT_PNG_FOLDER": ("png", None, "")}),
)
STEP_BY_KEY = {s.key: s for s in STEPS}


def producer(result_layer):
    """(step, output parameter) writing ``result_layer``."""
    for step in STEPS:
        for parameter, layer in step.outputs.items():
            if layer == result_layer:
                return step, parameter
    raise KeyError(result_layer)


def skipped_results(given):
    """The result layers of the steps left out because an input they need is not ``given`` ({parameter: …})."""
    return {layer for step in STEPS if step.needs and not given.get(step.needs) for layer in step.results()}


def _reads(step):
    names = []
    for source in step.wiring.values():
        if isinstance(source, (Input, Extent)):
            names.append(source.parameter)
        elif isinstance(source, Result):
            names.append(f"`{source.layer}`")
    return ", ".join(dict.fromkeys(names))


def markdown_table():
    """The chain as a Markdown table (the README's): step, algorithm, what it reads and writes."""
    lines = ["| # | step | algorithm | reads | writes |", "|---|---|---|---|---|"]
    for number, step in enumerate(STEPS, start=1):
        writes = [f"`{name}`" for name in step.results()]
        writes += [f"`{spec[0]}`" for spec in step.files.values()]
        if step.report:
            writes.append(f"`{step.report}.html`")
        title = f"{step.title} (with {step.needs})" if step.needs else step.title
        lines.append(f"| {number} | {title} | `{step.algorithm}` | {_reads(step)} | {', '.join(writes)} |")
    return "\n".join(lines)


def check():
    """Every wire leads somewhere: results come from earlier steps, inputs and options exist."""
    written = set()
    for step in STEPS:
        for parameter, source in step.wiring.items():
            if isinstance(source, Result) and source.layer not in written:
                raise ValueError(f"{step.key}.{parameter}: {source.layer} is not written by an earlier step")
            if isinstance(source, (Input, Extent)) and source.parameter not in ALL_INPUTS:
                raise ValueError(f"{step.key}.{parameter}: no input {source.parameter}")
            if isinstance(source, Option) and source.name not in OPTIONS:
                raise ValueError(f"{step.key}.{parameter}: no option {source.name}")
        for layer in step.results():
            if layer not in RESULT_BY_NAME:
                raise ValueError(f"{step.key}: {layer} is not a declared result layer")
            written.add(layer)
    return True
