"""The termbase: schema, loading with line-numbered errors, validation, normalisation, the
compiled index and lookup. Knows terms, never drafts (``checker`` imports it, not the reverse)."""

from .errors import GlossaryError, Problem, TermbaseError, TermbaseNotFound, TermbaseWarning
from .index.compiled import TermIndex
from .lookup import LookupHit, lookup
from .model import CasePolicy, Entry, EntryType, Form, LanguageForms, Origin, Status, Termbase
from .termbase import DEFAULT_NAME, default_termbase_path, load_termbase, validate_files
from .version import VERSION

__all__ = [
    "DEFAULT_NAME",
    "VERSION",
    "CasePolicy",
    "Entry",
    "EntryType",
    "Form",
    "GlossaryError",
    "LanguageForms",
    "LookupHit",
    "Origin",
    "Problem",
    "Status",
    "TermIndex",
    "Termbase",
    "TermbaseError",
    "TermbaseNotFound",
    "TermbaseWarning",
    "default_termbase_path",
    "load_termbase",
    "lookup",
    "validate_files",
]
