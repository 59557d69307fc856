"""The bad-input matrix's rows for the full assessment's planned layers (issue 20): PROPOSED_STATIONS as
fire-station siting writes its chosen sites (rank, site_id, road_id, added_residents — no station fields) and
PROPOSED_SHELTERS, on a variant of the full assessment that reads them. ``extend`` adds them to
``bad_input_cases``' tables."""
import copy

from bad_input_cases import ERROR, Algorithm, BadInput, I, Layer, R, S, _drop, _set, _text, box, point

PROPOSED_STATIONS = Layer("proposed_stations", "Point", [("rank", I), ("site_id", S), ("road_id", S),
                                                        ("added_residents", R)], [
    (point(500, 1500), {"rank": 1, "site_id": "C0007", "road_id": "R07", "added_residents": 900.0}),
    (point(3500, 500), {"rank": 2, "site_id": "C0012", "road_id": "R03", "added_residents": 200.0}),
], "site_id", 121)

PROPOSED_SHELTERS = Layer("proposed_shelters", "Polygon", [("shelter_id", S), ("type", S), ("area_m2", R)], [
    (box(1500, 1500, 1700, 1700), {"shelter_id": "PS01", "type": "fixed_long", "area_m2": 40000.0}),
], "shelter_id", 131)

PLANNED = ("fullassessment (proposed)",)
E = ERROR

BAD_INPUTS = [
    BadInput("proposed station id of an existing station", "duplicate ids", "proposed_stations",
             _set("C0012", site_id="FS02"), E, ("FS02",), "site_id", only=PLANNED),
    BadInput("proposed station duplicate id", "duplicate ids", "proposed_stations", _set("C0012", site_id="C0007"), E,
             ("C0007",), "site_id", only=PLANNED),
    BadInput("proposed shelter missing area field", "missing field", "proposed_shelters", _drop("area_m2"), E,
             field="area_m2", only=PLANNED),
    BadInput("proposed shelter missing type field", "missing field", "proposed_shelters", _drop("type"), E,
             field="type", only=PLANNED),
    BadInput("proposed shelter area null", "null", "proposed_shelters", _set("PS01", area_m2=None), E, ("PS01",),
             "area_m2", only=PLANNED),
    BadInput("proposed shelter area text", "text in number field", "proposed_shelters",
             _text("area_m2", "PS01", "很大"), E, ("PS01",), "area_m2", only=PLANNED),
    BadInput("proposed shelter id of an existing shelter", "duplicate ids", "proposed_shelters",
             _set("PS01", shelter_id="S01"), E, ("S01",), "shelter_id", only=PLANNED),
]


def extend(county, algorithms, bad_inputs, failing_input):
    """Add the planned layers, the full assessment's variant reading them and their bad inputs to the matrix."""
    county.update({layer.name: layer for layer in (PROPOSED_STATIONS, PROPOSED_SHELTERS)})
    full = algorithms["fullassessment"]
    algorithms[PLANNED[0]] = Algorithm(
        PLANNED[0], {**copy.deepcopy(full.inputs), "PROPOSED_STATIONS": "proposed_stations",
                     "PROPOSED_SHELTERS": "proposed_shelters"},
        dict(full.parameters), dict(full.outputs), slow=True, kept_on_failure=full.kept_on_failure,
        runs="fullassessment", layers=("proposed_stations", "proposed_shelters"))
    bad_inputs.extend(BAD_INPUTS)
    failing_input[PLANNED[0]] = "proposed shelter area null"
