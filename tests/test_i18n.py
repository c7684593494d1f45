"""The interface language: French messages, help and HTML report under a French locale or
``--ui-lang fr``, English elsewhere; the French catalogue complete, compiled and typeset."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from click.testing import CliRunner

from checker import i18n
from checker.cli import cli
from checker.engine import DEFAULT_MAX_FINDINGS
from checker.limits import DEFAULT_TIMEOUT

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "checker" / "locale"
TEMPLATE = LOCALE / "termcheck.pot"
FRENCH_PO = LOCALE / "fr" / "LC_MESSAGES" / "termcheck.po"
FRENCH_MO = LOCALE / "fr" / "LC_MESSAGES" / "termcheck.mo"
DRAFT = "Le conseiller jake Sullivan a parlé aux journalistes ce matin, à la Maison-Blanche.\n"


def locale(**variables: str) -> dict[str, str | None]:
    """An environment with only the given locale variables set (the others unset)."""
    env: dict[str, str | None] = dict.fromkeys(i18n.ENVIRONMENT)
    env.update(variables)
    return env


def run(*args: object, env: dict[str, str | None]):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


@pytest.fixture
def draft(write, small_terms):
    return write("brouillon.md", DRAFT), small_terms


# --- which language -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.utf8@euro"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "fr"),
        ({"LC_MESSAGES": "fr_FR.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL comes first
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LANGUAGE": "en", "LC_ALL": "fr_FR.UTF-8"}, "en"),  # LANGUAGE comes first of all
        ({"LANGUAGE": "de:fr:en", "LANG": "C"}, "fr"),  # the first language termcheck speaks
        ({"LANGUAGE": "de", "LANG": "fr_FR.UTF-8"}, "en"),  # as gettext: the first one set decides
        ({"LANGUAGE": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # an empty variable is not set
    ],
)
def test_the_locale_chooses_in_gettexts_order(environ, expected):
    assert i18n.from_environment(environ) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fr", "fr"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("fr_BE", "fr"),
        ("en", "en"),
        ("EN-gb", "en"),
        ("C", "en"),
        ("de", None),
        ("", None),
        ("klingon", None),
    ],
)
def test_language_names_and_tags(value, expected):
    assert i18n.parse_language(value) == expected


def test_using_restores_the_language_spoken_before():
    with i18n.using("fr"):
        assert i18n._("Findings") == "Constats"
        with i18n.using("en"):
            assert i18n._("Findings") == "Findings"
        assert i18n.language() == "fr"
    assert i18n.language() == "en"
    with pytest.raises(ValueError):
        i18n.use("de")


# --- the same finding in both languages ----------------------------------------------------


def test_the_same_finding_in_french_under_a_french_locale(draft):
    path, terms = draft
    result = run("check", path, "--terms", terms, "--lang", "fr", env=locale(LANG="fr_FR.UTF-8"))
    assert result.exit_code == 1, result.output
    assert (
        "capitalization « jake Sullivan » a des majuscules erronées ; écrire « Jake Sullivan »"
    ) in result.output.replace("\u00a0", " ").replace("\u202f", " ")
    assert "= attendu\u00a0: Jake Sullivan" in result.output
    assert "1 constat dans 1 fichier (1 erreur, 0 avertissement, 0 info)" in result.output
    assert "wrong capitals" not in result.output


def test_the_same_finding_in_english_under_the_c_locale(draft):
    path, terms = draft
    result = run("check", path, "--terms", terms, "--lang", "fr", env=locale(LANG="C"))
    assert result.exit_code == 1, result.output
    assert (
        "capitalization 'jake Sullivan' has wrong capitals; write 'Jake Sullivan'" in result.output
    )
    assert "= expected: Jake Sullivan" in result.output
    assert "1 finding in 1 file (1 error, 0 warnings, 0 info)" in result.output


def test_french_messages_are_typeset_the_french_way(draft):
    path, terms = draft
    result = run("check", path, "--terms", terms, "--lang", "fr", env=locale(LANG="fr_FR.UTF-8"))
    assert "«\u00a0jake Sullivan\u00a0» a des majuscules erronées\u202f; écrire" in result.output


def test_ui_lang_wins_over_the_locale(draft):
    path, terms = draft
    french = run(
        "--ui-lang", "fr", "check", path, "--terms", terms, "--lang", "fr", env=locale(LANG="C")
    )
    assert "majuscules erronées" in french.output
    english = run(
        "--ui-lang",
        "EN",
        "check",
        path,
        "--terms",
        terms,
        "--lang",
        "fr",
        env=locale(LANG="fr_FR.UTF-8", LANGUAGE="fr"),
    )
    assert "has wrong capitals" in english.output
    regional = run(
        "--ui-lang", "fr-CA", "check", path, "--terms", terms, "--lang", "fr", env=locale()
    )
    assert "majuscules erronées" in regional.output


def test_an_unknown_interface_language_is_a_usage_error(draft):
    result = run("--ui-lang", "de", "check", draft[0], env=locale())
    assert result.exit_code == 2
    assert "'de' is not an interface language; choose from en, fr" in result.output


def test_machine_formats_keep_their_english_identifiers(draft):
    """Rule codes, severities and keys are identifiers: the same in every interface language;
    the message text is the interface's (documented in the README)."""
    path, terms = draft
    result = run(
        "--ui-lang",
        "fr",
        "check",
        path,
        "--terms",
        terms,
        "--lang",
        "fr",
        "--format",
        "json",
        env=locale(),
    )
    finding = json.loads(result.output)["findings"][0]
    assert (finding["rule"], finding["severity"]) == ("capitalization", "error")
    assert finding["message"].startswith("«\u00a0jake Sullivan\u00a0»")
    sarif = run(
        "--ui-lang",
        "fr",
        "check",
        path,
        "--terms",
        terms,
        "--lang",
        "fr",
        "--format",
        "sarif",
        env=locale(),
    )
    result_ = json.loads(sarif.output)["runs"][0]["results"][0]
    assert (result_["ruleId"], result_["level"]) == ("capitalization", "error")


