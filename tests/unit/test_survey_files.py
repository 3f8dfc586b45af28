"""Reading survey exports and questionnaires (data_loaders.surveys), without a database: the
header quirks of each tool, answers in every language, and every problem located."""

import datetime as dt
from pathlib import Path

import pytest

from dashboard.services.partners.survey_import import category_words
from data_loaders.catalogues.questionnaire import AGREEMENT_SCALE, DIMENSIONS, ITEMS
from data_loaders.surveys import (
    CATEGORY,
    COMMENT,
    IDENTIFIER,
    ITEM,
    TIMESTAMP,
    TOOL,
    UNKNOWN,
    DateOrder,
    QuestionnaireDimension,
    QuestionnaireItem,
    classify_columns,
    parse_questionnaire,
    parse_responses,
    parse_timestamp,
    settle_date_order,
)
from data_loaders.problems import UnreadableFile
from data_loaders.tabular import read_table

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"
ITEM_LIST = [
    QuestionnaireItem(code, dimension, fr, nl, en, 1, 5, AGREEMENT_SCALE, reversed_)
    for code, dimension, reversed_, fr, nl, en in ITEMS
]
DIMENSION_LIST = [QuestionnaireDimension(*row) for row in DIMENSIONS]
SALT = "test-project"


def parse(name: str):  # noqa: ANN201
    table = read_table((DATA / name).read_bytes(), name)
    return parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT), table


def roles(parsed) -> dict[str, str]:  # noqa: ANN001
    return {column.header: column.role for column in parsed.columns}


@pytest.mark.parametrize(
    "name, respondents, identifier, timestamp",
    [
        ("google_forms_fr.csv", 12, "Adresse e-mail", "Horodateur"),
        ("ms_forms_en.xlsx", 10, "ID", "Completion time"),
        ("limesurvey_nl.csv", 8, "id", "submitdate"),
        ("kobo_xml.csv", 9, "_id", "_submission_time"),
    ],
)
def test_every_tool_export_maps_all_24_items(name, respondents, identifier, timestamp):
    parsed, table = parse(name)
    assert not parsed.problems, [p.key for p in parsed.problems.items]
    assert len(parsed.responses) == respondents
    items = {c.target for c in parsed.columns if c.role == ITEM}
    assert items == {code for code, *_ in ITEMS}
    assert roles(parsed)[identifier] == IDENTIFIER
    assert roles(parsed)[timestamp] == TIMESTAMP
    assert all(len(r.answers) == 24 for r in parsed.responses)
    assert all(
        r.category in {"first_line", "second_line", "home_care", "local_authority"} for r in parsed.responses
    )
    assert all(r.submitted_at is not None and r.submitted_at.tzinfo is not None for r in parsed.responses)
    assert parsed.unknown_columns == []


def test_google_forms_grid_rows_with_typographic_apostrophes_match_the_item_text():
    parsed, table = parse("google_forms_fr.csv")
    header = next(h for h in table.columns if "qu’aucun" in h)
    assert next(c for c in parsed.columns if c.header == header).target == "SYN1"
    # French labels read on the 1-5 scale, as answered (reversed items are not turned here).
    first_row = table.rows[0]
    assert parsed.responses[0].answers["SYN1"] == AGREEMENT_SCALE["fr"].index(first_row[header]) + 1


def test_ms_forms_anonymous_email_and_name_are_tool_identifiers_not_answers():
    parsed, _ = parse("ms_forms_en.xlsx")
    found = roles(parsed)
    assert found["Email"] == found["Name"] == IDENTIFIER
    assert found["Start time"] == found["Last modified time"] == TOOL
    assert found["Type of organisation"] == CATEGORY
    assert found["Any other comments?"] == COMMENT
    # Every response is "anonymous": they are told apart by their ID, not merged.
    assert len({r.key for r in parsed.responses}) == 10


def test_limesurvey_codes_timings_and_item_comments():
    parsed, _ = parse("limesurvey_nl.csv")
    found = roles(parsed)
    assert {
        found[h] for h in ("lastpage", "startlanguage", "seed", "interviewtime", "groupTime4471", "SYN1Time")
    } == {TOOL}
    comment = next(c for c in parsed.columns if c.header == "COM1[comment]")
    assert (comment.role, comment.target) == (COMMENT, "communication")
    assert any(r.comments == (("communication", "Graag een gedeeld platform."),) for r in parsed.responses)


