"""Coverage of the default termbase's section of US officials, heads of international
organisations and newsmakers of 2016-2026 (issue 15), checked from the data itself."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import words
from glossary import EntryType, Status, lookup

SECTION = "# ===== people-and-organizations-2016-2026 ====="


@pytest.fixture(scope="module")
def section_lines(default):
    """The section's header line number (1-based) and its lines up to the next section."""
    path = next(e.origin.path for e in default if e.origin is not None)
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    start = lines.index(SECTION)
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("# ====="))
    return start + 1, lines[start:end]


@pytest.fixture(scope="module")
def section(default, section_lines):
    first, lines = section_lines
    last = first + len(lines)
    return [e for e in default if e.origin is not None and first < e.origin.line < last]


@pytest.mark.parametrize(("query", "entry_id"), [
    # named in the issue
    ("Kavanaugh", "kavanaugh-brett"),
    ("Elizabeth Warren", "warren-elizabeth"),
    ("Christine Blasey Ford", "blasey-ford-christine"),
    ("blasey ford", "blasey-ford-christine"),
    # a sample of the rest, accent- and case-insensitive as lookup promises
    ("ketanji brown jackson", "jackson-ketanji-brown"),
    ("Steny Hoyer", "hoyer-steny"),
    ("Mnuchin", "mnuchin-steven"),
    ("Mayorkas", "mayorkas-alejandro"),
    ("Chavez-DeRemer", "chavez-deremer-lori"),
    ("Sefcovic", "sefcovic-maros"),
    ("Filippo Grandi", "grandi-filippo"),
    ("Azoulay", "azoulay-audrey"),
    ("Rodtchenkov", "rodchenkov-grigory"),
    ("Zemmour", "zemmour-eric"),
    ("Front al-Nosra", "nusra-front"),
    ("Tribunal arbitral du sport", "court-of-arbitration-for-sport"),
    ("Les Républicains", "les-republicains"),
    ("Mouvement 5 étoiles", "five-star-movement"),
])
def test_lookup_finds_newsmakers(index, query, entry_id):
    assert lookup(index, query)[0].entry.id == entry_id


@pytest.mark.parametrize(("entry_id", "en", "fr"), [
    ("rodchenkov-grigory", "Grigory Rodchenkov", "Grigori Rodtchenkov"),
    ("skripal-yulia", "Yulia Skripal", "Ioulia Skripal"),
    ("zemmour-eric", "Eric Zemmour", "Éric Zemmour"),
    ("nusra-front", "Nusra Front", "Front al-Nosra"),
    ("kataib-hezbollah", "Kataib Hezbollah", "Kataëb Hezbollah"),
    ("five-star-movement", "Five Star Movement", "Mouvement 5 étoiles"),
])
def test_french_and_english_newsroom_forms(default, entry_id, en, fr):
    entry = default.get(entry_id)
    assert (entry.preferred("en"), entry.preferred("fr")) == (en, fr)


# Every Supreme Court justice who served from 2016 on.
JUSTICES = ["John Roberts", "Antonin Scalia", "Anthony Kennedy", "Clarence Thomas",
            "Ruth Bader Ginsburg", "Stephen Breyer", "Samuel Alito", "Sonia Sotomayor",
            "Elena Kagan", "Neil Gorsuch", "Brett Kavanaugh", "Amy Coney Barrett",
            "Ketanji Brown Jackson"]

