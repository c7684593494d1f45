"""GitHub Actions workflow commands: each finding becomes an annotation on the pull request's
diff and in the job's summary.

One line per finding, ``::error`` / ``::warning`` / ``::notice`` by severity::

    ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=termcheck RULE::MESSAGE

A finding that spans two lines (a name broken across a line end) has no ``col`` and
``endColumn``: GitHub refuses columns on an annotation whose ``line`` and ``endLine`` differ
(``@actions/core``: they "cannot be sent when startLine and endLine are different values").
Data (the message) and properties (file, title) are escaped as the runner's toolkit does
(``@actions/core``, ``toCommandValue``/``escapeData``/``escapeProperty``): ``%``, CR and LF in
both, and ``:`` and ``,`` in properties too. Inputs that could not be read are ``::error``
annotations on the file; a plain summary line ends the output. GitHub shows at most 10
annotations of each kind per step (50 per job) on the diff; the others stay in the log.
"""

from __future__ import annotations

from ..findings import Finding, Severity
from ..report import Report
from . import full_message
from .paths import valid_text
from .text import summary_lines

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """``value`` as workflow command data: ``%``, CR and LF escaped (the runner reads a line
    as ended by either), and the bytes of a file name that are not UTF-8 as ``\\xNN``."""
    return valid_text(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def inert(text: str) -> str:
    """``text`` with no line that the runner would obey: a line that starts, after spaces, with
    ``::`` is a workflow command wherever it is written (standard output or error, in any
    format), so such a line (a file name holding a line break, in an error message) gets the
    ``termcheck: `` prefix that every other line of termcheck's has."""
    if "::" not in text:
        return text
    return "\n".join(f"termcheck: {line}" if line.lstrip().startswith("::") else line
                     for line in text.split("\n"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    properties: dict[str, object] = {"file": finding.path, "line": finding.line}
    if finding.end_line == finding.line:
        properties.update(col=finding.column, endLine=finding.end_line,
                          endColumn=finding.end_column)
    else:
        properties["endLine"] = finding.end_line
    properties["title"] = f"termcheck {finding.rule}"
    return command(COMMANDS[finding.severity], properties, full_message(finding))


def render(report: Report, color: bool = False) -> str:
    out = [annotation(finding) for finding in report.findings]
    out.extend(command("error", {"file": r.path}, f"termcheck could not check {r.path}: {r.error}")
               for r in report.errors)
    out.extend(summary_lines(report))
    return "\n".join(out) + "\n"
