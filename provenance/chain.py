"""Citation chains: who published the article, what it credits, and the path of each attribution.

After extraction, this stage

- finds the **publisher**: the metadata (an outlet's URL domain, then the outlet field), else a
  byline or dateline at the top («هاف بوست عراقي ـ», «إيلاف من لندن:», «وكالات – كتابات :»),
  «تابعته X», a footer disclaimer naming the site, or a contact e-mail's domain
  (``schemas/publishers.yaml``); unknown stays ``None``;
- collects the article's **credits**: wire credits in the text («جنيف - رويترز», «(أ ف ب)»,
  «مصادر: وكالات»), a lead that says «وفقاً لوكالة (رويترز)», and the metadata byline
  (the ANT ``AUTHOR``, the SaudiNewsNet ``author``);
- resolves **coreference** of generic outlet nouns: «الوكالة», «للوكالة», «الصحيفة», «القناة»
  name the latest outlet of that sort mentioned before them;
- drops an intermediary that is the publisher itself («قال لـ"الحياة"» in Al-Hayat);
- gives every attribution with no intermediary of its own the article's wire agency, when the
  article credits exactly one, as an **inherited** intermediary.
"""

from __future__ import annotations

import operator
from functools import lru_cache
from urllib.parse import urlparse

import attrs
import regex

from .lexicon import Lexicon, load_yaml, norm, norm_pattern
from .models import Article, Attribution, Credit, Mention, Publisher, Span
from .normalise import Normalised
from .resolve import Gazetteer, Outlet, credited_agency, key_words, strip_clitic
from .segment import Segment

_LETTER = regex.compile(r"\p{L}")
_BYLINE_WORD = regex.compile(r"[\p{L}\p{N}.]+")

#: generic nouns that refer back to an outlet, and the gazetteer kinds they may stand for
_GENERIC = {
    "وكاله": ("wire_agency",),
    "صحيفه": ("newspaper",),
    "جريده": ("newspaper",),
    "قناه": ("broadcaster",),
    "شبكه": ("broadcaster", "website"),
    "موقع": ("website", "newspaper"),
    "اذاعه": ("broadcaster",),
    "مجله": ("newspaper",),
}