def test_kobo_paths_choice_names_and_underscore_columns():
    parsed, table = parse("kobo_xml.csv")
    found = roles(parsed)
    assert found["profil/category"] == CATEGORY
    assert all(
        found[h] == TOOL
        for h in table.columns
        if h.startswith("_") and h not in ("_id", "_uuid", "_submission_time")
    )
    # The first row answers with choice names ("strongly_agree"), the second with numbers.
    names = [label.lower().replace(" ", "_") for label in AGREEMENT_SCALE["en"]]
    first = table.rows[0]
    assert parsed.responses[0].answers["SYN1"] == names.index(first["collaboration/SYN1"]) + 1


def test_respondent_identifiers_are_only_kept_as_salted_hashes():
    parsed, table = parse("google_forms_fr.csv")
    emails = [row["Adresse e-mail"] for row in table.rows]
    for response in parsed.responses:
        assert len(response.key) == 64 and int(response.key, 16) >= 0
        assert all(email not in repr(response) for email in emails)
    other_project = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), "another-project")
    assert {r.key for r in other_project.responses}.isdisjoint({r.key for r in parsed.responses})


def test_classify_headers_of_mixed_tools():
    headers = [
        "Horodateur",
        "Votre avis [Les compétences des partenaires se complètent bien.]",
        "COLLAB[SYN3]",
        "SYN4. Les besoins des patients sont au centre de notre travail commun.",
        "gouvernance/GOV1",
        "2. Everyone's roles and responsibilities are clear. *",
        "Catégorie de votre organisation",
        "Opmerkingen over werklast",
        "Favourite colour",
    ]
    columns, special = classify_columns(headers, ITEM_LIST, DIMENSION_LIST)
    found = {c.header: (c.role, c.target) for c in columns}
    assert [found[h][1] for h in headers[1:6]] == ["SYN2", "SYN3", "SYN4", "GOV1", "GOV2"]
    assert found["Catégorie de votre organisation"][0] == CATEGORY
    assert found["Opmerkingen over werklast"] == (COMMENT, "workload")
    assert found["Favourite colour"] == (UNKNOWN, None)
    assert special["timestamp"] == "Horodateur"


def test_every_bad_value_is_a_problem_with_line_column_and_value():
    parsed, _ = parse("bad_answers.csv")
    problems = {(p.key, p.line, p.column, p.value) for p in parsed.problems.items}
    assert problems == {
        ("problem.survey_unknown_category", 3, "Catégorie de votre organisation", "Hôpital"),
        ("problem.survey_out_of_scale", 3, "SYN1", "7"),
        ("problem.survey_unknown_answer", 3, "SYN2", "Plutôt d'accord"),
        ("problem.survey_bad_timestamp", 4, "Horodateur", "hier"),
        ("problem.survey_duplicate_respondent", 5, "Adresse e-mail", ""),
    }
    unknown = next(p for p in parsed.problems.items if p.key == "problem.survey_unknown_answer")
    # The expected labels are given in the language the column is written in.
    assert unknown.params["labels"] == " / ".join(AGREEMENT_SCALE["fr"])
    duplicate = next(p for p in parsed.problems.items if p.key == "problem.survey_duplicate_respondent")
    assert duplicate.params["first_line"] == 2


def test_a_file_without_questions_or_with_two_category_columns_is_refused():
    parsed, _ = parse("bad_no_items.csv")
    assert [p.key for p in parsed.problems.items] == ["problem.survey_no_items"]
    parsed, _ = parse("bad_two_category_columns.csv")
    assert sorted(p.key for p in parsed.problems.items) == [
        "problem.survey_duplicate_item_column",
        "problem.survey_two_category_columns",
    ]


@pytest.mark.parametrize(
    "text, value",
    [
        ("4", 4),
        ("4.0", 4),
        ("4,0", 4),
        ("Eens", 4),
        ("Agree", 4),
        ("D’accord", 4),
        ("tout à fait d'accord", 5),
        ("strongly_disagree", 1),
        ("4 - D'accord", 4),
        ("Neither agree nor disagree", 3),
        ("n/a", None),
        ("Sans avis", None),
        ("weet niet", None),
    ],
)
def test_answers_as_numbers_or_labels_in_any_language(text, value):
    table = read_table(f"id,SYN1\n1,{text}\n2,5\n".encode(), "answers.csv")
    parsed = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT)
    assert not parsed.problems
    assert parsed.responses[0].answers.get("SYN1") == value or (value is None and parsed.empty_lines == [2])


@pytest.mark.parametrize("text", ["0", "6", "4.5", "Plutôt d'accord", "yes"])
def test_answers_off_the_scale_are_refused(text):
    table = read_table(f"id,SYN1\n1,{text}\n".encode(), "answers.csv")
    parsed = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT)
    assert [(p.line, p.column, p.value) for p in parsed.problems.items] == [(2, "SYN1", text)]


