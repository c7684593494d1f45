"""Configuration: ``[tool.termcheck]`` in ``pyproject.toml`` or a ``termcheck.toml``, found upward
from the working folder. Command-line flags win over it.

```toml
[tool.termcheck]                 # in termcheck.toml: top level, no table header needed
terms = ["default", "house.yaml"]    # relative to the configuration file
lang = "auto"
default-lang = "fr"
source-lang = "en"
fail-on = "warning"
exclude = ["archive/**", "*.draft.md"]
style = "fr-FR"                  # house style: a shipped profile or a profile file; a list
                                 # gives one per language (["fr-CA", "en-US"])
scope = "files"                  # or "project": consistency across every file checked together
provider = "deepl"               # the machine translation provider of translate (none: it
                                 # calls no online service unless --provider names one)
include-fuzzy = false
review-hints = false             # true: term-mismatch's hints for a reviewer (info)
timeout = 60                     # seconds per file, 0 for no limit
max-file-size = "20MB"

[tool.termcheck.languages]       # per-glob languages, first match wins
"*.fr.md" = "fr"
"en/**" = "en"

[tool.termcheck.styles]          # per-glob house styles, first match wins
"quebec/**" = "fr-CA"

[tool.termcheck.rules]           # off, or a severity
typo = "off"
sentence-case = "info"
```
Unknown keys and wrong values are errors naming the file and line, never a silent default: a
language code the termbase does not carry (``xx``, ``fra``) is an error, and so is a timeout that
is not a finite number of seconds, a size past ``MAX_FILE_SIZE``, a list item that is not a
string. Case and region variants of a termbase language (``FR``, ``fr-FR``, ``fr_CA``) stand
for it, as language tags are not case sensitive; the region of such a tag selects a house
style (``checker.styles``). Style names are checked once the termbase is loaded
(``checker.styles``), with the file and line of the setting.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path, PurePath
from typing import Any

import regex

from .errors import CheckerError
from .findings import Severity
from .language import region_of, resolve_code
from .rules import find_rule, unknown_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILES = ("termcheck.toml", "pyproject.toml")
OFF = "off"
AUTO = "auto"
# What the consistency rules look across (--scope): each file alone, or every file checked
# together (a series of articles, a book in chapters).
SCOPES = ("files", "project")
# The machine translation providers (checker.tools.providers.PROVIDERS, which a test holds
# equal; not imported from there, so that a check's startup loads no provider module).
PROVIDERS = ("google", "mymemory", "deepl", "libre")
# A per-file time budget past a day is no budget (0 says "no limit" plainly); past this, the
# interval timer overflows the platform's time_t.
MAX_TIMEOUT = 86_400.0  # seconds
# Larger files are not drafts, and reading one whole into memory would break the check's
# memory bound; past sys.maxsize a read cannot even be asked for.
MAX_FILE_SIZE = 10**9  # bytes
# A language tag as BCP 47 writes it (``fr``, ``fr-CA``, ``fr_FR``, ``zh-Hant-TW``): checked
# here, before the termbase is loaded; whether the termbase carries it is checked in
# ``Config.resolve_languages``.
_LANGUAGE_TAG = regex.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


class ConfigError(CheckerError):
    """A configuration file that cannot be used, with the file and line to fix."""


@dataclass
class Config:
    """Settings from a configuration file (all optional); ``path`` is where they came from."""

    path: Path | None = None
    terms: list[str] = field(default_factory=list)
    lang: str | None = None
    default_lang: str | None = None
    source_lang: str | None = None
    fail_on: str | None = None
    include_fuzzy: bool | None = None
    review_hints: bool | None = None
    exclude: list[str] = field(default_factory=list)
    languages: dict[str, str] = field(default_factory=dict)
    rules: dict[str, str] = field(default_factory=dict)
    timeout: float | None = None
    max_file_size: int | None = None
    # House styles: profile names (shipped ids, or files relative to the configuration).
    style: list[str] = field(default_factory=list)
    styles: dict[str, list[str]] = field(default_factory=dict)
    # files | project (SCOPES); the machine translation provider of translate (PROVIDERS).
    scope: str | None = None
    provider: str | None = None
    # Regions of the language settings (lang = "fr-CA"; a glob's "fr-CA"), kept when the
    # settings are put in the termbase's spelling (fr).
    regions: dict[str, str] = field(default_factory=dict)
    # "file:line" of each language setting (lang, default-lang, source-lang, and each glob of
    # the languages table), for errors found once the termbase is known.
    where: dict[str, str] = field(default_factory=dict)

    def resolve_languages(self, known: tuple[str, ...] | list[str]) -> None:
        """Put every language setting in the termbase's spelling (``FR`` and ``fr-FR`` are
        ``fr``). Raises ``ConfigError`` naming the file and line of each code the termbase has
        no forms for: checking such files would silently find nothing."""
        errors = []

        def resolve(code: str, where: str, what: str, name: str) -> str:
            resolved, reason = resolve_code(code, known)
            if resolved is None:
                errors.append(f"{where}: {what}: {reason}")
                return code
            region = region_of(code)
            if region:
                self.regions[name] = region
            return resolved

        for key in ("lang", "default_lang", "source_lang"):
            code = getattr(self, key)
            if code is not None and code != AUTO:
                name = key.replace("_", "-")
                setattr(self, key, resolve(code, self.where.get(name, str(self.path)),
                                           f"'{name}'", name))
        self.languages = {
            pattern: resolve(code, self.where.get(f"languages.{pattern}", str(self.path)),
                             f"the language of '{pattern}'", f"languages.{pattern}")
            for pattern, code in self.languages.items()}
        if errors:
            raise ConfigError("\n".join(errors))

    def language_for(self, path: str) -> str | None:
        """The language the per-glob table gives a path (matched on the whole relative path
        and on the file name), or None."""
        relative = self.relative(path)
        for pattern, lang in self.languages.items():
            if glob_match(relative, pattern):
                return lang
        return None

    def region_for(self, path: str) -> str | None:
        """The region of the language the per-glob table gives a path (``"*.ca.md" =
        "fr-CA"``), else of ``lang``, or None."""
        relative = self.relative(path)
        for pattern in self.languages:
            if glob_match(relative, pattern):
                return self.regions.get(f"languages.{pattern}")
        return self.regions.get("lang")

    def matches(self, path: str, pattern: str) -> bool:
        """Whether a glob of the configuration (relative to its folder) takes in ``path``."""
        return glob_match(self.relative(path), pattern)

    def style_base(self) -> Path | None:
        """The folder profile files named in the configuration are relative to."""
        return self.path.parent if self.path else None

    def excluded(self, path: str) -> bool:
        relative = self.relative(path)
        return any(glob_match(relative, pattern) for pattern in self.exclude)

    def relative(self, path: str) -> str:
        base = self.path.parent if self.path else Path.cwd()
        try:
            return Path(path).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            return PurePath(path).as_posix()


def glob_match(relative: str, pattern: str) -> bool:
    if "/" not in pattern:
        return fnmatch(PurePath(relative).name, pattern)
    if pattern.endswith("/**"):
        return relative.startswith(pattern[:-3] + "/") or relative == pattern[:-3]
    return fnmatch(relative, pattern)


def find_config(start: Path | None = None) -> Path | None:
    """The nearest ``termcheck.toml``, or ``pyproject.toml`` with a ``[tool.termcheck]`` table,
    in ``start`` (the working folder) or above it."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file() and (name == "termcheck.toml" or _has_tool_table(path)):
                return path
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return regex.search(r"(?m)^\s*\[tool\.termcheck(?:\.|\])", path.read_text("utf-8")) \
            is not None
    except (OSError, UnicodeDecodeError):
        return False