# Cabinet and cabinet-level posts of the first Trump, Biden and second Trump administrations:
# the words the holder's note must use, and every holder (acting ones only where they served
# most of a term).
CABINET = {
    r"secretary of state": ["Rex Tillerson", "Mike Pompeo", "Antony Blinken", "Marco Rubio"],
    r"treasury": ["Steven Mnuchin", "Janet Yellen", "Scott Bessent"],
    r"defen[cs]e secretary": ["Jim Mattis", "Mark Esper", "Lloyd Austin", "Pete Hegseth"],
    r"attorney general": ["Jeff Sessions", "William Barr", "Merrick Garland", "Pam Bondi"],
    r"interior": ["Ryan Zinke", "David Bernhardt", "Deb Haaland", "Doug Burgum"],
    r"agriculture": ["Sonny Perdue", "Tom Vilsack", "Brooke Rollins"],
    r"commerce": ["Wilbur Ross", "Gina Raimondo", "Howard Lutnick"],
    r"labor": ["Alexander Acosta", "Eugene Scalia", "Marty Walsh", "Julie Su",
               "Lori Chavez-DeRemer"],
    r"health": ["Tom Price", "Alex Azar", "Xavier Becerra", "Robert F. Kennedy Jr."],
    r"housing": ["Ben Carson", "Marcia Fudge", "Scott Turner"],
    r"transportation": ["Elaine Chao", "Pete Buttigieg", "Sean Duffy"],
    r"energy": ["Rick Perry", "Dan Brouillette", "Jennifer Granholm", "Chris Wright"],
    r"education": ["Betsy DeVos", "Miguel Cardona", "Linda McMahon"],
    r"veterans affairs": ["David Shulkin", "Robert Wilkie", "Denis McDonough", "Doug Collins"],
    r"homeland security": ["John Kelly", "Kirstjen Nielsen", "Alejandro Mayorkas", "Kristi Noem"],
    r"chief of staff": ["Reince Priebus", "John Kelly", "Mick Mulvaney", "Mark Meadows",
                        "Ron Klain", "Jeff Zients", "Susie Wiles"],
    r"Environmental Protection Agency": ["Scott Pruitt", "Andrew Wheeler", "Michael Regan",
                                         "Lee Zeldin"],
    r"budget director": ["Mick Mulvaney", "Russ Vought", "Shalanda Young"],
    r"trade representative": ["Robert Lighthizer", "Katherine Tai", "Jamieson Greer"],
    r"ambassador to the UN": ["Nikki Haley", "Kelly Craft", "Linda Thomas-Greenfield",
                              "Mike Waltz"],
    r"national security adviser": ["Michael Flynn", "H.R. McMaster", "John Bolton",
                                   "Robert O'Brien", "Jake Sullivan", "Mike Waltz", "Marco Rubio"],
    r"director of national intelligence": ["Dan Coats", "John Ratcliffe", "Avril Haines",
                                           "Tulsi Gabbard"],
    r"CIA director": ["Mike Pompeo", "Gina Haspel", "William Burns", "John Ratcliffe"],
    r"FBI director": ["James Comey", "Christopher Wray", "Kash Patel"],
    r"Small Business Administration": ["Linda McMahon", "Isabel Guzman", "Kelly Loeffler"],
    r"Federal Reserve": ["Janet Yellen", "Jerome Powell"],
}

# Heads of international organisations since 2015: the words the holder's note must use.
HEADS = {
    r"UN secretary-general": ["ban-ki-moon", "guterres-antonio"],
    r"[Pp]resident of the UN General Assembly": [
        "lykketoft-mogens", "thomson-peter", "lajcak-miroslav", "espinosa-maria-fernanda",
        "muhammad-bande-tijjani", "bozkir-volkan", "shahid-abdulla", "korosi-csaba",
        "francis-dennis", "yang-philemon", "baerbock-annalena"],
    r"European Commission president": ["juncker-jean-claude", "von-der-leyen-ursula"],
    r"European Council": ["tusk-donald", "michel-charles", "costa-antonio"],
    r"European Parliament president": ["schulz-martin", "tajani-antonio", "sassoli-david",
                                       "metsola-roberta"],
    r"EU foreign policy chief": ["mogherini-federica", "borrell-josep", "kallas-kaja"],
    r"ECB|European Central Bank": ["draghi-mario", "lagarde-christine"],
    r"NATO secretary-general": ["stoltenberg-jens", "rutte-mark"],
    r"IMF managing director": ["lagarde-christine", "georgieva-kristalina"],
    r"World Bank president": ["kim-jim-yong", "malpass-david", "banga-ajay"],
    r"WHO|World Health Organization": ["chan-margaret", "tedros-adhanom-ghebreyesus"],
    r"WTO|World Trade Organization": ["azevedo-roberto", "okonjo-iweala-ngozi"],
    r"High Commissioner for Refugees": ["grandi-filippo"],
    r"UNICEF": ["lake-anthony", "fore-henrietta", "russell-catherine"],
    r"World Food Programme": ["beasley-david", "mccain-cindy"],
    r"IAEA": ["amano-yukiya", "grossi-rafael"],
    r"UNESCO": ["bokova-irina", "azoulay-audrey", "el-enany-khaled"],
    r"FAO": ["graziano-da-silva-jose", "qu-dongyu"],
    r"International Labour Organization": ["ryder-guy", "houngbo-gilbert"],
    r"UNRWA": ["krahenbuhl-pierre", "lazzarini-philippe"],
    r"(?i:high commissioner for human rights)": ["zeid-raad-al-hussein", "bachelet-michelle",
                                                 "turk-volker"],
    r"Prosecutor of the International Criminal Court": ["bensouda-fatou", "khan-karim"],
    r"President of the International Criminal Court": [
        "fernandez-de-gurmendi-silvia", "eboe-osuji-chile", "hofmanski-piotr", "akane-tomoko"],
    r"International Court of Justice": ["abraham-ronny", "yusuf-abdulqawi", "donoghue-joan",
                                        "salam-nawaf", "iwasawa-yuji"],
    r"OPCW": ["uzumcu-ahmet", "arias-fernando"],
    r"UN humanitarian chief": ["obrien-stephen", "lowcock-mark", "griffiths-martin",
                               "fletcher-tom"],
}


