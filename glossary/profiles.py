"""House-style profiles: how one newsroom writes the names a termbase allows in several ways.

A profile is a small YAML file (the shipped ones are in ``glossary/profiles/``):

```yaml
id: fr-CA                          # what --style and the configuration name it by
name: La Presse canadienne         # how findings name it ("house style: … writes …")
usage: Canadian                    # how findings name its forms ("… is Canadian usage")
language: fr
regions: [CA]                      # a draft tagged fr-CA is checked with it
titles: lower                      # lower | before-name | free
accented-capitals: true            # États-Unis, not Etats-Unis
french-spacing: narrow             # narrow | nbsp: the space French puts before ; ! ? and :
sources: OQLF, Banque de dépannage linguistique; La Presse canadienne
extends: fr-FR                     # optional: another profile's settings, then these
prefer:                            # by entry id: the forms it chooses among the entry's own
  belarus: Bélarus
  united-states: [États-Unis, É.-U.]
writes: [Nations Unies]            # words it capitalises its way inside any form
```

A profile prefers, for each entry, the forms it lists (which must be preferred, accepted or
short forms of the entry in its language), else the termbase's regional choice for one of its
regions (``fr-CA: …`` in a termbase), else the entry's preferred form. ``writes`` gives words
whose capitals it writes its own way wherever a form holds them (``Nations unies`` in a dozen
names of UN bodies). ``french-spacing`` (French profiles only) says which no-break space a
fix writes before ``; ! ?`` and inside ``« »``: ``narrow`` (U+202F, and U+00A0 before ``:``,
as the Imprimerie nationale writes) or ``nbsp`` (U+00A0 everywhere, the default).
Problems (an unknown key, entry, form, rule or language) are errors that name the file and
line; a profile with any problem is not used at all.

Knows termbases (``Termbase``, ``Entry``), never drafts.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .errors import GlossaryError, Problem
from .files import UnreadableFile, read_regular_file
from .langtags import LanguageTag, known_language, split_tag, tag_problem
from .model import Entry, Form, Status, Termbase
from .normalize import casefold, fold_key, nfc

if TYPE_CHECKING:
    from yaml.nodes import Node

TITLE_STYLES = ("lower", "before-name", "free")
FRENCH_SPACINGS = ("narrow", "nbsp")
KEYS = ("id", "name", "usage", "language", "regions", "titles", "accented-capitals",
        "french-spacing", "sources", "extends", "prefer", "writes")
REQUIRED = ("id", "name", "language")
MAX_PROFILE_SIZE = 1_000_000  # bytes: a profile lists choices, never a termbase
_ID = regex.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")
_STR_TAG = "tag:yaml.org,2002:str"
_BOOL_TAG = "tag:yaml.org,2002:bool"
_SPACES = regex.compile(r"\s+")
_REGION = regex.compile(r"^(?:[A-Za-z]{2}|[0-9]{3})$")


class ProfileError(GlossaryError):
    """A profile that cannot be used; ``problems`` says where and why, each with its line."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        count = len(self.problems)
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the house-style "
                         f"profile (it was not used):\n"
                         + "\n".join(f"  {p}" for p in self.problems))


@dataclass(frozen=True)
class Profile:
    """One house style. ``prefer``: entry id -> forms; ``lines``: where each was written."""

    id: str
    name: str
    language: str
    usage: str = ""
    regions: tuple[str, ...] = ()
    titles: str = "lower"
    accented_capitals: bool = False
    # The no-break space French punctuation gets: narrow | nbsp | "" (not said: nbsp).
    french_spacing: str = ""
    sources: str = ""
    prefer: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    writes: tuple[str, ...] = ()
    path: str = ""
    shipped: bool = False
    lines: Mapping[str, int] = field(default_factory=dict, compare=False)

    @property
    def described(self) -> str:
        """How a message names its usage: ``Canadian``, else its name."""
        return self.usage or self.name

    def covers(self, tag: LanguageTag) -> bool:
        return tag.language == self.language and tag.region in self.regions

    def written(self, text: str) -> str:
        """``text`` with the words of ``writes`` capitalised this profile's way."""
        for words in self.writes:
            text = _recapitalised(text, words)
        return text


@lru_cache(maxsize=256)
def _words_pattern(words: str) -> regex.Pattern:
    return regex.compile(r"(?<![\p{L}\p{M}])" + regex.escape(words) + r"(?![\p{L}\p{M}])",
                         regex.IGNORECASE)


def _recapitalised(text: str, words: str) -> str:
    """``text`` with every run of ``words`` in other capitals written as ``words``."""
    def written(match: regex.Match) -> str:
        return words if casefold(match.group()) == casefold(words) else match.group()

    return _words_pattern(words).sub(written, text)


