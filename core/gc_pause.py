"""Python's cyclic garbage collector paused while one call makes many objects.

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
