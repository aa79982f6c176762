"""Reading articles from files: plain text, YAML front matter, TREC ``<DOC>`` and JSON records.

Every reader returns :class:`~provenance.models.Article` objects whose ``text`` is what offsets
index:

- ``.txt`` / ``.md``: the whole file as read (UTF-8, newlines untouched), front matter included;
  the title is the first non-empty line, or the front matter's ``title``;
- TREC ``<DOC>`` files (the ANT corpus, LDC Arabic Gigaword): the ``<TEXT>`` element; Gigaword
  ``<P>`` paragraphs are joined with blank lines;
- JSON arrays, single objects and JSON Lines: the body field (``content``, ``text`` or ``body`` unless
  configured otherwise).

Bad input raises :class:`ReadError`, whose message names the file and the problem.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import regex
import yaml

from .models import Article

SUFFIXES = {".txt", ".md", ".json", ".jsonl", ".ndjson", ".sgml", ".xml", ".trec"}


class ReadError(Exception):
    """A file that cannot be read as articles. ``str(error)`` is ``"PATH: problem"``."""

    def __init__(self, path: str | os.PathLike[str], problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@attrs.frozen
class JsonFields:
    """Which JSON keys hold what. Each entry lists the keys tried in order.

    The defaults read SaudiNewsNet records (``source, url, date_extracted, title, author,
    content``) and most scraper output.
    """

    body: tuple[str, ...] = ("content", "text", "body", "article")
    title: tuple[str, ...] = ("title", "headline")
    outlet: tuple[str, ...] = ("outlet", "source", "publisher", "site")
    url: tuple[str, ...] = ("url", "link")
    date: tuple[str, ...] = ("date", "date_published", "published", "date_extracted")
    author: tuple[str, ...] = ("author", "byline")
    id: tuple[str, ...] = ("id", "docno", "doc_id")

    @classmethod
    def parse(cls, pairs: Iterable[str]) -> JsonFields:
        """Build from ``field=key`` strings, as the CLI's ``--field`` option gives them."""
        overrides: dict[str, tuple[str, ...]] = {}
        names = {f.name for f in attrs.fields(cls)}
        for pair in pairs:
            field, sep, key = pair.partition("=")
            if not sep or field not in names or not key:
                raise ValueError(f"bad field mapping {pair!r}: expected one of {sorted(names)}=KEY")
            overrides[field] = tuple(k.strip() for k in key.split(",") if k.strip())
        return attrs.evolve(cls(), **overrides)


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named by ``paths``: files as given, folders walked (sorted), globs expanded.

    Inside folders only files with a known suffix are taken, and ``README*`` files are skipped.
    """
    for p in paths:
        s = str(p)
        if any(ch in s for ch in "*?[") and not os.path.exists(s):
            matches = sorted(glob.glob(s, recursive=True))
            if not matches:
                raise ReadError(s, "no file matches this pattern")
            yield from expand_paths(matches)
            continue
        path = Path(s)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUFFIXES
                    and not child.name.upper().startswith("README")
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    yield child
        else:
            yield path


def read_path(
    path: str | os.PathLike[str], *, fields: JsonFields | None = None, errors: list[ReadError] | None = None
) -> list[Article]:
    """Read every article in one file. Raises :class:`ReadError` naming the file.

    With ``errors``, a bad record inside a JSON file (no text, not an object) is appended there
    and skipped, so one empty record does not lose the thousand good ones around it.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReadError(path, "is a folder, not a file") from None
    except OSError as e:
        raise ReadError(path, f"cannot be read ({e.strerror or e})") from None
    text = decode(data, path)
    suffix = path.suffix.lower()
    if suffix in {".json", ".jsonl", ".ndjson"}:
        return read_json(text, path, fields=fields or JsonFields(), lines=suffix != ".json", errors=errors)
    if regex.match(r"\s*<DOC[\s>]", text):
        return read_trec(text, path)
    if suffix in {".sgml", ".xml", ".trec"}:
        raise ReadError(path, "no <DOC> element found")
    return [read_text(text, path)]


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, fields: JsonFields | None = None
) -> Iterator[Article | ReadError]:
    """Every article in ``paths``; a file that cannot be read yields its :class:`ReadError`."""
    try:
        files = list(expand_paths(paths))
    except ReadError as e:
        yield e
        return
    for path in files:
        errors: list[ReadError] = []
        try:
            yield from read_path(path, fields=fields, errors=errors)
        except ReadError as e:
            yield e
        yield from errors


