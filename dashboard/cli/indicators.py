"""Commands of the self-evaluation: `import indicators`, `export indicators`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK
from dashboard.cli.core import require_database
from dashboard.errors import describe
from dashboard.services.access import cli_actor
from dashboard.services.exports import to_file_bytes
from dashboard.services.indicator_import import (
    IndicatorPreview, apply_indicator_import, preview_indicator_import,
)
from dashboard.services.indicators import export_values


def _figures(figures: tuple[float | None, ...] | None) -> str:
    if figures is None:
        return "–"
    return " / ".join("–" if f is None else f"{f:g}" for f in figures)


def _summary(preview: IndicatorPreview) -> list[str]:
    lines = [
        f"new values: {len(preview.new_values)}",
        f"changed values: {len(preview.changed_values)}",
        f"unchanged values: {preview.unchanged_values}",
    ]
    for value in preview.changed_values:
        where = f"{value.indicator} {value.period} {value.region or '(project)'}"
        lines.append(f"  line {value.line}: {where}: {_figures(value.old)} -> "
                     f"{_figures(value.new)} (value / numerator / denominator)")
    if preview.new_indicators:
        lines.append("indicators added from the default catalogue: "
                     + ", ".join(preview.new_indicators))
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def cmd_import_indicators(args: argparse.Namespace) -> int:
    require_database()
    path = Path(args.file)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return EXIT_BAD_INPUT
    actor = cli_actor(args.project, args.user)
    content = path.read_bytes()
    preview = preview_indicator_import(actor, content, path.name)
    if preview.problems:
        print(f"{path.name}: refused, {len(preview.problems)} problem(s); nothing imported",
              file=sys.stderr)
        for problem in preview.problems:
            print(f"- {describe(problem)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("\n".join(_summary(preview)))
    if not preview.has_changes:
        print("nothing to change: the project already has these values")
        return EXIT_OK
    if args.dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    apply_indicator_import(actor, content, path.name)
    print("imported")
    return EXIT_OK


def cmd_export_indicators(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    frame = export_values(actor)
    Path(args.output).write_bytes(to_file_bytes(frame, args.format, sheet="values"))
    print(f"wrote {args.output} ({frame.height} values; small cells as \"< 5\")")
    return EXIT_OK


def register(_commands: argparse._SubParsersAction, imports: argparse._SubParsersAction,
             exports: argparse._SubParsersAction) -> None:
    command = imports.add_parser("indicators",
                                 help="import indicator values (docs/formats/indicators.md)")
    command.add_argument("file")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_import_indicators)

    command = exports.add_parser("indicators", help="export indicator values (import columns, "
                                                    "small cells as \"< 5\")")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    command.add_argument("-o", "--output", required=True, help="file to write")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_export_indicators)
