"""How problems name what is wrong: a file's column by its header as written in the file, a
form's field by the label beside it in the reader's language, never by the service's code."""

from dashboard.errors import ValidationFailed, describe, in_form_words, name_fields
from data_loaders.problems import Problem, Problems


def test_a_file_s_problem_keeps_the_header_as_written():
    problems = Problems("plan.xlsx")
    problems.add("problem.bad_date", line=4, column="Fin prévue", value="31/02/2025")
    named = name_fields(problems.items, {"Fin prévue": "X"}, {"Fin prévue": "Y"})
    assert named == problems.items
    assert describe(named[0], "nl").startswith("plan.xlsx, regel 4, kolom Fin prévue: ")


def test_a_form_s_problem_names_the_field_by_its_label():
    error = ValidationFailed(
        [
            Problem("problem.empty_cell", column="rationale"),
            Problem("problem.survey_wave_dates_missing", record="2024", column="opened_on / closed_on"),
            Problem(
                "problem.maturity.bad_score",
                record="3",
                column="score",
                value="7",
                params={"low": 0, "high": 5},
            ),
            Problem("problem.bad_date", column="unmapped"),
        ]
    )
    shown = in_form_words(
        error,
        {"rationale": "Motivation"},
        {"opened_on": "Ouverte le", "closed_on": "Clôturée le", "score": "Score"},
    ).message("fr")
    assert "champ « Motivation »" in shown and "rationale" not in shown
    assert "2024, colonne Ouverte le / Clôturée le" in shown
    assert "3, colonne Score" in shown
    assert shown.startswith("4 problèmes")  # the count is kept
    # a code neither mapping knows is still said, not dropped
    assert "colonne unmapped" in shown


def test_the_import_page_s_own_inputs_are_named_by_their_labels():
    """The survey import named the page's wave input by the command line's option:
    'colonne --wave'."""
    problems = Problems("responses.csv")
    problems.add("problem.survey_wave_name", column="--wave", value="", maximum=60)
    named = name_fields(problems.items, {"--wave": "Vague"})
    assert describe(named[0], "fr").startswith("responses.csv, champ « Vague »")
    assert "--wave" not in describe(named[0], "fr")


def test_where_and_what_are_separated_as_each_language_writes_a_colon():
    """French problem lines lacked the space before the colon: '2.1.1, colonne Début prévu:
    date illisible'."""
    problem = Problem("problem.bad_date", record="2.1.1", column="Début prévu", value="03/15/2027")
    assert describe(problem, "fr").startswith("2.1.1, colonne Début prévu : ")
    assert describe(problem, "nl").startswith("2.1.1, kolom Début prévu: ")
    assert describe(problem, "en").startswith("2.1.1, column Début prévu: ")
    assert "\n- 2.1.1, colonne Début prévu : " in ValidationFailed([problem]).message("fr")
