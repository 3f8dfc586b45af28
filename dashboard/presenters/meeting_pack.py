"""The meeting pack: one PDF of what the committee is shown for a meeting (or a date), in the
reader's language — a cover (project, meeting, date, filters in force, the synthetic-data
notice), a table of contents, the portfolio's key figures, the Gantt, the risk map with its
tables, the indicators' overview, the survey's headline, "since the last meeting", the agenda
and the decisions with the evidence they stored; numbered pages.

Every figure comes from the services the pages use, already suppressed ("< 5"), through the
presenters the pages use; charts are the pages' Altair charts rendered by vl-convert, the map
an Altair geoshape picture of the same colour classes. User text is written as plain text
(never through a Markdown reader). `pack_content` assembles (testable), `render_pdf` writes."""

from __future__ import annotations

import datetime as dt
import io
import struct
from dataclasses import dataclass, field

import polars as pl
from fpdf import FPDF, FontFace
from fpdf.outline import TableOfContents

from dashboard.charts import actions as action_charts
from dashboard.charts import partners as survey_charts
from dashboard.charts import population as map_charts
from dashboard.charts.images import to_png
from dashboard.errors import InvalidInput, NotFound
from dashboard.i18n import current_language, label, label_of, plural, t, using_language
from dashboard.i18n.formatting import (
    format_date,
    format_datetime,
    format_eur,
    format_long_date,
    format_number,
)
from dashboard.i18n.formatting import format_percent
from dashboard.permissions import Permission
from dashboard.presenters import actions as action_display
from dashboard.presenters import evaluation as indicator_display
from dashboard.presenters.governance import since_heading, since_sections
from dashboard.presenters import population as risk_display
from dashboard.services.access import Actor, require
from dashboard.services.actions import portfolio
from dashboard.services.actions.portfolio import ActionFilters
from dashboard.services.admin.projects import ProjectInfo, get_project
from dashboard.services.evaluation import indicators
from dashboard.services.governance import meetings
from dashboard.services.governance.since import changes_since
from dashboard.services.governance.minutes import UNICODE_FONTS, _latin1, plain_line
from dashboard.presenters import partners as survey_presenter
from dashboard.services.partners import surveys
from dashboard.services.population import risk
from dashboard.services.population import risk_classes
from dashboard.services.population.risk import RiskView
from models.vocab import ActionStatus, QuadrupleAim
from dashboard import clock

SECTIONS = ("figures", "gantt", "risk", "indicators", "survey", "since", "agenda", "decisions")
GANTT_ROWS_PER_IMAGE = 38  # actions per picture: one picture fits a page, its rows readable


# ---------------------------------------------------------------- content


@dataclass(frozen=True)
class Text:
    text: str
    style: str = ""  # "" | "bold" | "small"


@dataclass(frozen=True)
class Figures:
    items: list[tuple[str, str]]  # (label, value as shown)


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths: tuple[float, ...] | None = None  # relative


@dataclass(frozen=True)
class Image:
    png: bytes
    caption: str = ""


@dataclass(frozen=True)
class Section:
    key: str  # one of SECTIONS
    title: str
    blocks: list = field(default_factory=list)


@dataclass(frozen=True)
class PackContent:
    title: str
    project: str
    meeting: str  # the meeting's title ("" for a date without a meeting)
    held_on: dt.date
    lang: str
    cover: list[tuple[str, str]]  # (what, value): the meeting's facts and the filters in force
    notice: str  # the synthetic-data notice ("" for real data)
    sections: list[Section]

    def text(self) -> str:
        """Every text of the pack, for tests and search."""
        parts = [self.title, self.project, self.meeting, self.notice, *(f"{a} {b}" for a, b in self.cover)]
        for section in self.sections:
            parts.append(section.title)
            for block in section.blocks:
                if isinstance(block, Text):
                    parts.append(block.text)
                elif isinstance(block, Figures):
                    parts += [f"{a} {b}" for a, b in block.items]
                elif isinstance(block, Table):
                    parts += [" | ".join(block.headers), *(" | ".join(r) for r in block.rows)]
                elif isinstance(block, Image):
                    parts.append(block.caption)
        return "\n".join(parts)