def decode(data: bytes, path: str | os.PathLike[str] = "<bytes>") -> str:
    """Decode file bytes: UTF-8, else Windows-1256 when that gives Arabic, else a :class:`ReadError`."""
    if not data.strip():
        raise ReadError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        utf8_error = e
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = regex.findall(r"\p{L}", text[:20000])
    arabic = sum(1 for ch in letters if "\u0600" <= ch <= "\u06ff")
    if letters and arabic / len(letters) >= 0.5:
        return text
    raise ReadError(
        path,
        f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start})"
        " and not Arabic Windows-1256 either",
    )


_FRONT_MATTER = regex.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", regex.S)


def read_text(text: str, path: str | os.PathLike[str] = "<text>") -> Article:
    """A ``.txt`` or ``.md`` article, with an optional YAML front matter block."""
    path = Path(path)
    meta: dict[str, Any] = {}
    body_start = 0
    m = _FRONT_MATTER.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1) or "") or {}
        except yaml.YAMLError as e:
            raise ReadError(path, f"front matter is not valid YAML ({_one_line(e)})") from None
        if not isinstance(loaded, dict):
            raise ReadError(path, "front matter must be a YAML mapping (key: value lines)")
        meta = loaded
        body_start = m.end()
    if not text[body_start:].strip():
        raise ReadError(path, "no article text")
    first = regex.search(r"\S[^\n]*", text, pos=body_start)
    title = meta.get("title") or (first.group().strip() if first else None)
    return Article(
        text=text,
        id=str(meta.get("id") or path.stem),
        path=str(path),
        format="front-matter" if m else "txt",
        title=_str(title),
        outlet=_str(meta.get("outlet")),
        url=_str(meta.get("url")),
        date=_str(meta.get("date")),
        author=_str(meta.get("author")),
        body_start=body_start,
        extra={k: v for k, v in meta.items() if k not in {"id", "title", "outlet", "url", "date", "author"}},
    )


_DOC = regex.compile(r"<DOC(?P<attrs>\s[^>]*)?>(?P<body>.*?)</DOC>", regex.S)
_ATTR = regex.compile(r'(\w+)\s*=\s*"([^"]*)"|(\w+)\s*=\s*(\S+)')
_P = regex.compile(r"<P>\s*(.*?)\s*</P>", regex.S)
_TREC_TAGS = ("DOCNO", "URL", "SRC", "CAT", "TITLE", "HEADLINE", "TIME", "DATE", "DATELINE", "AUTHOR", "ABSTRACT")


def read_trec(text: str, path: str | os.PathLike[str] = "<trec>") -> list[Article]:
    """TREC-style ``<DOC>`` files: the ANT corpus layout and the LDC Gigaword layout.

    The files are not well-formed XML (``&`` and ``<`` unescaped), so they are read with regexes.
    """
    path = Path(path)
    docs = list(_DOC.finditer(text))
    if not docs:
        raise ReadError(path, "malformed TREC file: <DOC> without a closing </DOC>")
    opened = len(regex.findall(r"<DOC[\s>]", text))
    if opened != len(docs):
        raise ReadError(path, f"malformed TREC file: {opened} <DOC> but {len(docs)} </DOC>")
    articles = []
    for i, m in enumerate(docs):
        body = m.group("body")
        doc_attrs = {(a or c).lower(): (b or d) for a, b, c, d in _ATTR.findall(m.group("attrs") or "")}
        tags = {tag: _tag(body, tag) for tag in _TREC_TAGS}
        text_el = regex.search(r"<TEXT>(.*?)</TEXT>", body, regex.S)
        if text_el is None:
            raise ReadError(path, f"malformed TREC file: document {i + 1} has no <TEXT>…</TEXT>")
        raw = text_el.group(1)
        paragraphs = _P.findall(raw)
        if paragraphs:
            fmt, article_text = "gigaword", "\n\n".join(p.replace("\n", " ") for p in paragraphs)
        else:
            fmt, article_text = "trec", _strip_one_newline(raw)
        if not article_text.strip():
            raise ReadError(path, f"document {i + 1} has an empty <TEXT>")
        doc_id = tags["DOCNO"] or doc_attrs.get("id") or (path.stem if len(docs) == 1 else f"{path.stem}#{i + 1}")
        articles.append(
            Article(
                text=article_text,
                id=doc_id,
                path=str(path),
                format=fmt,
                title=tags["TITLE"] or tags["HEADLINE"],
                outlet=tags["SRC"] or _gigaword_source(doc_id),
                url=tags["URL"],
                date=tags["TIME"] or tags["DATE"],
                author=tags["AUTHOR"],
                extra={
                    k.lower(): v
                    for k, v in {**tags, **{a.upper(): b for a, b in doc_attrs.items()}}.items()
                    if v and k not in {"DOCNO", "TITLE", "HEADLINE", "SRC", "URL", "TIME", "DATE", "AUTHOR", "ID"}
                },
            )
        )
    return articles


