"""Commands of the self-evaluation: `import indicators`, `export indicators`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli import EXIT_OK
from dashboard.cli.core import require_database
from dashboard.cli.files import (
    add_export_arguments,
    add_import_arguments,
    add_key_argument,
    import_command,
)
from dashboard.cli.risk import keying_lines
from dashboard.services.admin import audit
from dashboard.services.access import cli_actor
from dashboard.services.exports import to_file_bytes
from dashboard.services.evaluation.indicator_import import (
    IndicatorPreview,
    apply_indicator_import,
    preview_indicator_import,
)
from dashboard.services.evaluation.indicators import export_values


def _figures(figures: tuple[float | None, ...] | None) -> str:
    if figures is None:
        return "–"
    return " / ".join("–" if f is None else f"{f:g}" for f in figures)


def _summary(preview: IndicatorPreview) -> list[str]:
    lines = [
        f"new values: {len(preview.new_values)}",
        f"changed values: {len(preview.changed_values)}",
        f"unchanged values: {preview.unchanged_values}",
        *keying_lines(preview.keying),
    ]
    for value in preview.changed_values:
        where = f"{value.indicator} {value.period} {value.region or '(project)'}"
        lines.append(
            f"  line {value.line}: {where}: {_figures(value.old)} -> "
            f"{_figures(value.new)} (value / numerator / denominator)"
        )
    if preview.new_indicators:
        lines.append("indicators added from the default catalogue: " + ", ".join(preview.new_indicators))
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def cmd_import_indicators(args: argparse.Namespace) -> int:
    return import_command(
        args,
        preview_indicator_import,
        apply_indicator_import,
        _summary,
        "nothing to change: the project already has these values",
        key=args.key,
    )


def cmd_export_indicators(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    frame = export_values(actor)
    Path(args.output).write_bytes(to_file_bytes(frame, args.format, sheet="values"))
    audit.log_export(actor, "indicators", args.format, file=str(args.output))
    print(f'wrote {args.output} ({frame.height} values; small cells as "< 5")')
    return EXIT_OK


def register(
    _commands: argparse._SubParsersAction,
    imports: argparse._SubParsersAction,
    exports: argparse._SubParsersAction,
) -> None:
    command = imports.add_parser("indicators", help="import indicator values (docs/formats/indicators.md)")
    add_key_argument(add_import_arguments(command))
    command.set_defaults(handler=cmd_import_indicators)

    command = exports.add_parser(
        "indicators", help='export indicator values (import columns, small cells as "< 5")'
    )
    add_export_arguments(command)
    command.set_defaults(handler=cmd_export_indicators)
