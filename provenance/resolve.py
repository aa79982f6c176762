"""Resolving mentions: which outlet a name is, and what kind of source a mention is.

The outlet gazetteer (``schemas/outlets.yaml``) lists each outlet with every spelling Arabic news
uses. Matching tolerates normalisation, the article «ال», clitics (و ب ل ف ك), title words
(«وكالة», «صحيفة»…) and quotes or brackets round the name.
"""

from __future__ import annotations

from functools import lru_cache

import attrs
import regex

from .lexicon import Lexicon, LexiconError, default_lexicon, load_yaml, norm, schema_path

#: gazetteer kinds → the kinds of the extraction contract
CONTRACT_KIND = {
    "wire_agency": "wire_agency",
    "newspaper": "outlet",
    "broadcaster": "outlet",
    "website": "outlet",
    "social_platform": "outlet",
}

TITLE_WORDS = ("وكاله انباء", "وكاله", "صحيفه", "جريده", "قناه", "شبكه", "موقع", "اذاعه", "تلفزيون", "مجله", "منصه")


@attrs.frozen
class Outlet:
    """One outlet of the gazetteer."""

    id: str
    name: str
    name_ar: str
    kind: str  # wire_agency | newspaper | broadcaster | website | social_platform
    country: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...] = ()
    context_only: frozenset[tuple[str, ...]] = frozenset()  # alias keys needing an outlet context
    network: str | None = None  # the outlet whose service this one is (BBC Arabic → BBC)

    @property
    def contract_kind(self) -> str:
        return CONTRACT_KIND[self.kind]


_WORD = regex.compile(r"[\p{L}\p{N}]+")


_CACHE_SIZE = 100_000  # entries kept by each memo of a pure function of words


@lru_cache(maxsize=_CACHE_SIZE)
def key_words(text_norm: str) -> tuple[str, ...]:
    """Matching key of a normalised name: letters and digits only, «ال» set aside on each word,
    single letters of an abbreviation joined with a middle dot («ا ف ب» → «ا·ف·ب», so that «أ ب»
    is not the word «آب», August, nor «أب»). Kept per string."""
    words = _WORD.findall(text_norm.lower())
    out: list[str] = []
    for w in words:
        if len(w) > 3 and w.startswith("ال"):
            w = w[2:]
        out.append(w)
    joined: list[str] = []
    run = ""
    for w in out:
        if len(w) == 1:
            run += "·" + w if run else w
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(w)
    if run:
        joined.append(run)
    return tuple(joined)


