"""Finding attributions: cue, source, intermediaries and content, with exact offsets.

The extractor reads an article top-down. It normalises the text once, cuts it into paragraphs and
sentences, skips site furniture, and looks in each sentence for cues from ``schemas/cues.yaml``:

- a reporting verb («قال», «أكدت», «يضيف») is an attribution when what must follow it for the
  reporting sense (a complementiser, a colon, a quote, «عن», «إلى»… see the lexicon) follows its
  subject within the clause. Its source is the subject after the verb (Arabic's usual order), else
  the subject before it («المصادر أكدت أن»), else the speaker it continues («وأضاف أن»);
- a participle («مشيراً إلى أن») continues the previous speaker;
- a prepositional cue («بحسب», «وفقاً لـ», «نقلاً عن») takes the noun phrase after it as source,
  when that phrase can be a source («وفق خطة» cannot);
- a wire credit («جنيف - رويترز», «(أ ف ب)», «مصادر: وكالات») credits the agency.

Intermediaries come from «نقل X عن Y», «X نقلاً عن Y», «قال Y للوكالة / لصحيفة X» and
«Y … وفق X». A cue inside a quotation, or inside the content of another attribution in the same
sentence (without being a continuation of it), is not an attribution.

All matching is on the normalised text; every span is mapped back to the original at the end.

The helpers of the stage live in modules of their own, one for each part of the work:

- ``tokens``: the tokens of the normalised text and moving about them;
- ``found``: an attribution under construction (``Found``) and the run's list of them;
- ``clauses``: quotations, clause boundaries and where a content starts and ends;
- ``phrases``: noun phrases, names after titles, recipients and channels;
- ``speakers``: the source of a cue — its subject, or the speaker it continues;
- ``cues``: reading a verb, participle or prepositional cue into an attribution;
- ``credits``: wire credits in the text.

Each module's class builds on the one before it, in that order (``TokenView`` → ``Findings`` →
``Clauses`` → ``Phrases`` → ``Speakers`` → ``Cues`` → ``Credits`` → ``_Run``): one line of bases,
because the compiled build (``setup.py``: mypyc) takes no multiple inheritance of its classes.

This module holds the ``Extractor``; the run that drives them over one article (``_Run``:
paragraphs, sentences, and building the ``Attribution``s); and ``extract`` and ``extract_articles``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import compress

import attrs

from .chain import Chainer
from .credits import Credits
from .found import Found
from .lexicon import Lexicon, default_lexicon
from .models import Article, Attribution, Content, Cue, Extraction, Mention, Span
from .normalise import Normalised, normalise
from .readers import read_text
from .resolve import Gazetteer, default_gazetteer, split_person, type_mention
from .segment import Segment, paragraphs, sentences
from .tokens import Token, splitter

_MAX_SENTENCE = 2000  # characters kept on each side of a cue in Attribution.sentence
_SIGN_OFF = 40  # characters: a last paragraph this short may be a sign-off credit («فرانس 24/ أ ف ب»)


class Extractor:
    """Finds attributions in articles. One instance can be shared; it holds only the lexicons."""

    def __init__(self, lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.gazetteer = gazetteer or default_gazetteer()
        self.chainer = Chainer(self.lexicon, self.gazetteer)

    # -- public ------------------------------------------------------------------------------

    def extract_article(self, article: Article) -> Extraction:
        body = article.text[article.body_start :]
        nz = normalise(body)
        run = _Run(self, nz)
        found = run.find()
        by_index = {f.index: f for f in found}
        attributions = tuple(run.build(f, article.text, article.body_start, by_index.get(f.continues) if f.continues is not None else None) for f in found)
        # the chain stage: publisher, credits, «الوكالة», inherited wire credits
        publisher = self.chainer.publisher(article, nz, run.paragraphs)
        credits = self.chainer.credits(article, attributions)
        attributions = self.chainer.complete(publisher, attributions, credits)
        return Extraction(article, publisher, attributions, tuple(credits))


class _Run(Credits):
    """The state of one article's extraction.

    The parts of the work are its bases (see the module's docstring): ``Cues`` reads the cues of
    a sentence, ``Credits`` the wire credits of a paragraph. This class holds the state they
    share, drives them over the article, and builds the attributions.
    """

    def __init__(self, extractor: Extractor, nz: Normalised) -> None:
        self.x = extractor
        self.lx = extractor.lexicon
        self.gz = extractor.gazetteer
        self.nz = nz
        self.norm = nz.text
        self._split = splitter(nz.text)
        # paragraphs are tokenised only when they may hold a cue (see find)
        self.tokens: list[Token] = []
        self.starts: list[int] = []
        self._candidates: list[int] = []  # the tokens that may start a cue (see _add_candidates)
        self.found: list[Found] = []
        self._quote_cache: dict[int, list[tuple[int, int]]] = {}
        self._adam_places: list[int] | None = None  # where «عدم» is in the text (see Cues._holds_adam)
        self._resume: int | None = None
        self._last_speaker: Found | None = None
        self._prev_sentence: Segment | None = None
        self._consumed: set[int] = set()  # tokens of a cue already part of another attribution
        self._subject_cache: tuple[int, list[int] | None] = (-1, None)
        self._range_cache: tuple[tuple[int, int], range] = ((-1, -1), range(0))
        self._para: Segment | None = None

    # -- driver ------------------------------------------------------------------------------

    def find(self) -> list[Found]:
        paras = paragraphs(self.norm, self.lx)
        self.paragraphs = paras
        # datelines and bylines sit in the first lines of the page (after titles and dates), and
        # a sign-off line may close it («فرانس 24/ أ ف ب»)
        content = [p for p in paras if not p.boilerplate]
        first_content = {p.start for p in content[:6]}
        if content and content[-1].end - content[-1].start <= _SIGN_OFF:
            first_content.add(content[-1].start)
        may_hold_cue = self.lx.may_hold_cue
        for p in paras:
            if p.boilerplate:
                continue
            lead = p.start in first_content
            split = self._split_segment(p)
            words = set(split[0])  # its tokens
            if not (may_hold_cue(self.norm, p.start, p.end, words) or self.norm.find("(", p.start, p.end) != -1):
                # nothing here can be a cue; only a dateline at the head of a lead paragraph
                if lead:
                    head = Segment(p.start, min(p.end, p.start + 200), p.paragraph)
                    self._tokenise(head)
                    self._credits(head, lead)
                continue
            first = len(self.tokens)
            texts = self._tokenise(p, split)
            some = self._add_candidates(first, texts, words)
            self._credits(p, lead)
            if not some:
                continue  # no word here can start a cue: its sentences would yield nothing
            self._para = p
            self._prev_sentence = None
            for s in sentences(self.norm, p, self.lx):
                self._sentence(s, p)
                self._prev_sentence = s
        self.found.sort(key=lambda f: f.cue[0])
        kept = [f for f in self._drop_held_credits(self.found) if not f.ritual]
        # number them as they will be output, so that «continues» names the attribution's place
        position = {f.index: n for n, f in enumerate(kept)}
        for n, f in enumerate(kept):
            f.continues = position.get(f.continues) if f.continues is not None else None
            f.index = n
        return kept

    # -- sentences ---------------------------------------------------------------------------

    def _add_candidates(self, first: int, texts: list[str], distinct: set[str]) -> bool:
        """Note which of the tokens ``first``, ``first + 1``… (with ``texts``, ``distinct`` the set
        of them) may start a cue: a word that :meth:`Lexicon.may_start_cue` accepts and
        ``not_cues`` does not list. Whether there is any."""
        good = {
            t for t in self.lx.cue_starts_among(distinct) - self.lx.not_cues if t[0].isalnum() or t[0] == "_"
        }
        if good:
            self._candidates.extend(compress(range(first, first + len(texts)), map(good.__contains__, texts)))
        return bool(good)

    def _sentence(self, s: Segment, p: Segment) -> None:
        idx = self._tok_range(s.start, s.end)
        first_in_sentence = len(self.found)
        candidates = self._candidates
        c = bisect_left(candidates, idx.start)
        while c < len(candidates) and candidates[c] < idx.stop:
            i = candidates[c]
            c += 1
            t = self.tokens[i]
            if i in self._consumed:
                continue
            if self._formula_at(i, idx.stop):
                c = bisect_left(candidates, i + 3, c)
                continue
            nominal = self._nominal_at(i, idx.stop) if t.text in self.lx.nominal_words else None
            if nominal is not None:
                j, info = nominal
                c = bisect_left(candidates, self._nominal(i, j, info, s, p, first_in_sentence))
                continue
            cf = self.lx.cue_form(t.text)
            if cf is None:
                # «ووصفهم بأنهم», «وأبلغه أن»: a verb that takes an object may carry it as a suffix
                cf = self.lx.cue_form_with_object(t.text)
                if cf is not None and not cf[1].takes_object and not self._what_clause(i, idx.start):
                    cf = None  # «وهو ما أكده الوزير»: the suffix stands for the clause before
            if cf is not None and not self._verb_follows(i, idx.stop):
                clitic, info = cf
                self._verb(i, clitic, info, s, p, first_in_sentence)
        self._close_contents(first_in_sentence, s)

    # -- output ------------------------------------------------------------------------------

    def _quoted(self, span: tuple[int, int]) -> bool:
        text = self.norm[span[0] : span[1]]
        return '"' in text or "(" in text or ")" in text

    def build(self, f: Found, text: str, offset: int, continued: Found | None = None) -> Attribution:
        """Map a found attribution back to the original text and type its mentions."""
        to_original = self.nz.to_original

        def span(a: tuple[int, int]) -> tuple[int, int]:
            s, e = to_original(a[0], a[1])
            return s + offset, e + offset

        cs, ce = span(f.cue)
        cue = Cue(text[cs:ce], cs, ce, lemma=f.lemma, type=f.cue_type)
        if f.source is not None:
            ss, se = span(f.source)
            t = type_mention(f.source_words, self.lx, self.gz, context=self._quoted(f.source) or f.cue_type == "credit")
            person = role = None
            if t.kind == "person":
                name, title = split_person(text[ss:se], self.lx)
                person = Span(text[ss + name[0] : ss + name[1]], ss + name[0], ss + name[1]) if name else None
                role = Span(text[ss + title[0] : ss + title[1]], ss + title[0], ss + title[1]) if title else None
            source = Mention(
                text[ss:se], ss, se, name=t.name, kind=t.kind, anonymous_type=t.anonymous_type,
                name_ar=t.outlet.name_ar if t.outlet else None, person=person, role=role,
            )
        else:
            source = Mention("", ce, ce, None, "unknown")
        via = []
        for vs, ve, vwords in f.via:
            a, b = span((vs, ve))
            t = type_mention(vwords, self.lx, self.gz, context=True)  # a hop is an outlet by position
            kind = t.kind if t.kind in {"wire_agency", "outlet"} else "outlet"
            # a continuation's intermediary, carried over from the statement it continues
            carried = continued is not None and any(vs == c[0] and ve == c[1] for c in continued.via)
            via.append(Mention(text[a:b], a, b, name=t.name, kind=kind, name_ar=t.outlet.name_ar if t.outlet else None,
                               inherited=carried))
        content = None
        if f.content and f.content[1] > f.content[0]:
            cs2, ce2 = f.content
            direct = False
            n = self.norm
            if ce2 - cs2 > 2 and n[cs2] == '"' and n[ce2 - 1] == '"' and n.count('"', cs2, ce2) == 2:
                cs2, ce2, direct = cs2 + 1, ce2 - 1, True
            a, b = span((cs2, ce2))
            content = Content(text[a:b], a, b, direct=direct)
        # a "sentence" of thousands of characters is not prose: keep a window round the cue
        s0 = max(f.sentence.start, f.cue[0] - _MAX_SENTENCE)
        s1 = min(f.sentence.end, f.cue[1] + _MAX_SENTENCE)
        ss, se = span((s0, s1))
        channel = None
        if f.channel is not None:
            a, b = span(f.channel)
            channel = Span(text[a:b], a, b)
        return Attribution(
            cue=cue, source=source, via=tuple(via), content=content, sentence=Span(text[ss:se], ss, se),
            continues=f.continues, channel=channel,
        )


_default: Extractor | None = None


def default_extractor() -> Extractor:
    global _default
    if _default is None:
        _default = Extractor()
    return _default


def extract(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    date: str | None = None,
    id: str = "text",
    extractor: Extractor | None = None,
) -> Extraction:
    """Find the attributions in ``text``. Offsets index ``text`` itself.

    ``text`` is read like a ``.txt`` file (a YAML front matter block is honoured); keyword
    arguments override its metadata.
    """
    article = read_text(text, id)
    article = attrs.evolve(
        article,
        id=id,
        path="",
        title=title or article.title,
        outlet=outlet or article.outlet,
        url=url or article.url,
        date=date or article.date,
    )
    return (extractor or default_extractor()).extract_article(article)


def extract_articles(articles: Iterable[Article], extractor: Extractor | None = None) -> Iterable[Extraction]:
    ex = extractor or default_extractor()
    for a in articles:
        yield ex.extract_article(a)