def _tag(body: str, tag: str) -> str | None:
    m = regex.search(rf"<{tag}>(.*?)</{tag}>", body, regex.S)
    if not m:
        return None
    value = m.group(1).strip()
    return value or None


def _strip_one_newline(s: str) -> str:
    if s.startswith("\r\n"):
        s = s[2:]
    elif s.startswith("\n"):
        s = s[1:]
    if s.endswith("\r\n"):
        s = s[:-2]
    elif s.endswith("\n"):
        s = s[:-1]
    return s


def _gigaword_source(doc_id: str) -> str | None:
    # Gigaword ids look like AFP_ARB_20000101.0001: the agency code comes first.
    m = regex.match(r"([A-Z]{2,5})_ARB_", doc_id or "")
    return m.group(1) if m else None


def read_json(
    text: str,
    path: str | os.PathLike[str] = "<json>",
    *,
    fields: JsonFields | None = None,
    lines: bool = False,
    errors: list[ReadError] | None = None,
) -> list[Article]:
    """JSON arrays of records, a single record, ``{"articles": [...]}``, or JSON Lines.

    A bad record raises :class:`ReadError`, or is appended to ``errors`` and skipped when a list
    is given.
    """
    path = Path(path)
    fields = fields or JsonFields()
    records: list[Any]
    if lines:
        records = []
        # JSON Lines end at «\n» only: str.splitlines would also cut at U+2028/U+2029 and other
        # separators JSON strings may hold raw (json.dumps(ensure_ascii=False) writes them so)
        for n, line in enumerate(text.split("\n"), 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as e:
                    raise ReadError(path, f"line {n} is not valid JSON ({e.msg})") from None
    else:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as e:
            raise ReadError(path, f"not valid JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
        if isinstance(loaded, dict) and isinstance(loaded.get("articles"), list):
            records = loaded["articles"]
        elif isinstance(loaded, dict):
            records = [loaded]
        elif isinstance(loaded, list):
            records = loaded
        else:
            raise ReadError(path, "JSON must be an object or an array of objects")
    if not records:
        raise ReadError(path, "no article records")
    # a JSON Lines line that fails to parse has already raised: a file is valid JSON or it is not
    articles = []
    for i, record in enumerate(records):
        where = f"record {i + 1}"
        problem = None
        body = _first(record, fields.body) if isinstance(record, dict) else None
        if not isinstance(record, dict):
            problem = f"{where} is not a JSON object"
        elif not isinstance(body, str) or not body.strip():
            problem = f"{where} has no text in any of the fields {list(fields.body)}"
        if problem:
            if errors is None:
                raise ReadError(path, problem)
            errors.append(ReadError(path, problem))
            continue
        rid = _first(record, fields.id)
        articles.append(
            Article(
                text=body,
                id=str(rid) if rid is not None else (path.stem if len(records) == 1 else f"{path.stem}#{i + 1}"),
                path=str(path),
                format="jsonl" if lines else "json",
                title=_str(_first(record, fields.title)),
                outlet=_str(_first(record, fields.outlet)),
                url=_str(_first(record, fields.url)),
                date=_str(_first(record, fields.date)),
                author=_str(_first(record, fields.author)),
                extra={"record": i},
            )
        )
    return articles


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for k in keys:
        v = record.get(k)
        if v not in (None, ""):
            return v
    return None


def _str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


def _one_line(e: Exception) -> str:
    return " ".join(str(e).split())