# -- reading ------------------------------------------------------------------------------------
class _Reader:
    """Reads one profile file's nodes, collecting problems with their lines."""

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.problems: list[Problem] = []

    def problem(self, node: Node | None, message: str, entry_id: str | None = None) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(Problem(self.path, line, message, entry_id))

    def text_of(self, node: Node, what: str) -> str | None:
        from yaml.nodes import ScalarNode

        if isinstance(node, ScalarNode) and node.tag == _STR_TAG and node.value.strip():
            if node.value != nfc(node.value):
                self.problem(node, f"{what} '{node.value}' is not in Unicode NFC; retype it")
                return None
            return _SPACES.sub(" ", node.value.strip())
        self.problem(node, f"{what} must be text (in quotes if need be)")
        return None

    def texts_of(self, node: Node, what: str) -> list[str] | None:
        """A text or a list of texts."""
        from yaml.nodes import SequenceNode

        if isinstance(node, SequenceNode):
            values = [self.text_of(item, what) for item in node.value]
            return None if None in values or not values else values  # type: ignore[return-value]
        value = self.text_of(node, what)
        return None if value is None else [value]

    def read(self) -> dict[str, tuple[object, Node]] | None:
        """The profile's settings, checked one by one (not yet against other profiles or a
        termbase), by key, each with its node."""
        # PyYAML is imported only when a profile is read: most checks never read one.
        import yaml
        from yaml.nodes import MappingNode, ScalarNode

        try:
            if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(
                    self.text, Loader=yaml.SafeLoader)):
                self.problem(None, "anchors and aliases (& and *) are not allowed in a profile")
                return None
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        except RecursionError:
            self.problem(None, "the YAML nests too deep; is this a profile?")
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            self.problems.append(Problem(self.path, mark.line + 1 if mark else 0,
                                         f"YAML syntax error: {exc.problem or exc}"))
            return None
        except yaml.YAMLError as exc:
            self.problem(None, f"YAML error: {exc}")
            return None
        if not isinstance(root, MappingNode):
            self.problem(root, "a profile is a mapping with id, name, language, prefer…")
            return None
        settings: dict[str, tuple[object, Node]] = {}
        for key_node, node in root.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if key not in KEYS:
                close = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.6)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.problem(key_node, f"unknown key '{key}'{hint}; a profile holds "
                                       f"{', '.join(KEYS)}")
                continue
            if key in settings:
                self.problem(key_node, f"'{key}' appears twice; keep one")
                continue
            value = self.setting(key, node)
            if value is not None:
                settings[key] = (value, node)
        for key in REQUIRED:
            inherited = key == "language" and "extends" in settings
            if key not in settings and not inherited and not self.problems:
                self.problem(root, f"the profile has no '{key}:'")
        return settings

    def setting(self, key: str, node: Node) -> object | None:
        from yaml.nodes import ScalarNode

        if key == "accented-capitals":
            if isinstance(node, ScalarNode) and node.tag == _BOOL_TAG:
                return node.value.lower() in ("true", "yes", "on")
            self.problem(node, "'accented-capitals' must be true or false")
            return None
        if key == "titles":
            value = self.text_of(node, "'titles'")
            if value is not None and value not in TITLE_STYLES:
                self.problem(node, f"unknown title rule '{value}'; use one of "
                                   f"{', '.join(TITLE_STYLES)}")
                return None
            return value
        if key == "french-spacing":
            value = self.text_of(node, "'french-spacing'")
            if value is not None and value not in FRENCH_SPACINGS:
                self.problem(node, f"unknown French spacing '{value}'; use narrow (U+202F "
                                   "before ; ! ? and inside « », U+00A0 before :) or nbsp "
                                   "(U+00A0 everywhere)")
                return None
            return value
        if key == "language":
            value = self.text_of(node, "'language'")
            if value is None:
                return None
            tag = split_tag(value)
            problem = tag_problem(value)
            if problem or tag is None or tag.region is not None:
                self.problem(node, problem or f"'language' is a language ('{value[:2]}'); "
                                              f"write its regions under 'regions'")
                return None
            return tag.language
        if key == "regions":
            values = self.texts_of(node, "a region")
            if values is None:
                return None
            bad = [value for value in values if not _REGION.match(value)]
            if bad:
                self.problem(node, f"'{bad[0]}' is not a region (write a two-letter code such "
                                   f"as CA or FR)")
                return None
            return tuple(value.upper() for value in values)
        if key == "id":
            value = self.text_of(node, "'id'")
            if value is not None and not _ID.match(value):
                self.problem(node, f"id '{value}' must be letters, digits and hyphens "
                                   f"(e.g. fr-CA, house)")
                return None
            return value
        if key == "prefer":
            return self.read_prefer(node)
        if key == "writes":
            return self.texts_of(node, "a 'writes' item")
        return self.text_of(node, f"'{key}'")  # name, usage, sources, extends

    def read_prefer(self, node: Node) -> dict[str, tuple[tuple[str, ...], int]] | None:
        from yaml.nodes import MappingNode, ScalarNode

        if not isinstance(node, MappingNode):
            self.problem(node, "'prefer' must be a mapping of entry ids to forms")
            return None
        prefer: dict[str, tuple[tuple[str, ...], int]] = {}
        ok = True
        for key_node, value in node.value:
            entry_id = key_node.value if isinstance(key_node, ScalarNode) else None
            if not entry_id:
                self.problem(key_node, "a key of 'prefer' must be an entry id")
                ok = False
                continue
            if entry_id in prefer:
                self.problem(key_node, f"entry '{entry_id}' appears twice under 'prefer'",
                             entry_id)
                ok = False
                continue
            forms = self.texts_of(value, f"a form of '{entry_id}'")
            if forms is None:
                ok = False
                continue
            prefer[entry_id] = (tuple(forms), key_node.start_mark.line + 1)
        return prefer if ok else None


