"""Properties of termbases: any text given as a termbase is loaded or refused with problems
that name a line (never an exception of another kind), and a random valid termbase checks
drafts built from its own forms with the same guarantees as the default one: no exception, every
span inside the draft, fixes that converge.
"""

from __future__ import annotations

import pytest
from fuzz import DRAFT_SUFFIXES, SEPARATORS, piece_of, termbase_yaml, variant
from hypothesis import given
from hypothesis import strategies as st
from test_engine_properties import assert_well_placed

from checker.engine import Checker, CheckOptions
from checker.tools import fixes
from glossary import Termbase
from glossary.loader import parse_termbase
from glossary.validate import check_entries, duplicate_ids

pytestmark = pytest.mark.slow  # seconds per test: not in the fast loop

YAML_PIECES = st.sampled_from(["version: 1\n", "entries:\n", "  - id: a\n", "    type: person\n",
                               "    en: Jake\n", "    fr: {preferred: Jâke, short: [J]}\n",
                               "&a ", "*a", "[", "]", "{", "}", ":", "- ", "'", '"', "\n",
                               "  ", "\t", "!!python/object:os.system ", "<<: *a\n", "%YAML 1.2\n",
                               "---\n", "...\n", "? ", "|\n", ">\n", "#", "\ufeff", "\x00"])
yaml_garbage = st.lists(st.one_of(YAML_PIECES, st.text(max_size=6)), max_size=40).map("".join)


@given(text=yaml_garbage)
def test_any_text_is_a_termbase_or_problems_with_lines(text):
    entries, problems = parse_termbase(text, "t.yaml")
    problems += check_entries(entries)
    for problem in problems:
        assert problem.line >= 0 and problem.message and str(problem)


@given(termbase=termbase_yaml(), codes=st.lists(st.integers(0, 2**40), max_size=20),
       lang=st.sampled_from(["fr", "en"]), path=st.sampled_from(DRAFT_SUFFIXES),
       unsafe=st.booleans())
def test_random_termbases_check_drafts_made_of_their_forms(termbase, codes, lang, path, unsafe):
    text, forms = termbase
    entries, problems = parse_termbase(text, "terms.yaml")
    problems += duplicate_ids(entries) + check_entries(entries)
    if problems:  # two entries drew the same form: said, with lines
        assert all(problem.line > 0 for problem in problems)
        return
    checker = Checker(Termbase({e.id: e for e in entries}, ("terms.yaml",)),
                      CheckOptions(lang=lang))
    # Each number a piece: a form of this termbase (as written or miswritten), or a hostile one.
    draft = "".join(
        (variant(forms[code // 4 % len(forms)], code // 64 % 15, code // 960 % 61)
         if code % 4 else piece_of(code // 4)) + SEPARATORS[code // 7 % len(SEPARATORS)]
        for code in codes)
    result = checker.check_text(draft, path)
    assert_well_placed(result, draft)
    final, last = fixes.converged_text(result, checker.recheck, unsafe=unsafe)
    if final is not None:
        assert fixes.fixed_text(last) is None
