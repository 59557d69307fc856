"""Rows inserted into SQLite many to a statement.

``executemany`` with one row per statement steps SQLite once per row and lets go of the GIL
(and takes it back) at every step: in the writer thread of a run, filling 36,000 reached roads
that way made the algorithm's own thread wait for the GIL at each of those handoffs (the land
rule beside it took 0.20 s instead of 0.12 s). With ``ROWS_PER_STATEMENT`` rows per ``INSERT``
the handoffs are that many times fewer; the values are bound exactly as ``executemany`` binds them."""
from itertools import chain

MAX_VARIABLES = 999  # SQLite's limit on parameters per statement before 3.32 (still the floor)
ROWS_PER_STATEMENT = 128
CHUNK_ROWS = 1 << 15  # rows flattened at a time (bounds the list of values)


def insert_rows(connection, table_sql, columns_sql, columns):
    """INSERT INTO ``table_sql`` (``columns_sql``: quoted names) the rows of ``columns`` (one
    sequence of values per column, all as long)."""
    width = len(columns)
    n = len(columns[0]) if width else 0
    per = max(1, min(ROWS_PER_STATEMENT, MAX_VARIABLES // max(width, 1)))
    row = "(" + ", ".join("?" * width) + ")"
    head = f"INSERT INTO {table_sql} ({', '.join(columns_sql)}) VALUES "
    many = head + ", ".join([row] * per)
    for start in range(0, n, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, n)
        values = list(chain.from_iterable(zip(*(column[start:stop] for column in columns))))
        full = (stop - start) // per
        step = per * width
        if full:
            connection.executemany(many, (values[i * step:(i + 1) * step] for i in range(full)))
        rest = (stop - start) - full * per
        if rest:
            connection.execute(head + ", ".join([row] * rest), values[full * step:])
