"""Since the last meeting, in words: `services.governance.since.SinceReport` as sections of
plain-text lines (FR / NL / EN, Belgian formats, plural forms from the catalogue), each line with
the page it is about and the query parameters that page opens on. No Streamlit, no database:
the page, the meeting screen and the meeting pack share it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dashboard.i18n import label_of, plural, t
from dashboard.i18n.formatting import format_date, format_datetime, format_long_date, format_number
from dashboard.services.governance.since import SinceReport

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
    if key == "action_changes":
        return [
            SinceLine(
                t(
                    "since.change",
                    lang=lang,
                    code=c.code,
                    title=c.title,
                    field=_field_label(c.field, lang),
                    old=_value_text(c.field, c.old, lang),
                    new=_value_text(c.field, c.new, lang),
                    by=c.changed_by,
                    at=at(c.changed_at),
                ),
                "portfolio",
                _action(c.code),
            )
            for c in report.action_changes
        ]
    if key == "new_actions":
        return [
            SinceLine(
                t(
                    "since.new_action",
                    lang=lang,
                    code=a.code,
                    title=a.title,
                    status=label_of("status", a.status, lang),
                ),
                "portfolio",
                _action(a.code),
            )
            for a in report.new_actions
        ]
    if key == "became_late":
        return [
            SinceLine(
                t(
                    "since.late_action",
                    lang=lang,
                    code=a.code,
                    title=a.title,
                    planned_end=format_date(a.planned_end, lang),
                ),
                "portfolio",
                _action(a.code),
            )
            for a in report.became_late
        ]
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
    if key == "condition_checks":
        return [
            SinceLine(
                t(
                    "since.check_met" if c.met else "since.check_not_met",
                    lang=lang,
                    sequence=c.sequence,
                    code=c.code,
                    title=c.title,
                    by=c.recorded_by,
                    at=at(c.recorded_at),
                ),
                "decisions",
                {"entry": str(c.sequence)},
            )
            for c in report.condition_checks
        ]
    if key == "reviews":
        return [
            SinceLine(
                t(
                    "since.review_overdue" if r.overdue else "since.review_due",
                    lang=lang,
                    code=r.code,
                    title=r.title,
                    date=format_date(r.review_date, lang),
                ),
                "portfolio",
                _action(r.code),
            )
            for r in report.reviews
        ]
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
    if key == "indicator_statuses":
        return [
            SinceLine(
                t(
                    "since.indicator_status",
                    lang=lang,
                    code=s.code,
                    name=s.names[lang],
                    before=t(f"indicators.status.{s.before}", lang=lang),
                    after=t(f"indicators.status.{s.after}", lang=lang),
                ),
                "indicators",
                {"indicator": s.code},
            )
            for s in report.indicator_statuses
        ]
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
