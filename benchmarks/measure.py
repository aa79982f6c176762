"""What the benchmark scripts share: running a stage in a fresh process and reading its peak memory."""

from __future__ import annotations

import multiprocessing as mp
import resource
from concurrent.futures import ProcessPoolExecutor


def peak_mb() -> float:
    """Peak RSS of this process (its high-water mark since exec: ``ru_maxrss`` would include the
    parent's at fork time) or of the largest process it started (ingest's workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        with open("/proc/self/status") as status:
            own = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        pass
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def in_child(fn, *args) -> dict:  # type: ignore[no-untyped-def]
    """Run ``fn(*args)`` in a fresh process, so that its peak memory is its own."""
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn")) as pool:
        return pool.submit(fn, *args).result()
