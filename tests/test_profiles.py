"""House-style profiles and region-aware languages (issue 15): region tags in termbases, flags
and configurations; the shipped profiles; --style and the configuration's style and styles; the
house-style rule; accented capitals; AP titles; dotted abbreviations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker, CheckOptions
from checker.styles import StyleChooser, house_styles
from glossary import load_termbase
from glossary.index.cache import load_index
from glossary.index.packed import PackedEntries
from glossary.loader import parse_termbase
from glossary.profiles import (
    ProfileError,
    check_profile,
    find_profile,
    parse_profile,
    profile_table,
    shipped_profiles,
)

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "tests" / "fixtures" / "profiles" / "article-ca.md"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def report(result) -> list[dict]:
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)["findings"]


@pytest.fixture(scope="module")
def index():
    return load_index(None)


@pytest.fixture(scope="module")
def styles(index):
    return house_styles(index.termbase, [])


def check(index, styles, text: str, lang: str, style: str | None = None,
          region: str | None = None):
    options = CheckOptions(lang=lang, region=region, styles=StyleChooser(
        styles, (style,) if style else ()))
    return Checker(index.termbase, options, index).check_text(text, "draft.md").findings


def brief(findings) -> list[tuple[str, str, str | None]]:
    return [(f.rule, f.text, f.expected) for f in findings]


# --- the Canadian French article ---------------------------------------------------------------
def test_a_canadian_article_gives_house_style_warnings_only_under_the_france_profile():
    findings = report(run("check", str(ARTICLE), "--lang", "fr", "--style", "fr-FR",
                          "--format", "json"))
    assert {f["rule"] for f in findings} == {"house-style"}
    assert {f["severity"] for f in findings} == {"warning"}
    assert [f["text"] for f in findings] == [
        "Nations Unies", "Organisation des Nations Unies", "Conseil de sécurité des Nations Unies",
        "É.-U.", "Bélarus", "Nations Unies"]
    assert findings[0]["message"] == ("house style: Imprimerie nationale writes 'Nations unies'; "
                                      "'Nations Unies' is Canadian usage")
    assert all(f["fix"]["safe"] is False for f in findings)


@pytest.mark.parametrize("args", [["--style", "fr-CA"], ["--lang", "fr-CA"], ["--lang", "FR_ca"],
                                  ["--lang", "fr"]])
def test_the_canadian_article_is_clean_under_the_canadian_profile_and_without_one(args):
    lang = [] if "--lang" in args else ["--lang", "fr"]
    result = run("check", str(ARTICLE), *lang, *args)
    assert result.exit_code == 0, result.output
    assert "no findings" in result.output


def test_house_style_snapshot(snapshot, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("check", "tests/fixtures/profiles/article-ca.md", "--lang", "fr", "--style",
                 "fr-FR")
    snapshot("article-ca.fr-FR.text", result.output)


# --- region-aware termbases and flags ---------------------------------------------------------
TAGGED = """\
version: 1
entries:
  - id: lavrov-sergei
    type: person
    en-US: {preferred: Sergei Lavrov, short: [Lavrov]}
    fr-FR: {preferred: Sergueï Lavrov, short: [Lavrov]}
  - id: un-house
    type: organization
    en_us: United Nations
    fr: Nations unies
    FR-ca: Nations Unies
