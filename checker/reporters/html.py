"""The HTML report: one self-contained page for copy editors who never open a terminal.

The page opens with the summary and a table of the rules that flagged something, then shows each
draft with findings as it was read, line by line with line numbers: every finding's span is
highlighted (coloured by severity, and underlined differently so colour is not the only cue),
numbered, and explained in a note beside its line (rule, message, expected text); hovering a
highlight shows the same note. Files without findings and files that could not be read are
listed. Inline CSS only: no scripts, fonts or images to fetch, so the page can be archived as a
CI artifact and opened anywhere. Every piece of text is escaped, and invisible characters
(zero-width, bidi controls), which a draft may hold and which would otherwise reorder or hide
text, are shown as visible code points.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections import Counter
from html import escape

from .. import __version__, i18n
from ..document import Document, line_starts, strip_line_break
from ..findings import Finding, Severity
from ..i18n import N_, _, ngettext
from ..language import language_name
from ..report import FileResult, Report
from ..rules import RULES
from .paths import valid_text
from .text import severity_count, severity_label, summary_lines

_LANGUAGE_SOURCES = {"option": N_("as set with --lang"), "detected": N_("identified from the text")}

CSS = """
:root { --error: #b42318; --error-bg: #fde3e1; --warning: #8a5a00; --warning-bg: #fff1bf;
        --info: #1e54b7; --info-bg: #dde8fb; --line: #d8dde3; --muted: #5c6670; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d2329;
       font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
             sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 28px 48px; }
