"""`import population`: Statbel population tables as care-region populations."""

from __future__ import annotations

import argparse

from dashboard.cli.files import add_import_arguments, import_command
from dashboard.services.population.population_import import (
    PopulationPreview,
    apply_population_import,
    preview_population_import,
)


def _summary(preview: PopulationPreview) -> list[str]:
    lines = [
        f"population on 1 January {preview.year}, from {preview.municipalities} "
        f"municipalities ({preview.subtotals} subtotal lines ignored)",
        f"changed regions: {len(preview.changes)}",
        f"unchanged regions: {len(preview.unchanged)}",
    ]
    for change in preview.changes:
        old = "–" if change.old is None else change.old
        lines.append(f"  {change.region}: {old} -> {change.new}")
    if preview.outside:
        lines.append(
            f"municipalities outside every care region of the project (not imported): "
            f"{len(preview.outside)}: "
            + ", ".join(m.label for m in preview.outside[:20])
            + (" …" if len(preview.outside) > 20 else "")
        )
    return lines


def cmd_import_population(args: argparse.Namespace) -> int:
    return import_command(
        args,
        preview_population_import,
        apply_population_import,
        _summary,
        "nothing to change: the regions already have these populations",
        year=args.year,
    )


def register(
    _commands: argparse._SubParsersAction,
    imports: argparse._SubParsersAction,
    _exports: argparse._SubParsersAction,
) -> None:
    command = imports.add_parser(
        "population",
        help="import a Statbel population table (NIS code, ..., Totaal) as "
        "care-region populations (docs/formats/population.md)",
    )
    add_import_arguments(command)
    command.add_argument(
        "--year",
        type=int,
        help="population on 1 January of this year (default: the year in "
        "the table's title, e.g. 'op 1 januari 2024')",
    )
    command.set_defaults(handler=cmd_import_population)
