"""Every cached read of the pages, in one module.

Each public function takes the page context and reads through a service with the context's
actor (the service checks that the actor may read). The cached function beneath is keyed by
`PageContext.cache_key(*areas)` — the project, the role and the data versions of the areas the
read shows — plus the language when the result holds labels, never by a user object or a large
frame: the actor is passed as `_actor`, which Streamlit does not hash, so there is one cache
entry per project, role and version, not one per user.

Every service write bumps the versions of the areas it changes in the same transaction
(`unit_of_work.write_scope`), and the page context reads them afresh at each rerun, so a cached
result is never served after its data changed, and stays cached when another area changes.
"""

from __future__ import annotations

import datetime as dt

import polars as pl
import streamlit as st

from dashboard.charts import population as risk_charts
from dashboard.charts import partners as survey_charts
from dashboard.charts.theme import themed
from dashboard.services import overview as home
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import maturity
from dashboard.services.actions import portfolio
from dashboard.services.population import risk
from dashboard.presenters import partners as survey_presenter
from dashboard.services.partners import surveys
from dashboard.services.partners import survey_comments as comment_service
from dashboard.services.governance import since as since_service
from dashboard.services.access import Actor
from dashboard.ui.context import PageContext
from models.vocab import Area
from dashboard import clock

# ---------------------------------------------------------------- actions


@st.cache_data(max_entries=32, show_spinner=False)
def _actions(_actor: Actor, key: tuple) -> pl.DataFrame:
    return portfolio.actions_frame(_actor)


@st.cache_data(max_entries=32, show_spinner=False)
def _changes(_actor: Actor, key: tuple) -> pl.DataFrame:
    return portfolio.changes_frame(_actor)


@st.cache_data(max_entries=32, show_spinner=False)
def _social_entrepreneurship_trend(
    _actor: Actor, key: tuple, first_year: int, today: dt.date
) -> pl.DataFrame:
    return portfolio.social_entrepreneurship_trend(
        _actions(_actor, key), _changes(_actor, key), first_year, today
    )


def actions(context: PageContext) -> pl.DataFrame:
    """Every action of the project (`portfolio.actions_frame`)."""
    return _actions(context.actor, context.cache_key(Area.actions))


def changes(context: PageContext) -> pl.DataFrame:
    """The actions' change history (`portfolio.changes_frame`)."""
    return _changes(context.actor, context.cache_key(Area.actions))


def social_entrepreneurship_trend(context: PageContext, first_year: int, today: dt.date) -> pl.DataFrame:
    return _social_entrepreneurship_trend(context.actor, context.cache_key(Area.actions), first_year, today)


# ---------------------------------------------------------------- overview


@st.cache_data(max_entries=32, show_spinner=False)
def _home_figures(_actor: Actor, key: tuple, today: dt.date) -> home.HomeFigures:
    return home.home_figures(_actor, today)


def home_figures(context: PageContext, today: dt.date) -> home.HomeFigures:
    """The home page's figures (the home page shows every area)."""
    return _home_figures(context.actor, context.cache_key(*Area), today)


# ---------------------------------------------------------------- population
# The risk reads are kept as they are (cache_resource: the frames are never changed in place,
# and a copy of a national table at every rerun would cost more than the page). The cells are
# read per year and the conditions per condition: a national table suppressed whole takes
# seconds, the year shown a fraction of it.


@st.cache_resource(max_entries=16, show_spinner=False)
def _risk_base(_actor: Actor, key: tuple) -> risk.RiskData:
    return risk.load_risk_base(_actor)


@st.cache_resource(max_entries=16, show_spinner=False)
def _risk_outlines(_actor: Actor, key: tuple) -> dict[int, dict]:
    return risk_charts.parsed_geometries(_risk_base(_actor, key).regions)


@st.cache_resource(max_entries=64, show_spinner=False)
def _risk_year(_actor: Actor, key: tuple, year: int) -> pl.DataFrame:
    return risk.load_year_cells(_actor, [year])


@st.cache_resource(max_entries=32, show_spinner=False)
def _risk_condition(_actor: Actor, key: tuple, condition: str) -> pl.DataFrame:
    return risk.load_condition_cells(_actor, condition)