_KEYS: dict[str, Any] = {  # a type or a tuple of types, as isinstance takes
    "terms": list, "lang": str, "default-lang": str, "source-lang": str, "fail-on": str,
    "include-fuzzy": bool, "review-hints": bool, "exclude": list, "languages": dict,
    "rules": dict,
    "timeout": (int, float), "max-file-size": (int, str), "style": (str, list),
    "styles": dict, "scope": str, "provider": str,
}
_TYPE_NAMES = {list: "list", str: "string", bool: "true or false", dict: "table",
               (int, float): "number of seconds", (int, str): "size (bytes, or \"20MB\")",
               (str, list): "profile name or a list of them (e.g. \"fr-CA\")"}
_SIZE = regex.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", regex.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 10**3, "kb": 10**3, "m": 10**6, "mb": 10**6, "g": 10**9,
          "gb": 10**9, "ki": 2**10, "kib": 2**10, "mi": 2**20, "mib": 2**20, "gi": 2**30,
          "gib": 2**30}


def parse_size(value: str | int, where: str) -> int:
    """Bytes of a size written ``20000000``, ``500kB``, ``20MB`` or ``1GiB``. Raises
    ``ConfigError`` naming ``where`` (an option or a file and line)."""
    if isinstance(value, int) and not isinstance(value, bool):
        size = value
    else:
        match = _SIZE.match(str(value))
        if not match:
            raise ConfigError(f"{where}: '{value}' is not a size; write bytes or a number with "
                              f"kB, MB or GB (e.g. 20MB)")
        number = float(match.group(1)) * _UNITS[(match.group(2) or "").lower()]
        size = int(number) if math.isfinite(number) else MAX_FILE_SIZE + 1
    if size <= 0:
        raise ConfigError(f"{where}: the size must be more than 0")
    if size > MAX_FILE_SIZE:
        shown = str(value) if len(str(value)) <= 30 else f"{str(value)[:20]}…"
        raise ConfigError(f"{where}: '{shown}' is more than termcheck can check (at most "
                          f"{MAX_FILE_SIZE // 10**9}GB); a draft is far smaller")
    return size


