"""The Maturity page, for every role and as users drive it: the radar of the consensus against
the previous round, the spread of scores, actions by dimension, a round from opening through
individual scores to the consensus."""

import polars as pl
import pytest

from dashboard.i18n import plural, t
from dashboard.services.evaluation import maturity
from dashboard.services.access import actor_for
from tests.pages.apptest import chart, logged_in, open_page, texts


def tabs(at) -> list[str]:  # noqa: ANN001
    return [tab.label for tab in at.tabs]


def click(at, label: str) -> None:  # noqa: ANN001
    at.button[[b.label for b in at.button].index(label)].click().run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize(
    ("username", "scores", "consensus", "opens", "links"),
    [
        ("demo-admin", True, True, True, True),
        ("demo-steering", True, True, False, False),
        ("demo-coordinator", True, True, True, True),
        ("demo-academic", True, False, False, False),
        ("demo-viewer", False, False, False, False),
    ],
)
def test_each_role_sees_the_results_and_the_forms_it_may_use(
    demo_sqlite, username, scores, consensus, opens, links
):
    at = open_page(logged_in(username, project="empact"), "maturity")
    labels = tabs(at)
    assert t("maturity.tab.results", lang="en") in labels
    assert t("maturity.tab.spread", lang="en") in labels
    assert (t("maturity.tab.my_scores", lang="en") in labels) is scores
    assert (t("maturity.tab.consensus", lang="en") in labels) is consensus
    buttons = {b.label for b in at.button}
    assert (t("maturity.open_round", lang="en") in buttons) is opens
    assert (t("maturity.link_save", lang="en") in buttons) is links
    figures = {m.label: m.value for m in at.metric}
    view = maturity.maturity_view(actor_for(username, "empact"))
    flagged = int(view.summary["low_without_action"].sum())
    assert flagged and figures[t("maturity.figure.low_without_action", lang="en")] == str(flagged)


def test_the_radar_shows_this_round_against_the_previous_one(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "maturity")
    radar = next(c for c in map(chart, at.get("vega_lite_chart")) if "round" in c[1].columns)
    _, rows = radar
    scored = rows.filter(pl.col("round").is_not_null(), pl.col("order") <= 12).unique(["round", "dimension"])
    assert sorted(set(scored["round"])) == ["2019", "2023"]
    assert scored.height == 24
    consensus = maturity.consensus_frame(actor_for("demo-steering", "chronicopole"))
    expected = dict(consensus.filter(pl.col("round") == "2023").select("dimension", "score").iter_rows())
    assert dict(scored.filter(pl.col("round") == "2023").select("dimension", "score").iter_rows()) == expected
    page = texts(at)
    assert t("maturity.radar_caption", lang="en", previous="2019") in page
    # The finding of a low dimension without action names it.
    assert t("maturity_dimension.10", lang="en") in page


