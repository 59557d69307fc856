"""A layer's QGIS metadata stored in its GeoPackage as QGIS stores it (part of a bulk fill's transaction).

QGIS keeps a GeoPackage layer's metadata document in ``gpkg_metadata`` (standard URI
``http://mrcc.com/qgis.dtd``, ``text/xml``), tied to the table by a ``gpkg_metadata_reference``
row of scope ``table``, with the GeoPackage metadata extension declared in ``gpkg_extensions``
(seen in files QGIS 3.22 and 3.40 wrote with ``saveDefaultMetadata``). Writing those rows in
the fill's own transaction saves opening every output again through GDAL after the run (~14 ms
an output, issue 17). The document itself comes from QGIS (``processing.provenance``).
"""

import sqlite3

QGIS_METADATA_URI = "http://mrcc.com/qgis.dtd"
_EXTENSION = ("gpkg_metadata", "http://www.geopackage.org/spec120/#extension_metadata", "read-write")
# GDAL's own definitions of the tables (as in a file GDAL created them in)
_TABLES = (
    "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT,column_name TEXT,extension_name TEXT NOT NULL,"
    "definition TEXT NOT NULL,scope TEXT NOT NULL,CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))",
    "CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL,"
    "md_scope TEXT NOT NULL DEFAULT 'dataset',md_standard_uri TEXT NOT NULL,"
    "mime_type TEXT NOT NULL DEFAULT 'text/xml',metadata TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT NULL,table_name TEXT,"
    "column_name TEXT,row_id_value INTEGER,"
    "timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),md_file_id INTEGER NOT NULL,"
    "md_parent_id INTEGER,CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id),"
    "CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))",
)


def store_layer_metadata(connection, table, document):
    """Make ``document`` (QGIS's metadata XML) the QGIS metadata of ``table``, in the caller's
    transaction: an earlier QGIS document of the table is replaced, other metadata left alone.
    Returns False, having changed nothing, when the file's metadata tables are not as GDAL makes
    them (the caller then saves the metadata through QGIS): provenance never costs the rows."""
    connection.execute("SAVEPOINT riskatlas_metadata")
    try:
        _store(connection, table, document)
    except sqlite3.Error:
        connection.execute("ROLLBACK TO riskatlas_metadata")
        connection.execute("RELEASE riskatlas_metadata")
        return False
    connection.execute("RELEASE riskatlas_metadata")
    return True


def _store(connection, table, document):
    for sql in _TABLES:
        connection.execute(sql)
    for extension_table in ("gpkg_metadata", "gpkg_metadata_reference"):
        # the extensions' UNIQUE constraint does not hold for a NULL column_name: checked here
        connection.execute(
            "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
            "SELECT ?, NULL, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions WHERE "
            "lower(table_name) = lower(?) AND column_name IS NULL AND extension_name = ?)",
            (extension_table, *_EXTENSION, extension_table, _EXTENSION[0]))
    earlier = [row[0] for row in connection.execute(
        "SELECT r.md_file_id FROM gpkg_metadata_reference r JOIN gpkg_metadata m ON m.id = r.md_file_id "
        "WHERE r.reference_scope = 'table' AND lower(r.table_name) = lower(?) AND m.md_standard_uri = ?",
        (table, QGIS_METADATA_URI))]
    for md_id in earlier:
        connection.execute("DELETE FROM gpkg_metadata_reference WHERE md_file_id = ?", (md_id,))
        connection.execute("DELETE FROM gpkg_metadata WHERE id = ?", (md_id,))
    md_id = connection.execute(
        "INSERT INTO gpkg_metadata (md_scope, md_standard_uri, mime_type, metadata) VALUES ('dataset', ?, "
        "'text/xml', ?)", (QGIS_METADATA_URI, document)).lastrowid
    connection.execute("INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) "
                       "VALUES ('table', ?, ?)", (table, md_id))
