"""The INPUT of an import read as cells: spreadsheets and CSV row by row as text, vector layers with
their geometries (the reading half of ``riskatlas:importlayer``).

* xlsx / xlsm / ods / xls: GDAL's spreadsheet drivers with the header detection off and every
  field as text (``OGR_XLSX_HEADERS=DISABLE``, ``OGR_XLSX_FIELD_TYPES=STRING``; ODS and XLS alike), so
  the merged title row, the header
  row and leading zeros arrive as written; each feature's id is its row number in Excel. The
  first sheet, unless ``|layername=`` names one.
* csv / txt / tsv: UTF-8 (with or without BOM) or GBK (read as GB 18030, its superset), the
  delimiter sniffed (comma, tab, semicolon, bar); row numbers as a spreadsheet shows them.
* anything else QGIS opens (shapefile, GeoJSON, a GeoPackage layer, a layer of the project): its
  fields are the headers, its feature ids the row numbers; a shapefile whose text is GBK without
  a .cpg is read as GBK (``layers.encoding``).
"""
import csv
import io
import os
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

import numpy as np

from ..core.ledger.report import value_text
from ..core.ledger.table import SourceTable

SHEET_DRIVERS = {".xlsx": "XLSX", ".xlsm": "XLSX", ".ods": "ODS", ".xls": "XLS"}
TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")
CSV_ENCODINGS = (("utf-8-sig", "UTF-8"), ("gb18030", "GBK"))
GBK_NOTE = "GBK (.dbf without .cpg)"  # the encoding note of a shapefile read as GBK


@dataclass
class LedgerSource:
    """What an INPUT holds: cells (``table``), geometries (shapely, in ``crs``; None for a table),
    the source's CRS (None when it has none) and notes on how it was read (driver, sheet, encoding)."""

    name: str
    table: SourceTable
    geometries: object = None
    crs: object = None
    notes: list = field(default_factory=list)  # (status, value) pairs for the report: ("source", …), ("encoding", …)
    wkb_type: object = None


def split_uri(text):
    """'path|layername=x|…' → (path, 'x' or None)."""
    parts = str(text).split("|")
    layer = next((p.split("=", 1)[1] for p in parts[1:] if p.lower().startswith("layername=")), None)
    return parts[0], layer


def is_table_file(path):
    return os.path.splitext(path)[1].lower() in tuple(SHEET_DRIVERS) + TEXT_EXTENSIONS


def read_sheet(path, sheet=None):
    """A spreadsheet's rows as text with their Excel row numbers (the first sheet unless ``sheet``)."""
    from osgeo import gdal

    driver = SHEET_DRIVERS[os.path.splitext(path)[1].lower()]
    # GDAL's spreadsheet drivers take these as configuration options (thread-local here: QGIS's other
    # threads keep their own header detection)
    configs = {f"OGR_{driver}_HEADERS": "DISABLE", f"OGR_{driver}_FIELD_TYPES": "STRING"}
    previous = {key: gdal.GetThreadLocalConfigOption(key, None) for key in configs}
    for key, value in configs.items():
        gdal.SetThreadLocalConfigOption(key, value)
    try:
        dataset = gdal.OpenEx(path, gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=[driver])
        if dataset is None:
            raise ValueError(f"{os.path.basename(path)}: not a readable {driver} file")
        layer = dataset.GetLayerByName(sheet) if sheet else dataset.GetLayer(0)
        if layer is None:
            names = [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]
            raise ValueError(f"{os.path.basename(path)}: no sheet '{sheet}' (sheets: {', '.join(names)})")
        width = layer.GetLayerDefn().GetFieldCount()
        rows, numbers = [], []
        for feature in layer:
            rows.append([feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else None
                         for i in range(width)])
            numbers.append(feature.GetFID())
        name = layer.GetName()
    finally:
        for key, value in previous.items():
            gdal.SetThreadLocalConfigOption(key, value)
    if numbers and min(numbers) == 0:  # a driver counting from 0: rows as Excel shows them
        numbers = [n + 1 for n in numbers]
    return LedgerSource(f"{os.path.basename(path)} ▸ {name}", SourceTable(rows, numbers),
                        notes=[("source", f"{os.path.basename(path)} ▸ {name} ({driver})")])


def read_text_table(path):
    """A CSV/text table's rows (UTF-8, UTF-8 with BOM or GBK; delimiter sniffed)."""
    with open(path, "rb") as handle:
        raw = handle.read()
    for codec, label in CSV_ENCODINGS:
        try:
            text = raw.decode(codec)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{os.path.basename(path)}: the text is neither UTF-8 nor GBK")
    if codec == "utf-8-sig" and raw.startswith(b"\xef\xbb\xbf"):
        label = "UTF-8 (BOM)"
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",\t;|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = "\t" if path.lower().endswith(".tsv") else ","
    rows = [[cell if cell.strip() else None for cell in row] for row in csv.reader(io.StringIO(text),
                                                                                   delimiter=delimiter)]
    return LedgerSource(os.path.basename(path), SourceTable(rows, list(range(1, len(rows) + 1))),
                        notes=[("source", os.path.basename(path)), ("encoding", label)])