def choose_meeting(
    actor: Actor, meeting_id: int | None = None, on: dt.date | None = None, today: dt.date | None = None
) -> int | None:
    """The meeting of the pack: the one named, else the one held on `on` (None when there is
    none that day: a pack of the date alone), else the meeting the Meetings page opens on (the
    next planned one, else the latest). Two meetings on `on` are refused, never guessed."""
    require(actor, Permission.read)
    listing = meetings.meetings_list(actor, today)
    if meeting_id is not None:
        if meeting_id not in listing["id"].to_list():
            raise NotFound("error.unknown_meeting", meeting=meeting_id, project=actor.project_slug)
        return meeting_id
    if on is not None:
        same = listing.filter(pl.col("held_on") == on)
        if same.height > 1:
            raise InvalidInput(
                "error.pack_date_ambiguous",
                date=on.isoformat(),
                meetings=", ".join(str(i) for i in sorted(same["id"].to_list())),
            )
        return same["id"][0] if same.height else None
    return meetings.default_meeting(listing, today or clock.today())


def pack_content(
    actor: Actor,
    meeting_id: int | None = None,
    on: dt.date | None = None,
    lang: str = "fr",
    filters: ActionFilters | None = None,
    risk_view: RiskView | None = None,
    today: dt.date | None = None,
) -> PackContent:
    """What the pack shows, in `lang`. Whoever may take the pages' figures away (download)
    may take the pack."""
    require(actor, Permission.download)
    today = today or clock.today()
    filters = filters or ActionFilters()
    chosen = choose_meeting(actor, meeting_id, on, today)
    project = get_project(actor.project_slug)
    with using_language(lang):
        view = meetings.meeting_view(actor, chosen, today) if chosen is not None else None
        held_on = view.meeting["held_on"] if view else (on or today)
        actions = portfolio.with_late_flag(portfolio.actions_frame(actor), today)
        shown = portfolio.filter_actions(actions, filters)
        risk_part = _risk_section(actor, project, risk_view)
        cover = _cover(project, view, held_on, filters, actions, shown, risk_part[1], today)
        sections = [
            _figures_section(project, shown, actions, today),
            _gantt_section(actor, shown, today),
            risk_part[0],
            _indicators_section(actor, lang, today),
            _survey_section(actor, lang),
            since_section(actor, chosen, lang, today),
            _agenda_section(view),
            _decisions_section(view, project),
        ]
        title = t("pack.title", lang=lang)
        return PackContent(
            title=title,
            project=project.name,
            meeting=view.meeting["title"] if view else "",
            held_on=held_on,
            lang=lang,
            cover=cover,
            notice=t("demo.notice") if project.is_demo else "",
            sections=sections,
        )


def meeting_pack(actor: Actor, **options) -> bytes:  # noqa: ANN003
    """The pack as a PDF (options: those of `pack_content`)."""
    return render_pdf(pack_content(actor, **options))


def file_name(slug: str, held_on: dt.date, lang: str) -> str:
    return f"meeting-pack-{slug}-{held_on.isoformat()}-{lang}.pdf"


