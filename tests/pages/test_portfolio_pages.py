"""Portfolio, Gantt and the action-plan import, driven as users drive them (Update actions: see
test_update_actions.py)."""

import json
from pathlib import Path

import polars as pl
import pytest

from dashboard.i18n import plural, t
from dashboard.services.access import actor_for
from dashboard.services.actions.portfolio import actions_frame
from data_loaders.fields import fold
from tests.pages.apptest import chart, logged_in, open_page, texts

DATA = Path(__file__).resolve().parent.parent / "data" / "actions"


def _action(username: str, project: str, code: str) -> dict:
    actor = actor_for(username, project)
    return actions_frame(actor).filter(pl.col("code") == code).row(0, named=True)


def test_portfolio_filters_narrow_everything_shown(demo_sqlite):
    at = open_page(logged_in("demo-viewer", project="empact"), "portfolio")
    actions = actions_frame(actor_for("demo-viewer", "empact"))
    total = actions.height
    assert plural("filters.shown", total, "en", total=total) in texts(at)
    at.text_input(key="pf_text").input("TIJDSBANK").run()
    assert not at.exception
    matching = sum(
        "tijdsbank" in fold(f"{a['code']} {a['title']} {a['description']} {a['lead_partner'] or ''}")
        for a in actions.iter_rows(named=True)
    )
    assert 0 < matching < total
    assert plural("filters.shown", matching, "en", total=total) in texts(at)
    figures = {m.label: m.value for m in at.metric}
    assert figures[t("portfolio.figure.actions", lang="en")] == str(matching)


def test_filters_carry_over_to_the_gantt(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="empact"), "portfolio")
    at.multiselect(key="pf_status").set_value(["done"]).run()
    done = int({m.label: m.value for m in at.metric}[t("portfolio.figure.actions", lang="en")])
    open_page(at, "gantt")
    assert at.multiselect(key="pf_status").value == ["done"]
    _, rows = chart(at.get("vega_lite_chart")[0])
    assert rows.height == done and set(rows["status"]) == {"done"}


def test_an_action_opens_from_a_link(demo_sqlite):
    at = logged_in("demo-academic", project="chronicopole")
    at.query_params["action"] = "5.2.1"
    open_page(at, "portfolio")
    page = texts(at)
    assert "5.2.1 · Travailler dans le cadre du modèle bundled payment" in page
    assert t("detail.decisions", lang="en") in page and t("detail.history", lang="en") in page
    decisions = next(d.value for d in at.dataframe if "recorded_at" in d.value.columns)
    assert str(decisions["recorded_at"].dt.tz) == "Europe/Brussels"
    # the history names people as they are known, not by their login
    history = next(d.value for d in at.dataframe if t("detail.col.who", lang="en") in d.value.columns)
    who = set(history[t("detail.col.who", lang="en")])
    assert who and who <= {"Demo Coordinator", "Demo Comité de pilotage"}


def test_the_breakdown_charts_and_the_share_against_its_target(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="empact"), "portfolio")
    charts = [chart(element) for element in at.get("vega_lite_chart")]
    titles = [json.dumps(spec) for spec, _ in charts]
    for key in (
        "portfolio.by_objective",
        "portfolio.by_region",
        "portfolio.by_stratum",
        "portfolio.by_category",
        "portfolio.se_trend",
    ):
        assert any(t(key, lang="en") in title for title in titles), key
    _, trend = next(c for c in charts if "target" in c[1].columns)  # the bars are layered too
    assert 0.5 in trend["target"].to_list()  # EMPACT's target, drawn as a rule
    assert trend["share"].drop_nulls().is_between(0, 1).all()


@pytest.mark.parametrize("username,downloads", [("demo-viewer", False), ("demo-academic", True)])
def test_downloads_are_for_the_roles_that_may_download(demo_sqlite, username, downloads):
    at = open_page(logged_in(username, project="empact"), "portfolio")
    labels = [b.label for b in at.get("download_button")]
    assert (t("common.download_csv", lang="en") in labels) is downloads
    open_page(at, "gantt")
    labels = [b.label for b in at.get("download_button")]
    assert (t("common.download_png", lang="en") in labels) is downloads


def test_gantt_baseline_choices(demo_sqlite):
    at = open_page(logged_in("demo-steering", project="chronicopole"), "gantt")
    layers = json.loads(at.get("vega_lite_chart")[0].proto.spec)["spec"]["layer"]
    assert len(layers) == 6  # baseline, plan, actual, status symbols, late marks, today
    at.radio(key="gantt_baseline").set_value("none").run()
    layers = json.loads(at.get("vega_lite_chart")[0].proto.spec)["spec"]["layer"]
    assert len(layers) == 5


def test_importing_a_plan_from_the_page(demo_sqlite):
    at = open_page(logged_in("demo-coordinator", project="empact"), "imports")
    bad = (DATA / "bad-many.csv").read_bytes()
    at.file_uploader(key="import_actions_file").set_value(("bad-many.csv", bad, "text/csv")).run()
    assert not at.exception
    assert plural("import.refused", 4, "en") in [e.value for e in at.error]
    problems = at.dataframe[0].value
    assert problems.shape[0] == 4
    content = b"code,title,status\n3.3.9,Tijdsbank voor jongeren,idea\n"
    at.file_uploader(key="import_actions_file").set_value(("new.csv", content, "text/csv")).run()
    assert {m.label: m.value for m in at.metric}[t("import.actions.new", lang="en")] == "1"
    preview = pl.from_pandas(at.dataframe[0].value)
    assert preview.select("field", "new").rows() == [("Title", "Tijdsbank voor jongeren"), ("Status", "Idea")]
    next(b for b in at.button if b.label == t("import.confirm", lang="en")).click().run()
    assert not at.exception
    assert _action("demo-coordinator", "empact", "3.3.9")["title"] == "Tijdsbank voor jongeren"