"""


def test_a_termbase_tagged_fr_fr_and_en_us_applies_to_french_and_english(write):
    terms = write("tagged.yaml", TAGGED)
    termbase = load_termbase([terms])
    assert termbase.languages == ["en", "fr"]
    assert termbase.get("lavrov-sergei").regional == (("en-US", "Sergei Lavrov"),
                                                      ("fr-FR", "Sergueï Lavrov"))
    draft = write("brouillon.md", "Le ministre Sergei Lavrov est arrivé lundi à Genève.\n")
    findings = report(run("check", str(draft), "--terms", str(terms), "--lang", "fr",
                          "--format", "json"))
    assert [(f["rule"], f["expected"]) for f in findings] == [("wrong-language", "Sergueï Lavrov")]


def test_lang_with_a_region_keeps_the_built_in_french_forms(write):
    terms = write("tagged.yaml", TAGGED.split("  - id: un-house")[0])
    draft = write("brouillon.md", "Vladimir Putin a reçu Sergei Lavrov lundi au Kremlin.\n")
    findings = report(run("check", str(draft), "--terms", "default", "--terms", str(terms),
                          "--lang", "fr-FR", "--format", "json"))
    assert [f["expected"] for f in findings] == ["Vladimir Poutine", "Sergueï Lavrov"]


def test_an_entry_with_fr_and_fr_ca_prefers_the_canadian_form_in_canada_only(
        index, write, tmp_path):
    terms = write("tagged.yaml", TAGGED)
    termbase = load_termbase([terms])
    assert termbase.get("un-house").languages["fr"].texts() == ["Nations unies", "Nations Unies"]
    draft = write("a.md", "Les Nations Unies ont parlé.\n")
    for lang, style, expected in [("fr-CA", None, []), ("fr", None, []),
                                  ("fr", "fr-FR", ["house-style"])]:
        args = ["--style", style] if style else []
        findings = report(run("check", str(draft), "--terms", str(terms), "--lang", lang,
                              "--format", "json", *args))
        assert [f["rule"] for f in findings] == expected, (lang, style)
    findings = report(run("check", str(draft), "--terms", str(terms), "--lang", "fr", "--style",
                          "fr-FR", "--format", "json"))
    assert "is Canadian usage" in findings[0]["message"]


@pytest.mark.parametrize(("text", "message"), [
    ("    xx-FR: Moscou\n", "house.yaml:6: entry 'moscow': 'xx-FR' names no language ('xx' is "
                          "no ISO 639 code)"),
    ("    zz: Moscou\n", "house.yaml:6: entry 'moscow': 'zz' names no language"),
    ("    fr_FR: Moscou\n    FR-fr: Moscou\n",
     "house.yaml:7: entry 'moscow': 'FR-fr' and 'fr_FR' are the same language tag"),
])
def test_a_termbase_tag_naming_no_language_is_an_error_with_its_line(text, message):
    entries, problems = parse_termbase(
        "version: 1\nentries:\n  - id: moscow\n    type: place\n    en: Moscow\n" + text,
        "house.yaml")
    assert entries == []
    assert any(str(p).startswith(message) for p in problems), problems


def test_a_region_may_not_prefer_a_form_the_language_avoids():
    _, problems = parse_termbase(
        "version: 1\nentries:\n  - id: moscow\n    type: place\n"
        "    fr: {preferred: Moscou, avoid: [Moskva]}\n    fr-CA: Moskva\n", "t.yaml")
    assert [str(p) for p in problems] == [
        "t.yaml:6: entry 'moscow': 'fr-CA' prefers 'Moskva', which 'fr' lists to avoid; a "
        "region may choose among the forms of the language, not one it avoids"]


def test_regional_choices_survive_the_compiled_index():
    entries, _ = parse_termbase(TAGGED, "t.yaml")
    blob, offsets, ids, paths = PackedEntries.pack(entries)
    packed = PackedEntries(blob, offsets, ids, paths)
    assert packed["un-house"].regional == (("en-US", "United Nations"), ("fr-CA", "Nations Unies"))


@pytest.mark.parametrize(("args", "message"), [
    (["--lang", "xx-FR"], "'xx-FR' names no language"),
    (["--lang", "zz"], "'zz' names no language"),
])
def test_a_lang_flag_naming_no_language_is_a_usage_error(args, message):
    result = run("check", "-", *args, input="texte")
    assert result.exit_code == 2
    assert message in result.output


def test_a_config_language_naming_no_language_names_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "termcheck.toml").write_text('fail-on = "error"\nlang = "zz-CA"\n',
                                             encoding="utf-8")
    (tmp_path / "a.md").write_text("texte\n", encoding="utf-8")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "termcheck.toml:2: 'lang': 'zz-CA' names no language" in result.output


# --- choosing a profile: configuration, globs, --style ----------------------------------------
def test_config_style_and_per_glob_styles(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "termcheck.toml").write_text(
        'style = "fr-FR"\nlang = "fr"\n\n[styles]\n"quebec/**" = "fr-CA"\n', encoding="utf-8")
    for folder in ("quebec", "paris"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.md").write_text("Les Nations Unies ont parlé.\n",
                                                encoding="utf-8")
    findings = report(run("check", ".", "--format", "json"))
    assert [(f["path"], f["rule"]) for f in findings] == [("paris/a.md", "house-style")]
    # --style wins over the configuration.
    findings = report(run("check", ".", "--format", "json", "--style", "fr-CA"))
    assert findings == []


def test_a_region_in_the_config_languages_selects_its_profile(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "termcheck.toml").write_text('[languages]\n"*.ca.md" = "fr-CA"\n'
                                             '"*.fr.md" = "fr-FR"\n', encoding="utf-8")
    for name in ("a.ca.md", "a.fr.md"):
        (tmp_path / name).write_text("Les Nations Unies ont parlé.\n", encoding="utf-8")
    findings = report(run("check", ".", "--format", "json"))
    assert [(f["path"], f["rule"]) for f in findings] == [("a.fr.md", "house-style")]


def test_bad_style_settings_name_the_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "termcheck.toml").write_text('lang = "fr"\nstyle = 3\n', encoding="utf-8")
    (tmp_path / "a.md").write_text("texte\n", encoding="utf-8")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "termcheck.toml:2: 'style' must be a profile name" in result.output
    (tmp_path / "termcheck.toml").write_text('lang = "fr"\nstyle = "fr-XX"\n', encoding="utf-8")
    result = run("check", "a.md")
    assert result.exit_code == 2
    assert "no house-style profile 'fr-XX'" in result.output
    assert "termcheck.toml:2" in result.output
    result = run("check", "a.md", "--style", "fr-FR", "--style", "fr-CA")
    assert result.exit_code == 2
    assert "both French house styles" in result.output


USER_PROFILE = """\
id: maison
name: La Maison
usage: house
extends: fr-FR
accented-capitals: false
prefer:
  belarus: Bélarus