def _cover(
    project: ProjectInfo,
    view: meetings.MeetingView | None,
    held_on: dt.date,
    filters: ActionFilters,
    actions: pl.DataFrame,
    shown: pl.DataFrame,
    risk_filters: str,
    today: dt.date,
) -> list[tuple[str, str]]:
    lines = [(t("pack.project"), f"{project.name} · {project.region_label}")]
    if view:
        lines.append((t("pack.meeting"), view.meeting["title"]))
        lines.append((t("minutes.date"), format_long_date(held_on)))
        if view.meeting["location"]:
            lines.append((t("minutes.location"), view.meeting["location"]))
    else:
        lines.append((t("pack.meeting"), t("pack.no_meeting", date=format_long_date(held_on))))
    lines.append((t("pack.figures_as_of"), format_long_date(today)))
    summary = action_display.filter_summary(project, filters, actions)
    counted = plural("downloads.actions_shown", shown.height, total=actions.height)
    lines.append(
        (
            t("pack.filters.actions"),
            " · ".join([counted, *(f"{name}: {value}" for name, value in summary)])
            if summary
            else t("pack.all_actions", count=actions.height),
        )
    )
    if risk_filters:
        lines.append((t("pack.filters.risk"), risk_filters))
    lines.append((t("pack.filters.survey"), t("pack.survey_choice")))
    return lines


def _figures_section(
    project: ProjectInfo, shown: pl.DataFrame, actions: pl.DataFrame, today: dt.date
) -> Section:
    """The Portfolio page's key figures of the actions shown."""
    counts = portfolio.status_counts(shown)
    starting, ending = portfolio.upcoming(shown, today)
    share, _, _ = portfolio.social_entrepreneurship_share(shown)
    target = project.social_entrepreneurship_target
    se = format_percent(share)
    if target is not None:
        se = f"{se} ({t('home.se_target', target=format_percent(target))})"
    items = [
        (t("portfolio.figure.actions"), format_number(shown.height)),
        (label(ActionStatus.in_progress), format_number(counts["in_progress"])),
        (label(ActionStatus.done), format_number(counts["done"])),
        (t("portfolio.figure.late"), format_number(int(shown["late"].sum()))),
        (t("portfolio.figure.starting"), format_number(starting)),
        (t("portfolio.figure.ending"), format_number(ending)),
        (t("portfolio.figure.se"), se),
    ]
    return Section(
        "figures",
        t("pack.section.figures"),
        [Figures(items), Text(action_display.status_breakdown(counts), "small")],
    )


def _gantt_section(actor: Actor, shown: pl.DataFrame, today: dt.date) -> Section:
    """The Gantt page's chart (baseline: the first plan), one picture per few objectives."""
    rows = portfolio.gantt_rows(portfolio.with_baseline(shown, portfolio.changes_frame(actor), None))
    dated = rows.filter(pl.col("planned_start").is_not_null() & pl.col("planned_end").is_not_null())
    undated = rows.height - dated.height
    if dated.height == 0:
        return Section("gantt", t("pack.section.gantt"), [Text(t("gantt.empty"))])
    words = action_display.gantt_words()
    blocks: list = [Text(t("gantt.legend"), "small")]
    for groups in _chunks(dated):
        chart = action_charts.gantt_chart(
            dated.filter(pl.col("group").is_in(groups)),
            today=today,
            status_labels={s.value: label(s) for s in ActionStatus},
            words=words,
        )
        blocks.append(Image(to_png(chart, scale=1.5)))
    if undated:
        blocks.append(Text(plural("gantt.undated", undated), "small"))
    return Section("gantt", t("pack.section.gantt"), blocks)


def _chunks(rows: pl.DataFrame) -> list[list[str]]:
    """The objectives in order, grouped so that each picture holds about GANTT_ROWS_PER_IMAGE
    actions (an objective is never split)."""
    sizes = rows.group_by("group", "group_order").len().sort("group_order", "group")
    chunks: list[list[str]] = [[]]
    count = 0
    for group, _, size in sizes.iter_rows():
        if chunks[-1] and count + size > GANTT_ROWS_PER_IMAGE:
            chunks.append([])
            count = 0
        chunks[-1].append(group)
        count += size
    return chunks