def _read_file(path: str | Path) -> tuple[str, str]:
    shown = str(path)
    try:
        data = read_regular_file(path, MAX_PROFILE_SIZE)
    except FileNotFoundError:
        raise ProfileError([Problem(shown, 0, "house-style profile not found (check --style "
                                              "or the configuration)")]) from None
    except UnreadableFile as exc:
        raise ProfileError([Problem(shown, 0, exc.reason)]) from None
    except OSError as exc:
        raise ProfileError([Problem(shown, 0, f"cannot be read: {exc.strerror}")]) from None
    try:
        return shown, data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ProfileError([Problem(shown, 0, f"is not valid UTF-8 (byte {exc.start})")]) \
            from None


def parse_profile(text: str, path: str, *, shipped: bool = False,
                  known: Mapping[str, Profile] | None = None) -> Profile:
    """The profile a file's ``text`` holds (``known``: the profiles ``extends`` may name).
    Raises ``ProfileError`` listing every problem."""
    reader = _Reader(path, text)
    settings = reader.read()
    if settings is None or reader.problems:
        raise ProfileError(reader.problems)
    base: Profile | None = None
    if "extends" in settings:
        name, node = settings["extends"]
        base = (known or {}).get(canonical_id(str(name)))
        if base is None:
            reader.problem(node, f"'extends' names no shipped profile '{name}' (shipped: "
                                 f"{', '.join(sorted(shipped_profiles()))})")
            raise ProfileError(reader.problems)

    def get(key: str, default: object) -> object:
        if key in settings:
            return settings[key][0]
        return default

    language = str(get("language", base.language if base else ""))
    if base is not None and language != base.language:
        reader.problem(settings["language"][1], f"the profile extends '{base.id}', a "
                                                f"'{base.language}' profile, but is '{language}'")
        raise ProfileError(reader.problems)
    if "french-spacing" in settings and language != "fr":
        reader.problem(settings["french-spacing"][1], f"'french-spacing' is for French "
                                                      f"profiles; this one is '{language}'")
        raise ProfileError(reader.problems)
    prefer: dict[str, tuple[str, ...]] = dict(base.prefer) if base else {}
    lines: dict[str, int] = dict(base.lines) if base else {}
    for entry_id, (forms, line) in dict(get("prefer", {})).items():  # type: ignore[call-overload]
        prefer[entry_id] = forms
        lines[entry_id] = line
    writes = tuple(base.writes if base else ()) + tuple(get("writes", ()))  # type: ignore[arg-type]
    return Profile(
        id=str(get("id", "")), name=str(get("name", "")), language=language,
        usage=str(get("usage", base.usage if base else "")),
        regions=tuple(get("regions", base.regions if base else ())),  # type: ignore[arg-type]
        titles=str(get("titles", base.titles if base else "lower")),
        accented_capitals=bool(get("accented-capitals",
                                   base.accented_capitals if base else False)),
        french_spacing=str(get("french-spacing", base.french_spacing if base else "")),
        sources=str(get("sources", base.sources if base else "")),
        prefer=prefer, writes=writes, path=path, shipped=shipped, lines=lines)


