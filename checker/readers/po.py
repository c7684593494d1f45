"""gettext PO and POT files: each entry gives source segments (``msgid``, ``msgid_plural``) and
target segments (``msgstr``, ``msgstr[n]``) that share the entry's ``unit`` key.

polib decides what the file means (header, entries, flags, context, plurals, obsolete entries);
it gives no offsets, so this module reads each entry's strings again from the file, unescapes
them itself and checks that the result is polib's value, which gives every character of
``Document.text`` its offset in the file (the backslash, for an escape).

``Document.text`` is the strings one after the other, separated by a blank line; the header,
obsolete entries, ``msgctxt`` and empty strings are not in it. Each segment's ``info`` holds,
in this order: ``("fuzzy", "1")`` when the entry is fuzzy, ``("flags", "python-format,fuzzy")``:
the entry's flags (its ``#,`` comment) joined by commas as written, when it has any,
``("context", msgctxt)``,
``("plural", n)`` on ``msgstr[n]`` (and ``("plural", "1")`` on ``msgid_plural``),
``("comment", translator comment)`` and ``("line", line of the string's keyword)``.
Languages come from the header: ``Language`` for the targets and ``X-Source-Language``, when
present, for the sources (as written there, ``fr_FR`` stays ``fr_FR``); otherwise ``None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polib
import regex

from ..document import LINE_BREAK, Document, Segment, line_starts, split_lines
from ..errors import InputError
from .mapped import MappedString, assemble

# The escapes of one character that msgfmt decodes (gettext's po-lex.c, control_sequence), and
# those of them that polib decodes too (polib keeps ``\a`` as written). msgfmt refuses any other
# backslash ("invalid control sequence"): ``\u00e9``, ``\q``...
_ESCAPES = {"\\": "\\", '"': '"', "n": "\n", "t": "\t", "r": "\r", "v": "\v", "b": "\b",
            "f": "\f", "a": "\a"}
_POLIB_ESCAPES = frozenset('\\"ntrvbf')
# msgfmt's byte escapes: one to three octal digits, or x and every hex digit that follows (so
# ``\x4cavrov`` is the byte 0x4CA, cut to 0xCA by msgfmt, not "Lavrov"). The bytes of a run of
# them (across continuation lines too) are decoded as UTF-8: ``\303\251`` is é.
_BYTE_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+))")
_NPLURALS = re.compile(r"\bnplurals\s*=\s*(\d+)")
_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr\[(\d+)\]|msgstr)(?=[\s\"])\s*")
_PLAIN = re.compile(r'[^"\\]+')  # a run of characters that are themselves
_POLIB_ERROR = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
_SHAPE = ('an entry is msgid "…" then msgstr "…" (msgctxt "…" may come first; a plural '
          'entry has msgid "…", msgid_plural "…", then msgstr[0] "…", msgstr[1] "…")')


class _Lines(str):
    """The file's text for polib, split into lines where the file's lines end (CR LF, LF, a
    lone CR: document.LINE_BREAK).

    polib splits a text with ``str.splitlines``, which also breaks at U+2028, U+0085 and form
    feeds: a string holding one of those would be cut in two and its line numbers would no
    longer be the file's. Line numbers here must be those of ``Document.position``, the lines an
    editor shows. (msgfmt counts LF only and takes a lone CR between strings for a space: the
    two agree on every file without a lone CR.)
    """

    def splitlines(self, keepends: bool = False) -> list[str]:  # type: ignore[override]
        return split_lines(self)


@dataclass
class _String(MappedString):
    """One string of an entry as read from the file (``end``: its last closing quote)."""

    keyword: str = ""  # msgctxt, msgid, msgid_plural, msgstr
    index: int | None = None  # n of msgstr[n]
    # The string as polib reads it (octal, hex and \a escapes kept as written), to check that
    # polib and this reader see the same strings.
    polib: list[str] = field(default_factory=list)
    # Byte escapes not decoded yet: (byte, offset of the backslash, line, the escape as written).
    pending: list[tuple[int, int, int, str]] = field(default_factory=list)

    @property
    def polib_value(self) -> str:
        return "".join(self.polib)


def read(path: str, text: str) -> Document:
    if "\r" in text:
        _check_lone_cr(path, text)
    catalog = _parse(path, text)
    lines = _split_lines(text)
    metadata = catalog.metadata
    target_lang = _meta(metadata, "Language")
    source_lang = _meta(metadata, "X-Source-Language")
    declared = _NPLURALS.search(_meta(metadata, "Plural-Forms") or "")
    nplurals = int(declared.group(1)) if declared else None

    # Entries in file order, obsolete ones included: each entry's lines run from its first line
    # to the next entry's first line. (polib numbers the first entry's line 0.)
    entries = sorted(catalog, key=lambda e: e.linenum or 0)
    firsts = [max(e.linenum or 0, 1) for e in entries] + [len(lines) + 1]

    pieces: list[_String] = []
    segments: list[Segment] = []
    keys: set[str] = set()
    position = 0  # length of the text built so far
    for number, entry in enumerate(entries):
        if entry.obsolete:
            continue
        strings = _entry_strings(path, text, lines, firsts[number], firsts[number + 1])
        if strings and not any(s.keyword == "msgstr" for s in strings):
            raise InputError(path, f"line {strings[0].line}: PO syntax error: msgid has no "
                                   'msgstr; every entry needs one (msgstr "" when it is not '
                                   "translated yet)")
        _check(path, entry, strings)
        _check_plurals(path, strings, nplurals)
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if key in keys:  # polib accepts duplicate entries; msgfmt does not
            key = f"{key}\x00{strings[0].line if strings else entry.linenum}"
        keys.add(key)
        common: list[tuple[str, str]] = []
        if entry.fuzzy:
            common.append(("fuzzy", "1"))
        if entry.flags:
            common.append(("flags", ",".join(entry.flags)))
        if entry.msgctxt is not None:
            common.append(("context", entry.msgctxt))
        for string in strings:
            if string.keyword == "msgctxt" or not string.offsets:
                continue
            info = list(common)
            if string.keyword == "msgid_plural":
                info.append(("plural", "1"))
            elif string.index is not None:
                info.append(("plural", str(string.index)))
            if entry.tcomment:
                info.append(("comment", entry.tcomment))
            info.append(("line", str(string.line)))
            if pieces:
                position += 2
            role = "target" if string.keyword == "msgstr" else "source"
            lang = target_lang if role == "target" else source_lang
            segments.append(Segment(position, position + len(string.offsets), role, lang, key,
                                    tuple(info)))
            position += len(string.offsets)
            pieces.append(string)

    # Last, what the precise checks above cannot see: lines of entries polib dropped.
    _check_lines(path, text)
    doc = assemble(path, text, pieces, segments)
    doc.language_header = _language_header(text, target_lang)
    doc.escape = escape
    return doc


_WRITTEN = {value: f"\\{letter}" for letter, value in _ESCAPES.items()}


def escape(text: str) -> str:
    """``text`` as a PO string writes it between its quotes (a line break as ``\\n``)."""
    return "".join(_WRITTEN.get(char, char) for char in text)


_LANGUAGE_LINE = regex.compile(r'^[ \t]*(?:msgstr[ \t]+)?"Language[ \t]*:', regex.M | regex.I)


def _language_header(text: str, declared: str | None) -> str:
    """Where the header declares the targets' language, or that it does not."""
    found = _LANGUAGE_LINE.search(text) if declared else None
    if found is None:
        return "no Language header"
    return f"line {text.count(chr(10), 0, found.start()) + 1} (Language header)"