def _risk_section(actor: Actor, project: ProjectInfo, view: RiskView | None) -> tuple[Section, str]:
    """The Risk map of the latest year (or `view`): the picture, its caption and the region
    tables as the page shows them; and the filters of the view in words, for the cover."""
    title = t("pack.section.risk")
    base = risk.load_risk_base(actor)
    if not base.years:
        return Section("risk", title, [Text(t("risk.no_data"))]), ""
    view = view or RiskView(year=base.years[-1])
    data = risk.with_parts(
        base,
        cells=risk.load_year_cells(actor, sorted({view.year, view.base_year or view.year})),
        conditions=risk.load_condition_cells(actor, view.condition) if view.condition else None,
        coverage=risk.load_coverage(actor, base.regions),
    )
    table = risk.region_table(data, view)
    classes = risk_classes.measure_breaks(data, view)
    shown = risk_display.shown_regions(table, view, classes, project)
    class_labels = risk_display.class_labels(classes, view.measure)
    suppressed, no_data = t("risk.legend.suppressed"), t("risk.legend.no_data")
    legend = [
        *zip(class_labels, map_charts.palette(classes.edges), strict=False),
        (suppressed, map_charts.SUPPRESSED_COLOUR),
        (no_data, map_charts.NO_DATA_COLOUR),
    ]
    shown = shown.with_columns(
        pl.when(pl.col("value_suppressed"))
        .then(pl.lit(suppressed))
        .when(pl.col("value_class").is_null())
        .then(pl.lit(no_data))
        .otherwise(
            pl.col("value_class").replace_strict(
                dict(enumerate(class_labels)), default=class_labels[-1] if class_labels else no_data
            )
        )
        .alias("legend")
    )
    many = data.regions.height > risk.SMALL_MULTIPLES_MAX_REGIONS
    if many:  # labels on the top regions only, as on the page
        top = risk.top_regions(table)
        shown = shown.with_columns(
            pl.when(pl.col("region_id").is_in(top)).then(pl.col("value")).alias("value")
        )
    measure_title = risk_display.measure_title(view, project)
    picture = map_charts.static_map(data.regions, shown, legend, t("risk.legend.title"))
    ordered = risk.sort_regions(table, risk.MEASURE_COLUMN[view.measure])
    blocks: list = [
        Text(f"{measure_title} · {view.year}", "bold"),
        Image(to_png(picture, scale=2), risk_display.map_caption(view, data.sources)),
    ]
    group = risk_display.group_text(view)
    for heading, columns in (
        (f"{measure_title} · {view.year}", risk_display.measure_columns(view)),
        (
            " · ".join(filter(None, [t("risk.table.strata", year=view.year), group])),
            risk_display.strata_columns(project),
        ),
    ):
        text = risk_display.table_text(ordered, view, project, columns)
        blocks += [
            Text(heading, "bold"),
            Table(
                ["#", *columns.values()],
                [list(r) for r in text.select("rank", *columns).iter_rows()],
                (0.5, 2.4, *([1.0] * (len(columns) - 1))),
            ),
        ]
    blocks.append(Text(t("risk.masked_help"), "small"))
    words = [
        f"{t('risk.year')}: {view.year}",
        f"{t('risk.measure')}: {t(f'risk.measure.{view.measure.value}')}",
        f"{t('risk.condition')}: {label_of('condition', view.condition)}"
        if view.condition
        else f"{t('risk.stratum')}: {project.stratum_label(view.stratum)}",
        f"{t('risk.age_band')}: {view.age_band or t('risk.all_ages')}",
        f"{t('risk.sex')}: {label_of('sex', view.sex) or t('risk.both_sexes')}",
    ]
    if view.base_year is not None:
        words.append(f"{t('risk.base_year')}: {view.base_year}")
    return Section("risk", title, blocks), " · ".join(words)


