"""Cues: reading a reporting verb, a participle or a prepositional cue found in a sentence, and
recording the attribution it makes (see the module docstring of ``extract`` for the rules).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .found import Found
from .lexicon import FormInfo, Lexicon, cue_words, norm
from .phrases import channel_openers
from .resolve import type_mention
from .segment import Segment
from .speakers import Speakers
from .tokens import DASHES

_MAX_SUBJECT = 16  # words between a verb and its complement
_MAX_LONG_SUBJECT = 30  # words of a subject closed by a colon, or by «إن» after a comma or a quoted name
_MAX_RELATIVE = 30  # tokens of an aside (a relative clause in commas, a dash aside) in the subject
_ADAM = re.compile("عدم")
_QAWL = frozenset({"قائلا", "قائله", "قائلين", "قائلتين"})  # «قائلاً»: the content follows


class Cues(Speakers):
    """Turning a cue at a token into an attribution of the run."""

    _para: Segment | None
    _resume: int | None
    _adam_places: list[int] | None

    # -- is it a cue? ------------------------------------------------------------------------

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
        """Whether a formula of the writer's own voice (``not_attributions``) starts at token
        ``i``, a «و» or «ف» before it allowed («ويذكر أن …»)."""
        first = self.tokens[i].text
        if first not in self.lx.formula_first_words:
            first = first[1:] if first[:1] in ("و", "ف") else ""
            if first not in self.lx.formula_first_words:
                return False
        words = self._words(i, min(stop, i + 4))
        text = " ".join([first, *words[1:]])
        return any(text.startswith(f) for f in self.lx.not_attributions)

    # -- nominal cues ------------------------------------------------------------------------

    def _nominal_at(self, i: int, stop: int) -> tuple[int, FormInfo] | None:
        if self.tokens[i].text not in self.lx.nominal_words:
            return None
        clitic, first = self.lx.strip_noun_clitic(self.tokens[i].text)
        forms = self.lx.multiword_nominal.get(first)
        if forms is None:
            return None
        second = None  # the word after the first (-1: none), looked for when a form needs it
        for words in forms:  # longest first
            if len(words) == 1:
                return i + 1, self.lx.nominal_forms[words[0]]
            if second is None:
                second = self._next_word(i + 1, stop)
                if second is None:
                    second = -1
            if second < 0 or self.tokens[second].text != words[1]:
                continue
            k = second + 1
            for w in words[2:]:
                k2 = self._next_word(k, stop)
                if k2 is None or self.tokens[k2].text != w:
                    break
                k = k2 + 1
            else:
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
                Found(
                    (cue_start, cue_end), info.lemma, "nominal", ante.source if ante else None,
                    ante.source_words if ante else [], [],
                    self._clause_before(i, s), s, continues=ante.index if ante else None,
                    content_before=True,
                )
            )
            return
        if info.document_before:
            self._document_said(i, j, info, s, cue_start, cue_end)
            return
        stop = self._tok_range(s.start, s.end).stop
        k = self._next_word(j, stop)
        # the word after «ما»: «حسبما قالت وسائل إعلام», «بحسب ما ذكرت الوكالة»
        v = None
        if k is not None and self.tokens[j - 1].text.endswith("ما"):
            v = k
        elif k is not None and self.tokens[k].text in self.lx.nominal_relatives:
            v = self._next_word(k + 1, stop)
        if v is not None:
            inner = self._nominal_at(v, stop)
            if inner is not None and not inner[1].refers_back and not inner[1].document_before:
                # «حسبما جاء في الإعلان», «وفقاً لما جاء في الإصدار»: one cue, whose source
                # follows «جاء في»
                j = self._resume = inner[0]
                k = self._next_word(j, stop)
            elif (cf := self.lx.cue_form_with_object(self.tokens[v].text)) is not None:
                # the verb carries the source
                self._verb(v, cf[0], cf[1], s, p, first, lead=(i, "nominal_relative"), lead_lemma=info.lemma)
                self._resume = v + 1
                return
        if k is None:
            return
        if self.tokens[j].text in {"ل", "لما"} and j + 1 < stop:
            j += 1  # «وفقا لـ"سانا"»: the preposition stands apart
        np_tokens = self._noun_phrase(j, stop)
        if not np_tokens:
            return
        words = [self.tokens[t].text for t in np_tokens if self.tokens[t].is_word]
        if not self._source_like(words) or info.named_text and not self._names_text(words):
            return
        src = self._np_span(np_tokens)
        first_tok = self.tokens[np_tokens[0]]
        if first_tok.is_word and first_tok.text.startswith("ل") and self.lx.known_form(first_tok.text) != first_tok.text:
            # «وفقاً لوكالة (رويترز)»: the preposition is not part of the source
            src = (src[0] + (2 if first_tok.text.startswith("لل") else 1), src[1])
        after_np = self._next_word(np_tokens[-1] + 1, stop)
        if after_np is not None and after_np == np_tokens[-1] + 1 and self._clause_after_relay(
            after_np, src, words, s, p, first, at_start=self._clause_start(i, s)
        ):
            self._resume = after_np + 1
        inside = self._inside_content(cue_start, first)
        at_start = self._clause_start(i, s)
        if at_start and len(self._words(np_tokens[-1] + 1, stop)) < 3:
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
        via: list[tuple[int, int, list[str]]] = []
        if inside is not None and inside.source is not None and inside.source_words:
            # «وبحسب وكالة فرانس برس فقد أسفرت الضربة عن …، وفق مصادر»: the outlet reporting the
            # clause relays the source named inside it
            kind = type_mention(inside.source_words, self.lx, self.gz).kind
            own = type_mention(words, self.lx, self.gz).kind
            if kind in {"wire_agency", "outlet"} and own not in {"wire_agency", "outlet", "organization"}:
                via = [(inside.source[0], inside.source[1], list(inside.source_words))]
        elif inside is None:
            # «وقالت وكالة إيسنا استنادا إلى مكتب المدعي العام إن …»: right after the subject of a
            # report, the cue names where that outlet got it: the outlet is the intermediary
            teller = self._subject_ending_at(i, first)
            if teller is not None and teller.source is not None:
                kind = type_mention(teller.source_words, self.lx, self.gz).kind
                own = type_mention(words, self.lx, self.gz).kind
                if kind in {"wire_agency", "outlet"} and own not in {"wire_agency", "outlet"}:
                    via = [(teller.source[0], teller.source[1], list(teller.source_words))]
        self._add(
            Found((cue_start, cue_end), info.lemma, "nominal", src, words, via, content, s, content_before=not at_start)
        )

    def _clause_after_relay(
        self, k: int, src: tuple[int, int], words: list[str], s: Segment, p: Segment, first: int, at_start: bool
    ) -> bool:
        """A reporting verb right after the noun phrase of a nominal cue: «حسب مصدر عسكري أوضح
        أن …» (the verb, with no subject of its own, describes the source: it is the source's
        report) or «وبحسب موقع 24 أوضحت "ولاية خراسان" أن …» (the verb has its own speaker, who
        reached the publisher through the outlet of the cue). Whether a report was added."""
        cf = self.lx.cue_form(self.tokens[k].text)
        if cf is None or cf[1].type != "verb" or cf[1].agreeing:
            return False
        stop = self._tok_range(s.start, s.end).stop
        comp = self._complement(k + 1, stop, cf[1])
        if comp is None:
            return False
        relative = comp[1] == k + 1  # nothing between the verb and what it says
        if not relative and not at_start:
            return False
        if relative:
            t = self.tokens[k]
            content = self._content_from(comp[2], s) if comp[2] is not None else None
            self._add(Found((t.start, t.end), cf[1].lemma, "verb", src, list(words), [], content, s))
            return True
        before = len(self.found)
        self._verb(k, cf[0], cf[1], s, p, first)
        if len(self.found) == before:
            return False
        f = self.found[-1]
        if f.source is not None and f.source != src:
            f.via = [(src[0], src[1], list(words)), *f.via]
        return True

    def _document_said(self, i: int, j: int, info: FormInfo, s: Segment, cue_start: int, cue_end: int) -> None:
        """«أصدر بيانا جاء فيه أن …»: the cue in tokens ``[i, j)`` reports what the document named
        just before it (within twelve tokens, in its sentence) says."""
        srange = self._tok_range(s.start, s.end)
        if j >= srange.stop:
            return
        t = self.tokens[j]
        if t.text in {":", '"'}:
            content_tok = j + 1 if t.text == ":" else j
        elif t.text in self.lx.complementisers:
            content_tok = j + 1
        else:
            return  # «بيان جاء فيه ذكر …»: no statement follows
        doc = None
        for k in range(i - 1, max(srange.start, i - 12) - 1, -1):
            w = self.tokens[k].text
            if not self.tokens[k].is_word:
                if w in {",", '"', "(", ")"}:
                    continue
                break  # the document is in this clause
            if w in self.lx.complementisers or w in self.lx.cue_form_words and self.lx.cue_form(w) is not None:
                break  # «قالت إن التقرير كاذب وإنها ستصدر ردا جاء فيه»: not the report's document
            if w in self.lx.documents or self.lx.known_form(w) in self.lx.documents:
                doc = k
                break
        if doc is None:
            return
        np_tokens = []
        for k in range(doc, i):  # the document and what qualifies it, up to a comma
            if self.tokens[k].text == ",":
                break
            if self.tokens[k].is_word or self.tokens[k].text in {'"', "(", ")"}:
                np_tokens.append(k)
        np_tokens = self._balance(np_tokens)
        if not np_tokens:
            return
        words = [self.tokens[k].text for k in np_tokens if self.tokens[k].is_word]
        content = self._content_from(content_tok, s)
        self._add(Found((cue_start, cue_end), info.lemma, "nominal", self._np_span(np_tokens), words, [], content, s))

    def _what_clause(self, i: int, floor: int) -> bool:
        """«…، وهو ما أكده الوزير», «وهذا ما أشارت إليه القيادة»: the verb at ``i`` reports the
        clause before it."""
        prev = self._prev_word(i, floor)
        if prev is None or prev != i - 1 or self.tokens[prev].text != "ما":
            return False
        pp = self._prev_word(prev, floor)
        return pp is not None and pp == prev - 1 and self.tokens[pp].text in cue_words(self.lx, "what_openers")

    def _describing(self, i: int, prev: int | None, info: FormInfo) -> bool:
        """«الذي وصفه», «فيما وصفها»: a describing verb right after «ما» or a relative, carrying
        its object pronoun (``describing_verbs`` in ``schemas/cues.yaml``)."""
        return (
            prev == i - 1 and prev is not None
            and self.tokens[prev].text in cue_words(self.lx, "describing_leads")
            and norm(info.lemma) in cue_words(self.lx, "describing_verbs")
            and self.lx.cue_form(self.tokens[i].text) is None  # the form carries a pronoun
        )

    def _subject_ending_at(self, i: int, first: int) -> Found | None:
        """The report of this sentence whose explicit subject ends right before token ``i``."""
        k = i - 1
        while k >= 0 and not self.tokens[k].is_word and self.tokens[k].text in {",", '"', ")"}:
            k -= 1
        if k < 0:
            return None
        end = self.tokens[k].end
        for f in self.found[max(first, len(self.found) - 4) :]:
            if f.cue_type == "verb" and f.source is not None and f.continues is None and f.source[1] == end:
                return f
        return None

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
        nxt = self._next_word(i + 1, srange.stop)
        if nxt is not None and (
            self._manner(i, srange.stop)  # «طالبا عدم نشر اسمه»: how someone else spoke
            or nxt == i + 1 and self.tokens[nxt].text.startswith(info.not_before or ("\0",))
        ):
            return
        if self._notable(i, prev, srange.start):
            return
        if nxt == i + 1 and self.tokens[nxt].text in {"عنه", "عنها", "عنهم"} and any(
            self.tokens[k].text in self.lx.relatives for k in range(max(srange.start, i - 6), i)
        ) and not (
            nxt + 1 < srange.stop
            and (self.tokens[nxt + 1].text in self.lx.complementisers or self.tokens[nxt + 1].text == ":")
        ):  # («الذي تقول عنه إنه لاغٍ» is a report about it)
            return  # «الممر الذي كانت موسكو قد أعلنت عنه»: what was announced is the noun before
        cue_start = self.tokens[lead[0]].start if lead else t.start
        cue = (cue_start, t.end)
        if info.type == "participle":
            self._participle(i, info, s, first, cue)
            return
        comp = self._complement(i + 1, srange.stop, info)
        if (t.text in self.lx.strict_forms or info.adjacent) and (
            comp is None or comp[1] != i + 1 and not (comp[1] == i + 2 and self.tokens[i + 1].text == ",")
        ) and not (t.text in self.lx.strict_forms and (self._short_subject(i, comp, s) or comp and self._turn_taken(i, s))):
            return  # the complement must follow at once («وأبان أن», «وأبان، أن»)
        kama = (
            prev is not None
            and self.tokens[prev].text in {"كما", "حسبما", "وفقما", "بحسبما"}
            and (
                not self._clause_start(prev, s)
                or comp is None and self._after_break(prev, srange.start) and self._short_clause(i + 1, srange.stop)
            )  # «…، كما صرح المتحدث.», «- كما قالت الوزارة -»: with nothing reported after it,
            # and only its subject before the clause ends, «كما» is "as"
        ) or self._what_clause(i, srange.start) or (
            prev is not None and prev == i - 1 and self.tokens[prev].text in cue_words(self.lx, "thus_openers")
        )  # «…، كما قال بيان»: "as"; a «كما» opening the
        # sentence means "also"; «…، وهو ما أكده الوزير»: what the clause before said
        if comp is None and not (kama or lead):
            return
        marker, zone_end, content_start = comp if comp else ("none", srange.stop, None)
        if comp is None and kama:
            zone_end = self._clause_end(i + 1, srange.stop)  # «- كما قالت الوزارة - على القطن»
        if comp is None and lead:
            # «…، بحسب ما نقلت عنه وكالة X، إن …»: the relay ends at the comma
            zone_end = next((n for n in range(i + 1, srange.stop) if self.tokens[n].text == ","), srange.stop)
        zone = list(range(i + 1, zone_end))
        source_toks, via = self._split_zone(zone, marker, srange.stop)
        openers = channel_openers(self.lx)
        at = next(
            (k for k, t in enumerate(self.tokens[i + 1 : zone_end]) if t.text in openers and self._channel_at(k, zone)),
            None,
        )  # (token zone[k] is token i + 1 + k)
        channel = self._channel_at(at, zone) if at is not None else None
        if at is not None and channel is not None:
            for m in range(at + 1, min(len(zone), at + 8)):
                relay = self._relayed_by(zone[m:])
                if relay is not None:
                    if not any(v[0] < relay[1] and relay[0] < v[1] for v in via):
                        via = [*via, relay]
                    break
        after = self._next_word(zone_end + 1, srange.stop) if marker == "an" else None
        if after is not None and self.tokens[after].text in self.lx.not_after_an:
            return  # «نقلت الفتاة … عن طريق ليبيا»: moved, not quoted
        # «أعرب ذوو الشهداء عن شكرهم …، مؤكدين أن …»: thanks claim nothing, but name the speaker
        ritual = after is not None and self._ritual_at(after, srange.stop)
        if marker == "an" and info.lemma == "نقل":
            # «نقلت رويترز عن دبلوماسيين قولهم إن»: the subject is the hop, the object of عن the source
            assert content_start is not None  # a marker «عن» has a content after it
            src_np = self._noun_phrase(content_start, srange.stop, allow_qawl=True)
            if not src_np:
                return
            hop = source_toks or self._subject_before(i, s, clitic) or []  # «وكانت شبكة X نقلت عن …»
            source_toks = src_np
            hops = [self._mention_tokens(hop)] if hop else []
            if not hops and not via:
                # «وذكرت الصحيفة أن … ونقلت عن مصادر قولها»: the speaker before relays this one;
                # «…، حسب وسائل إعلام رسمية. ونُقل عن كيم»: the outlet named last does
                ante = self._antecedent(first, s)
                if ante is None or ante.source is None or not self._outlet_named(ante):
                    ante = next(
                        (f for f in reversed(self.found[-3:]) if f.source is not None and self._outlet_named(f)
                         and f.cue[0] >= s.start - 400),
                        ante,
                    )
                words_of = [self.tokens[k].text for k in src_np if self.tokens[k].is_word]
                if ante is not None and ante.source is not None and ante.cue_type != "credit" and (
                    ante.source_words != words_of
                ):
                    hops = [(ante.source[0], ante.source[1], list(ante.source_words))]
            via = hops + via
            content_start = self._after_qawl(src_np[-1] + 1, srange.stop)
        if marker == "np" or (info.takes_object and source_toks):
            # «أعلن الجيش مقتل …», «اتهمت الحكومة التحالف بـ …»: the subject is the first chunk
            zone_words = [k for k in source_toks if self.tokens[k].is_word]
            source_toks = self._np_chunk(source_toks)
            if (
                (marker == "bi" or marker == "that" and self.tokens[zone_end].text.startswith("ب"))
                and norm(info.lemma) in cue_words(self.lx, "object_before_bi")
                and 0 < len(zone_words) <= 5 and zone_words[-1] in source_toks
                and zone_end == zone_words[-1] + 1  # nothing between, not even a comma
                and self.lx.cue_form(t.text) is not None  # «الذي اتهمه الرئيس بـ»: the object is the suffix
                and type_mention(
                    [self.tokens[k].text for k in zone_words], self.lx, self.gz
                ).kind in {"organization", "unknown"}  # not «ذوو الطفلة», «امرأة سويسرية»: speakers
            ):
                # «واتهم النظام السوري بعدم منح …», «ووصف الاتفاق بأنه …»: one noun phrase before
                # «ب» is the object the verb needs; the speaker is implied
                source_toks = []
            content_start = source_toks[-1] + 1 if source_toks else i + 1
        if info.agreeing and marker != "an":
            source_toks = []  # «واستنكروا جميع أشكال الإرهاب»: the subject is not after the verb
        if source_toks and marker == "np":
            _, head, two = self.lx.head([self.tokens[k].text for k in source_toks if self.tokens[k].is_word] or [""])
            if head in self.lx.not_sources or two in self.lx.not_sources:
                source_toks = []  # «ونفت هذه الاتهامات»: the object; the speaker is implied
                content_start = i + 1
        if source_toks and self._stance_object(source_toks[0]):
            source_toks = []  # «وأكد رفضه للإرهاب»: his refusal; the speaker is implied
            if marker == "np":
                content_start = i + 1
        if source_toks and info.takes_object and self._called_upon(source_toks):
            source_toks = []  # «ودعا المواطنين إلى …»: the people called upon; the speaker is implied
            if marker == "np":
                content_start = i + 1
        # «ماكيب، الذي اتهمه الرئيس ترامب …», «الصورة التي وصفها الحرمي بأنها …»: a verb that
        # carries the relative's noun as its object pronoun has its own subject after it
        relative = None
        if not lead and not (prev == i - 1 and self._relative_object(i, prev)):
            relative = self._relative_antecedent(i, srange.start)
        impersonal = not lead and t.text[len(clitic) :] in cue_words(self.lx, "impersonal_forms")
        if impersonal and marker == "bi" and relative is None:
            source_toks = []  # «ويُقدر عدد السياح بعشرات الآلاف»: what is estimated, not who
        if impersonal and (relative is not None or not source_toks and not (
            clitic or prev is None
            or self.tokens[prev].text in self.lx.subject_lead_ins or self.tokens[prev].text in self.lx.clause_openers
        )):
            return  # «الساعة التي يُعتقد أن قيمتها …», «شخص، يُعتقد أنه شريك»: a description
        if relative is not None and marker != "an":
            source_toks = relative  # «ترامب، الذي دعا الحلف إلى …»: what follows is the object
        if source_toks and t.text[len(clitic) : len(clitic) + 1] not in ("ي", "ت") and (
            self._nominal_at(source_toks[0], srange.stop) is not None
        ):
            # «وأكد وفقاً لبيان رسمي أن …»: a «وفق» phrase is no subject; the speaker is implied.
            # Not after a present form: «ويتوقع، بحسب مختصين، أن …» is what the specialists expect
            source_toks = []
        if not source_toks and not lead and self._describing(i, prev, info):
            return  # «على القرار الذي وصفه بأنه …»: a description inside the speaker's statement
        inside = self._inside_content(t.start, first)
        explicit = bool(source_toks)
        svo = None
        if not explicit and not lead:
            svo = self._subject_before(i, s, clitic)
        elif (
            explicit and not lead and not kama and relative is None and marker != "an"
            and (aux := self._aux_subject(i, s, clitic)) is not None
        ):
            if any(k in self._consumed and self.tokens[k].text == "نقلا" for k in zone):
                # «وكانت قناة "العربية" ذكرت، نقلاً عن معلومات أمنية، أن …»: the framed subject
                # relays the source named after «نقلا عن»
                via = [self._mention_tokens(aux), *via]
            else:
                # «وكان ناطق باسم الفيلق قد قال لقناة "العربية" السعودية إن …»: a subject framed
                # by «كان … قد» is the speaker; what follows the verb is not
                svo, explicit, source_toks = aux, False, []
                if marker == "np":
                    content_start = i + 1
        elif explicit and not lead and relative is None and (marker == "np" or info.takes_object):
            # «لكن موسكو تنفي أي دور لها», «غير أن روسيا تتهم مقاتلي المعارضة بـ …»: a subject
            # written before the verb after «أن»/«لكن» makes the noun after the verb its object
            before_np = self._subject_before(i, s, clitic)
            if before_np is not None:
                lead_in = self._prev_word(before_np[0], srange.start)
                if lead_in is not None and self.tokens[lead_in].text in cue_words(self.lx, "svo_particles"):
                    told = [self.tokens[k].text for k in source_toks if self.tokens[k].is_word]
                    if norm(info.lemma) in cue_words(self.lx, "telling_verbs") and type_mention(
                        told, self.lx, self.gz
                    ).kind in {"wire_agency", "outlet"}:
                        # «أن سالفيني أبلغ الإعلام الإيطالي أنه …»: the outlet told carries it
                        via = [*via, self._mention_tokens(source_toks)]
                    svo, explicit, source_toks = before_np, False, []
                    content_start = i + 1
        before = prev
        if before is not None and self.tokens[before].text in {"قد", "كان", "كانت"}:
            before = self._prev_word(before, srange.start)  # «وكان قد وعد»
        resumptive = nxt is not None and (
            self.tokens[nxt].text in self.lx.pronoun_preps
            or self.tokens[nxt].text == "من" and nxt + 1 < srange.stop
            and self.tokens[nxt + 1].text in self.lx.pronoun_preps  # «أعرب من خلالها»
        )
        glue = 0
        if resumptive and not lead and not clitic and (issuer := self._text_issuer(i, srange.start)) is not None:
            # «بيانا تعلن فيه مقتل …»: what follows the pronoun is what the text says
            (svo, glue), explicit, source_toks = issuer, False, []
            if marker == "np":
                content_start = (nxt or i) + 1
        if svo is None and not explicit and not lead and not clitic and resumptive:
            svo = self._sender_before(i, srange.start)
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
                or self.tokens[lead_in].text == "ان" and lead_in > srange.start
                and self.tokens[lead_in - 1].text in cue_words(self.lx, "contrast_before_an")  # «غير أن»: "but"
            )
        if (
            inside is not None and not lead and not clitic and not opener and not self._after_break(i, srange.start)
            and not self._fresh_clause(i, srange.start)
        ):
            # «قال إنه يتوقع أن …»: a verb in the content of another is part of what was said;
            # a coordinated «وأكد …» or a verb after a comma starts a report of its own
            return
        continues = None
        src: tuple[int, int] | None
        if explicit:
            src = self._np_span(source_toks)
            words = [self.tokens[k].text for k in source_toks if self.tokens[k].is_word]
            if len(words) == 1 and words[0] in cue_words(self.lx, "honorific_pronouns") and not lead:
                # «وقال سموه», «وأكد معاليه»: the honorific stands for the speaker named before
                named, named_words, named_via, named_continues = self._implied_speaker(
                    first, s, i, via, previous_sentence=True
                )
                if named is not None:
                    src, words, via, continues = named, named_words, named_via, named_continues
        elif svo is not None:
            src = self._np_span(svo)
            words = [self.tokens[k].text for k in svo if self.tokens[k].is_word]
            if glue:  # «بيان لماكين قال فيه»: the source is «ماكين»
                src, words = (src[0] + glue, src[1]), [words[0][glue:], *words[1:]]
        elif impersonal:
            src, words = None, []  # «ويُعتقد أن …», «وأُفيد بأن …»: an unvocalised passive, nobody's
        elif not lead and t.text[len(clitic) :] in cue_words(self.lx, "expected_forms"):
            return  # «ويُتوقع أن تعقد قمة …»: what is expected, like «من المتوقع أن», no report
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
            Found(
                cue, lead_lemma or info.lemma, "nominal" if lead else "verb", src, words, via, content, s,
                continues=continues, content_before=before,
                channel=channel, ritual=ritual,
            )
        )

    def _short_subject(self, i: int, comp: tuple[str, int, int | None] | None, s: Segment) -> bool:
        """«وبين العنزي أن …», «وعبر الكثير من السعوديين عن …»: a form that is also a preposition
        («بين» between, «إبان» during, «عبر» through) opening its clause is the verb when a subject
        of at most three words, none of them a conjunct («بين الحكومة والمعارضة»), stands before
        its complement."""
        if comp is None or not self._clause_start(i, s):
            return False
        end = comp[1] - 1 if self.tokens[comp[1] - 1].text == "," else comp[1]
        between = self.tokens[i + 1 : end]
        return 0 < len(between) <= 3 and all(
            t.is_word and t.text != "و" and not (k and t.text.startswith("وال")) for k, t in enumerate(between)
        )

    def _turn_taken(self, i: int, s: Segment) -> bool:
        """«من جانبه، عبر X عن …», «من جهتها، بين …»: after «من» and a turn-taking word
        (``after_min``), a form that is also a preposition is the verb."""
        srange = self._tok_range(s.start, s.end)
        prev = self._prev_word(i, srange.start)
        if prev is None or self.tokens[prev].text not in self.lx.after_min:
            return False
        before = self._prev_word(prev, srange.start)
        return before is not None and self.tokens[before].text == "من"

    def _aux_subject(self, i: int, s: Segment, clitic: str) -> list[int] | None:
        """A subject between «كان» and the verb, or right before «قد» and the verb: «وكان البيت
        الأبيض أعلن», «المصادر قد أكدت»; None when the verb has no such subject."""
        srange = self._tok_range(s.start, s.end)
        prev = self._prev_word(i, srange.start)
        if prev is None:
            return None
        kana = cue_words(self.lx, "kana_forms")
        aux = self.tokens[prev].text == "قد"
        if not aux and self.tokens[prev].text in kana:
            return None  # «وكان قال»: no subject between
        if aux:
            # «وكان السيسي قد دعا …»: whatever stands between «كان» and «قد» is the subject
            for k in range(prev - 1, max(srange.start, prev - 12) - 1, -1):
                w = self.tokens[k].text
                if w in kana:
                    between = [n for n in range(k + 1, prev) if self.tokens[n].is_word]
                    if between and self.tokens[between[0]].text not in self.lx.not_subject_starts and not any(
                        self.tokens[n].text in self.lx.complementisers or self.lx.cue_form(self.tokens[n].text)
                        for n in between
                    ):
                        toks = [n for n in range(k + 1, prev) if self.tokens[n].is_word or self.tokens[n].text in {'"', ",", "(", ")"}]
                        while toks and self.tokens[toks[-1]].text == ",":
                            toks.pop()
                        return self._balance(toks)
                    break
                if not self.tokens[k].is_word and w not in {'"', ",", "(", ")"}:
                    break
        np = self._subject_before(i, s, clitic)
        if np is None:
            return None
        lead_in = self._prev_word(np[0], srange.start)
        framed = lead_in is not None and self.tokens[lead_in].text in kana
        if any(self.tokens[k].text == "قد" for k in np):
            return None  # «وكانت إسرائيل قد ألقت منشورات … تحذر فيها»: another verb's subject
        return np if aux or framed else None

    def _participle(self, i: int, info: FormInfo, s: Segment, first: int, cue: tuple[int, int]) -> None:
        srange = self._tok_range(s.start, s.end)
        prev = i - 1
        if prev >= srange.start and self.lx.cue_form(self.tokens[prev].text) is not None:
            return  # «وتابع قائلاً»: one report, carried by the verb
        comp = self._complement(i + 1, srange.stop, info, participle=True)
        asserts = "np" in info.complements or norm(info.lemma) in cue_words(self.lx, "participle_np")
        if comp is None and asserts and prev >= srange.start and self.tokens[prev].text == ",":
            # «…، مؤكدًا ضرورة التكامل», «…، نافيا صحة وجود خلافات»: after a comma, what the
            # participle asserts may be the noun phrase right after it
            nxt = i + 1
            if nxt < srange.stop and self.tokens[nxt].is_word and self.tokens[nxt].text not in self.lx.stop_words and (
                self.tokens[nxt].text not in self.lx.prepositions
            ):
                comp = ("np", nxt, nxt)
        if comp is None:
            return
        if prev >= srange.start and self.tokens[prev].is_word and comp[1] > i + 5:
            # after a comma or «و» a participle continues the clause; right after a word it is an
            # adjective, unless its complement follows closely («وزارة الدفاع موضحة أن»)
            return
        _, _, content_start = comp
        src, words, via, continues = self._implied_speaker(first, s, i, [])
        content = self._content_from(content_start, s) if content_start is not None else None
        self._add(Found(cue, info.lemma, "participle", src, words, via, content, s, continues=continues))

    def _called_upon(self, toks: list[int]) -> bool:
        """Whether ``toks`` open with those a call is addressed to (``called_upon``)."""
        words = [self.tokens[k].text for k in toks[:3] if self.tokens[k].is_word]
        called = cue_words(self.lx, "called_upon")
        return bool(words) and (words[0] in called or " ".join(words[:2]) in called)

    def _holds_adam(self, start: int, end: int) -> bool:
        """Whether «عدم» occurs in ``norm[start:end]``: its places are found once per text and
        bisected, so that a long clause is not scanned again for every verb in it."""
        places = self._adam_places
        if places is None:
            places = self._adam_places = [m.start() for m in _ADAM.finditer(self.norm)]
        n = bisect_left(places, start)
        return n < len(places) and places[n] + 3 <= end

    def _relative_object(self, i: int, rel: int) -> bool:
        """Whether verb ``i`` right after relative pronoun ``rel`` carries the pronoun that stands
        for the relative's noun (``relative_objects`` in ``schemas/cues.yaml``)."""
        w = self.tokens[i].text
        return self.lx.cue_form(w) is None and any(
            w.endswith(x) and self.lx.cue_form(w[: -len(x)]) is not None
            for x in self.lx.relative_objects.get(self.tokens[rel].text, ())
        )

    def _complement(self, k: int, stop: int, info: FormInfo, participle: bool = False) -> tuple[str, int, int | None] | None:
        """Find what the verb needs after its subject: ``(marker, marker_token, content_token)``.

        An opening quote is the content only when no complementiser or colon follows it in the
        clause: in «أكدت مصادر في "كتائب حزب الله" أن …» the quote is part of the subject.
        When none is found within the words a subject may have, an aside about the subject is
        looked over: a relative clause set off by commas («وقالت مارلين غلين، التي عملت كمستشار
        عام في … خلال …، للصحيفة إن»), or words between dashes («وقال ستافان دي ميستورا - وهو
        ثالث شخصية تتولى … - إنه»). Its words do not count.
        """
        comp = self._complement_pass(k, stop, info, participle, False)
        if comp is None and any(
            self.tokens[n].text in self.lx.relatives and self.tokens[n - 1].text == "," or self.tokens[n].text in DASHES
            for n in range(k + 1, min(stop, k + _MAX_SUBJECT + _MAX_RELATIVE))
        ):
            comp = self._complement_pass(k, stop, info, participle, True)
        if comp is None and not participle and {"that", "colon"} & info.complements:
            # «وقال ممثل مؤسسة …، سعيد آل علي، خلال مؤتمر صحفي نظمته المؤسسة في عدن، إنه …»,
            # «وقال دفتردار في تعليقه على مقطع الفيديو الذي ظهر فيه … : أستغرب …»: a subject with
            # its title, name and channel set off by commas may be longer when «إن» follows a comma
            # or a quoted name, and so may one that a colon closes
            long = self._complement_pass(k, stop, info, participle, True, _MAX_LONG_SUBJECT)
            if long is not None and (
                long[0] == "colon" or long[0] == "that" and self.tokens[long[1] - 1].text in {",", '"', ")"}
            ):
                comp = long  # («…، في تصريح لـ«الشرق الأوسط» إن»: after the quoted outlet)
        return comp

    def _channel_aside(self, comma: int, stop: int) -> bool:
        """Whether a channel phrase set off by commas follows the comma at token ``comma`` and a
        complementiser follows it («، في بيان، إن», «، في تصريح صحفي، أن»)."""
        opener = self._next_word(comma + 1, stop)
        if opener is None or self.tokens[opener].text not in channel_openers(self.lx):
            return False
        close = next((m for m in range(opener + 1, min(stop, opener + 8)) if self.tokens[m].text == ","), None)
        return close is not None and close + 1 < stop and self.tokens[close + 1].text in self.lx.complementisers

    def _clause_of_time(self, n: int) -> bool:
        """«قبل أن», «بعد أن», «دون أن»: the «أن» at token ``n`` opens a clause of time or
        manner, not a statement (``not_complementiser_after`` in ``schemas/cues.yaml``)."""
        return n > 0 and self.tokens[n - 1].text in cue_words(self.lx, "not_complementiser_after")

    def _aside_end(self, n: int, stop: int, close: str) -> int | None:
        """The ``close`` token («,» after a relative clause, a dash after a dash) ending an aside
        that opens at token ``n``, if it closes before any complementiser or colon (else the
        aside runs into the content)."""
        for m in range(n + 1, min(stop, n + _MAX_RELATIVE)):
            w = self.tokens[m].text
            if w == close:
                return m
            if w == ":" or w in self.lx.complementisers and not self._clause_of_time(m):
                return None
        return None

    def _complement_pass(
        self, k: int, stop: int, info: FormInfo, participle: bool, over_relatives: bool, most: int = _MAX_SUBJECT
    ) -> tuple[str, int, int | None] | None:
        comps = info.complements
        markers = _markers(self.lx)
        verbish = self.lx.cue_form_words  # a word outside it has no cue form
        words = 0
        first = True
        quote: tuple[str, int, int] | None = None
        manner_end = 0
        name_end = -1
        # «عدم» (see _manner) can follow a word of the clause only if the clause holds it
        adam = k < stop and self._holds_adam(self.tokens[k].start, self.tokens[stop - 1].end)
        for n in range(k, stop):
            if n <= name_end:
                continue
            tok = self.tokens[n]
            w = tok.text
            if tok.is_word and n > k and self.tokens[n - 1].text == "," and self._aside_at(n):
                # «قال المسؤول …، حسب ما نقلت عنه وكالة إنترفاكس، إن …»: an aside in commas
                close = next((m for m in range(n + 1, min(stop, n + 14)) if self.tokens[m].text == ","), None)
                if close is not None:
                    name_end = close - 1
                    continue
            if over_relatives and n > k and (
                tok.is_word and self.tokens[n - 1].text == "," and w in self.lx.relatives or w in DASHES
            ):
                # «، التي عملت …،», «- وهو ثالث شخصية تتولى … -»: an aside about the subject
                close = self._aside_end(n, stop, "," if tok.is_word else w)
                if close is not None:
                    name_end = close - 1
                    continue
            if tok.is_word:
                if quote is None and w[0] != "ب" and w not in markers and w not in info.words:
                    # no complement starts with this word (the tests below would all fail)
                    first = False
                    if adam and self._manner(n, stop):
                        manner_end = n + 4
                    if w in verbish and self._ends_subject(n, k, stop, words, manner_end):
                        break
                    words += 1
                    if words > most or (participle and words > 6):
                        break
                    continue
                if "qawl" in comps and (first and w in _QAWL or w == "بالقول"):
                    return "qawl", n, n + 1
                if w in _QAWL and self._qawl_after_subject(k, n, comps):
                    # «وأضاف الوزير قائلا …», «وأوضح المصدر قائلاً:»: one report, its subject between
                    self._consumed.add(n)
                    own = n - 1 > k and self.tokens[n - 1].text in cue_words(self.lx, "own_words")
                    return "qawl", n - 1 if own else n, n + 1  # «وتابع عيد حديثه قائلاً»
                first = False
                if "that" in comps and w in self.lx.complementisers and not self._in_outlet_name(n, k) and not (
                    n > k and self._clause_of_time(n)
                ):
                    return "that", n, n + 1
                if quote is not None:
                    words += 1
                    if words > most:
                        break
                    continue
                if "an" in comps and w == "عن":
                    return "an", n, n + 1
                if "an" in comps and w == "علي" and n + 1 < stop and self.tokens[n + 1].text == "لسان":
                    self._consumed.add(n)  # «نقل موقع X على لسان Y قوله»: «على لسان» is نقل's «عن»
                    return "an", n, n + 2
                if ("ila_that" in comps and w == "الي" or "ala_that" in comps and w == "علي") and (
                    (after := self._next_word(n + 1, stop)) is not None
                    and self.tokens[after].text in self.lx.complementisers
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
                if "bi" in comps and w.startswith("بان") and w in self.lx.complementisers and not (
                    n + 1 < stop and self.tokens[n + 1].text in cue_words(self.lx, "not_after_ban")
                ):
                    return "that", n, n + 1  # «هدد بأن …»; «بان كي مون» is a name
                if "bi" in comps and w[0] == "ب" and (
                    len(w) > 3 or w in {"ب", "بان"} or w in cue_words(self.lx, "bi_short")
                ) and w not in self.lx.not_bi and not self._in_outlet_name(n, k):
                    return "bi", n, n
                if adam and self._manner(n, stop):
                    manner_end = n + 4  # the participle, «عدم», the verbal noun and its object
                if w in verbish and self._ends_subject(n, k, stop, words, manner_end):
                    break
                words += 1
                if words > most or (participle and words > 6):
                    break
            else:
                if "colon" in comps and w == ":":
                    return "colon", n, n + 1
                if (
                    w == '"' and n > k and self.tokens[n - 1].text == "ل" and self._para
                    and self._opens_quote(tok.start, self._para)
                ):
                    # «وأوضح ستون لـ«سي إن إن»: …»: the quoted name of the receiving outlet
                    close = self._quote_close(tok.start, self._para)
                    if close is not None and self._token_at(close) - n <= 6:
                        name_end = self._token_at(close)
                        continue
                if "quote" in comps and quote is None and w == '"' and self._para and self._opens_quote(tok.start, self._para):
                    close = self._quote_close(tok.start, self._para)
                    if close is None:
                        return "quote", n, n
                    after_close = self._token_at(close) + 1
                    if "colon" in comps and after_close < stop and self.tokens[after_close].text == ":" and (
                        after_close - n <= 5
                    ):
                        # «وقالت "الوزارة": …»: a short quoted name before the colon is the subject
                        name_end = after_close - 1
                        words += 1
                        continue
                    after = self._next_word(after_close, stop)
                    if (
                        after is not None and after == after_close + 1 and self.tokens[after_close].text == ","
                        and self.tokens[after].text in self.lx.complementisers
                    ):
                        # «وقال المتحدث باسم "حماس"، إن …»: the quoted name is in the subject
                        quote = ("quote", n, n)
                        continue
                    if after_close < stop and self.tokens[after_close].text == "," and after_close - n <= 6 and (
                        self._channel_aside(after_close, stop)
                    ):
                        # «قالت "منظومة المجتمع الكردستاني"، في بيان، إن …»: a short quoted name, then
                        # the channel in commas and «إن»: the name is the subject
                        quote = ("quote", n, n)
                        continue
                    if (
                        after is None
                        or after != after_close
                        or self.lx.cue_form(self.tokens[after].text) is not None
                        or self.tokens[after].text == "و"
                    ):
                        return "quote", n, n  # «قال "…"»، «قال "…"، مضيفاً …»
                    quote = ("quote", n, n)  # «أكدت مصادر في "كتائب حزب الله" أن …»: go on
                    continue
                if self._stop_at(n) and not self._stray_stop(n, stop):
                    break
        if quote is not None:
            return quote
        if "np" in comps and not participle:
            return "np", stop, None
        return None

    def _ritual_at(self, k: int, stop: int) -> bool:
        """Whether token ``k`` (after «عن») names thanks, condolences or congratulations
        (``ritual_after_an``), an intensifier allowed before («عن بالغ شكره وتقديره»)."""
        w = self.tokens[k].text
        if w in cue_words(self.lx, "ritual_intensifiers") and (nxt := self._next_word(k + 1, stop)) is not None:
            w = self.tokens[nxt].text
        return w.startswith(tuple(cue_words(self.lx, "ritual_after_an")))

    def _clause_end(self, k: int, stop: int) -> int:
        """The first comma, dash, semicolon or sentence stop from token ``k`` (or ``stop``)."""
        return next(
            (n for n in range(k, stop) if self.tokens[n].text in {",", "-", ";"} or self._stop_at(n)), stop
        )

    def _short_clause(self, k: int, stop: int) -> bool:
        """Whether at most eight words stand between token ``k`` and the end of its clause."""
        end = self._clause_end(k, stop)
        return sum(1 for n in range(k, end) if self.tokens[n].is_word) <= 8

    def _qawl_after_subject(self, k: int, n: int, comps: frozenset[str]) -> bool:
        """Whether «قائلاً» at token ``n`` belongs to the reporting verb before token ``k``: the
        verb reports speech, and what stands between is a subject of at most six words in the same
        clause, not a lone demonstrative object («وتوضح ذلك قائلا» is a continuation)."""
        if not comps & {"that", "colon", "quote"}:
            return False  # «ونقل السفارة إليها قائلا»: "moved"
        between = self.tokens[k:n]
        words = [t.text for t in between if t.is_word]
        return (
            0 < len(words) <= 6
            and all(t.is_word or t.text in {'"', "(", ")"} for t in between)
            and not (len(words) == 1 and (words[0] in self.lx.singular_demonstratives or words[0] in self.lx.plural_demonstratives))
        )

    def _ends_subject(self, n: int, k: int, stop: int, words: int, manner_end: int) -> bool:
        """Whether word token ``n`` (``words`` words after ``k``, where the subject starts) is
        another reporting verb or participle: what follows is its complement, not ours."""
        w = self.tokens[n].text
        cf = self.lx.cue_form(w)
        if cf is None:
            return False
        if w in self.lx.strict_forms and not (
            (after := self._next_word(n + 1, stop)) is not None
            and self.tokens[after].text in self.lx.complementisers
        ):
            return False  # «المرأة الوحيدة بين المرشحين»: "between", not a verb
        if n > k and self.tokens[n - 1].text in self.lx.prepositions:
            return False  # «قال في رد على سؤال … إن»: a verbal noun after a preposition
        if n > k and self._relays_aside(n):
            return False  # «وقال الوزير، بحسب ما نقلت عنه الوكالة، إن …»: an aside in the subject
        if (
            n + 1 < stop and self.tokens[n + 1].text in cue_words(self.lx, "told_pronouns")
            and cf[1].type == "verb" and not (n + 2 < stop and self.tokens[n + 2].text in self.lx.complementisers)
        ):
            return False  # «ورأت مصادر تحدثت إليها "الشرق الأوسط" أن …»: a clause describing the subject
        if n + 2 < stop and self.tokens[n + 1].text == "," and self.tokens[n + 2].text not in self.lx.complementisers:
            return False  # «قال ناصر العجي طالب، أحد مشايخ القبيلة، إن»: a name, not «طالب» (demanded)
        if cf[1].type == "participle":
            comp = self._complement(n + 1, stop, cf[1], participle=True)
            if comp is None or comp[1] > n + 2:
                return False  # «ليندا توم متحدثة باسم المكتب»: a title, not «متحدثة عن» (speaking of)
        # («وقال الجيش الذي يحمل حماس مسؤولية … إن»: a relative clause inside the subject)
        return words > 0 and n >= manner_end and not (
            self.tokens[n - 1].text in self.lx.relatives and not set(cf[1].complements) & {"that", "colon"}
        )

    def _stance_object(self, n: int) -> bool:
        """Whether token ``n`` is a stance noun with a pronoun suffix («رفضه», «تضامنها»)."""
        w = self.tokens[n].text
        stances = cue_words(self.lx, "stance_nouns")
        for suffix in ("هما", "هم", "ها", "ه"):
            if w.endswith(suffix) and len(w) > len(suffix) + 1:
                stem = w[: -len(suffix)]
                if stem in stances or stem.endswith("ت") and stem[:-1] + "ه" in stances:
                    return True
        return False

    def _aside_at(self, n: int) -> bool:
        """Whether token ``n`` opens a nominal cue («حسب», «وفقا لما», «بحسب ما»)."""
        return self.lx.nominal_form(self.tokens[n].text) is not None

    def _relays_aside(self, n: int) -> bool:
        """Whether the verb at token ``n`` is the verb of a nominal cue with «ما» («بحسب ما نقلت»,
        «حسبما ذكرت», «وفقا لما أوردته»)."""
        prev = self.tokens[n - 1].text
        if prev.endswith("ما") and self.lx.nominal_form(prev) is not None:
            return True  # «حسبما»
        if prev not in self.lx.nominal_relatives or n < 2:
            return False
        before = self.tokens[n - 2].text
        return before == "ل" or self.lx.nominal_form(before) is not None

    def _notable(self, i: int, prev: int | None, floor: int) -> bool:
        """«لم يسجل تغيرا يذكر»: "worth mentioning" after an indefinite noun in a negative clause."""
        if self.tokens[i].text not in self.lx.notable_forms or prev is None:
            return False
        p = self.tokens[prev].text
        if p.startswith("ال") or p[:1] in "وف" or self.lx.cue_form(p) is not None:
            return False
        return any(self.tokens[k].text in self.lx.notable_negations for k in range(max(floor, prev - 4), prev))

    def _manner(self, n: int, stop: int) -> bool:
        """«طالبا عدم كشف هويته», «مفضلا عدم ذكر اسمه»: a word before «عدم» says how the speaker
        spoke (anonymously); it reports nothing of its own."""
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


@lru_cache(maxsize=4)
def _markers(lx: Lexicon) -> frozenset[str]:
    """The words :meth:`Cues._complement` may read as (or as the start of) a complement, but for
    those starting with «ب» and a form's own ``words``: any other word is part of the subject.
    (A function of the lexicon rather than a cached property: compiled classes have none.)"""
    return lx.complementisers | _QAWL | {"بالقول", "عن", "علي", "الي", "لي", "في", "من"}
