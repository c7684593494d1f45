"""Machine translation: the provider interface (a fake here, never the network), the disk cache,
clear one-line errors from the real deep-translator path when offline, termcheck translate
(names protected, restored in the target form, the result checked) and suggest --translate."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from checker.cli import cli
from checker.engine import Checker
from checker.tools import providers as providers_module
from checker.tools.providers import (
    CachedProvider,
    DeepTranslatorProvider,
    ProviderConfigError,
    ProviderRateLimited,
    ProviderTimeout,
    ProviderUnavailable,
    TranslationCache,
    TranslationFailed,
)
from checker.tools.translate import translate_text
from glossary import load_termbase

FIXTURES = Path(__file__).parent / "fixtures" / "suggest"
FR = str(FIXTURES / "archives.fr.md")

DRAFT = """\
Nikolaï Patrouchev a reçu Sergueï Lavrov à Moscou.

Patrouchev a salué le ministre des Affaires étrangères.
"""


class FakeProvider:
    """Translates the texts it was taught; records what it was asked."""

    def __init__(self, answers: dict[str, str], name: str = "google"):
        self.name = name
        self.answers = answers
        self.asked: list[tuple[str, str, str]] = []

    def translate(self, text: str, source: str, target: str) -> str:
        self.asked.append((text, source, target))
        if text not in self.answers:
            raise TranslationFailed(self.name, f"no translation for '{text}'")
        return self.answers[text]


class DownProvider:
    name = "mymemory"

    def translate(self, text: str, source: str, target: str) -> str:
        raise ProviderUnavailable(self.name, "cannot reach the translation service "
                                             "(connection failed); check the network")


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def checker():
    return Checker(load_termbase())


def use_providers(monkeypatch, **by_name):
    monkeypatch.setattr(providers_module, "get_provider",
                        lambda name, cache=True: by_name[name])


# --- translate -----------------------------------------------------------------------------------
MASKED = {"⟦1⟧ a reçu ⟦2⟧ à ⟦3⟧.": "⟦1⟧ received ⟦2⟧ in ⟦3⟧.",
          "⟦4⟧ a salué le ⟦5⟧.": "⟦4⟧ praised the ⟦5⟧."}


@pytest.mark.slow
def test_names_are_protected_and_restored_in_the_target_form(checker):
    fake = FakeProvider(MASKED)
    result = translate_text(checker, "note.txt", DRAFT, fake, "en")
    # The provider never saw a name, only placeholders.
    assert [text for text, _, _ in fake.asked] == list(MASKED)
    assert {(source, target) for _, source, target in fake.asked} == {("fr", "en")}
    assert result.text == ("Nikolai Patrushev received Sergei Lavrov in Moscow.\n\n"
                           "Patrushev praised the foreign minister.\n")
    assert [(p.source, p.target) for p in result.protected] == [
        ("Nikolaï Patrouchev", "Nikolai Patrushev"), ("Sergueï Lavrov", "Sergei Lavrov"),
        ("Moscou", "Moscow"), ("Patrouchev", "Patrushev"),
        ("ministre des Affaires étrangères", "foreign minister")]
    assert result.lost == []
    assert result.check is not None and result.check.findings == []


def test_a_title_opening_a_sentence_gets_a_capital(checker):
    fake = FakeProvider({"⟦1⟧ a parlé.": "⟦1⟧ spoke."})
    result = translate_text(checker, "n.txt", "Le ministre des Affaires étrangères a parlé.\n"
                            .replace("Le ", ""), fake, "en")
    assert result.text == "Foreign minister spoke.\n"


@pytest.mark.slow
def test_the_translate_command_prints_the_translation_and_the_check(monkeypatch, write):
    draft = write("note.fr.txt", DRAFT)
    # An engine that loses a placeholder and writes a French name into the English text.
    answers = {"⟦1⟧ a reçu ⟦2⟧ à ⟦3⟧.": "⟦1⟧ received ⟦2⟧ in ⟦3⟧ with Poutine.",
               "⟦4⟧ a salué le ⟦5⟧.": "⟦4⟧ praised the minister."}
    use_providers(monkeypatch, google=FakeProvider(answers))
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "en",
                                      "--provider", "google"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ("Nikolai Patrushev received Sergei Lavrov in Moscow with Poutine."
                             "\n\nPatrushev praised the minister.\n")
    assert (f"termcheck: {draft}: the provider lost 'ministre des Affaires étrangères'; write "
            f"'foreign minister' where it belongs") in result.stderr
    assert "wrong-language 'Poutine' is the French form; in English write 'Putin'" \
        in result.stderr


@pytest.mark.slow
def test_translate_output_file_and_markdown_structure(monkeypatch, write, tmp_path):
    draft = write("note.md", "---\ntitre: x\n---\n\n# Moscou\n\n```\nMoscou\n```\n")
    use_providers(monkeypatch, google=FakeProvider({"# ⟦1⟧": "# ⟦1⟧"}))
    out = tmp_path / "note.en.md"
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "en", "--source-lang",
                                      "fr", "--provider", "google", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == "---\ntitre: x\n---\n\n# Moscow\n\n```\nMoscou\n```\n"


@pytest.mark.slow
def test_translate_refuses_translation_files_and_same_language(monkeypatch, write):
    use_providers(monkeypatch, google=FakeProvider({}))
    po = write("a.po", 'msgid "a"\nmsgstr "b"\n')
    result = CliRunner().invoke(cli, ["translate", str(po), "--lang", "en", "--provider", "google"])
    assert result.exit_code == 2
    assert "translate works on drafts" in result.output
    draft = write("a.txt", DRAFT)
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "fr",
                                      "--provider", "google"])
    assert result.exit_code == 2 and "is already in fr" in result.output
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "xx",
                                      "--provider", "google"])
    assert result.exit_code == 2 and "'xx' names no language" in result.output
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "de",
                                      "--provider", "google"])
    assert result.exit_code == 2 and "the termbase has no 'de' forms" in result.output


@pytest.mark.slow
def test_translate_with_a_provider_down_is_one_line_and_exit_2(monkeypatch, write):
    draft = write("a.txt", DRAFT)
    use_providers(monkeypatch, mymemory=DownProvider())
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "en",
                                      "--provider", "mymemory"])
    assert result.exit_code == 2
    assert result.stderr == ("termcheck: mymemory: cannot reach the translation service "
                             "(connection failed); check the network\n")


# --- suggest --provider ---------------------------------------------------------------------------
@pytest.mark.slow
def test_suggest_translate_proposes_the_other_language(monkeypatch):
    fake = FakeProvider({"Andreï Gromyko": "Andrei Gromyko",
                         "Institut Greenvale": "Greenvale Institute"})
    use_providers(monkeypatch, google=fake)
    result = CliRunner().invoke(cli, ["suggest", "--provider", "google", FR])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "  en: Andrei Gromyko  # proposed by google" in out
    assert "  en: Greenvale Institute  # proposed by google" in out
    assert "# en proposed by machine translation (google: Andrei Gromyko); check it" in out
    # Kazan and Vladivostok came back unchanged from the engine: no proposal, fr only.
    assert ("fr", "en") in {(s, t) for _, s, t in fake.asked}
    assert "- id: brezhnev-leonid" in out  # already had both languages: not asked
    assert ("Leonid Brejnev", "fr", "en") not in fake.asked


@pytest.mark.slow
def test_suggest_with_a_provider_down_prints_the_candidates(monkeypatch):
    use_providers(monkeypatch, mymemory=DownProvider(),
                  google=FakeProvider({"Andreï Gromyko": "Andrei Gromyko"}))
    result = CliRunner().invoke(cli, ["suggest", "--provider", "mymemory",
                                      "--provider", "google", FR])
    assert result.exit_code == 0
    assert result.stderr.count("mymemory") == 1  # one line, not one per candidate
    assert ("termcheck: mymemory: cannot reach the translation service (connection failed); "
            "check the network; candidates printed without its proposals") in result.stderr
    assert "- id: brezhnev-leonid" in result.stdout
    assert "en: Andrei Gromyko  # proposed by google" in result.stdout


# --- the real provider path, offline -------------------------------------------------------------
def refuse(*args, **kwargs):
    raise requests.exceptions.ConnectionError(
        "HTTPSConnectionPool(host='translate.google.com', port=443): Max retries exceeded "
        "(Caused by NameResolutionError(\"[Errno -3] Temporary failure in name resolution\"))")


def test_google_offline_is_a_clear_one_line_error(monkeypatch):
    monkeypatch.setattr(requests, "get", refuse)
    with pytest.raises(ProviderUnavailable) as error:
        DeepTranslatorProvider("google", env={}).translate("Bonjour", "fr", "en")
    assert str(error.value) == ("google: cannot reach the translation service (Temporary "
                                "failure in name resolution); check the network or try "
                                "another provider")


@pytest.mark.slow
def test_suggest_translate_google_offline(monkeypatch):
    monkeypatch.setattr(requests, "get", refuse)
    result = CliRunner().invoke(cli, ["suggest", "--provider", "google", FR])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if "google" in line]
    assert lines == ["termcheck: google: cannot reach the translation service (Temporary "
                     "failure in name resolution); check the network or try another provider; "
                     "candidates printed without its proposals"]
    assert "- id: gromyko-andrei" in result.stdout


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.slow
def test_libre_pointed_at_an_unreachable_server(monkeypatch, write):
    monkeypatch.setenv("LIBRE_API_KEY", "test-key")
    monkeypatch.setenv("TERMCHECK_LIBRE_URL", f"http://127.0.0.1:{closed_port()}")
    draft = write("a.txt", DRAFT)
    result = CliRunner().invoke(cli, ["translate", str(draft), "--lang", "en", "--provider",
                                      "libre"])
    assert result.exit_code == 2
    assert result.stderr == ("termcheck: libre: cannot reach the translation service "
                             "(Connection refused); check the network or try another "
                             "provider\n")


def test_missing_key_unknown_provider_and_rate_limit(monkeypatch):
    with pytest.raises(ProviderConfigError, match="deepl: needs an API key: set DEEPL_API_KEY"):
        DeepTranslatorProvider("deepl", env={}).translate("Bonjour", "fr", "en")
    with pytest.raises(ProviderConfigError, match="unknown provider"):
        DeepTranslatorProvider("babel", env={})

    class TooMany:
        status_code = 429

    monkeypatch.setattr(requests, "get", lambda *a, **k: TooMany())
    with pytest.raises(ProviderRateLimited, match="google: too many requests"):
        DeepTranslatorProvider("google", env={}).translate("Bonjour", "fr", "en")


def test_a_slow_service_times_out(monkeypatch):
    def slow(*args, **kwargs):
        time.sleep(2)
        raise AssertionError("not reached in time")

    monkeypatch.setattr(requests, "get", slow)
    started = time.monotonic()
    with pytest.raises(ProviderTimeout, match=r"google: no answer within 0.2 s"):
        DeepTranslatorProvider("google", env={}, timeout=0.2).translate("Bonjour", "fr", "en")
    assert time.monotonic() - started < 1.5


# --- the cache -----------------------------------------------------------------------------------
def test_answers_are_cached_on_disk(tmp_path):
    fake = FakeProvider({"Bonjour": "Hello"})
    first = CachedProvider(fake, TranslationCache(tmp_path / "c"))
    assert first.translate("Bonjour", "fr", "en") == "Hello"
    assert first.translate("Bonjour", "fr", "en") == "Hello"
    again = CachedProvider(fake, TranslationCache(tmp_path / "c"))  # a later run
    assert again.translate("Bonjour", "fr", "en") == "Hello"
    assert len(fake.asked) == 1
    assert (tmp_path / "c" / "translations.sqlite3").is_file()


def test_an_unusable_cache_is_skipped(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = TranslationCache(blocker / "cache")
    assert cache.problem and "translation cache not used" in cache.problem
    fake = FakeProvider({"Bonjour": "Hello"})
    assert CachedProvider(fake, cache).translate("Bonjour", "fr", "en") == "Hello"


def test_get_provider_uses_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TERMCHECK_CACHE_DIR", str(tmp_path / "here"))
    provider = providers_module.get_provider("google")
    assert isinstance(provider, CachedProvider)
    assert (tmp_path / "here" / "translations.sqlite3").is_file()


@pytest.mark.slow
def test_a_proposal_the_termbase_already_has_is_left_out(monkeypatch, tmp_path):
    use_providers(monkeypatch, google=FakeProvider({"Andreï Gromyko": "Sergei Lavrov"}))
    result = CliRunner().invoke(cli, ["suggest", "--provider", "google", FR])
    out = result.stdout
    block = out[out.index("- id: gromyko-andrei"):]
    block = block[:block.index("\n- id:")] if "\n- id:" in block else block
    assert "en:" not in block
    assert ("# left out: 'en' form 'Sergei Lavrov' is already a form of entry 'lavrov-sergei'"
            in out)
    path = tmp_path / "new.yaml"
    path.write_text(out, encoding="utf-8")
    assert CliRunner().invoke(cli, ["terms", "validate", "default", str(path)]).exit_code == 0
