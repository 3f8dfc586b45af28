"""`python -m dashboard import survey / import questionnaire / export survey-results`: a dry run
writes nothing, a refused file exits 2 with one problem per line on stderr, the export hides
small groups."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from sqlmodel import func, select

from dashboard.cli import main
from models.db import session_scope
from models.tables import SurveyRespondent, SurveyWave

DATA = Path(__file__).resolve().parent.parent / "data" / "surveys"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def respondents() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(SurveyRespondent)).one()


def test_dry_run_then_import_then_again(demo_sqlite, capsys):
    before = respondents()
    path = str(DATA / "google_forms_fr.csv")
    code, out, _ = run(
        capsys, "import", "survey", path, "--project", "chronicopole", "--wave", "2025", "--dry-run"
    )
    assert code == 0 and "new responses: 12" in out and "dry run: nothing written" in out
    assert "Adresse e-mail" in out and "hashed" in out
    assert respondents() == before
    code, out, _ = run(capsys, "import", "survey", path, "--project", "chronicopole", "--wave", "2025")
    assert code == 0 and out.rstrip().endswith("imported") and respondents() == before + 12
    code, out, _ = run(capsys, "import", "survey", path, "--project", "chronicopole", "--wave", "2025")
    assert code == 0 and "nothing to change" in out and respondents() == before + 12


def test_a_refused_file_exits_2_with_one_problem_per_line(demo_sqlite, capsys):
    with session_scope() as session:
        waves = session.exec(select(func.count()).select_from(SurveyWave)).one()
    code, out, err = run(
        capsys, "import", "survey", str(DATA / "bad_answers.csv"), "--project", "empact", "--wave", "2025"
    )
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "bad_answers.csv: refused, 5 problems; nothing imported"
    assert len(lines) == 6 and all(line.startswith("- bad_answers.csv, line ") for line in lines[1:])
    assert any("column SYN1" in line and "'7'" in line for line in lines)
    with session_scope() as session:
        assert session.exec(select(func.count()).select_from(SurveyWave)).one() == waves


def test_dates_are_given_for_a_file_without_submission_times(demo_sqlite, capsys):
    path = str(DATA / "no_timestamp.csv")
    code, _, err = run(capsys, "import", "survey", path, "--project", "empact", "--wave", "X")
    assert code == 2 and "opening and closing dates" in err
    code, _, err = run(
        capsys,
        "import",
        "survey",
        path,
        "--project",
        "empact",
        "--wave",
        "X",
        "--opened",
        "2025-03-01",
        "--closed",
        "31/03/2025",
    )
    assert code == 0, err
    code, _, err = run(
        capsys, "import", "survey", path, "--project", "empact", "--wave", "Y", "--opened", "yesterday"
    )
    assert code == 2 and err.count("\n") == 1


def test_questionnaire_import(demo_sqlite, capsys):
    path = str(DATA / "questionnaire_innovation.csv")
    code, out, _ = run(capsys, "import", "questionnaire", path, "--project", "empact")
    assert code == 0 and "new items: INN1, INN2, INN3" in out
    code, out, _ = run(capsys, "import", "questionnaire", path, "--project", "empact")
    assert code == 0 and "nothing to change" in out
    code, _, err = run(
        capsys, "import", "questionnaire", str(DATA / "questionnaire_bad.csv"), "--project", "empact"
    )
    assert code == 2 and err.count("\n- ") == 5


def test_export_of_aggregated_results_hides_small_groups(demo_sqlite, capsys, tmp_path):
    target = tmp_path / "results.csv"
    code, out, _ = run(
        capsys, "export", "survey-results", "--project", "empact", "--lang", "nl", "-o", str(target)
    )
    assert code == 0
    results = pl.read_csv(target, infer_schema=False)
    assert {"Alle partners", "Tweede lijn"} <= set(results["category"])
    small = results.filter(pl.col("respondents") == "< 5")
    assert small.height > 0 and small["mean"].null_count() == small.height
    assert results.filter(pl.col("respondents") != "< 5")["respondents"].cast(pl.Int64).min() >= 5
    code, _, err = run(
        capsys, "export", "survey-results", "--project", "empact", "--user", "demo-viewer", "-o", str(target)
    )
    assert code == 2 and err.count("\n") == 1


def test_us_dates_that_no_day_settles_need_date_order(demo_sqlite, capsys):
    path = str(DATA / "ms_forms_en_us_excel.csv")
    code, _, err = run(
        capsys, "import", "survey", path, "--project", "chronicopole", "--wave", "2024-09", "--dry-run"
    )
    assert code == 2
    assert "ms_forms_en_us_excel.csv, line 2, column Completion time" in err
    assert "--date-order dmy" in err and "mdy" in err
    code, out, _ = run(
        capsys,
        "import",
        "survey",
        path,
        "--project",
        "chronicopole",
        "--wave",
        "2024-09",
        "--date-order",
        "mdy",
        "--dry-run",
    )
    assert code == 0 and "2024-09-01 to 2024-09-03" in out
    assert "dates read as month/day/year (as chosen)" in out