class Gazetteer:
    """The outlet gazetteer, indexed for matching word sequences."""

    def __init__(self, path: str | None = None) -> None:
        data = load_yaml(schema_path("outlets.yaml") if path is None else path)
        try:
            self.outlets = [
                Outlet(
                    id=o["id"],
                    name=o["name"],
                    name_ar=o["name_ar"],
                    kind=o["kind"],
                    country=o.get("country", ""),
                    aliases=tuple(o["aliases"]),
                    domains=tuple(o.get("domains", ())),
                    context_only=frozenset(key_words(norm(a)) for a in o.get("context_only", ())),
                    network=o.get("network"),
                )
                for o in data["outlets"]
            ]
        except (KeyError, TypeError) as e:
            raise LexiconError(f"{path or schema_path('outlets.yaml')}: malformed outlet entry ({e})") from None
        self.by_id = {o.id: o for o in self.outlets}
        self.by_name = {o.name: o for o in self.outlets}
        unknown = sorted({o.network for o in self.outlets if o.network and o.network not in self.by_name})
        if unknown:
            raise LexiconError(f"{path or schema_path('outlets.yaml')}: network names no outlet: {', '.join(unknown)}")
        self._index: dict[str, list[tuple[tuple[str, ...], Outlet]]] = {}
        for o in self.outlets:
            for alias in (*o.aliases, o.name, o.name_ar):
                key = key_words(norm(alias))
                if not key:
                    continue
                entries = self._index.setdefault(key[0], [])
                if (key, o) not in entries:
                    entries.append((key, o))
        for entries in self._index.values():
            entries.sort(key=lambda e: len(e[0]), reverse=True)
        self._titles = [key_words(t) for t in TITLE_WORDS]
        self._title_starts = frozenset(t[0] for t in self._titles if t)
        self._matches: dict[tuple[tuple[str, ...], bool], tuple[int, int, Outlet] | None] = {}

    def same_network(self, a: str | None, b: str | None) -> bool:
        """Whether outlets named ``a`` and ``b`` are one, or services of one network («قال لشبكة
        CNN» in an article of CNN Arabic: the network's own outlet, no intermediary)."""
        if not a or not b:
            return False
        if a == b:
            return True
        na, nb = self.by_name.get(a), self.by_name.get(b)
        root_a = na.network if na is not None and na.network else a
        root_b = nb.network if nb is not None and nb.network else b
        return root_a == root_b

    def match_words(self, words: list[str], context: bool = False) -> tuple[int, int, Outlet] | None:
        """Match an outlet at the start of ``words`` (normalised words, clitics already stripped).

        Returns ``(first, last_exclusive, outlet)`` in word positions, title words included in the
        span, or ``None``. An alias the gazetteer lists as ``context_only`` («الحياة», «فارس»)
        matches only after a title word («صحيفة الحياة») or when ``context`` says the words were
        quoted, bracketed or a wire credit. The answer is kept per word sequence.
        """
        if not self._may_match(words):
            return None
        key = (tuple(words), context)
        try:
            return self._matches[key]
        except KeyError:
            pass
        found = self._match_words(words, context)
        if len(self._matches) < _CACHE_SIZE:
            self._matches[key] = found
        return found

    def _may_match(self, words: list[str]) -> bool:
        """A quick test: ``False`` when :meth:`_match_words` finds nothing because its first key
        word (see there) starts no alias nor title. A single letter may be joined to the letters
        after it, so it is left to the full test."""
        for w in words:
            parts = key_words(w)
            if parts:
                first = parts[0]
                return len(first) == 1 or first in self._index or first in self._title_starts
        return False

    def _match_words(self, words: list[str], context: bool) -> tuple[int, int, Outlet] | None:
        flat: list[str] = []
        owner: list[int] = []
        letters: list[bool] = []  # whether flat[k] was built from single letters only
        for i, w in enumerate(words):
            for part in key_words(w):
                if len(part) == 1 and letters and letters[-1] and owner[-1] == i - 1:
                    flat[-1] += "·" + part  # «أ ف ب» written with spaces: one abbreviation
                    owner[-1] = i
                else:
                    flat.append(part)
                    owner.append(i)
                    letters.append(len(part) == 1)
        if not flat:
            return None
        start = 0
        for title in self._titles:
            if tuple(flat[: len(title)]) == title and len(flat) > len(title):
                start = len(title)
                break
        for s in ((0, start) if start else (0,)):
            for key, outlet in self._index.get(flat[s], ()):
                if tuple(flat[s : s + len(key)]) == key:
                    if key in outlet.context_only and not (context or s > 0):
                        continue
                    return 0, owner[s + len(key) - 1] + 1, outlet
        return None

    def find(self, name: str) -> Outlet | None:
        """The outlet a whole name refers to (e.g. metadata «alarabia», «رويترز»), or ``None``."""
        n = norm(name)
        for o in self.outlets:
            if n.lower() == o.id or n.lower() == o.name.lower():
                return o
        for words in (n.split(), strip_clitic_words(n.split())):
            m = self.match_words(words, context=True)
            if m and m[1] == len(words):
                return m[2]
        return None


def strip_clitic_words(words: list[str]) -> list[str]:
    """Strip one leading clitic (و ف ب ل ك, «لل» → «ال») from the first word."""
    if not words:
        return words
    return [strip_clitic(words[0]), *words[1:]]


@lru_cache(maxsize=_CACHE_SIZE)
def strip_clitic(w: str) -> str:
    """``w`` without one leading clitic (و ف ب ل ك; «لل» → «ال»). Kept per word."""
    if w.startswith("لل") and len(w) > 3:
        return "ال" + w[2:]
    if w.startswith("وال") or w.startswith("بال") or w.startswith("فال") or w.startswith("كال"):
        return w[1:]
    if len(w) > 3 and w[0] in "وفبلك":
        return w[1:]
    return w


def credited_agency(
    words: list[str], lexicon: Lexicon, gazetteer: Gazetteer
) -> tuple[int, Outlet | None] | None:
    """A wire credit at the start of ``words`` (normalised): ``(length in words, agency)``, the
    agency ``None`` for the generic «وكالات»; ``None`` when the words start no credit.

    Used on credit lines in the text («جنيف - رويترز», «مصادر: وكالات») and on metadata
    bylines; a credit is a context, so ambiguous agency names («الفرنسية») count.
    """
    if not words:
        return None
    first = words[0]
    if first in lexicon.credit_generic or strip_clitic(first) in lexicon.credit_generic:
        return 1, None
    m = gazetteer.match_words(words[:6], True) or gazetteer.match_words([strip_clitic(first), *words[1:6]], True)
    if m is not None and m[2].kind == "wire_agency":
        return m[1], m[2]
    return None


