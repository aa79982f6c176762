"""Loading the declarative knowledge in ``schemas/``: cues, source nouns, boilerplate, outlets.

The YAML files are written the ordinary way (with hamzas, ة…); everything is normalised on load so
the extractor compares normalised text with normalised words.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import regex
import yaml

from .normalise import normalise_text


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LexiconError(Exception):
    """A lexicon file that is missing or malformed. The message names the file."""


def schema_path(name: str) -> Path:
    """The path of a file in ``schemas/`` (installed as ``provenance.schemas``)."""
    return Path(str(resources.files("provenance.schemas").joinpath(name)))


def load_yaml(name: str | Path) -> Any:
    path = Path(name) if isinstance(name, Path) else schema_path(name)
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=_LOADER)  # noqa: S506 - a safe loader, libyaml's when present
    except OSError as e:
        raise LexiconError(f"{path}: cannot be read ({e.strerror or e})") from None
    except yaml.YAMLError as e:
        raise LexiconError(f"{path}: not valid YAML ({' '.join(str(e).split())})") from None


def load_json_schema(name: str) -> dict[str, Any]:
    with open(schema_path(name), encoding="utf-8") as f:
        return json.load(f)


@lru_cache(maxsize=100_000)
def norm(word: str) -> str:
    """Normalise one lexicon entry: the matching form, spaces collapsed. Kept per string (also
    asked of the words of mentions, which recur)."""
    return " ".join(normalise_text(word).split())


def norm_set(words: list[str] | None) -> frozenset[str]:
    return frozenset(norm(w) for w in words or ())


@attrs.frozen
class VerbCue:
    """A reporting verb lemma and what it needs after it to be reporting."""

    lemma: str
    complements: frozenset[str]


@attrs.frozen
class FormInfo:
    """What one normalised surface form is: its lemma and grammatical role."""

    lemma: str
    type: str  # verb | participle | passive | nominal
    complements: frozenset[str] = frozenset()
    refers_back: bool = False
    document_before: bool = False  # «بيانا جاء فيه أن»: the document before the cue is the source
    takes_object: bool = False
    adjacent: bool = False
    agreeing: bool = False  # a plural or dual ending: no subject can follow
    words: frozenset[str] = frozenset()  # for the «word» complement
    not_before: tuple[str, ...] = ()  # a next word starting with one of these: another sense
    named_text: bool = False  # «جاء في البيان»: the phrase after the cue must name a text or a source


_EXTRA: dict[tuple[int, str], frozenset[str]] = {}


def cue_words(lx: Lexicon, key: str) -> frozenset[str]:
    """A list of words from ``schemas/cues.yaml`` the lexicon does not load itself, normalised."""
    k = (id(lx), key)
    got = _EXTRA.get(k)
    if got is None:
        got = _EXTRA[k] = frozenset(norm_set(lx.cues_data.get(key) or []))
    return got


class Lexicon:
    """Cue words, source nouns and boilerplate patterns, loaded once from ``schemas/``."""

    def __init__(self, directory: str | Path | None = None) -> None:
        def load(name: str) -> Any:
            return load_yaml(Path(directory) / name if directory else name)

        self.cues_data = load("cues.yaml")
        self.sources_data = load("sources.yaml")
        self.boilerplate_data = load("boilerplate.yaml")
        self._cue_cache: dict[str, tuple[str, FormInfo] | None] = {}
        self._start_cache: dict[str, bool] = {}
        self._build()

    # -- cues --------------------------------------------------------------------------------

    def _build(self) -> None:
        c = self.cues_data
        try:
            infl = c["inflection"]
            self.verb_clitics = tuple(norm(x) for x in c["clitics"]["verb"])
            self.present_clitics = tuple(norm(x) for x in c["clitics"]["present"])
            self.noun_clitics = tuple(norm(x) for x in c["clitics"]["noun"])
            self.complementisers = norm_set(c["complementisers"])
            self.sentence_continuations = norm_set(c.get("sentence_continuations")) | self.complementisers
            self.negators = norm_set(c["negators"])
            self.not_attributions = tuple(norm(x) for x in c["not_attributions"])
            stops = c["subject_stops"]
            self.channel_nouns = norm_set(stops["channels"])
            self.time_nouns = norm_set(stops["times"])
            self.platform_openers = norm_set(stops["platform_openers"])
            self.platforms = norm_set(stops["platforms"])
            self.stop_words = norm_set(stops["words"])
            self.after_min = norm_set(stops["after_min"])
            self.audiences = norm_set(stops["audiences"])
            self.pronoun_preps = norm_set(stops["pronoun_preps"])
            self.adverbials = norm_set(stops["adverbials"])
            self.recipient_titles = norm_set(c["recipient_titles"])
            self.subject_lead_ins = norm_set(c["subject_lead_ins"])
            self.not_subject_starts = norm_set(c["not_subject_starts"])
            self.nominal_relatives = norm_set(c["nominal_relatives"])
            self.clause_openers = norm_set(c["clause_openers"])
            self.not_cues = norm_set(c["not_cues"])
            self.notable_forms = norm_set(c["notable"]["forms"])
            self.notable_negations = norm_set(c["notable"]["negations"])
            self.prepositions = norm_set(c["prepositions"])
            self.relatives = norm_set(c["relatives"])
            self.not_after_an = norm_set(c["not_after_an"])
            self.object_suffixes = tuple(norm(x) for x in c["object_suffixes"])
            self.relative_objects = {norm(k): tuple(norm(x) for x in v) for k, v in (c.get("relative_objects") or {}).items()}
            self.not_bi = norm_set(c["not_bi"])
            self.strict_forms = norm_set([f for v in c["verbs"] for f in v.get("strict", [])])
            credits = c["credits"]
            self.credit_separators = tuple(credits["separators"])
            self.credit_generic = norm_set(credits["generic"])
            self.credit_labels = norm_set(credits["labels"])
            forms: dict[str, FormInfo] = {}
            agreeing_templates = set(infl["agreeing"])
            for v in c["verbs"]:
                lemma = v["lemma"]
                comps = frozenset(v["complements"])
                obj = bool(v.get("object"))
                adj = bool(v.get("adjacent"))
                needed = norm_set(v.get("words"))
                nb = tuple(norm(x) for x in v.get("not_before", []))
                # (form, agreeing): a plural or dual ending means no subject can follow; «قالا»,
                # «نفيا», «يقولان» are duals, the lemma's own «ا» or «ان» is no ending («دعا», «أبان»)
                words: list[tuple[str, bool]] = [
                    (w, w != lemma and bool(regex.search(r"(وا|ون|تا|ان|ا)$", w))) for w in v.get("forms", [])
                ]
                if "past" in v:
                    words += [(p.format(v["past"]), p in agreeing_templates) for p in infl["past"]]
                if "present" in v:
                    words += [(p.format(v["present"]), p in agreeing_templates) for p in infl["present"]]
                for w, agreeing in words:
                    forms.setdefault(
                        norm(w), FormInfo(
                            lemma, "verb", comps, takes_object=obj, adjacent=adj, agreeing=agreeing, words=needed,
                            not_before=nb,
                        )
                    )
                stems = v.get("participle", [])
                for stem in [stems] if isinstance(stems, str) else stems:  # «ناف» and «نافي»
                    for p in infl["participle"]:
                        forms.setdefault(norm(p.format(stem)), FormInfo(lemma, "participle", comps, words=needed, not_before=nb))
                for w in v.get("passive", []):
                    # an unvocalised passive looks like the active; the extractor decides
                    forms.setdefault(norm(w), FormInfo(lemma, "verb", comps, takes_object=obj, adjacent=adj, words=needed, not_before=nb)
                    )
            self.verb_forms = forms
            nominal: dict[str, FormInfo] = {}
            for n in c["nominal"]:
                for w in n["forms"]:
                    nominal[norm(w)] = FormInfo(
                        n["lemma"], "nominal", refers_back=n.get("source") == "previous",
                        document_before=n.get("source") == "document_before",
                        named_text=n.get("source") == "named_text",
                    )
            self.nominal_forms = nominal
        except (KeyError, TypeError) as e:
            raise LexiconError(f"{schema_path('cues.yaml')}: missing or malformed entry {e}") from None
        s = self.sources_data
        try:
            self.quantifiers = norm_set(s["quantifiers"])
            self.title_quantifiers = norm_set(s.get("title_quantifiers"))
            self.count_nouns = norm_set(s.get("count_nouns"))
            self.singular_demonstratives = norm_set(s["demonstratives"]["singular"])
            self.plural_demonstratives = norm_set(s["demonstratives"]["plural"])
            self.anonymous = {norm(w): kind for kind, words in s["anonymous"].items() for w in words}
            self.security_adjectives = norm_set(s["security_adjectives"])
            self.unnamed_request = tuple(norm(x) for x in s["unnamed_request"])
            self.outlet_nouns = norm_set(s["outlet_nouns"])
            self.wire_nouns = norm_set(s["wire_nouns"])
            self.person_titles = norm_set(s["person_titles"])
            self.places = norm_set(s["places"])
            self.place_nouns = norm_set(s.get("place_nouns"))
            self.where_of_work = norm_set(s.get("where_of_work"))
            self.not_names = norm_set(s["not_names"])
            self.organizations = norm_set(s["organizations"])
            self.documents = norm_set(s["documents"])
            self.document_issuer_links = norm_set(s.get("document_issuer_links"))
            self.document_issuer_after_sadir = norm_set(s.get("document_issuer_after_sadir"))
            self.document_times = norm_set(s.get("document_times"))
            self.addressed_documents = norm_set(s.get("addressed_documents"))
            self.name_particles = norm_set(s.get("name_particles"))
            self.not_sources = norm_set(s["not_sources"])
            self.scripture_speakers = norm_set(s.get("scripture_speakers"))
        except (KeyError, TypeError) as e:
            raise LexiconError(f"{schema_path('sources.yaml')}: missing or malformed entry {e}") from None
        b = self.boilerplate_data
        try:
            self._boilerplate = [regex.compile(norm_pattern(p)) for p in b["patterns"]]
            self._boilerplate_start, self._boilerplate_anywhere = _combine_anchored([norm_pattern(p) for p in b["patterns"]])
            self._tail = [regex.compile(norm_pattern(p)) for p in b["tail_markers"]]
            self._lists = [regex.compile(norm_pattern(p)) for p in b.get("list_markers") or ()]
            self.list_headline_words = int(b.get("list_headline_words", 0))
        except (KeyError, TypeError, ValueError, regex.error) as e:
            raise LexiconError(f"{schema_path('boilerplate.yaml')}: bad pattern ({e})") from None
        # what the lists give once loaded, in this order (each may use those before it): computed
        # here rather than as cached properties, which a compiled class (setup.py) has not
        self.multiword_nominal = self._derive_multiword_nominal()
        self.formula_first_words = self._derive_formula_first_words()
        self.surface_forms = self._derive_surface_forms()
        self.clitics = self._derive_clitics()
        self.trigger = self._derive_trigger()
        self._trigger_words = self._derive_trigger_words()
        self._cue_starts = self._derive_cue_starts()
        self._may_start = self._derive_may_start()
        self.cue_form_words = self._derive_cue_form_words()
        self.source_words = self._derive_source_words()
        self._source_noun_groups = self._derive_source_noun_groups()
        self.nominal_words = self._derive_nominal_words()

    def _derive_multiword_nominal(self) -> dict[str, list[tuple[str, ...]]]:
        """Nominal cue forms by first word, longest first."""
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for form in self.nominal_forms:
            words = tuple(form.split())
            by_first.setdefault(words[0], []).append(words)
        for v in by_first.values():
            v.sort(key=len, reverse=True)
        return by_first

    def _derive_surface_forms(self) -> frozenset[str]:
        """Every word that may start a cue as written without a clitic: verb forms, the first
        words of nominal cues, credit labels."""
        return frozenset(self.verb_forms) | frozenset(self.multiword_nominal) | self.credit_labels | self.credit_generic

    def _derive_clitics(self) -> str:
        """The clitics a cue may carry, as one string of letters."""
        return "".join(sorted(set(self.verb_clitics) | set(self.noun_clitics)))

    def _derive_trigger(self) -> regex.Pattern[str]:
        """One regex that finds every word that may start a cue: a paragraph without a match
        holds no attribution (credits aside)."""
        return regex.compile(
            rf"(?<![\p{{L}}\p{{N}}_])[{self.clitics}]?(?:{_trie(set(self.surface_forms))})(?![\p{{L}}\p{{N}}_])"
        )

    def may_hold_cue(self, text: str, start: int, end: int, words: Collection[str] | None = None) -> bool:
        """Whether :attr:`trigger` finds a match in ``text[start:end]``: the same answer, got by
        looking the words up (a form of several words is left to the regex). ``words``, when
        given, holds every maximal run of letters, digits and «_» of that text (and maybe other
        strings: spaces, marks)."""
        sure, maybe = self._trigger_words
        if words is None:
            words = _WORD_RUN.findall(text, start, end)
        if not sure.isdisjoint(words):
            return True
        if maybe is None or not maybe.isdisjoint(words):
            return self.trigger.search(text, start, end) is not None
        return False

    def _derive_trigger_words(self) -> tuple[frozenset[str], frozenset[str] | None]:
        """The words (clitic included) that are a whole match of :attr:`trigger`, and those that
        only start one (the first word of a form of several words); ``None`` for the latter when
        a form does not start with a word, so that only the regex can tell."""
        sure: set[str] = set()
        maybe: set[str] = set()
        for form in self.surface_forms:
            first = _WORD_RUN.match(form)
            if first is None:
                return frozenset(), None
            (sure if first.end() == len(form) else maybe).add(first.group())
        if any(not _WORD_RUN.fullmatch(c) for c in self.clitics):
            return frozenset(), None
        def with_clitics(words: set[str]) -> frozenset[str]:
            return frozenset(words | {c + w for c in self.clitics for w in words})
        return with_clitics(sure), with_clitics(maybe)

    def _derive_cue_starts(self) -> frozenset[str]:
        return frozenset(self.verb_forms) | frozenset(self.multiword_nominal) | self.formula_first_words

    def may_start_cue(self, word: str) -> bool:
        """A quick test: can ``word`` (maybe with a clitic) start a cue or a formula?

        Asked of every word of every paragraph that holds a cue, so the answer is kept per word."""
        if word not in self._may_start:
            return False
        try:
            return self._start_cache[word]
        except KeyError:
            pass
        starts = self._cue_starts
        answer = (
            word in starts
            or (len(word) > 2 and word[0] in "وف" and word[1:] in starts)
            or self.cue_form_with_object(word) is not None
        )
        if len(self._start_cache) < 200_000:
            self._start_cache[word] = answer
        return answer

    def _derive_may_start(self) -> frozenset[str]:
        """Every word :meth:`may_start_cue` accepts, and more: a cue start or a verb form, with or
        without a clitic before it (and the verb form with or without an object pronoun after)."""
        prefixes = {"", "و", "ف", *self.verb_clitics, *self.present_clitics}
        out = {p + f for p in prefixes for f in self._cue_starts}
        out.update(p + f + s for p in prefixes for f in self.verb_forms for s in self.object_suffixes)
        return frozenset(out)

    def cue_starts_among(self, words: set[str]) -> set[str]:
        """The words of ``words`` that :meth:`may_start_cue` accepts (most are ruled out at once
        by a set operation)."""
        return {w for w in words & self._may_start if self.may_start_cue(w)}

    def _derive_formula_first_words(self) -> frozenset[str]:
        return frozenset(f.split()[0] for f in self.not_attributions)

    def _derive_cue_form_words(self) -> frozenset[str]:
        """Every word :meth:`cue_form` may accept, and more (a verb form after any clitic): a
        word outside it is no verb form, which a set lookup tells faster than the method."""
        prefixes = {"", *self.verb_clitics, *self.present_clitics}
        return frozenset(c + f for c in prefixes for f in self.verb_forms)

    def cue_form(self, word: str) -> tuple[str, FormInfo] | None:
        """The verb form in ``word``, with its clitic stripped: ``("و", info)`` for «وقال»."""
        if word not in self.cue_form_words:
            return None
        try:
            return self._cue_cache[word]
        except KeyError:
            pass
        found = self._cue_form(word)
        if len(self._cue_cache) < 200_000:
            self._cue_cache[word] = found
        return found

    def _cue_form(self, word: str) -> tuple[str, FormInfo] | None:
        info = self.verb_forms.get(word)
        if info:
            return "", info
        for c in self.verb_clitics:
            if word.startswith(c) and len(word) > len(c) + 1:
                info = self.verb_forms.get(word[len(c) :])
                if info:
                    return c, info
        for c in self.present_clitics:
            # «ليضيف أن», «ليجيب أحدهم أن»: ل before a present form
            rest = word[len(c) :]
            if word.startswith(c) and rest[:1] in ("ي", "ت") and len(rest) > 2:
                info = self.verb_forms.get(rest)
                if info and info.type == "verb":
                    return c, info
        return None

    def _derive_source_words(self) -> frozenset[str]:
        """Every word the source lexicon knows, to tell a clitic from a first letter."""
        return frozenset(
            w for group in (self.anonymous.keys(), self.outlet_nouns, self.wire_nouns, self.person_titles,
                            self.organizations, self.documents, self.quantifiers)
            for phrase in group for w in phrase.split()
        )

    def head(self, words: list[str]) -> tuple[int, str, str]:
        """The head of a mention: ``(position, head, head and the word after it)``, with
        quantifiers and numbers set aside («أربعة دبلوماسيين» → «دبلوماسيين») and the head in
        the form the lexicons know (:meth:`known_form`)."""
        i = 0
        while i < len(words) - 1 and (words[i] in self.quantifiers or words[i].isdigit()):
            i += 1
        head = self.known_form(words[i])
        return i, head, " ".join([head, *words[i + 1 : i + 2]])

    def is_source_noun(self, head: str, two: str) -> bool:
        """Whether a head (alone or with the next word) is a noun the source lexicon lists:
        anonymous, outlet, wire, title, organisation or document."""
        return any(head in g or two in g for g in self._source_noun_groups)

    def _derive_source_noun_groups(self) -> tuple[Any, ...]:
        return (self.anonymous, self.outlet_nouns, self.wire_nouns, self.person_titles, self.organizations, self.documents)

    def known_form(self, word: str) -> str:
        """``word``, or ``word`` without a leading clitic (و ف ب ل ك, «لل» → «ال») when only that
        form is a known source word."""
        if word in self.source_words:
            return word
        if word.startswith("ال") and word[2:] in self.source_words:
            return word[2:]  # «المواطنون» is looked up as «مواطنون»
        if word.startswith("لل") and "ال" + word[2:] in self.source_words:
            return "ال" + word[2:]
        if len(word) > 2 and word[0] in "وفبلك" and word[1:] in self.source_words:
            return word[1:]
        return word

    def cue_form_with_object(self, word: str) -> tuple[str, FormInfo] | None:
        """Like :meth:`cue_form`, also accepting an object pronoun («ذكره», «نقلته»)."""
        found = self.cue_form(word)
        if found is not None:
            return found
        for suffix in self.object_suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                found = self.cue_form(word[: -len(suffix)])
                if found is not None and found[1].type == "verb":
                    return found
        return None

    def _derive_nominal_words(self) -> frozenset[str]:
        """The words that start a nominal cue, with a clitic (:meth:`strip_noun_clitic`) or not."""
        firsts = self.multiword_nominal
        return frozenset(firsts) | {c + f for c in self.noun_clitics for f in firsts if len(f) > 1}

    def nominal_form(self, word: str) -> FormInfo | None:
        """The one-word nominal cue ``word`` is («بحسب», «وفقا», «حسبما»), a «و» or «ف» before it
        allowed; ``None`` if none."""
        got = self.nominal_forms.get(word)
        if got is None and word[:1] in "وف":
            got = self.nominal_forms.get(word[1:])
        return got

    def strip_noun_clitic(self, word: str) -> tuple[str, str]:
        if word in self.multiword_nominal:
            return "", word
        for c in self.noun_clitics:
            if word.startswith(c) and len(word) > len(c) + 1 and word[len(c) :] in self.multiword_nominal:
                return c, word[len(c) :]
        return "", word

    # -- boilerplate -------------------------------------------------------------------------

    def is_boilerplate(self, paragraph_norm: str) -> bool:
        p = paragraph_norm.strip()
        if not _LETTER.search(p):
            return True  # numbers, dots, rating widgets
        # the patterns anchored at the start as one regex tried there, the others one by one:
        # the same answer as ``any(r.search(p) for r in self._boilerplate)``, several times faster
        if self._boilerplate_start is not None and self._boilerplate_start.match(p):
            return True
        # a pattern is searched only in a paragraph that holds the literal text it needs
        return any(needed in p and r.search(p) for needed, r in self._boilerplate_anywhere)

    def is_tail_marker(self, paragraph_norm: str) -> bool:
        p = paragraph_norm.strip()
        return any(r.search(p) for r in self._tail)

    def is_list_marker(self, paragraph_norm: str) -> bool:
        """A line that opens a list of related headlines («اقرأ أيضا:»)."""
        p = paragraph_norm.strip()
        return any(r.search(p) for r in self._lists)

    def is_listed_headline(self, paragraph_norm: str) -> bool:
        """A paragraph that reads like a headline in a list of links: a few words, no full stop at
        the end."""
        p = paragraph_norm.strip()
        return 0 < len(p.split()) <= self.list_headline_words and not _ENDS_SENTENCE.search(p)

    def continues_sentence(self, norm: str, start: int, end: int) -> bool:
        """Whether the text at ``start`` continues the previous sentence after a stray stop:
        it starts with a complementiser («في بيان. إن …») or a word that opens no sentence
        (``sentence_continuations``: «… أمريكية. عن مقتل …»)."""
        m = _OPENING_WORD.match(norm, start, end)
        return m is not None and m.group(1) in self.sentence_continuations


def _trie(words: set[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, so matching does not try each word."""
    tree: dict[str, dict] = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            branches.append(regex.escape(ch) + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end else "(?:" + "|".join(branches) + ")"
        return body + ("?" if end and branches else "")

    return emit(tree)


_LETTER = regex.compile(r"\p{L}")
_WORD_RUN = regex.compile(r"[\p{L}\p{N}_]+")  # what the trigger's boundaries delimit
_OPENING_WORD = regex.compile(r"[\"'(]?\s*(\p{L}+)")
_ENDS_SENTENCE = regex.compile(r"\.[\"')\]]*$")


def _combine_anchored(patterns: list[str]) -> tuple[regex.Pattern[str] | None, list[tuple[str, regex.Pattern[str]]]]:
    """Split patterns into those anchored at the start («^…» with no top-level «|», no
    backreference, no group but ``(?:…)``), joined into one regex to be tried with ``match``,
    and the others, compiled one by one for ``search``, each with the literal text every match
    of it holds (:func:`_needed_literal`)."""
    anchored, others = [], []
    for p in patterns:
        compiled = regex.compile(p)  # a bad pattern is reported by itself
        if p.startswith("^") and _needed_literal(p) is not None and not regex.search(r"\\\d|\(\?(?!:)", p):
            anchored.append(f"(?:{p[1:]})")
        else:
            flags = regex.search(r"\(\?[a-zA-Z]", p)  # (?i) and the like: no literal is safe
            others.append(("" if flags else _needed_literal(p) or "", compiled))
    return (regex.compile("|".join(anchored)) if anchored else None), others


_SPECIAL = frozenset(".^$*+?{}[]()|\\")


def _needed_literal(pattern: str) -> str | None:
    """The longest run of plain characters outside every group and class of ``pattern``, which
    every match holds («بالضروره عن » for «(لا|وليس) (تعبر)? ?بالضروره عن (راي|رأي)»); ``None``
    when the pattern has a ``|`` outside every group (no run is needed then)."""
    depth, i, in_class = 0, 0, False
    runs, run = [], ""
    while i < len(pattern):
        c = pattern[i]
        if depth == 0 and not in_class and c not in _SPECIAL:
            run += c
            i += 1
            continue
        if c in "?*{" and run:
            run = run[:-1]  # the last character may be optional
        runs.append(run)
        run = ""
        if c == "\\":
            i += 2
            continue
        if c == "{" and not in_class:
            i = pattern.find("}", i) + 1 or len(pattern)
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return None
        i += 1
    runs.append(run)
    return max(runs, key=len)


def norm_pattern(pattern: str) -> str:
    """Normalise the Arabic letters of a regex pattern, leaving its syntax alone."""
    return regex.sub(r"\p{Arabic}+", lambda m: normalise_text(m.group()), pattern)


@lru_cache(maxsize=4)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in ``schemas/``, loaded once."""
    return Lexicon()
