"""Render a QGIS project's visible layers to a PNG (for looking at results headlessly).

Usage: .venv/bin/python tools/render_project.py project.qgz out.png [width_px]
"""
import importlib.util
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def render(project_path, png_path, width=1600):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    project = QgsProject.instance()
    project.read(project_path)
    layers = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(project.crs())
    extent = layers[-1].extent()
    for layer in layers:
        extent.combineExtentWith(layer.extent())
    extent.scale(1.03)
    height = int(width * extent.height() / extent.width())
    settings.setOutputSize(QSize(width, height))
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(png_path, "PNG")
    return png_path


if __name__ == "__main__":
    spec = importlib.util.spec_from_file_location("bench_common", os.path.join(ROOT, "bench", "common.py"))
    common = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(common)
    app = common.start_qgis()
    print(render(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1600))
