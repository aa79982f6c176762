"""How long extraction takes on hostile input: 1 MB lines built to trip regex engines.

    python benchmarks/hostile.py [--size 1000000]
"""

from __future__ import annotations

import argparse
import time

import provenance


def cases(n: int) -> dict[str, str]:
    return {
        "quote marks": '"' * n,
        "guillemets": "«»" * (n // 2),
        "waw": "و" * n,
        "waw words": "و " * (n // 2),
        "one cue": "قال " * (n // 4),
        "cue and complement": "وقال إن " * (n // 8),
        "cue, colon, quote": 'قال: "' * (n // 6),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per line")
    args = parser.parse_args()
    provenance.extract("عنوان\nقال مسؤول إن كذا.")  # load the lexicons first
    print(f"{'input':20} {'chars':>9} {'seconds':>8} {'attributions':>12}")
    for name, line in cases(args.size).items():
        start = time.perf_counter()
        result = provenance.extract("عنوان\n" + line)
        took = time.perf_counter() - start
        print(f"{name:20} {len(line):>9} {took:>8.2f} {len(result.attributions):>12}")


if __name__ == "__main__":
    main()
