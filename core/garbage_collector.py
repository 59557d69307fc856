"""Python's cyclic garbage collector around bulk work: paused while one call makes many objects, and the
objects that exist before a run left out of its walks.

The collector tracks shapely's geometries, though they refer to no other object: making 100,000 of them
(reading a road layer) set off ~140 collections of the youngest generation and ~15 of the older ones,
~16 ms of a 0.5 s fire-station reach run (issue 17, timed with ``gc.callbacks``). Made with the collector
paused, they cost one collection when it resumes (~3 ms). Only single calls that make objects in bulk
and free none are wrapped: no garbage waits for the pause to end.
"""
import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The block runs with the cyclic garbage collector off; it is on again afterwards if it was before."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextlib.contextmanager
def objects_frozen() -> Iterator[None]:
    """Leave the objects that exist now out of the cyclic collector's walks for a while.

    A run that reads and writes tens of thousands of features makes many Python objects, and every
    so often the collector walks all objects of the process (QGIS holds hundreds of thousands),
    ~40 ms a time. New objects are still collected. (Not when something else froze objects already:
    unfreezing would undo that.)"""
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    try:
        yield
    finally:
        if freeze:
            gc.unfreeze()