def _indicators_section(actor: Actor, lang: str, today: dt.date) -> Section:
    """The Indicators page's counts by status, its rule, and its overview by Quadruple Aim."""
    title = t("pack.section.indicators")
    overview = indicators.overview(actor, today=today)
    if overview.height == 0:
        return Section("indicators", title, [Text(t("pack.no_indicators"))])
    counts = dict(overview.group_by("status").len().iter_rows())
    items = [
        (t(f"indicators.status.{s}"), format_number(counts.get(s, 0)))
        for s in ("on_track", "at_risk", "off_track")
    ]
    items.append(
        (
            t("indicators.figure.without_status"),
            format_number(counts.get("no_target", 0) + counts.get("no_data", 0)),
        )
    )
    rows = indicator_display.overview_rows(overview, lang)
    statuses = indicator_display.status_labels()
    blocks: list = [Figures(items), Text(plain_line(t("indicators.rule")), "small")]
    columns = ("name", "latest", "period", "target", "expected", "unit")
    headers = [t(f"indicators.col.{c}") for c in columns] + [t("indicators.col.status")]
    for aim in QuadrupleAim:
        group = rows.filter(pl.col("aim") == aim.value)
        if group.height == 0:
            continue
        blocks += [
            Text(label(aim), "bold"),
            Table(
                headers,
                [
                    [*(r[c] or "–" for c in columns), statuses.get(r["status"][0], "–")]
                    for r in group.iter_rows(named=True)
                ],
                (3.2, 0.9, 0.8, 1.2, 0.8, 1.0, 1.1),
            ),
        ]
    return Section("indicators", title, blocks)


def _survey_section(actor: Actor, lang: str) -> Section:
    """The Surveys page's key figures and its dimensions chart, for the latest wave (all
    categories) against the wave before it."""
    title = t("pack.section.survey")
    options = surveys.choices(actor)
    if not options.waves:
        return Section("survey", title, [Text(t("surveys.no_data"))])
    wave_ids = [wave_id for wave_id, _ in options.waves]
    names = dict(options.waves)
    wave_id = wave_ids[-1]
    baseline_id = wave_ids[-2] if len(wave_ids) > 1 else None
    category = surveys.ALL_CATEGORIES
    report = survey_presenter.label_report(surveys.report(actor, wave_id, category, baseline_id), lang)
    figures = survey_presenter.key_figures(report, wave_id, category)
    satisfaction = format_number(figures.satisfaction, 2)
    if figures.satisfaction_change is not None:
        change = format_number(figures.satisfaction_change, 2)
        if figures.satisfaction_change > 0:
            change = f"+{change}"
        satisfaction += (
            f" ({t('surveys.figure.change_since', change=change, wave=names.get(baseline_id, ''))})"
        )
    items = [
        (t("surveys.figure.respondents", wave=names[wave_id]), figures.respondents_text),
        (t("surveys.figure.rate"), format_percent(figures.rate)),
        (t("surveys.figure.satisfaction"), satisfaction),
        (
            t("surveys.figure.changes"),
            "–"
            if figures.improved is None
            else t("surveys.figure.changes_value", up=figures.improved, down=figures.declined),
        ),
    ]
    chart = survey_charts.report_chart(report, "dimensions", wave_id=wave_id, baseline_id=baseline_id)
    return Section(
        "survey",
        title,
        [
            Figures(items),
            Text(plain_line(t("surveys.change_rule")), "small"),
            Text(
                t("surveys.dimensions_title", wave=names[wave_id], category=t("surveys.all_categories")),
                "bold",
            ),
            Image(to_png(chart, scale=1.5), plain_line(t("surveys.privacy_note"))),
        ],
    )


# ---------------------------------------------------------------- "since the last meeting"


def since_section(actor: Actor, meeting_id: int | None, lang: str, today: dt.date) -> Section:
    """`since.changes_since` in the words of the page (presenters.governance): for a meeting,
    from the meeting before it to the meeting's day (or today); for a date alone, since the
    latest meeting held before today."""
    report = changes_since(actor, meeting_id=meeting_id, today=today)
    blocks: list = [Text(since_heading(report, lang), "small")]
    sections = since_sections(report, lang)
    for part in sections:
        blocks.append(Text(part.title, "bold"))
        blocks += [Text(f"– {line.text}") for line in part.lines]
    if not sections:
        blocks.append(Text(t("since.nothing", lang=lang)))
    return Section("since", t("pack.section.since", lang=lang), blocks)


