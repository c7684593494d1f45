"""Markdown: prose is what markdown-it-py parses as inline text (paragraphs, headings, list items,
table cells, block quotes). Code blocks, HTML blocks, front matter and link reference definitions
are not; inside inline text, code spans, inline HTML (comments included), autolinks, link
destinations and bare URLs are cut out.
"""

from __future__ import annotations

import regex
from markdown_it import MarkdownIt

from ..document import Document, Segment, line_starts

_PARSER = MarkdownIt("commonmark").enable("table").enable("strikethrough")
_FRONT_MATTER = regex.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n(?:.*?\r?\n)??(?:---|\+\+\+|\.\.\.)"
                              r"[ \t]*(?:\r?\n|\Z)", regex.DOTALL)
_LONE_CR = regex.compile(r"\r(?!\n)")
_NOT_PROSE = regex.compile(
    r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)"  # code span
    r"|<!--.*?-->"  # HTML comment
    r"|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"  # HTML tag
    r"|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*>"  # autolink
    r"|<[^<>\s@]+@[^<>\s]+>"  # e-mail autolink
    r"|(?<=\])\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)"  # destination
    r"|(?<=\])\[[^\]]*\]"  # reference label
    r"|\b(?:https?|ftp)://[^\s<>()]*[^\s<>().,;:!?'\"]"  # bare URL
    r"|\bwww\.[^\s<>()]*[^\s<>().,;:!?'\"]",
    regex.DOTALL,
)


def segments(text: str) -> list[Segment]:
    front = _FRONT_MATTER.match(text)
    # Blank the front matter (keeping line breaks) so the parser does not take it for prose
    # and line numbers stay those of the file.
    parsed_text = text
    if front:
        parsed_text = regex.sub(r"[^\n]", " ", front.group()) + text[front.end():]
    # markdown-it also breaks lines at a lone \r; its line numbers must be ours (\n only).
    parsed_text = _LONE_CR.sub(" ", parsed_text)
    starts = [*line_starts(text), len(text)]
    regions: list[tuple[int, int]] = []
    for token in _PARSER.parse(parsed_text):
        if token.type == "inline" and token.map:
            first, last = token.map
            region = (starts[first], starts[min(last, len(starts) - 1)])
            if not regions or regions[-1] != region:
                regions.append(region)
    segments: list[Segment] = []
    for start, end in regions:
        cursor = start
        for match in _NOT_PROSE.finditer(text, start, end):
            if match.start() > cursor:
                segments.append(Segment(cursor, match.start()))
            cursor = match.end()
        if end > cursor:
            segments.append(Segment(cursor, end))
    return [s for s in segments if text[s.start:s.end].strip()]


def read(path: str, text: str) -> Document:
    return Document(path, text, segments(text))