@pytest.fixture
def offered_downloads(monkeypatch):
    """{label: (data, file name)} of the download buttons drawn, the last run's (the files are
    made on click: the test makes them as a click would)."""
    from streamlit.delta_generator import DeltaGenerator

    offered: dict[str, tuple[object, str]] = {}
    original = DeltaGenerator.download_button

    def recording(self, label, data, file_name=None, mime=None, **kwargs):  # noqa: ANN001
        offered[label] = (data, file_name)
        return original(self, label, data, file_name, mime, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "download_button", recording)
    return offered


def _made(data: object) -> bytes:
    return data() if callable(data) else data  # type: ignore[return-value]


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_downloads_hold_the_filtered_actions_and_say_which_filters(demo_sqlite, offered_downloads, lang):
    """Portfolio filtered to some actions -> the CSV had all 94 rows of the plan."""
    import io

    at = open_page(logged_in("demo-academic", lang=lang, project="empact"), "portfolio")
    at.multiselect(key="pf_status").set_value(["done"]).run()
    at.text_input(key="pf_text").input("zorg").run()
    shown = int({m.label: m.value for m in at.metric}[t("portfolio.figure.actions", lang=lang)])
    total = actions_frame(actor_for("demo-academic", "empact")).height
    assert 0 < shown < total

    data, file_name = offered_downloads[t("common.download_csv", lang=lang)]
    plan = pl.read_csv(io.BytesIO(_made(data)), infer_schema_length=0)
    actions = plan.filter(pl.col("code").str.count_matches(r"\.") == 2)
    assert actions.height == shown
    assert file_name.endswith(t("downloads.file_suffix", lang=lang, shown=shown, total=total) + ".csv")
    done = t("status.done", lang=lang)
    beside = next(c.value for c in at.caption if t("filters.status", lang=lang) in c.value)
    assert done in beside and "zorg" in beside and str(shown) in beside

    data, file_name = offered_downloads[t("common.download_xlsx", lang=lang)]
    sheets = pl.read_excel(io.BytesIO(_made(data)), sheet_id=0)
    assert list(sheets)[1] == t("downloads.filters_sheet", lang=lang)
    assert next(iter(sheets.values())).filter(pl.col("code").str.count_matches(r"\.") == 2).height == shown
    filters = dict(sheets[t("downloads.filters_sheet", lang=lang)].iter_rows())
    assert filters[t("filters.status", lang=lang)] == done
    assert filters[t("filters.search", lang=lang)] == {"fr": "« zorg »", "nl": "‘zorg’"}[lang]

    # The Gantt's images are of the same actions, and their file name and caption say so.
    open_page(at, "gantt")
    _, file_name = offered_downloads[t("common.download_png", lang=lang)]
    assert file_name.endswith(t("downloads.file_suffix", lang=lang, shown=shown, total=total) + ".png")
    assert any(done in c.value and "zorg" in c.value for c in at.caption)


def _shown_choices(widget, before: list[str]) -> list[str]:  # noqa: ANN001
    """The labels a browser shows in a multiselect or segmented control after a run: it keeps
    its own (the labels it last showed) unless the run sets them (set_value, raw_values)."""
    return list(widget.proto.raw_values) if widget.proto.set_value else before


def test_the_chosen_filters_speak_the_new_language_after_a_switch(demo_sqlite):
    """After FR -> NL the status filter still showed 'En cours' among Dutch options."""
    at = open_page(logged_in("demo-steering", lang="fr", project="empact"), "portfolio")
    at.multiselect(key="pf_status").set_value(["in_progress"]).run()
    at.multiselect(key="pf_stratum").set_value([2]).run()
    at.segmented_control(key="pf_se").set_value("yes").run()
    shown_fr = {
        key: list(at.multiselect(key=key).values)  # the labels the browser sent
        for key in ("pf_status", "pf_stratum")
    }
    assert shown_fr["pf_status"] == [t("status.in_progress", lang="fr")]
    at.button(key="lang_app_nl").click().run()
    assert not at.exception
    status = at.multiselect(key="pf_status")
    assert status.value == ["in_progress"]  # the filter itself is kept
    assert _shown_choices(status, shown_fr["pf_status"]) == [t("status.in_progress", lang="nl")]
    stratum = at.multiselect(key="pf_stratum")
    assert stratum.value == [2]
    assert _shown_choices(stratum, shown_fr["pf_stratum"]) == [list(stratum.proto.options)[2]]
    assert list(stratum.proto.options)[2] != shown_fr["pf_stratum"][0]
    assert status.proto.label == t("filters.status", lang="nl")
    se = at.segmented_control(key="pf_se")
    assert se.value == "yes"
    assert _shown_choices(se, [t("common.yes", lang="fr")]) == [t("common.yes", lang="nl")]
