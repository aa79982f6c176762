"""Scoring the extractor against a hand-annotated gold set (see ``tests/gold/README.md``).

Metrics:

- detection precision / recall / F1: a predicted attribution matches a gold one when their cue
  spans overlap (each gold attribution matches at most one prediction);
- source accuracy: among matched pairs, the share whose predicted source span contains the gold
  source's head word, at its place or, for a speaker mentioned more than once, as the same word
  elsewhere (for a gold source of ``null``: the prediction has no source either);
- kind accuracy: among matched pairs, the share with the gold kind;
- chain accuracy: among matched pairs, the share whose whole path is right: the source (as
  above) and every intermediary, in order (an inherited article-wide credit is not compared:
  the gold marks only the intermediaries an attribution names itself); chain precision, recall
  and F1 count the attributions whose chain is right against all predicted and all gold ones;
- publisher accuracy: the share of articles whose publisher is the gold one (or both unknown).
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from .extract import Extractor, default_extractor
from .lexicon import load_yaml, norm
from .resolve import default_gazetteer, key_words, strip_clitic
from .models import Attribution
from .readers import ReadError, read_path


class GoldError(Exception):
    """A gold file that does not fit its article. The message names the file."""


@attrs.frozen
class GoldAttribution:
    cue: tuple[int, int]
    source: tuple[int, int] | None
    head: tuple[int, int] | None
    kind: str
    via: tuple[str, ...] = ()
    direct: bool | None = None


@attrs.frozen
class GoldArticle:
    path: Path
    article_path: Path
    attributions: tuple[GoldAttribution, ...]
    outlet: str | None = None


def load_gold(path: str | os.PathLike[str]) -> GoldArticle:
    """Read one gold YAML file and locate every annotation in the article's text."""
    path = Path(path)
    data = load_yaml(path)
    if not isinstance(data, dict) or "article" not in data:
        raise GoldError(f"{path}: expected a mapping with an 'article' key")
    article_path = (path.parent / data["article"]).resolve()
    try:
        articles = read_path(article_path)
    except ReadError as e:
        raise GoldError(f"{path}: {e}") from None
    text = articles[0].text
    out = []
    for n, a in enumerate(data.get("attributions") or [], 1):
        where = f"{path}: attribution {n}"
        ctx = a.get("context") or a["cue"]
        at = text.find(ctx)
        if at < 0 or text.find(ctx, at + 1) >= 0:
            raise GoldError(f"{where}: context {ctx!r} must occur exactly once in the article")
        c = ctx.find(a["cue"])
        if c < 0:
            raise GoldError(f"{where}: cue {a['cue']!r} not inside its context")
        cue = (at + c, at + c + len(a["cue"]))
        source = head = None
        if a.get("source"):
            src = a["source"]
            if a.get("source_context"):
                sc = text.find(a["source_context"])
                if sc < 0:
                    raise GoldError(f"{where}: source_context not found")
                s = text.find(src, sc)
            else:
                s = _nearest(text, src, cue[0])
            if s < 0:
                raise GoldError(f"{where}: source {src!r} not found")
            source = (s, s + len(src))
            h = a.get("head") or src.split()[0]
            hs = src.find(h)
            if hs < 0:
                raise GoldError(f"{where}: head {h!r} not inside source")
            head = (s + hs, s + hs + len(h))
        out.append(
            GoldAttribution(
                cue=cue, source=source, head=head, kind=a.get("kind", "unknown"),
                via=tuple(a.get("via") or ()), direct=a.get("direct"),
            )
        )
    return GoldArticle(path, article_path, tuple(out), data.get("outlet"))


def _nearest(text: str, needle: str, pos: int) -> int:
    best, best_d = -1, None
    i = text.find(needle)
    while i >= 0:
        d = abs(i - pos)
        if best_d is None or d < best_d:
            best, best_d = i, d
        i = text.find(needle, i + 1)
    return best


def gold_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files += sorted(path.glob("*.yaml"))
        else:
            files.append(path)
    return files


