"""Commands of the partner surveys: `import survey`, `import questionnaire`,
`export survey-results` (formats: docs/formats/surveys.md)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from dashboard.cli import EXIT_BAD_INPUT, EXIT_OK
from dashboard.cli.core import require_database
from dashboard.cli.files import add_import_arguments, import_command, read_file, run_import
from dashboard.i18n import plural
from dashboard.services.admin import audit
from dashboard.services.access import cli_actor
from dashboard.services.exports import to_file_bytes
from dashboard.services.partners.survey_import import (
    QuestionnairePreview,
    SurveyPreview,
    apply_questionnaire_import,
    apply_survey_import,
    preview_questionnaire_import,
    preview_survey_import,
)
from dashboard.presenters.partners import results_export
from dashboard.services.partners.surveys import export_results
from data_loaders.fields import parse_date
from data_loaders.surveys import DATE_ORDERS
from models.vocab import LANGUAGES


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD or DD/MM/YYYY): {text}") from None


def _survey_summary(preview: SurveyPreview) -> list[str]:
    lines = []
    if preview.wave_is_new:
        invited = ", ".join(f"{c} {n}" for c, n in sorted(preview.invitations.items())) or "none"
        lines.append(
            f"new wave {preview.wave!r}: {preview.opened_on} to {preview.closed_on}; "
            f"invited per category (the project's partners): {invited}"
        )
    else:
        lines.append(f"existing wave {preview.wave!r}")
    questionnaire = preview.questionnaire
    if questionnaire.installs_default:
        lines.append("questionnaire: the default questionnaire will be installed")
    elif questionnaire.has_changes:
        lines.append(
            "questionnaire: "
            + ", ".join(
                plural(f"import.survey.{part}", len(getattr(questionnaire, part)), "en")
                for part in ("new_dimensions", "new_items", "changed_items")
            )
        )
    lines += [
        f"new responses: {preview.new_respondents}",
        f"changed responses: {preview.changed_respondents}",
        f"unchanged responses: {preview.unchanged_respondents}",
        f"responses of the wave absent from the file (kept): {preview.kept_respondents}",
        f"answers: {preview.answers}, comments: {preview.comments}",
    ]
    for role, title in (
        ("item", "item columns"),
        ("category", "partner-category column"),
        ("comment", "comment columns"),
        ("identifier", "respondent identifiers (hashed, not stored)"),
        ("timestamp", "submission time"),
        ("tool", "tool columns (ignored)"),
        ("unknown", "unknown columns (ignored)"),
    ):
        columns = [c for c in preview.columns if c.role == role]
        if columns:
            named = ", ".join(f"{c.header} -> {c.target}" if c.target else c.header for c in columns)
            lines.append(f"{title}: {named}")
    order = preview.date_order
    if order.order:
        named = {"dmy": "day/month/year", "mdy": "month/day/year"}[order.order]
        lines.append(
            f"dates read as {named} "
            + ("(as chosen)" if order.chosen else f"(line {order.line}: {order.value})")
        )
    if not preview.has_category:
        lines.append("warning: no partner-category column; responses cannot be broken down")
    if preview.incomplete_lines:
        lines.append(
            f"incomplete responses (no submission date), skipped: "
            f"{len(preview.incomplete_lines)}, lines "
            f"{', '.join(map(str, preview.incomplete_lines))}"
        )
    if preview.unnamed_columns:
        lines.append(
            f"columns without a name in line 1, ignored: no. {', '.join(map(str, preview.unnamed_columns))}"
        )
    if preview.empty_lines:
        lines.append(f"lines without any answer (skipped): {', '.join(map(str, preview.empty_lines))}")
    return lines


def cmd_import_survey(args: argparse.Namespace) -> int:
    require_database()
    responses = read_file(args.file)
    questionnaire = read_file(args.questionnaire) if args.questionnaire else None
    if responses is None or (args.questionnaire and questionnaire is None):
        return EXIT_BAD_INPUT
    actor = cli_actor(args.project, args.user)
    options = {
        "wave": args.wave,
        "questionnaire": questionnaire,
        "opened_on": args.opened,
        "closed_on": args.closed,
        "date_order": args.date_order,
    }
    return run_import(
        responses[1],
        lambda: preview_survey_import(actor, *responses, **options),
        lambda: apply_survey_import(actor, *responses, **options),
        _survey_summary,
        args.dry_run,
        "nothing to change: every response of this file is already imported",
    )


def _questionnaire_summary(preview: QuestionnairePreview) -> list[str]:
    changes = preview.changes
    lines = [
        f"new dimensions: {', '.join(d.code for d in changes.new_dimensions) or 'none'}",
        f"new items: {', '.join(i.code for i in changes.new_items) or 'none'}",
        f"changed items: {len(changes.changed_items)}",
    ]
    lines += [f"  {code}: {', '.join(fields)}" for code, fields in changes.changed_items]
    if preview.unknown_columns:
        lines.append(f"unknown columns (ignored): {', '.join(preview.unknown_columns)}")
    return lines


def cmd_import_questionnaire(args: argparse.Namespace) -> int:
    return import_command(
        args,
        preview_questionnaire_import,
        apply_questionnaire_import,
        _questionnaire_summary,
        "nothing to change: the questionnaire is already up to date with this file",
    )


def cmd_export_results(args: argparse.Namespace) -> int:
    require_database()
    actor = cli_actor(args.project, args.user)
    frame = results_export(export_results(actor), args.lang)
    data = to_file_bytes(frame, args.format, sheet="results")
    Path(args.output).write_bytes(data)
    audit.log_export(actor, "survey-results", args.format, file=str(args.output))
    print(f"wrote {args.output}")
    return EXIT_OK


def register(
    _commands: argparse._SubParsersAction,
    imports: argparse._SubParsersAction,
    exports: argparse._SubParsersAction,
) -> None:
    command = imports.add_parser(
        "survey", help="import a wave's responses to the partner survey (docs/formats/surveys.md)"
    )
    command.add_argument("file", help="CSV or XLSX export of a survey tool")
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--wave", required=True, help="wave name (a new name creates the wave)")
    command.add_argument("--questionnaire", help="questionnaire file to apply first")
    command.add_argument(
        "--opened", type=_date, help="opening date of a new wave (default: first submission time in the file)"
    )
    command.add_argument(
        "--closed", type=_date, help="closing date of a new wave (default: last submission time in the file)"
    )
    command.add_argument(
        "--date-order",
        choices=DATE_ORDERS,
        help="how to read submission dates such as 9/1/2024 when no date of "
        "the file has a day above 12: dmy (day/month/year) or mdy "
        "(month/day/year)",
    )
    command.add_argument("--dry-run", action="store_true", help="show what would change")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_import_survey)

    command = imports.add_parser(
        "questionnaire", help="add or update the survey questionnaire (docs/formats/surveys.md)"
    )
    add_import_arguments(command)
    command.set_defaults(handler=cmd_import_questionnaire)

    command = exports.add_parser(
        "survey-results", help="aggregated survey results, groups under 5 respondents suppressed"
    )
    command.add_argument("--project", required=True, help="project slug")
    command.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    command.add_argument("--lang", choices=LANGUAGES, default="en", help="language of labels and texts")
    command.add_argument("-o", "--output", required=True, help="file to write")
    command.add_argument("--user", help="act as this user (default: command-line admin)")
    command.set_defaults(handler=cmd_export_results)