def canonical_id(name: str) -> str:
    """``fr_ca``, ``FR-ca`` -> ``fr-CA`` (ids of regional profiles are language tags); other
    ids as written."""
    tag = split_tag(name)
    if tag is not None and tag.region is not None and known_language(tag.language) and \
            name.replace("_", "-").count("-") == 1:
        return str(tag)
    return name


PROFILE_FOLDER = "profiles"


@lru_cache(maxsize=1)
def shipped_profiles() -> dict[str, Profile]:
    """The profiles shipped in ``glossary/profiles``, by id (read once)."""
    folder = resources.files("glossary").joinpath(PROFILE_FOLDER)
    texts = sorted((item.name, item.read_text("utf-8")) for item in folder.iterdir()
                   if item.name.endswith(".yaml"))
    profiles: dict[str, Profile] = {}
    # Base profiles first: a shipped profile may extend another.
    for name, text in sorted(texts, key=lambda t: "extends:" in t[1]):
        profile = parse_profile(text, f"glossary/profiles/{name}", shipped=True, known=profiles)
        profiles[profile.id] = profile
    return profiles


def find_profile(name: str, base: Path | None = None) -> Profile:
    """The profile ``name`` stands for: a shipped id (``fr-CA``, any case, ``_`` or ``-``) or
    a YAML file (relative to ``base``). Raises ``ProfileError``."""
    shipped = shipped_profiles()
    canonical = canonical_id(name.strip())
    if canonical in shipped:
        return shipped[canonical]
    looks_like_file = name.endswith((".yaml", ".yml")) or "/" in name or "\\" in name
    path = Path(name) if base is None or Path(name).is_absolute() else base / name
    if not looks_like_file and not path.is_file():
        raise ProfileError([Problem(name, 0, f"no house-style profile '{name}' (shipped: "
                                             f"{', '.join(sorted(shipped))}; or give a "
                                             f"profile file, name.yaml)")])
    shown, text = _read_file(path)
    return parse_profile(text, shown, known=shipped)


# -- against a termbase -------------------------------------------------------------------------
def is_short(form: Form) -> bool:
    """A later reference or an abbreviation (ONU, É.-U., U.S.): a choice of one leaves the
    entry's full form as it is."""
    return form.status is Status.SHORT or is_abbreviation(form.text)