_PO_LINE = regex.compile(r'^\s*(?:(?:#~\s*)?(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?'
                         r'"(?:[^"\\]|\\.)*"\s*$')


def _check_lines(path: str, text: str) -> None:
    """Every line is blank, a comment, or a keyword and/or one quoted string: polib silently
    drops an entry it cannot read (an unclosed quote), which must not pass unnoticed."""
    for number, line in enumerate(split_lines(text), 1):
        stripped = line.strip()
        if not stripped or (stripped.startswith("#") and not stripped.startswith("#~")):
            continue
        if not _PO_LINE.match(stripped.removeprefix("#~").strip() if stripped.startswith("#~")
                              else stripped):
            raise InputError(path, f"line {number}: PO syntax error: expected a keyword "
                                   f"(msgid, msgstr…) followed by a string in double quotes, "
                                   f"or a continuation string; found {stripped[:40]!r}")


# A line that opens a string and does not close it.
_UNCLOSED = regex.compile(r'^[^"#]*"(?:[^"\\]|\\.)*\\?$')


def _check_lone_cr(path: str, text: str) -> None:
    """A lone CR ends a line (document.LINE_BREAK): one inside a string cuts it in two, which
    polib would report as a broken next line. Say what happened, on the line it happened."""
    start = 0
    for number, match in enumerate(LINE_BREAK.finditer(text), 1):
        if match.group() == "\r" and _UNCLOSED.match(text[start:match.start()].strip()):
            raise InputError(path, f"line {number}: PO syntax error: the string is cut by a "
                                   "lone carriage return (CR), which ends a line; write \\r for "
                                   "a CR inside a string")
        start = match.end()


