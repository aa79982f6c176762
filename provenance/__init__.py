"""provenance: where Arabic news comes from.

Find every attribution in an Arabic article («نقلت رويترز عن دبلوماسيين قولهم …»), with exact
offsets into the original text::

    >>> import provenance
    >>> result = provenance.extract("ونقلت رويترز عن دبلوماسيين قولهم إن المهمة تجد قبولا.")
    >>> a = result.attributions[0]
    >>> a.source.text, a.source.kind, [v.name for v in a.via]
    ('دبلوماسيين', 'anonymous', ['Reuters'])
"""

from .extract import Extractor, extract
from .models import Article, Attribution, Content, Cue, Extraction, Mention, Publisher, Span
from .normalise import Normalised, normalise, normalise_text
from .readers import JsonFields, ReadError, read_path, read_paths
from .store import IngestReport, Store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Content",
    "Cue",
    "Extraction",
    "Extractor",
    "IngestReport",
    "JsonFields",
    "Mention",
    "Normalised",
    "Publisher",
    "ReadError",
    "Span",
    "Store",
    "extract",
    "normalise",
    "normalise_text",
    "read_path",
    "read_paths",
]
