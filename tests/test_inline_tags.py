"""The inline-tags rule on XLIFF 1.2, XLIFF 2.x and TMX: a tag of the source dropped, one
added, a pair left open or closed before it opens; reordering let through."""

from __future__ import annotations

import pytest

from checker.engine import Checker, CheckOptions
from glossary.index.cache import load_index


@pytest.fixture(scope="module")
def engine() -> Checker:
    index = load_index(None)
    return Checker(index.termbase, CheckOptions(lang="fr"), index=index)


def xliff12(*units: tuple[str, str]) -> str:
    body = "".join(f'<trans-unit id="u{n}">\n<source>{source}</source>\n'
                   f"<target>{target}</target>\n</trans-unit>\n"
                   for n, (source, target) in enumerate(units, 1))
    return ('<?xml version="1.0"?>\n<xliff version="1.2" '
            'xmlns="urn:oasis:names:tc:xliff:document:1.2">\n<file source-language="en" '
            f'target-language="fr" original="a" datatype="html"><body>\n{body}</body></file>'
            "</xliff>\n")


def xliff2(*segments: tuple[str, str]) -> str:
    body = "".join(f'<segment id="s{n}">\n<source>{source}</source>\n'
                   f"<target>{target}</target>\n</segment>\n"
                   for n, (source, target) in enumerate(segments, 1))
    return ('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
            f'trgLang="fr">\n<file id="f"><unit id="u">\n{body}</unit></file></xliff>\n')


def tmx(*units: tuple[str, str]) -> str:
    body = "".join(f'<tu>\n<tuv xml:lang="en"><seg>{source}</seg></tuv>\n'
                   f'<tuv xml:lang="fr"><seg>{target}</seg></tuv>\n</tu>\n'
                   for source, target in units)
    return ('<tmx version="1.4"><header creationtool="t" creationtoolversion="1" '
            'segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="html"/>\n'
            f"<body>\n{body}</body></tmx>\n")


def tag_findings(engine: Checker, path: str, text: str) -> list[tuple[int, int, str, str]]:
    result = engine.check_text(text, path)
    assert result.error is None, result.error
    return [(f.line, f.column, f.text, f.message) for f in result.findings
            if f.rule == "inline-tags"]


def test_12_reordered_tags_are_no_finding(engine):
    text = xliff12(('Read <g id="1">this</g> and <bpt id="2">&lt;b&gt;</bpt>that'
                    '<ept id="2">&lt;/b&gt;</ept><x id="3"/>.',
                    '<x id="3"/>Lisez <bpt id="2">&lt;b&gt;</bpt>ceci<ept id="2">&lt;/b&gt;'
                    '</ept> et <g id="1">cela</g>.'))
    assert tag_findings(engine, "a.xlf", text) == []


def test_12_a_dropped_tag_is_named_as_the_source_writes_it_at_the_target_start(engine):
    text = xliff12(('Hello <ph id="1" ctype="x-name">%name%</ph>,<x id="2"/>welcome.',
                    "Bonjour, bienvenue."))
    assert tag_findings(engine, "a.xlf", text) == [
        (6, 9, "B", 'the translation lacks the source\'s tags <ph id="1">, <x id="2"/>')]


def test_12_an_added_tag_is_flagged_where_it_stands(engine):
    text = xliff12(("Polls close at eight.", 'Vote clos à <g id="5">vingt heures</g>.'))
    assert tag_findings(engine, "a.xlf", text) == [
        (6, 31, "vingt heures", 'the translation has the tag <g id="5">, its source does not')]


def test_12_a_tag_with_another_id_is_one_missing_and_one_added(engine):
    text = xliff12(('Go <x id="1"/>now.', 'Allez <x id="2"/>maintenant.'))
    assert [message for *_, message in tag_findings(engine, "a.xlf", text)] == [
        'the translation lacks the source\'s tag <x id="1"/>',
        'the translation has the tag <x id="2"/>, its source does not']


def test_12_a_pair_closed_before_it_opens_is_flagged_once(engine):
    text = xliff12(('The <bpt id="3">&lt;i&gt;</bpt>final<ept id="3">&lt;/i&gt;</ept> word.',
                    'Le mot <ept id="3">&lt;/i&gt;</ept>final<bpt id="3">&lt;i&gt;</bpt>.'))
    assert tag_findings(engine, "a.xlf", text) == [
        (6, 16, " ", '<ept id="3"> closes before <bpt id="3"> opens in the translation')]


def test_12_a_missing_closing_tag_is_reported_missing_not_also_unpaired(engine):
    text = xliff12(('The <bx id="1" rid="8"/>final<ex id="2" rid="8"/> word.',
                    'Le mot <bx id="1" rid="8"/>final.'))
    assert [message for *_, message in tag_findings(engine, "a.xlf", text)] == [
        'the translation lacks the source\'s tag <ex id="2"/>']


