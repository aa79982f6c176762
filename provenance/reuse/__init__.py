"""Wire-copy reuse: passages that articles share, where they came from, who credited them.

Pipeline: :mod:`~provenance.reuse.text` (Arabic-normalised word keys and shingle hashes) →
:mod:`~provenance.reuse.align` (candidate index, anchors, local alignment) →
:mod:`~provenance.reuse.detect` (character offsets) → :mod:`~provenance.reuse.clusters`
(passages, clusters, direction, credited or not) → :mod:`~provenance.reuse.tables` (SQLite).
"""

from .align import Match, ReuseSettings, find_matches
from .detect import Reuse, find_reuse
from .text import ReuseText, key

__all__ = ["Match", "Reuse", "ReuseSettings", "ReuseText", "find_matches", "find_reuse", "key"]
