"""Machine translation providers: the interface termcheck calls, the deep-translator
implementation, a disk cache, and typed errors with one-line messages.

``Provider`` is anything with a ``name`` and ``translate(text, source, target)``; tests pass a
fake. ``get_provider("google")`` gives the real one, wrapped in the cache:

- ``google`` and ``mymemory`` need no key; ``deepl`` reads ``DEEPL_API_KEY`` and ``libre``
  ``LIBRE_API_KEY`` from the environment (``TERMCHECK_LIBRE_URL`` points ``libre`` at another
  LibreTranslate server, e.g. a self-hosted one).
- Each call is bounded by ``TERMCHECK_TRANSLATE_TIMEOUT`` seconds (default 10): deep-translator
  sets no timeout of its own, so the call runs in a daemon thread that is abandoned when late.
- Answers are cached in ``translations.sqlite3`` in the user cache folder (platformdirs;
  ``TERMCHECK_CACHE_DIR`` overrides it), keyed by provider, languages and text, so a second run
  asks the network nothing. A cache that cannot be opened is skipped, never fatal.
- Failures are ``ProviderError`` subclasses whose message is one line naming the provider:
  unreachable (no network), timeout, rate limit, configuration (key, language), or one text
  the service could not translate (``TranslationFailed``, the others may still work).
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Protocol

from glossary.cachedir import FOLDER_MODE, file_problem, shown, usable_folder
from glossary.errors import GlossaryError

PROVIDERS = ("google", "mymemory", "deepl", "libre")
DEFAULT_TIMEOUT = 10.0
CACHE_FILE = "translations.sqlite3"
# deep-translator names of the languages a termbase uses, where they differ from its code.
_DEEPL_CODES = {"en": "en", "fr": "fr", "pt-BR": "pt"}


class ProviderError(GlossaryError):
    """A translation provider failed; the message is one line, naming the provider."""

    def __init__(self, provider: str, message: str):
        self.provider = provider
        super().__init__(f"{provider}: {message}")


class ProviderUnavailable(ProviderError):
    """The service cannot be reached (no network, refused connection, server down)."""


class ProviderTimeout(ProviderError):
    """The service did not answer in time."""


class ProviderRateLimited(ProviderError):
    """The service refuses more requests for now."""


class ProviderConfigError(ProviderError):
    """The provider cannot be used as configured: unknown name, missing or refused key,
    unsupported language."""


class TranslationFailed(ProviderError):
    """One text could not be translated; other texts may still be."""


class Provider(Protocol):
    """What termcheck needs from a machine translation service."""

    name: str

    def translate(self, text: str, source: str, target: str) -> str:
        """``text`` translated from ``source`` to ``target`` (language codes such as fr, en).
        Raises ``ProviderError``."""
        ...


def _timeout(env: Mapping[str, str]) -> float:
    try:
        return float(env.get("TERMCHECK_TRANSLATE_TIMEOUT", DEFAULT_TIMEOUT))
    except ValueError:
        return DEFAULT_TIMEOUT


class DeepTranslatorProvider:
    """A provider of the deep-translator package (google, mymemory, deepl, libre)."""

    def __init__(self, name: str, env: Mapping[str, str] | None = None,
                 timeout: float | None = None):
        if name not in PROVIDERS:
            raise ProviderConfigError(name, f"unknown provider; use one of "
                                            f"{', '.join(PROVIDERS)}")
        self.name = name
        self.env = dict(os.environ if env is None else env)
        self.timeout = _timeout(self.env) if timeout is None else timeout
        self._translators: dict[tuple[str, str], object] = {}

    def _translator(self, source: str, target: str):
        key = (source, target)
        if key in self._translators:
            return self._translators[key]
        import deep_translator
        from deep_translator import exceptions as dt

        try:
            if self.name == "google":
                translator = deep_translator.GoogleTranslator(source=source, target=target)
            elif self.name == "mymemory":
                translator = deep_translator.MyMemoryTranslator(
                    source=_mymemory_code(source), target=_mymemory_code(target))
            elif self.name == "deepl":
                translator = deep_translator.DeeplTranslator(
                    source=_DEEPL_CODES.get(source, source),
                    target=_DEEPL_CODES.get(target, target),
                    api_key=self._key("DEEPL_API_KEY"),
                    use_free_api=self._key("DEEPL_API_KEY").endswith(":fx"))
            else:
                url = self.env.get("TERMCHECK_LIBRE_URL")
                translator = deep_translator.LibreTranslator(
                    source=source, target=target, api_key=self._key("LIBRE_API_KEY"),
                    custom_url=url.rstrip("/") + "/" if url else None)
        except (dt.LanguageNotSupportedException, dt.InvalidSourceOrTargetLanguage):
            raise ProviderConfigError(self.name, f"does not translate {source} to "
                                                 f"{target}") from None
        self._translators[key] = translator
        return translator

    def _key(self, variable: str) -> str:
        key = self.env.get(variable, "").strip()
        if not key:
            raise ProviderConfigError(self.name, f"needs an API key: set {variable} in the "
                                                 f"environment")
        return key

    def translate(self, text: str, source: str, target: str) -> str:
        translator = self._translator(source, target)
        outcome: dict[str, object] = {}

        def call() -> None:
            try:
                outcome["text"] = translator.translate(text)
            except BaseException as exc:  # handed to the caller's thread
                outcome["error"] = exc

        worker = threading.Thread(target=call, name=f"termcheck-{self.name}", daemon=True)
        worker.start()
        worker.join(self.timeout)
        if worker.is_alive():
            raise ProviderTimeout(self.name, f"no answer within {self.timeout:g} s (set "
                                             f"TERMCHECK_TRANSLATE_TIMEOUT to wait longer)")
        if "error" in outcome:
            raise self._error(outcome["error"]) from None  # type: ignore[arg-type]
        result = outcome.get("text")
        if not isinstance(result, str) or not result.strip():
            raise TranslationFailed(self.name, f"no translation for '{_short(text)}'")
        return result

    def _error(self, exc: BaseException) -> ProviderError:
        """The typed, one-line error for what deep-translator or requests raised."""
        import requests
        from deep_translator import exceptions as dt

        name = self.name
        if isinstance(exc, requests.exceptions.Timeout):
            return ProviderTimeout(name, "the service did not answer in time")
        if isinstance(exc, (requests.exceptions.ConnectionError, ConnectionError,
                            dt.RequestError)):
            return ProviderUnavailable(name, f"cannot reach the translation service "
                                             f"({_network_reason(exc)}); check the network or "
                                             f"try another provider")
        if isinstance(exc, dt.TooManyRequests):
            return ProviderRateLimited(name, "too many requests; wait a while or try another "
                                             "provider")
        if isinstance(exc, dt.AuthorizationException):
            return ProviderConfigError(name, "the API key was refused")
        if isinstance(exc, dt.ApiKeyException):
            return ProviderConfigError(name, "needs an API key")
        if isinstance(exc, dt.ServerException):
            if "TOO_MANY_REQUESTS" in str(exc) or "LIMIT_EXCEEDED" in str(exc):
                return ProviderRateLimited(name, "too many requests; wait a while or try "
                                                 "another provider")
            return ProviderUnavailable(name, f"the service answered with an error "
                                             f"({_reason(exc)})")
        if isinstance(exc, (dt.TranslationNotFound, dt.NotValidPayload, dt.NotValidLength,
                            dt.ElementNotFoundInGetRequest)):
            return TranslationFailed(name, f"the service gave no translation "
                                           f"({_reason(exc)})")
        if isinstance(exc, requests.exceptions.RequestException):
            return ProviderUnavailable(name, f"the request failed ({_reason(exc)})")
        return ProviderError(name, f"unexpected failure ({type(exc).__name__}: "
                                   f"{_reason(exc)})")


def _mymemory_code(code: str) -> str:
    """MyMemory wants regional codes (en-GB, fr-FR)."""
    return {"en": "en-GB", "fr": "fr-FR"}.get(code, code)


_ERRNO = re.compile(r"\[Errno -?\d+\] ([^'\")\]]+)")


def _network_reason(exc: BaseException) -> str:
    """What went wrong on the network, in a few words (``Connection refused``)."""
    found = _ERRNO.search(str(exc))
    if found:
        return found.group(1).strip().rstrip(".")
    if "Read timed out" in str(exc):
        return "read timed out"
    return "connection failed"


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return _short(text, 120)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# --- the cache -----------------------------------------------------------------------------------
def cache_dir(env: Mapping[str, str] | None = None) -> Path:
    """Where translations are cached: ``TERMCHECK_CACHE_DIR``, else the user cache folder."""
    env = os.environ if env is None else env
    if env.get("TERMCHECK_CACHE_DIR"):
        return Path(env["TERMCHECK_CACHE_DIR"])
    import platformdirs

    return Path(platformdirs.user_cache_dir("termcheck", appauthor=False))


class TranslationCache:
    """Translations on disk (SQLite: safe with several processes), by provider, languages and
    text. When the file cannot be opened or written, the cache does nothing and ``problem``
    says why."""

    def __init__(self, folder: Path | None = None):
        self.problem: str | None = None
        self._db: sqlite3.Connection | None = None
        folder = cache_dir() if folder is None else folder
        # Like the other caches (glossary.cachedir): a private folder, and a file no other
        # user wrote, or their translations would end up in this user's termbase.
        try:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
            if not usable_folder(folder):
                self.problem = f"translation cache not used ({shown(folder)}: see the warning)"
                return
            with contextlib.suppress(FileNotFoundError):
                problem = file_problem(os.stat(folder / CACHE_FILE))
                if problem is not None:
                    self.problem = (f"translation cache not used ({shown(folder / CACHE_FILE)} "
                                    f"{problem})")
                    return
            self._db = sqlite3.connect(folder / CACHE_FILE, timeout=5)
            self._db.execute("CREATE TABLE IF NOT EXISTS translation (provider TEXT, source "
                             "TEXT, target TEXT, text TEXT, result TEXT, PRIMARY KEY (provider, "
                             "source, target, text))")
        except (OSError, sqlite3.Error) as exc:
            self.problem = f"translation cache not used ({folder}: {exc})"
            self._db = None

    def get(self, provider: str, source: str, target: str, text: str) -> str | None:
        if self._db is None:
            return None
        row = self._db.execute("SELECT result FROM translation WHERE provider = ? AND source = ? "
                               "AND target = ? AND text = ?",
                               (provider, source, target, text)).fetchone()
        return row[0] if row else None

    def put(self, provider: str, source: str, target: str, text: str, result: str) -> None:
        if self._db is None:
            return
        try:
            with self._db:
                self._db.execute("INSERT OR REPLACE INTO translation VALUES (?, ?, ?, ?, ?)",
                                 (provider, source, target, text, result))
        except sqlite3.Error as exc:
            self.problem = f"translation cache not written ({exc})"


class CachedProvider:
    """A provider whose answers are kept in a ``TranslationCache``."""

    def __init__(self, provider: Provider, cache: TranslationCache):
        self.provider = provider
        self.cache = cache
        self.name = provider.name
        self.calls = 0  # requests that reached the provider (the others came from the cache)

    def translate(self, text: str, source: str, target: str) -> str:
        cached = self.cache.get(self.name, source, target, text)
        if cached is not None:
            return cached
        self.calls += 1
        result = self.provider.translate(text, source, target)
        self.cache.put(self.name, source, target, text, result)
        return result


# Tests replace this to hand out fakes; the CLI asks it for providers by name.
ProviderFactory = Callable[[str], Provider]


def get_provider(name: str, cache: bool = True) -> Provider:
    """The deep-translator provider ``name``, behind the disk cache unless ``cache`` is
    false."""
    provider: Provider = DeepTranslatorProvider(name)
    return CachedProvider(provider, TranslationCache()) if cache else provider