def test_12_a_pair_the_source_leaves_open_may_stay_open(engine):
    # The segmenter split a bold span across two units: the source opens it and never closes.
    text = xliff12(('<bpt id="4">&lt;b&gt;</bpt>Breaking news:', '<bpt id="4">&lt;b&gt;</bpt>'
                    "Dernière heure :"))
    assert tag_findings(engine, "a.xlf", text) == []


def test_12_mrk_annotations_are_not_compared(engine):
    text = xliff12(("Polls close.", 'Les <mrk mtype="term">bureaux</mrk> ferment.'))
    assert tag_findings(engine, "a.xlf", text) == []


def test_20_each_segment_is_compared_with_its_own_source(engine):
    text = xliff2(('Wang <pc id="1">met</pc> him.', 'Wang <pc id="1">l\'a reçu</pc>.'),
                  ('Then <ph id="2"/>he left.', "Puis il est parti."),
                  ('Results <sc id="3"/>follow<ec startRef="3"/>.',
                   'Les <sc id="3"/>résultats suivent.'))
    assert tag_findings(engine, "a.xliff", text) == [
        (9, 9, "P", 'the translation lacks the source\'s tag <ph id="2"/>'),
        (13, 9, "L", 'the translation lacks the source\'s tag <ec startRef="3"/>')]


def test_20_an_isolated_start_code_needs_no_end(engine):
    text = xliff2(('Results <sc id="3" isolated="yes"/>follow.',
                   'Les résultats <sc id="3" isolated="yes"/>suivent.'))
    assert tag_findings(engine, "a.xliff", text) == []


def test_tmx_tags_compare_by_x_else_i_else_their_code(engine):
    text = tmx(('Turn <bpt i="1">&lt;b&gt;</bpt>left<ept i="1">&lt;/b&gt;</ept> at '
                '<hi x="2">the bridge</hi>.',
                'Au <hi x="2">pont</hi>, tournez <bpt i="1">&lt;b&gt;</bpt>à gauche'
                '<ept i="1">&lt;/b&gt;</ept>.'),
               ('Press <ph>{key}</ph> to start<it pos="begin">&lt;u&gt;</it>.',
                'Appuyez sur <ph>{key}</ph> pour commencer.'),
               ('Press <ph>{key}</ph>.', 'Appuyez sur <ph>{clé}</ph>.'),
               ('The <hi type="bold">short</hi> one.', 'La version courte.'))
    assert [(line, message) for line, _, _, message in tag_findings(engine, "a.tmx", text)] == [
        (9, 'the translation lacks the source\'s tag <it pos="begin">&lt;u&gt;</it>'),
        (13, "the translation lacks the source's tag <ph>{key}</ph>"),
        (13, "the translation has the tag <ph>{clé}</ph>, its source does not"),
        (17, 'the translation lacks the source\'s tag <hi type="bold">')]


def test_tmx_each_target_language_is_compared_with_the_source(engine):
    text = ('<tmx version="1.4"><header srclang="en"/>\n<body>\n<tu>\n'
            '<tuv xml:lang="en"><seg>Go <ph x="1"/>now.</seg></tuv>\n'
            '<tuv xml:lang="fr"><seg>Allez <ph x="1"/>maintenant.</seg></tuv>\n'
            '<tuv xml:lang="de"><seg>Geh jetzt.</seg></tuv>\n</tu>\n</body></tmx>\n')
    checker = Checker(engine.termbase, CheckOptions(), index=engine.index)
    result = checker.check_text(text, "a.tmx")
    assert [(f.line, f.rule, f.message) for f in result.findings] == [
        (6, "inline-tags", 'the translation lacks the source\'s tag <ph x="1"/> (de target)')]


def test_french_spacing_looks_past_the_space_a_tag_reads_as(engine):
    text = xliff12(('Click <bpt id="1">&lt;b&gt;</bpt>here<ept id="1">&lt;/b&gt;</ept>!',
                    'Cliquez <bpt id="1">&lt;b&gt;</bpt>ici<ept id="1">&lt;/b&gt;</ept>!'),
                   ('Go <x id="2"/>!', 'Allez <x id="2"/>!'),
                   ('Say <bpt id="3">&lt;b&gt;</bpt>no<ept id="3">&lt;/b&gt;</ept>!',
                    'Dites <bpt id="3">&lt;b&gt;</bpt>non<ept id="3">&lt;/b&gt;</ept>\u00a0!'))
    result = engine.check_text(text, "a.xlf")
    assert [(f.line, f.column, f.message, f.fix.safe if f.fix else None)
            for f in result.findings if f.rule == "french-spacing"] == [
        # ici<ept>…</ept>! has no space: the one the tag reads as is none.
        (6, 75, "no space before '!': French puts a no-break space there", False),
        # A plain space before the tag is the one before the mark (and its fix applies).
        (10, 14, "a plain space at '!': French puts a no-break space there", True)]
