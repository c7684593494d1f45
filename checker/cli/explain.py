"""``termcheck explain``: a rule's documentation (its module's docstring), or the list of
rules."""

from __future__ import annotations

import click

from ..i18n import N_
from ..rules import RULES, find_rule, unknown_rule
from .group import cli


@cli.command("explain", help=N_(
    "What a rule flags, why, an example, what to write instead, and whether its fix is safe.\n\n"
    "RULE in any case (typo, TYPO). Without RULE, lists the rules."))
@click.argument("rule", required=False)
def explain_command(rule: str | None) -> None:
    if rule is None:
        for item in RULES:
            click.echo(f"{item.code:<16} {item.severity!s:<8} {item.summary}")
        return
    found = find_rule(rule)  # TYPO, Typo: rule codes in any case
    if found is None:
        raise click.BadParameter(unknown_rule(rule), param_hint="RULE")
    click.echo(found.doc.strip() + f"\n\nDefault severity: {found.severity}\n")