@lru_cache(maxsize=2)
def default_gazetteer() -> Gazetteer:
    return Gazetteer()


@attrs.frozen
class Typing:
    kind: str
    name: str | None = None
    anonymous_type: str | None = None
    outlet: Outlet | None = None


def type_mention(
    words: list[str], lexicon: Lexicon | None = None, gazetteer: Gazetteer | None = None, context: bool = False
) -> Typing:
    """Decide what kind of source a mention is from its normalised words.

    ``context``: the mention was quoted or bracketed, so ambiguous outlet names count. The answer
    is kept per word sequence.
    """
    lexicon = lexicon or default_lexicon()
    gazetteer = gazetteer or default_gazetteer()
    key = (lexicon, gazetteer, tuple(words), context)
    got = _TYPINGS.get(key)
    if got is None:
        got = _type_mention(words, lexicon, gazetteer, context)
        if len(_TYPINGS) < _CACHE_SIZE:
            _TYPINGS[key] = got
    return got


_TYPINGS: dict[tuple[Lexicon, Gazetteer, tuple[str, ...], bool], Typing] = {}


def hashtag_words(words: list[str]) -> list[str]:
    """«#البيت_الأبيض»: a hashtag's words are the words of the name."""
    if not any("_" in w for w in words):
        return words
    return [part for w in words for part in w.split("_") if part]


def _type_mention(words: list[str], lexicon: Lexicon, gazetteer: Gazetteer, context: bool) -> Typing:
    words = hashtag_words([w for w in words if _LETTER.search(w)])
    if not words:
        return Typing("unknown")
    m = gazetteer.match_words(words, context) or gazetteer.match_words(strip_clitic_words(words), context)
    if m:
        return Typing(m[2].contract_kind, m[2].name, outlet=m[2])
    i, head, two = lexicon.head(words)
    rest = words[i + 1 :]
    text = " ".join(words)
    if any(phrase in text for phrase in lexicon.unnamed_request):
        return Typing("anonymous", anonymous_type="unnamed_request")
    anon = lexicon.anonymous.get(two) or lexicon.anonymous.get(head)
    after_head = rest[1:] if two in lexicon.anonymous else rest  # «شهود عيان شرقي مدينة غزة»
    if anon and not _has_name(after_head, lexicon):
        if anon == "informed_sources" and any(w in lexicon.security_adjectives for w in rest[:2]):
            anon = "security_source"
        return Typing("anonymous", anonymous_type=anon)
    if head in lexicon.wire_nouns or two in lexicon.wire_nouns:
        return Typing("wire_agency")
    if head in lexicon.outlet_nouns or two in lexicon.outlet_nouns:
        return Typing("outlet")
    if (
        head in lexicon.person_titles and not head.startswith("ال") and rest
        and rest[0] in lexicon.where_of_work and not _has_name(rest, lexicon)
    ):
        return Typing("anonymous", anonymous_type="official")  # «عقيد في الجيش السوري», «عضو في المجلس»
    if two in lexicon.person_titles or head in lexicon.person_titles:
        return Typing("person")
    if " ".join(words[i : i + 2]) in lexicon.places or head in lexicon.places:
        return Typing("organization")  # «نفت روسيا»: a country speaks through its government
    if len(words) > 1 and words[0] in lexicon.name_particles:
        return Typing("person")  # «آل الشيخ» (normalised «ال الشيخ»: no article), «أبو مازن»
    if head in lexicon.documents and two not in lexicon.organizations:
        issuer = _document_issuer(head, rest, lexicon)
        if issuer:
            # «بيان أصدره سيشنز» is Sessions's, «بيان للمتحدث الرسمي …» the spokesman's
            kind = _type_mention(issuer, lexicon, gazetteer, context)
            # a lone word nobody knows («الصادر عن القصر») is not known to be a person
            vague = len(issuer) == 1 and issuer[0].startswith("ال") and issuer[0] not in lexicon.person_titles
            if kind.kind != "unknown" and not (vague and kind.kind == "person"):
                return Typing(kind.kind, anonymous_type=kind.anonymous_type)
    if two in lexicon.organizations or head in lexicon.organizations or head in lexicon.documents:
        return Typing("organization")
    if (
        i > 0 and words[0] in lexicon.quantifiers and head.endswith(("ين", "ون")) and len(head) > 4
        and not (words[0] in lexicon.count_nouns and words[1] != "من")  # «عدد الأمريكيين»: a number
    ):
        if _has_name(rest, lexicon):
            return Typing("person")  # «كبير الباحثين جون فيرانو»
        if words[0] not in lexicon.title_quantifiers:
            # «عدد من اليمنيين», «الكثير من السعوديين», «بعض المشاركين»: some people, unnamed
            return Typing("anonymous", anonymous_type="other")
    if anon:
        return Typing("person")
    if i > 0 and words[i - 1] in lexicon.plural_demonstratives:
        return Typing("anonymous", anonymous_type="other")  # «هؤلاء المهاجرون»
    if i > 0 and words[i - 1] in lexicon.singular_demonstratives:
        return Typing("person")  # «هذا الشاب»
    if head.startswith("ال") and _has_name(words[i + 1 :], lexicon):
        return Typing("person")  # «السنتاتورة كامالا هاريس»
    if head.startswith("ال") and head.endswith("ي") and len(words) > i + 1 and _bare(words[i + 1], lexicon):
        return Typing("person")  # «التونسي ناصيف البياوي»: a nationality before a name
    if head.startswith("ال") and (len(words) > 1 or _PLURAL.search(head)):
        return Typing("organization")  # «الحوثيون», «القوات الكردية»
    return Typing("person")  # a name, «السليم», «الخفاجي» included


