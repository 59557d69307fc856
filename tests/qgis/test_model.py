"""The shipped Processing model (models/*.model3) appears in the toolbox and runs the chain."""
import subprocess

from qgis.core import QgsApplication


def test_model_is_in_the_provider_and_runs_on_the_sample_county(run_algorithm, sample_gpkg, tmp_path):
    provider = QgsApplication.processingRegistry().providerById("riskatlas")
    ids = {a.id() for a in provider.algorithms()}
    assert "riskatlas:riskatlasassessmentmodel" in ids
    model = QgsApplication.processingRegistry().algorithmById("riskatlas:riskatlasassessmentmodel")
    children = {c.algorithmId() for c in model.childAlgorithms().values()}
    assert children == {"riskatlas:gradehazardsources", "riskatlas:enterpriserisk", "riskatlas:fourcolourmap",
                        "riskatlas:firestationreach", "riskatlas:shelterpercapita", "riskatlas:exportatlas"}
    layers = {p: f"{sample_gpkg}|layername={n}" for p, n in (
        ("ENTERPRISES", "enterprises"), ("HAZARD_SOURCES", "hazard_sources"), ("SHELTERS", "shelters"),
        ("FIRE_STATIONS", "fire_stations"), ("POPULATION", "population"), ("ROADS", "roads"),
        ("TOWNSHIPS", "townships"))}
    pdf = tmp_path / "atlas.pdf"
    results = run_algorithm("riskatlas:riskatlasassessmentmodel", {
        **layers, "LANGUAGE": "en", "ORGANISATION": "Linhai EMB",
        "atlas:atlas_pdf": str(pdf), "grade:hazard_units": "TEMPORARY_OUTPUT",
        "enterprises:enterprise_risk": "TEMPORARY_OUTPUT", "map:risk_map": "TEMPORARY_OUTPUT",
        "reach:reach_areas": "TEMPORARY_OUTPUT", "reach:reach_gaps": "TEMPORARY_OUTPUT",
        "shelters:shelter_units": "TEMPORARY_OUTPUT"})
    assert pdf.exists()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           11" in info
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Major risk" in text and "Linhai EMB" in text
    assert any(key.endswith("hazard_units") for key in results)
