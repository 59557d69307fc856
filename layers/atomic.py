"""Outputs whole or absent: write under a temporary name in the target's folder, rename at the end.

Every file Risk Atlas writes goes through here. ``atomic_output`` is one file written in one go (a
GeoPackage, the atlas PDF); ``OutputSet`` is everything one run writes — its algorithm outputs (feature
sinks, HTML reports, folders): each file is written under a temporary name beside its target and all are
renamed into place at ``commit()``; ``rollback()`` (any failure, a cancellation) removes them, and drops
the tables the run added to a GeoPackage that existed before. A rename within one folder replaces the
target in one step, so a reader sees the old file or the new one, never a half-written one.
"""
import contextlib
import glob
import os
import shutil
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


def _still_open(path):
    return [path + suffix for suffix in ("-wal", "-shm") if os.path.exists(path + suffix)]


def _readable(path):
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)  # mkstemp's name came with private permissions


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
    still_open = _still_open(temporary)
    if still_open:
        raise IOError(f"{temporary} is still open ({', '.join(still_open)}); {path} was not written")
    _readable(temporary)
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


def temporary_name(path):
    """A free name beside ``path`` for writing it: 'partial-<stem>-<random><extension>'."""
    return partial_path(path)


class OutputSet:
    """The outputs of one run, whole or absent (module docstring). Use as a context manager or call
    ``commit()`` / ``rollback()``."""

    def __init__(self):
        self._files = []  # (temporary, final, folder?)
        self._tables = []  # (GeoPackage, table, the file existed before, the table existed before)
        self._geopackages = []  # (GeoPackage, its tables before, or None when it did not exist; chart folder)
        self._created = []  # paths made beside the outputs, removed on rollback

    def file(self, path):
        """The temporary path to write the output ``path`` at (its folder is created). A shapefile's side
        files (.dbf, .shx, .prj, .cpg, …) written beside the temporary one are renamed with it."""
        path = os.path.abspath(path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temporary = temporary_name(path)
        self._files.append((temporary, path, False))
        return temporary

    def folder(self, path):
        """A temporary folder (created) to fill in place of the folder ``path``."""
        path = os.path.abspath(path.rstrip(os.sep))
        temporary = temporary_name(path)
        os.makedirs(temporary)
        self._files.append((temporary, path, True))
        return temporary

    def table(self, gpkg, table):
        """A table the run adds to the GeoPackage ``gpkg``: dropped again on rollback (the whole file when
        the run created it)."""
        gpkg = os.path.abspath(gpkg)
        existed = os.path.exists(gpkg)
        self._tables.append((gpkg, table, existed, existed and table in gpkg_tables(gpkg)))

    def geopackage(self, gpkg, side_folder=None):
        """A GeoPackage the run adds tables to (which ones is known only as it writes): on rollback the
        tables it did not hold before are dropped (the whole file, and ``side_folder`` beside it, when the run
        created them)."""
        gpkg = os.path.abspath(gpkg)
        before = gpkg_tables(gpkg) if os.path.exists(gpkg) else None
        folder = side_folder if side_folder and not os.path.exists(side_folder) else None
        self._geopackages.append((gpkg, before, folder))

    def created(self, path):
        """A file or folder the run may create beside its outputs (e.g. the atlas charts): removed on rollback
        when it was not there before."""
        path = os.path.abspath(path)
        if not os.path.exists(path):
            self._created.append(path)

    def final(self, temporary):
        """The target path of a temporary one (itself when it is not staged here)."""
        for staged, final, _folder in self._files:
            if staged == temporary:
                return final
        return temporary

    @property
    def staged(self):
        return {temporary: final for temporary, final, _folder in self._files}

    def commit(self, only=None):
        """Rename the staged outputs (all, or the finals in ``only``) into place; returns {temporary: final}."""
        done, keep = {}, []
        only = None if only is None else {os.path.abspath(p) for p in only}
        for temporary, final, is_folder in self._files:
            if only is not None and final not in only:
                keep.append((temporary, final, is_folder))
                continue
            _move_into_place(temporary, final, is_folder)
            done[temporary] = final
        self._files = keep
        if only is None:
            self._tables, self._geopackages, self._created = [], [], []
        return done

    def rollback(self):
        """Remove every staged output and drop the tables added to existing GeoPackages."""
        for temporary, _final, is_folder in self._files:
            if is_folder:
                shutil.rmtree(temporary, ignore_errors=True)
            else:
                for name in _with_side_files(temporary):
                    remove_quietly(name)
        for gpkg, table, existed, table_existed in reversed(self._tables):
            if not existed:
                remove_quietly(gpkg)
            elif not table_existed or table in gpkg_tables(gpkg):
                drop_table(gpkg, table)
        for gpkg, before, folder in reversed(self._geopackages):
            if before is None:
                remove_quietly(gpkg)
            else:
                for table in gpkg_tables(gpkg) - before:
                    drop_table(gpkg, table)
            if folder:
                shutil.rmtree(folder, ignore_errors=True)
        for path in self._created:
            if os.path.isdir(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                remove_quietly(path)
        self._files, self._tables, self._geopackages, self._created = [], [], [], []

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.commit()
        else:
            self.rollback()
        return False


def _with_side_files(path):
    """``path`` and the files beside it sharing its stem (a shapefile's .dbf, .shx, …; a .qmd)."""
    stem = os.path.splitext(path)[0]
    return sorted(set([path] + glob.glob(glob.escape(stem) + ".*")))


def _move_into_place(temporary, final, is_folder):
    if is_folder:
        if os.path.isdir(final):
            shutil.rmtree(final)
        os.replace(temporary, final)
        return
    if not os.path.exists(temporary):
        return  # nothing was written there (an optional output the run did not make): nothing to put in place
    still_open = _still_open(temporary)
    if still_open:
        raise IOError(f"{temporary} is still open ({', '.join(still_open)}); {final} was not written")
    stem, final_stem = os.path.splitext(temporary)[0], os.path.splitext(final)[0]
    for name in _with_side_files(temporary):
        target = final_stem + name[len(stem):]
        if os.path.isfile(name):
            _readable(name)
        os.replace(name, target)


def gpkg_tables(path):
    """The tables a GeoPackage lists in gpkg_contents (empty when it cannot be read)."""
    import sqlite3

    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            return {row[0] for row in db.execute("select table_name from gpkg_contents")}
    except sqlite3.Error:
        return set()


def drop_table(gpkg, table):
    """Drop ``table`` from the GeoPackage (GDAL removes its metadata too); quietly when it is not there."""
    from osgeo import ogr

    dataset = ogr.Open(gpkg, 1)
    if dataset is None:
        return
    try:
        for index in range(dataset.GetLayerCount()):
            if dataset.GetLayer(index).GetName() == table:
                dataset.DeleteLayer(index)
                break
    finally:
        dataset = None