class Chainer:
    """Completes an article's attributions into chains. Holds the compiled publisher patterns."""

    _titles_back: frozenset[str]

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.lx = lexicon
        self.gz = gazetteer
        self._titles_back = frozenset(norm(w) for w in lexicon.sources_data.get("titles_back") or [])
        data = load_yaml("publishers.yaml")
        by = data["byline"]
        self.byline_paragraphs = int(by["paragraphs"])
        self.byline_chars = int(by["head_chars"])
        self.byline_split = regex.compile("|".join(regex.escape(s) for s in by["separators"]))
        self.byline_strip = [regex.compile(norm_pattern(p)) for p in by["strip"]]
        self.byline_authors = [regex.compile(norm_pattern(p)) for p in by["authors"]]
        self.followed = regex.compile(
            r"(?<!\p{L})(?:" + "|".join(regex.escape(norm(w)) for w in data["followed"]) + r")\s+"
            r"\"?(?P<outlet>[^\",.:;()\n]{2,40}?)\"?(?=[\",.:;()\n]|\s+(?:ان|انه|انها)(?!\p{L})|$)"
        )
        self.footers = [regex.compile(norm_pattern(p)) for p in data["footers"]]
        self.email = regex.compile(data["email"])
        self._domains = sorted(
            ((d, o) for o in gazetteer.outlets for d in o.domains), key=lambda x: len(x[0]), reverse=True
        )
        # the domains that may match a URL, by what they hold before their first «/» (a domain
        # without a path may also be the end of the host after a dot), as positions in _domains
        self._domain_heads: dict[str, list[int]] = {}
        self._domain_tails: dict[str, list[int]] = {}
        self._bylines: dict[str, tuple[Credit, ...]] = {}  # see _author_credits
        for n, (d, _) in enumerate(self._domains):
            self._domain_heads.setdefault(d.split("/")[0], []).append(n)
            if "/" not in d:
                self._domain_tails.setdefault(d, []).append(n)

    # -- publisher -------------------------------------------------------------------------

    def publisher(self, article: Article, nz: Normalised, paragraphs: list[Segment]) -> Publisher | None:
        """Metadata wins; else the text's own evidence, strongest first."""
        if article.url:
            outlet = self.by_url(article.url)
            if outlet is not None:
                return _publisher(outlet, article.outlet or article.url, "url")
        if article.outlet:
            outlet = self.gz.find(article.outlet)
            if outlet is None:
                return Publisher(None, None, "outlet", article.outlet, "metadata")
            return _publisher(outlet, article.outlet, "metadata")
        text = nz.text
        for finder in (self._byline, self._followed, self._footer, self._email):
            found = finder(text, paragraphs)
            if found is not None:
                return found
        return None

    def by_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (and path prefix) the URL is under."""
        parsed = urlparse(url if "//" in url else "//" + url)
        host = (parsed.hostname or "").lower()
        if host.startswith("www."):
            host = host[4:]
        where = host + parsed.path.lower()
        candidates = list(self._domain_heads.get(where.split("/")[0], ()))
        dot = host.find(".")
        while dot != -1:
            candidates += self._domain_tails.get(host[dot + 1 :], ())
            dot = host.find(".", dot + 1)
        for n in sorted(candidates):
            domain, outlet = self._domains[n]
            if where == domain or where.startswith(domain + "/") or ("/" not in domain and host.endswith("." + domain)):
                return outlet
        return None

    def _byline(self, text: str, paragraphs: list[Segment]) -> Publisher | None:
        content = [p for p in paragraphs if not p.boilerplate][: self.byline_paragraphs]
        for p in content:
            head = text[p.start : min(p.end, p.start + self.byline_chars + 20)]
            if any(r.search(head) for r in self.byline_authors):
                continue
            parts = self.byline_split.split(head)
            if len(parts) < 2 and p.end - p.start > self.byline_chars:
                continue  # a long paragraph without a separator opens with prose, not a byline
            for part in parts[:3]:
                name = part.strip(" \"'()")
                for r in self.byline_strip:
                    name = r.sub("", name).strip(" \"'()")
                if not name or len(name) > self.byline_chars:
                    continue
                outlet = self.gz.find(name)
                if outlet is not None:
                    return _publisher(outlet, name, "byline")
        return None

    def _followed(self, text: str, paragraphs: list[Segment]) -> Publisher | None:
        m = self.followed.search(text)
        return self._named(m.group("outlet").strip(), "followed") if m else None

    def _footer(self, text: str, paragraphs: list[Segment]) -> Publisher | None:
        for p in reversed(paragraphs):
            line = text[p.start : p.end]
            for r in self.footers:
                m = r.search(line)
                if m:
                    return self._named(m.group("outlet").strip(), "footer")
        return None

    def _email(self, text: str, paragraphs: list[Segment]) -> Publisher | None:
        for m in self.email.finditer(text):
            domain = m.group("domain").lower()
            outlet = self.by_url("//" + domain)
            if outlet is not None:
                return _publisher(outlet, m.group(), "email")
        return None

    def _named(self, name: str, evidence: str) -> Publisher | None:
        """A name the text itself presents as its publisher: known or not, it is one."""
        if not _LETTER.search(name):
            return None
        outlet = self.gz.find(name)
        if outlet is not None:
            return _publisher(outlet, name, evidence)
        return Publisher(None, None, "outlet", name, evidence)

    # -- credits -----------------------------------------------------------------------------

    def credits(self, article: Article, attributions: tuple[Attribution, ...]) -> list[Credit]:
        """Wire credits in the text, a lead that credits an agency, and the metadata byline.

        The lead is the sentence of the article's first report: «قال مسؤولون … إن …، وفقاً
        لوكالة (رويترز).» credits Reuters for the whole article.
        """
        out: list[Credit] = []
        first = next((a for a in attributions if a.cue.lemma != "credit" and a.sentence), None)
        lead = (first.sentence.start, first.sentence.end) if first and first.sentence else None
        for a in attributions:
            s = a.source
            if a.cue.lemma == "credit":
                out.append(Credit(s.text, s.start, s.end, s.name, s.name_ar, s.kind))
            elif (
                lead is not None
                and lead[0] <= a.cue.start < lead[1]
                and s.kind == "wire_agency"
                and s.name
                and a.cue.lemma in {"وفق", "بحسب", "نقلاً عن"}
            ):
                out.append(Credit(s.text, s.start, s.end, s.name, s.name_ar, s.kind))
        if article.author:
            out += self._author_credits(article.author)
        return out

    def _author_credits(self, author: str) -> tuple[Credit, ...]:
        """:meth:`author_credits`, kept per byline (the same bylines recur across articles)."""
        got = self._bylines.get(author)
        if got is None:
            got = tuple(self.author_credits(author))
            if len(self._bylines) < 100_000:
                self._bylines[author] = got
        return got

    def author_credits(self, author: str) -> list[Credit]:
        """Agencies named in a byline field: «جنيف - رويترز», «واس - الرياض», «وكالات»."""
        found: list[Credit] = []
        words = [(m.group(), m.start(), m.end()) for m in _BYLINE_WORD.finditer(author)]
        normed = [norm(w[0]) for w in words]
        i = 0
        while i < len(words):
            credit = credited_agency(normed[i : i + 6], self.lx, self.gz)
            if credit is None:
                i += 1
                continue
            length, outlet = credit
            start, end = words[i][1], words[i + length - 1][2]
            if outlet is None and normed[i].startswith("و") and normed[i][1:] in self.lx.credit_generic:
                start += 1  # «ووكالات»: the conjunction is not part of the credit
            found.append(
                Credit(author[start:end], start, end, outlet.name if outlet else None, outlet.name_ar if outlet else None, "wire_agency", "author")
            )
            i += length
        return found

    # -- completing the chains -----------------------------------------------------------------

    def complete(
        self, publisher: Publisher | None, attributions: tuple[Attribution, ...], credits: list[Credit]
    ) -> tuple[Attribution, ...]:
        """Resolve «الوكالة», drop the publisher as a hop, and hand down a single wire credit."""
        seen: list[tuple[int, Mention]] = []  # named outlet mentions by position
        for c in credits:
            if c.field == "text" and c.name:
                seen.append((c.start, Mention(c.text, c.start, c.end, c.name, c.kind, name_ar=c.name_ar)))
        for a in attributions:
            for m in (a.source, *a.via):
                if m.name:
                    seen.append((m.start, m))
        seen.sort(key=lambda x: x[0])
        agencies = {c.name: c for c in credits if c.name and c.kind == "wire_agency"}
        single = next(iter(agencies.values())) if len(agencies) == 1 else None

        hops = self._sentence_hops(attributions)
        out: list[Attribution] = []
        for n, a in enumerate(attributions):
            source = self._refer_back(self._resolve(a.source, seen, single), out)
            via = tuple(self._resolve(v, seen, single) for v in a.via) or hops.get(n, ())
            if publisher is not None and publisher.name:
                via = tuple(v for v in via if not self.gz.same_network(v.name, publisher.name))
            if (
                single is not None
                and not via
                and a.cue.lemma != "credit"
                and source.name != single.name
                and not (publisher is not None and self.gz.same_network(publisher.name, single.name))
            ):
                via = (
                    Mention(
                        single.text, single.start, single.end, single.name, "wire_agency",
                        name_ar=single.name_ar, inherited=True, field=single.field,
                    ),
                )
            if source is a.source and len(via) == len(a.via) and all(map(operator.is_, via, a.via)):
                out.append(a)  # nothing changed (evolve would make an equal copy)
            else:
                out.append(attrs.evolve(a, source=source, via=via))
        return tuple(out)

    def _refer_back(self, m: Mention, earlier: list[Attribution]) -> Mention:
        """«وأشار البيان إلى …» → the issuer of the last statement; «وقالت المصادر» → the last
        anonymous source. The mention keeps its own span and gains ``refers_to``."""
        words = _norm_words(m.text)
        if not words or len(words) > 2 or m.refers_to is not None:
            return m
        head = strip_clitic(words[0])
        if head in _STATEMENT:
            for a in reversed(earlier):
                if a.channel is not None and any(w in _STATEMENT_CHANNEL for w in _norm_words(a.channel.text)):
                    # a statement is typed as its issuer (a spokesman's is a person's)
                    pointing = self._pointing(m, a.source)
                    if pointing is not m and a.source.kind in {"person", "organization"}:
                        pointing = attrs.evolve(pointing, kind=a.source.kind)
                    return pointing
                if a.source.text and _norm_words(a.source.text)[0] in {"بيان", "بيانا"}:
                    break
            return m
        if head in _SOURCES_BACK:
            for a in reversed(earlier):
                s = a.source
                if s.kind == "anonymous" and s.start < m.start and _norm_words(s.text)[0] not in _SOURCES_BACK:
                    return attrs.evolve(self._pointing(m, s), anonymous_type=s.anonymous_type or m.anonymous_type)
        if head in self._titles_back and m.kind == "anonymous":
            # «وقال المسؤول الإماراتي» after «مسؤول إماراتي بارز، أنور قرقاش»: the one described
            # before, named or not; it takes that mention's kind
            bare = head[2:]
            for a in reversed(earlier):
                s = a.source
                words_before = [strip_clitic(w) for w in _norm_words(s.text)]
                same_title = bare in words_before or head in words_before
                # «المسؤول الإماراتي» for «وزير الدولة الإماراتي … أنور قرقاش»: a named person of
                # the same nationality
                same_person = len(words) == 2 and s.kind == "person" and words[1] in words_before
                if s.start < m.start and (same_title or same_person) and s.text != m.text:
                    pointing = self._pointing(m, s)
                    if pointing is not m:
                        pointing = attrs.evolve(pointing, kind=s.kind, anonymous_type=s.anonymous_type)
                    return pointing
        return m

    @staticmethod
    def _pointing(m: Mention, target: Mention) -> Mention:
        if not target.text or target.start >= m.start:
            return m
        return attrs.evolve(m, refers_to=Span(target.text, target.start, target.end), name=target.name, name_ar=target.name_ar)

    @staticmethod
    def _sentence_hops(attributions: tuple[Attribution, ...]) -> dict[int, tuple[Mention, ...]]:
        """«قال مسؤولون إن …، وفقاً لوكالة (رويترز).», «وبحسب فرانس برس فقد قُتل …، وفق مصادر.»:
        an outlet named by a prepositional cue is the intermediary of the other reports of its
        sentence that name none."""
        hops: dict[int, tuple[Mention, ...]] = {}
        by_sentence: dict[tuple[int, int], list[int]] = {}
        for n, a in enumerate(attributions):
            if a.sentence is not None and a.cue.lemma != "credit":
                by_sentence.setdefault((a.sentence.start, a.sentence.end), []).append(n)
        for members in by_sentence.values():
            outlets = [
                attributions[n].source for n in members
                if attributions[n].cue.lemma in _PREPOSITIONAL and attributions[n].source.kind in {"wire_agency", "outlet"}
            ]
            if len(outlets) != 1:
                continue
            for n in members:
                a = attributions[n]
                if not a.via and a.source is not outlets[0] and a.source.kind not in {"wire_agency", "outlet"}:
                    hops[n] = (outlets[0],)
        return hops

    def _resolve(self, m: Mention, seen: list[tuple[int, Mention]], single: Credit | None) -> Mention:
        """«الوكالة» → the latest agency named before it (or the article's one credited agency)."""
        if m.name or not m.text:
            return m
        words = _norm_words(m.text)
        if not words:
            return m
        head = strip_clitic(words[0])
        head = head[2:] if head.startswith("ال") else head
        kinds = _GENERIC.get(head)
        if kinds is None or len(key_words(" ".join(words))) > 2:
            return m
        for pos, earlier in reversed(seen):
            if pos < m.start and earlier.name and self._kind_of(earlier) in kinds:
                return attrs.evolve(m, name=earlier.name, name_ar=earlier.name_ar, kind=earlier.kind)
        if single is not None and "wire_agency" in kinds:
            return attrs.evolve(m, name=single.name, name_ar=single.name_ar, kind="wire_agency")
        return m

    def _kind_of(self, m: Mention) -> str:
        outlet = self.gz.by_name.get(m.name or "")
        return outlet.kind if outlet else m.kind


@lru_cache(maxsize=100_000)
def _norm_words(text: str) -> tuple[str, ...]:
    """The words of ``norm(text)``, kept per string (the same mentions recur)."""
    return tuple(norm(text).split())


_PREPOSITIONAL = {"وفق", "بحسب", "نقلاً عن", "على لسان", "استناداً إلى"}
_STATEMENT = {"البيان"}  # normalised
_STATEMENT_CHANNEL = {"بيان", "بيانه", "بيانها", "بيانهم", "البيان"}
_SOURCES_BACK = {"المصادر", "المصدر"}


def _publisher(outlet: Outlet, text: str, evidence: str) -> Publisher:
    return Publisher(outlet.name, outlet.name_ar, outlet.contract_kind, text, evidence)
