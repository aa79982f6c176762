"""Speakers: who a cue's source is. The subject after the verb (with its hops and channel), the
subject before it («المصادر أكدت أن»), the noun a relative pronoun stands for, the subject of the
verb that opens the sentence, or the speaker an earlier attribution established.
"""

from __future__ import annotations

from .found import Found
from .lexicon import Lexicon, cue_words, norm_set
from .phrases import Phrases, channel_openers
from .resolve import strip_clitic, type_mention
from .segment import Segment
from .tokens import DASHES

# Marks that end the clause a subject before its verb belongs to
_CLAUSE_MARKS = frozenset({",", ";", ":"})


class Speakers(Phrases):
    """Finding the source of a cue, from its clause or from what the run has found so far."""

    _consumed: set[int]
    _prev_sentence: Segment | None
    _subject_cache: tuple[int, list[int] | None]

    # -- subjects ----------------------------------------------------------------------------

    def _split_zone(self, zone: list[int], marker: str, stop: int) -> tuple[list[int], list[tuple[int, int, list[str]]]]:
        """Cut the words between a verb and its complement into source, hops and channel."""
        lx = self.lx
        source: list[int] = []
        via: list[tuple[int, int, list[str]]] = []
        k = 0
        words_seen = 0
        adverb = False  # an adverb was skipped right after the verb
        while k < len(zone):
            n = zone[k]
            tok = self.tokens[n]
            w = tok.text
            if not tok.is_word:
                if w == ";" or self._stop_at(n):
                    break
                if w == ".":  # «د. محمد»: an abbreviation's full stop belongs to the name
                    source.append(n) if source else None
                    k += 1
                    continue
                if w == "#":
                    k += 1  # «ورفضت #حماس»: a hashtag sign
                    continue
                if w in {"(", '"', ")", ",", "-"} or w == "'":
                    source.append(n) if source or w in {'"', "("} else None
                    k += 1
                    continue
                break
            nxt = self.tokens[zone[k + 1]].text if k + 1 < len(zone) else ""
            if words_seen == 0 and (w in cue_words(lx, "skipped_after_verb") or w in lx.document_times):
                # «وذكرت أيضا وكالة …», «أكد الاثنين الرئيس الإيراني …»: the subject may follow
                k += 1
                adverb = True
                continue
            if words_seen and w in lx.document_times:
                # «وقالت زاخاروفا، السبت، لرويترز إن …»: a day ends the subject; the outlet told
                # may still follow it
                m = k + 1
                while m < len(zone) and (self.tokens[zone[m]].text == "," or self.tokens[zone[m]].text in lx.document_times):
                    m += 1
                rec = self._recipient_at(m, zone) if m < len(zone) else None
                if rec:
                    via.append(rec)
                break
            if (w in lx.stop_words or w in lx.audiences) and not self._imam(n):  # «إمام الحرم», not «أمام»
                break
            if words_seen == 0 and w in cue_words(lx, "addressees"):
                k += 1  # «وأبلغ الصحافيين أن …»: the people told, an object; the subject may follow
                continue
            cf = lx.cue_form(w) if w in lx.cue_form_words else None
            if cf is not None and cf[1].type == "participle" and not (
                cf[1].not_before and nxt.startswith(cf[1].not_before)  # «متحدثة باسم السفارة»: a title
                or w.endswith("ون")  # «ويقول منتقدون إن»: a nominative plural is a noun, the subject
            ):
                break
            if w == "في" and nxt in lx.time_nouns:
                break
            if self._may_open_channel(n) and self._channel_at(k, zone) is not None:
                # «في تصريح لـ X», «في حديث لقناة X»: X, later in the zone, is the receiving outlet
                for m in range(k + 1, min(len(zone), k + 8)):
                    rec = self._recipient_at(m, zone)
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
            single = lx.nominal_form(w)
            if words_seen and (single or w in lx.nominal_words):  # (the first word of a nominal cue)
                # «أوضحت المصادر وفق وسائل إعلام كردية»: the phrase names the hop; but after an
                # outlet («وقالت وكالة إيسنا استنادا إلى مكتب المدعي العام») it names the outlet's
                # own source, which the phrase reports with the outlet as its intermediary
                said_by = [self.tokens[m].text for m in source if self.tokens[m].is_word]
                if type_mention(said_by, lx, self.gz).kind in {"wire_agency", "outlet"}:
                    break
                if single:
                    # «قال الوزير، بحسب ما نقلت عنه الوكالة، إن …»: the outlet after the verb
                    start = self._relayed_aside_at(n + 1, zone[-1] + 1) or n + 1
                    np_tokens = self._noun_phrase(start, zone[-1] + 1)
                    if np_tokens:
                        via.append(self._mention_tokens(np_tokens))
                    break
            rec = self._recipient_at(k, zone)
            if rec:
                via.append(rec)
                if words_seen:
                    break
                while k < len(zone) and self.tokens[zone[k]].start < rec[1]:
                    k += 1  # «وذكرت لقناة سكاي نيوز أن», «قال للوكالة مسؤول»: the subject may follow
                continue
            if words_seen and w.startswith("ل") and lx.known_form(w) in cue_words(lx, "correspondents"):
                break  # «وقال الوزير لمراسلنا إن»: told the publisher's own correspondent
            if words_seen == 0 and (
                w in {"ان", "انه", "عدم"} or w in lx.prepositions or w in lx.adverbials or w.startswith("لل")
                or w.startswith("ل") and lx.known_form(w) != w  # «قالت لشركة اليانصيب»: told, no subject
            ):
                break  # «وأضاف ردا على سؤال …», «وكتب على موقع …»: no subject after the verb
            if w in lx.pronoun_preps:
                if words_seen and w in cue_words(lx, "occasion_pronouns"):
                    break  # «وتعهد الزعيمان خلالها بـ …»: the subject ends at the pronoun
                if words_seen:  # «قال صلى الله عليه وسلم»: part of the subject
                    source.append(n)
                    k += 1
                    continue
                k += 1  # «أبدت فيه هيئة السوق …»: the pronoun is the channel, the subject follows
                continue
            source.append(n)
            words_seen += 1
            k += 1
        while source and not self.tokens[source[-1]].is_word and self.tokens[source[-1]].text not in {'"', ")"}:
            source.pop()
        source = self._balance(source)
        if adverb and source:
            # «وأكدت كذلك أهمية الحرص»: after the adverb, only a known source is the subject
            ws = [self.tokens[m].text for m in source if self.tokens[m].is_word]
            _, head, two = lx.head(ws or [""])
            if not (self.gz.match_words(ws) or lx.is_source_noun(head, two) or head in lx.places):
                source = []
        return source, via

    def _relayed_aside_at(self, k: int, stop: int) -> int:
        """After a nominal cue, «ما» and a reporting verb with its pronoun («بحسب ما نقلت عنه
        الوكالة», «وفقا لما أوردته»): the token where the outlet's name starts, else 0."""
        lx = self.lx
        n = k
        if n < stop and self.tokens[n].text == "ل":
            n += 1
        if n >= stop or self.tokens[n].text not in lx.nominal_relatives and not (
            self.tokens[k - 1].text.endswith("ما") and n == k
        ):
            return 0
        if self.tokens[n].text in lx.nominal_relatives:
            n += 1
        if n >= stop or lx.cue_form_with_object(self.tokens[n].text) is None:
            return 0
        n += 1
        while n < stop and self.tokens[n].text in lx.pronoun_preps:
            n += 1  # «عنه»
        return n if n < stop else 0

    def _relayed_by(self, toks: list[int]) -> tuple[int, int, list[str]] | None:
        """«في تصريحات أوردتها وكالة "إيلنا"», «في مقابلة بثتها قناة X»: after a channel, a relay
        verb with a pronoun for the statement, and the outlet that carried it."""
        if not toks or self.tokens[toks[0]].text not in cue_words(self.lx, "relay_verbs"):
            return None
        rest = [k for k in toks[1:8] if self.tokens[k].is_word or self.tokens[k].text in {'"', "(", ")"}]
        while rest and (
            self.tokens[rest[0]].text in self.lx.pronoun_preps | {"معه", "معها", "معهم"}
            or self.tokens[rest[0]].text in self.lx.document_times
        ):
            rest = rest[1:]  # «في مقابلة أجرتها معه صحيفة X», «نشرتها اليوم الأحد صحيفة X»
        np_tokens = self._noun_phrase(rest[0], toks[-1] + 1) if rest else []
        if not np_tokens:
            return None
        words = [self.tokens[k].text for k in np_tokens if self.tokens[k].is_word]
        if type_mention(words, self.lx, self.gz).kind not in {"wire_agency", "outlet"}:
            return None
        return self._mention_tokens(np_tokens)

    def _subject_before(self, i: int, s: Segment, clitic: str) -> list[int] | None:
        """A subject written before the verb: «المصادر أكدت أن», «كذلك كان رئيس الوزراء … أكد»."""
        found = self._clause_subject_before(i, s, clitic)
        if found is None and not clitic and i > 0 and self._described_by_verb(i - 1):
            return [i - 1]  # «بعد تقرير ذكر أن …»: the verb describes the noun right before it
        return found

    def _described_by_verb(self, k: int) -> bool:
        """Whether token ``k`` is an indefinite document or unnamed source («تقرير», «بيان»,
        «مصدر»), which a verb right after it describes as a clause («تقرير ذكر أن …»)."""
        w = self.tokens[k].text
        return (
            self.tokens[k].is_word and not w.startswith("ال")
            and (w in self.lx.documents or self.lx.anonymous.get(w) in {"informed_sources", "official"})
            and not (k > 0 and self.tokens[k - 1].text.removeprefix("و") in channel_openers(self.lx))
        )  # not «وفي بيان قالت متحدثة»: a channel

    def _clause_subject_before(self, i: int, s: Segment, clitic: str) -> list[int] | None:
        if clitic:
            # «وأكد» starts a new clause; «أما نيوزيلندا فأكدت أنها …»: the topic is the subject
            return self._topic_before(i, s) if clitic == "ف" else None
        srange = self._tok_range(s.start, s.end)
        # the clause starts at the sentence start, or after the last comma or «فإن» before the verb
        begin = srange.start
        k = i - 1
        while k >= srange.start:
            w = self.tokens[k].text
            if w in DASHES:
                opening = next((m for m in range(k - 1, srange.start - 1, -1) if self.tokens[m].text in DASHES), None)
                if opening is not None:
                    k = opening - 1  # «حكومة الأسد - التي تتلقى دعما من روسيا - تنفي»: an aside in dashes
                    continue
                begin = k + 1  # a lone dash closes a dateline («دبي، الإمارات العربية المتحدة (CNN)— قال …»)
                break
            if w in _CLAUSE_MARKS or (
                w in cue_words(self.lx, "clause_particles") and not self._in_outlet_name(k, srange.start)
            ):
                begin = k + 1
                break
            k -= 1
        aux = all(
            not self.tokens[k].is_word or self.tokens[k].text in {"قد", "كان", "كانت"} for k in range(begin, i)
        )  # «وكان رئيس المفوضية الأوروبية جان كلود يونكر، قد هدد بأن …»
        if aux and begin - 1 > srange.start and self.tokens[begin - 1].text == ",":
            begin, end = self._apposed_subject(begin - 1, srange.start, framed=begin < i)
        else:
            end = i
        toks = list(range(begin, end))
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
        if any(self.tokens[k].text in self.lx.complementisers and not self._in_outlet_name(k, words[0]) for k in words):
            return None  # (the «إن» of «شبكة "سي إن إن" ذكرت» is the outlet's name)
        # no other finite verb we know of in between
        np = [k for k in toks if k >= words[0]]
        while np and not self.tokens[np[-1]].is_word and self.tokens[np[-1]].text not in {'"', ")"}:
            np.pop()
        # drop a trailing auxiliary («… كان أكد», «…، قد هدد»)
        while np and (
            self.tokens[np[-1]].text in {"كان", "كانت", "قد"}
            or not self.tokens[np[-1]].is_word and self.tokens[np[-1]].text not in {'"', ")"}
        ):
            np.pop()
        if not np:
            return None
        words_text = [self.tokens[k].text for k in np if self.tokens[k].is_word]
        if not self._known_source(words_text, places=True, titled=True):
            return None
        return self._balance(np)

    def _topic_before(self, i: int, s: Segment) -> list[int] | None:
        """«أما نيوزيلندا فأكدت …», «وأما الحكومة، فقالت …»: the noun phrase between a topic
        particle (``topic_particles``) and the verb its «ف» joins."""
        srange = self._tok_range(s.start, s.end)
        k = i - 1
        while k >= srange.start and i - k <= 12:
            tok = self.tokens[k]
            if tok.text in cue_words(self.lx, "topic_particles"):
                np = [n for n in range(k + 1, i) if self.tokens[n].is_word or self.tokens[n].text in {'"', ")", "("}]
                words = [self.tokens[n].text for n in np if self.tokens[n].is_word]
                if words and self.lx.cue_form(words[0]) is None and self._known_source(words, places=True):
                    return self._balance(np)
                return None
            if not tok.is_word and tok.text not in {",", '"', "(", ")"}:
                return None
            k -= 1
        return None

    def _sender_before(self, i: int, floor: int) -> list[int] | None:
        """«تلقى … اتصالا من جلالة الملك حمد بن عيسى ملك البحرين أعرب فيه عن …», «كلمة ألقاها
        المهندس عبد الله الميال أعرب من خلالها عن …»: a verb with a resumptive pronoun right after
        the mention of who sent or delivered the message: that mention (a title and what follows
        it, after «من» or «ألقى»)."""
        lx = self.lx
        k = i - 1
        title = None
        words = 0
        while k >= floor and words < 12:
            tok = self.tokens[k]
            if not tok.is_word:
                break
            if tok.text in cue_words(lx, "sender_markers"):
                break
            if tok.text in lx.prepositions or tok.text in lx.stop_words or lx.cue_form(tok.text) is not None:
                return None
            _, head, two = lx.head([tok.text, *( [self.tokens[k + 1].text] if k + 1 < i else [])])
            if head in lx.person_titles or two in lx.person_titles:
                title = k
            words += 1
            k -= 1
        if title is None or k < floor or self.tokens[k].text not in cue_words(lx, "sender_markers"):
            return None
        # the mention starts at the first title after the marker
        first = k + 1
        while first < i and not (
            lx.head([self.tokens[first].text])[1] in lx.person_titles
        ):
            first += 1
        return list(range(first, i)) if first < i else None

    def _outlet_named(self, f: Found) -> bool:
        return type_mention(f.source_words, self.lx, self.gz).kind in {"wire_agency", "outlet"}

    def _text_issuer(self, i: int, floor: int) -> tuple[list[int], int] | None:
        """«جاء ذلك في بيان لماكين قال فيه», «أصدرت الخارجية بيانا تعلن فيه»: for a verb with a
        resumptive pronoun after it, the one whose statement or speech right before it the verb
        reports (``spoken_texts``, documents): a mention glued to «ل» after the text, else the
        subject of the verb that issued it (``issuing_verbs``). With the number of letters of the
        mention's first word that are the glued «ل» (left out of the source)."""
        lx = self.lx
        texts = cue_words(lx, "spoken_texts")
        doc = None
        for k in range(i - 1, max(floor, i - 8) - 1, -1):
            w = self.tokens[k].text
            if not self.tokens[k].is_word:
                if w in {'"', "(", ")", ","}:
                    continue  # «في تصريح لوزير الإعلام، معمر الأرياني، نفى خلاله»
                return None  # the text is in this clause
            if w in texts or w in lx.documents or strip_clitic(w) in texts or strip_clitic(w) in lx.documents:
                doc = k
                break
        if doc is None:
            return None
        after = [k for k in range(doc + 1, i) if self.tokens[k].is_word]
        glued = next((n for n, k in enumerate(after) if self.tokens[k].text.startswith("ل")), None)
        addressed = strip_clitic(self.tokens[doc].text) in lx.addressed_documents
        if glued is not None and not addressed:  # «رسالة للأمين العام»: the one it was sent to
            mention = after[glued:]
            if len(mention) == 1 and self.tokens[mention[0]].text in lx.pronoun_preps:
                return None  # «في كلمة له قال فيها»: the speaker is the one before
            words = [self.tokens[mention[0]].text[1:], *(self.tokens[k].text for k in mention[1:])]
            if not words[0] or not self._known_source(words):
                return None
            glue = 0 if self.tokens[mention[0]].text.startswith("لل") else 1  # «للخارجية» keeps its «ل»
            return self._balance(list(range(mention[0], mention[-1] + 1))), glue
        issuing = cue_words(lx, "issuing_verbs")
        for k in range(doc - 1, max(floor, doc - 10) - 1, -1):
            w = self.tokens[k].text
            if not self.tokens[k].is_word and w not in {'"', "(", ")"}:
                return None
            if w in issuing or strip_clitic(w) in issuing:
                subject = self._clause_subject(k, doc)  # «وألقى وزير الخارجية كلمة أكد فيها»
                return (subject, 0) if subject is not None else None
        return None

    def _apposed_subject(self, comma: int, floor: int, framed: bool = False) -> tuple[int, int]:
        """«رئيس الوزراء العراقي، محمد شياع السوداني، أكد …»: a verb right after a comma whose
        subject stands before it, in commas. Where that subject starts and ends: the clause
        before the comma, and the one before that too when the nearer one is only a name in
        apposition; the noun before a relative clause («ترامب الذي يتصدر المرشحين …، أشار»).
        ``framed``: «قد» or «كان» stands between the comma and the verb. Empty (``comma + 1``)
        when the clause before does not look like one."""
        none = (comma + 1, comma + 1)
        def clause_start(k: int) -> int:
            for m in range(k - 1, floor - 1, -1):
                if self.tokens[m].text in _CLAUSE_MARKS or self.tokens[m].text in {"فان", "لان", "ان"}:
                    return m + 1
            return floor

        begin = clause_start(comma)
        words = [self.tokens[k].text for k in range(begin, comma) if self.tokens[k].is_word]
        rel = next((k for k in range(begin, comma) if self.tokens[k].text in self.lx.relatives), None)
        if rel is not None:
            # «ترامب الذي يتصدر المرشحين … وفق استطلاعات الرأي، أشار»: the noun the clause is about
            head = [k for k in range(begin, rel) if self.tokens[k].is_word]
            hw = [self.tokens[k].text for k in head]
            while hw and (hw[0] in self.lx.subject_lead_ins or hw[0] in self.lx.clause_openers):
                hw, head = hw[1:], head[1:]
            _, h, two = self.lx.head(hw or [""])
            strong = hw and (
                hw[0].startswith("ال") or self.lx.is_source_noun(h, two)
                or len(hw) <= 2 and not any(w.startswith("ال") for w in hw)  # a name: «ترامب»
            )
            if strong and 0 < len(hw) <= 5 and self._known_source(hw) and not any(
                self.lx.cue_form(w) is not None or w in self.lx.not_subject_starts for w in hw
            ):
                return head[0], head[-1] + 1
            return none
        if not words or len(words) > (12 if framed and self._unnamed_head(words) else 8):
            # an unnamed speaker described at length before «، كان قد»: «مسؤول رفيع المستوى في
            # إحدى شركات الوساطة المالية في السعودية، كان قد أبلغ …»
            return none
        def is_name(ws: list[str]) -> bool:
            return 0 < len(ws) <= 4 and not ws[0].startswith("ال") and not any(
                self.lx.cue_form(w) is not None or w in self.lx.not_subject_starts
                or w in self.lx.subject_lead_ins or w in self.lx.clause_openers for w in ws
            ) and not self._unnamed_head(ws)  # «مسؤول رفيع المستوى، قد قال»: a speaker, not a name

        def is_title(ws: list[str]) -> bool:
            if not ws or len(ws) > 8:
                return False
            _, head, two = self.lx.head(ws)
            return head in self.lx.person_titles or two in self.lx.person_titles

        name = is_name(words)
        if begin - 1 > floor and self.tokens[begin - 1].text == ",":
            # «رئيس الوزراء، محمد السوداني، أكد», «دينس روس، الزميل في معهد واشنطن، قال»
            other = clause_start(begin - 1)
            owords = [self.tokens[k].text for k in range(other, begin - 1) if self.tokens[k].is_word]
            while owords and (owords[0] in self.lx.subject_lead_ins or owords[0] in self.lx.clause_openers):
                owords = owords[1:]
            if name and is_title(owords) or is_title(words) and is_name(owords):
                return other, comma
        return none if name else (begin, comma)  # «وخلال لقائه نظيره، سيرغي لافروف، أكد»: the object

    def _unnamed_head(self, words: list[str]) -> bool:
        """Whether ``words`` are headed by an unnamed source or a title («مسؤول رفيع», «وزير»)."""
        _, head, two = self.lx.head(words)
        return any(w in self.lx.anonymous or w in self.lx.person_titles for w in (head, two))

    def _relative_antecedent(self, i: int, floor: int) -> list[int] | None:
        """«… دونالد ترامب، الذي دعا الحلف إلى …»: the noun the relative pronoun refers to."""
        k = i - 1
        if k < floor or self.tokens[k].text not in self.lx.relatives:
            return None
        if self.tokens[k].text[0] == "و" and k > floor and self.tokens[k - 1].text == ",":
            # «شيميت الفنزويلي الذي غادر بلده منذ 18 عاما، والذي قال …»: a second relative
            # clause joined to a first describes the same noun
            same = self.tokens[k].text[1:]
            first_rel = next((m for m in range(k - 2, max(floor, k - 20) - 1, -1) if self.tokens[m].text == same), None)
            if first_rel is not None:
                return self._relative_antecedent(first_rel + 1, floor)
        k -= 1
        while k >= floor and self.tokens[k].text in {",", '"'}:
            k -= 1
        out: list[int] = []
        lx = self.lx
        while k >= floor and len([n for n in out if self.tokens[n].is_word]) < 6:
            tok = self.tokens[k]
            if tok.text == ")":
                # «شيميت (46 عاما) الفنزويلي الذي»: a bracketed gloss inside the noun phrase
                opening = next((m for m in range(k - 1, max(floor, k - 6) - 1, -1) if self.tokens[m].text == "("), None)
                if opening is not None:
                    out[:0] = range(opening, k + 1)
                    k = opening - 1
                    continue
            if not tok.is_word and tok.text not in {'"', ","}:
                break  # commas join apposition: «الرئيس الأميركي، آنذاك، "دونالد ترامب"، الذي»
            if tok.is_word and (
                tok.text in lx.not_subject_starts or tok.text in lx.prepositions or tok.text in lx.stop_words
                or lx.cue_form(tok.text) is not None  # «وقال الجيش الذي …»: the verb is not the noun
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
        if found is None:
            # «وبدأت التحقيقات عندما قدمت فتاة قاصرة شكوى إلى الشرطة، قالت فيها»: the subject of a
            # clause opened by «عندما»
            subs = cue_words(self.lx, "clause_subordinators")
            for k in range(srange.start, min(before, srange.start + 12)):
                if self.tokens[k].text in subs:
                    found = self._clause_subject(k + 1, before)
                    break
        return found

    def _clause_subject(self, begin: int, before: int) -> list[int] | None:
        """The subject of a clause at ``begin`` that opens with a verb."""
        words = [k for k in range(begin, min(before, begin + 12)) if self.tokens[k].is_word]
        kana = False
        while words and self.tokens[words[0]].text in self.lx.subject_lead_ins:
            kana = kana or self.tokens[words[0]].text in cue_words(self.lx, "kana_forms")
            words = words[1:]
        if kana and words and self.lx.cue_form(self.tokens[words[0]].text) is None:
            # «وكان نجيب عبد الرزاق قد أثار …»: «كان» is the verb; its subject follows at once
            return self._known_chunk(words[0], min(before, words[0] + 12), titled=True)
        if len(words) < 2:
            return None
        if self.tokens[words[0]].text in self.lx.complementisers:
            # «وإلا فإن ستون أورد رواية أخرى …، وقال»: a subject after «فإن», not a verb
            chunk = self._known_chunk(words[1], min(before, words[1] + 8))
            if chunk is None or self.lx.cue_form(self.tokens[words[1]].text) is not None:
                return None
            return chunk
        verb = self.tokens[words[0]].text
        if (
            verb.startswith("ال")
            or verb in self.lx.not_subject_starts
            or verb in self.lx.prepositions
            or self.lx.known_form(verb) in self.lx.source_words
        ):
            return None  # «رئيس الوزراء …»: a noun opens the sentence, not a verb
        return self._known_chunk(words[0] + 1, min(before, words[0] + 12))

    def _known_chunk(self, start: int, stop: int, titled: bool = False) -> list[int] | None:
        """The noun-phrase chunk (:meth:`_np_chunk`) of tokens ``[start, stop)``, if its words
        read as a source (:meth:`_known_source`, a country included); else None."""
        chunk = self._np_chunk(list(range(start, stop)))
        ws = [self.tokens[k].text for k in chunk if self.tokens[k].is_word]
        return chunk if ws and self._known_source(ws, places=True, titled=titled) else None

    def _previous_sentence_subject(self, first: int) -> list[int] | None:
        """«وقدم زوكربرغ … اعتذاراته. وقال "هذا خطأي"»: with no speaker yet, the subject of the
        sentence before, in the same paragraph."""
        prev = self._prev_sentence
        if prev is None or self._last_speaker is not None:
            return None
        end = self._tok_range(prev.start, prev.end).stop
        return self._find_sentence_subject(prev, end)

    # -- speakers carried over ---------------------------------------------------------------

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
        # «قال لرويترز … وأضاف»: the continuation came through Reuters too; the extract stage marks
        # such carried-over intermediaries inherited (their mention is outside this sentence)
        return ante.source, ante.source_words, via or list(ante.via), ante.index

    def _last_speaker_since(self, first: int) -> Found | None:
        """The last attribution with a speaker among ``found[first:]`` (this sentence's)."""
        f = self._last_speaker
        return f if f is not None and f.index >= first else None

    def _antecedent(self, first: int, s: Segment) -> Found | None:
        """The attribution whose speaker a subjectless cue continues."""
        f = self._last_speaker
        return f if f is not None and f.cue[0] <= s.end else None
