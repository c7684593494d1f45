"""The interface's language: which one a run speaks (``--ui-lang``, else the locale in
gettext's order: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``), and the messages in it.

Messages are written in English in the code, marked for extraction (Babel, ``babel.cfg``) and
translated at run time by the standard library's ``gettext`` from the compiled catalogues in
``checker/locale/<lang>/LC_MESSAGES/termcheck.mo``. English, the messages as written, is the
default and the fallback: a message missing from a catalogue is shown in English.

- ``_("'{text}' has wrong capitals").format(text=…)``: a message, translated when it is
  built; named placeholders only, filled after translation, so that a translation may order
  them as its language needs.
- ``ngettext(singular, plural, n)``: a message whose words follow a count.
- ``pgettext(context, message)``: a word translated apart from its other uses.
- ``N_("…")``: a message marked where it is defined (a click help text, a table of labels)
  and translated where it is shown, by ``_`` on the value.

The language is the process's (one run speaks one language; forked workers inherit it):
``use`` sets it, ``using`` sets it for a block. Rule codes, severities, JSON keys and other
identifiers are never translated.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

DOMAIN = "termcheck"
LOCALE_DIR = Path(__file__).parent / "locale"
DEFAULT = "en"
# The interface's languages: English as written in the code, and those with a catalogue.
LANGUAGES = ("en", "fr")
# Where gettext looks for the user's language, in its order: the first one set decides.
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language = DEFAULT
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def parse_language(value: str) -> str | None:
    """The interface language a locale name or language tag asks for (``fr_FR.UTF-8``,
    ``fr-CA``, ``FR``, ``en_GB@euro``: ``fr``, ``fr``, ``fr``, ``en``); ``C`` and ``POSIX``
    ask for English; None for a language termcheck does not speak."""
    name = value.strip().split(".")[0].split("@")[0]
    if name in ("C", "POSIX"):
        return DEFAULT
    base = name.replace("-", "_").split("_")[0].lower()
    return base if base in LANGUAGES else None


def from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The interface language of the locale, as the standard library's gettext finds it: the
    first of ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides;
    ``LANGUAGE`` may list several (``de:fr``), the first termcheck speaks wins. English when
    that variable names no language termcheck speaks, or none is set."""
    environ = os.environ if environ is None else environ
    for variable in ENVIRONMENT:
        value = environ.get(variable)
        if value:
            for name in value.split(":"):
                language = parse_language(name) if name else None
                if language is not None:
                    return language
            return DEFAULT
    return DEFAULT


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    """The compiled catalogue of ``language`` (English: the messages as written)."""
    if language == DEFAULT:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[language], fallback=True)


def use(language: str) -> None:
    """Speak ``language`` (one of ``LANGUAGES``) from now on, in this process."""
    global _language, _catalogue
    if language not in LANGUAGES:
        raise ValueError(f"no interface language {language!r}; choose from {LANGUAGES}")
    _language, _catalogue = language, catalogue(language)


def language() -> str:
    """The language the interface speaks now."""
    return _language


@contextlib.contextmanager
def using(language: str) -> Iterator[None]:
    """Speak ``language`` within the block, then the language spoken before."""
    before = _language
    use(language)
    try:
        yield
    finally:
        use(before)


def _(message: str) -> str:
    """``message`` in the interface's language."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a message that fits ``count``, in the interface's language."""
    return _catalogue.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the interface's language, as meant in ``context`` (a word that is
    translated apart from its other uses: a severity's name)."""
    return _catalogue.pgettext(context, message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue where it is defined; ``_`` translates it where it is
    shown."""
    return message