def _parse(path: str, text: str) -> polib.POFile:
    # polib takes a string without a line break for a path and would open that file.
    content = text if "\n" in text else text + "\n"
    try:
        return polib.pofile(_Lines(content), encoding="utf-8")
    except (OSError, ValueError, IndexError, KeyError) as exc:
        raise InputError(path, _syntax_message(text, str(exc))) from None


def _syntax_message(text: str, error: str) -> str:
    """A message telling a translator which line is wrong and how to write it."""
    match = _POLIB_ERROR.search(error)
    if not match:
        return f"is not a valid PO file ({error})"
    number, detail = int(match.group(1)), match.group(2) or ""
    lines = split_lines(text)
    line = lines[number - 1].strip().lstrip("\ufeff") if 0 < number <= len(lines) else ""
    if line.startswith("#~"):
        line = line[2:].strip()
    keyword = _KEYWORD.match(line)
    word = line.split()[0] if line.split() else ""
    if "unescaped double quote" in detail:
        hint = 'a double quote inside a string must be written \\" (backslash, double quote)'
    elif line.startswith('"'):
        hint = ("this string continues nothing: a line that starts with a double quote must "
                "follow a msgctxt, msgid, msgid_plural or msgstr line")
    elif keyword:
        hint = f"{keyword.group(1)} is out of place: {_SHAPE}"
    elif word in ("msgctxt", "msgid", "msgid_plural", "msgstr") or word.startswith("msgstr["):
        hint = f'{word} needs a string in double quotes, for example {word} ""'
    else:
        hint = ("a line must be a comment starting with #, a keyword (msgctxt, msgid, "
                "msgid_plural, msgstr, msgstr[N]) followed by a string in double quotes, or a "
                "string in double quotes continuing the line before")
    found = line if len(line) <= 60 else line[:57] + "..."
    return f"line {number}: PO syntax error: {hint} (found: {found!r})"


def _meta(metadata: dict[str, str], name: str) -> str | None:
    value = metadata.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in metadata.items() if k.strip().lower() == lowered), None)
    return (value.strip() or None) if value is not None else None


def _split_lines(text: str) -> list[tuple[int, str]]:
    """(offset, text) of each line of the file, without its line break."""
    return [(start, line) for start, line in zip(line_starts(text), split_lines(text),
                                                  strict=True)]


