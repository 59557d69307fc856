"""Risk Atlas QGIS plugin. Only the class factory lives here: importing the package has no side effects."""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    from .plugin import RiskAtlasPlugin

    return RiskAtlasPlugin(iface)
