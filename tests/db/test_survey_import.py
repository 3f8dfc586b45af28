"""Importing partner surveys into a project, on SQLite and PostgreSQL: each tool's export,
re-import, changed responses, bad files (nothing written), questionnaires, wave corrections,
and who may do what (refusals tested on the services themselves)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polars as pl
import pytest
from sqlmodel import func, select

from dashboard.errors import PermissionDenied, ValidationFailed
from dashboard.services.partners import survey_import
from dashboard.services.partners import surveys
from dashboard.services.partners import survey_comments
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.admin.projects import create_project, get_project
from data_loaders.tabular import read_table
from models.db import session_scope
from models.tables import (
    Indicator,
    IndicatorValue,
    Partner,
    SurveyAnswer,
    SurveyComment,
    SurveyDimension,
    SurveyInvitation,
    SurveyItem,
    SurveyRespondent,
    SurveyWave,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"
TABLES = (
    SurveyWave,
    SurveyInvitation,
    SurveyRespondent,
    SurveyAnswer,
    SurveyComment,
    SurveyItem,
    SurveyDimension,
)


def file(name: str) -> tuple[bytes, str]:
    return (DATA / name).read_bytes(), name


def counts() -> dict[str, int]:
    with session_scope() as session:
        return {t.__name__: session.exec(select(func.count()).select_from(t)).one() for t in TABLES}


def data_version(slug: str) -> int:
    return get_project(slug).data_version


@pytest.fixture
def leuven(empty_db):
    """An empty project with partners in three categories and no questionnaire yet."""
    project = create_project("leuven", "Zorgzaam Leuven")
    with session_scope() as session:
        session.add_all(
            Partner(project_id=project.id, name=f"Partner {n}", category=category)
            for n, category in enumerate(["first_line"] * 6 + ["second_line"] * 3 + ["home_care"] * 2)
        )
    return cli_actor("leuven")


@pytest.mark.parametrize(
    "name, respondents, opened, closed",
    [
        ("google_forms_fr.csv", 12, dt.date(2024, 10, 7), dt.date(2024, 10, 30)),
        ("ms_forms_en.xlsx", 10, dt.date(2024, 10, 7), dt.date(2024, 10, 26)),
        ("limesurvey_nl.csv", 8, dt.date(2024, 10, 7), dt.date(2024, 10, 22)),
        ("kobo_xml.csv", 9, dt.date(2024, 10, 7), dt.date(2024, 10, 24)),
    ],
)
def test_a_tool_export_creates_the_wave_and_installs_the_default_questionnaire(
    leuven, name, respondents, opened, closed
):
    preview = survey_import.preview_survey_import(leuven, *file(name), wave="2024")
    assert preview.problems == [] and preview.wave_is_new
    assert preview.questionnaire.installs_default
    assert counts()["SurveyWave"] == 0  # a preview writes nothing
    survey_import.apply_survey_import(leuven, *file(name), wave="2024")
    with session_scope() as session:
        wave = session.exec(select(SurveyWave)).one()
        invitations = {i.partner_category: i.invited for i in session.exec(select(SurveyInvitation))}
        stored = session.exec(select(SurveyRespondent)).all()
    assert (wave.name, wave.opened_on, wave.closed_on) == ("2024", opened, closed)
    assert invitations == {"first_line": 6, "second_line": 3, "home_care": 2}
    assert len(stored) == respondents
    assert counts()["SurveyAnswer"] == respondents * 24


def test_respondent_identifiers_are_stored_only_as_hashes(leuven):
    content, name = file("google_forms_fr.csv")
    survey_import.apply_survey_import(leuven, content, name, wave="2024")
    emails = [row["Adresse e-mail"] for row in read_table(content, name).rows]
    with session_scope() as session:
        keys = [r.respondent_key for r in session.exec(select(SurveyRespondent))]
        comments = [c.text for c in session.exec(select(SurveyComment))]
    assert all(len(key) == 64 for key in keys)
    stored = " ".join(keys + comments)
    assert not any(email in stored or email.split("@")[0] in stored for email in emails)


def test_importing_the_same_file_again_changes_nothing(leuven):
    survey_import.apply_survey_import(leuven, *file("limesurvey_nl.csv"), wave="2024")
    before, version = counts(), data_version("leuven")
    preview = survey_import.preview_survey_import(leuven, *file("limesurvey_nl.csv"), wave="2024")
    assert not preview.has_changes
    assert (preview.new_respondents, preview.changed_respondents, preview.unchanged_respondents) == (0, 0, 8)
    survey_import.apply_survey_import(leuven, *file("limesurvey_nl.csv"), wave="2024")
    assert counts() == before and data_version("leuven") == version


def syn1_values(project_id: int) -> list[int]:
    answers = surveys.load_survey_data_of(project_id).answers
    return sorted(answers.filter(pl.col("item_code") == "SYN1")["value"].to_list())


def test_a_corrected_response_replaces_the_stored_one_and_others_are_kept(leuven):
    content, name = file("limesurvey_nl.csv")
    survey_import.apply_survey_import(leuven, content, name, wave="2024")
    before = syn1_values(leuven.project_id)
    lines = content.decode().splitlines()
    column = lines[0].split(",").index('"SAMEN[SYN1]"')
    first = lines[1].split(",")
    old = int(first[column].strip('"'))
    new = 1 if old != 1 else 5
    first[column] = f'"{new}"'
    edited = "\n".join([lines[0], ",".join(first), lines[2]]).encode()  # 2 of the 8 responses
    preview = survey_import.preview_survey_import(leuven, edited, name, wave="2024")
    assert (
        preview.new_respondents,
        preview.changed_respondents,
        preview.unchanged_respondents,
        preview.kept_respondents,
    ) == (0, 1, 1, 6)
    survey_import.apply_survey_import(leuven, edited, name, wave="2024")
    expected = list(before)
    expected.remove(old)
    assert syn1_values(leuven.project_id) == sorted([*expected, new])
    assert counts()["SurveyRespondent"] == 8 and counts()["SurveyAnswer"] == 8 * 24


def test_a_bad_file_lists_every_problem_and_writes_nothing(leuven):
    before = counts()
    preview = survey_import.preview_survey_import(leuven, *file("bad_answers.csv"), wave="2024")
    assert len(preview.problems) == 5
    with pytest.raises(ValidationFailed) as refused:
        survey_import.apply_survey_import(leuven, *file("bad_answers.csv"), wave="2024")
    assert len(refused.value.problems) == 5
    message = refused.value.message("en")
    assert "bad_answers.csv, line 3, column SYN1" in message and "'7'" in message
    assert counts() == before  # not even the default questionnaire or the wave


def test_a_new_wave_without_submission_times_needs_its_dates(leuven):
    preview = survey_import.preview_survey_import(leuven, *file("no_timestamp.csv"), wave="Spring")
    assert [p.key for p in preview.problems] == ["problem.survey_wave_dates_needed"]
    survey_import.apply_survey_import(
        leuven,
        *file("no_timestamp.csv"),
        wave="Spring",
        opened_on=dt.date(2025, 3, 1),
        closed_on=dt.date(2025, 3, 31),
    )
    with session_scope() as session:
        wave = session.exec(select(SurveyWave)).one()
    assert (wave.opened_on, wave.closed_on) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))


def test_an_import_recomputes_the_partner_satisfaction_indicator(demo_db):
    actor = cli_actor("empact")
    survey_import.apply_survey_import(
        actor, *file("ms_forms_en.xlsx"), wave="2025 spring", opened_on=None, closed_on=None
    )
    with session_scope() as session:
        periods = set(
            session.exec(
                select(IndicatorValue.period)
                .join(Indicator)
                .where(
                    Indicator.project_id == actor.project_id, Indicator.computation == "partner_satisfaction"
                )
            ).all()
        )
    # The file's responses are dated October 2024, like the demo's 2024 wave.
    assert {"2024-10", "2024-11"} <= periods


def test_only_coordinators_and_admins_import_and_correct_waves(demo_db):
    for username in ("demo-steering", "demo-academic", "demo-viewer"):
        actor = actor_for(username, "empact")
        with pytest.raises(PermissionDenied):
            survey_import.preview_survey_import(actor, *file("kobo_xml.csv"), wave="x")
        with pytest.raises(PermissionDenied):
            survey_import.apply_survey_import(actor, *file("kobo_xml.csv"), wave="x")
        with pytest.raises(PermissionDenied):
            survey_import.update_waves(actor, [])
    survey_import.preview_survey_import(
        actor_for("demo-coordinator", "empact"), *file("kobo_xml.csv"), wave="x"
    )


def test_viewers_get_no_comments_and_no_downloads(demo_db):
    viewer = actor_for("demo-viewer", "empact")
    with pytest.raises(PermissionDenied):
        survey_comments.comments(viewer)
    with pytest.raises(PermissionDenied):
        surveys.export_results(viewer)
    assert surveys.report(viewer, None, surveys.ALL_CATEGORIES, None).waves.height == 3
    academic = actor_for("demo-academic", "empact")
    comments = survey_comments.comments(academic)
    assert comments.height > 0
    assert not {"respondent_id", "respondent_key"} & set(comments.columns)


def test_a_questionnaire_file_adds_a_dimension_and_is_idempotent(demo_db):
    actor = cli_actor("chronicopole")
    preview = survey_import.preview_questionnaire_import(actor, *file("questionnaire_innovation.csv"))
    assert [d.code for d in preview.changes.new_dimensions] == ["innovation"]
    assert [i.code for i in preview.changes.new_items] == ["INN1", "INN2", "INN3"]
    survey_import.apply_questionnaire_import(actor, *file("questionnaire_innovation.csv"))
    again = survey_import.preview_questionnaire_import(actor, *file("questionnaire_innovation.csv"))
    assert not again.has_changes
    data = surveys.load_survey_data_of(actor.project_id)
    assert "innovation" in data.dimensions["dimension_code"].to_list()
    assert data.items.filter(pl.col("item_code") == "INN3")["reversed"].item()


def test_an_answered_item_keeps_its_scale_and_direction(demo_db):
    actor = cli_actor("chronicopole")
    content = (
        "code,dimension,text_en,scale_min,scale_max,reversed\n"
        "SYN1,synergy,Together we find solutions.,1,5,yes\n"
    ).encode()
    preview = survey_import.preview_questionnaire_import(actor, content, "q.csv")
    assert [(p.key, p.line) for p in preview.problems] == [("problem.questionnaire_answered_item", 2)]
    texts_only = (
        "code,dimension,text_en\nSYN1,synergy,Together we find solutions nobody finds alone.\n"
    ).encode()
    preview = survey_import.preview_questionnaire_import(actor, texts_only, "q.csv")
    assert preview.problems == [] and preview.changes.changed_items == [("SYN1", ("text_en",))]


def test_responses_with_a_questionnaire_file_in_one_transaction(leuven):
    questionnaire = file("questionnaire_innovation.csv")
    content = (
        "id,submitdate,category,SYN1,INN1,INN3\n"
        "1,2025-05-02 10:00,first_line,4,Agree,2\n"
        "2,2025-05-03 11:00,second_line,3,Strongly agree,1\n"
    ).encode()
    preview = survey_import.preview_survey_import(
        leuven, content, "r.csv", wave="2025", questionnaire=questionnaire
    )
    assert preview.problems == [] and preview.new_respondents == 2
    # A project's own questionnaire replaces the default one: SYN1 is not one of its items.
    assert preview.unknown_columns == ["SYN1"]
    survey_import.apply_survey_import(leuven, content, "r.csv", wave="2025", questionnaire=questionnaire)
    data = surveys.load_survey_data_of(leuven.project_id)
    assert data.items["item_code"].to_list() == ["INN1", "INN2", "INN3"]
    assert sorted(data.answers.filter(pl.col("item_code") == "INN1")["value"]) == [4, 5]


def wave_edits(actor, **changes):  # noqa: ANN001, ANN201
    waves, invitations = survey_import.waves_with_invitations(actor)
    table = survey_import.invitation_table(waves, invitations, "en")
    edited = waves.drop("wave_id")
    edits = survey_import.wave_edits(waves, edited, table)
    return [
        survey_import.WaveEdit(
            e.wave_id,
            changes.get("name", e.name) if i == 0 else e.name,
            changes.get("opened_on", e.opened_on) if i == 0 else e.opened_on,
            e.closed_on,
            {**e.invitations, **changes.get("invitations", {})} if i == 0 else e.invitations,
        )
        for i, e in enumerate(edits)
    ]


def test_a_coordinator_corrects_a_waves_dates_and_invitations(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    version = data_version("empact")
    changed = survey_import.update_waves(
        coordinator,
        wave_edits(
            coordinator,
            name="2020 (pilot)",
            opened_on=dt.date(2020, 9, 1),
            invitations={"first_line": 30, "private": None},
        ),
    )
    assert changed == 1 and data_version("empact") > version
    waves, invitations = survey_import.waves_with_invitations(coordinator)
    first = waves.row(0, named=True)
    assert (first["name"], first["opened_on"]) == ("2020 (pilot)", dt.date(2020, 9, 1))
    of_first = dict(
        invitations.filter(pl.col("wave_id") == first["wave_id"]).select("category", "invited").iter_rows()
    )
    assert of_first["first_line"] == 30 and "private" not in of_first
    assert survey_import.update_waves(coordinator, wave_edits(coordinator)) == 0


def test_bad_wave_corrections_are_refused_whole(demo_db):
    coordinator = actor_for("demo-coordinator", "empact")
    before = survey_import.waves_with_invitations(coordinator)
    edits = wave_edits(
        coordinator, name="2022", opened_on=dt.date(2021, 1, 1), invitations={"first_line": -3}
    )
    edits[0] = survey_import.WaveEdit(
        edits[0].wave_id, "2022", dt.date(2021, 1, 1), dt.date(2020, 1, 1), edits[0].invitations
    )
    with pytest.raises(ValidationFailed) as refused:
        survey_import.update_waves(coordinator, edits)
    assert sorted(p.key for p in refused.value.problems) == [
        "problem.survey_bad_invited",
        "problem.survey_wave_dates_order",
        "problem.survey_wave_name_taken",
    ]
    assert {p.record for p in refused.value.problems} == {"2020"}, refused.value.problems
    after = survey_import.waves_with_invitations(coordinator)
    assert after[0].equals(before[0]) and after[1].sort(pl.all()).equals(before[1].sort(pl.all()))


def test_google_forms_cet_times_are_stored_in_utc_and_give_the_brussels_wave_dates(leuven):
    """Times are stored in UTC (as every timestamp of the app); a response sent at 00:30 in
    Brussels opens the wave on that Brussels day, not on the UTC day before."""
    content = (
        (DATA / "google_forms_be_cet.csv")
        .read_text(encoding="utf-8")
        .replace("2023/10/27 11:02:15 am CEST", "2023/10/27 12:30:00 am CEST")
        .encode()
    )
    preview = survey_import.preview_survey_import(leuven, content, "be.csv", wave="2023")
    assert preview.problems == []
    assert (preview.opened_on, preview.closed_on) == (dt.date(2023, 10, 27), dt.date(2023, 11, 14))
    survey_import.apply_survey_import(leuven, content, "be.csv", wave="2023")
    with session_scope() as session:
        times = sorted(r.submitted_at for r in session.exec(select(SurveyRespondent)))
    assert times[0].replace(tzinfo=dt.UTC) == dt.datetime(2023, 10, 26, 22, 30, tzinfo=dt.UTC)


def test_limesurvey_incomplete_responses_are_skipped_and_counted(leuven):
    preview = survey_import.preview_survey_import(leuven, *file("limesurvey_full_en.csv"), wave="2024")
    assert preview.problems == []
    assert (preview.new_respondents, preview.incomplete_lines) == (5, [4, 7, 9])
    assert preview.unnamed_columns == [34]
    survey_import.apply_survey_import(leuven, *file("limesurvey_full_en.csv"), wave="2024")
    assert counts()["SurveyRespondent"] == 5 and counts()["SurveyComment"] == 1


def test_a_file_without_questions_says_so_not_that_submission_times_are_missing(leuven):
    """bad_no_items.csv has a Timestamp column: the only problem is that no item matched."""
    preview = survey_import.preview_survey_import(leuven, *file("bad_no_items.csv"), wave="2024")
    assert [p.key for p in preview.problems] == ["problem.survey_no_items"]
    message = ValidationFailed(preview.problems, "import.refused").message("en")
    assert "SYN1, SYN2" in message and "SAT3" in message
    assert "no submission time" not in message
