"""Commands `backup` and `restore` (models.backup; docs/operations.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM
from dashboard.i18n import message
from models import backup as backups
from models.log_key import LOG_KEY_VARIABLE, log_key_file


def cmd_backup(args: argparse.Namespace) -> int:
    try:
        result = backups.backup(Path(args.output))
    except backups.BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    manifest = result.manifest
    print(
        f"wrote {result.path}: schema {manifest.revision}, {len(manifest.tables)} tables, "
        f"{manifest.rows} rows, sha256 {result.sha256}"
    )
    print(
        f"the decision log's key is not in the backup: keep a copy of it ({LOG_KEY_VARIABLE} or "
        f"{log_key_file()}) apart from the backups"
    )
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    try:
        result = backups.restore(Path(args.file))
    except backups.BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    manifest = result.manifest
    migrated = f", migrated from schema {result.migrated_from}" if result.migrated_from else ""
    print(f"restored {args.file}: {len(manifest.tables)} tables, {manifest.rows} rows{migrated}")
    return _verify_logs(manifest)


def _verify_logs(manifest: backups.Manifest) -> int:
    """Check every project's decision log as restored; say so when the key differs."""
    from dashboard.services.access import cli_actor
    from dashboard.services.admin import projects
    from dashboard.services.governance import decisions as governance

    broken = []
    for project in projects.list_projects():
        check = governance.verify_chain(cli_actor(project.slug))
        if check.intact:
            print(f"{project.slug}: decision log intact ({check.entries} entries)")
        else:
            broken.append(project.slug)
            print(f"{project.slug}: decision log does not verify", file=sys.stderr)
            for problem in check.problems[:5]:
                print(f"- {message(problem.key, 'en', **problem.params)}", file=sys.stderr)
    if not broken:
        return EXIT_OK
    if not backups.key_matches(manifest):
        print(
            f"error: the decision log was sealed with another key than this server's: set "
            f"{LOG_KEY_VARIABLE} (or {log_key_file()}) to the key of the server the backup "
            "comes from, then run `python -m dashboard decisions verify`",
            file=sys.stderr,
        )
    else:
        print("error: the decision log was already broken, or changed, in the backup", file=sys.stderr)
    return EXIT_PROBLEM


def register(
    commands: argparse._SubParsersAction,
    _imports: argparse._SubParsersAction,
    _exports: argparse._SubParsersAction,
) -> None:
    save = commands.add_parser(
        "backup",
        help="write a consistent, checksummed backup of the whole database (portable: SQLite or PostgreSQL)",
    )
    save.add_argument("-o", "--output", required=True, help="the backup file to write (a .zip)")
    save.set_defaults(handler=cmd_backup)
    load = commands.add_parser(
        "restore",
        help="restore a backup into an empty database, then check the decision logs (exit 1 if not intact)",
    )
    load.add_argument("file", help="a file written by `backup`")
    load.set_defaults(handler=cmd_restore)