@pytest.mark.parametrize(
    "text, month_first_order, expected",
    [
        ("2020/10/30 3:08:44 PM GMT+1", False, dt.datetime(2020, 10, 30, 14, 8, 44, tzinfo=dt.UTC)),
        ("2024-10-12 14:03:22", False, dt.datetime(2024, 10, 12, 12, 3, 22, tzinfo=dt.UTC)),
        ("2024-10-12T12:03:22.500+02:00", False, dt.datetime(2024, 10, 12, 10, 3, 22, 500000, tzinfo=dt.UTC)),
        ("12/10/2024 14:03", False, dt.datetime(2024, 10, 12, 12, 3, tzinfo=dt.UTC)),
        ("10/13/24 1:03:22 PM", True, dt.datetime(2024, 10, 13, 11, 3, 22, tzinfo=dt.UTC)),
        ("2024-01-15", False, dt.datetime(2024, 1, 14, 23, 0, tzinfo=dt.UTC)),
    ],
)
def test_submission_times_of_the_tools(text, month_first_order, expected):
    assert parse_timestamp(text, month_first_order) == expected


def test_day_or_month_first_is_told_by_the_column_never_guessed():
    assert settle_date_order([(2, "10/9/24 11:02"), (3, "10/13/24 13:00")]) == DateOrder(
        "mdy", 3, "10/13/24 13:00"
    )
    assert settle_date_order([(2, "9/10/2024 11:02"), (3, "13/10/2024 13:00")]).order == "dmy"
    # Neither AM/PM nor a Belgian habit settles it: the user chooses.
    assert settle_date_order([(2, "7/2/20 11:00:22 AM")]).ambiguous
    assert settle_date_order([(2, "7/2/20 11:00")]) == DateOrder(None, 2, "7/2/20 11:00", ambiguous=True)
    assert settle_date_order([(2, "7/2/20 11:00")], "mdy") == DateOrder("mdy", chosen=True)
    assert settle_date_order([(2, "2024-10-12 14:03")]) == DateOrder()  # nothing to settle


def test_questionnaire_file_adds_a_dimension_with_texts_in_three_languages():
    table = read_table((DATA / "questionnaire_innovation.csv").read_bytes(), "q.csv")
    parsed = parse_questionnaire(table, AGREEMENT_SCALE)
    assert not parsed.problems
    assert [row.item.code for row in parsed.items] == ["INN1", "INN2", "INN3"]
    assert parsed.dimension_labels["innovation"] == ("Innovation", "Innovatie", "Innovation")
    assert [row.item.reversed for row in parsed.items] == [False, False, True]
    assert parsed.items[0].item.scale_labels == AGREEMENT_SCALE  # default on 1-5


def test_questionnaire_problems_are_all_listed():
    table = read_table((DATA / "questionnaire_bad.csv").read_bytes(), "q.csv")
    parsed = parse_questionnaire(table, AGREEMENT_SCALE)
    assert {(p.key, p.line) for p in parsed.problems.items} == {
        ("problem.questionnaire_bad_code", 2),
        ("problem.questionnaire_no_text", 3),
        ("problem.questionnaire_mixed_scales", 4),
        ("problem.questionnaire_label_count", 5),
        ("problem.bad_yes_no", 5),
    }


# ---------------------------------------------------------------- real exports' quirks (#12)


def test_google_forms_of_a_belgian_account_writes_cet_and_cest():
    """Google Forms of a Belgian account: "2023/11/13 4:20:37 pm CET", "… am CEST"."""
    parsed, _ = parse("google_forms_be_cet.csv")
    assert not parsed.problems, [(p.key, p.line, p.value) for p in parsed.problems.items]
    assert [r.submitted_at for r in parsed.responses] == [
        dt.datetime(2023, 10, 27, 9, 2, 15, tzinfo=dt.UTC),  # CEST = UTC+2
        dt.datetime(2023, 10, 30, 8, 45, 3, tzinfo=dt.UTC),  # CET = UTC+1
        dt.datetime(2023, 11, 13, 15, 20, 37, tzinfo=dt.UTC),
        dt.datetime(2023, 11, 14, 11, 5, 59, tzinfo=dt.UTC),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2023/11/13 4:20:37 pm CET", dt.datetime(2023, 11, 13, 15, 20, 37, tzinfo=dt.UTC)),
        ("2023/07/03 12:20:37 am CEST", dt.datetime(2023, 7, 2, 22, 20, 37, tzinfo=dt.UTC)),
        ("2023/11/13 4:20:37 PM GMT+1", dt.datetime(2023, 11, 13, 15, 20, 37, tzinfo=dt.UTC)),
        ("2023/07/03 9:20:37 AM GMT+2", dt.datetime(2023, 7, 3, 7, 20, 37, tzinfo=dt.UTC)),
        ("2023/11/13 16:20:37 CET", dt.datetime(2023, 11, 13, 15, 20, 37, tzinfo=dt.UTC)),
    ],
)
def test_central_european_zone_abbreviations_and_offsets(text, expected):
    assert parse_timestamp(text) == expected


