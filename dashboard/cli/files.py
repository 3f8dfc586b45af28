"""Files named on the command line, and running an import the same way for every kind of file:
check and preview, refuse with every problem (exit 2, nothing written), say when nothing would
change, stop at the preview with --dry-run, else write."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK
from dashboard.errors import describe
from dashboard.i18n import plural

UP_TO_DATE = "nothing to change: the project is already up to date with this file"


def read_file(path_text: str) -> tuple[bytes, str] | None:
    """(content, file name), or None after saying on stderr that there is no such file."""
    path = Path(path_text)
    if not path.is_file():
        print(f"error: no such file: {path}", file=sys.stderr)
        return None
    return path.read_bytes(), path.name


def run_import(
    file_name: str,
    preview: Callable[[], Any],
    apply: Callable[[], Any],
    summary: Callable[[Any], list[str]],
    dry_run: bool,
    up_to_date: str = UP_TO_DATE,
) -> int:
    """`preview()` and `apply()` call the area's service on the same file and options."""
    result = preview()
    if result.problems:
        print(
            f"{file_name}: refused, {plural('problem.count', len(result.problems), 'en')}; nothing imported",
            file=sys.stderr,
        )
        for problem in result.problems:
            print(f"- {describe(problem)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print("\n".join(summary(result)))
    if not result.has_changes:
        print(up_to_date)
        return EXIT_OK
    if dry_run:
        print("dry run: nothing written")
        return EXIT_OK
    apply()
    print("imported")
    return EXIT_OK


def import_command(
    args: Namespace,
    preview: Callable[..., Any],
    apply: Callable[..., Any],
    summary: Callable[[Any], list[str]],
    up_to_date: str = UP_TO_DATE,
    **options: Any,
) -> int:
    """The whole of an import command whose service takes (actor, content, file name,
    **options): the file from `args.file`, the project from `args.project`."""
    from dashboard.cli.core import require_database
    from dashboard.services.access import cli_actor

    require_database()
    file = read_file(args.file)
    if file is None:
        return EXIT_BAD_INPUT
    content, name = file
    actor = cli_actor(args.project, args.user)
    return run_import(
        name,
        lambda: preview(actor, content, name, **options),
        lambda: apply(actor, content, name, **options),
        summary,
        args.dry_run,
        up_to_date,
    )


def add_import_arguments(command: ArgumentParser) -> ArgumentParser:
    command.add_argument("file")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    return command


def add_key_argument(command: ArgumentParser) -> ArgumentParser:
    """--key for files whose rows are care regions or municipalities (data_loaders.nis)."""
    command.add_argument(
        "--key",
        choices=("auto", "region", "municipality"),
        default="auto",
        help="what the region column holds: care-region codes or names (region), municipality "
        "NIS codes or names, added up per care region (municipality), or decided from the "
        "values (auto, default; a value that is both a region and a municipality, e.g. "
        "Ieper, is then refused)",
    )
    return command


def add_export_arguments(command: ArgumentParser) -> ArgumentParser:
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    command.add_argument("-o", "--output", required=True, help="file to write")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    return command
