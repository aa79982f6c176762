"""Print the README's accuracy table rows from `provenance evaluate` (used when the rules change).

    python scripts/readme_figures.py
"""

from pathlib import Path

from provenance.evaluate import evaluate, gold_files

GOLD = Path(__file__).resolve().parent.parent / "tests" / "gold"

for split in ("dev", "heldout"):
    score = evaluate([str(GOLD / split)])
    articles = len(gold_files([str(GOLD / split)]))
    cells = [articles, score.gold] + [
        f"{x:.3f}"
        for x in (
            score.precision, score.recall, score.f1, score.source_accuracy, score.kind_accuracy,
            score.chain_accuracy, score.chain_f1, score.publisher_accuracy,
        )
    ]
    print(f"| `tests/gold/{split}` | " + " | ".join(map(str, cells)) + " |")
