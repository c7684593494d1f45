"""Which house style (``glossary.profiles``) checks a draft.

First match wins, for the draft's language:
1. ``--style`` on the command line (a shipped id such as ``fr-CA``, or a profile file);
2. the region of ``--lang`` (``--lang fr-CA`` checks with the fr-CA profile);
3. ``[tool.termcheck.styles]``, per glob, in the configuration;
4. ``style`` in the configuration;
5. the region of the draft's language as the configuration or the file gives it (``lang =
   "fr-CA"``, a glob of ``[tool.termcheck.languages]``, an XLIFF ``target-language="fr-CA"``).
With none, no profile: the checker keeps the termbase's own choices and flags no house style.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from glossary import Termbase
from glossary.langtags import LanguageTag
from glossary.profiles import HouseStyles, Profile, ProfileError, shipped_profiles


@dataclass
class StyleChooser:
    """The profiles of a run, and which one checks each draft."""

    styles: HouseStyles
    flag: tuple[str, ...] = ()  # profile ids from --style
    flag_region: str | None = None  # region of --lang
    config: tuple[str, ...] = ()  # profile ids from the configuration's style
    per_glob: Sequence[tuple[str, tuple[str, ...]]] = ()  # (glob, ids), first match wins
    match: object = field(default=None, repr=False)  # glob test: (path, pattern) -> bool

    def profile_for(self, path: str, lang: str, region: str | None) -> Profile | None:
        """The profile for a draft at ``path`` checked in ``lang``; ``region``: the region its
        language was given with, if any."""
        found = self._among(self.flag, lang)
        if found is None and self.flag_region:
            found = self.styles.for_region(LanguageTag(lang, self.flag_region))
        if found is None and self.match is not None:
            for pattern, ids in self.per_glob:
                if self.match(path, pattern):  # type: ignore[operator]
                    found = self._among(ids, lang)
                    if found is not None:
                        break
        if found is None:
            found = self._among(self.config, lang)
        if found is None and region:
            found = self.styles.for_region(LanguageTag(lang, region))
        return found

    def _among(self, ids: tuple[str, ...], lang: str) -> Profile | None:
        for profile_id in ids:
            profile = self.styles.get(profile_id)
            if profile is not None and profile.language == lang:
                return profile
        return None


def house_styles(termbase: Termbase, extra: Sequence[Profile]) -> HouseStyles:
    """The shipped profiles and ``extra`` (the user's files), checked against ``termbase``.
    Raises ``ProfileError`` for a profile file of the user's that does not fit it."""
    if not extra:
        return HouseStyles(lambda: shipped_profiles().values(), termbase)
    profiles = {**shipped_profiles()}
    for profile in extra:
        if profile.id in profiles and not profiles[profile.id].path == profile.path \
                and not profiles[profile.id].shipped:
            raise ProfileError([*_clash(profile, profiles[profile.id])])
        profiles[profile.id] = profile
    return HouseStyles(list(profiles.values()), termbase)


def _clash(profile: Profile, other: Profile):
    from glossary import Problem

    yield Problem(profile.path, 0, f"profile id '{profile.id}' is also the id of {other.path}; "
                                   f"give each profile its own id")
