"""layers.gpkg_metadata: a table's QGIS metadata document stored as QGIS stores it in a GeoPackage."""
import sqlite3

from riskatlas.layers.gpkg_metadata import QGIS_METADATA_URI, store_layer_metadata


def _rows(connection):
    documents = connection.execute("SELECT r.table_name, m.md_standard_uri, m.metadata FROM gpkg_metadata m JOIN "
                                   "gpkg_metadata_reference r ON r.md_file_id = m.id ORDER BY m.id").fetchall()
    extensions = connection.execute("SELECT table_name, column_name, extension_name, scope FROM gpkg_extensions "
                                    "ORDER BY table_name").fetchall()
    return documents, extensions


def test_a_second_document_replaces_the_first_and_leaves_other_metadata_alone():
    connection = sqlite3.connect(":memory:")
    store_layer_metadata(connection, "edges", "<qgis>one</qgis>")
    # metadata of another standard on the same table (GDAL's own, say) is not QGIS's document
    connection.execute("INSERT INTO gpkg_metadata (md_standard_uri, metadata) VALUES ('http://gdal.org', '<GDAL/>')")
    connection.execute("INSERT INTO gpkg_metadata_reference (reference_scope, table_name, md_file_id) "
                       "VALUES ('table', 'edges', last_insert_rowid())")
    store_layer_metadata(connection, "areas", "<qgis>areas</qgis>")
    store_layer_metadata(connection, "EDGES", "<qgis>two</qgis>")  # table names compare as SQLite's, any case
    documents, extensions = _rows(connection)
    assert documents == [("edges", "http://gdal.org", "<GDAL/>"), ("areas", QGIS_METADATA_URI, "<qgis>areas</qgis>"),
                         ("EDGES", QGIS_METADATA_URI, "<qgis>two</qgis>")]
    assert extensions == [("gpkg_metadata", None, "gpkg_metadata", "read-write"),
                          ("gpkg_metadata_reference", None, "gpkg_metadata", "read-write")]
    timestamp = connection.execute("SELECT timestamp FROM gpkg_metadata_reference LIMIT 1").fetchone()[0]
    assert timestamp.endswith("Z") and "T" in timestamp


def test_metadata_tables_not_as_gdal_makes_them_change_nothing_and_say_so():
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.execute("CREATE TABLE gpkg_metadata (id INTEGER PRIMARY KEY, metadata_standard_URI TEXT, metadata TEXT)")
    connection.execute("CREATE TABLE rows (i INTEGER)")
    connection.execute("BEGIN")
    connection.execute("INSERT INTO rows VALUES (1)")
    assert store_layer_metadata(connection, "rows", "<qgis/>") is False
    connection.execute("INSERT INTO rows VALUES (2)")  # the caller's transaction goes on
    connection.execute("COMMIT")
    assert connection.execute("SELECT i FROM rows").fetchall() == [(1,), (2,)]
    assert connection.execute("SELECT count(*) FROM gpkg_metadata").fetchone() == (0,)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == {"gpkg_metadata", "rows"}  # no extension rows, no reference table left behind