def test_errors_and_notices_on_standard_error_are_french(tmp_path, small_terms):
    missing = tmp_path / "absent.md"
    result = run("--ui-lang", "fr", "check", missing, "--terms", small_terms, env=locale())
    assert result.exit_code == 2
    assert "fichier introuvable" in result.output
    assert "1 fichier n'a pas pu être vérifié" in result.output


def test_the_html_report_is_french(draft):
    path, terms = draft
    result = run(
        "check",
        path,
        "--terms",
        terms,
        "--lang",
        "fr",
        "--format",
        "html",
        env=locale(LANG="fr_FR.UTF-8"),
    )
    page = result.output
    assert '<html lang="fr">' in page
    assert "<h1>Rapport termcheck</h1>" in page
    assert "<th>Règle</th><th>Gravité</th>" in page
    assert '<span class="sev error">erreur</span>' in page  # the class stays an identifier
    assert "Attendu\u00a0:" in page
    english = run(
        "check", path, "--terms", terms, "--lang", "fr", "--format", "html", env=locale(LANG="C")
    ).output
    assert '<html lang="en">' in english and "<h1>termcheck report</h1>" in english


def test_the_readmes_french_example_is_what_termcheck_prints(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ LANG=fr_FR.UTF-8 termcheck check brouillon.md\n"
    shown = readme.split(command, 1)[1].split("\n$ ", 1)[0] + "\n"
    (tmp_path / "brouillon.md").write_text(
        "# Conférence\n\njake Sullivan a parlé aux journalistes ce matin à Paris.\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "brouillon.md"], env=locale(LANG="fr_FR.UTF-8"))
    # The README writes the no-break spaces as spaces.
    assert result.stdout.replace("\u00a0", " ").replace("\u202f", " ") == shown


# --- help --------------------------------------------------------------------------------------


def test_help_is_french_under_a_french_locale():
    result = run("check", "--help", env=locale(LC_ALL="fr_FR.UTF-8"))
    assert result.exit_code == 0
    assert re.match(r"Utilisation\u00a0: \S+ check \[OPTIONS\] PATH\.\.\.", result.output)
    assert "Vérifier des brouillons et des traductions" in result.output
    assert "Appliquer aux fichiers les corrections sûres" in result.output
    assert "[par défaut\u00a0: auto]" in re.sub(r"[ \n]+", " ", result.output)  # click's, in French
    assert "Afficher ce message et quitter." in result.output


def test_ui_lang_counts_for_the_groups_help_and_the_command_list():
    result = run("--ui-lang", "fr", "--help", env=locale())
    assert "Commandes:" in result.output
    assert "Valider, décrire et convertir des bases terminologiques." in result.output
    assert "Langue des messages, de l'aide et du rapport HTML" in result.output
    terms = run("--ui-lang", "fr", "terms", "add", "--help", env=locale())
    assert "La forme préférée en LANG." in terms.output


def test_every_option_and_command_has_its_help_in_french():
    """Every help text the commands show is in the catalogue with a translation: none is
    left in English by a string that escaped extraction."""
    import click

    catalogue = {entry.msgid: entry.msgstr for entry in polib.pofile(str(FRENCH_PO))}
    seen = 0

    def visit(command: click.Command) -> None:
        nonlocal seen
        texts = [command.help] + [
            p.help for p in command.params if isinstance(p, click.Option) and not p.hidden
        ]
        for text in filter(None, texts):
            seen += 1
            assert catalogue.get(text), f"no French for help text {text!r}"
        for sub in getattr(command, "commands", {}).values():
            visit(sub)

    visit(cli)
    assert seen > 80


def test_help_texts_state_the_real_defaults():
    """The defaults a help text writes out (a message id is a constant) are the code's."""
    result = run("check", "--help", env=locale())
    text = " ".join(result.output.split())
    assert f"(default {DEFAULT_TIMEOUT:g})" in text
    assert f"(default {DEFAULT_MAX_FINDINGS:,}; 0 for all)" in text


def test_english_help_is_unchanged_by_the_translation_machinery():
    result = run("check", "--help", env=locale(LANG="C"))
    assert re.match(r"Usage: \S+ check \[OPTIONS\] PATH\.\.\.", result.output)
    assert "Options:" in result.output
    assert "[default: auto]" in re.sub(r"[ \n]+", " ", result.output)
    assert "Show this message and exit." in result.output


# --- the catalogue ---------------------------------------------------------------------------


def test_every_message_of_the_template_has_a_french_translation():
    template = polib.pofile(str(TEMPLATE))
    french = {(e.msgctxt, e.msgid): e for e in polib.pofile(str(FRENCH_PO))}
    assert len(template) > 250
    for entry in template:
        translated = french.get((entry.msgctxt, entry.msgid))
        assert translated is not None, f"not in the French catalogue: {entry.msgid!r}"
        assert not translated.fuzzy and not translated.obsolete, entry.msgid
        if entry.msgid_plural:
            assert all(translated.msgstr_plural.get(i) for i in (0, 1)), entry.msgid
        else:
            assert translated.msgstr, f"empty translation of {entry.msgid!r}"
    assert polib.pofile(str(FRENCH_PO)).percent_translated() == 100


def test_the_template_holds_every_message_of_the_code():
    """pybabel extract (README) was run after the last change to a message."""
    extracted = {
        (context, message if isinstance(message, str) else message[0])
        for _file, _line, message, _comments, context in extract_from_dir(
            str(ROOT), method_map=[("checker/**.py", "python")]
        )
    }
    template = {(e.msgctxt, e.msgid) for e in polib.pofile(str(TEMPLATE))}
    assert extracted == template


def test_the_compiled_catalogue_is_the_po_compiled():
    """The .mo shipped in the wheel is pybabel compile's output for the .po as it is."""
    with FRENCH_PO.open("rb") as stream:
        catalog = read_po(stream, locale="fr")
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    assert FRENCH_MO.read_bytes() == compiled.getvalue(), (
        "run: pybabel compile -d checker/locale -D termcheck"
    )


def test_translations_keep_the_placeholders_of_their_message():
    for entry in polib.pofile(str(FRENCH_PO)):
        ids = [entry.msgid, *filter(None, [entry.msgid_plural])]
        strings = list(entry.msgstr_plural.values()) or [entry.msgstr]
        want = set(re.findall(r"\{[^{}]*\}", " ".join(ids)))
        for string in strings:
            assert set(re.findall(r"\{[^{}]*\}", string)) <= want, entry.msgid
            if not entry.msgid_plural:
                assert set(re.findall(r"\{[^{}]*\}", string)) == want, entry.msgid


def test_the_french_catalogue_passes_termchecks_own_french_spacing(small_terms):
    """termcheck checks its own catalogue as a translator's PO file: no-break spaces before
    ``: ; ! ?`` and inside « », placeholders kept, ends punctuated as their source; the only
    findings are in rule summaries that quote typography as code (backticks)."""
    result = run(
        "check",
        FRENCH_PO,
        "--terms",
        small_terms,
        "--format",
        "json",
        "--select",
        "french-spacing,placeholders,end-punctuation",
        env=locale(),
    )
    lines = FRENCH_PO.read_text(encoding="utf-8").splitlines()
    findings = json.loads(result.output)["findings"]
    assert all("`" in lines[f["line"] - 1] for f in findings), [
        (f["line"], f["message"]) for f in findings if "`" not in lines[f["line"] - 1]
    ]


def test_the_catalogue_terminology_is_consistent():
    """One French word per concept: « constat » for a finding, « base terminologique » for the
    termbase, « brouillon » for a draft."""
    text = " ".join(
        e.msgstr + " ".join(e.msgstr_plural.values()) for e in polib.pofile(str(FRENCH_PO))
    ).lower()
    for avoided in ("signalement", "glossaire", "résultat", "ébauche", "terminobase"):
        assert avoided not in text, avoided
    assert "constat" in text and "base terminologique" in text and "brouillon" in text
