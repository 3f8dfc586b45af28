"""Governance presenters, in the reader's language (FR / NL / EN, Belgian formats, plural forms
from the catalogue): the Decisions log's and the Meetings screen's tables, labels and texts, and
"since the last meeting" (`services.governance.since.SinceReport`) as sections of plain-text
lines, each with the page it is about and the query parameters that page opens on. Pure: no
Streamlit, no database; the pages, the meeting screen and the meeting pack share them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import polars as pl

from dashboard.i18n import current_language, label, label_of, message, plural, t
from dashboard.i18n.formatting import format_date, format_datetime, format_long_date, format_number
from dashboard.presenters.tables import in_brussels, translate
from dashboard.services.governance.meetings import AgendaEntry, Attendee
from dashboard.services.governance.since import SinceReport
from data_loaders.problems import Problem
from models.vocab import ActionStatus, AgendaReason, DecisionOutcome, MeetingStatus

OUTCOME_ICONS = {
    "go": ":material/check_circle:",
    "conditional_go": ":material/rule:",
    "postponed": ":material/schedule:",
    "no_go": ":material/block:",
}


def outcome_text(outcome: str) -> str:
    """A decision's outcome with its icon, as the meeting screen and the entry dialog read it."""
    return f"{OUTCOME_ICONS[outcome]} {label_of('outcome', outcome)}"


def iso_date_text(text: str | None) -> str:
    """A date kept as ISO text (evidence snapshots) in the Belgian format; "–" when absent."""
    return format_date(dt.date.fromisoformat(text)) if text else "–"


def status_text(status: str | None) -> str:
    """An action's status label; "–" for a status an older snapshot may hold and today's
    vocabulary lacks."""
    return label(ActionStatus(status)) if status in {s.value for s in ActionStatus} else "–"


def tied_indicators_table(indicators: Sequence[dict], lang: str | None = None) -> pl.DataFrame:
    """The indicators tied to an action, from an evidence snapshot, one row each: name in `lang`
    (the code when the snapshot has no name in it), latest value with its unit, period, target
    with its period and status label. Older snapshots may lack fields: "–" stands for them."""
    lang = lang or current_language()
    return pl.DataFrame(
        [
            {
                "indicator": i.get(f"name_{lang}") or i.get("code", ""),
                "value": f"{format_number(i['value'], 1)} {i.get('unit', '')}".strip()
                if i.get("value") is not None
                else "–",
                "period": i.get("period") or "–",
                "target": f"{format_number(i['target'], 1)} ({i.get('target_period', '')})"
                if i.get("target") is not None
                else "–",
                "status": t(f"indicators.status.{i.get('status') or 'no_data'}"),
            }
            for i in indicators
        ]
    )


def previous_decisions_text(previous: Sequence[dict]) -> str:
    """The decisions already taken on an action, oldest first: "n° 10 Go (10/07/2026 17:19); …"."""
    return "; ".join(
        f"{t('decisions.entry_number', sequence=d['sequence'])} "
        f"{label(DecisionOutcome(d['outcome']))} "
        f"({format_datetime(dt.datetime.fromisoformat(d['recorded_at']))})"
        for d in previous
    )


# The decision form's fields, by the code the service names them with (Problem.column), and the
# catalogue key of the label the user reads next to each.
DECISION_FIELD_LABELS = {
    "outcome": "decisions.col.outcome",
    "conditions": "governance.conditions_help",
    "rationale": "decisions.col.rationale",
    "review_date": "governance.review_date_help",
    "correction_reason": "governance.correction_reason",
}


def field_problems(problems: list[Problem], lang: str) -> dict[str, list[str]]:
    """The service's problems with a submitted form, by field: each message names the field by
    the label the user reads ("Motivation : la motivation est obligatoire."), never by its code.
    Problems of no known field are under "" (shown at the foot of the form)."""
    by_field: dict[str, list[str]] = {}
    for problem in problems:
        field = problem.column if problem.column in DECISION_FIELD_LABELS else ""
        text = message(problem.key, lang=lang, **problem.params)
        if field:
            text = t(
                "governance.field_problem",
                lang=lang,
                field=t(DECISION_FIELD_LABELS[field], lang=lang),
                problem=text,
            )
        by_field.setdefault(field, []).append(text)
    return by_field


