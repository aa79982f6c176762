"""Attributions under construction: ``Found``, in normalised offsets, and the run's list of them.

``extract._Run.build`` turns each ``Found`` into a ``models.Attribution`` with original offsets.
"""

from __future__ import annotations

import attrs

from .lexicon import Lexicon
from .segment import Segment
from .tokens import TokenView


@attrs.define
class Found:
    """An attribution under construction, in normalised offsets."""

    cue: tuple[int, int]
    lemma: str
    cue_type: str
    source: tuple[int, int] | None
    source_words: list[str]
    via: list[tuple[int, int, list[str]]]
    content: tuple[int, int] | None
    sentence: Segment
    continues: int | None = None
    content_before: bool = False
    index: int = -1
    channel: tuple[int, int] | None = None
    ritual: bool = False  # «أعرب عن شكره»: a speaker later cues continue, but no attribution


class Findings(TokenView):
    """The attributions a run has found so far, in the order it found them, and its last speaker."""

    lx: Lexicon
    found: list[Found]
    _last_speaker: Found | None

    def _add(self, f: Found) -> None:
        if f.source is not None and " ".join(f.source_words) in self.lx.scripture_speakers:
            return  # «قال تعالى: …»: a verse quoted in a speech, not a report; the speaker goes on
        f.index = len(self.found)
        self.found.append(f)
        last = self._last_speaker
        if f.source is not None and f.cue_type != "credit" and not (
            # «وقال المصدر الذي وصفته الوكالة بالمأذون إن …»: a report inside the subject of the
            # last one does not take its place as the speaker a «وأضاف» continues
            last is not None and last.content is not None and last.sentence == f.sentence
            and last.cue[1] <= f.cue[0] < last.content[0]
        ) and not (
            # «وقال لايتهايزر "…"، بحسب رويترز. وتابع …»: the outlet a trailing cue names carried
            # the last speaker's words; «وتابع» continues the speaker, not the outlet
            last is not None and f.content_before and last.sentence == f.sentence and self._outlet_named(f)
        ):
            self._last_speaker = f

    def _outlet_named(self, f: Found) -> bool:
        """Whether ``f``'s source is a news outlet (the extractor knows the gazetteer)."""
        return False

    def _inside_content(self, pos: int, first_in_sentence: int) -> Found | None:
        for f in self.found[max(first_in_sentence, len(self.found) - 4) :]:
            if f.content and f.content[0] <= pos < f.content[1]:
                return f
        return None