# ---------------------------------------------------------------- agenda and decisions


def _agenda_section(view: meetings.MeetingView | None) -> Section:
    title = t("pack.section.agenda")
    if view is None:
        return Section("agenda", title, [Text(t("pack.no_meeting_agenda"))])
    if not view.agenda:
        return Section("agenda", title, [Text(t("meetings.empty_agenda"))])
    quorum = view.quorum
    quorum_key = "minutes.quorum_reached" if quorum.met else "minutes.quorum_missed"
    quorum_text = (
        t("minutes.quorum_expected", present=quorum.present, required=quorum.required)
        if view.coming
        else plural(quorum_key, quorum.present, required=quorum.required)
    )
    rows = [
        [
            str(n + 1),
            e.state["code"],
            e.state["title"],
            label_of("agenda_reason", e.reason),
            label(ActionStatus(e.state["status"])),
            ", ".join(label_of("outcome", d["outcome"]) for d in e.decisions) or "–",
        ]
        for n, e in enumerate(view.agenda)
    ]
    headers = [
        "#",
        t("portfolio.col.code"),
        t("portfolio.col.title"),
        t("meetings.reason"),
        t("portfolio.col.status"),
        t("meetings.decided"),
    ]
    return Section(
        "agenda", title, [Text(plain_line(quorum_text)), Table(headers, rows, (0.4, 0.8, 3.6, 1.4, 1.1, 1.2))]
    )


def _date_text(text: str | None) -> str:
    return format_date(dt.date.fromisoformat(text[:10])) if text else "–"


def evidence_blocks(state: dict, project: ProjectInfo, lang: str) -> list:
    """What a decision stored of its action (services.governance.evidence.action_state), as the
    meeting screen shows it; snapshots of earlier versions may lack a field."""
    status = state.get("status")
    items = [
        (
            t("portfolio.col.status"),
            label(ActionStatus(status)) if status in {s.value for s in ActionStatus} else "–",
        ),
        (t("portfolio.col.planned_start"), _date_text(state.get("planned_start"))),
        (
            t("portfolio.col.planned_end"),
            _date_text(state.get("planned_end"))
            + (f" ({t('governance.late')})" if state.get("late") else ""),
        ),
        (t("portfolio.col.actual_start"), _date_text(state.get("actual_start"))),
        (t("portfolio.col.lead_partner"), state.get("lead_partner") or "–"),
        (t("portfolio.col.regions"), ", ".join(state.get("care_regions") or []) or "–"),
        (t("portfolio.col.budget"), format_eur(state.get("budget_eur"))),
    ]
    if state.get("target_stratum") is not None:
        items.append((t("portfolio.col.stratum"), project.stratum_label(state["target_stratum"])))
    blocks: list = [Figures(items)]
    tied = state.get("indicators") or []
    if tied:
        blocks += [
            Text(t("governance.tied_indicators"), "bold"),
            Table(
                [
                    t("indicators.col.name"),
                    t("indicators.col.latest"),
                    t("indicators.col.period"),
                    t("indicators.col.target"),
                    t("indicators.col.status"),
                ],
                [
                    [
                        i.get(f"name_{lang}") or i.get("code", ""),
                        f"{format_number(i['value'], 1)} {i.get('unit', '')}".strip()
                        if i.get("value") is not None
                        else "–",
                        i.get("period") or "–",
                        f"{format_number(i['target'], 1)} ({i.get('target_period', '')})"
                        if i.get("target") is not None
                        else "–",
                        t(f"indicators.status.{i.get('status') or 'no_data'}"),
                    ]
                    for i in tied
                ],
                (3.0, 1.2, 0.9, 1.4, 1.1),
            ),
        ]
    else:
        blocks.append(Text(t("governance.no_tied_indicators"), "small"))
    return blocks