def _entry_strings(path: str, text: str, lines: list[tuple[int, str]], first: int,
                   stop: int) -> list[_String]:
    """The strings of the entry written on lines ``first`` to ``stop - 1`` (1-based)."""
    strings: list[_String] = []
    current: _String | None = None
    seen_msgstr = False
    for number in range(first, stop):
        start, line = lines[number - 1]
        skip = len(line) - len(line.lstrip())
        if number == 1 and line.startswith("\ufeff"):
            skip = 1 + len(line[1:]) - len(line[1:].lstrip())
        body = line[skip:]
        if not body.strip() or body.startswith("#"):
            current = None  # a comment ends the string before it
            continue
        keyword = _KEYWORD.match(body)
        if keyword:
            name = keyword.group(1)
            index = None
            if keyword.group(2) is not None:
                name, index = "msgstr", int(keyword.group(2))
            if name in ("msgctxt", "msgid") and seen_msgstr:
                break  # the next entry (a header polib took out of the list)
            seen_msgstr = seen_msgstr or name == "msgstr"
            current = _String(line=number, keyword=name, index=index)
            strings.append(current)
            skip += keyword.end()
        elif current is None:
            raise InputError(path, f"line {number}: PO syntax error: this string continues "
                                   "nothing")
        _read_quoted(path, text, start + skip, start + len(line), number, current)
    for string in strings:
        _flush(path, string)
    return strings


def _read_quoted(path: str, text: str, pos: int, line_end: int, number: int,
                 string: _String) -> None:
    """Append the characters of the quoted string at ``text[pos]`` to ``string``."""
    if pos >= line_end or text[pos] != '"':
        raise InputError(path, f"line {number}: PO syntax error: a string must be written "
                               "between double quotes")
    i = pos + 1
    while i < line_end:
        run = _PLAIN.match(text, i, line_end)
        if run:
            _flush(path, string)
            string.parts.append(run.group())
            string.polib.append(run.group())
            string.offsets.extend(range(i, run.end()))
            i = run.end()
            continue
        char = text[i]
        if char == '"':
            if text[i + 1:line_end].strip():
                raise InputError(path, f"line {number}: PO syntax error: text after the "
                                       'closing double quote; write \\" for a double quote '
                                       "inside a string")
            string.end = i
            return
        if char == "\\" and i + 1 < line_end:
            i = _read_escape(path, text, i, line_end, number, string)
            continue
        string.parts.append(char)  # a backslash that ends the line: reported just below
        string.polib.append(char)
        string.offsets.append(i)
        i += 1
    if text.startswith("\r", line_end) and not text.startswith("\r\n", line_end):
        raise InputError(path, f"line {number}: PO syntax error: the string is cut by a lone "
                               "carriage return (CR), which ends a line; write \\r for a CR "
                               "inside a string")
    raise InputError(path, f"line {number}: PO syntax error: the string has no closing double "
                           'quote (a final \\" is an escaped quote, not the end)')


def _read_escape(path: str, text: str, i: int, line_end: int, number: int,
                 string: _String) -> int:
    """Read the escape at ``text[i]`` (a backslash) into ``string``; return where it ends."""
    letter = text[i + 1]
    if letter in _ESCAPES:
        _flush(path, string)
        string.parts.append(_ESCAPES[letter])
        string.polib.append(_ESCAPES[letter] if letter in _POLIB_ESCAPES else text[i:i + 2])
        string.offsets.append(i)
        return i + 2
    escape = _BYTE_ESCAPE.match(text, i, line_end)
    column = i - max(text.rfind("\n", 0, i), text.rfind("\r", 0, i))
    if escape is None:
        raise InputError(path, f"line {number}, column {column}: PO syntax error: "
                               f"'{text[i:i + 2]}' is not an escape msgfmt knows, and it "
                               "refuses the file; write the character itself (the file is "
                               "UTF-8), and a backslash as \\\\")
    octal, hexa = escape.groups()
    byte = int(octal, 8) if octal else int(hexa, 16)
    if byte > 0xFF:
        raise InputError(path, f"line {number}, column {column}: PO syntax error: "
                               f"'{escape.group()}' is past the byte range (msgfmt would keep "
                               "its last two hex digits only); write the character itself, "
                               "or stop the escape at two digits")
    string.pending.append((byte, i, number, escape.group()))
    string.polib.append(escape.group())  # polib keeps it as written
    return escape.end()


