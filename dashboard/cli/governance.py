"""Commands of the governance log: `decisions verify`."""

from __future__ import annotations

import argparse
from pathlib import Path

from dashboard.cli import EXIT_OK, EXIT_PROBLEM
from dashboard.cli.core import require_database
from dashboard.cli.files import add_export_arguments
from dashboard.i18n import message, plural, t
from dashboard.services import audit
from dashboard.services import governance
from dashboard.services.access import cli_actor
from dashboard.services.projects import get_project
from models.vocab import LANGUAGES


def cmd_decisions_verify(args: argparse.Namespace) -> int:
    require_database()
    project = get_project(args.project)
    check = governance.verify_chain(project.id)
    if check.intact:
        print(f"{project.slug}: {plural('decisions.chain_intact', check.entries, lang=args.lang)}")
        return EXIT_OK
    print(f"{project.slug}: {t('decisions.chain_broken', lang=args.lang)}")
    for problem in check.problems:
        print(f"- {message(problem.key, args.lang, **problem.params)}")
    return EXIT_PROBLEM


def cmd_export_decisions(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    Path(args.output).write_bytes(governance.export_log(actor, args.format))
    audit.log_export(actor, "decisions", args.format, file=str(args.output))
    print(f"wrote {args.output}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    _imports: argparse._SubParsersAction,
    exports: argparse._SubParsersAction,
) -> None:
    decisions = commands.add_parser("decisions", help="governance log")
    sub = decisions.add_subparsers(dest="action", required=True)
    verify = sub.add_parser(
        "verify", help="check the log's seals: every entry, condition check and its end (exit 1 if not)"
    )
    verify.add_argument("--project", required=True, help="project slug")
    verify.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the report")
    verify.set_defaults(handler=cmd_decisions_verify)

    export = exports.add_parser("decisions", help="export the governance log")
    add_export_arguments(export)
    export.set_defaults(handler=cmd_export_decisions)