def is_abbreviation(text: str) -> bool:
    """One word of capitals, dotted or not: UN, U.S., É.-U."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters) and " " not in text


def variant_key(text: str) -> str:
    """What two spellings of one form share: letters, without case or accents (US, U.S.;
    Nations unies, Nations Unies)."""
    return "".join(c for c in fold_key(text) if c.isalnum())


def check_profile(profile: Profile, entries: Mapping[str, Entry] | Termbase) -> Profile:
    """``profile`` with only the choices ``entries`` (a termbase) allows. For a file of the
    user's, any other choice is an error (``ProfileError``); a shipped profile names entries of
    the default termbase, so against another termbase it keeps the choices that apply."""
    problems: list[Problem] = []
    prefer: dict[str, tuple[str, ...]] = {}
    for entry_id, forms in profile.prefer.items():
        line = profile.lines.get(entry_id, 0)
        entry = entries.get(entry_id)
        if entry is None:
            problems.append(Problem(profile.path, line, f"unknown entry '{entry_id}': the "
                                                        f"termbase has no such id", entry_id))
            continue
        own = entry.languages.get(profile.language)
        usable = {f.text: f for f in own.forms() if f.status is not Status.AVOID} if own else {}
        kept = []
        for text in forms:
            if text in usable:
                kept.append(text)
                continue
            avoided = own is not None and text in own.texts(Status.AVOID)
            why = ("lists it to avoid" if avoided else
                   f"has no such '{profile.language}' form (its forms: "
                   f"{', '.join(usable) or 'none'})")
            problems.append(Problem(profile.path, line, f"'{text}' is not a form the entry "
                                                        f"allows: it {why}", entry_id))
        full = [t for t in kept if not is_short(usable[t])]
        if len(full) > 1:
            problems.append(Problem(profile.path, line, f"prefers {len(full)} full forms "
                                                        f"({', '.join(full)}); choose one, the "
                                                        f"others stay accepted", entry_id))
        if kept:
            prefer[entry_id] = tuple(kept)
    if problems and not profile.shipped:
        raise ProfileError(problems)
    return replace(profile, prefer=prefer)


class HouseStyles:
    """The profiles a run knows (the shipped ones and the user's), checked against one
    termbase: what each prefers for an entry, and which of them writes a form."""

    def __init__(self, profiles: Sequence[Profile] | Callable[[], Iterable[Profile]],
                 termbase: Termbase):
        """``profiles``, or a function that gives them: read on first need, so that a check
        with no house style reads no profile unless a draft needs one."""
        self.termbase = termbase
        self._source = profiles
        self._profiles: dict[str, Profile] | None = None

    @property
    def profiles(self) -> dict[str, Profile]:
        if self._profiles is None:
            source = self._source() if callable(self._source) else self._source
            self._profiles = {p.id: check_profile(p, self.termbase) for p in source}
        return self._profiles

    def get(self, profile_id: str) -> Profile | None:
        return self.profiles.get(profile_id)

    def for_region(self, tag: LanguageTag) -> Profile | None:
        """The profile of a region (``fr-CA``), the user's before the shipped ones."""
        matches = [p for p in self.profiles.values() if p.covers(tag)]
        matches.sort(key=lambda p: p.shipped)
        return matches[0] if matches else None

    def choices(self, profile: Profile, entry: Entry) -> tuple[str, ...]:
        """The forms ``profile`` prefers for ``entry``: its own choices, else its region's
        choice in the termbase, else the entry's preferred form; a choice of a short form
        (an abbreviation) leaves the preferred form preferred."""
        own = entry.languages.get(profile.language)
        if own is None:
            return ()
        chosen = list(profile.prefer.get(entry.id, ()))
        if not chosen:
            chosen = [text for tag, text in entry.regional
                      if (t := split_tag(tag)) is not None and profile.covers(t)][:1]
        shorts = {f.text for f in own.forms() if is_short(f)}
        if not any(text not in shorts for text in chosen):
            chosen.insert(0, own.preferred.text)
        return tuple(chosen)

    def others(self, profile: Profile | None, entry: Entry, text: str) -> list[str]:
        """How findings name the other styles that prefer ``text`` for ``entry``: profiles of
        the language (their usage), and regions the termbase gives it to (``fr-CA``)."""
        language = profile.language if profile else None
        names = [other.described for other in self.profiles.values()
                 if other is not profile and other.language == language
                 and text in self.choices(other, entry)
                 and (profile is None or text not in self.choices(profile, entry))]
        for tag, chosen in entry.regional:
            split = split_tag(tag)
            if (chosen == text and split is not None and split.language == language
                    and (profile is None or not profile.covers(split))
                    and not any(p.covers(split) for p in self.profiles.values())):
                names.append(tag)
        return list(dict.fromkeys(names))

    def writers(self, form_text: str, language: str) -> list[Profile]:
        """The profiles of ``language`` that write ``form_text`` differently (their
        ``writes``)."""
        return [p for p in self.profiles.values()
                if p.language == language and p.written(form_text) != form_text]


def profile_table(profiles: Sequence[Profile], termbase: Termbase) -> str:
    """A Markdown table of every difference between ``profiles`` (one language after another):
    the README's, generated here so that a test holds the two equal."""
    styles = HouseStyles(profiles, termbase)
    lines = []
    for language in dict.fromkeys(p.language for p in profiles):
        group = [styles.profiles[p.id] for p in profiles if p.language == language]
        lines.append("| | " + " | ".join(f"`{p.id}` {p.name}" for p in group) + " |")
        lines.append("|---" * (len(group) + 1) + "|")
        lines.append("| titles | " + " | ".join(_TITLE_WORDS[p.titles] for p in group) + " |")
        lines.append("| accents on capitals | " + " | ".join(
            "required" if p.accented_capitals else "not required" for p in group) + " |")
        if any(p.french_spacing for p in group):
            lines.append("| French spacing | " + " | ".join(
                _SPACING_WORDS[p.french_spacing] for p in group) + " |")
        ids = list(dict.fromkeys(i for p in group for i in p.prefer))
        for entry_id in ids:
            entry = termbase.get(entry_id)
            if entry is None:
                continue
            cells = [", ".join(styles.choices(p, entry)) for p in group]
            if len(set(cells)) > 1:
                lines.append(f"| `{entry_id}` | " + " | ".join(cells) + " |")
        writes = list(dict.fromkeys(casefold(w) for p in group for w in p.writes))
        for folded in writes:
            cells = [next((w for w in p.writes if casefold(w) == folded), "—") for p in group]
            lines.append("| capitals inside names | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


_SPACING_WORDS = {"narrow": "narrow no-break space (U+202F) before `; ! ?` and inside `« »`, "
                             "no-break space (U+00A0) before `:`",
                  "nbsp": "no-break space (U+00A0)", "": "no-break space (U+00A0), not said"}
_TITLE_WORDS = {"lower": "lower case inside a sentence",
                "before-name": "capitalised before a name only",
                "free": "not checked"}