def _flush(path: str, string: _String) -> None:
    """Decode the bytes of the byte escapes read last (UTF-8) into characters, each mapped to
    the backslash of the escape of its first byte."""
    if not string.pending:
        return
    pending, string.pending = string.pending, []
    try:
        decoded = bytes(byte for byte, *_ in pending).decode("utf-8")
    except UnicodeDecodeError as exc:
        _, _, number, _ = pending[exc.start]
        shown = "".join(written for *_, written in pending[exc.start:exc.start + 4])
        raise InputError(path, f"line {number}: PO syntax error: the bytes the escapes {shown} "
                               "stand for are not UTF-8 text; write the characters "
                               "themselves") from None
    index = 0
    for char in decoded:
        string.parts.append(char)
        string.offsets.append(pending[index][1])
        index += len(char.encode("utf-8"))


def _check_plurals(path: str, strings: list[_String], nplurals: int | None) -> None:
    """Plural translations as msgfmt wants them: ``msgstr[0]``, ``msgstr[1]``… in order, only
    in an entry with ``msgid_plural``, and (``msgfmt --check``) no more than the header's
    ``nplurals``. A form past the end is never shown to a reader, so its text is not the
    translation being checked."""
    plural = any(s.keyword == "msgid_plural" for s in strings)
    expected = 0
    for string in strings:
        if string.keyword != "msgstr":
            continue
        if string.index is None:
            if plural:
                raise InputError(path, f"line {string.line}: PO syntax error: an entry with "
                                       "msgid_plural has its translations in msgstr[0], "
                                       "msgstr[1]…, not in msgstr")
            continue
        keyword = f"msgstr[{string.index}]"
        if not plural:
            raise InputError(path, f"line {string.line}: {keyword} in an entry without "
                                   "msgid_plural (msgfmt: missing 'msgid_plural' section); "
                                   'add msgid_plural "…" after msgid, or write msgstr "…"')
        if string.index != expected:
            raise InputError(path, f"line {string.line}: {keyword} where msgstr[{expected}] "
                                   "was expected (msgfmt: plural form has wrong index); "
                                   "plural forms are numbered from 0, in order")
        if nplurals is not None and string.index >= nplurals:
            raise InputError(path, f"line {string.line}: {keyword} is past the header's "
                                   f"Plural-Forms (nplurals={nplurals}: msgstr[0] to "
                                   f"msgstr[{nplurals - 1}]); remove it, or fix nplurals")
        expected += 1


def _check(path: str, entry: polib.POEntry, strings: list[_String]) -> None:
    """Raise InputError unless the strings read from the file are polib's values."""
    values: dict[tuple[str, int | None], str] = {}
    lines: dict[tuple[str, int | None], int] = {}
    for string in strings:
        if string.index is not None and string.index > 9:
            raise InputError(path, f"line {string.line}: msgstr[{string.index}]: plural indexes "
                                   "above 9 are not supported")
        name = (string.keyword, string.index)
        values[name] = values.get(name, "") + string.polib_value
        lines.setdefault(name, string.line)
    expected: dict[tuple[str, int | None], str] = {
        ("msgid", None): entry.msgid,
        ("msgid_plural", None): entry.msgid_plural,
        ("msgstr", None): entry.msgstr,
    }
    if entry.msgctxt is not None:
        expected["msgctxt", None] = entry.msgctxt
    for index, value in entry.msgstr_plural.items():
        expected["msgstr", int(index)] = value
    for name in expected.keys() | values.keys():
        if values.get(name, "") != expected.get(name, ""):
            keyword = name[0] if name[1] is None else f"{name[0]}[{name[1]}]"
            line = lines.get(name, strings[0].line if strings else entry.linenum)
            if name[1] is not None and name[1] > 9:
                raise InputError(path, f"line {line}: {keyword}: plural indexes above 9 are "
                                       "not supported")
            raise InputError(path, f"line {line}: {keyword} could not be read unambiguously; "
                                   "check its double quotes, backslashes and plural index")