def _document_issuer(document: str, rest: list[str], lexicon: Lexicon) -> list[str]:
    """The issuer named after a document noun: after link words («صادر عن», «أصدره»), or glued
    to «ل» («للمتحدث», «لوزارة»); none when the document is only qualified («بيان مشترك»), is
    about something («تقرير عن مقتل …») or is addressed to someone («رسالة للرئيس»)."""
    k = 0
    linked = False  # a link word seen («الصادر», «أصدره»): only then does «عن» lead to the issuer
    while k < len(rest):
        if rest[k] in lexicon.document_issuer_links:
            linked = True
        elif not (rest[k] in lexicon.document_times or linked and rest[k] in lexicon.document_issuer_after_sadir):
            break
        k += 1
    if k:
        issuer = rest[k:]
        # «البيانات الصادرة في الأسبوع الماضي»: a time or place, no issuer
        return issuer if linked and issuer and issuer[0] not in lexicon.prepositions else []
    if document in lexicon.addressed_documents:
        return []
    if rest and rest[0].startswith("ل") and lexicon.known_form(rest[0]) != rest[0]:
        # «للمتحدث» is «ل» + «المتحدث», «لوزارة» «ل» + «وزارة»; not «لندن», nor «للرأي» (a poll)
        return [lexicon.known_form(rest[0]), *rest[1:]]
    return []


def _bare(w: str, lexicon: Lexicon) -> bool:
    """A word that can start a proper name: no «ال», no digit, not a word the lexicons know."""
    return (
        not w.startswith("ال") and w.isalpha() and len(w) > 2
        and w not in lexicon.source_words and w not in lexicon.not_subject_starts
        and w not in lexicon.stop_words and w not in lexicon.prepositions and w not in lexicon.quantifiers
        and not (w[0] in "لب" and lexicon.known_form(w) != w)
    )


def _has_name(words: list[str], lexicon: Lexicon) -> bool:
    """Whether a proper name seems to follow: two or more words without «ال» that are not
    adjectives of the usual shape (ending in ي/يه/ون/ين) nor lexicon words."""
    bare = 0
    skip = False
    for n, w in enumerate(words):
        if skip:  # the name of the place after «مدينة», «شرقي» …
            skip = False
            continue
        if w in lexicon.place_nouns:
            bare, skip = 0, True  # «شهود عيان شرقي مدينة غزة»: a place, no name
            continue
        if w in lexicon.where_of_work or w in {"عن", "مع"} or w.startswith("ب") and w in lexicon.source_words:
            # what follows a preposition is where the source works, not its name; but a name may
            # close the mention after it: «المسؤول في "جيش الإسلام" محمد علوش»
            return _name_at_end(words[n + 1 :], lexicon)
        if w in lexicon.negators or w in lexicon.not_subject_starts or w in lexicon.stop_words:
            return False  # «مصدر لم تسمه»: a clause about the source, not its name
        if w.startswith("ال") or w in lexicon.quantifiers or w in lexicon.security_adjectives:
            bare = 0
            continue
        if _ADJECTIVE_END.search(w) or w in {"رفيع", "كبير", "بارز", "رفيعه", "كبار", "باسم", "في", "من"}:
            bare = 0
            continue
        bare += 1
        if bare >= 2:
            return True
    return False