def _decisions_section(view: meetings.MeetingView | None, project: ProjectInfo) -> Section:
    title = t("pack.section.decisions")
    if view is None:
        return Section("decisions", title, [Text(t("pack.no_meeting_agenda"))])
    blocks: list = []
    lang = current_language()
    for number, item in enumerate(view.agenda, start=1):
        for decision in item.decisions:
            entry = t("minutes.entry", sequence=decision["sequence"])
            blocks.append(
                Text(
                    f"{number}. {item.state['code']} {item.state['title']} — "
                    f"{label_of('outcome', decision['outcome'])} ({entry})",
                    "bold",
                )
            )
            facts = []
            if decision["supersedes_id"]:
                facts.append((t("minutes.correction"), decision["correction_reason"] or "–"))
            if decision["conditions"]:
                facts.append((t("decisions.col.conditions"), decision["conditions"]))
            facts.append((t("decisions.col.rationale"), decision["rationale"] or "–"))
            if decision["review_date"]:
                facts.append((t("decisions.col.review_date"), format_date(decision["review_date"])))
            facts.append(
                (
                    t("pack.recorded"),
                    f"{decision.get('recorded_by_name') or decision['recorded_by']}, "
                    f"{format_datetime(decision['recorded_at'])}",
                )
            )
            blocks.append(Figures(facts))
            blocks.append(Text(t("pack.evidence"), "bold"))
            evidence = decision.get("evidence")
            if evidence:
                blocks += evidence_blocks(evidence, project, lang)
            else:
                blocks.append(Text(t("pack.no_evidence"), "small"))
    if not blocks:
        blocks.append(Text(t("minutes.no_decision")))
    elif view.anchor:
        blocks.append(Text(t("pack.anchor", anchor=view.anchor), "small"))
    return Section("decisions", title, blocks)


# ---------------------------------------------------------------- PDF


def _png_size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])
    return width, height


class _PackPDF(FPDF):
    def __init__(self, content: PackContent, family: str, clean) -> None:  # noqa: ANN001
        super().__init__(format="A4")
        self.content, self.family, self.clean = content, family, clean

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font(self.family, "", 8)
        self.set_text_color(90, 90, 90)
        parts = [self.content.project, self.content.meeting, format_date(self.content.held_on)]
        self.cell(0, 5, self.clean(" · ".join(p for p in parts if p)), align="L")
        self.ln(7)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.set_text_color(90, 90, 90)
        words = t("pack.page", lang=self.content.lang, page=self.page_no(), pages="{nb}")
        self.cell(0, 6, self.clean(words), align="C")
        self.set_text_color(0, 0, 0)


def _fonts(pdf: FPDF) -> tuple[str, object]:
    font = next((path for path in UNICODE_FONTS if path.exists()), None)
    if font is None:  # the PDF core fonts know Latin-1 only
        return "helvetica", _latin1
    bold = font.with_name("DejaVuSans-Bold.ttf")
    pdf.add_font("body", "", str(font))
    pdf.add_font("body", "B", str(bold if bold.exists() else font))
    return "body", (lambda text: text)


