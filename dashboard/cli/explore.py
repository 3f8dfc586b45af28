"""Commands of the Explore area: `query` (read-only SQL over the catalogue, CSV on stdout)."""

from __future__ import annotations

import argparse
import sys

from dashboard.cli import EXIT_OK
from dashboard.cli.core import require_database
from dashboard.presenters.partners import results_labelled
from dashboard.services.access import cli_actor
from dashboard.services.exports import to_csv_bytes
from dashboard.services.explore.sql import query
from models.vocab import LANGUAGES


def cmd_query(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    result, cut = query(actor, args.sql, args.lang, label_surveys=results_labelled)
    sys.stdout.write(to_csv_bytes(result).decode("utf-8"))
    if cut:
        print(f"(first {result.height} rows only)", file=sys.stderr)
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    _imports: argparse._SubParsersAction,
    _exports: argparse._SubParsersAction,
) -> None:
    command = commands.add_parser("query", help="read-only SQL over the project's Explore catalogue (CSV)")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--user", required=True, help="run as this user (with that user's role)")
    command.add_argument("--lang", choices=LANGUAGES, default="en", help="language of labels")
    command.add_argument("sql", help="one SELECT or WITH statement")
    command.set_defaults(handler=cmd_query)