@st.cache_resource(max_entries=16, show_spinner=False)
def _risk_coverage(_actor: Actor, key: tuple, population_key: tuple) -> pl.DataFrame:
    return risk.load_coverage(_actor, _risk_base(_actor, population_key).regions)


def risk_base(context: PageContext) -> risk.RiskData:
    """Regions, outlines, national reference, which years and conditions there are."""
    return _risk_base(context.actor, context.cache_key(Area.population))


def risk_outlines(context: PageContext) -> dict[int, dict]:
    """The regions' outlines parsed once (never changed: the map's features refer to them)."""
    return _risk_outlines(context.actor, context.cache_key(Area.population))


def risk_year(context: PageContext, year: int) -> pl.DataFrame:
    """The suppressed stratum cells of one year."""
    return _risk_year(context.actor, context.cache_key(Area.population), year)


def risk_condition(context: PageContext, condition: str) -> pl.DataFrame:
    """The suppressed cells of one condition, every year."""
    return _risk_condition(context.actor, context.cache_key(Area.population), condition)


def risk_coverage(context: PageContext) -> pl.DataFrame:
    """The actions aimed at each region and stratum (changes with the actions too)."""
    return _risk_coverage(
        context.actor, context.cache_key(Area.population, Area.actions), context.cache_key(Area.population)
    )


# ---------------------------------------------------------------- partners


@st.cache_data(show_spinner=False, max_entries=64)
def _survey_choices(_actor: Actor, key: tuple) -> surveys.SurveyChoices:
    return surveys.choices(_actor)


@st.cache_resource(show_spinner=False, max_entries=8)
def _survey_data(_actor: Actor, key: tuple) -> surveys.SurveyData:
    """Read once per project, role and partners version (cache_resource: never changed in
    place; each wave's report, the change between waves and the comments are built from it,
    which read every answer each before)."""
    return surveys.survey_data(_actor)


@st.cache_data(show_spinner=False, max_entries=64)
def _survey_report(
    _actor: Actor, key: tuple, wave_id: int, category: str, baseline_id: int | None, lang: str
) -> survey_presenter.SurveyView:
    data = _survey_data(_actor, key)
    return survey_presenter.label_report(surveys.report(_actor, wave_id, category, baseline_id, data), lang)


@st.cache_data(show_spinner=False, max_entries=256)
def _survey_chart(
    _actor: Actor,
    key: tuple,
    kind: str,
    wave_id: int,
    category: str,
    baseline_id: int | None,
    lang: str,
    dimension: str | None,
) -> dict:
    report = _survey_report(_actor, key, wave_id, category, baseline_id, lang)
    spec = survey_charts.report_chart(
        report, kind, wave_id=wave_id, baseline_id=baseline_id, dimension=dimension
    )
    return themed(spec).to_dict()


@st.cache_data(show_spinner=False, max_entries=64)
def _survey_comments(_actor: Actor, key: tuple, lang: str) -> pl.DataFrame:
    return survey_presenter.label_comments(comment_service.comments(_actor, _survey_data(_actor, key)), lang)


@st.cache_data(show_spinner=False, max_entries=16)
def _survey_results(_actor: Actor, key: tuple, lang: str) -> pl.DataFrame:
    return survey_presenter.results_export(surveys.export_results(_actor), lang)


def survey_choices(context: PageContext) -> surveys.SurveyChoices:
    return _survey_choices(context.actor, context.cache_key(Area.partners))


def survey_report(
    context: PageContext, wave_id: int, category: str, baseline_id: int | None
) -> survey_presenter.SurveyView:
    return _survey_report(
        context.actor, context.cache_key(Area.partners), wave_id, category, baseline_id, context.lang
    )


def survey_chart(
    context: PageContext,
    kind: str,
    wave_id: int,
    category: str,
    baseline_id: int | None,
    dimension: str | None = None,
) -> dict:
    """A chart of the survey report as a finished Vega-Lite spec: built and validated once per
    choice of filters, not on every rerun."""
    return _survey_chart(
        context.actor,
        context.cache_key(Area.partners),
        kind,
        wave_id,
        category,
        baseline_id,
        context.lang,
        dimension,
    )


