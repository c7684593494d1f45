"""Settings: one typed, frozen value per run, resolved once from the defaults, the configuration
file (``checker.config``) and the command line (flags win), and used by every command: ``check``,
``lookup``, ``suggest`` and ``translate`` load the same termbase layers and switch off the same
rules.

The command line hands its flags over as plain values (``None``: not given); nothing here parses
arguments, reads drafts or prints. Settings that need the termbase (language codes in its
spelling, house styles) are checked in ``check_options``, which turns the settings into the
engine's ``CheckOptions``. An option the user gave wrongly is an ``OptionError`` naming it, so
that the command line can show it as a usage error on that option.

One meaning per name: ``lang`` is always the language of the drafts and translation targets
(``lookup --lang`` chooses which forms to show, and is no setting); ``use_cache`` (``--no-cache``
turns it off) covers every cache a command reads: the compiled index, the word lists and
language model, and the translations of a machine translation provider; ``rules`` are the rules
a run checks, the configuration's switched off left out, then ``--select`` and ``--ignore``
applied (rule codes in any case).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from glossary import Termbase
from glossary.profiles import Profile, ProfileError, find_profile

from .config import OFF, Config, discover, glob_match, load_config, parse_size
from .engine import AUTO, DEFAULT_MAX_FINDINGS, CheckOptions
from .errors import UsageError
from .findings import Severity
from .inputs import DEFAULT_MAX_FILE_SIZE
from .language import language_name, region_of, resolve_code
from .limits import DEFAULT_MAX_MEMORY, DEFAULT_TIMEOUT
from .rules import RULES, Rule, find_rule, unknown_rule
from .styles import StyleChooser, house_styles

DEFAULT_FAIL_ON = Severity("warning")
DEFAULT_SCOPE = "files"


class OptionError(UsageError):
    """A command-line option whose value cannot be used: ``option`` names it (``--lang``),
    ``reason`` says why."""

    def __init__(self, option: str, reason: str):
        self.option = option
        self.reason = reason
        super().__init__(f"{option}: {reason}")


@dataclass(frozen=True)
class Settings:
    """What a run of any command uses, the command line over the configuration over the
    defaults. Language codes are as given (``FR``, ``fr-CA``): ``check_options`` puts them in
    the termbase's spelling once it is loaded."""

    # The configuration file's settings, kept for what is per path (languages, styles and
    # excludes by glob); an empty Config when there is no file.
    config: Config = field(default_factory=Config)
    # Termbase layers (later win); empty: the embedded default.
    terms: tuple[str, ...] = ()
    # Language of the drafts and translation targets (None: the configuration's, else auto).
    lang: str | None = None
    default_lang: str | None = None
    source_lang: str | None = None
    include_fuzzy: bool = False
    # Report term-mismatch's review hints (CheckOptions.review_hints).
    review_hints: bool = False
    fail_on: Severity = DEFAULT_FAIL_ON
    # Globs from the command line; the configuration's are in ``config.exclude``.
    exclude: tuple[str, ...] = ()
    # Rules to run: the configuration's switched off left out, then --select and --ignore.
    rules: tuple[Rule, ...] = RULES
    # Severity of a rule's findings instead of its default (from the configuration).
    severities: tuple[tuple[str, Severity], ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_memory: int = DEFAULT_MAX_MEMORY
    max_findings: int = DEFAULT_MAX_FINDINGS
    # House styles from the command line (--style); the configuration's are in ``config``.
    styles: tuple[str, ...] = ()
    use_cache: bool = True
    index_file: str | None = None
    stdin_filename: str | None = None
    # What the consistency rules look across: each file (files) or all of them (project).
    scope: str = DEFAULT_SCOPE
    # The machine translation provider translate calls (None: none was named; it calls none).
    provider: str | None = None
    debug: bool = False

    @property
    def rule_codes(self) -> tuple[str, ...]:
        return tuple(rule.code for rule in self.rules)


def resolve_settings(*, config_path: str | Path | None = None, start: Path | None = None,
                     terms: Sequence[str] = (), lang: str | None = None,
                     default_lang: str | None = None, source_lang: str | None = None,
                     include_fuzzy: bool | None = None, review_hints: bool | None = None,
                     fail_on: str | None = None,
                     exclude: Sequence[str] = (), timeout: float | None = None,
                     max_file_size: str | None = None, max_memory: str | None = None,
                     max_findings: int | None = None, styles: Sequence[str] = (),
                     no_cache: bool = False, index_file: str | None = None,
                     stdin_filename: str | None = None, select: Sequence[str] = (),
                     ignore: Sequence[str] = (), scope: str | None = None,
                     provider: str | None = None, debug: bool = False) -> Settings:
    """The settings of a run: the configuration file ``config_path`` (else the one found upward
    from ``start``, the working folder) under the flags given (``None`` or empty: not given).
    ``select`` and ``ignore`` are rule codes, each value possibly a comma-separated list.
    Raises ``ConfigError`` naming the file and line of a wrong setting, or ``OptionError``
    naming the option of a wrong size or an unknown rule."""
    config = load_config(Path(config_path)) if config_path else discover(start)
    return Settings(
        config=config,
        terms=tuple(terms) or tuple(config.terms),
        lang=lang, default_lang=default_lang, source_lang=source_lang,
        include_fuzzy=bool(include_fuzzy if include_fuzzy is not None
                           else config.include_fuzzy),
        review_hints=bool(review_hints if review_hints is not None else config.review_hints),
        fail_on=Severity(fail_on or config.fail_on or str(DEFAULT_FAIL_ON)),
        exclude=tuple(exclude),
        rules=selected_rules(config, select, ignore),
        scope=(scope or config.scope or DEFAULT_SCOPE).lower(),
        provider=(provider or config.provider or None),
        severities=tuple((code, Severity(level)) for code, level in config.rules.items()
                         if level != OFF),
        timeout=timeout if timeout is not None else (
            config.timeout if config.timeout is not None else DEFAULT_TIMEOUT),
        max_file_size=(parse_size(max_file_size, "--max-file-size") if max_file_size
                       else config.max_file_size or DEFAULT_MAX_FILE_SIZE),
        max_memory=(DEFAULT_MAX_MEMORY if max_memory is None else
                    0 if max_memory.strip() == "0" else parse_size(max_memory, "--max-memory")),
        max_findings=DEFAULT_MAX_FINDINGS if max_findings is None else max_findings,
        styles=tuple(styles), use_cache=not no_cache, index_file=index_file,
        stdin_filename=stdin_filename, debug=debug)


def named_rules(values: Sequence[str], option: str) -> list[Rule]:
    """The rules that ``values`` name (``--select typo,CAPITALIZATION --select avoid``): codes
    in any case, several to a value with commas. Raises ``OptionError`` naming ``option`` for
    a code that names no rule."""
    found = []
    for value in values:
        for code in value.split(","):
            if not code.strip():
                continue
            rule = find_rule(code)
            if rule is None:
                raise OptionError(option, unknown_rule(code.strip()))
            found.append(rule)
    return found


def selected_rules(config: Config, select: Sequence[str] = (),
                   ignore: Sequence[str] = ()) -> tuple[Rule, ...]:
    """The rules a run checks, in priority order. ``select`` given: exactly those, the
    configuration's ``off`` notwithstanding (the command line wins); else every rule the
    configuration leaves on. Then ``ignore`` is left out."""
    chosen = named_rules(select, "--select")
    ignored = {rule.code for rule in named_rules(ignore, "--ignore")}
    if chosen:
        codes = {rule.code for rule in chosen}
        rules = [r for r in RULES if r.code in codes]
    else:
        rules = [r for r in RULES if config.rules.get(r.code) != OFF]
    return tuple(r for r in rules if r.code not in ignored)


def check_options(settings: Settings, termbase: Termbase) -> CheckOptions:
    """The engine's options for ``settings`` and the loaded ``termbase``. Every language code
    is put in the termbase's spelling (``FR``, ``fr-FR`` are ``fr``); one the termbase has no
    forms for is an error (``ConfigError`` for the configuration's, ``OptionError`` for a
    flag's), never a check that silently finds nothing."""
    config = settings.config
    known = tuple(termbase.languages)
    config.resolve_languages(known)

    def resolved(code: str | None, option: str) -> str | None:
        if code is None:
            return None
        if option == "--lang" and code.strip().lower() == AUTO:
            return AUTO
        found, reason = resolve_code(code, known)
        if found is None:
            raise OptionError(option, reason)
        return found

    flag = settings.lang
    flag_region = region_of(flag) if flag and flag.strip().lower() != AUTO else None
    # The region of the language setting that wins: the flag's, else the configuration's.
    region = flag_region if flag is not None else config.regions.get("lang")
    lang = resolved(flag, "--lang") or config.lang or AUTO
    default_lang = resolved(settings.default_lang, "--default-lang") or config.default_lang \
        or "fr"
    source_lang = resolved(settings.source_lang, "--source-lang") or config.source_lang
    if default_lang not in known:  # the built-in "fr", with a termbase that has no French
        raise OptionError("--default-lang", resolve_code(default_lang, known)[1])
    flagged = settings.exclude

    def excluded(path: str) -> bool:
        return config.excluded(path) or any(glob_match(config.relative(path), p)
                                            for p in flagged)

    return CheckOptions(
        lang=lang, default_lang=default_lang, source_lang=source_lang,
        include_fuzzy=settings.include_fuzzy, rules=settings.rules,
        severities=settings.severities,
        language_for=config.language_for if config.languages else None,
        excluded=excluded if [*config.exclude, *flagged] else None,
        stdin_name=settings.stdin_filename, timeout=settings.timeout,
        max_file_size=settings.max_file_size, max_memory=settings.max_memory,
        max_findings=settings.max_findings,
        styles=style_chooser(termbase, config, settings.styles, flag_region),
        region=region,
        region_for=config.region_for if config.regions else None,
        scope=settings.scope, review_hints=settings.review_hints, debug=settings.debug)


def style_chooser(termbase: Termbase, config: Config, flags: Sequence[str],
                  flag_region: str | None) -> StyleChooser:
    """The house styles of a run: ``--style`` values, then the configuration's ``style`` and
    ``styles`` (checked here, against the termbase, with the file and line of each)."""
    extra: list[Profile] = []

    def profiles(names: Sequence[str], where: str, base: Path | None) -> tuple[str, ...]:
        ids: list[str] = []
        languages: dict[str, str] = {}
        for name in names:
            try:
                profile = find_profile(name, base)
            except ProfileError as exc:
                raise ProfileError([replace(p, message=f"{p.message} (given by {where})")
                                    if p.path == name else p for p in exc.problems]) from None
            if profile.language in languages:
                raise OptionError(
                    where, f"'{languages[profile.language]}' and '{name}' are both "
                           f"{language_name(profile.language)} house styles; give one per "
                           f"language")
            languages[profile.language] = name
            if not profile.shipped:
                extra.append(profile)
            ids.append(profile.id)
        return tuple(ids)

    base = config.style_base()
    flag_ids = profiles(flags, "--style", None)
    config_ids = profiles(config.style, config.where.get("style", "the configuration"), base)
    per_glob = [(pattern, profiles(names, config.where.get(f"styles.{pattern}", pattern), base))
                for pattern, names in config.styles.items()]
    return StyleChooser(house_styles(termbase, extra), flag_ids, flag_region, config_ids,
                        per_glob, config.matches)