def _person(default, index, name):
    hit = lookup(index, name)[0]
    assert hit.entry.preferred("en") == name, name
    assert hit.entry.type is EntryType.PERSON
    return hit.entry


@pytest.mark.parametrize("name", JUSTICES)
def test_every_supreme_court_justice_since_2016(default, index, name):
    entry = _person(default, index, name)
    assert re.search(r"Supreme Court|Chief Justice", entry.note), entry.id
    assert entry.preferred("fr") == name


@pytest.mark.parametrize(("office", "names"), CABINET.items(), ids=list(CABINET))
def test_cabinets_of_the_three_administrations(default, index, office, names):
    for name in names:
        entry = _person(default, index, name)
        assert re.search(office, entry.note, re.IGNORECASE), (entry.id, entry.note)
        assert entry.preferred("fr"), entry.id


@pytest.mark.parametrize(("office", "ids"), HEADS.items(), ids=list(HEADS))
def test_heads_of_international_organisations_since_2015(default, office, ids):
    for entry_id in ids:
        entry = default.get(entry_id)
        assert entry is not None, entry_id
        assert re.search(office, entry.note), (entry_id, entry.note)
        assert {"en", "fr"} <= set(entry.languages), entry_id


@pytest.mark.parametrize(("entry_id", "en", "fr"), [
    ("iaea", "IAEA", "AIEA"), ("wfp", "WFP", "PAM"), ("unhcr", "UNHCR", "HCR"),
    ("opcw", "OPCW", "OIAC"), ("icc", "ICC", "CPI"), ("icj", "ICJ", "CIJ"),
    ("court-of-arbitration-for-sport", "CAS", "TAS"), ("nld", "NLD", "LND"),
    ("european-peoples-party", "EPP", "PPE"), ("free-syrian-army", "FSA", "ASL"),
])
def test_organisation_acronyms_are_short_forms_in_each_language(default, entry_id, en, fr):
    entry = default.get(entry_id)
    assert en in entry.languages["en"].texts(Status.SHORT)
    assert fr in entry.languages["fr"].texts(Status.SHORT)


def test_section_states_the_date_it_is_current_to(section_lines):
    _, lines = section_lines
    header = " ".join(line for line in lines if line.startswith("#"))
    assert re.search(r"Current to (January|February|March|April|May|June|July|August|"
                     r"September|October|November|December) 20\d\d", header)


def test_section_people_have_dated_roles(section):
    people = [e for e in section if e.type is EntryType.PERSON]
    assert people
    undated = [e.id for e in people if not re.search(r"\b(19|20)\d\d\b", e.note)]
    assert undated == []


def test_section_names_that_are_ordinary_words_need_context(section):
    # A one-word name that is also a frequent word (Warren, Perdue, Apple) must match only
    # in context; acronyms in capitals are not words.
    loose = []
    for entry in section:
        words_of_entry = {f.text for f in entry.forms() if f.status is not Status.AVOID
                          and " " not in f.text and not f.text.isupper()}
        common = any(words.is_common(w, lang) for w in words_of_entry for lang in ("en", "fr"))
        if common and entry.ambiguous is not True:
            loose.append(entry.id)
    assert loose == []