"""


def test_a_user_profile_file_extends_a_shipped_one(write):
    profile = write("maison.yaml", USER_PROFILE)
    draft = write("a.md", "Les Etats-Unis et la Biélorussie. Les Nations Unies aussi.\n")
    findings = report(run("check", str(draft), "--lang", "fr", "--style", str(profile),
                          "--format", "json"))
    # Not accented capitals (its own setting); Bélarus (its own choice); Nations unies (fr-FR's).
    assert [(f["text"], f["expected"]) for f in findings] == [
        ("Biélorussie", "Bélarus"), ("Nations Unies", "Nations unies")]
    assert findings[0]["message"] == ("house style: La Maison writes 'Bélarus'; 'Biélorussie' "
                                      "is French (France) usage")


@pytest.mark.parametrize(("text", "message"), [
    ("id: x\nname: X\nlanguage: fr\nprefer:\n  no-such-entry: Foo\n",
     "x.yaml:5: entry 'no-such-entry': unknown entry 'no-such-entry'"),
    ("id: x\nname: X\nlanguage: fr\nprefer:\n  belarus: Belarus\n",
     "x.yaml:5: entry 'belarus': 'Belarus' is not a form the entry allows: it has no such 'fr' "
     "form (its forms: Biélorussie, Bélarus)"),
    ("id: x\nname: X\nlanguage: fr\ncolour: blue\n", "x.yaml:4: unknown key 'colour'"),
    ("id: x\nname: X\nlanguage: fr\ntitles: upper\n",
     "x.yaml:4: unknown title rule 'upper'; use one of lower, before-name, free"),
    ("id: x\nname: X\nlanguage: xx\n", "x.yaml:3: 'xx' names no language"),
    ("id: x\nname: X\nlanguage: fr\nregions: [Quebec]\n", "x.yaml:4: 'Quebec' is not a region"),
    ("id: x\nname: X\nlanguage: fr\nextends: fr-BE\n", "'extends' names no shipped profile"),
    ("name: X\nlanguage: fr\n", "the profile has no 'id:'"),
])
def test_bad_profiles_are_errors_with_file_and_line(write, text, message):
    path = write("x.yaml", text)
    draft = write("a.md", "texte\n")
    result = run("check", str(draft), "--lang", "fr", "--style", str(path))
    assert result.exit_code == 2
    assert "was not used" in result.output
    assert message in result.output.replace(str(path.parent) + "/", ""), result.output


def test_shipped_profiles_fit_the_default_termbase(index):
    profiles = shipped_profiles()
    assert set(profiles) == {"fr-FR", "fr-FR-presse", "fr-CA", "en-US", "en-GB"}
    for profile in profiles.values():
        strict = parse_profile(Path(ROOT / "glossary" / profile.path.split("glossary/")[1])
                               .read_text("utf-8"), profile.path, known=profiles)
        assert check_profile(strict, index.termbase).prefer == strict.prefer  # no error
    assert find_profile("FR_ca") is profiles["fr-CA"]
    with pytest.raises(ProfileError, match="no house-style profile 'fr-BE'"):
        find_profile("fr-BE")


# --- accented capitals ------------------------------------------------------------------------
@pytest.mark.parametrize(("style", "flagged"), [("fr-FR", True), ("fr-CA", True),
                                               ("fr-FR-presse", False), (None, False)])
def test_etats_unis_under_each_profile(index, styles, style, flagged):
    findings = check(index, styles, "Les Etats-Unis et l'Egypte ont signé.", "fr", style)
    if flagged:
        assert brief(findings) == [("diacritics", "Etats-Unis", "États-Unis"),
                                   ("diacritics", "Egypte", "Égypte")]
        assert {f.severity.value for f in findings} == {"warning"}
        assert all(f.fix.safe for f in findings)
    else:
        assert findings == []


def test_the_paris_press_profile_is_the_france_profile_with_unaccented_capitals(index, styles):
    # Le Monde and AFP print Etats-Unis: their profile keeps fr-FR's names, not its accents.
    findings = check(index, styles, "Les Nations Unies et les Etats-Unis ont signé.", "fr",
                     "fr-FR-presse")
    assert brief(findings) == [("house-style", "Nations Unies", "Nations unies")]
    assert "Le Monde/AFP writes 'Nations unies'" in findings[0].message


def test_accented_capitals_in_a_headline_and_a_title(index, styles):
    findings = check(index, styles, "ETATS-UNIS\n\nLe chef de l'Etat est venu.", "fr", "fr-FR")
    assert brief(findings) == [("diacritics", "ETATS-UNIS", "ÉTATS-UNIS"),
                               ("diacritics", "chef de l'Etat", "chef de l'État")]


def test_the_default_termbase_accents_its_capitals():
    termbase = load_termbase()
    assert termbase.get("head-of-state").preferred("fr") == "chef de l'État"
    assert termbase.get("us-state-department").preferred("fr") == "département d'État"
    assert termbase.get("islamic-state").preferred("fr") == "groupe État islamique"
    text = (ROOT / "terms.yaml").read_text("utf-8")
    french = re.findall(r"^  fr:.*(?:\n    .*)*", text, re.MULTILINE)
    assert not [block for block in french if re.search(r"\bEtats?\b", block)]


# --- AP titles --------------------------------------------------------------------------------
def test_ap_titles_are_capitalised_before_a_name_only(index, styles):
    text = ("Foreign Minister Sergei Lavrov met the Secretary of State on Monday. Talks with "
            "foreign minister Sergei Lavrov resumed.")
    findings = check(index, styles, text, "en", "en-US")
    assert brief(findings) == [("capitalization", "Secretary of State", "secretary of state"),
                               ("capitalization", "foreign minister", "Foreign Minister")]
    assert all(f.severity.value == "warning" and not f.fix.safe for f in findings)
    assert check(index, styles, text, "en", "en-GB") == []
    assert check(index, styles, text, "en") == []


def test_ap_titles_in_a_title_case_headline_are_not_flagged(index, styles):
    text = "Obama to Meet Iraqi Prime Minister as Violence Rages\n\nThe talks begin today.\n"
    assert check(index, styles, text, "en", "en-US") == []


# --- abbreviations ----------------------------------------------------------------------------
def test_dotted_abbreviations_under_ap_and_the_bbc(index, styles):
    text = "The US and the U.K. met at the UN. Officials went to the U.S.\n"
    ap = check(index, styles, text, "en", "en-US")
    assert brief(ap) == [("house-style", "US", "U.S."), ("house-style", "UN.", "U.N.")]
    bbc = check(index, styles, text, "en", "en-GB")
    # The full stop of U.S. also ends the sentence: it stays.
    assert brief(bbc) == [("house-style", "U.K.", "UK"), ("house-style", "U.S.", "US.")]
    assert "AP (US) usage" in bbc[0].message


def test_a_dotted_abbreviation_before_a_capital_gets_no_fix(index, styles):
    findings = check(index, styles, "They flew to the U.S. Then they rested.", "en", "en-GB")
    assert brief(findings) == [("house-style", "U.S.", "US")]
    assert findings[0].fix is None
    findings = check(index, styles, "The U.S's allies met.", "en", "en-GB")
    assert [(f.text, f.fix.replacement) for f in findings] == [("U.S", "US")]


def test_abbreviations_are_forms_of_their_entries(index):
    termbase = index.termbase
    assert "U.S." in termbase.get("united-states").languages["en"].texts()
    assert "U.K." in termbase.get("united-kingdom").languages["en"].texts()
    assert "U.N." in termbase.get("united-nations").languages["en"].texts()
    assert "É.-U." in termbase.get("united-states").languages["fr"].texts()
    # An English proper name keeps its abbreviation in French copy.
    assert check(index, house_styles(termbase, []),
                 "Les chiffres du U.S. Census Bureau sont tombés.", "fr") == []


# --- one span, one finding --------------------------------------------------------------------
def test_house_style_and_inconsistent_give_one_finding_per_span(index, styles):
    text = "Kim Jong Un spoke. Later Kim Jong-un left.\n"
    findings = check(index, styles, text, "en", "en-GB")
    assert brief(findings) == [("house-style", "Kim Jong Un", "Kim Jong-un")]
    findings = check(index, styles, text, "en")
    assert brief(findings) == [("inconsistent", "Kim Jong-un", "Kim Jong Un")]


# --- documentation ----------------------------------------------------------------------------
def test_explain_house_style():
    result = run("explain", "house-style")
    assert result.exit_code == 0
    for section in ("What it flags:", "Why it matters:", "Example:", "Use instead:",
                    "Fix safety:"):
        assert section in result.output


def test_the_readme_table_is_the_profiles_data(index):
    readme = (ROOT / "README.md").read_text("utf-8")
    profiles = shipped_profiles()
    table = profile_table([profiles[i] for i in ("fr-FR", "fr-FR-presse", "fr-CA", "en-US",
                                                 "en-GB")],
                          index.termbase)
    assert table in readme


def test_the_language_a_file_declares_selects_its_region_s_profile(write):
    po = write("fr_CA.po", '''\
        msgid ""
        msgstr ""
        "Language: fr_CA\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        msgid "The United Nations met on Monday."
        msgstr "Les Nations unies se sont réunies lundi."
        ''')
    findings = report(run("check", str(po), "--format", "json"))
    assert [(f["rule"], f["expected"]) for f in findings] == [("house-style", "Nations Unies")]
    assert "La Presse canadienne writes" in findings[0]["message"]


def test_a_profile_whose_titles_are_free_leaves_french_titles_alone(write):
    profile = write("libre.yaml", "id: libre\nname: Libre\nextends: fr-FR\ntitles: free\n")
    draft = write("a.md", "Le Président Emmanuel Macron est arrivé.\n")
    assert [f["rule"] for f in report(run("check", str(draft), "--lang", "fr",
                                          "--format", "json"))] == ["capitalization"]
    assert report(run("check", str(draft), "--lang", "fr", "--style", str(profile),
                      "--format", "json")) == []


# --- French spacing ---------------------------------------------------------------------------
def test_french_spacing_is_read_inherited_and_checked():
    profiles = shipped_profiles()
    assert (profiles["fr-FR"].french_spacing, profiles["fr-FR-presse"].french_spacing,
            profiles["fr-CA"].french_spacing) == ("narrow", "narrow", "nbsp")
    base = "id: maison\nname: La Maison\nlanguage: {language}\nfrench-spacing: {spacing}\n"
    assert parse_profile(base.format(language="fr", spacing="nbsp"), "m.yaml").french_spacing \
        == "nbsp"
    with pytest.raises(ProfileError, match=r"m.yaml:4: unknown French spacing 'thin'"):
        parse_profile(base.format(language="fr", spacing="thin"), "m.yaml")
    with pytest.raises(ProfileError, match=r"m.yaml:4: 'french-spacing' is for French profiles"):
        parse_profile(base.format(language="en", spacing="narrow"), "m.yaml")
