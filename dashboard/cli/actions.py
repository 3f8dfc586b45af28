"""Commands of the portfolio: `import actions`, `export actions`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli import EXIT_OK
from dashboard.cli.core import require_database
from dashboard.cli.files import add_export_arguments, add_import_arguments, import_command
from dashboard.services.admin import audit
from dashboard.services.access import cli_actor
from dashboard.services.actions.plan_import import (
    PlanPreview,
    apply_plan_import,
    export_plan,
    preview_plan_import,
)


def _summary(preview: PlanPreview) -> list[str]:
    lines = [
        f"new objectives: {len(preview.new_objectives)}",
        f"renamed objectives: {len(preview.renamed_objectives)}",
        f"new actions: {len(preview.new_actions)}",
        f"changed actions: {len(preview.changed_actions)}",
        f"unchanged actions: {len(preview.unchanged_actions)}",
    ]
    for action in preview.changed_actions:
        fields = ", ".join(change.field for change in action.changes)
        lines.append(f"  {action.code}: {fields}")
    if preview.new_partners:
        lines.append(f"new partners (created): {', '.join(preview.new_partners)}")
    if preview.absent_actions:
        codes = ", ".join(code for code, _ in preview.absent_actions)
        lines.append(f"actions of the project absent from the file (kept): {codes}")
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def cmd_import_actions(args: argparse.Namespace) -> int:
    return import_command(args, preview_plan_import, apply_plan_import, _summary)


def cmd_export_actions(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    Path(args.output).write_bytes(export_plan(actor, args.format))
    audit.log_export(actor, "actions", args.format, file=str(args.output))
    print(f"wrote {args.output}")
    return EXIT_OK


def register(
    _commands: argparse._SubParsersAction,
    imports: argparse._SubParsersAction,
    exports: argparse._SubParsersAction,
) -> None:
    command = imports.add_parser("actions", help="import an action plan (docs/formats/actions.md)")
    add_import_arguments(command)
    command.set_defaults(handler=cmd_import_actions)

    command = exports.add_parser("actions", help="export the action plan (same columns)")
    add_export_arguments(command)
    command.set_defaults(handler=cmd_export_actions)