def test_ms_forms_us_dates_with_every_day_up_to_12_are_refused_until_the_order_is_chosen():
    """Microsoft Forms responses opened in Excel (en-US), saved as CSV UTF-8: 9/1/2024 9:46 ..
    9/3/2024 8:12. Read day first they would be 9 January to 9 March."""
    parsed, table = parse("ms_forms_en_us_excel.csv")
    assert [(p.key, p.line, p.column, p.value) for p in parsed.problems.items] == [
        ("problem.survey_date_order_ambiguous", 2, "Completion time", "9/1/2024 9:46")
    ]
    assert parsed.responses == [] or all(r.submitted_at is None for r in parsed.responses)
    chosen = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT, date_order="mdy")
    assert not chosen.problems
    assert chosen.date_order == DateOrder("mdy", chosen=True)
    assert [r.submitted_at.date() for r in chosen.responses] == [
        dt.date(2024, 9, 1),
        dt.date(2024, 9, 2),
        dt.date(2024, 9, 2),
        dt.date(2024, 9, 3),
    ]


def test_one_day_above_12_settles_the_order_of_the_whole_column():
    content = (DATA / "ms_forms_en_us_excel.csv").read_bytes().replace(b"9/3/2024 8:12", b"9/13/2024 8:12")
    table = read_table(content, "ms.csv")
    parsed = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT)
    assert not parsed.problems
    assert parsed.date_order == DateOrder("mdy", 5, "9/13/2024 8:12")
    assert parsed.responses[0].submitted_at == dt.datetime(2024, 9, 1, 7, 46, tzinfo=dt.UTC)


def test_kobo_submission_time_is_utc():
    """KoboToolbox writes _submission_time in UTC without an offset (2024-10-07T09:35:00 for a
    form ended at 2024-10-07T11:35:00.000+02:00 in Brussels)."""
    parsed, table = parse("kobo_xml.csv")
    first = table.rows[0]
    assert (first["_submission_time"], first["end"]) == (
        "2024-10-07T09:35:00",
        "2024-10-07T11:35:00.000+02:00",
    )
    assert parsed.responses[0].submitted_at == dt.datetime(2024, 10, 7, 9, 35, tzinfo=dt.UTC)
    assert parsed.responses[0].submitted_at == parse_timestamp(first["end"])


def test_limesurvey_full_headings_export_with_incomplete_responses_and_timings():
    """LimeSurvey 6, all responses, full question texts and answers, timings: incomplete
    responses (empty "Date submitted") are skipped and counted, the column of a question
    without text (empty heading) is ignored, "Group time: …" / "Question time: …" / "Total
    time" are tool columns, even when they name a comment or category question."""
    content = (DATA / "limesurvey_full_en.csv").read_bytes()
    table = read_table(content, "limesurvey_full_en.csv", ignore_unnamed=True)
    assert table.unnamed_positions == (34,)
    parsed = parse_responses(table, ITEM_LIST, DIMENSION_LIST, category_words(), SALT)
    assert not parsed.problems, [(p.key, p.line, p.column) for p in parsed.problems.items]
    assert parsed.incomplete_lines == [4, 7, 9]
    assert [r.line for r in parsed.responses] == [2, 3, 5, 6, 8]
    assert all(len(r.answers) == 24 for r in parsed.responses)
    found = roles(parsed)
    timings = [h for h in table.columns if h.startswith(("Total time", "Group time", "Question time"))]
    assert len(timings) == 6 and {found[h] for h in timings} == {TOOL}
    assert found["Type of organisation"] == CATEGORY
    assert found["Any other comments?"] == COMMENT
    assert [r.comments for r in parsed.responses if r.comments] == [((None, "Clear agenda, thank you."),)]
    with pytest.raises(UnreadableFile):  # other imports still refuse a column without name
        read_table(content, "limesurvey_full_en.csv")
