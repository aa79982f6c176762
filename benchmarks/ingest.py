#!/usr/bin/env python3
"""Time ``provenance ingest`` of the ANT multi-source corpus, then a re-ingest of the same files.

Targets (issue 4): the 6,484 ANT articles in under a minute with ``--jobs 2`` on a 2-core
machine; the re-ingest in under a quarter of that.

    python benchmarks/ingest.py [CORPUS_DIR] [--jobs 2]

CORPUS_DIR defaults to ``../shared/corpora/ant-multisource``. The database is a temporary file.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

from provenance import Store

DEFAULT = Path(__file__).resolve().parent.parent / ".." / "shared" / "corpora" / "ant-multisource"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        t = time.perf_counter()
        first = Store(db).ingest([args.corpus], jobs=args.jobs)
        t1 = time.perf_counter() - t
        t = time.perf_counter()
        second = Store(db).ingest([args.corpus], jobs=args.jobs)
        t2 = time.perf_counter() - t
        size = os.path.getsize(db)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus     {args.corpus}")
    print(f"ingest     {t1:6.1f} s  ({first.summary()})  jobs={args.jobs}")
    print(f"re-ingest  {t2:6.1f} s  ({second.summary()})  {t2 / t1:.0%} of the first")
    print(f"database   {size / 1e6:.0f} MB; main process peak RSS {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
