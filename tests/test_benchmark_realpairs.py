"""benchmarks/realpairs.py on a corpus of two documents written here, in the layout of the WMT
test sets it reads (one sgm file per language, documents aligned by id): pairs in the direction
each document was translated, findings scored against a label file, the PO run compared."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import realpairs  # noqa: E402

DOCS = {  # docid: (origlang, French segments, English segments)
    "1-fr": ("fr", ["Sergueï Lavrov a reçu Wang Yi à Moscou.", "La réunion a duré 37 minutes."],
             ["Sergei Lavrov received Wang Yi in Moscow.", "The meeting lasted 38 minutes."]),
    "2-en": ("en", ["Le ministre a parlé.", "Jake Sullivan est arrivé."],
             ["Sergei Lavrov spoke.", "Jake Sullivan arrived."]),
}


def corpus(folder: Path) -> Path:
    from realnews import SIDES
    folder.mkdir(exist_ok=True)
    for lang, name in SIDES.items():
        docs = []
        for docid, (origlang, fr, en) in DOCS.items():
            segs = "".join(f'<seg id="{i}">{s}</seg>\n'
                           for i, s in enumerate(fr if lang == "fr" else en, 1))
            docs.append(f'<doc sysid="ref" docid="{docid}" genre="news" origlang="{origlang}">\n'
                        f'{segs}</doc>\n')
        (folder / name).write_text("<refset>\n" + "".join(docs) + "</refset>\n",
                                   encoding="utf-8")
    return folder


def test_pairs_run_in_the_direction_each_document_was_translated(tmp_path):
    pairs = {p.document: p for p in realpairs.pairs(corpus(tmp_path))}
    assert (pairs["1-fr"].direction, pairs["2-en"].direction) == ("fr-en", "en-fr")
    assert pairs["2-en"].source[0] == "Sergei Lavrov spoke."


def test_findings_are_scored_against_the_labels(tmp_path, capsys):
    folder = corpus(tmp_path / "corpus")
    unlabelled = tmp_path / "unlabelled.csv"
    assert realpairs.main(["--corpus", str(folder), "--labels", str(tmp_path / "none.csv"),
                           "--unlabelled", str(unlabelled), "--po"]) == 0
    rows = list(csv.DictReader(unlabelled.open(encoding="utf-8")))
    # 37 → 38 (numbers) and Sergei Lavrov lost in translation (term-mismatch).
    assert sorted((r["direction"], r["rule"], r["severity"]) for r in rows) == [
        ("en-fr", "term-mismatch", "error"), ("fr-en", "numbers", "error")]
    out = capsys.readouterr().out
    assert "pair findings (errors and warnings): 2; unlabelled: 2" in out
    assert "PO catalogues whose findings differ from the aligned files': 0" in out
    # Labelled, they are scored.
    labels = tmp_path / "labels.csv"
    with labels.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, realpairs.FIELDS)
        writer.writeheader()
        writer.writerows({**r, "label": "TP" if r["rule"] == "numbers" else "FP"} for r in rows)
    realpairs.main(["--corpus", str(folder), "--labels", str(labels)])
    out = capsys.readouterr().out
    assert "real (TP + TPs over labelled): 50.0%" in out
    assert "every finding a reviewer is shown (all rules, every severity): 2, real 50.0%" in out