AGENDA_TITLE_CHARACTERS = 32  # of an action's title on its agenda pill (they sit side by side)


def agenda_item_label(number: int, code: str, title: str, decided: bool = False) -> str:
    """An agenda item as its pill on the meeting screen reads: number, code and the title
    shortened to a word boundary ("1. 2.6.3 · Renforcer la coordination…"), ✓ once decided."""
    title = " ".join(title.split())
    if len(title) > AGENDA_TITLE_CHARACTERS:
        cut = title[:AGENDA_TITLE_CHARACTERS]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:-–") + "…"
    return f"{number}. {code} · {title}" + (" ✓" if decided else "")


def meeting_labels(listing: pl.DataFrame) -> dict[int, str]:
    """The meeting chooser's options, by meeting id: "23/12/2026 · Comité · Planned"."""
    return {
        row["id"]: f"{format_date(row['held_on'])} · {row['title']} · {label(MeetingStatus(row['status']))}"
        for row in listing.iter_rows(named=True)
    }


def action_choices(
    actions: pl.DataFrame, exclude: Iterable[str] = ()
) -> tuple[dict[str, str], dict[str, int]]:
    """A chooser of actions (portfolio.actions_frame) as two maps by code: the titles the options
    read ("2.6.3 · title") and the ids the services take; codes in `exclude` are left out."""
    chosen = actions.filter(~pl.col("code").is_in(list(exclude)))
    return dict(chosen.select("code", "title").iter_rows()), dict(chosen.select("code", "id").iter_rows())


AGENDA_SCHEMA = {
    "position": pl.Int64,
    "code": pl.String,
    "title": pl.String,
    "reason": pl.String,
    "status": pl.String,
    "decided": pl.String,
}


def agenda_table(agenda: Sequence[AgendaEntry]) -> pl.DataFrame:
    """A meeting's agenda as its Agenda tab lists it: position from 1, the action, why it is on
    the agenda and its status as labels, the outcomes decided on it at this meeting."""
    return pl.DataFrame(
        [
            {
                "position": n + 1,
                "code": e.state["code"],
                "title": e.state["title"],
                "reason": label_of("agenda_reason", e.reason),
                "status": label(ActionStatus(e.state["status"])),
                "decided": ", ".join(label_of("outcome", d["outcome"]) for d in e.decisions),
            }
            for n, e in enumerate(agenda)
        ],
        schema=AGENDA_SCHEMA,
    )


SUGGESTION_COLUMNS = ("add", "code", "title", "reason_label", "status_label", "review_date", "planned_end")


def suggestions_table(suggestions: pl.DataFrame) -> pl.DataFrame:
    """meetings.agenda_suggestions as the suggestions editor shows them: an `add` tick (ticked
    where the service suggests it) and the reason and status as labels."""
    return suggestions.with_columns(
        pl.col("suggested").alias("add"),
        pl.col("reason")
        .replace_strict({r.value: label(r) for r in AgendaReason}, return_dtype=pl.String)
        .alias("reason_label"),
        pl.col("status")
        .replace_strict({s.value: label(s) for s in ActionStatus}, return_dtype=pl.String)
        .alias("status_label"),
    ).select(SUGGESTION_COLUMNS)


ATTENDEE_SCHEMA = {"name": pl.String, "partner": pl.String, "is_voting": pl.Boolean, "present": pl.Boolean}


def attendees_frame(attendees: Sequence[Attendee]) -> pl.DataFrame:
    """A meeting's attendance as its editor shows it (an empty list keeps the columns)."""
    return pl.DataFrame([a.__dict__ for a in attendees], schema=ATTENDEE_SCHEMA)


def attendees_from_rows(rows: Iterable[dict]) -> list[Attendee]:
    """The attendance editor's rows back as the service's attendees (a new row's empty name is "")."""
    return [Attendee(r["name"] or "", r["partner"], bool(r["is_voting"]), bool(r["present"])) for r in rows]


# ---------------------------------------------------------------- the Decisions log


def code_order(code: str) -> list[int]:
    """An action code's sort key: 2.10.1 after 2.9.3."""
    return [int(part) for part in code.split(".")]