@attrs.define
class Score:
    """Counts behind the metrics, addable across articles."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    source_ok: int = 0
    kind_ok: int = 0
    chain_ok: int = 0
    articles: int = 0
    publisher_ok: int = 0
    kinds: Counter[str] = attrs.field(factory=Counter)
    errors: list[dict[str, Any]] = attrs.field(factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.source_ok += other.source_ok
        self.kind_ok += other.kind_ok
        self.chain_ok += other.chain_ok
        self.articles += other.articles
        self.publisher_ok += other.publisher_ok
        self.kinds.update(other.kinds)
        self.errors += other.errors

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return _f1(self.matched, self.predicted, self.gold)

    @property
    def source_accuracy(self) -> float:
        return self.source_ok / self.matched if self.matched else 0.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_ok / self.matched if self.matched else 0.0

    @property
    def chain_accuracy(self) -> float:
        return self.chain_ok / self.matched if self.matched else 0.0

    @property
    def chain_f1(self) -> float:
        return _f1(self.chain_ok, self.predicted, self.gold)

    @property
    def publisher_accuracy(self) -> float:
        return self.publisher_ok / self.articles if self.articles else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles_gold_attributions": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "source_accuracy": round(self.source_accuracy, 4),
            "kind_accuracy": round(self.kind_accuracy, 4),
            "chain_accuracy": round(self.chain_accuracy, 4),
            "chain_f1": round(self.chain_f1, 4),
            "publisher_accuracy": round(self.publisher_accuracy, 4),
        }


def _f1(right: int, predicted: int, gold: int) -> float:
    """F1 of ``right`` hits among ``predicted`` answers and ``gold`` expected ones."""
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score_article(gold: GoldArticle, extractor: Extractor | None = None) -> Score:
    extractor = extractor or default_extractor()
    article = read_path(gold.article_path)[0]
    extraction = extractor.extract_article(article)
    predicted = list(extraction.attributions)
    s = Score(gold=len(gold.attributions), predicted=len(predicted), articles=1)
    got = extraction.publisher.name or extraction.publisher.text if extraction.publisher else None
    if _same_outlet(gold.outlet, got):
        s.publisher_ok = 1
    else:
        s.errors.append({"type": "publisher", "file": gold.path.name, "gold": gold.outlet, "predicted": got})
    used: set[int] = set()
    text = article.text
    for g in gold.attributions:
        match = None
        for n, p in enumerate(predicted):
            if n in used:
                continue
            if p.cue.start < g.cue[1] and g.cue[0] < p.cue.end:
                match = n
                break
        if match is None:
            s.errors.append({"type": "missed", "file": gold.path.name, "cue": text[g.cue[0] : g.cue[1]],
                             "context": text[max(0, g.cue[0] - 40) : g.cue[1] + 60]})
            continue
        used.add(match)
        p = predicted[match]
        s.matched += 1
        if _source_ok(g, p, text):
            s.source_ok += 1
        else:
            s.errors.append({"type": "source", "file": gold.path.name, "cue": p.cue.text,
                             "gold": text[g.source[0] : g.source[1]] if g.source else None,
                             "predicted": p.source.text, "context": text[max(0, p.cue.start - 30) : p.cue.end + 60]})
        if _source_ok(g, p, text) and _via_ok(g.via, p):
            s.chain_ok += 1
        elif _source_ok(g, p, text):
            s.errors.append({"type": "chain", "file": gold.path.name, "cue": p.cue.text, "gold_via": list(g.via),
                             "predicted_via": [v.text for v in p.via if not v.inherited]})
        if g.kind == p.source.kind:
            s.kind_ok += 1
        else:
            s.errors.append({"type": "kind", "file": gold.path.name, "cue": p.cue.text, "gold": g.kind,
                             "predicted": p.source.kind, "source": p.source.text})
        s.kinds[g.kind] += 1
    for n, p in enumerate(predicted):
        if n not in used:
            s.errors.append({"type": "spurious", "file": gold.path.name, "cue": p.cue.text,
                             "context": text[max(0, p.cue.start - 40) : p.cue.end + 60]})
    return s


def _source_ok(g: GoldAttribution, p: Attribution, text: str = "") -> bool:
    """The predicted source contains the gold head word: at its place, or — for a speaker
    mentioned more than once («زوكربرغ» … «وقال زوكربرغ») — as the same word elsewhere."""
    if g.source is None:
        return p.source.text == ""
    assert g.head is not None
    if p.source.start <= g.head[0] and g.head[1] <= p.source.end:
        return True
    head = norm(text[g.head[0] : g.head[1]]) if text else ""
    return bool(head) and head in norm(p.source.text).split()


def _same_outlet(gold: str | None, predicted: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is predicted
    g = default_gazetteer().find(gold)
    return (g.name if g else gold) == predicted


def _via_ok(gold: tuple[str, ...], p: Attribution) -> bool:
    """The attribution's own intermediaries are the gold ones, in order."""
    own = [v for v in p.via if not v.inherited]
    if len(own) != len(gold):
        return False
    gz = default_gazetteer()
    for g, v in zip(gold, own):
        outlet = gz.find(g) or gz.find(strip_clitic(norm(g)))
        if outlet is not None and v.name:
            if outlet.name != v.name:
                return False
        elif not set(key_words(strip_clitic(norm(g)))) & set(key_words(strip_clitic(norm(v.text)))):
            return False
    return True


def evaluate(paths: list[str], extractor: Extractor | None = None) -> Score:
    """Score the extractor on gold files or folders of them."""
    total = Score()
    for f in gold_files(paths):
        total.add(score_article(load_gold(f), extractor))
    return total
