"""Noun phrases: the source after a prepositional cue, the subject chunk of a verb, a name after a
title, the receiving outlet («للوكالة», «لصحيفة X») and the channel («في بيان», «عبر حسابه على
تويتر») — read from the tokens with the lexicons alone, without the run's history.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import islice

import regex

from .clauses import Clauses
from .lexicon import Lexicon, cue_words, norm_set
from .resolve import Gazetteer, hashtag_words, strip_clitic, type_mention

_ADDRESSEES: dict[int, frozenset[str]] = {}

_PUNCT_STOP = {",", ".", ";", "?", "!", ":", "(", ")", "[", "]", "{", "}"}
_CHANNEL_PREPOSITIONS = {"في", "خلال"}  # «في بيان», «خلال مؤتمر صحافي»
_MAX_NP = 9  # words in the source after a prepositional cue
_THINGS = regex.compile(r"(ات)$")
_NISBA = regex.compile(r"(ي|يه|يون|يين|يان|ين|اني|انيه)$")


def _adjective(word: str) -> bool:
    """A relational adjective («العراقية», «الأميركيين»), the commonest modifier of a subject."""
    return bool(_NISBA.search(word)) or word in {"الكبير", "الكبري", "الاعلي", "العام", "العامه", "العليا", "الاول", "السابق", "الجديد", "المتحده"}


_SENTENCE_END = {".", "!", "?", "؟", ";", "؛", ":"}


class Phrases(Clauses):
    """Finding noun phrases, recipients and channels among a run's tokens."""

    lx: Lexicon
    gz: Gazetteer

    # -- noun phrases ------------------------------------------------------------------------

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
                w in lx.complementisers and not self._in_outlet_name(n, k)
                or w in lx.stop_words
                or w in {"فقد", "فان", "ف", "قد", "و"}
                or (form := lx.cue_form(w)) is not None and form[1].type == "verb"
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
                if tok.text == "," and out and lx.known_form(self.tokens[out[0]].text) in lx.person_titles:
                    # «اتهم الرئيس، دونالد ترامب، إيران بـ …»: a name set off by commas after a title
                    name = self._name_run(zone, k + 1)
                    after = zone.index(name[-1]) + 1 if name else len(zone)
                    if name and (after == len(zone) or self.tokens[zone[after]].text == ",") and not any(
                        self.tokens[m].text in lx.places for m in name
                    ):
                        out += [n, *name]
                break
            w = tok.text
            if (w in lx.stop_words or w in {"الي", "قد"}) and not self._imam(n):
                break  # «إلى» (normalised «الي») is no «ال» adjective; «كان الرئيس قد زار»
            if out and w in self._addressees():
                break  # «أخبر الرئيس الصحفيين أن»: the people told are the object
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
                    w.startswith("لل") and len(w) > 3  # «للأرصاد»
                    or w.startswith("ل") and k + 1 < len(zone) and self.tokens[zone[k + 1]].text.startswith("ال")
                    or words[-1].startswith("ل") and not words[-1].startswith("لل") and w.startswith("ال")
                )  # «لحقوق» and then «الإنسان»
                # «كل من الأمم المتحدة والاتحاد الأوروبي»: «كل من» announces a coordination
                coordinated = words[:2] == ["كل", "من"] and w.startswith("وال") and len(w) > 4
                particle = words[-1] in lx.name_particles  # «عبد الله», «أبو الغيط»
                if not (
                    in_chain or after_bism or remit or coordinated or particle
                    or w.startswith("ال") and _adjective(w) or w == "باسم"
                ):
                    name = self._name_run(zone, k) if head in lx.person_titles else []
                    out += name
                    break
            out.append(n)
            k += 1
            if len(out) > 8:
                break
        return self._balance(out)

    def _imam(self, n: int) -> bool:
        """Whether token ``n`` is «إمام» (the title), not «أمام» (in front of): both normalise to
        «امام»; the title comes before a mosque or «وخطيب» («إمام وخطيب المسجد النبوي»)."""
        if self.tokens[n].text != "امام":
            return False
        nxt = self._next_word(n + 1, min(len(self.tokens), n + 3))
        return nxt is not None and self.tokens[nxt].text in cue_words(self.lx, "imam_before")

    def _addressees(self) -> frozenset[str]:
        got = _ADDRESSEES.get(id(self.lx))
        if got is None:
            got = _ADDRESSEES[id(self.lx)] = norm_set(self.lx.cues_data.get("addressees") or [])
        return got

    def _name_run(self, zone: list[int], k: int) -> list[int]:
        """Words without «ال» from ``zone[k]`` that end at a boundary (punctuation, a stop word,
        a complementiser, the end): a name after a title. Empty if an «ال» word ends them."""
        lx = self.lx
        run: list[int] = []
        for n in zone[k : k + 5]:
            tok = self.tokens[n]
            w = tok.text
            if not tok.is_word or w in lx.stop_words or w in lx.complementisers or lx.cue_form(w) or (
                w in lx.singular_demonstratives or w in lx.plural_demonstratives  # «برر ميشيل ذلك بأن»
            ):
                return run
            if w.startswith(("ال", "لل")) or w in lx.prepositions or w in lx.not_subject_starts:
                return []  # «للوزارة»: a complement, no name
            if run and w in lx.places:
                return run  # «اتهم الرئيس ترامب إيران بـ …»: the country is the object
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

    def _in_outlet_name(self, n: int, floor: int) -> bool:
        """Whether word token ``n`` is inside an outlet's name that starts a word or two before it:
        the «إن» of «سي إن إن» is not a complementiser."""
        back: list[int] = []
        k = n - 1
        while k >= floor and len(back) < 2:
            if self.tokens[k].is_word:
                back.insert(0, k)
            elif self.tokens[k].text not in {'"', "("}:
                break
            k -= 1
        for m, b in enumerate(back):
            words = [self.tokens[b].text] + [self.tokens[x].text for x in back[m + 1 :]] + [self.tokens[n].text]
            words[0] = strip_clitic(words[0])
            nxt = self._next_word(n + 1, min(len(self.tokens), n + 4))
            if nxt is not None:
                words.append(self.tokens[nxt].text)
            hit = self.gz.match_words(words)
            if hit is not None and hit[1] > len(back) - m:
                return True
        return False

    # -- recipients and channels -------------------------------------------------------------

    def _recipient_at(self, k: int, zone: list[int]) -> tuple[int, int, list[str]] | None:
        """:meth:`_recipient` of ``zone[k:]``; a recipient starts with «ل», which most words do
        not, or «مع» after a channel («في مقابلة مع رويترز»)."""
        w = self.tokens[zone[k]].text
        if w == "مع":
            # «في مقابلة مع رويترز»; not «في بيان مشترك مع الوكالة الدولية», «اتفقت مع هيئة …»
            prev = self._prev_word(zone[k], zone[0])
            if prev is None or self.tokens[prev].text not in self.lx.channel_nouns:
                return None
        elif not w.startswith("ل"):
            return None
        return self._recipient(zone[k:])

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
        if w in {"ل", "لـ", "مع"}:
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
        # the next five words, however many quote marks stand among them, in the zone or past it
        # (a quoted name may end the zone: «في مقابلة مع شبكة "سي ان بي سي"، "…"»)
        ahead = self._name_tokens(rest_toks[0])
        words = [first_word, *islice((self.tokens[k].text for k in ahead[1:] if self.tokens[k].is_word), 5)]
        m = self.gz.match_words(words, context=quoted)  # «لـ"الحياة"»: a quoted name is an outlet's
        if m is None and first_word in cue_words(lx, "correspondents") and len(words) > 1:
            # «لمراسل بي بي سي»: the outlet is the one the correspondent works for
            m = self.gz.match_words(words[1:], context=True)
            if m:
                word_toks = [k for k in ahead if self.tokens[k].is_word][1 : 1 + m[1]]
                end = self._gloss_end(word_toks[-1], self.tokens[word_toks[-1]].end)
                return (*self._close_brackets(self.tokens[word_toks[0]].start, end), words[1 : 1 + m[1]])
        if m:
            last_word_idx = m[1]
            word_toks = [k for k in ahead if self.tokens[k].is_word][:last_word_idx]
            start = self.tokens[rest_toks[0]].start + offset
            end = self._gloss_end(word_toks[-1], self.tokens[word_toks[-1]].end)
            return (*self._close_brackets(start, end), words[:last_word_idx])
        if first_word in lx.recipient_titles:
            np_tokens = [rest_toks[0]]
            # «لصحيفة "ذا هيل"» keeps the name that follows the title
            more = self._noun_phrase(rest_toks[0] + 1, (rest_toks[-1] + 1) if rest_toks else 0)
            if more and not first_word.startswith("ال"):
                np_tokens += more
            elif first_word.startswith("ال"):
                # «للتلفزيون الوطني», «للإذاعة الحكومية الروسية»: its «ال» adjectives
                for k in rest_toks[1:4]:
                    if not (self.tokens[k].is_word and self.tokens[k].text.startswith("ال") and _adjective(self.tokens[k].text)):
                        break
                    np_tokens.append(k)
            start = self.tokens[rest_toks[0]].start + offset
            end = self._gloss_end(np_tokens[-1], self.tokens[np_tokens[-1]].end)
            ws = [first_word] + [self.tokens[k].text for k in np_tokens[1:] if self.tokens[k].is_word]
            return (*self._close_brackets(start, end), ws)
        return None

    def _name_tokens(self, first: int) -> list[int]:
        """Up to 12 tokens from ``first``, not past the end of its sentence."""
        out = []
        for k in range(first, min(len(self.tokens), first + 12)):
            if self.tokens[k].text in _SENTENCE_END:
                break
            out.append(k)
        return out

    def _gloss_end(self, last: int, end: int) -> int:
        """«لهيئة الإذاعة البريطانية (بي بي سي)»: a bracketed gloss right after a recipient's name
        belongs to it; the end of the recipient, over the gloss if there is one."""
        k = last + 1
        if k >= len(self.tokens) or self.tokens[k].text != "(" or self.tokens[k].start > end + 1:
            return end
        for m in range(k + 1, min(len(self.tokens), k + 7)):
            t = self.tokens[m].text
            if t == ")":
                return self.tokens[m].end
            if not self.tokens[m].is_word and t not in {".", "-", '"'}:
                return end
        return end

    def _may_open_channel(self, n: int) -> bool:
        """A quick test: can a channel (:meth:`_channel_at`) start at token ``n``?"""
        return self.tokens[n].text in channel_openers(self.lx)

    def _channel_at(self, k: int, zone: list[int]) -> tuple[int, int] | None:
        """«في بيان», «في تغريدة على تويتر», «خلال مؤتمر صحافي», «عبر حسابه على تويتر» at
        ``zone[k]``: how the origin spoke, as a normalised span; ``None`` if none starts there."""
        lx = self.lx
        w = self.tokens[zone[k]].text
        nxt = self.tokens[zone[k + 1]].text if k + 1 < len(zone) else ""
        if not (
            w in _CHANNEL_PREPOSITIONS and (nxt in lx.channel_nouns or nxt.startswith("تصريح") or nxt.startswith("حديث"))
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
                or self._recipient_at(end, zone) is not None
            ):
                break
            words += 1
            end += 1
        last = zone[end - 1]
        while last > zone[k] and not self.tokens[last].is_word and self.tokens[last].text not in {'"', ")"}:
            last -= 1
        return self.tokens[zone[k]].start, self.tokens[last].end

    # -- can it be a source? -----------------------------------------------------------------

    def _source_like(self, words: list[str]) -> bool:
        if not words:
            return False
        if self._names_outlet(words):
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
        return not _THINGS.search(head) and (head.startswith("ال") or len(words) <= 4)

    def _names_outlet(self, words: list[str]) -> bool:
        """Whether ``words`` start with a gazetteer name, a clitic on the first word allowed."""
        return bool(self.gz.match_words(words) or self.gz.match_words([strip_clitic(words[0]), *words[1:]]))

    def _names_text(self, words: list[str]) -> bool:
        """Whether ``words`` start with a text or a source the lexicons know: a document, a
        speech or a message (``spoken_texts``), an outlet, a body («جاء في البيان», «ورد في
        تقرير للأمم المتحدة», «جاء في كلمته»)."""
        if self._names_outlet(words):
            return True
        _, head, two = self.lx.head(words)
        bare = head[2:] if head.startswith("ال") else head  # «الرسائل» → «رسائل»
        return self.lx.is_source_noun(head, two) or any(
            w in cue_words(self.lx, "spoken_texts") or w in self.lx.addressed_documents for w in (head, bare)
        )

    def _known_source(self, words: list[str], places: bool = False, titled: bool = False) -> bool:
        """Whether ``words`` start with a word the lexicons know as a source, or a short name;
        with ``places``, or with a country or a capital (a subject before its verb: «السعودية
        أكدت أن»; not the noun a relative pronoun refers to, where a place is mostly a location);
        with ``titled``, or with a name and its title («إبراهيم كالين المتحدث باسم إردوغان قال»)."""
        lx = self.lx
        words = hashtag_words(words)  # «وكان #البيت_الأبيض أعلن»
        if not words:
            return False
        if self.gz.match_words([strip_clitic(words[0]), *words[1:]]):
            return True
        _, head, two = lx.head(words)
        if lx.is_source_noun(head, two):
            return True
        if places and (words[0] in lx.places or " ".join(words[:2]) in lx.places):
            return True  # «السعودية أكدت أن», «كانت الصين قد حذرت»: a country speaks through its government
        if any(w in lx.not_subject_starts or w in lx.stop_words for w in words[:3]):
            return False
        if words[0] in lx.quantifiers and type_mention(words, lx, self.gz).kind == "anonymous":
            return True  # «لكن بعض اللاجئين يقولون», «عددا من اليمنيين»: some people, unnamed
        if not head.startswith("ال") and len(words) <= 3:
            return True
        if not titled:
            return False
        # «إبراهيم كالين المتحدث باسم إردوغان»: a name of two or three words, then its title
        # with «ال» («وقدم الأمير سعود» is a verb and its subject)
        title = next(
            (k for k in range(2, min(len(words), 4)) if words[k].startswith("ال") and lx.known_form(words[k]) in lx.person_titles),
            None,
        )
        return title is not None and not any(w.startswith("ال") for w in words[:title])


@lru_cache(maxsize=4)
def channel_openers(lx: Lexicon) -> frozenset[str]:
    """The words a channel (:meth:`Phrases._channel_at`) may start with."""
    return frozenset(_CHANNEL_PREPOSITIONS) | lx.platform_openers
