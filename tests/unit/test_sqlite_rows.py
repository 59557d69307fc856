"""Many rows to an INSERT (layers.sqlite_rows) store what one-row executemany stores."""
import sqlite3

import pytest

from riskatlas.layers import sqlite_rows


@pytest.mark.parametrize("n, width", [(0, 3), (1, 3), (127, 2), (128, 2), (1000, 3), (1001, 10), (2500, 1)])
def test_the_rows_are_those_of_one_row_inserts(monkeypatch, n, width):
    monkeypatch.setattr(sqlite_rows, "CHUNK_ROWS", 700)  # several chunks, with a remainder in each
    values = [None, 0, -7, 2**62, 1.5, 0.1, float("-inf"), "text", "一张图", b"\x00\x01blob", True]
    columns = [[values[(row * 7 + col * 3) % len(values)] for row in range(n)] for col in range(width)]
    names = [f'"c{col}"' for col in range(width)]
    connection = sqlite3.connect(":memory:")
    for table in ("ours", "peer"):
        connection.execute(f"CREATE TABLE {table} (fid INTEGER PRIMARY KEY, {', '.join(names)})")
    fids = range(1, n + 1)
    sqlite_rows.insert_rows(connection, "ours", ['"fid"'] + names, [fids] + columns)
    connection.executemany(f"INSERT INTO peer VALUES ({', '.join('?' * (width + 1))})", zip(fids, *columns))

    def rows(table):
        return connection.execute(f"SELECT *, {', '.join(f'typeof({c})' for c in names)} FROM {table}").fetchall()

    assert len(rows("ours")) == n
    assert rows("ours") == rows("peer")


def test_a_statement_never_binds_more_than_sqlites_oldest_limit():
    statements = []
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (" + ", ".join(f"c{i}" for i in range(40)) + ")")
    connection.set_trace_callback(statements.append)
    sqlite_rows.insert_rows(connection, "t", [f"c{i}" for i in range(40)], [list(range(300))] * 40)
    assert connection.execute("SELECT count(*), sum(c0), sum(c39) FROM t").fetchone() == (300, 44850, 44850)
    inserts = [s for s in statements if s.startswith("INSERT")]
    assert max(s.count("(") - 1 for s in inserts) * 40 <= sqlite_rows.MAX_VARIABLES  # rows × columns