def render_pdf(content: PackContent) -> bytes:
    probe = FPDF()
    family, clean = _fonts(probe)
    pdf = _PackPDF(content, family, clean)
    _fonts(pdf)
    pdf.set_margins(16, 14, 16)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_title(clean(f"{content.title} · {content.project}"))
    pdf.set_lang(content.lang)
    pdf.alias_nb_pages()
    # Cover
    pdf.add_page()
    pdf.ln(30)
    pdf.set_font(family, "B", 24)
    pdf.multi_cell(0, 11, clean(content.title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 8, clean(content.project), new_x="LMARGIN", new_y="NEXT")
    if content.meeting:
        pdf.set_font(family, "", 14)
        pdf.multi_cell(0, 7, clean(f"{content.meeting} — {format_long_date(content.held_on, content.lang)}"))
    pdf.ln(10)
    _figures(pdf, Figures(content.cover), family, clean, label_width=52)
    if content.notice:
        pdf.ln(6)
        pdf.set_fill_color(255, 243, 205)
        pdf.set_font(family, "B", 10)
        pdf.multi_cell(
            0, 6, clean(t("demo.badge", lang=content.lang)), fill=True, new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font(family, "", 10)
        pdf.multi_cell(0, 5.5, clean(content.notice), fill=True, new_x="LMARGIN", new_y="NEXT")
        pdf.set_fill_color(255, 255, 255)
    # Table of contents
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.cell(0, 10, clean(t("pack.contents", lang=content.lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 11)
    toc = TableOfContents(level_indent=6, line_spacing=2)
    pdf.insert_toc_placeholder(toc.render_toc, allow_extra_pages=True)
    # The placeholder ends on a new, empty page: the first section starts there.
    for index, section in enumerate(content.sections):
        if index:
            pdf.add_page()
        pdf.set_font(family, "B", 16)
        pdf.start_section(clean(section.title))
        pdf.multi_cell(0, 9, clean(section.title), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        for block in section.blocks:
            _block(pdf, block, family, clean)
    return bytes(pdf.output())


def _block(pdf: FPDF, block: object, family: str, clean) -> None:  # noqa: ANN001
    if isinstance(block, Text):
        size = {"small": 8.5, "bold": 11}.get(block.style, 10)
        if block.style == "bold":
            pdf.ln(2)
        pdf.set_font(family, "B" if block.style == "bold" else "", size)
        if block.style == "small":
            pdf.set_text_color(70, 70, 70)
        pdf.multi_cell(0, size * 0.5, clean(block.text), new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(1.5)
    elif isinstance(block, Figures):
        _figures(pdf, block, family, clean)
    elif isinstance(block, Table):
        pdf.set_font(family, "", 7.5)
        with pdf.table(
            col_widths=block.widths,
            headings_style=FontFace(emphasis="BOLD", fill_color=(225, 230, 236)),
            line_height=4,
            text_align="LEFT",
            repeat_headings=1,
            padding=1,
        ) as table:
            table.row([clean(h) for h in block.headers])
            for row in block.rows:
                table.row([clean(str(cell)) for cell in row])
        pdf.ln(3)
    elif isinstance(block, Image):
        width_px, height_px = _png_size(block.png)
        width = pdf.epw
        height = width * height_px / width_px
        room = pdf.h - pdf.b_margin - pdf.t_margin - 14
        if height > room:
            width, height = width * room / height, room
        if pdf.get_y() + height > pdf.h - pdf.b_margin:
            pdf.add_page()
        pdf.image(io.BytesIO(block.png), x=pdf.l_margin + (pdf.epw - width) / 2, w=width, h=height)
        if block.caption:
            pdf.set_font(family, "", 8)
            pdf.set_text_color(70, 70, 70)
            pdf.multi_cell(0, 4, clean(block.caption), new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(0, 0, 0)
        pdf.ln(3)


def _figures(pdf: FPDF, block: Figures, family: str, clean, label_width: float = 62) -> None:  # noqa: ANN001
    """(label, value) pairs as a two-column list without rules, the label in bold."""
    pdf.set_font(family, "", 9.5)
    with pdf.table(
        col_widths=(label_width, pdf.epw - label_width),
        first_row_as_headings=False,
        borders_layout="NONE",
        line_height=5,
        text_align="LEFT",
        padding=(0.6, 1, 0.6, 0),
    ) as table:
        for name, value in block.items:
            row = table.row()
            row.cell(clean(name), style=FontFace(emphasis="BOLD"))
            row.cell(clean(str(value)))
    pdf.ln(2)
