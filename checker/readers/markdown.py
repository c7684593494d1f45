"""Markdown: prose is what markdown-it-py parses as inline text (paragraphs, headings, list items,
table cells, block quotes). Code blocks, HTML blocks, front matter and link reference definitions
are not; inside inline text, code spans, inline HTML (comments included), autolinks, link
destinations and bare URLs are cut out.

Blocks nested deeper than ``MAX_DEPTH`` (lists in lists, quotes in quotes) are not parsed
further: their lines are prose, paragraph by paragraph, with the same cut-outs. markdown-it's own
limit (``maxNesting``) silently dropped everything from the first block past it to the end of
the file, so a draft with ten nested list levels was checked only down to them.
"""

from __future__ import annotations

import regex
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from ..document import Document, Segment, line_starts
from . import plain

# Blocks nested this deep are not parsed further (_blocks_too_deep): 50 levels of lists in lists
# (a list and its item are two levels), 100 of block quotes, far past any draft, and few enough
# that the parser's recursion (two Python calls a level) stays far from Python's limit.
MAX_DEPTH = 100


def _blocks_too_deep(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """First block rule: at ``MAX_DEPTH``, the lines of the container being parsed become one
    ``termcheck_deep`` token (prose), and parsing goes on after them."""
    if state.level < MAX_DEPTH or silent:
        return False
    line = start
    # The container's lines: up to the first one indented less than its content (where
    # markdown-it's own loop stops for nested blocks).
    while line < end and (state.isEmpty(line) or state.sCount[line] >= state.blkIndent):
        line += 1
    token = state.push("termcheck_deep", "", 0)
    token.map = [start, line]
    state.line = line
    return True


# Only block structure is used (where prose is), so the inline rules do not run: markdown-it
# spends most of its time there, and they decide nothing this reader uses. maxNesting only has
# to stay above MAX_DEPTH: _blocks_too_deep stops the nesting first.
_PARSER = MarkdownIt("commonmark", {"maxNesting": MAX_DEPTH + 10}).enable("table")
_PARSER.disable("inline")
_PARSER.block.ruler.before("table", "termcheck_deep", _blocks_too_deep)
_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*(?:\r\n?|\n)(?:.*?(?:\r\n?|\n))??"
                              r"(?:---|\+\+\+|\.\.\.)[ \t]*(?:\r\n?|\n|\Z)", regex.DOTALL)
_NOT_PROSE = regex.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)"  # code span
    r"|<!--.*?-->"  # HTML comment
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # HTML tag
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>"  # autolink
    r"|<[^<>\s@]+@[^<>\s]+>"  # e-mail autolink
    r"|(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"  # destination
    r"|(?<=\])\[[^\]]*\]"  # reference label
    r"|" + plain.WEB_ADDRESS,  # bare web address (e-mail addresses and handles: below)
    regex.DOTALL,
)


def segments(text: str) -> list[Segment]:
    front = _FRONT_MATTER.match(text)
    # Blank the front matter (keeping line breaks) so the parser does not take it for prose
    # and line numbers stay those of the file.
    parsed_text = text
    if front:
        parsed_text = regex.sub(r"[^\r\n]", " ", front.group()) + text[front.end():]
    # markdown-it ends lines at CR LF, LF and a lone CR, as line_starts does: its line numbers
    # are ours.
    starts = [*line_starts(text), len(text)]
    regions: list[tuple[int, int]] = []
    for token in _PARSER.parse(parsed_text):
        if token.type in ("inline", "termcheck_deep") and token.map:
            first, last = token.map
            region = (starts[first], starts[min(last, len(starts) - 1)])
            if token.type == "termcheck_deep":
                regions.extend(_paragraphs(text, *region))
            elif not regions or regions[-1] != region:
                regions.append(region)
    segments: list[Segment] = []
    for start, end in regions:
        cursor = start
        for match in _NOT_PROSE.finditer(text, start, end):
            if match.start() > cursor:
                segments.extend(plain.without_addresses(text, cursor, match.start()))
            cursor = match.end()
        if end > cursor:
            segments.extend(plain.without_addresses(text, cursor, end))
    return [s for s in segments if text[s.start:s.end].strip()]


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``text[start:end]`` between blank lines."""
    return [(start + s.start, start + s.end) for s in plain.segments(text[start:end])]


def read(path: str, text: str) -> Document:
    return Document(path, text, segments(text))
