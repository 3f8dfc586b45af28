"""`python -m dashboard import indicators` / `export indicators`: a dry run writes nothing, a
refused file exits 2 with one problem per line on stderr, importing twice changes nothing, the
export hides small cells."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from sqlmodel import func, select

from dashboard.cli import main
from models.db import session_scope
from models.tables import IndicatorValue

DATA = Path(__file__).resolve().parent.parent / "data" / "indicators"


def run(capsys, *args: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def values() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(IndicatorValue)).one()


def test_dry_run_then_import_then_again(demo_sqlite, capsys):
    before = values()
    path = str(DATA / "values.csv")
    code, out, _ = run(capsys, "import", "indicators", path, "--project", "empact", "--dry-run")
    assert code == 0 and "new values: 7" in out and "dry run: nothing written" in out
    assert "indicators added from the default catalogue: WORK_DISABILITY" in out
    assert values() == before
    code, out, _ = run(capsys, "import", "indicators", path, "--project", "empact")
    assert code == 0 and out.rstrip().endswith("imported") and values() == before + 7
    code, out, _ = run(capsys, "import", "indicators", path, "--project", "empact")
    assert code == 0 and "nothing to change" in out and values() == before + 7


def test_a_refused_file_exits_2_with_one_problem_per_line(demo_sqlite, capsys):
    before = values()
    code, out, err = run(capsys, "import", "indicators", str(DATA / "bad_values.csv"), "--project", "empact")
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0] == "bad_values.csv: refused, 10 problems; nothing imported"
    assert len(lines) == 11 and all(line.startswith("- bad_values.csv, line ") for line in lines[1:])
    assert any("line 6, column numerator" in line and "(600)" in line for line in lines)
    assert values() == before


def test_a_missing_file_or_project(demo_sqlite, capsys, tmp_path):
    code, _, err = run(capsys, "import", "indicators", str(tmp_path / "none.csv"), "--project", "empact")
    assert code == 2 and "no such file" in err
    code, _, err = run(capsys, "import", "indicators", str(DATA / "values.csv"), "--project", "nowhere")
    assert code == 2 and err.count("\n") == 1


def test_the_export_hides_small_cells(demo_sqlite, capsys, tmp_path):
    content = (
        b"indicator,period,region,numerator,denominator\n"
        b"CASE_MANAGED,2027,,60,200\nCASE_MANAGED,2027,IEP,3,40\n"
        b"CASE_MANAGED,2027,POP,27,80\nCASE_MANAGED,2027,DIK,30,80\n"
    )
    (tmp_path / "small.csv").write_bytes(content)
    assert run(capsys, "import", "indicators", str(tmp_path / "small.csv"), "--project", "empact")[0] == 0
    output = tmp_path / "values.csv"
    code, out, _ = run(capsys, "export", "indicators", "--project", "empact", "-o", str(output))
    assert code == 0 and "small cells" in out
    exported = pl.read_csv(output, infer_schema_length=0).filter(pl.col("period") == "2027")
    assert exported.sort("region", nulls_last=False).select(
        "region", "value", "numerator", "denominator"
    ).rows() == [
        (None, "30", "60", "200"),
        ("DIK", "37.5", "30", "80"),
        ("IEP", "< 5", "< 5", "40"),
        ("POP", "< 5", "< 5", "80"),
    ]