def check_timeout(value: float, where: str) -> float:
    """Seconds of a time budget: a finite number from 0 (no limit) to ``MAX_TIMEOUT``. Raises
    ``ConfigError`` naming ``where`` (an option or a file and line)."""
    if not math.isfinite(value) or value < 0:
        raise ConfigError(f"{where}: the timeout must be a number of seconds, or 0 for no "
                          f"limit (not {value})")
    if value > MAX_TIMEOUT:
        raise ConfigError(f"{where}: a timeout of {value:g} s is more than a day; write 0 for "
                          f"no limit, or at most {MAX_TIMEOUT:g} seconds")
    return float(value)


def check_language_tag(value: str, where: str, *, auto: bool = False) -> str:
    """A language code written as a language tag (``fr``, ``fr-CA``), or ``auto`` where
    allowed. Raises ``ConfigError`` naming ``where``."""
    if auto and value.strip().lower() == AUTO:
        return AUTO
    if not _LANGUAGE_TAG.match(value.strip()):
        raise ConfigError(f"{where}: '{value}' is not a language code; write a code such as "
                          f"'fr' or 'en'{' (or auto)' if auto else ''}")
    return value.strip()


def load_config(path: Path) -> Config:
    """Read and check a configuration file. Raises ``ConfigError`` naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: is not valid UTF-8 (byte {exc.start}); save it as "
                          "UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: the configuration cannot be read "
                          f"({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("termcheck", {})
        prefix = "tool.termcheck"
    else:
        table, prefix = data, ""
    config = Config(path=path)
    errors = []

    def where(key: str) -> str:
        return f"{path}:{_line_of(text, prefix, key)}"

    for key, value in table.items():
        kind = _KEYS.get(key)
        if kind is None:
            errors.append(f"{where(key)}: unknown key '{key}' (known: {', '.join(_KEYS)})")
            continue
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            errors.append(f"{where(key)}: '{key}' must be a {_TYPE_NAMES[kind]}")
            continue
        attr = key.replace("-", "_")
        if key in ("terms", "exclude") and not all(isinstance(v, str) and v for v in value):
            what = "termbase files" if key == "terms" else "globs"
            example = '["default", "house.yaml"]' if key == "terms" else '["archive/**"]'
            errors.append(f"{where(key)}: '{key}' must be a list of {what}, each a string in "
                          f"quotes (e.g. {example})")
        elif key == "terms":
            base = path.parent
            setattr(config, attr, [v if v == "default" else str(base / v) for v in value])
        elif key in ("lang", "default-lang", "source-lang"):
            try:
                setattr(config, attr, check_language_tag(value, where(key), auto=key == "lang"))
                config.where[key] = where(key)
            except ConfigError as exc:
                errors.append(str(exc))
        elif key == "languages":
            for pattern, code in value.items():
                at = f"{path}:{_line_of(text, prefix, pattern, _line_of(text, prefix, key))}"
                if not isinstance(code, str):
                    errors.append(f"{at}: the language of '{pattern}' must be a language code "
                                  f"in quotes (e.g. \"fr\")")
                    continue
                try:
                    config.languages[pattern] = check_language_tag(code, at)
                    config.where[f"languages.{pattern}"] = at
                except ConfigError as exc:
                    errors.append(str(exc))
        elif key == "fail-on" and value not in [str(s) for s in Severity]:
            errors.append(f"{where(key)}: fail-on must be error, warning or info")
        elif key in ("scope", "provider"):
            choices = SCOPES if key == "scope" else PROVIDERS
            if value.strip().lower() not in choices:
                errors.append(f"{where(key)}: '{key}' must be {', '.join(choices[:-1])} or "
                              f"{choices[-1]} (not '{value}')")
            else:
                setattr(config, attr, value.strip().lower())
        elif key == "rules":
            for code, setting in value.items():
                rule = find_rule(code)  # TYPO = "off": rule codes in any case
                if rule is None:
                    errors.append(f"{where(code)}: {unknown_rule(code)}")
                elif not isinstance(setting, str) or setting.strip().lower() not in (
                        OFF, *[str(s) for s in Severity]):
                    errors.append(f"{where(code)}: rule '{code}' must be off, error, warning "
                                  f"or info")
                else:
                    config.rules[rule.code] = setting.strip().lower()
        elif key == "style":
            names = [value] if isinstance(value, str) else value
            if not names or not all(isinstance(v, str) and v.strip() for v in names):
                errors.append(f"{where(key)}: 'style' must be a profile name or file in quotes, "
                              f"or a list of them (e.g. \"fr-CA\" or [\"fr-CA\", \"en-US\"])")
            else:
                config.style = [v.strip() for v in names]
                config.where["style"] = where(key)
        elif key == "styles":
            for pattern, names in value.items():
                at = f"{path}:{_line_of(text, prefix, pattern, _line_of(text, prefix, key))}"
                names = [names] if isinstance(names, str) else names
                if (not isinstance(names, list) or not names
                        or not all(isinstance(v, str) and v.strip() for v in names)):
                    errors.append(f"{at}: the style of '{pattern}' must be a profile name or "
                                  f"file in quotes (e.g. \"fr-CA\")")
                    continue
                config.styles[pattern] = [v.strip() for v in names]
                config.where[f"styles.{pattern}"] = at
        elif key == "timeout":
            try:
                config.timeout = check_timeout(value, where(key))
            except ConfigError as exc:
                errors.append(str(exc))
        elif key == "max-file-size":
            try:
                config.max_file_size = parse_size(value, where(key))
            except ConfigError as exc:
                errors.append(str(exc))
        else:
            setattr(config, attr, value)
    if errors:
        raise ConfigError("\n".join(errors))
    return config


def _line_of(text: str, prefix: str, key: str, default: int = 1) -> int:
    """The line of ``key`` in the termcheck table of a TOML text (``default`` when not found,
    e.g. a key of an inline table: then the caller gives the line of the table)."""
    lines = text.splitlines()
    in_table = not prefix
    pattern = regex.compile(rf'^\s*"?{regex.escape(key)}"?\s*=')
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = (not prefix) or stripped.lstrip("[").startswith(prefix)
            header = stripped.strip("[]").strip()
            if header.endswith("." + key) or (not prefix and header == key):
                return number
            continue
        if in_table and pattern.match(line):
            return number
    return default


def discover(start: Path | None = None) -> Config:
    """The configuration for the working folder (empty when there is none)."""
    path = find_config(start)
    return load_config(path) if path else Config()