def log_options(log: pl.DataFrame) -> tuple[list[str], list[str], dict[int, str]]:
    """What the log's filters offer: strategic objectives' codes and action codes in numeric
    order, and the meetings' titles by id."""
    strategic = sorted(log["strategic_code"].drop_nulls().unique().to_list(), key=int)
    codes = sorted(log["action_code"].unique().to_list(), key=code_order)
    meetings = dict(log.select("meeting_id", "meeting_title").drop_nulls().unique().iter_rows())
    return strategic, codes, meetings


def period_bounds(period: Sequence[dt.date] | None) -> tuple[dt.date | None, dt.date | None]:
    """A date-range widget's value as (since, until): a range being chosen has one end only."""
    return (tuple(period) + (None, None))[:2] if period else (None, None)  # type: ignore[return-value]


def entry_number(text: str | None) -> int | None:
    """An entry number from the address, or None: any text may come in the address, and only a
    plain entry number opens an entry ("²" is a digit to str.isdigit but not to int(); 400
    digits overflow the column)."""
    if not text or not (text.isascii() and text.isdigit() and len(text) <= 9):
        return None
    return int(text)


def log_figures(log: pl.DataFrame) -> list[tuple[str, int]]:
    """The figures above the log, as (label, count): entries, one per outcome, then the flagged
    entries (a review overdue or conditions unmet, each flag counted)."""
    figures = [(t("decisions.figure.entries"), log.height)]
    figures += [(label(o), log.filter(outcome=o.value).height) for o in DecisionOutcome]
    figures.append(
        (t("decisions.figure.flagged"), int(log["review_overdue"].sum() + log["conditions_unmet"].sum()))
    )
    return figures


# The Decisions table, left to right: what identifies an entry, what was decided and whether it
# needs following up, then why; where it was decided and who typed it last (scroll to see).
LOG_COLUMNS = (
    "sequence",
    "recorded_at",
    "action_link",
    "action_title",
    "outcome",
    "flags",
    "conditions",
    "rationale",
    "review_date",
    "correction",
    "meeting_title",
    "recorded_by",
)


def log_table(log: pl.DataFrame) -> pl.DataFrame:
    """Entries of governance.log_frame as the Decisions table shows them: outcome labels, times
    in Brussels time, a link to each action, the follow-up flags and a short correction mark
    ("← n° 7": corrects entry 7; "→ n° 12": corrected by entry 12)."""
    links = log.select("supersedes_sequence", "superseded_by").iter_rows()
    corrections = [
        t("decisions.corrects", sequence=corrects)
        if corrects is not None
        else t("decisions.corrected_by", sequence=corrected_by)
        if corrected_by is not None
        else None
        for corrects, corrected_by in links
    ]
    table = in_brussels(translate(log, "outcome", DecisionOutcome), "recorded_at").with_columns(
        pl.col("recorded_by_name").alias("recorded_by"),  # the person's name, not the login
        pl.concat_str([pl.lit("/portfolio?action="), pl.col("action_code")]).alias("action_link"),
        pl.concat_str(
            [
                pl.when(pl.col("review_overdue"))
                .then(pl.lit("⚠ " + t("decisions.flag.review_overdue")))
                .otherwise(pl.lit("")),
                pl.when(pl.col("conditions_unmet"))
                .then(pl.lit("⚠ " + t("decisions.flag.conditions_unmet")))
                .otherwise(pl.lit("")),
            ],
            separator=" ",
        )
        .str.strip_chars()
        .alias("flags"),
        pl.Series("correction", corrections, dtype=pl.String),
    )
    return table.select(LOG_COLUMNS)


# The sections in the order a committee goes through them.
SECTIONS = (
    "action_changes",
    "new_actions",
    "became_late",
    "decisions",
    "condition_checks",
    "reviews",
    "indicator_values",
    "indicator_statuses",
    "survey_waves",
    "risk_years",
    "maturity",
)
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end")


@dataclass(frozen=True)
class SinceLine:
    text: str  # plain text (a page shows it as text)
    page: str  # navigation key of the page it is about
    query: dict[str, str]  # query parameters that page understands ({} for none)