header { background: #1d2733; color: #fff; }
header .inner { max-width: 1240px; margin: 0 auto; padding: 22px 28px 20px; }
header h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
header p { margin: 0; color: #c9d2dc; }
.counts { display: flex; gap: 12px; margin-top: 14px; flex-wrap: wrap; }
.count { border-radius: 8px; padding: 6px 14px; background: #2c3a4a; min-width: 96px; }
.count b { display: block; font-size: 22px; line-height: 1.2; color: #fff; }
.count span { font-size: 13px; color: #c9d2dc; }
.count.error { border-left: 5px solid #f0716a; }
.count.warning { border-left: 5px solid #f5c542; }
.count.info { border-left: 5px solid #7aa7f0; }
h2 { font-size: 18px; margin: 16px 0 6px; }
.help { color: var(--muted); margin: 0 0 8px; max-width: 70em; }
section.panel, section.file { background: #fff; border: 1px solid var(--line);
                              border-radius: 10px; padding: 2px 20px 16px; margin-top: 20px; }
table.rules, table.files { border-collapse: collapse; width: 100%; }
table.rules th, table.rules td, table.files th, table.files td {
    text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line);
    vertical-align: top; }
table.rules th, table.files th { font-size: 13px; color: var(--muted); font-weight: 600; }
table.rules .num, table.files .num { text-align: right; width: 6em;
                                     font-variant-numeric: tabular-nums; }
code { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
       background: #eef1f4; border-radius: 4px; padding: 1px 5px; }
.sev { display: inline-block; font-size: 12px; font-weight: 650; text-transform: uppercase;
       letter-spacing: .03em; border-radius: 4px; padding: 0 6px; }
.sev.error { color: var(--error); background: var(--error-bg); }
.sev.warning { color: var(--warning); background: var(--warning-bg); }
.sev.info { color: var(--info); background: var(--info-bg); }
section.file h2 { word-break: break-all; }
section.file .meta { color: var(--muted); margin: 0 0 14px; }
table.draft { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.draft td { vertical-align: top; border-top: 1px solid #eef0f3; }
table.draft tr:first-child td { border-top: none; }
td.ln { width: 3.6em; padding: 4px 10px 4px 0; text-align: right; color: #8b949e;
        font: 12px/26px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
        user-select: none; }
td.line { padding: 2px 16px 2px 12px; border-left: 1px solid var(--line);
          font: 16px/26px Georgia, "Times New Roman", serif; white-space: pre-wrap;
          overflow-wrap: anywhere; tab-size: 4; }
tr.flagged td.line { background: #fbfbfc; }
td.notes { width: 37%; padding: 2px 0 2px 12px; }
mark { color: inherit; border-radius: 3px; padding: 1px 1px; }
mark.error { background: var(--error-bg); border-bottom: 2px solid var(--error); }
mark.warning { background: var(--warning-bg); border-bottom: 2px dashed var(--warning); }
mark.info { background: var(--info-bg); border-bottom: 2px dotted var(--info); }
sup.ref, .note .ref { border-radius: 9px; font: 600 11px/16px system-ui, sans-serif;
    text-align: center; color: #fff; padding: 0 5px; }
.note .ref { display: inline-block; min-width: 1.6em; }
sup.ref { vertical-align: super; margin-left: 1px; }  /* inline: never wraps apart from the name */
.ref.error { background: var(--error); }
.ref.warning { background: var(--warning); }
.ref.info { background: var(--info); }
.note { border-left: 4px solid; border-radius: 0 6px 6px 0; padding: 6px 10px;
        margin: 4px 0; font-size: 14px; line-height: 1.4; }
.note.error { border-color: var(--error); background: #fff6f5; }
.note.warning { border-color: var(--warning); background: #fffbeb; }
.note.info { border-color: var(--info); background: #f3f7fe; }
.note .head { display: flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.note p { margin: 4px 0 0; }
.note .expected strong { font-family: Georgia, "Times New Roman", serif; font-size: 15px; }
.ctl { font: 11px ui-monospace, Menlo, Consolas, monospace; color: var(--error);
       border: 1px solid var(--error); border-radius: 3px; padding: 0 2px; }
ul.plain { margin: 6px 0 0; padding-left: 20px; }
footer { color: var(--muted); font-size: 13px; margin-top: 30px; }
@media print {
  body { background: #fff; } header { background: #fff; color: #000; }
  header p, .count span { color: #333; } .count { background: #f2f2f2; }
  .count b { color: #000; } .note, tr { break-inside: avoid; }
}
"""


def _invisible(char: str) -> bool:
    """A character that would not show, or would move other text: format characters (zero
    width, bidi controls), controls other than the tab, and line/paragraph separators."""
    return unicodedata.category(char) in ("Cf", "Cc", "Zl", "Zp") and char != "\t"


def _code_point(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")


def show(text: str) -> str:
    """HTML for text shown on the page: escaped, invisible characters made visible, the bytes of
    a file name that are not UTF-8 as ``\\xNN``."""
    out = []
    for char in valid_text(text):
        if _invisible(char):
            label = escape(_code_point(char))
            out.append(f'<span class="ctl" title="{label}">U+{ord(char):04X}</span>')
        else:
            out.append(escape(char, quote=False))
    return "".join(out)


def attribute(text: str) -> str:
    """Text for an attribute value (a hover note): escaped, invisible characters named."""
    return escape("".join(f"<U+{ord(c):04X}>" if _invisible(c) else c
                          for c in valid_text(text)), quote=True)


def _counts(findings: list[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    return ", ".join(severity_count(s, counts[s]) for s in Severity if counts[s])


def _hover(number: int, finding: Finding) -> str:
    text = f"{number}. {severity_label(finding.severity)} · {finding.rule}: {finding.message}"
    if finding.expected is not None:
        text += " — " + _("expected: {text}").format(text=finding.expected)
    return attribute(text)


def _note(file_id: str, number: int, finding: Finding) -> str:
    severity = str(finding.severity)
    parts = [f'<div class="note {severity}" id="{file_id}-n{number}">',
             f'<div class="head"><span class="ref {severity}">{number}</span>'
             f'<span class="sev {severity}">{escape(severity_label(severity))}</span>'
             f'<code>{escape(finding.rule)}</code></div>',
             f'<p class="message">{show(finding.message)}</p>']
    if finding.expected is not None:
        parts.append('<p class="expected">' + escape(_("Expected:")) + " "
                     f"<strong>{show(finding.expected)}</strong></p>")
    parts.append("</div>")
    return "".join(parts)


def _line_ends(raw: str, starts: list[int]) -> list[int]:
    """Where each line's text ends: before its line break (CR LF, LF or CR)."""
    ends = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(raw)
        ends.append(start + len(strip_line_break(raw[start:end])))
    return ends


def _draft(file_id: str, result: FileResult, document: Document) -> str:
    """The draft as read, one table row per line: number, text with highlights, notes."""
    raw = document.raw or ""
    starts = line_starts(raw)
    if len(starts) > 1 and starts[-1] == len(raw):
        starts.pop()  # the line break that ends the file opens no line
    ends = _line_ends(raw, starts)
    pieces: dict[int, list[tuple[int, int, int, Finding, bool]]] = {}
    notes: dict[int, list[str]] = {}
    for number, finding in enumerate(result.findings, 1):
        start = document.file_offset(finding.start)
        end = max(start, document.file_offset(finding.end))
        first = bisect_right(starts, start) - 1
        last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
        for index in range(first, last + 1):
            a, b = max(start, starts[index]), min(end, ends[index])
            if a < b or index == first:
                pieces.setdefault(index, []).append((a, max(a, b), number, finding,
                                                     index == last))
        notes.setdefault(first, []).append(_note(file_id, number, finding))
    rows = []
    for index, line_start in enumerate(starts):
        cursor, html = line_start, []
        for a, b, number, finding, is_last in sorted(pieces.get(index, []),
                                                     key=lambda p: p[0]):
            severity = str(finding.severity)
            html.append(show(raw[cursor:a]))
            html.append(f'<mark class="{severity}" title="{_hover(number, finding)}">'
                        f"{show(raw[a:b])}</mark>")
            if is_last:
                html.append(f'<sup class="ref {severity}">{number}</sup>')
            cursor = b
        html.append(show(raw[cursor:ends[index]]))
        line_notes = notes.get(index)
        flagged = ' class="flagged"' if line_notes else ""
        rows.append(f'<tr id="{file_id}-L{index + 1}"{flagged}><td class="ln">{index + 1}</td>'
                    f'<td class="line">{"".join(html)}</td>'
                    f'<td class="notes">{"".join(line_notes or ())}</td></tr>')
    lang = result.language.lang if result.language else None
    lang_attr = f' lang="{attribute(lang)}"' if lang else ""
    return (f'<table class="draft"{lang_attr}>\n' + "\n".join(rows) + "\n</table>")


def _language(result: FileResult) -> str:
    decision = result.language
    if decision is None:
        return ""
    source = _LANGUAGE_SOURCES.get(decision.source)
    how = _(source) if source is not None else decision.reason or decision.source
    return _("checked as {language} ({how})").format(language=language_name(decision.lang),
                                                     how=how)


def _file_section(file_id: str, result: FileResult) -> str:
    meta = [m for m in (_language(result),
                        ngettext("{count} finding: {counts}", "{count} findings: {counts}",
                                 len(result.findings)).format(
                            count=len(result.findings), counts=_counts(result.findings))) if m]
    parts = [f'<section class="file" id="{file_id}">', f"<h2>{show(result.path)}</h2>",
             f'<p class="meta">{show(" · ".join(meta))}</p>']
    if result.document is not None:
        parts.append(_draft(file_id, result, result.document))
    else:  # no text to show: the notes alone
        parts.extend("<p>" + escape(_("Line {line}, column {column}:").format(
                         line=f.line, column=f.column)) + f"</p>{_note(file_id, n, f)}"
                     for n, f in enumerate(result.findings, 1))
    parts.append("</section>")
    return "\n".join(parts)


def _rules_table(findings: list[Finding]) -> str:
    by_rule: dict[str, list[Finding]] = {}
    for finding in findings:
        by_rule.setdefault(finding.rule, []).append(finding)
    order = [rule.code for rule in RULES] + sorted(set(by_rule) - {r.code for r in RULES})
    summaries = {rule.code: rule.summary for rule in RULES}
    rows = []
    for code in order:
        found = by_rule.get(code)
        if not found:
            continue
        severities = sorted({f.severity for f in found}, key=lambda s: -s.rank)
        badges = " ".join(f'<span class="sev {s}">{escape(severity_label(s))}</span>'
                          for s in severities)
        rows.append(f"<tr><td><code>{escape(code)}</code></td><td>{badges}</td>"
                    f'<td class="num">{len(found)}</td>'
                    f"<td>{show(_(summaries[code]) if code in summaries else '')}</td></tr>")
    return ('<table class="rules"><thead><tr><th>' + _("Rule") + "</th><th>" + _("Severity")
            + '</th><th class="num">' + _("Findings") + "</th><th>" + _("What it flags")
            + "</th></tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>")


def _files_table(report: Report, ids: dict[int, str]) -> str:
    rows = []
    for i, result in enumerate(report.results):
        if result.error is not None:
            status = (f'<span class="sev error">{escape(_("not checked"))}</span> '
                      f"{show(result.error)}")
            name = show(result.path)
        elif result.findings:
            status = show(_counts(result.findings))
            name = f'<a href="#{ids[i]}">{show(result.path)}</a>'
        else:
            status, name = escape(_("no findings")), show(result.path)
        count = "—" if result.error is not None else len(result.findings)
        rows.append(f'<tr><td>{name}</td><td class="num">{count}</td><td>{status}</td></tr>')
    return ('<table class="files"><thead><tr><th>' + _("File") + '</th><th class="num">'
            + _("Findings") + "</th><th>" + _("Status") + "</th></tr></thead><tbody>\n"
            + "\n".join(rows) + "\n</tbody></table>")


def render(report: Report, color: bool = False) -> str:
    findings = report.findings
    summary = report.summary()
    headline = summary_lines(report)
    ids = {i: f"file-{i + 1}" for i, r in enumerate(report.results) if r.findings}
    labels = (("error", ngettext("error", "errors", summary["error"])),
              ("warning", ngettext("warning", "warnings", summary["warning"])),
              ("info", ngettext("info", "info", summary["info"])))
    counts = "".join(f'<div class="count {key}"><b>{summary[key]}</b><span>{escape(label)}'
                     "</span></div>" for key, label in labels)
    counts += (f'<div class="count"><b>{summary["files"]}</b>'
               f'<span>{escape(ngettext("file", "files", summary["files"]))}</span></div>')
    body = [
        "<header><div class=\"inner\">",
        "<h1>" + escape(_("termcheck report")) + "</h1>",
        *(f"<p>{show(line)}</p>" for line in headline),
        f'<div class="counts">{counts}</div>',
        "</div></header>",
        "<main>",
    ]
    if findings:
        body += [
            '<section class="panel"><h2>' + escape(_("Findings by rule")) + "</h2>",
            '<p class="help">' + escape(_(
                "Below, each draft is shown as written, with what termcheck flagged highlighted "
                "and numbered. The note beside the line says which rule flagged it, why, and "
                "what to write instead; hovering the highlight shows the same note. Errors are "
                "underlined with a solid line, warnings dashed, information dotted.")) + "</p>",
            _rules_table(findings),
            "</section>",
        ]
    elif not report.errors:
        body.append('<section class="panel"><h2>' + escape(_("No findings")) + "</h2><p>"
                    + escape(_("Every name and title checked matches the termbase."))
                    + "</p></section>")
    if len(report.results) > 1 or report.errors:
        body += ['<section class="panel"><h2>' + escape(_("Files")) + "</h2>",
                 _files_table(report, ids),
                 "</section>"]
    for i, result in enumerate(report.results):
        if result.error is None and result.findings:
            body.append(_file_section(ids[i], result))
    body += ["<footer>" + escape(_("Generated by termcheck {version}.").format(
                 version=__version__)) + " " + escape(_("Rule documentation:"))
             + " <code>termcheck explain RULE</code>.</footer>", "</main>"]
    title = escape(_("termcheck report: {summary}").format(summary=headline[0]))
    return ("<!DOCTYPE html>\n"
            f'<html lang="{i18n.language()}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
