"""The states and provinces that qualify a town named like a capital: London, Ontario; Paris,
Texas; Moscow, Idaho. A place name followed by one of them is that town, not the capital, so it
keeps its spelling in every language (a French article writes London, en Ontario).

Written in English and in French, compared after case and accent folding.
"""

from __future__ import annotations

from glossary.normalize import fold_key

_US_STATES = """
Alabama Alaska Arizona Arkansas California Californie Colorado Connecticut Delaware Florida
Floride Georgia Géorgie Hawaii Hawaï Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana
Louisiane Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska
Nevada New-Hampshire New-Jersey New-Mexico Nouveau-Mexique New-York North-Carolina
Caroline-du-Nord North-Dakota Dakota-du-Nord Ohio Oklahoma Oregon Pennsylvania Pennsylvanie
Rhode-Island South-Carolina Caroline-du-Sud South-Dakota Dakota-du-Sud Tennessee Texas Utah
Vermont Virginia Virginie West-Virginia Virginie-Occidentale Washington Wisconsin Wyoming
"""
_CANADIAN_PROVINCES = """
Alberta British-Columbia Colombie-Britannique Manitoba New-Brunswick Nouveau-Brunswick
Newfoundland Terre-Neuve Nova-Scotia Nouvelle-Écosse Ontario Prince-Edward-Island
Île-du-Prince-Édouard Quebec Québec Saskatchewan Yukon Nunavut
"""
REGIONS = frozenset(fold_key(name.replace("-", " "))
                    for name in (_US_STATES + _CANADIAN_PROVINCES).split())


def is_region(words: str) -> bool:
    """True when ``words`` (one to three words, any case and accents) name a US state or a
    Canadian province."""
    return fold_key(words.replace("-", " ")) in REGIONS