@dataclass(frozen=True)
class SinceSection:
    key: str  # one of SECTIONS
    title: str
    lines: list[SinceLine]


def since_heading(report: SinceReport, lang: str) -> str:
    dates = {"since": format_long_date(report.since, lang), "until": format_long_date(report.until, lang)}
    if report.meeting is not None:
        return t(
            "since.heading_meeting",
            lang=lang,
            held_on=format_date(report.meeting.held_on, lang),
            title=report.meeting.title,
            **dates,
        )
    return t("since.heading_date", lang=lang, **dates)


def _value_text(field: str, value: str | None, lang: str) -> str:
    if value is None or value == "":
        return t("since.empty_value", lang=lang)
    if field == "status":
        return label_of("status", value, lang)
    if field in DATE_FIELDS:
        return format_date(dt.date.fromisoformat(value), lang)
    return value


def _field_label(field: str, lang: str) -> str:
    return t("field.lead_partner_id" if field == "lead_partner" else f"field.{field}", lang=lang)


def _number(value: float | None, decimals: int, lang: str) -> str:
    return "< 5" if value is None else format_number(value, decimals, lang)


def _signed(value: float, decimals: int, lang: str) -> str:
    text = format_number(value, decimals, lang)
    return f"+{text}" if value > 0 else text


def _action(code: str) -> dict[str, str]:
    return {"action": code}


