"""Outputs whole or absent: write under a temporary name in the target's folder, rename at the end.

Every file Risk Atlas writes in one go (GeoPackages, the assessment's results, the atlas PDF)
goes through ``atomic_output``: a rename within one folder replaces the target in one step, so a
reader sees the old file or the new one, never a half-written one, and a failure leaves nothing.
"""
import contextlib
import os
import tempfile

PREFIX = "partial-"  # not a dot-file: QGIS finds no driver for a GeoPackage whose name starts with "."
SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's companions of a GeoPackage


def remove_quietly(path):
    """Remove ``path`` and its SQLite side files, ignoring what is not there (or still locked)."""
    for name in (path,) + tuple(path + suffix for suffix in SIDE_FILES):
        try:
            os.remove(name)
        except OSError:
            pass


def partial_path(path):
    """A temporary path beside ``path`` (same extension; no file there yet) to write it under."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    stem, extension = os.path.splitext(os.path.basename(path))
    handle, temporary = tempfile.mkstemp(suffix=extension, prefix=f"{PREFIX}{stem}-", dir=folder)
    os.close(handle)
    os.remove(temporary)  # writers create the file themselves (GDAL will not open an empty .gpkg)
    return temporary


def commit(temporary, path):
    """Put the finished ``temporary`` (from ``partial_path``) in place of ``path`` in one step.

    Whatever wrote it must have closed it (for a GeoPackage: every layer and connection)."""
    still_open = [temporary + suffix for suffix in ("-wal", "-shm") if os.path.exists(temporary + suffix)]
    if still_open:
        raise IOError(f"{temporary} is still open ({', '.join(still_open)}); {path} was not written")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temporary, 0o666 & ~umask)  # mkstemp's name came with private permissions
    os.replace(temporary, path)


@contextlib.contextmanager
def atomic_output(path):
    """Yield a temporary path beside ``path`` (same extension; no file there yet); when the block
    ends normally, it replaces ``path``. On an exception it is removed and ``path`` is untouched.

    The block must close what it opened on the temporary file first (for a GeoPackage: every
    layer and connection, so that no -wal/-shm file remains)."""
    temporary = partial_path(path)
    try:
        yield temporary
        commit(temporary, path)
    finally:
        remove_quietly(temporary)
