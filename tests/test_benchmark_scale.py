"""The scale benchmark (benchmarks/scale.py) runs end to end on a tiny termbase and corpus: its
generated termbase is valid, its injected errors are where it says, and its JSON holds every
figure docs/performance.md quotes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import scale  # noqa: E402

from glossary import load_termbase, validate_files  # noqa: E402


def test_generated_termbase_is_valid_and_deterministic(tmp_path):
    people = scale.make_people(300)
    assert scale.make_people(300) == people
    path = tmp_path / "terms.yaml"
    path.write_text(scale.termbase_yaml(people), encoding="utf-8")
    assert validate_files([path]) == []
    termbase = load_termbase([path])
    assert len(termbase) == 300
    assert any(entry.languages["fr"].avoid for entry in termbase)
    assert any(entry.languages["en"].accepted for entry in termbase)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_injected_errors_sit_on_their_spans(lang):
    people = scale.make_people(300)
    text, injected = scale.make_corpus(people, lang, 0.03)
    assert 25_000 < len(text.encode()) < 40_000
    rules = {rule for _, _, rule in injected}
    assert len(rules) >= 5
    names = {p.fr if lang == "fr" else p.en for p in people}
    for start, end, rule in injected:
        span = text[start:end]
        assert span and span.strip() == span
        if rule != "sentence-case":
            assert span not in names  # the injected form is not the right one


def test_the_benchmark_runs_and_writes_its_figures(tmp_path):
    out = tmp_path / "figures.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--sizes",
                           "200", "--mb", "0.02", "--json", str(out)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "CLI MB/s" in done.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["machine"]["cpus"] >= 1
    (row,) = figures["results"]
    assert row["entries"] == 200
    assert row["cold_load_s"] > 0 and row["warm_load_s"] > 0 and row["index_mb"] > 0
    assert {c["lang"] for c in row["corpora"]} == {"fr", "en"}
    for corpus in row["corpora"]:
        assert corpus["injected"] > 0
        assert corpus["recall"] >= 0.9 and corpus["precision"] >= 0.9
        assert corpus["cli_mb_per_s"] > 0 and corpus["ratio_to_floor"] > 1
        assert corpus["bulk_mb_per_s"] > 0 and corpus["bulk_ratio_to_floor"] > 1
        assert corpus["again_mb_per_s"] > 0 and corpus["again_ratio_to_floor"] > 0
        assert corpus["rest_mb_per_s"] > 0 and corpus["rest_ratio_to_floor"] > 0
        assert corpus["peak_rss_mb"] > 0
    assert "beyond the matcher" in done.stdout
    assert row["jobs"]["files"] >= 2 and row["jobs"]["speedup"] > 0
    dask = row["dask"]  # check --scheduler on a local cluster of one worker, then two
    assert dask["identical"] and dask["files"] == row["jobs"]["files"]
    assert dask["speedup"] > 0 and dask["busy_speedup"] > 0 and dask["workers2_cpu_mb_per_s"] > 0
    assert row["naive_alternation"]["forms"] > 200


def test_generated_termbase_with_shared_surnames_is_valid(tmp_path):
    people = scale.make_people(2_000, shared_surnames=True)
    path = tmp_path / "terms.yaml"
    path.write_text(scale.termbase_yaml(people), encoding="utf-8")
    shorts = [p.en_short for p in people]
    assert all(shorts) and len(set(shorts)) < len(shorts)  # every surname kept, some shared
    assert validate_files([path]) == []


def test_the_shared_surnames_benchmark_runs(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "surnames.py"),
                           "--entries", "2000", "--mb", "0.02"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "validation:" in done.stdout and ", 0 problems" in done.stdout
    assert "check fr:" in done.stdout and "surnames alone, 0 findings" in done.stdout
