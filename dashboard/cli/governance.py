"""Commands of the governance log: `decisions verify [--anchor]`, `decisions anchor`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBLEM
from dashboard.cli.core import require_database
from dashboard.cli.files import add_export_arguments
from dashboard.errors import InvalidInput
from dashboard.i18n import message, plural, t
from dashboard.services.admin import audit
from dashboard.services.governance import decisions as governance
from dashboard.services.access import cli_actor
from models import log_seal
from models.vocab import LANGUAGES


def _print_problems(slug: str, check: governance.ChainCheck, lang: str) -> None:
    print(f"{slug}: {t('decisions.chain_broken', lang=lang)}")
    for problem in check.problems:
        print(f"- {message(problem.key, lang, **problem.params)}")


def cmd_decisions_verify(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project)
    try:
        check = governance.verify_chain(actor, anchor=args.anchor)
    except InvalidInput as error:
        print(error.message(args.lang), file=sys.stderr)
        return EXIT_BAD_INPUT
    if check.intact:
        print(f"{actor.project_slug}: {plural('decisions.chain_intact', check.entries, lang=args.lang)}")
        if args.anchor is not None:
            anchor = governance.parse_anchor(args.anchor)
            print(f"{actor.project_slug}: {t('decisions.anchor_matches', lang=args.lang, anchor=anchor)}")
        return EXIT_OK
    _print_problems(actor.project_slug, check, args.lang)
    return EXIT_PROBLEM


def cmd_decisions_anchor(args: argparse.Namespace) -> int:
    """Print the anchor of the log as it is now, for the minutes (only of a log that verifies)."""
    require_database()
    actor = cli_actor(args.project)
    check = governance.verify_chain(actor)
    if not check.intact:
        print(t("error.anchor_of_broken_log", lang=args.lang), file=sys.stderr)
        _print_problems(actor.project_slug, check, args.lang)
        return EXIT_PROBLEM
    anchor = governance.current_anchor(actor)
    entries, reviews, _ = log_seal.parse_anchor(anchor)  # type: ignore[misc]
    print(anchor)
    print(
        t("decisions.anchor_hint", lang=args.lang, anchor=anchor, entries=entries, reviews=reviews),
        file=sys.stderr,
    )
    return EXIT_OK


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
    verify.add_argument(
        "--anchor",
        help="an anchor kept in the minutes (from 'decisions anchor'): also check that the log still holds it",
    )
    verify.set_defaults(handler=cmd_decisions_verify)
    anchor = sub.add_parser(
        "anchor",
        help="print the log's anchor (entries-checks-MAC) for the committee's minutes; "
        "'verify --anchor' checks it later",
    )
    anchor.add_argument("--project", required=True, help="project slug")
    anchor.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the hint")
    anchor.set_defaults(handler=cmd_decisions_anchor)

    export = exports.add_parser("decisions", help="export the governance log")
    add_export_arguments(export)
    export.set_defaults(handler=cmd_export_decisions)

    pack = exports.add_parser(
        "meeting-pack",
        help="the meeting pack (PDF): key figures, Gantt, risk map, indicators, survey, agenda, "
        "decisions with their evidence",
    )
    pack.add_argument("--project", required=True, help="project slug")
    which = pack.add_mutually_exclusive_group()
    which.add_argument(
        "--meeting", type=int, help="the meeting's number (default: the next one, else the latest)"
    )
    which.add_argument(
        "--date", help="the meeting held on this date (YYYY-MM-DD); without one, the date alone"
    )
    pack.add_argument("--lang", choices=LANGUAGES, default="fr", help="language of the pack")
    pack.add_argument("-o", "--output", required=True, help="PDF file to write")
    pack.add_argument("--user", help="act as this user (default: command-line admin)")
    pack.set_defaults(handler=cmd_export_meeting_pack)


def cmd_export_meeting_pack(args: argparse.Namespace) -> int:
    """The meeting pack (PDF) of a meeting, of the meeting held on a date, or of the meeting
    the Meetings page opens on."""
    from dashboard.presenters import meeting_pack as pack

    require_database()
    actor = cli_actor(args.project, args.user)
    on = None
    if args.date:
        try:
            on = dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"error: --date {args.date}: expected a date as YYYY-MM-DD", file=sys.stderr)
            return EXIT_BAD_INPUT
    content = pack.pack_content(actor, meeting_id=args.meeting, on=on, lang=args.lang)
    Path(args.output).write_bytes(pack.render_pdf(content))
    audit.log_export(actor, "meeting-pack", "pdf", file=str(args.output))
    print(f"wrote {args.output}")
    return EXIT_OK
