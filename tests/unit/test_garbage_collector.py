"""core.garbage_collector: the collector is off inside the block and as it was before afterwards."""
import gc

import pytest

from riskatlas.core.garbage_collector import collector_paused


def test_paused_inside_and_on_again_after_even_when_the_block_fails():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the block failed")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_no_collection_starts_inside_however_many_objects_are_made():
    collections = []

    def count(phase, info):
        if phase == "start":
            collections.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector_paused():
            collections.clear()  # (one may have run just before the block)
            made = [[i] for i in range(50 * gc.get_threshold()[0])]  # lists are tracked: 50 thresholds' worth
            assert collections == []
        more = [[i] for i in range(2 * gc.get_threshold()[0])]
        assert collections  # and after it, the collector runs again
    finally:
        gc.callbacks.remove(count)
    assert len(made) and len(more)