def _name_at_end(words: list[str], lexicon: Lexicon) -> bool:
    """Whether the last two of ``words`` (a place of work and then more) are a name: neither
    definite, nor adjectives, nor words the lexicons know (bodies, places, titles)."""
    if len(words) < 3 or any(w in lexicon.negators or lexicon.cue_form(w) is not None for w in words):
        return False  # «أحد المقربين من ميركل طالبا عدم كشف هويته»: a clause, no name
    if words[-3] in lexicon.person_titles:
        return False  # «مسؤولون في إدارة الرئيس دونالد ترامب»: the name of the title before it
    if words[-1].endswith("ه"):
        return False  # «في نقطة تفتيش قريبة»: a family name seldom ends in «ة»
    for w in words[-2:]:
        if (
            w.startswith("ال") or _ADJECTIVE_END.search(w) or w in lexicon.source_words or w in lexicon.places
            or w[:1] == "و" and w[1:] in lexicon.source_words  # «… ومنظمة سيريان»
            or w.startswith("لل") or w in lexicon.pronoun_preps  # «للأنباء», «مقرا لها»
            or w in lexicon.stop_words or w in lexicon.not_subject_starts or not _LETTER.search(w)
        ):
            return False
    return True


_LETTER = regex.compile(r"\p{L}")
_PLURAL = regex.compile(r"(ون|ين|ات)$")
_ADJECTIVE_END = regex.compile(r"(ي|يه|يون|يين|ون|ين|يه)$")
_MENTION_WORD = regex.compile(r"[\p{L}\p{M}\p{N}_]+")


def split_person(text: str, lexicon: Lexicon | None = None) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """Split a person mention into its name and its title or role, as offsets into ``text``.

    «الباحث رائد العزاوي» → name «رائد العزاوي», role «الباحث»; «المتحدث باسم التحالف، الكولونيل
    مايلز كاغينز» → name «مايلز كاغينز», role «المتحدث باسم التحالف، الكولونيل»; «حميد رضا عزيزي،
    الزميل الزائر …» → the name first, the role after the comma. Either may be ``None``.
    """
    lexicon = lexicon or default_lexicon()
    key = (text, lexicon)
    got = _PERSONS.get(key)
    if got is None:
        got = _split_person(text, lexicon)
        if len(_PERSONS) < _CACHE_SIZE:
            _PERSONS[key] = got
    return got


_PERSONS: dict[tuple[str, Lexicon], tuple[tuple[int, int] | None, tuple[int, int] | None]] = {}


def _split_person(text: str, lexicon: Lexicon) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    words = [(m.start(), m.end(), norm(m.group())) for m in _MENTION_WORD.finditer(text)]
    if not words:
        return None, None

    def is_name(i: int) -> bool:
        w = words[i][2]
        if w in lexicon.person_titles or w in lexicon.organizations or w in lexicon.places or w in lexicon.not_names:
            return False
        if w in lexicon.not_subject_starts or w in {"باسم", "في", "من", "لدي", "عن"} or w.startswith("ل") and len(w) > 3 and lexicon.known_form(w) != w:
            return False
        previous = words[i - 1][2] if i else ""
        if previous in {"باسم", "في", "من", "لدي"} or previous.startswith("ل") and lexicon.known_form(previous) != previous:
            return False  # «باسم التحالف»: the body a role speaks for
        return not w.startswith("ال") or (i > 0 and is_name_run_start(i - 1))

    def is_name_run_start(i: int) -> bool:
        w = words[i][2]
        return not w.startswith("ال") and w not in lexicon.person_titles and w not in {"باسم", "في", "من"}

    start = next((i for i in range(len(words)) if is_name(i)), None)
    if start is None:
        return None, (words[0][0], words[-1][1])
    end = start
    while end + 1 < len(words) and is_name(end + 1) and not _comma_between(text, words[end][1], words[end + 1][0]):
        end += 1
    name = (words[start][0], words[end][1])
    if start > 0:
        role = (words[0][0], _trim(text, words[0][0], words[start][0]))
    elif end + 1 < len(words):
        role = (words[end + 1][0], words[-1][1])
    else:
        role = None
    return name, role


def _comma_between(text: str, a: int, b: int) -> bool:
    return any(ch in "،,:;" for ch in text[a:b])


def _trim(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,:;\"“”«»(" ):
        end -= 1
    return end
