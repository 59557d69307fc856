"""Labels of the assessment's input layers, shared by the algorithms that take all of them."""
from qgis.PyQt.QtCore import QCoreApplication


def input_labels():
    """{parameter name: translated label} for the eight input layer parameters."""
    return {
        "ENTERPRISES": QCoreApplication.translate("InputLayers", "Enterprises"),
        "HAZARD_SOURCES": QCoreApplication.translate("InputLayers", "Hazard sources (one record per unit and substance)"),
        "SHELTERS": QCoreApplication.translate("InputLayers", "Emergency shelters"),
        "SHELTERS_2": QCoreApplication.translate("InputLayers",
                                                 "Emergency shelters, second layer (e.g. points beside polygons)"),
        "FIRE_STATIONS": QCoreApplication.translate("InputLayers", "Fire stations"),
        "POPULATION": QCoreApplication.translate("InputLayers", "Population"),
        "ROADS": QCoreApplication.translate("InputLayers", "Roads"),
        "TOWNSHIPS": QCoreApplication.translate("InputLayers", "Townships"),
    }
