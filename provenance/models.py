"""The value objects every stage passes on: articles, spans, attributions.

All spans are ``(start, end)`` offsets into the article's ``text`` (the original characters, never
a normalised copy), and ``article.text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from typing import Any

import attrs

#: What a source can be. ``outlet`` covers newspapers, broadcasters, websites and platforms.
SOURCE_KINDS = ("wire_agency", "outlet", "person", "organization", "anonymous", "unknown")


@attrs.frozen
class Span:
    """A piece of an article's text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@attrs.frozen
class Cue(Span):
    """The words that signal an attribution: «قال», «بحسب», «نقلاً عن», a wire credit."""

    lemma: str = ""
    type: str = "verb"  # verb | participle | nominal | passive | credit

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "lemma": self.lemma}


@attrs.frozen
class Mention(Span):
    """A mention of a source or of an intermediary.

    ``name`` is the canonical name when the mention resolves to a known outlet (directly, or
    «الوكالة» through the agency named before it), else ``None``. ``name_ar`` is its Arabic name.
    An intermediary that this attribution does not name itself is ``inherited``: one the article
    credits as a whole («جنيف - رويترز» at the top; its span is the credit's, in ``field``:
    ``"text"``, or ``"author"`` when the credit is the metadata byline), or one carried over by a
    continuation from the statement it continues («قال لرويترز … وأضاف»; its span is the earlier
    mention).
    """

    name: str | None = None
    kind: str = "unknown"
    anonymous_type: str | None = None
    name_ar: str | None = None
    inherited: bool = False
    field: str = "text"
    person: Span | None = None  # a person's name within the mention («رائد العزاوي»)
    role: Span | None = None  # a person's title or role («الباحث», «المتحدث باسم التحالف»)
    refers_to: Span | None = None  # «البيان», «المصادر»: the earlier mention they stand for

    def to_dict(self) -> dict[str, Any]:
        d = {**super().to_dict(), "name": self.name, "kind": self.kind}
        if self.anonymous_type:
            d["anonymous_type"] = self.anonymous_type
        if self.person:
            d["person"] = self.person.to_dict()
        if self.role:
            d["role"] = self.role.to_dict()
        if self.refers_to:
            d["refers_to"] = self.refers_to.to_dict()
        if self.inherited:
            d["inherited"] = True
            d["field"] = self.field
        return d

    @property
    def label(self) -> str:
        """How the mention is shown in a chain: the Arabic canonical name, else what it refers
        to («البيان» → «التحالف»), else the text."""
        return self.name_ar or (self.refers_to.text if self.refers_to else self.text)


@attrs.frozen
class Content(Span):
    """What the source is reported to have said. ``direct`` when it is a quotation in quote marks."""

    direct: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "direct": self.direct}


@attrs.frozen
class Attribution:
    """One act of reporting: a cue ties content to a source, possibly through intermediaries.

    ``via`` lists the intermediaries from the publisher side outwards. ``sentence`` is the span of
    the sentence holding the cue. ``continues`` is the index of the attribution whose source this
    one repeats (a subjectless «وأضاف», a participle «مشيراً»), else ``None``.
    """

    cue: Cue
    source: Mention
    via: tuple[Mention, ...] = ()
    content: Content | None = None
    sentence: Span | None = None
    continues: int | None = None
    channel: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {
            "cue": self.cue.to_dict(),
            "source": self.source.to_dict(),
            "via": [v.to_dict() for v in self.via],
            "content": self.content.to_dict() if self.content else None,
        }
        if self.channel:
            d["channel"] = self.channel.to_dict()
        return d


@attrs.frozen
class Publisher:
    """The outlet that published an article."""

    name: str | None
    name_ar: str | None
    kind: str
    text: str
    evidence: str = "metadata"  # metadata | url | byline | followed | footer | email

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "name_ar": self.name_ar, "kind": self.kind, "text": self.text}

    @property
    def label(self) -> str:
        return self.name_ar or self.text


@attrs.frozen
class Credit(Span):
    """An article-level credit: a wire agency (or «وكالات») named by a dateline, a byline, the
    lead or the metadata. ``field`` says what the span indexes: ``"text"`` or ``"author"``."""

    name: str | None = None
    name_ar: str | None = None
    kind: str = "wire_agency"
    field: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return {**super().to_dict(), "name": self.name, "kind": self.kind, "field": self.field}


@attrs.frozen
class Chain:
    """One attribution's path: publisher → intermediaries → origin."""

    publisher: Publisher | None
    via: tuple[Mention, ...]
    origin: Mention

    def nodes(self) -> list[str]:
        head = [self.publisher.label] if self.publisher else ["؟"]
        return head + [v.label for v in self.via] + [self.origin.label or "؟"]

    def render(self, arrow: str = " ← ") -> str:
        """«هاف بوست عراقي ← رويترز ← دبلوماسيين» (an unknown publisher or source is «؟»)."""
        return arrow.join(self.nodes())

    def __str__(self) -> str:
        return self.render()


@attrs.frozen
class Article:
    """An article as read from a file.

    ``text`` is what offsets index: the whole file for ``.txt``/``.md`` (front matter included),
    the body field for structured formats. ``body_start`` is where the article proper starts in
    ``text`` (after a front matter block). ``title`` and the other metadata come from the file.
    """

    text: str
    id: str
    path: str = ""
    format: str = "txt"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    date: str | None = None
    author: str | None = None
    body_start: int = 0
    extra: dict[str, Any] = attrs.field(factory=dict, eq=False)


@attrs.frozen
class Extraction:
    """Everything found in one article."""

    article: Article
    publisher: Publisher | None
    attributions: tuple[Attribution, ...]
    credits: tuple[Credit, ...] = ()

    @property
    def chains(self) -> list[Chain]:
        """One chain per attribution, in order."""
        return [Chain(self.publisher, a.via, a.source) for a in self.attributions]

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "path": a.path,
            "id": a.id,
            "format": a.format,
            "title": a.title,
            "url": a.url,
            "date": a.date,
            "publisher": self.publisher.to_dict() if self.publisher else None,
            "credits": [c.to_dict() for c in self.credits],
            "attributions": [
                {**x.to_dict(), "chain": c.render()} for x, c in zip(self.attributions, self.chains)
            ],
        }
