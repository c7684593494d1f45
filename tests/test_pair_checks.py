"""The standard translation checks (numbers, untranslated) on small PO files written here."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from checker.rules.numbers import numbers
from glossary.index.cache import load_index

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"X-Source-Language: en\\n"\n\n'


@pytest.mark.parametrize(("english", "french"), [
    ("1,000.5", "1 000,5"), ("1,000.5", "1\u00a0000,5"), ("1,000.5", "1\u202f000,5"),
    ("3.5%", "3,5 %"), ("12,000", "12 000"), ("04", "4")])
def test_a_number_is_the_same_whatever_the_locale_writes_between_its_digits(english, french):
    assert [n for n, _, _ in numbers(english)] == [n for n, _, _ in numbers(french)]


def test_placeholders_phone_numbers_and_ordinals_are_not_numbers():
    assert numbers("%1$s and {0} called 08 11 00 06 95 in the 21st century") == []


@pytest.fixture(scope="module")
def engine() -> Checker:
    index = load_index(None)
    return Checker(index.termbase, CheckOptions(), index=index)


def _check(tmp_path, engine, body: str):
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return [(f.rule, f.line) for f in engine.check_path(str(path)).findings]


def test_numbers_flags_a_changed_figure_and_lets_conversions_through(tmp_path, engine):
    body = ('msgid "It fell 15 m, and 27 were hurt at 3pm."\n'
            'msgstr "Il est tombé de 50 pieds, 26 blessés à 15 h 00."\n')
    assert _check(tmp_path, engine, body) == [("numbers", 7)]


def test_untranslated_skips_a_template_with_nothing_translated(tmp_path, engine):
    body = 'msgid "The minister resigned."\nmsgstr ""\n\nmsgid "The talks went on."\nmsgstr ""\n'
    assert _check(tmp_path, engine, body) == []


def test_placeholders_are_printf_and_brace_names_not_percent_signs_nor_phrases():
    from checker.rules.placeholders import placeholders
    text = "%(count)s, %1$s, %.2f, 100%%, 50 % des, 50%d'entre, {n, plural, one {# x}} {0} {a b}"
    assert [key for key, _, _ in placeholders(text)] == ["%(count)s", "%1$s", "%.2f", "{n}",
                                                         "{0}"]


def test_french_spacing_fixes_a_plain_space_safely_and_leaves_times_and_urls(tmp_path, engine):
    body = ('msgid "He said: go at 10:30, see https://a.org/?x=1"\n'
            'msgstr "Il a dit : partez à 10:30, voir https://a.org/?x=1"\n')
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    findings = engine.check_path(str(path)).findings
    assert [(f.rule, f.text, f.fix.replacement, f.fix.safe) for f in findings] == [
        ("french-spacing", " ", "\u00a0", True)]


def test_the_done_when_po_file_gets_one_finding_per_line_with_the_right_rule(tmp_path, engine):
    body = ('msgid "27 people were hurt."\nmsgstr "26 personnes ont été blessées."\n\n'
            'msgid "The vote was postponed on Monday."\nmsgstr ""\n\n'
            'msgid "%(name)s resigned."\nmsgstr "Le ministre a démissionné."\n\n'
            'msgid "Why?"\nmsgstr "Pourquoi ?"\n')
    assert _check(tmp_path, engine, body) == [("numbers", 7), ("untranslated", 9),
                                              ("placeholders", 13), ("french-spacing", 16)]


def test_a_plurals_first_form_may_say_the_number_in_words(tmp_path, engine):
    body = ('msgid "one seat"\nmsgid_plural "%d seats"\n'
            'msgstr[0] "un siège"\nmsgstr[1] "des sièges"\n')
    assert _check(tmp_path, engine, body) == [("placeholders", 9)]


def test_numbers_lets_a_number_written_in_words_through(tmp_path, engine):
    # 12 boys are douze garçons; 15 days a fortnight: no number is lost.
    body = ('msgid "He was convicted of offences against 12 boys over 15 days."\n'
            'msgstr "Il a été condamné pour des agressions sur douze garçons en une quinzaine."\n'
            '\n'
            'msgid "The 12 ministers met for 15 days."\n'
            'msgstr "Les ministres se sont réunis."\n')
    assert _check(tmp_path, engine, body) == [("numbers", 10)]


def test_french_spacing_leaves_an_english_title_quoted_as_it_is(tmp_path, engine):
    body = ('msgid "He wrote \\"Double Down: Game Change\\" and said: no."\n'
            'msgstr "Il a écrit «\u00a0Double Down: Game Change\u00a0» et a dit: non."\n')
    path = tmp_path / "fr.po"
    path.write_text(HEADER + body, encoding="utf-8")
    findings = [(f.rule, f.text) for f in engine.check_path(str(path)).findings]
    # The title's colon is the English one; the French sentence's own colon wants its space.
    assert findings == [("french-spacing", ":")]
    assert engine.check_path(str(path)).findings[0].column == len(
        'msgstr "Il a écrit « Double Down: Game Change » et a dit') + 1


# --- whitespace -------------------------------------------------------------------------------
def test_whitespace_names_each_end_and_fix_writes_the_po_escapes(tmp_path):
    from click.testing import CliRunner

    from checker.cli import cli

    path = tmp_path / "fr.po"
    path.write_text(HEADER + 'msgid "File saved.\\n"\nmsgstr "Fichier enregistré."\n\n'
                    'msgid "  Votes"\nmsgstr "Voix "\n\n'
                    'msgid "Il a dit « oui »\\n"\nmsgstr "He said \\"yes\\""\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(path)])
    import json
    found = [(f["rule"], f["line"], f["message"]) for f in json.loads(result.stdout)["findings"]]
    assert found == [
        ("whitespace", 7, "the source ends with a line break; the translation ends with no "
                          "whitespace"),
        ("whitespace", 10, "the source starts with 2 spaces; the translation starts with no "
                           "whitespace"),
        ("whitespace", 10, "the source ends with no whitespace; the translation ends with a "
                           "space"),
        ("whitespace", 13, "the source ends with a line break; the translation ends with no "
                           "whitespace")]
    CliRunner().invoke(cli, ["check", "--fix", str(path)])
    assert path.read_text(encoding="utf-8") == HEADER + (
        'msgid "File saved.\\n"\nmsgstr "Fichier enregistré.\\n"\n\n'
        'msgid "  Votes"\nmsgstr "  Voix"\n\n'
        'msgid "Il a dit « oui »\\n"\nmsgstr "He said \\"yes\\"\\n"\n')


XLIFF = ('<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" '
         'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="fr" '
         'target-language="en" datatype="plaintext" original="a"><body>\n{units}</body></file>'
         '</xliff>\n')


def _unit(number: int, source: str, target: str) -> str:
    return (f'<trans-unit id="{number}"><source>{source}</source>'
            f'<target>{target}</target></trans-unit>\n')


def test_whitespace_takes_an_xliff_inline_code_for_no_space_and_escapes_its_fix(tmp_path,
                                                                              engine):
    from checker.tools.fixes import fixed_text

    path = tmp_path / "en.xlf"
    path.write_text(XLIFF.format(units=_unit(1, 'Voir la suite <x id="1"/>', 'See more<x id="1"/>')
                                 + _unit(2, "Questions et réponses ", "Q&amp;A")
                                 + _unit(3, '<ph id="1">&lt;b&gt;</ph>Suite', 'More')),
                    encoding="utf-8")
    result = engine.check_path(str(path))
    # (The third unit's dropped <ph id="1"> is inline-tags' finding.)
    assert [(f.rule, f.text, f.expected) for f in result.findings
            if f.rule == "whitespace"] == [("whitespace", "A", "A ")]
    assert "<target>Q&amp;A </target>" in fixed_text(result)


def test_whitespace_is_compared_in_tmx(tmp_path, engine):
    path = tmp_path / "memory.tmx"
    path.write_text('<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="en" '
                    'segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="x" '
                    'creationtool="x" creationtoolversion="1"/><body>\n'
                    '<tu><tuv xml:lang="en"><seg>The count began. </seg></tuv>'
                    '<tuv xml:lang="fr"><seg>Le dépouillement a commencé.</seg></tuv></tu>\n'
                    '</body></tmx>\n', encoding="utf-8")
    assert [(f.rule, f.expected) for f in engine.check_path(str(path)).findings] == [
        ("whitespace", ". ")]


def test_whitespace_does_not_fire_on_aligned_text_where_lines_are_layout(tmp_path, engine):
    source, target = tmp_path / "en.txt", tmp_path / "fr.txt"
    source.write_text("  The count began.\t\nPolls closed at eight. \n", encoding="utf-8")
    target.write_text("Le dépouillement a commencé.\n\tLes bureaux ont fermé à huit heures.\n",
                      encoding="utf-8")
    result = engine.check_pair(str(source), str(target))
    assert [f.rule for f in result.findings] == []
    doc = result.document
    assert [doc.text[s.start:s.end] for s in doc.segments if s.role == "source"] == [
        "The count began.", "Polls closed at eight."]


@pytest.mark.parametrize(("whitespace", "said"), [
    ("", "no whitespace"), ("\n", "a line break"), ("\r\n", "a line break"),
    ("  \t", "2 spaces and a tab"), (" \u00a0\n\n", "a space, a no-break space and 2 line breaks")])
def test_whitespace_is_described_in_words(whitespace, said):
    from checker.rules.whitespace import describe
    assert describe(whitespace) == said


# --- end-punctuation --------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "end"), [
    ("Why?", "?"), ("Pourquoi\u00a0?", "?"), ("Pourquoi ?", "?"), ("He said \"no.\"", "."),
    ("Il a dit « non ».", "."), ("Il a dit « Vraiment ?! »", "?"), ("Wait...", "…"),
    ("Attendez…", "…"), ("Results:", ":"), ("Results", ""), ("(AFP)", ""),
    ("He left -", "-"), ("and so,", ",")])
def test_end_punctuation_reads_the_end_after_quotes_and_french_spaces(text, end):
    from checker.rules.end_punctuation import ending
    assert ending(text)[0] == end


def test_end_punctuation_flags_a_changed_end_and_lets_the_usual_renderings_through(tmp_path,
                                                                                  engine):
    body = ('msgid "Is the vote over now?"\nmsgstr "Le vote est terminé."\n\n'  # 7: flagged
            'msgid "The polls closed at eight."\nmsgstr "Les bureaux ont fermé à huit heures"\n\n'
            'msgid "Who won the vote?"\nmsgstr "Qui a gagné le vote\u00a0?"\n\n'
            'msgid "He said: \\"We leave.\\""\n'
            'msgstr "Il a dit\u00a0: «\u00a0Nous partons\u00a0»"\n\n'
            'msgid "Counting went on..."\nmsgstr "Le dépouillement a continué."\n\n'
            'msgid "Results"\nmsgstr "Résultats."\n\n'
            'msgid "Polls close across the country"\nmsgstr "Les bureaux ferment partout."\n')
    assert _check(tmp_path, engine, body) == [("end-punctuation", 7), ("end-punctuation", 10)]


def test_end_punctuation_lets_a_sentence_continued_in_the_next_unit_through(tmp_path, engine):
    body = ('msgid "The count began."\nmsgstr "Le dépouillement a commencé,"\n\n'
            'msgid "It went on all night."\nmsgstr "et il a duré toute la nuit."\n\n'
            'msgid "He dismissed it in two words."\nmsgstr "Il l\'a écarté en deux mots\u00a0:"\n\n'
            'msgid "\\"No comment.\\""\nmsgstr "«\u00a0Sans commentaire.\u00a0»"\n\n'
            'msgid "The count stopped at midnight."\nmsgstr "Le dépouillement s\'est arrêté,"\n\n'
            'msgid "Nobody knows why."\nmsgstr "Personne ne sait pourquoi."\n')
    assert _check(tmp_path, engine, body) == [("end-punctuation", 19)]


def test_end_punctuation_lets_a_segment_cut_after_an_abbreviation_through(tmp_path, engine):
    # The segmenter cut the sentence after "Nov.": its full stop is the abbreviation's.
    body = ('msgid "The talks were moved to the week of Nov."\n'
            'msgstr "Les pourparlers ont été déplacés à la semaine du"\n\n'
            'msgid "The talks were moved to next week."\n'
            'msgstr "Les pourparlers ont été déplacés à la semaine prochaine"\n')
    assert _check(tmp_path, engine, body) == [("end-punctuation", 10)]


def test_end_punctuation_fix_adds_the_mark_with_the_house_style_s_space(tmp_path):
    from click.testing import CliRunner

    from checker.cli import cli

    path = tmp_path / "fr.po"
    path.write_text(HEADER + 'msgid "Who won the vote?"\nmsgstr "Qui a gagné le vote"\n',
                    encoding="utf-8")
    for style, space in ((None, "\u00a0"), ("fr-FR", "\u202f")):
        args = ["check", "--format", "json", str(path)] + (["--style", style] if style else [])
        import json
        [finding] = json.loads(CliRunner().invoke(cli, args).stdout)["findings"]
        assert (finding["rule"], finding["expected"]) == ("end-punctuation", f"e{space}?")
        assert finding["fix"]["safe"] is False


# --- placeholders by PO flags -----------------------------------------------------------------
@pytest.mark.parametrize(("flags", "source", "target", "found"), [
    ("python-format", "%(count)s votes for {name}", "%(count)s voix pour lui", []),
    ("python-format", "%(count)s votes for {name}", "des voix pour {name}", ["placeholders"]),
    ("c-format", "%s won %d seats", "%s a gagné des sièges", ["placeholders"]),
    ("python-brace-format", "{count} votes, 5%s", "{count} voix, 5 %", []),
    ("python-brace-format", "{count} votes", "des voix", ["placeholders"]),
    ("no-python-format", "Type %d for the day", "Tapez le code du jour", []),
    ("no-python-format, no-python-brace-format", "Type %d or {d}", "Tapez le jour", []),
    (None, "Type %d or {d}", "Tapez le jour", ["placeholders"]),
    ("fuzzy, python-format", "%(name)s left", "Il est parti", ["placeholders"]),
])
def test_placeholders_compare_only_the_format_the_po_flags_name(tmp_path, engine, flags,
                                                               source, target, found):
    comment = f"#, {flags}\n" if flags else ""
    body = f'{comment}msgid "{source}"\nmsgstr "{target}"\n'
    assert [rule for rule, _ in _check(tmp_path, engine, body)] == found


def test_the_po_reader_passes_the_flags_as_written():
    from checker.readers import po

    doc = po.read("fr.po", HEADER + '#, python-format, fuzzy\nmsgid "%s"\nmsgstr "%s"\n')
    assert {dict(s.info)["flags"] for s in doc.segments} == {"python-format,fuzzy"}


# --- French spacing by house style ------------------------------------------------------------
def test_french_spacing_fix_writes_the_profile_s_space_and_accepts_both(tmp_path):
    import json

    from click.testing import CliRunner

    from checker.cli import cli

    path = tmp_path / "fr.po"
    path.write_text(HEADER + 'msgid "He said: \\"No!\\""\nmsgstr "Il a dit : « Non ! »"\n\n'
                    'msgid "Why? Now!"\nmsgstr "Pourquoi\u00a0? Maintenant\u202f!"\n',
                    encoding="utf-8")

    def fixes(*style: str) -> list[str]:
        result = CliRunner().invoke(cli, ["check", "--format", "json", str(path), *style])
        return [f["expected"] for f in json.loads(result.stdout)["findings"]]

    assert fixes() == ["\u00a0"] * 4
    assert fixes("--style", "fr-FR") == ["\u00a0", "\u202f", "\u202f", "\u202f"]
    assert fixes("--style", "fr-FR-presse") == fixes("--style", "fr-FR")  # inherited
    assert fixes("--style", "fr-CA") == ["\u00a0"] * 4