def survey_comments(context: PageContext) -> pl.DataFrame:
    return _survey_comments(context.actor, context.cache_key(Area.partners), context.lang)


def survey_results(context: PageContext) -> pl.DataFrame:
    return _survey_results(context.actor, context.cache_key(Area.partners), context.lang)


# ---------------------------------------------------------------- evaluation


@st.cache_data(max_entries=32, show_spinner=False)
def _indicator_overview(_actor: Actor, key: tuple, today: dt.date) -> pl.DataFrame:
    return indicators.overview(_actor, today=today)


@st.cache_data(max_entries=64, show_spinner=False)
def _indicator_detail(
    _actor: Actor, key: tuple, indicator_id: int, today: dt.date
) -> indicators.IndicatorDetail:
    return indicators.indicator_detail(_actor, indicator_id, today)


@st.cache_data(max_entries=32, show_spinner=False)
def _indicator_form_choices(_actor: Actor, key: tuple) -> tuple[dict[int, str], dict[int, str]]:
    return indicators.regions_of(_actor), indicators.actions_of(_actor)


@st.cache_data(max_entries=64, show_spinner=False)
def _maturity_view(_actor: Actor, key: tuple, round_id: int | None) -> maturity.MaturityView | None:
    return maturity.maturity_view(_actor, round_id)


def indicator_overview(context: PageContext, today: dt.date) -> pl.DataFrame:
    return _indicator_overview(context.actor, context.cache_key(Area.evaluation), today)


def indicator_detail(context: PageContext, indicator_id: int, today: dt.date) -> indicators.IndicatorDetail:
    # The detail names the actions linked to the indicator.
    return _indicator_detail(
        context.actor, context.cache_key(Area.evaluation, Area.actions), indicator_id, today
    )


def indicator_form_choices(context: PageContext) -> tuple[dict[int, str], dict[int, str]]:
    """The project's care regions and actions for the indicator forms."""
    return _indicator_form_choices(context.actor, context.cache_key(Area.population, Area.actions))


def maturity_view(context: PageContext, round_id: int | None) -> maturity.MaturityView | None:
    return _maturity_view(context.actor, context.cache_key(Area.evaluation), round_id)


# ---------------------------------------------------------------- built from cached reads


@st.cache_data(max_entries=256, show_spinner=False)
def _derived(key: tuple, lang: str, name: str, args: tuple, _build, _context: PageContext):
    return _build(_context, *args)


def derived(context: PageContext, areas: tuple[Area, ...], build, *args):
    """`build(context, *args)` once per project, role, data versions of `areas` and language:
    for what pages build from cached reads at a cost (chart specs). `build` is a module-level
    function (its name is part of the key) and `args` small values (ids, dates, codes)."""
    return _derived(
        context.cache_key(*areas),
        context.lang,
        f"{build.__module__}.{build.__qualname__}",
        args,
        build,
        context,
    )


# ---------------------------------------------------------------- since the last meeting


@st.cache_data(max_entries=32, show_spinner=False)
def _since(
    _actor: Actor, key: tuple, since: dt.date | None, meeting_id: int | None, today: dt.date
) -> since_service.SinceReport:
    return since_service.changes_since(_actor, since, meeting_id=meeting_id, today=today)


def since_report(
    context: PageContext, since: dt.date | None = None, meeting_id: int | None = None
) -> since_service.SinceReport:
    """What changed since the previous meeting or `since` (`since.changes_since`): it reads
    every area, so it is keyed by all their versions (and today, since lateness depends on it)."""
    return _since(context.actor, context.cache_key(*Area), since, meeting_id, clock.today())


# ---------------------------------------------------------------- explore


@st.cache_data(max_entries=16, show_spinner=False)
def _explore_catalogue(_actor: Actor, key: tuple, lang: str) -> dict:
    from dashboard.presenters.partners import results_labelled
    from dashboard.services.explore.catalogue import catalogue

    return catalogue(_actor, lang, label_surveys=results_labelled)


def explore_catalogue(context: PageContext) -> dict:
    """Every Explore dataset of the project, suppressed (`explore.catalogue.catalogue`)."""
    return _explore_catalogue(context.actor, context.cache_key(*Area), context.lang)
