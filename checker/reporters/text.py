"""The text report for people at a terminal or reading CI logs: one line per finding
(``path:line:col: severity rule message``), the line with the span marked, the expected text,
and a summary. Colour only when asked (the CLI asks on a terminal). What a draft holds that a
terminal would obey (escape sequences, bidi controls) is shown, never sent as it is."""

from __future__ import annotations

import re

import click

from ..findings import Finding, Severity
from ..i18n import _, ngettext, pgettext
from ..report import Report
from .paths import valid_text

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}
_CONTEXT = 40  # characters of the line shown on each side of a long span
# What a draft or a file name may hold that a terminal would obey rather than show: control
# characters (an escape sequence can rewrite the screen or the window title), bidi controls
# (they reorder the rest of the line: "Trojan Source") and line or paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␛ for escape, ␍ for carriage return
    return "\u2421" if code == 0x7f else "\ufffd"


def safe(text: str) -> str:
    """``text`` with every character a terminal would obey replaced by one visible character
    (so columns and the caret under a span stay in place), and the bytes of a file name that
    are not UTF-8 as ``\\xNN`` (a draft's text never holds them)."""
    return _UNSAFE.sub(_visible, valid_text(text))


def _excerpt(line: str, column: int, end_column: int) -> tuple[str, int, int]:
    """The part of a long line around the span, and the span's place in it (0-based)."""
    start, end = column - 1, max(end_column - 1, column)
    left = max(0, start - _CONTEXT)
    right = min(len(line), end + _CONTEXT)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(line) else ""
    shown = prefix + line[left:right] + suffix
    return shown, start - left + len(prefix), end - left + len(prefix)


def _finding(finding: Finding, line_text: str | None, color: bool) -> list[str]:
    def style(text: str, **kw) -> str:
        return click.style(text, **kw) if color else text

    head = (f"{style(f'{safe(finding.path)}:{finding.line}:{finding.column}:', bold=True)} "
            f"{style(str(finding.severity), fg=_COLORS[finding.severity], bold=True)} "
            f"{style(finding.rule, bold=True)} {safe(finding.message)}")
    lines = [head]
    if line_text is not None:
        end_column = finding.end_column if finding.end_line == finding.line else len(
            line_text) + 1
        shown, start, end = _excerpt(safe(line_text.replace("\t", " ")), finding.column,
                                     end_column)
        gutter = f"{finding.line:>5} | "
        lines.append(gutter + shown)
        lines.append(" " * (len(gutter) - 2) + "| " + " " * start
                     + style("^" * max(1, end - start), fg=_COLORS[finding.severity]))
    if finding.expected is not None:
        lines.append(f"{'':>5} = " + _("expected: {text}").format(text=safe(finding.expected)))
    if finding.extra.get("source"):
        lines.append(f"{'':>5} = " + _("source: {text}").format(
            text=safe(finding.extra["source"])))
    return lines


def render(report: Report, color: bool = False) -> str:
    out: list[str] = []
    # Each finding with its own result's document (two inputs may share a name: stdin named
    # like a file).
    pairs = sorted(((f, r.document) for r in report.results for f in r.findings),
                   key=lambda pair: pair[0].sort_key)
    for finding, document in pairs:
        line_text = document.line_text(finding.line) if document else None
        out.extend(_finding(finding, line_text, color))
        out.append("")
    for result in report.errors:
        out.append(_("{path}: error: {error}").format(path=safe(result.path),
                                                      error=safe(result.error or "")))
    out.extend(summary_lines(report))
    return "\n".join(out) + "\n"


def severity_label(severity: Severity | str) -> str:
    """A severity's name for people (the HTML report) in the interface language; the reports
    that tools read, and the text report's finding lines, keep ``error``, ``warning``,
    ``info``."""
    severity = Severity(severity)
    if severity is Severity.ERROR:
        return pgettext("severity", "error")
    if severity is Severity.WARNING:
        return pgettext("severity", "warning")
    return pgettext("severity", "info")


def severity_count(severity: Severity | str, count: int) -> str:
    """``3 errors``, ``1 warning``, ``2 info``, in the interface language."""
    severity = Severity(severity)
    if severity is Severity.ERROR:
        text = ngettext("{count} error", "{count} errors", count)
    elif severity is Severity.WARNING:
        text = ngettext("{count} warning", "{count} warnings", count)
    else:
        text = ngettext("{count} info", "{count} info", count)
    return text.format(count=count)


def summary_lines(report: Report) -> list[str]:
    """The closing lines: how many findings of each severity in how many files, and how many
    files could not be checked (shared by the reports that end with a plain summary)."""
    out: list[str] = []
    summary = report.summary()
    counts = ", ".join(severity_count(s, summary[s]) for s in ("error", "warning", "info"))
    files = ngettext("{count} file", "{count} files", summary["files"]).format(
        count=summary["files"])
    if summary["findings"]:
        out.append(ngettext("{count} finding in {files} ({counts})",
                            "{count} findings in {files} ({counts})", summary["findings"]).format(
            count=summary["findings"], files=files, counts=counts))
    else:
        out.append(_("no findings in {files}").format(files=files))
    if report.errors:
        out.append(ngettext("{count} file could not be checked",
                            "{count} files could not be checked", len(report.errors)).format(
            count=len(report.errors)))
    return out