def _lines(report: SinceReport, key: str, lang: str) -> list[SinceLine]:
    at = lambda moment: format_datetime(moment, lang)  # noqa: E731

    def each(rows, message, page: str, fields, query=lambda row: {}) -> list[SinceLine]:  # noqa: ANN001
        """One line a row: the message (a key, or a function of the row giving it) filled
        with fields(row), linking to `page` with query(row)."""
        return [
            SinceLine(
                t(message(row) if callable(message) else message, lang=lang, **fields(row)), page, query(row)
            )
            for row in rows
        ]

    action = lambda row: _action(row.code)  # noqa: E731
    entry = lambda row: {"entry": str(row.sequence)}  # noqa: E731
    simple = {
        "action_changes": lambda: each(
            report.action_changes,
            "since.change",
            "portfolio",
            lambda c: {
                "code": c.code,
                "title": c.title,
                "field": _field_label(c.field, lang),
                "old": _value_text(c.field, c.old, lang),
                "new": _value_text(c.field, c.new, lang),
                "by": c.changed_by,
                "at": at(c.changed_at),
            },
            action,
        ),
        "new_actions": lambda: each(
            report.new_actions,
            "since.new_action",
            "portfolio",
            lambda a: {"code": a.code, "title": a.title, "status": label_of("status", a.status, lang)},
            action,
        ),
        "became_late": lambda: each(
            report.became_late,
            "since.late_action",
            "portfolio",
            lambda a: {"code": a.code, "title": a.title, "planned_end": format_date(a.planned_end, lang)},
            action,
        ),
        "condition_checks": lambda: each(
            report.condition_checks,
            lambda c: "since.check_met" if c.met else "since.check_not_met",
            "decisions",
            lambda c: {
                "sequence": c.sequence,
                "code": c.code,
                "title": c.title,
                "by": c.recorded_by,
                "at": at(c.recorded_at),
            },
            entry,
        ),
        "reviews": lambda: each(
            report.reviews,
            lambda r: "since.review_overdue" if r.overdue else "since.review_due",
            "portfolio",
            lambda r: {"code": r.code, "title": r.title, "date": format_date(r.review_date, lang)},
            action,
        ),
        "indicator_statuses": lambda: each(
            report.indicator_statuses,
            "since.indicator_status",
            "indicators",
            lambda s: {
                "code": s.code,
                "name": s.names[lang],
                "before": t(f"indicators.status.{s.before}", lang=lang),
                "after": t(f"indicators.status.{s.after}", lang=lang),
            },
            lambda s: {"indicator": s.code},
        ),
    }
    if key in simple:
        return simple[key]()
    if key == "decisions":
        lines = []
        for d in report.decisions:
            outcome = label_of("outcome", d.outcome, lang)
            if d.is_correction:
                outcome = f"{outcome} ({t('since.correction', lang=lang)})"
            text = t(
                "since.decision",
                lang=lang,
                sequence=d.sequence,
                code=d.code,
                title=d.title,
                outcome=outcome,
                by=d.recorded_by,
                at=at(d.recorded_at),
            )
            lines.append(SinceLine(text, "decisions", {"entry": str(d.sequence)}))
        return lines
    if key == "indicator_values":
        lines = []
        for v in report.indicator_values:
            value = _number(v.value, v.decimals, lang)
            if v.unit and v.value is not None:
                value = f"{value} {v.unit}"
            if not v.is_new:
                value = f"{value} {t('since.indicator_revised', lang=lang)}"
            text = t(
                "since.indicator_value",
                lang=lang,
                code=v.code,
                name=v.names[lang],
                period=v.period,
                value=value,
            )
            lines.append(SinceLine(text, "indicators", {"indicator": v.code}))
        return lines
    if key == "survey_waves":
        lines = []
        for w in report.survey_waves:
            if w.suppressed:
                lines.append(SinceLine(t("since.wave_small", lang=lang, name=w.name), "surveys", {}))
                continue
            parts = [
                t("since.wave", lang=lang, name=w.name, respondents=format_number(w.respondents, 0, lang))
            ]
            if w.satisfaction is not None:
                parts.append(
                    t(
                        "since.wave_satisfaction",
                        lang=lang,
                        mean=format_number(w.satisfaction, 2, lang),
                        low=_number(w.satisfaction_low, 2, lang) if w.satisfaction_low is not None else "–",
                        high=_number(w.satisfaction_high, 2, lang)
                        if w.satisfaction_high is not None
                        else "–",
                    )
                )
            if w.change is not None and w.previous_name:
                parts.append(
                    t(
                        "since.wave_change",
                        lang=lang,
                        previous=w.previous_name,
                        change=_signed(w.change, 2, lang),
                        low=_signed(w.change_low, 2, lang) if w.change_low is not None else "–",
                        high=_signed(w.change_high, 2, lang) if w.change_high is not None else "–",
                        verdict=t(f"surveys.verdict.{w.verdict}", lang=lang),
                    )
                )
            lines.append(SinceLine(" · ".join(parts), "surveys", {}))
        return lines
    if key == "risk_years":
        lines = []
        for r in report.risk_years:
            heading = (
                t("since.risk_year", lang=lang, year=r.year, base_year=r.base_year)
                if r.base_year is not None
                else t("since.risk_first_year", lang=lang, year=r.year)
            )
            lines.append(SinceLine(heading, "risk_map", {}))
            for m in r.moves:
                text = t(
                    "since.risk_move",
                    lang=lang,
                    region=m.region_name,
                    stratum=label_of("stratum", m.stratum, lang),
                    before=f"{format_number(m.share_before, 1, lang)} %",
                    after=f"{format_number(m.share_after, 1, lang)} %",
                    change=_signed(m.change, 1, lang),
                )
                lines.append(SinceLine(text, "risk_map", {}))
        return lines
    if key == "maturity":
        lines = []
        for m in report.maturity:
            if m.new_round:
                text = t("since.maturity_round", lang=lang, name=m.name, held_on=format_date(m.held_on, lang))
                lines.append(SinceLine(text, "maturity", {}))
            if m.consensus:
                lines.append(SinceLine(t("since.maturity_consensus", lang=lang, name=m.name), "maturity", {}))
            for move in m.moves:
                text = t(
                    "since.maturity_move",
                    lang=lang,
                    dimension=label_of("maturity_dimension", move.dimension, lang),
                    before="–" if move.before is None else move.before,
                    after=move.after,
                )
                lines.append(SinceLine(text, "maturity", {}))
        return lines
    raise ValueError(key)


def _count(report: SinceReport, key: str) -> int:
    return len(getattr(report, key))


def since_sections(report: SinceReport, lang: str) -> list[SinceSection]:
    """The report's non-empty sections, in SECTIONS order, each titled with its count."""
    sections = []
    for key in SECTIONS:
        count = _count(report, key)
        if count:
            sections.append(
                SinceSection(key, plural(f"since.section.{key}", count, lang), _lines(report, key, lang))
            )
    return sections
