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
"""

from __future__ import annotations

import bisect
from typing import Iterable

import attrs
import regex

from .chain import Chainer
from .lexicon import FormInfo, Lexicon, default_lexicon
from .models import Article, Attribution, Content, Cue, Extraction, Mention, Span
from .normalise import Normalised, normalise
from .readers import read_text
from .resolve import Gazetteer, Outlet, credited_agency, default_gazetteer, split_person, strip_clitic, type_mention
from .segment import Segment, paragraphs, quotations, sentences

_TOKEN = regex.compile(r"[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]")
_PUNCT_STOP = {",", ".", ";", "?", "!", ":", "(", ")", "[", "]", "{", "}"}
_MAX_SUBJECT = 16  # words between a verb and its complement
_MAX_NP = 9  # words in the source after a prepositional cue
_MAX_SENTENCE = 2000  # characters kept on each side of a cue in Attribution.sentence
_NISBA = regex.compile(r"(ي|يه|يون|يين|يان|ين|اني|انيه)$")


def _adjective(word: str) -> bool:
    """A relational adjective («العراقية», «الأميركيين»), the commonest modifier of a subject."""
    return bool(_NISBA.search(word)) or word in {"الكبير", "الكبري", "الاعلي", "العام", "العامه", "العليا", "الاول", "السابق", "الجديد", "المتحده"}


class Token:
    """A word or a punctuation mark of the normalised text."""

    __slots__ = ("text", "start", "end", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.is_word = text[0].isalnum() or text[0] == "_"


@attrs.define
class _Found:
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
        attributions = tuple(run.build(f, article.text, article.body_start) for f in found)
        # the chain stage: publisher, credits, «الوكالة», inherited wire credits
        publisher = self.chainer.publisher(article, nz, run.paragraphs)
        credits = self.chainer.credits(article, attributions)
        attributions = self.chainer.complete(publisher, attributions, credits)
        return Extraction(article, publisher, attributions, tuple(credits))


class _Run:
    """The state of one article's extraction."""

    def __init__(self, extractor: Extractor, nz: Normalised) -> None:
        self.x = extractor
        self.lx = extractor.lexicon
        self.gz = extractor.gazetteer
        self.nz = nz
        self.norm = nz.text
        # paragraphs are tokenised only when they may hold a cue (see find)
        self.tokens: list[Token] = []
        self.starts: list[int] = []
        self.found: list[_Found] = []
        self._quote_cache: dict[int, list[tuple[int, int]]] = {}
        self._resume: int | None = None
        self._last_speaker: _Found | None = None
        self._prev_sentence: Segment | None = None
        self._consumed: set[int] = set()  # tokens of a cue already part of another attribution
        self._subject_cache: tuple[int, list[int] | None] = (-1, None)
        self._range_cache: tuple[tuple[int, int], range] = ((-1, -1), range(0))
        self._para: Segment | None = None

    # -- driver ------------------------------------------------------------------------------

    def find(self) -> list[_Found]:
        paras = paragraphs(self.norm, self.lx)
        self.paragraphs = paras
        # datelines and bylines sit in the first lines of the page (after titles and dates)
        first_content = [p for p in paras if not p.boilerplate][:6]
        trigger = self.lx.trigger
        for p in paras:
            if p.boilerplate:
                continue
            lead = p in first_content
            if not (trigger.search(self.norm, p.start, p.end) or "(" in self.norm[p.start : p.end]):
                # nothing here can be a cue; only a dateline at the head of a lead paragraph
                if lead:
                    head = Segment(p.start, min(p.end, p.start + 200), p.paragraph)
                    self._tokenise(head)
                    self._credits(head, lead)
                continue
            self._tokenise(p)
            self._credits(p, lead)
            self._para = p
            self._prev_sentence = None
            for s in sentences(self.norm, p, self.lx):
                self._sentence(s, p)
                self._prev_sentence = s
        self.found.sort(key=lambda f: f.cue[0])
        return self._drop_held_credits(self.found)

    def _tokenise(self, p: Segment) -> None:
        for m in _TOKEN.finditer(self.norm, p.start, p.end):
            self.tokens.append(Token(m.group(), m.start(), m.end()))
            self.starts.append(m.start())

    @staticmethod
    def _drop_held_credits(found: list[_Found]) -> list[_Found]:
        """A parenthesised agency that is the source of a cue («وفقاً لوكالة (رويترز)») is no credit."""
        held = sorted(
            [f.source for f in found if f.cue_type != "credit" and f.source]
            + [(v[0], v[1]) for f in found for v in f.via]
        )
        starts = [a for a, _ in held]
        widest = max((b - a for a, b in held), default=0)

        def is_held(f: _Found) -> bool:
            i = bisect.bisect_right(starts, f.cue[0])
            for a, b in reversed(held[max(0, i - 50) : i]):
                if b >= f.cue[1]:
                    return True
                if f.cue[0] - a > widest:
                    break
            return False

        return [f for f in found if f.cue_type != "credit" or not is_held(f)]

    def _tok_range(self, start: int, end: int) -> range:
        key = (start, end)
        if self._range_cache[0] == key:
            return self._range_cache[1]
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        r = range(i, j)
        self._range_cache = (key, r)
        return r

    # -- sentences ---------------------------------------------------------------------------

    def _sentence(self, s: Segment, p: Segment) -> None:
        idx = self._tok_range(s.start, s.end)
        first_in_sentence = len(self.found)
        i = idx.start
        maybe = self.lx.may_start_cue
        while i < idx.stop:
            t = self.tokens[i]
            if not t.is_word or not maybe(t.text) or t.text in self.lx.not_cues or i in self._consumed:
                i += 1
                continue
            if self._formula_at(i, idx.stop):
                i += 3
                continue
            nominal = self._nominal_at(i, idx.stop)
            if nominal is not None:
                j, info = nominal
                i = self._nominal(i, j, info, s, p, first_in_sentence)
                continue
            cf = self.lx.cue_form(t.text)
            if cf is None:
                # «ووصفهم بأنهم», «وأبلغه أن»: a verb that takes an object may carry it as a suffix
                cf = self.lx.cue_form_with_object(t.text)
                if cf is not None and not cf[1].takes_object:
                    cf = None
            if cf is not None and not self._verb_follows(i, idx.stop):
                clitic, info = cf
                self._verb(i, clitic, info, s, p, first_in_sentence)
            i += 1
        self._close_contents(first_in_sentence, s)

    def _verb_follows(self, i: int, stop: int) -> bool:
        """«قال قال»: a reporting verb right before another one has no subject or content."""
        k = i + 1
        if k >= stop or not self.tokens[k].is_word:
            return False
        nxt = self.lx.cue_form(self.tokens[k].text)
        return (
            nxt is not None
            and nxt[1].type == "verb"
            and self.tokens[k].text not in self.lx.complementisers
            and self.tokens[k].text not in self.lx.strict_forms  # «تعهد إبان حملته»: "during"
        )

    def _formula_at(self, i: int, stop: int) -> bool:
        if self.tokens[i].text not in self.lx.formula_first_words:
            return False
        words = self._words(i, min(stop, i + 4))
        text = " ".join(words)
        return any(text.startswith(f) for f in self.lx.not_attributions)

    def _words(self, i: int, stop: int) -> list[str]:
        return [self.tokens[k].text for k in range(i, stop) if self.tokens[k].is_word]

    def _next_word(self, i: int, stop: int) -> int | None:
        for k in range(i, stop):
            if self.tokens[k].is_word:
                return k
        return None

    def _prev_word(self, i: int, floor: int) -> int | None:
        for k in range(i - 1, floor - 1, -1):
            if self.tokens[k].is_word:
                return k
        return None

    def _quotes(self, p: Segment) -> list[tuple[int, int]]:
        spans = self._quote_cache.get(p.start)
        if spans is None:
            spans = self._quote_cache[p.start] = quotations(self.norm, p.start, p.end)
        return spans

    def _in_quote(self, pos: int, p: Segment) -> bool:
        """Whether ``pos`` is inside a quotation of its paragraph."""
        spans = self._quotes(p)  # sorted and disjoint
        i = bisect.bisect_left(spans, (pos, pos)) - 1
        return i >= 0 and spans[i][0] < pos < spans[i][1]

    def _opens_quote(self, pos: int, p: Segment) -> bool:
        return self._quote_close(pos, p) is not None

    def _quote_close(self, pos: int, p: Segment) -> int | None:
        spans = self._quotes(p)
        i = bisect.bisect_left(spans, (pos, -1))
        if i < len(spans) and spans[i][0] == pos:
            return spans[i][1]
        return None

    def _token_at(self, pos: int) -> int:
        return bisect.bisect_left(self.starts, pos)

    def _inside_content(self, pos: int, first_in_sentence: int) -> _Found | None:
        for f in self.found[max(first_in_sentence, len(self.found) - 4) :]:
            if f.content and f.content[0] <= pos < f.content[1]:
                return f
        return None

    # -- nominal cues ------------------------------------------------------------------------

    def _nominal_at(self, i: int, stop: int) -> tuple[int, FormInfo] | None:
        clitic, first = self.lx.strip_noun_clitic(self.tokens[i].text)
        if first not in self.lx.multiword_nominal:
            return None
        for words in self.lx.multiword_nominal.get(first, ()):
            k = i
            ok = True
            for n, w in enumerate(words):
                k2 = self._next_word(k, stop) if n else i
                if k2 is None:
                    ok = False
                    break
                text = self.tokens[k2].text if n else first
                if text != w:
                    ok = False
                    break
                k = k2 + 1
            if ok:
                return k, self.lx.nominal_forms[" ".join(words)]
        return None

    def _nominal(self, i: int, j: int, info: FormInfo, s: Segment, p: Segment, first: int) -> int:
        """Handle the prepositional cue in tokens ``[i, j)``; return where to go on scanning."""
        self._nominal_cue(i, j, info, s, p, first)
        return self._resume if self._resume is not None else j

    def _nominal_cue(self, i: int, j: int, info: FormInfo, s: Segment, p: Segment, first: int) -> None:
        self._resume = None
        cue_start = self.tokens[i].start
        if self._in_quote(cue_start, p):
            return
        cue_end = self.tokens[j - 1].end
        if info.refers_back:
            if self._inside_content(cue_start, first) is not None:
                return  # «قال إن … "متميزة" على حد تعبيره»: the wording of the same report
            ante = self._antecedent(first, s)
            self._add(
                _Found(
                    (cue_start, cue_end), info.lemma, "nominal", ante.source if ante else None,
                    ante.source_words if ante else [], list(ante.via) if ante else [],
                    self._clause_before(i, s), s, continues=ante.index if ante else None,
                    content_before=True,
                )
            )
            return
        k = self._next_word(j, self._tok_range(s.start, s.end).stop)
        # «حسبما قالت وسائل إعلام»: the verb right after carries the source
        if k is not None and self.tokens[j - 1].text.endswith("ما"):
            cf = self.lx.cue_form_with_object(self.tokens[k].text)
            if cf is not None:
                self._verb(k, cf[0], cf[1], s, p, first, lead=(i, "nominal_relative"), lead_lemma=info.lemma)
                self._resume = k + 1
                return
        # «بحسب ما ذكرت الوكالة»: the verb carries the source
        if k is not None and self.tokens[k].text in self.lx.nominal_relatives:
            k2 = self._next_word(k + 1, self._tok_range(s.start, s.end).stop)
            if k2 is not None:
                cf = self.lx.cue_form_with_object(self.tokens[k2].text)
                if cf is not None:
                    self._verb(k2, cf[0], cf[1], s, p, first, lead=(i, "nominal_relative"), lead_lemma=info.lemma)
                    self._resume = k2 + 1
                    return
        if k is None:
            return
        stop = self._tok_range(s.start, s.end).stop
        if self.tokens[j].text in {"ل", "لما"} and j + 1 < stop:
            j += 1  # «وفقا لـ"سانا"»: the preposition stands apart
        np_tokens = self._noun_phrase(j, stop)
        if not np_tokens:
            return
        words = [self.tokens[t].text for t in np_tokens if self.tokens[t].is_word]
        if not self._source_like(words):
            return
        src = self._np_span(np_tokens)
        first_tok = self.tokens[np_tokens[0]]
        if first_tok.is_word and first_tok.text.startswith("ل") and self.lx.known_form(first_tok.text) != first_tok.text:
            # «وفقاً لوكالة (رويترز)»: the preposition is not part of the source
            src = (src[0] + (2 if first_tok.text.startswith("لل") else 1), src[1])
        inside = self._inside_content(cue_start, first)
        at_start = self._clause_start(i, s)
        stop_all = self._tok_range(s.start, s.end).stop
        if at_start and len(self._words(np_tokens[-1] + 1, stop_all)) < 3:
            at_start = False  # «…، وفق بيان صادر عن مكتبه، الخميس.» closes the clause before it
        if at_start:
            after = np_tokens[-1] + 1
            content = self._content_from(after, s)
        else:
            content = self._clause_before(i, s)
        if inside is not None and not at_start and inside.content and inside.content[0] < cue_start:
            # the cue qualifies the previous content («… ، وفق بيان»): its own attribution, with
            # the content of the clause it closes
            content = (inside.content[0], self._trim_end(inside.content[0], cue_start))
        self._add(
            _Found((cue_start, cue_end), info.lemma, "nominal", src, words, [], content, s, content_before=not at_start)
        )

    def _source_like(self, words: list[str]) -> bool:
        if not words:
            return False
        if self.gz.match_words(words) or self.gz.match_words([strip_clitic(words[0]), *words[1:]]):
            return True
        lx = self.lx
        i, head, two = lx.head(words)
        if words[i].startswith("لل"):  # «للإنتربول» → «الإنتربول»
            head = lx.known_form(strip_clitic(words[i]))
            two = " ".join([head, *words[i + 1 : i + 2]])
        if head in lx.not_sources or two in lx.not_sources:
            return False
        if lx.is_source_noun(head, two):
            return True
        # a name, or a definite noun we do not know («وفقاً للإنتربول»), but no plural of things
        return not regex.search(r"(ات)$", head) and (head.startswith("ال") or len(words) <= 4)

    # -- verbs -------------------------------------------------------------------------------

    def _verb(
        self, i: int, clitic: str, info: FormInfo, s: Segment, p: Segment, first: int,
        lead: tuple[int, str] | None = None,
        lead_lemma: str | None = None,
    ) -> None:
        t = self.tokens[i]
        if self._in_quote(t.start, p):
            return
        srange = self._tok_range(s.start, s.end)
        prev = self._prev_word(i, srange.start)
        if prev is not None and lead is None and (
            self.tokens[prev].text in self.lx.negators
            or self.tokens[prev].text[:1] in "وف" and self.tokens[prev].text[1:] in self.lx.negators
            or self.tokens[prev].text in self.lx.prepositions
            or self.tokens[prev].text in {"لما", "مما", "بما"}
        ):
            return  # «لم يذكر»: not said; «من نفي ترامب»: a verbal noun; «لما وصفتها»: "what they called"
        nxt_word = self._next_word(i + 1, srange.stop)
        if nxt_word is not None and (
            self._manner(i, srange.stop)  # «طالبا عدم نشر اسمه»: how someone else spoke
            or nxt_word == i + 1 and self.tokens[nxt_word].text.startswith(info.not_before or ("\0",))
        ):
            return
        if self._notable(i, prev, srange.start):
            return
        cue_start = self.tokens[lead[0]].start if lead else t.start
        cue = (cue_start, t.end)
        if info.type == "participle":
            self._participle(i, info, s, first, cue)
            return
        comp = self._complement(i + 1, srange.stop, info)
        if (t.text in self.lx.strict_forms or info.adjacent) and (comp is None or comp[1] != i + 1):
            return
        kama = (
            prev is not None
            and self.tokens[prev].text in {"كما", "حسبما", "وفقما", "بحسبما"}
            and not self._clause_start(prev, s)
        )  # «…، كما قال بيان»: "as"; a «كما» opening the sentence means "also"
        if comp is None and not (kama or lead):
            return
        marker, zone_end, content_start = comp if comp else ("none", srange.stop, None)
        zone = [k for k in range(i + 1, zone_end)]
        source_toks, via = self._split_zone(zone, marker, srange.stop)
        channel = next((c for c in (self._channel_at(k, zone) for k in range(len(zone))) if c), None)
        if marker == "an" and self._next_word(zone_end + 1, srange.stop) is not None and (
            self.tokens[self._next_word(zone_end + 1, srange.stop)].text in self.lx.not_after_an
        ):
            return  # «نقلت الفتاة … عن طريق ليبيا»: moved, not quoted
        if marker == "an" and info.lemma == "نقل":
            # «نقلت رويترز عن دبلوماسيين قولهم إن»: the subject is the hop, the object of عن the source
            src_np = self._noun_phrase(content_start, srange.stop, allow_qawl=True)
            if not src_np:
                return
            hop = source_toks or self._subject_before(i, s, clitic) or []  # «وكانت شبكة X نقلت عن …»
            source_toks = src_np
            via = ([self._mention_tokens(hop)] if hop else []) + via
            content_start = self._after_qawl(src_np[-1] + 1, srange.stop)
        if marker == "np" or (info.takes_object and source_toks):
            # «أعلن الجيش مقتل …», «اتهمت الحكومة التحالف بـ …»: the subject is the first chunk
            source_toks = self._np_chunk(source_toks)
            content_start = source_toks[-1] + 1 if source_toks else i + 1
        if info.agreeing and marker != "an":
            source_toks = []  # «واستنكروا جميع أشكال الإرهاب»: the subject is not after the verb
        if source_toks and marker == "np":
            _, head, two = self.lx.head([self.tokens[k].text for k in source_toks if self.tokens[k].is_word] or [""])
            if head in self.lx.not_sources or two in self.lx.not_sources:
                source_toks = []  # «ونفت هذه الاتهامات»: the object; the speaker is implied
                content_start = i + 1
        relative = self._relative_antecedent(i, srange.start) if not lead else None
        if relative is not None and marker != "an":
            source_toks = relative  # «ترامب، الذي دعا الحلف إلى …»: what follows is the object
        inside = self._inside_content(t.start, first)
        explicit = bool(source_toks)
        svo = None
        if not explicit and not lead:
            svo = self._subject_before(i, s, clitic)
        before = prev
        if before is not None and self.tokens[before].text in {"قد", "كان", "كانت"}:
            before = self._prev_word(before, srange.start)  # «وكان قد وعد»
        nxt = self._next_word(i + 1, srange.stop)
        resumptive = nxt is not None and self.tokens[nxt].text in self.lx.pronoun_preps
        opener = before is not None and (
            self.tokens[before].text in self.lx.clause_openers
            or self.tokens[before].text in self.lx.relatives and not resumptive
        )  # «… لكنه أكد», «… منتقديه الذين يقولون إن»: a clause with a speaker of its own;
        # «البيان الذي أكد فيه» describes the statement, «الوقت الذي تعهدت فيه» a time
        if svo is not None and not opener:
            # «…، ولكن موسكو تقول إنها …»: a subject of its own after a clause opener
            lead_in = self._prev_word(svo[0], srange.start)
            opener = lead_in is None or (
                self.tokens[lead_in].text in self.lx.clause_openers
                or self.tokens[lead_in].text in self.lx.subject_lead_ins
            )
        if inside is not None and not lead and not clitic and not opener and not self._after_break(i, srange.start):
            # «قال إنه يتوقع أن …»: a verb in the content of another is part of what was said;
            # a coordinated «وأكد …» or a verb after a comma starts a report of its own
            return
        continues = None
        if explicit:
            src = self._np_span(source_toks)
            words = [self.tokens[k].text for k in source_toks if self.tokens[k].is_word]
        elif svo is not None:
            src = self._np_span(svo)
            words = [self.tokens[k].text for k in svo if self.tokens[k].is_word]
        else:
            src, words, via, continues = self._implied_speaker(first, s, i, via, previous_sentence=True)
        trailing = lead is not None and (
            content_start is None or len(self._words(content_start, srange.stop)) < 3
        )  # «…، بحسب ما نقلت عنه الوكالة.»: the relay closes the clause before it
        if kama or (lead and (not self._clause_start(lead[0], s) or trailing)):
            content = self._clause_before(lead[0] if lead else prev, s)
            before = True
        else:
            content = self._content_from(content_start, s) if content_start is not None else None
            before = False
        self._add(
            _Found(
                cue, lead_lemma or info.lemma, "nominal" if lead else "verb", src, words, via, content, s,
                continues=continues, content_before=before,
                channel=channel,
            )
        )

    def _participle(self, i: int, info: FormInfo, s: Segment, first: int, cue: tuple[int, int]) -> None:
        srange = self._tok_range(s.start, s.end)
        prev = i - 1
        if prev >= srange.start and self.lx.cue_form(self.tokens[prev].text) is not None:
            return  # «وتابع قائلاً»: one report, carried by the verb
        if self._manner(i, srange.stop):
            return
        comp = self._complement(i + 1, srange.stop, info, participle=True)
        if comp is None:
            return
        if prev >= srange.start and self.tokens[prev].is_word and comp[1] > i + 5:
            # after a comma or «و» a participle continues the clause; right after a word it is an
            # adjective, unless its complement follows closely («وزارة الدفاع موضحة أن»)
            return
        _, _, content_start = comp
        src, words, via, continues = self._implied_speaker(first, s, i, [])
        content = self._content_from(content_start, s) if content_start is not None else None
        self._add(_Found(cue, info.lemma, "participle", src, words, via, content, s, continues=continues))

    def _implied_speaker(
        self, first: int, s: Segment, i: int, via: list[tuple[int, int, list[str]]], previous_sentence: bool = False
    ) -> tuple[tuple[int, int] | None, list[str], list[tuple[int, int, list[str]]], int | None]:
        """The speaker of a cue with no subject of its own: ``(source, words, via, continues)``.

        The speaker of this sentence's earlier report; else the subject of the verb that opens
        the sentence («ورفع ترامب الرسوم …، وقال إن», «اهتمت الصحف المغربية …، مشيرة إلى أن»);
        else (``previous_sentence``) that of the sentence before when no one has spoken yet;
        else the last speaker of the article, whose intermediaries come along when the cue names
        none.
        """
        ante = self._last_speaker_since(first)
        subject = None
        if ante is None:
            subject = self._sentence_subject(s, i)
            if subject is None and previous_sentence:
                subject = self._previous_sentence_subject(first)
        if subject is not None:
            return self._np_span(subject), [self.tokens[k].text for k in subject if self.tokens[k].is_word], via, None
        ante = ante or self._antecedent(first, s)
        if ante is None:
            return None, [], via, None
        return ante.source, ante.source_words, via or list(ante.via), ante.index

    def _complement(self, k: int, stop: int, info: FormInfo, participle: bool = False) -> tuple[str, int, int | None] | None:
        """Find what the verb needs after its subject: ``(marker, marker_token, content_token)``.

        An opening quote is the content only when no complementiser or colon follows it in the
        clause: in «أكدت مصادر في "كتائب حزب الله" أن …» the quote is part of the subject.
        """
        comps = info.complements
        words = 0
        first = True
        quote: tuple[str, int, int] | None = None
        manner_end = 0
        for n in range(k, stop):
            tok = self.tokens[n]
            w = tok.text
            if tok.is_word:
                if "qawl" in comps and (first and w in {"قائلا", "قائله", "قائلين", "قائلتين"} or w == "بالقول"):
                    return "qawl", n, n + 1
                first = False
                if "that" in comps and w in self.lx.complementisers:
                    return "that", n, n + 1
                if quote is not None:
                    words += 1
                    if words > _MAX_SUBJECT:
                        break
                    continue
                if "an" in comps and w == "عن":
                    return "an", n, n + 1
                if "an" in comps and w == "علي" and n + 1 < stop and self.tokens[n + 1].text == "لسان":
                    self._consumed.add(n)  # «نقل موقع X على لسان Y قوله»: «على لسان» is نقل's «عن»
                    return "an", n, n + 2
                if ("ila_that" in comps and w == "الي" or "ala_that" in comps and w == "علي") and (
                    self._next_word(n + 1, stop) is not None
                    and self.tokens[self._next_word(n + 1, stop)].text in self.lx.complementisers
                ):
                    return "that", n, self._skip_complementiser(n + 1, stop)
                if "ila" in comps and w in {"الي", "لي"}:
                    return "ila", n, self._skip_complementiser(n + 1, stop)
                if "ala" in comps and w == "علي":
                    return "ala", n, self._skip_complementiser(n + 1, stop)
                if "word" in comps and w in info.words:
                    return "np", n, n  # the object names the blame or the denial: content from there
                if "fi" in comps and w == "في":
                    return "fi", n, n + 1
                if "min" in comps and w == "من":
                    return "min", n, self._skip_complementiser(n + 1, stop)
                if "bi" in comps and w[0] == "ب" and (len(w) > 3 or w in {"ب", "بان"}) and w not in self.lx.not_bi:
                    return "bi", n, n
                if self._manner(n, stop):
                    manner_end = n + 4  # the participle, «عدم», the verbal noun and its object
                cf = self.lx.cue_form(w)
                if cf is not None and words > 0 and n >= manner_end:
                    break  # another reporting verb or participle: its complement, not ours
                words += 1
                if words > _MAX_SUBJECT or (participle and words > 6):
                    break
            else:
                if "colon" in comps and w == ":":
                    return "colon", n, n + 1
                if "quote" in comps and quote is None and w == '"' and self._para and self._opens_quote(tok.start, self._para):
                    close = self._quote_close(tok.start, self._para)
                    if close is None:
                        return "quote", n, n
                    after_close = self._token_at(close) + 1
                    after = self._next_word(after_close, stop)
                    if (
                        after is None
                        or after != after_close
                        or self.lx.cue_form(self.tokens[after].text) is not None
                        or self.tokens[after].text == "و"
                    ):
                        return "quote", n, n  # «قال "…"»، «قال "…"، مضيفاً …»
                    quote = ("quote", n, n)  # «أكدت مصادر في "كتائب حزب الله" أن …»: go on
                    continue
                if w in {".", "?", "!"} and not self._stray_stop(n, stop):
                    break
        if quote is not None:
            return quote
        if "np" in comps and not participle:
            return "np", stop, None
        return None

    def _notable(self, i: int, prev: int | None, floor: int) -> bool:
        """«لم يسجل تغيرا يذكر»: "worth mentioning" after an indefinite noun in a negative clause."""
        if self.tokens[i].text not in self.lx.notable_forms or prev is None:
            return False
        p = self.tokens[prev].text
        if p.startswith("ال") or p[:1] in "وف" or self.lx.cue_form(p) is not None:
            return False
        return any(self.tokens[k].text in self.lx.notable_negations for k in range(max(floor, prev - 4), prev))

    def _manner(self, n: int, stop: int) -> bool:
        """«طالبا عدم كشف هويته», «مفضلا عدم ذكر اسمه»: a participle before «عدم» says how the
        speaker spoke (anonymously); it reports nothing of its own."""
        k = self._next_word(n + 1, stop)
        return k is not None and self.tokens[k].text == "عدم"

    def _stray_stop(self, n: int, stop: int) -> bool:
        """A full stop followed by a complementiser («في بيان. إن …») does not end the clause."""
        k = self._next_word(n + 1, stop)
        return k is not None and self.tokens[k].text in self.lx.complementisers

    def _skip_complementiser(self, n: int, stop: int) -> int:
        k = self._next_word(n, stop)
        if k is not None and self.tokens[k].text in self.lx.complementisers:
            return k + 1
        return n

    def _after_qawl(self, n: int, stop: int) -> int:
        """Skip «قولهم» and a complementiser after «نقل عن X»."""
        k = self._next_word(n, stop)
        while k is not None and (self.tokens[k].text.startswith("قول") or self.tokens[k].text in self.lx.complementisers):
            n = k + 1
            k = self._next_word(n, stop)
        m = n
        while m < stop and self.tokens[m].text in {":", ","}:
            m += 1
        return m

    # -- subjects ----------------------------------------------------------------------------

    def _split_zone(self, zone: list[int], marker: str, stop: int) -> tuple[list[int], list[tuple[int, int, list[str]]]]:
        """Cut the words between a verb and its complement into source, hops and channel."""
        lx = self.lx
        source: list[int] = []
        via: list[tuple[int, int, list[str]]] = []
        k = 0
        words_seen = 0
        while k < len(zone):
            n = zone[k]
            tok = self.tokens[n]
            w = tok.text
            if not tok.is_word:
                if w in {";", ".", "?", "!"}:
                    break
                if w == "#":
                    k += 1  # «ورفضت #حماس»: a hashtag sign
                    continue
                if w in {"(", '"', ")", ",", "-"} or w == "'":
                    source.append(n) if source or w in {'"', "("} else None
                    k += 1
                    continue
                break
            nxt = self.tokens[zone[k + 1]].text if k + 1 < len(zone) else ""
            if w in lx.stop_words or w in lx.audiences:
                break
            cf = lx.cue_form(w)
            if cf is not None and cf[1].type == "participle":
                break
            if w == "في" and nxt in lx.time_nouns:
                break
            if self._channel_at(k, zone) is not None:
                # «في تصريح لـ X», «في حديث لقناة X»: X, later in the zone, is the receiving outlet
                for m in range(k + 1, min(len(zone), k + 8)):
                    rec = self._recipient(zone[m:])
                    if rec:
                        via.append(rec)
                        break
                break
            if w == "من" and nxt in lx.after_min:
                if words_seen == 0:
                    k += 2  # «وأكدت من جهتها الشركة أن …»: the subject follows
                    continue
                break
            if w in {"نقلا"} and nxt == "عن":
                self._consumed.add(n)  # «أعلنت الوكالة نقلا عن الشرطة …»: one act, not two
                hop = self._mention_tokens(source) if source else None
                rest = self._noun_phrase(zone[k + 1] + 1, zone[-1] + 1 if zone else stop)
                if rest:
                    if hop:
                        via.append(hop)
                    return rest, via
                break
            if words_seen and (lx.nominal_forms.get(w) or lx.nominal_forms.get(w[1:] if w[:1] in "وف" else "")):
                # «أوضحت المصادر وفق وسائل إعلام كردية»: the phrase names the hop
                np_tokens = self._noun_phrase(n + 1, zone[-1] + 1)
                if np_tokens:
                    via.append(self._mention_tokens(np_tokens))
                break
            rec = self._recipient(zone[k:])
            if rec:
                via.append(rec)
                if words_seen:
                    break
                while k < len(zone) and self.tokens[zone[k]].start < rec[1]:
                    k += 1  # «وذكرت لقناة سكاي نيوز أن», «قال للوكالة مسؤول»: the subject may follow
                continue
            if words_seen == 0 and (
                w in {"ان", "انه", "عدم"} or w in lx.prepositions or w in lx.adverbials or w.startswith("لل")
            ):
                break  # «وأضاف ردا على سؤال …», «وكتب على موقع …»: no subject after the verb
            if words_seen == 0 and w in lx.pronoun_preps:
                k += 1  # «أبدت فيه هيئة السوق …»: the pronoun is the channel, the subject follows
                continue
            source.append(n)
            words_seen += 1
            k += 1
        while source and not self.tokens[source[-1]].is_word and self.tokens[source[-1]].text not in {'"', ")"}:
            source.pop()
        source = self._balance(source)
        return source, via

    def _channel_at(self, k: int, zone: list[int]) -> tuple[int, int] | None:
        """«في بيان», «في تغريدة على تويتر», «خلال مؤتمر صحافي», «عبر حسابه على تويتر» at
        ``zone[k]``: how the origin spoke, as a normalised span; ``None`` if none starts there."""
        lx = self.lx
        w = self.tokens[zone[k]].text
        nxt = self.tokens[zone[k + 1]].text if k + 1 < len(zone) else ""
        if not (
            w in {"في", "خلال"} and (nxt in lx.channel_nouns or nxt.startswith("تصريح") or nxt.startswith("حديث"))
            or w in lx.platform_openers and nxt in lx.platforms
        ):
            return None
        end = k + 1
        words = 0
        while end < len(zone) and words < 6:
            tok = self.tokens[zone[end]]
            if not tok.is_word:
                if tok.text in {'"', "("} or tok.text == ")" and end > k + 1:
                    end += 1
                    continue
                break
            if (
                tok.text in lx.stop_words
                or tok.text in lx.time_nouns
                or tok.text in lx.complementisers
                or self._recipient(zone[end:]) is not None
            ):
                break
            words += 1
            end += 1
        last = zone[end - 1]
        while last > zone[k] and not self.tokens[last].is_word and self.tokens[last].text not in {'"', ")"}:
            last -= 1
        return self.tokens[zone[k]].start, self.tokens[last].end

    def _recipient(self, toks: list[int]) -> tuple[int, int, list[str]] | None:
        """«للوكالة», «لصحيفة X», «لـ"الحياة"», «لبي بي سي»: the receiving outlet."""
        if not toks:
            return None
        t = self.tokens[toks[0]]
        w = t.text
        lx = self.lx
        if w in lx.audiences:
            return None
        rest_toks: list[int]
        quoted = False
        if w in {"ل", "لـ"}:
            rest_toks = toks[1:]
            while rest_toks and not self.tokens[rest_toks[0]].is_word:
                quoted = quoted or self.tokens[rest_toks[0]].text in {'"', "("}
                rest_toks = rest_toks[1:]
            if not rest_toks:
                return None
            first_word = self.tokens[rest_toks[0]].text
            offset = 0
        elif w.startswith("ل") and len(w) > 2:
            rest_toks = toks
            first_word = strip_clitic(w)
            offset = 0 if w.startswith("لل") else 1  # «للوكالة» fuses ل with «ال»: kept whole
        else:
            return None
        words = [first_word] + [self.tokens[k].text for k in rest_toks[1:6] if self.tokens[k].is_word]
        m = self.gz.match_words(words, context=quoted)  # «لـ"الحياة"»: a quoted name is an outlet's
        if m:
            last_word_idx = m[1]
            word_toks = [k for k in rest_toks if self.tokens[k].is_word][:last_word_idx]
            start = self.tokens[rest_toks[0]].start + offset
            end = self.tokens[word_toks[-1]].end
            return (*self._close_brackets(start, end), words[:last_word_idx])
        if first_word in lx.recipient_titles:
            np_tokens = [rest_toks[0]]
            # «لصحيفة "ذا هيل"» keeps the name that follows the title
            more = self._noun_phrase(rest_toks[0] + 1, (rest_toks[-1] + 1) if rest_toks else 0)
            if more and not first_word.startswith("ال"):
                np_tokens += more
            start = self.tokens[rest_toks[0]].start + offset
            end = self.tokens[np_tokens[-1]].end
            ws = [first_word] + [self.tokens[k].text for k in np_tokens[1:] if self.tokens[k].is_word]
            return (*self._close_brackets(start, end), ws)
        return None

    def _subject_before(self, i: int, s: Segment, clitic: str) -> list[int] | None:
        """A subject written before the verb: «المصادر أكدت أن», «كذلك كان رئيس الوزراء … أكد»."""
        if clitic:
            return None  # «وأكد» starts a new clause
        srange = self._tok_range(s.start, s.end)
        # the clause starts at the sentence start, or after the last comma or «فإن» before the verb
        begin = srange.start
        for k in range(i - 1, srange.start - 1, -1):
            if self.tokens[k].text in {",", ";", ":"} or self.tokens[k].text in {"فان", "لان", "ان"}:
                begin = k + 1
                break
        toks = list(range(begin, i))
        words = [k for k in toks if self.tokens[k].is_word]
        while words and (
            self.tokens[words[0]].text in self.lx.subject_lead_ins or self.tokens[words[0]].text in self.lx.clause_openers
        ):
            words = words[1:]
        if not words or len(words) > 10:
            return None
        first = self.tokens[words[0]].text
        if first in self.lx.not_subject_starts or self.lx.cue_form(first) is not None:
            return None
        if any(self.tokens[k].text in self.lx.complementisers for k in words):
            return None
        # no other finite verb we know of in between
        np = [k for k in toks if k >= words[0]]
        while np and not self.tokens[np[-1]].is_word and self.tokens[np[-1]].text not in {'"', ")"}:
            np.pop()
        # drop a trailing auxiliary («… كان أكد»)
        while np and self.tokens[np[-1]].text in {"كان", "كانت", "قد"}:
            np.pop()
        if not np:
            return None
        words_text = [self.tokens[k].text for k in np if self.tokens[k].is_word]
        if not self._known_source(words_text):
            return None
        return self._balance(np)

    def _previous_sentence_subject(self, first: int) -> list[int] | None:
        """«وقدم زوكربرغ … اعتذاراته. وقال "هذا خطأي"»: with no speaker yet, the subject of the
        sentence before, in the same paragraph."""
        prev = self._prev_sentence
        if prev is None or self._last_speaker is not None:
            return None
        end = self._tok_range(prev.start, prev.end).stop
        return self._find_sentence_subject(prev, end)

    def _last_speaker_since(self, first: int) -> _Found | None:
        """The last attribution with a speaker among ``found[first:]`` (this sentence's)."""
        f = self._last_speaker
        return f if f is not None and f.index >= first else None

    def _sentence_subject(self, s: Segment, before: int) -> list[int] | None:
        """The subject of a sentence that opens with a verb: «اهتمت الصحف المغربية …»."""
        first_tok = self._tok_range(s.start, s.end).start
        if before > first_tok + 12:
            # only the first words of the sentence matter: one look per sentence
            if self._subject_cache[0] != s.start:
                self._subject_cache = (s.start, self._find_sentence_subject(s, first_tok + 13))
            return self._subject_cache[1]
        return self._find_sentence_subject(s, before)

    def _find_sentence_subject(self, s: Segment, before: int) -> list[int] | None:
        srange = self._tok_range(s.start, s.end)
        found = self._clause_subject(srange.start, before)
        opener = self._next_word(srange.start, before)
        prepositional = opener is not None and (
            self.tokens[opener].text in self.lx.not_subject_starts or self.tokens[opener].text in self.lx.prepositions
        )
        if found is None and prepositional:
            # «وفي عام 2016، قدمت فتاة قاصرة شكوى …، قالت فيها»: the clause after the comma
            commas = [k for k in range(srange.start, before) if self.tokens[k].text == ","]
            for k in commas[:2]:
                found = self._clause_subject(k + 1, before)
                if found is not None:
                    break
        return found

    def _clause_subject(self, begin: int, before: int) -> list[int] | None:
        """The subject of a clause at ``begin`` that opens with a verb."""
        words = [k for k in range(begin, min(before, begin + 12)) if self.tokens[k].is_word]
        while words and self.tokens[words[0]].text in self.lx.subject_lead_ins:
            words = words[1:]
        if len(words) < 2:
            return None
        verb = self.tokens[words[0]].text
        if (
            verb.startswith("ال")
            or verb in self.lx.not_subject_starts
            or verb in self.lx.prepositions
            or self.lx.known_form(verb) in self.lx.source_words
        ):
            return None  # «رئيس الوزراء …»: a noun opens the sentence, not a verb
        chunk = self._np_chunk([k for k in range(words[0] + 1, min(before, words[0] + 12))])
        ws = [self.tokens[k].text for k in chunk if self.tokens[k].is_word]
        if not ws or not self._known_source(ws):
            return None
        return chunk

    def _relative_antecedent(self, i: int, floor: int) -> list[int] | None:
        """«… دونالد ترامب، الذي دعا الحلف إلى …»: the noun the relative pronoun refers to."""
        k = i - 1
        if k < floor or self.tokens[k].text not in self.lx.relatives:
            return None
        k -= 1
        while k >= floor and self.tokens[k].text in {",", '"'}:
            k -= 1
        out: list[int] = []
        lx = self.lx
        while k >= floor and len([n for n in out if self.tokens[n].is_word]) < 6:
            tok = self.tokens[k]
            if not tok.is_word and tok.text not in {'"', ","}:
                break  # commas join apposition: «الرئيس الأميركي، آنذاك، "دونالد ترامب"، الذي»
            if tok.is_word and (
                tok.text in lx.not_subject_starts or tok.text in lx.prepositions or tok.text in lx.stop_words
            ):
                break
            out.insert(0, k)
            k -= 1
        while out and self.tokens[out[0]].text == ",":
            out.pop(0)
        human = self.tokens[i - 1].text in {"الذين", "والذين", "اللذين", "اللذان"}
        while out:
            words = [self.tokens[n].text for n in out if self.tokens[n].is_word]
            if words and (human or self._known_source(words)):
                return self._balance(out)
            # «السفير السعودي لواشنطن، الأمير خالد بن سلمان، الذي قال»: try the last apposition
            commas = [m for m, n in enumerate(out) if self.tokens[n].text == ","]
            if not commas:
                break
            out = out[commas[-1] + 1 :]
        return None  # «التي» may stand for a thing; «الذين» always stands for people

    def _known_source(self, words: list[str]) -> bool:
        """Whether ``words`` start with a word the lexicons know as a source, or a short name."""
        lx = self.lx
        if self.gz.match_words([strip_clitic(words[0]), *words[1:]]):
            return True
        _, head, two = lx.head(words)
        if lx.is_source_noun(head, two):
            return True
        return (
            not head.startswith("ال")
            and len(words) <= 3
            and not any(w in lx.not_subject_starts or w in lx.stop_words for w in words)
        )

    def _antecedent(self, first: int, s: Segment) -> _Found | None:
        """The attribution whose speaker a subjectless cue continues."""
        f = self._last_speaker
        return f if f is not None and f.cue[0] <= s.end else None

    # -- noun phrases --------------------------------------------------------------------------

    def _noun_phrase(self, k: int, stop: int, allow_qawl: bool = False) -> list[int]:
        """The noun phrase that starts at token ``k``: up to punctuation, a complementiser, a
        reporting verb, a stop word, or ``_MAX_NP`` words."""
        lx = self.lx
        out: list[int] = []
        words = 0
        opened = 0
        for n in range(k, stop):
            tok = self.tokens[n]
            w = tok.text
            if not tok.is_word:
                if w in {'"', "("} and (not out or opened == 0):
                    out.append(n)
                    opened += 1
                    continue
                if w in {'"', ")"} and opened:
                    out.append(n)
                    opened -= 1
                    continue
                if w == "-" and out:
                    break
                if w in _PUNCT_STOP or w in {"-", "'"}:
                    break
                continue
            if words and (
                w in lx.complementisers
                or w in lx.stop_words
                or w in {"فقد", "فان", "ف", "قد", "و"}
                or lx.cue_form(w) is not None and lx.cue_form(w)[1].type == "verb"
                or (w.startswith("قول") and allow_qawl)
            ):
                break
            if not words and w in lx.complementisers:
                break
            if words and w == "في" and n + 1 < stop and (
                self.tokens[n + 1].text in lx.channel_nouns or self.tokens[n + 1].text in lx.time_nouns
            ):
                break
            out.append(n)
            words += 1
            if words >= _MAX_NP:
                break
        while out and not self.tokens[out[-1]].is_word and self.tokens[out[-1]].text not in {'"', ")"}:
            out.pop()
        return self._balance(out)

    def _np_chunk(self, zone: list[int]) -> list[int]:
        """The subject of a verb whose object follows with no marker («أعلن الجيش مقتل …»): the
        first word, a genitive chain after a common noun, «ال» adjectives, «باسم X», and — after
        a person's title — a name that ends at a boundary («المتحدث باسم الحكومة الفرنسية بنجامان
        غريفو الاثنين»), not at the object («أعلن المتحدث تعليق العمليات»)."""
        lx = self.lx
        out: list[int] = []
        k = 0
        while k < len(zone):
            n = zone[k]
            tok = self.tokens[n]
            if not tok.is_word:
                if tok.text in {'"', ")", "("} and out:
                    out.append(n)
                    k += 1
                    continue
                break
            w = tok.text
            if w in lx.stop_words:
                break
            if out:
                words = [self.tokens[m].text for m in out if self.tokens[m].is_word]
                head = lx.known_form(words[0])
                # a common noun takes a genitive chain («تحالف دعم الشرعية», «وزارة الدفاع»);
                # a name or a country does not («روسيا الولايات المتحدة» is subject + object)
                common = head in lx.source_words and head not in lx.places
                in_chain = common and not any(x.startswith("ال") for x in words) and len(words) < 4
                after_bism = words[-1] == "باسم"
                # «المرصد السوري لحقوق الإنسان», «الهيئة العامة للأرصاد»: a body named by its remit
                remit = head in lx.organizations and (
                    w.startswith("لل") and len(w) > 3
                    or w.startswith("ل") and k + 1 < len(zone) and self.tokens[zone[k + 1]].text.startswith("ال")
                ) or words[-1].startswith("ل") and not words[-1].startswith("لل") and w.startswith("ال") and (
                    head in lx.organizations
                )
                if not (in_chain or after_bism or remit or w.startswith("ال") and _adjective(w) or w == "باسم"):
                    name = self._name_run(zone, k) if head in lx.person_titles else []
                    out += name
                    break
            out.append(n)
            k += 1
            if len(out) > 8:
                break
        return self._balance(out)

    def _name_run(self, zone: list[int], k: int) -> list[int]:
        """Words without «ال» from ``zone[k]`` that end at a boundary (punctuation, a stop word,
        a complementiser, the end): a name after a title. Empty if an «ال» word ends them."""
        lx = self.lx
        run: list[int] = []
        for n in zone[k : k + 5]:
            tok = self.tokens[n]
            w = tok.text
            if not tok.is_word or w in lx.stop_words or w in lx.complementisers or lx.cue_form(w):
                return run
            if w.startswith("ال") or w in lx.prepositions or w in lx.not_subject_starts:
                return []
            run.append(n)
        return run if len(zone) <= k + 5 else []

    def _balance(self, toks: list[int]) -> list[int]:
        """Drop unbalanced quote marks and brackets at the edges of a token list."""
        while toks:
            first = self.tokens[toks[0]].text
            inner = [self.tokens[k].text for k in toks]
            if first in {'"'} and inner.count('"') % 2 == 1:
                toks = toks[1:]
                continue
            if first == "(" and ")" not in inner:
                toks = toks[1:]
                continue
            last = self.tokens[toks[-1]].text
            if last == '"' and inner.count('"') % 2 == 1:
                toks = toks[:-1]
                continue
            if last == ")" and "(" not in inner:
                toks = toks[:-1]
                continue
            if not self.tokens[toks[0]].is_word and first not in {'"', "("}:
                toks = toks[1:]
                continue
            break
        return toks

    def _np_span(self, toks: list[int]) -> tuple[int, int]:
        return self.tokens[toks[0]].start, self.tokens[toks[-1]].end

    def _mention_tokens(self, toks: list[int]) -> tuple[int, int, list[str]]:
        start, end = self._np_span(toks)
        return start, end, [self.tokens[k].text for k in toks if self.tokens[k].is_word]

    def _close_brackets(self, start: int, end: int) -> tuple[int, int]:
        """Extend a mention over a closing quote or bracket whose opening it holds."""
        text = self.norm[start:end]
        if text.count('"') % 2 == 1 and self.norm[end : end + 1] == '"':
            end += 1
        if text.count("(") > text.count(")") and self.norm[end : end + 1] == ")":
            end += 1
        return start, end

    # -- contents ----------------------------------------------------------------------------

    def _content_from(self, k: int | None, s: Segment) -> tuple[int, int] | None:
        if k is None:
            return None
        srange = self._tok_range(s.start, s.end)
        while k < srange.stop and self.tokens[k].text in {":", ",", "-", "فقد", "فان", "ف"}:
            k += 1
        if k >= srange.stop:
            return None
        start = self.tokens[k].start
        return start, self._trim_end(start, s.end)

    def _clause_before(self, i: int | None, s: Segment) -> tuple[int, int] | None:
        if i is None:
            return None
        end = self.tokens[i].start
        start = s.start
        end = self._trim_end(start, end)
        if end <= start:
            return None
        return start, end

    def _trim_end(self, start: int, end: int) -> int:
        while end > start and self.norm[end - 1] in " ,.;:-!?\n":
            end -= 1
        # a trailing «كما» or «و» belongs to the cue that follows
        for w in (" كما", " و", " حسبما"):
            if self.norm.endswith(w, start, end):
                end -= len(w)
                while end > start and self.norm[end - 1] in " ,.;:-":
                    end -= 1
        return end

    def _clause_start(self, i: int, s: Segment) -> bool:
        """Whether token ``i`` opens its sentence or a clause (after a comma)."""
        srange = self._tok_range(s.start, s.end)
        k = i - 1
        while k >= srange.start and self.tokens[k].text in {'"', "("}:
            k -= 1
        return k < srange.start or self.tokens[k].text in {",", ":", ";", "-"}

    def _after_break(self, i: int, floor: int) -> bool:
        k = i - 1
        return k >= floor and self.tokens[k].text in {",", ";", "-", ":"}

    def _close_contents(self, first: int, s: Segment) -> None:
        """A content ends where the next attribution of its sentence starts."""
        mine = sorted(self.found[first:], key=lambda f: f.cue[0])
        for a, b in zip(mine, mine[1:]):
            if a.content and not a.content_before and a.content[0] <= b.cue[0] < a.content[1]:
                cut = b.cue[0]
                end = self._trim_end(a.content[0], cut)
                a.content = (a.content[0], end) if end > a.content[0] else None

    def _add(self, f: _Found) -> None:
        f.index = len(self.found)
        self.found.append(f)
        if f.source is not None and f.cue_type != "credit":
            self._last_speaker = f

    # -- wire credits ------------------------------------------------------------------------

    def _credits(self, p: Segment, lead: bool) -> None:
        """«جنيف - رويترز», «واس - الرياض», «(أ ف ب)», «مصادر: وكالات» in the text."""
        idx = self._tok_range(p.start, p.end)
        toks = list(idx)
        seen: set[int] = set()
        # (AGENCY) anywhere
        for n, k in enumerate(toks):
            if self.tokens[k].text == "(":
                inner = []
                for m in toks[n + 1 : n + 6]:
                    if self.tokens[m].text == ")":
                        break
                    inner.append(m)
                else:
                    continue
                words = [self.tokens[m].text for m in inner if self.tokens[m].is_word]
                outlet = self._agency(words, whole=True)
                if outlet is not None and inner:
                    self._credit(inner, outlet, p, seen)
        # label lines: «مصادر: وكالات», «المصدر: رويترز»
        words = [k for k in toks if self.tokens[k].is_word]
        if words and self.tokens[words[0]].text in self.lx.credit_labels:
            k = words[0] + 1
            if k < idx.stop and self.tokens[k].text == ":":
                agency_toks = [m for m in toks if m > k and self.tokens[m].is_word][:4]
                self._credit_scan(agency_toks, p, seen)
        if not lead:
            return
        # a dateline or byline at the head of the first paragraphs: a run of up to 15 tokens with a
        # separator, no reporting verb
        head = toks[:18]
        if any(self.tokens[k].is_word and self.lx.cue_form(self.tokens[k].text) for k in head[:12]):
            head = head[: next(n for n, k in enumerate(head) if self.tokens[k].is_word and self.lx.cue_form(self.tokens[k].text))]
        seps = [n for n, k in enumerate(head) if self.tokens[k].text in {"-", ":", "/", "|"}]
        if seps or len(toks) <= 8:
            limit = (seps[-1] + 5) if seps else len(head)
            self._credit_scan([k for k in head[:limit] if self.tokens[k].is_word], p, seen, adjacent=seps and [head[n] for n in seps])
        # SPA style: «جنيف 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس»
        for n, k in enumerate(head):
            if self.tokens[k].text == "م" and n + 1 < len(head):
                self._credit_scan([head[n + 1]], p, seen)

    def _credit_scan(self, word_toks: list[int], p: Segment, seen: set[int], adjacent: list[int] | bool = False) -> None:
        n = 0
        while n < len(word_toks):
            found = credited_agency([self.tokens[m].text for m in word_toks[n : n + 6]], self.lx, self.gz)
            if found is None:
                n += 1
                continue
            length, outlet = found
            ks = word_toks[n : n + length]
            if adjacent and not self._near(ks, adjacent):
                n += 1
                continue
            self._credit(ks, outlet, p, seen)
            n += length

    def _near(self, ks: list[int], seps: list[int]) -> bool:
        return any(abs(k - s) <= 2 for k in (ks[0], ks[-1]) for s in seps)

    def _agency(self, words: list[str], whole: bool = False) -> Outlet | None:
        if not words:
            return None
        if words[0] in self.lx.credit_generic:
            return None
        m = self.gz.match_words(words, True) or self.gz.match_words([strip_clitic(words[0]), *words[1:]], True)
        if m and m[2].kind == "wire_agency" and (not whole or m[1] == len(words)):
            return m[2]
        return None

    def _credit(self, ks: list[int], outlet: Outlet | None, p: Segment, seen: set[int]) -> None:
        if not ks or any(k in seen for k in ks):
            return
        seen.update(ks)
        start, end = self.tokens[ks[0]].start, self.tokens[ks[-1]].end
        if self.tokens[ks[0]].text.startswith("و") and self.tokens[ks[0]].text[1:] in self.lx.credit_generic:
            start += 1
        s = Segment(p.start, p.end, p.paragraph)
        words = [self.tokens[k].text for k in ks if self.tokens[k].is_word]
        self._add(_Found((start, end), "credit", "credit", (start, end), words, [], None, s))

    # -- output ------------------------------------------------------------------------------

    def _quoted(self, span: tuple[int, int]) -> bool:
        return any(ch in self.norm[span[0] : span[1]] for ch in '"()')

    def build(self, f: _Found, text: str, offset: int) -> Attribution:
        """Map a found attribution back to the original text and type its mentions."""
        def span(a: tuple[int, int]) -> tuple[int, int]:
            s, e = self.nz.to_original(*a)
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
            via.append(Mention(text[a:b], a, b, name=t.name, kind=kind, name_ar=t.outlet.name_ar if t.outlet else None))
        content = None
        if f.content and f.content[1] > f.content[0]:
            cs2, ce2 = f.content
            direct = False
            inner = self.norm[cs2:ce2]
            if len(inner) > 2 and inner[0] == '"' and inner[-1] == '"' and inner.count('"') == 2:
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