def test_a_round_from_opening_to_consensus(demo_sqlite):
    coordinator = open_page(logged_in("demo-coordinator", project="empact"), "maturity")
    coordinator.text_input[
        [w.label for w in coordinator.text_input].index(t("maturity.round_name", lang="en"))
    ].input("2026")
    click(coordinator, t("maturity.open_round", lang="en"))
    assert t("maturity.round_opened", lang="en", round="2026") in texts(coordinator)
    assert (
        coordinator.selectbox(key="maturity_round")
        .format_func(coordinator.selectbox(key="maturity_round").value)
        .startswith("2026")
    )

    academic = open_page(logged_in("demo-academic", project="empact"), "maturity")
    round_id = maturity.maturity_view(actor_for("demo-academic", "empact")).round["id"]
    key = f"maturity_scores_{round_id}"
    academic.session_state[key] = {
        "edited_rows": {0: {"score": 3}, 1: {"score": 2}},
        "added_rows": [],
        "deleted_rows": [],
    }
    academic.run()
    click(academic, t("maturity.save_scores", lang="en"))
    error = "\n".join(e.value for e in academic.error)
    assert t("problem.maturity.justification_required", lang="en") in error
    academic.session_state[key] = {
        "edited_rows": {
            0: {"score": 3, "justification": "Visie gedeeld door de partners."},
            1: {"score": 2, "justification": "Stuurgroep net hernieuwd."},
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    academic.run()
    click(academic, t("maturity.save_scores", lang="en"))
    assert plural("maturity.scores_saved", 2, "en") in texts(academic)
    view = maturity.maturity_view(actor_for("demo-academic", "empact"), round_id)
    assert view.my_scores.select("dimension", "score").rows() == [(1, 3), (2, 2)]

    steering = open_page(logged_in("demo-steering", project="empact"), "maturity")
    steering.session_state[f"maturity_consensus_{round_id}"] = {
        "edited_rows": {0: {"score": 3, "note": "Na de workshop"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    steering.run()
    click(steering, t("maturity.save_consensus", lang="en"))
    assert plural("maturity.consensus_saved", 1, "en") in texts(steering)
    academic = open_page(logged_in("demo-academic", project="empact"), "maturity")
    assert t("maturity.closed_scores", lang="en", round="2026") in texts(academic)


def test_a_coordinator_links_actions_to_a_dimension(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "maturity")
    at.selectbox(key="link_dimension").set_value(5).run()
    actor = actor_for("demo-coordinator", "empact")
    from dashboard.services.evaluation.indicators import actions_of

    first = next(iter(actions_of(actor)))
    form = [m for m in at.multiselect if m.label == t("maturity.link_actions", lang="en")][0]
    form.set_value([first])
    click(at, t("maturity.link_save", lang="en"))
    assert plural("maturity.links_saved", 1, "en") in texts(at)
    summary = maturity.maturity_view(actor).summary
    linked = maturity.dimension_actions_of(actor.project_id).filter(pl.col("dimension") == 5)
    assert linked["action_id"].to_list() == [first]
    statuses = (
        maturity.dimension_actions_of(actor.project_id)
        .filter(pl.col("action_id") == first)["status"]
        .to_list()
    )
    addressing = {s.value for s in maturity.ADDRESSING_STATUSES}
    assert summary.filter(pl.col("dimension") == 5)["actions"][0] == int(statuses[0] in addressing)


def test_a_project_without_rounds(demo_sqlite):
    from dashboard.services.admin.projects import create_project
    from dashboard.services.admin.users import set_membership

    create_project("leuven", "Zorgzaam Leuven")
    set_membership("demo-viewer", "leuven", "viewer")
    at = open_page(logged_in("demo-viewer", project="leuven"), "maturity")
    assert t("maturity.no_data", lang="en") in texts(at)
    assert t("maturity.open_round", lang="en") not in {b.label for b in at.button}


def test_medians_are_written_the_belgian_way_whatever_the_browser_s_locale(demo_sqlite):
    at = open_page(logged_in("demo-steering", lang="fr", project="chronicopole"), "maturity")
    table = next(d.value for d in at.dataframe if "median" in d.value.columns)
    medians = [m for m in table["median"].to_list() if m not in (None, "–")]
    assert medians and all(isinstance(m, str) and "." not in m for m in medians)
    assert any("," in m for m in medians)


@pytest.mark.parametrize(
    ("lang", "uncertain", "fourth", "fifth"),
    [
        ("fr", "incertain (avis partagés)", "Standardisation et simplification", "Finances et financement"),
        ("nl", "onzeker (verdeeld)", "Standaardisatie en vereenvoudiging", "Financiën en financiering"),
    ],
)
def test_dimensions_in_scirocco_order_and_split_views_read_uncertain(
    demo_sqlite, lang, uncertain, fourth, fifth
):
    """Issue #16: dimensions 4 and 5 were swapped; split views now read as SCIROCCO's
    "uncertain"."""
    at = open_page(logged_in("demo-steering", lang=lang, project="empact"), "maturity")
    table = next(d.value for d in at.dataframe if "reading" in d.value.columns)
    assert table["label"].to_list()[3:5] == [fourth, fifth]
    view = maturity.maturity_view(actor_for("demo-steering", "empact"))
    split = view.summary["split"].to_list()
    assert any(split)
    readings = table["reading"].to_list()
    assert [r == uncertain for r in readings] == split
    assert t("maturity.level.uncertain", lang=lang).split()[0] in texts(at)  # the findings
    _, rows = next(c for c in map(chart, at.get("vega_lite_chart")) if "round" in c[1].columns)
    labels = rows.filter(pl.col("dimension") == 4)["label"].drop_nulls().unique().to_list()
    assert labels == [fourth]
