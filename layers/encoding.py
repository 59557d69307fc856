"""Detecting GBK-encoded shapefiles that lack a .cpg (common in files from Chinese offices).

Without a .cpg (and without a code-page byte in the .dbf header) GDAL reads text as
ISO-8859-1, so Chinese names turn into mojibake. We look at the raw .dbf bytes: text that is
not valid UTF-8 but decodes as GBK is reported so the planner can set the layer encoding.
"""
import os
import struct

import numpy as np

# dBASE language-driver ids that declare a Chinese code page (GDAL honours them)
CHINESE_LDIDS = {0x4D, 0x7A}  # 0x4D: GB2312 (cp936) per ESRI; 0x7A: cp936 per dBASE
MAX_BYTES = 4 * 1024 * 1024  # enough records to decide


def dbf_path_for(path):
    base, ext = os.path.splitext(path)
    if ext.lower() not in (".shp", ".dbf"):
        return None
    for candidate in (base + ".dbf", base + ".DBF"):
        if os.path.exists(candidate):
            return candidate
    return None


def has_cpg(path):
    base = os.path.splitext(path)[0]
    return any(os.path.exists(base + ext) for ext in (".cpg", ".CPG"))


def sniff_dbf_text(dbf_path):
    """'ascii', 'utf-8', 'gbk' or 'unknown' for the character fields of a .dbf; plus its LDID byte."""
    with open(dbf_path, "rb") as handle:
        header = handle.read(32)
        if len(header) < 32:
            return "unknown", 0
        n_records, header_length, record_length = struct.unpack("<IHH", header[4:12])
        ldid = header[29]
        descriptors = handle.read(header_length - 32)
        text_slices, offset = [], 1  # byte 0 of each record is the deletion flag
        for i in range(0, len(descriptors) - 31, 32):
            if descriptors[i] == 0x0D:
                break
            field_type, field_length = chr(descriptors[i + 11]), descriptors[i + 16]
            if field_type == "C":
                text_slices.append((offset, offset + field_length))
            offset += field_length
        handle.seek(header_length)
        data = handle.read(min(n_records * record_length, MAX_BYTES))
    n_whole = len(data) // record_length if record_length else 0
    if not text_slices or n_whole == 0:
        return "ascii", ldid
    records = np.frombuffer(data[:n_whole * record_length], dtype=np.uint8).reshape(n_whole, record_length)
    text_bytes = np.concatenate([records[:, a:b] for a, b in text_slices], axis=1)
    if not (text_bytes >= 0x80).any():
        return "ascii", ldid
    text = text_bytes.tobytes()
    try:
        text.decode("utf-8")
        return "utf-8", ldid
    except UnicodeDecodeError:
        pass
    try:
        text.decode("gbk")
        return "gbk", ldid
    except UnicodeDecodeError:
        return "unknown", ldid


def gbk_without_declaration(path, provider_encoding=""):
    """True when ``path`` is a shapefile whose text is GBK but nothing tells GDAL so.

    ``provider_encoding``: the encoding the QGIS layer is set to; GBK/GB2312/GB18030/CP936
    there means the planner already fixed it ("System": the system's own encoding, a Chinese code page on
    a Chinese Windows, UTF-8 on most Linux systems).
    """
    encoding = (provider_encoding or "").upper().replace("-", "")
    if encoding == "SYSTEM":
        import locale

        encoding = (locale.getpreferredencoding(False) or "").upper().replace("-", "")
    if encoding in {"GBK", "GB2312", "GB18030", "CP936"}:
        return False
    dbf = dbf_path_for(path)
    if dbf is None or has_cpg(path):
        return False
    encoding, ldid = sniff_dbf_text(dbf)
    return encoding == "gbk" and ldid not in CHINESE_LDIDS