def read_vector(layer, name):
    """A QGIS vector layer's attributes (as text) and geometries, in the layer's own CRS."""
    from ..support import compat
    from .convert import source_to_frame
    from .encoding import gbk_without_declaration

    notes = [("source", name)]
    path = split_uri(layer.source())[0]
    if layer.providerType() == "ogr" and gbk_without_declaration(path, layer.dataProvider().encoding()):
        layer.setProviderEncoding("GBK")
        notes.append(("encoding", GBK_NOTE))
    frame = source_to_frame(layer, name, target_crs=layer.crs())
    gdf = frame.gdf
    columns = [c for c in gdf.columns if c != gdf.geometry.name and not (c == "fid" and _is_index(gdf[c], gdf.index))]
    cells = np.column_stack([_texts(gdf[c]) for c in columns]) if columns else np.zeros((len(gdf), 0), dtype=object)
    has_geometry = layer.wkbType() != compat.WKB_NO_GEOMETRY and not gdf.geometry.isna().all()
    crs = layer.crs() if layer.crs().isValid() else None
    return LedgerSource(name, SourceTable(cells, [int(i) for i in gdf.index], headers=tuple(columns)),
                        np.asarray(gdf.geometry.values, dtype=object) if has_geometry else None, crs, notes,
                        layer.wkbType())


def _is_index(series, index):
    """True for a GeoPackage's fid column (the feature ids themselves: the row numbers)."""
    import pandas as pd

    return bool(pd.api.types.is_integer_dtype(series)) and (series.to_numpy() == index.to_numpy()).all()


def _texts(series):
    """A column as text cells (None where null): whole numbers without '.0', others as written."""
    import pandas as pd

    missing = series.isna().to_numpy()
    if pd.api.types.is_bool_dtype(series):
        text = np.where(series.to_numpy(dtype=bool), "true", "false").astype(object)
    elif pd.api.types.is_integer_dtype(series):
        text = series.astype(str).to_numpy(dtype=object)
    elif pd.api.types.is_float_dtype(series):
        values = series.to_numpy(dtype=np.float64)
        whole = np.isfinite(values) & (values == np.round(values)) & (np.abs(values) < 1e15)
        text = np.array([f"{v:.15g}" for v in values], dtype=object)
        text[whole] = values[whole].astype(np.int64).astype(str)
    else:
        text = np.array([v if v is None or isinstance(v, str) else value_text(v) for v in series], dtype=object)
    text[missing] = None
    return text


def layer_source(layer):
    """The URI another algorithm can open a layer by: a delimited-text layer's file path, else its source."""
    if layer.providerType() == "delimitedtext":
        return unquote(urlparse(layer.source()).path)
    return layer.source()


def read_ledger_source(value, context):
    """The INPUT parameter's value (a path, 'path|layername=x', a layer id or a layer) as cells."""
    from qgis.core import QgsMapLayer, QgsProcessingUtils, QgsVectorLayer

    layer = value if isinstance(value, QgsMapLayer) else None
    if layer is None and isinstance(value, str) and value.strip():
        layer = QgsProcessingUtils.mapLayerFromString(value, context, False) if not _is_path(value) else None
        if layer is None:
            return _read_path(value.strip())
    if layer is None:
        raise ValueError("no input")
    if layer.providerType() == "delimitedtext":
        return read_text_table(unquote(urlparse(layer.source()).path))
    path, sheet = split_uri(layer.source())
    if layer.providerType() == "ogr" and is_table_file(path) and os.path.exists(path):
        return _read_path(layer.source())
    if not isinstance(layer, QgsVectorLayer):
        raise ValueError(f"{layer.name()}: not a vector layer or table")
    return read_vector(layer, layer.name())


def _is_path(text):
    return os.path.exists(split_uri(text)[0])


def _read_path(uri):
    from qgis.core import QgsVectorLayer

    path, sheet = split_uri(uri)
    extension = os.path.splitext(path)[1].lower()
    if not os.path.exists(path):
        raise ValueError(f"{path}: no such file")
    if extension in SHEET_DRIVERS:
        return read_sheet(path, sheet)
    if extension in TEXT_EXTENSIONS:
        return read_text_table(path)
    layer = QgsVectorLayer(uri, os.path.basename(path), "ogr")
    if not layer.isValid():
        raise ValueError(f"{os.path.basename(path)}: QGIS cannot open it as a vector layer or table")
    return read_vector(layer, f"{os.path.basename(path)}" + (f" ▸ {sheet}" if sheet else ""))
