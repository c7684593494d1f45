"""Recall on the errors real news makes with known names (issue 14), with sentences written for
these tests: names written in lower case, typos in a short part of a compound name, titles
capitalised mid-sentence in French. Each error is flagged with the right fix; the prose that
looks like it is not. ``benchmarks/injected.py`` measures the same on real news."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from glossary import load_termbase
from glossary.index.cache import load_index


@pytest.fixture(scope="module")
def default():
    index = load_index(None)
    return {lang: Checker(index.termbase, CheckOptions(lang=lang), index)
            for lang in ("fr", "en")}


def found(checker: Checker, text: str) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.expected) for f in checker.check_text(text + "\n").findings]


# -- names in lower case ------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "wrong", "right"), [
    # No ordinary word: a miswritten name wherever it stands.
    ("Le ministre est arrivé jeudi pour une visite à pékin.", "pékin", "Pékin"),
    ("Le président a quitté à moscou la réunion du sommet.", "moscou", "Moscou"),
    ("Les alliés de l'otan se réunissent à huis clos.", "otan", "Otan"),
    ("La frontière avec la bande de gaza reste fermée.", "bande de gaza", "bande de Gaza"),
    # A lower-case first word while the name's other capitals are kept.
    ("Le commerce avec les états-Unis a reculé en octobre.", "états-Unis", "États-Unis"),
    ("Un essai de missile de la corée du Nord inquiète Tokyo.", "corée du Nord", "Corée du Nord"),
])
def test_lower_case_name_in_french(default, text, wrong, right):
    assert ("capitalization", wrong, right) in found(default["fr"], text)


@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("Documents leaked by a former contractor of the nsa were published.", "nsa", "NSA"),
    ("Trade with the united States fell in October.", "united States", "United States"),
])
def test_lower_case_name_in_english(default, text, wrong, right):
    assert ("capitalization", wrong, right) in found(default["en"], text)


def test_ordinary_words_need_the_entry_named_in_the_document(default):
    # "nations unies", "union européenne": ordinary words of the French word list. Alone they
    # could be prose; where the document names the entry with its capitals, they are the name
    # miswritten.
    alone = "Le texte a été soumis aux nations unies mardi, puis à l'union européenne."
    assert found(default["fr"], alone) == []
    named = ("L'ONU et l'UE ont reçu le texte. Le texte a été soumis aux nations unies mardi, "
             "puis à l'union européenne.")
    assert found(default["fr"], named) == [
        ("capitalization", "nations unies", "Nations unies"),
        ("capitalization", "union européenne", "Union européenne")]


def test_country_names_the_french_list_never_saw_in_lower_case(default):
    # pyspellchecker's French list holds "russie" and "chine" only from a dictionary, at its
    # lowest count and with no plural: no word a writer means in lower case.
    assert found(default["fr"], "La visite en chine a commencé. La russie a protesté.") == [
        ("capitalization", "chine", "Chine"), ("capitalization", "russie", "Russie")]


NICE = """\
version: 1
entries:
  - id: nice
    type: place
    note: City in France (a frequent English word in lower case).
    en: Nice
    fr: Nice
