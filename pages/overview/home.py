"""Home: the project's key figures, one card per area, each linking to its page."""

import datetime as dt

import streamlit as st

from dashboard.i18n import plural, t
from dashboard.i18n.formatting import format_number, format_percent, format_short_date, markdown_text
from dashboard.navigation import page_path
from dashboard.ui import cache
from dashboard.ui.components import page_header
from dashboard.ui.context import page_context
from dashboard.ui.actions.portfolio import status_breakdown

context = page_context()
figures = cache.home_figures(context, dt.date.today())
project = context.project

page_header(context, project.name, t("app.tagline"))
if project.is_demo:
    st.info(t("demo.notice"), icon=":material/science:")


def card(column, title_key: str):  # noqa: ANN001, ANN201
    container = column.container(border=True, height="stretch")
    container.subheader(t(title_key))
    return container


actions, governance, population, partners, evaluation = st.columns(5)

with card(actions, "home.card.actions"):
    counts = figures.status_counts
    st.metric(t("home.actions_total"), format_number(figures.actions))
    st.caption(status_breakdown(counts))
    st.metric(t("home.late"), format_number(figures.late), help=t("home.late_help"))
    left, right = st.columns(2)
    left.metric(t("home.starting_soon"), format_number(figures.starting_soon))
    right.metric(t("home.ending_soon"), format_number(figures.ending_soon))
    share = figures.social_entrepreneurship_share
    target = project.social_entrepreneurship_target
    gap = None
    if share is not None and target is not None:
        gap = t("home.se_gap", gap=format_number(100 * (share - target), 1))
    st.metric(t("home.se_share"), format_percent(share), delta=gap, help=t("home.se_help"))
    if target is not None:
        st.caption(t("home.se_target", target=format_percent(target)))
    st.page_link(page_path("portfolio"), label=t("nav.portfolio"), icon=":material/arrow_forward:")

with card(governance, "home.card.governance"):
    if figures.next_meeting:
        day, title, items = figures.next_meeting
        st.metric(t("home.next_meeting"), format_short_date(day))
        st.caption(f"{markdown_text(title)} · {plural('home.agenda_items', items)}")
    else:  # the sentence as a caption: as a metric's value it was cut off in the card
        st.metric(t("home.next_meeting"), "–")
        st.caption(t("home.no_meeting"))
    st.metric(t("home.decisions"), format_number(figures.decisions))
    st.metric(t("home.reviews_due"), format_number(figures.reviews_due))
    st.metric(t("home.reviews_overdue"), format_number(figures.reviews_overdue))
    st.page_link(page_path("decisions"), label=t("nav.decisions"), icon=":material/arrow_forward:")

with card(population, "home.card.population"):
    if figures.population is not None:  # the figure the Risk map shows for the same year
        st.metric(t("home.population_in", year=figures.risk_year), format_number(figures.population))
    else:
        st.metric(t("home.population"), format_number(project.population))
    if project.target_group_size:
        st.caption(t("home.target_group", count=format_number(project.target_group_size)))
    st.metric(t("home.regions"), format_number(figures.regions))
    if figures.risk_year is not None:
        st.metric(
            t("home.high_complexity", year=figures.risk_year),
            format_percent(figures.high_complexity_share, 1),
            help=t("home.high_complexity_help"),
        )
    st.page_link(page_path("risk_map"), label=t("nav.risk_map"), icon=":material/arrow_forward:")

with card(partners, "home.card.partners"):
    st.metric(t("home.partners"), format_number(figures.partners))
    if figures.satisfaction:
        wave, mean = figures.satisfaction
        st.metric(
            t("home.satisfaction", wave=wave),
            f"{format_number(mean, 1)} / 5",
            help=t("home.satisfaction_help"),
        )
    if figures.response_rate:
        st.caption(t("home.response_rate", rate=format_percent(figures.response_rate[1])))
    st.page_link(page_path("surveys"), label=t("nav.surveys"), icon=":material/arrow_forward:")

with card(evaluation, "home.card.evaluation"):
    status = figures.indicator_status
    st.metric(t("home.indicators"), format_number(sum(status.values())))
    unjudged = figures.unjudged_indicators
    st.caption(
        " · ".join(
            [t("home.indicators_value", **figures.judged_indicators)]
            + ([t("home.indicators_unjudged", count=unjudged)] if unjudged else [])
        )
    )
    if figures.maturity:
        round_name, median = figures.maturity
        st.metric(
            t("home.maturity", round=markdown_text(round_name)),
            f"{format_number(median, 1)} / 5",
            help=t("home.maturity_help"),
        )
    st.page_link(page_path("indicators"), label=t("nav.indicators"), icon=":material/arrow_forward:")
    st.page_link(page_path("maturity"), label=t("nav.maturity"), icon=":material/arrow_forward:")
