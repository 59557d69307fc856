"""Writing the filled layouts: one PDF (cover, then every sheet) and optionally one PNG per page.

The PDF is written by ONE ``QgsLayoutExporter.exportToPdf`` call on ``PagesThenAtlas``, a layout
iterator yielding the county's pages (cover, fire stations, shelters) and then every atlas feature of
the township layout — no external PDF tool, so it runs the same in QGIS on Windows, macOS and Linux.
Text is written as text (searchable), in a CJK family the machine has (``support.fonts``).
"""
import os

from qgis.core import QgsAbstractLayoutIterator, QgsLayoutExporter

from ..layers.atomic import atomic_output
from ..support import compat
from ..support.fonts import cjk_family, resolve_layout_fonts
from .township import round_main_map_scale


class PagesThenAtlas(QgsAbstractLayoutIterator):
    """A layout iterator: the single-page layouts in order, then each feature of the township layout's atlas.

    ``QgsLayoutExporter.exportToPdf(iterator, …)`` writes every step into one PDF (as it does for
    a QGIS report), and ``exportToImage(iterator, …)`` one image per page named by ``filePath``.
    """

    def __init__(self, singles, township):
        super().__init__()
        self.singles, self.atlas = list(singles), township.atlas()
        self.step, self.current = -1, None

    def count(self):
        return len(self.singles) + self.atlas.count()

    def beginRender(self):  # noqa: N802 (QGIS API)
        self.step, self.current = -1, None
        return self.atlas.beginRender()

    def endRender(self):  # noqa: N802
        return self.atlas.endRender()

    def next(self):
        self.step += 1
        if self.step < len(self.singles):
            self.current = self.singles[self.step]
            return True
        self.current = self.atlas.layout()
        if not self.atlas.next():
            return False
        round_main_map_scale(self.current)
        return True

    def layout(self):
        return self.current

    def filePath(self, base_file_path, extension):  # noqa: N802
        folder = os.path.dirname(base_file_path)
        stem = os.path.basename(base_file_path)
        return os.path.join(folder, f"{stem}_{self.step + 1:02d}.{extension}")


def resolve_fonts(*layouts):
    """Every text of the layouts in a CJK family this machine has (``support.fonts``), at export time."""
    family = cjk_family()
    for layout in layouts:
        resolve_layout_fonts(layout, family)


def page_count(singles, township):
    return len(singles) + township.atlas().count()


def pdf_settings(dpi=300):
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.textRenderFormat = compat.TEXT_ALWAYS_TEXT
    settings.forceVectorOutput = True
    settings.rasterizeWholeImage = False
    settings.exportMetadata = True
    settings.simplifyGeometries = True
    return settings


def export_pdf(singles, township, path, feedback=None, dpi=300):
    """Write the atlas PDF (the single-page layouts ``singles``, then the sheets) to ``path`` whole or not
    at all (``layers.atomic``): IOError when the export fails; ``path`` is then left as it was."""
    resolve_fonts(*singles, township)
    with atomic_output(path) as partial:
        result, error = QgsLayoutExporter.exportToPdf(PagesThenAtlas(singles, township), partial, pdf_settings(dpi),
                                                      feedback)
        if result != QgsLayoutExporter.Success:
            raise IOError(error or f"PDF export failed (code {int(result)})")
    return path


PNG_QUEUE = 2  # rendered pages waiting for the PNG writer (each ~17 MB at A3, 150 dpi)


def export_png(singles, township, folder, feedback=None, dpi=150, stem="page"):
    """One PNG per page: <folder>/page_01.png (cover), page_02.png … Returns the paths.

    Each page is rendered on this thread (``_render_page``: as ``exportToImage`` renders it, to the byte)
    and written by a second one: libpng's compression costs about as much as the rendering, and Qt lets
    go of the GIL while it writes. No world file and no metadata (GDAL cannot update PNGs)."""
    from concurrent.futures import ThreadPoolExecutor

    os.makedirs(folder, exist_ok=True)
    resolve_fonts(*singles, township)
    pages = PagesThenAtlas(singles, township)
    total, paths, pending = page_count(singles, township), [], []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="riskatlas-png") as writer:
        if not pages.beginRender():
            raise IOError("the atlas could not start")
        try:
            while pages.next():
                if feedback is not None and feedback.isCanceled():
                    raise IOError("cancelled")
                path = pages.filePath(os.path.join(folder, stem), "png")  # every layout here is one page
                pending.append(writer.submit(_write_png, _render_page(pages.layout(), dpi), path))
                paths.append(path)
                if len(pending) > PNG_QUEUE:  # one worker: its pages finish in order
                    pending[-PNG_QUEUE - 1].result()
                if feedback is not None:
                    feedback.setProgress(100.0 * len(paths) / max(total, 1))
        finally:
            pages.endRender()
            failed = [path for future, path in zip(pending, paths) if not future.result()]
    if failed:
        raise IOError(f"could not write {failed[0]}")
    return paths


def _render_page(layout, dpi):
    """The layout's first page as an image, with the render context ``exportToImage`` sets (its dpi —
    maps are drawn at the context's —, the default image flags, no predefined scales), restored after."""
    from qgis.PyQt.QtCore import QSize

    settings = QgsLayoutExporter.ImageExportSettings()
    context = layout.renderContext()
    kept = context.dpi(), context.flags(), context.predefinedScales()
    context.setDpi(dpi)
    context.setFlags(settings.flags)
    context.setPredefinedScales(settings.predefinedMapScales)
    try:
        return QgsLayoutExporter(layout).renderPageToImage(0, QSize(), dpi)
    finally:
        context.setDpi(kept[0])
        context.setFlags(kept[1])
        context.setPredefinedScales(kept[2])


def _write_png(image, path):
    from qgis.PyQt.QtGui import QImageWriter

    return QImageWriter(path, b"png").write(image)