"""


def test_a_frequent_word_needs_a_preposition_of_place_too(write):
    # "nice" is a frequent English word: named elsewhere, it is the city after "in" only.
    checker = Checker(load_termbase([write("t.yaml", NICE)]), CheckOptions(lang="en"))
    text = "They met in Nice on Monday. The weather in nice was nice, and a nice view opened."
    assert found(checker, text) == [("capitalization", "nice", "Nice")]
    assert found(checker, "The weather in nice was nice.") == []


@pytest.mark.parametrize(("lang", "text"), [
    # An indefinite article makes a phrase of ordinary words prose, even beside the name.
    ("fr", "La Banque mondiale a prêté. Une banque mondiale ne ferait pas mieux."),
    # An article and an ordinary word: la réunion is a meeting, le maire a mayor.
    ("fr", "La Réunion vote. La réunion du conseil a eu lieu à La Réunion."),
    ("fr", "Bruno Le Maire a parlé. Le maire de Lyon a répondu."),
    # Ordinary words after a kept capital describe: the south of Georgia.
    ("fr", "La Géorgie du Sud est une île. Un juge de Géorgie du sud a tranché."),
    # Another language's form written in lower case is a noun of this language.
    ("fr", "Les talibans ont parlé. Le chef des taliban pakistanais est mort."),
    # British spellings are English words (labour market), and frequent surnames are words.
    ("en", "Labour won the vote. The labour market is tight, said the regional labour director."),
    ("en", "Theresa May spoke. Prices may rise."),
    # Ordinary words a little too frequent to be names in lower case (chevron, amnesty).
    ("en", "Chevron posted profits. The logo has a chevron on it."),
    # Addresses are no names.
    ("en", "Write to press@nsa.gov or see afp.com for the NSA and AFP statements."),
])
def test_lower_case_prose_is_not_a_name(default, lang, text):
    assert found(default[lang], text) == []


def test_british_spellings_are_english_words():
    # pyspellchecker's English list is American: "labour" was no word, so "labour market" in a
    # document naming Labour would be the party in lower case.
    from checker import words

    assert all(words.is_known(w, "en") for w in ("labour", "centre", "defence", "organised"))
    assert not words.is_known("londres", "en")


# -- typos in a short part of a compound name --------------------------------------------------
@pytest.mark.parametrize(("lang", "text", "wrong", "right"), [
    ("fr", "Les États-Unsi ont voté contre le texte.", "États-Unsi", "États-Unis"),
    ("fr", "Le dirigeant Kim Jnog-un a supervisé le tir.", "Kim Jnog-un", "Kim Jong-un"),
    ("fr", "L'Union euroépenne a tranché lundi.", "Union euroépenne", "Union européenne"),
    ("fr", "La Corée du Nrod a tiré un missile.", "Corée du Nrod", "Corée du Nord"),
    ("fr", "Le blocus de la bande de Gzaa continue.", "bande de Gzaa", "bande de Gaza"),
    # A word the English list holds only from a dictionary is still the misspelling here.
    ("en", "Trade with the United Staets fell in October.", "United Staets", "United States"),
    # The fix is the form the writer meant: État islamique is an accepted form.
    ("fr", "Les attentats ont été imputés à l'État islamiqeu en Irak.", "État islamiqeu",
     "État islamique"),
])
def test_typo_in_a_part_of_a_compound_name(default, lang, text, wrong, right):
    assert ("typo", wrong, right) in found(default[lang], text)


def test_two_letters_swapped_in_a_place_alone(default):
    # Nearly every unknown proper noun is one edit from some name, but seldom two letters
    # swapped from a place: a lone swap of a place is flagged, even where nothing else names it.
    assert found(default["fr"], "Le voyage en Ausrtalie a commencé.") == [
        ("typo", "Ausrtalie", "Australie")]
    # A word alone, one edit from both Israël and Israel Katz's first name, is the one-word form.
    assert ("typo", "Isrëal", "Israël") in found(
        default["fr"], "Les soldats d'Israël ont tiré. Le gouvernement d'Isrëal a répondu.")


def test_short_one_word_name_with_two_letters_swapped_needs_the_name_in_the_document(default):
    named = "L'Irak a voté. La capitale de l'Irka est Bagdad."
    assert ("typo", "Irka", "Irak") in found(default["fr"], named)
    assert found(default["fr"], "La capitale de l'Irka est Bagdad.") == []


@pytest.mark.parametrize(("lang", "text"), [
    # Demonyms keep the name but its last letters: no misspelling.
    ("fr", "Parmi les victimes de Sydney figurent 88 Australiens."),
    ("fr", "Les Bruxellois ont voté dimanche."),
    # A person's surname alone with two letters swapped: people are too many to guess from.
    ("fr", "Le sénateur Oabma a parlé."),
    # An ordinary word beside the rest of a name is no misspelling of it (untied is English).
    ("en", "The Untied States is the name of the band."),
])
def test_words_near_a_name_that_are_not_typos(default, lang, text):
    assert [f for f in found(default[lang], text) if f[0] == "typo"] == []


# -- titles capitalised mid-sentence in French -------------------------------------------------
@pytest.mark.parametrize(("text", "wrong", "right"), [
    ("Il a rencontré le Président Emmanuel Macron jeudi.", "Président", "président"),
    ("Selon le Ministre des Affaires étrangères, rien ne change.",
     "Ministre des Affaires étrangères", "ministre des Affaires étrangères"),
    ("Le texte a été signé par la Reine Elizabeth.", "Reine", "reine"),
    ("Une étude menée par le Professeur Martin Dupuis a paru.", "Professeur", "professeur"),
])
def test_title_capitalised_inside_a_french_sentence(default, text, wrong, right):
    findings = default["fr"].check_text(text + "\n").findings
    assert [(f.rule, f.text, f.expected, f.severity.value) for f in findings] == [
        ("capitalization", wrong, right, "warning")]


@pytest.mark.parametrize(("lang", "text"), [
    # French usage capitalises these: the head of state, a title the termbase writes so.
    ("fr", "Le Président de la République a reçu le Premier ministre."),
    # Addressing someone; a reigning monarch alone in Belgian usage; a longer name.
    ("fr", "« Monsieur le Président, je ne suis pas d'accord. » Le procureur du Roi a parlé."),
    ("fr", "La Société Générale et le Crédit Agricole ont publié leurs comptes."),
    # Not inside a sentence: its start, a headline in capitals.
    ("fr", "Président depuis 2017, il gouverne.\nLE PRÉSIDENT A PARLÉ\n"),
    # English capitalises a title before a name.
    ("en", "Foreign Minister Sergei Lavrov met President Emmanuel Macron."),
])
def test_titles_with_capitals_that_stay(default, lang, text):
    assert found(default[lang], text) == []


def test_another_romanisation_of_a_longer_name_is_not_taken_for_a_typo(write):
    # The scan finds "Tatiana Torriaski" by its transliteration key: the anchored typo search
    # must leave it to the transliteration rule, not call it a misspelling of the French form.
    terms = write("t.yaml", """\
        version: 1
        entries:
          - id: toriaski-tatiana
            type: person
            note: Invented for this test.
            en: {preferred: Tatiana Toriasky, short: [Toriasky]}
            fr: {preferred: Tatiana Toriaski, short: [Toriaski]}
        """)
    checker = Checker(load_termbase([terms]), CheckOptions(lang="fr"))
    assert [f.rule for f in checker.check_text("Le porte-parole a cité Tatiana Torriaski.\n")
            .findings] == ["transliteration"]


def test_english_place_in_lower_case_where_the_document_names_it(default):
    # The English word list counts names as words (london, russia): a place in lower case
    # counts where the document names it with its capital, and not otherwise.
    assert found(default["en"], "Talks in Russia ended. Officials in russia said so.") == [
        ("capitalization", "russia", "Russia")]
    assert found(default["en"], "Officials in russia said so.") == []


def test_two_letters_swapped_after_an_article_or_a_preposition_of_place(default):
    # An article anchors a swap (not another edit: "le Maine" is no "Le Maire"); a short
    # place's name after a preposition of place needs nothing else.
    assert found(default["fr"], "Un tribunal à La Hyae jugera l'affaire.") == [
        ("typo", "La Hyae", "La Haye")]
    assert found(default["fr"], "Le marché en Idne progresse.") == [("typo", "Idne", "Inde")]
    assert found(default["fr"], "Il vit dans le Maine depuis 2010.") == []


def test_the_fix_of_a_typo_keeps_the_separators_written(default):
    # Maison-Blanche and Maison Blanche are both forms: the writer's hyphen stays.
    assert ("typo", "Maison-Blacnhe", "Maison-Blanche") in found(
        default["fr"], "Les enfants ont visité les jardins de la Maison-Blacnhe à Washington.")
