"""`python -m dashboard export decisions --project SLUG --format csv|xlsx -o FILE`: the file holds
the project's whole governance log (its entries only, in order, with the export columns); bad
input exits 2 with a one-line reason and writes nothing. On SQLite and PostgreSQL."""

from __future__ import annotations

import io

import openpyxl
import polars as pl
import pytest
from sqlmodel import select

from dashboard.cli import main
from dashboard.services.admin.projects import get_project
from models.db import session_scope
from models.tables import Action, Decision

# The export's columns, in this order (README "Exports"; governance.EXPORT_COLUMNS). Spelled out
# here so that a change to the file's layout, which users' spreadsheets rely on, is deliberate.
COLUMNS = [
    "sequence",
    "recorded_at",
    "recorded_by",
    "action_code",
    "action_title",
    "outcome",
    "conditions",
    "rationale",
    "review_date",
    "meeting_date",
    "meeting_title",
    "supersedes_sequence",
    "correction_reason",
    "superseded_by",
    "conditions_met",
    "review_overdue",
    "conditions_unmet",
    "entry_hash",
]


def run(capsys, *args: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def stored_log(slug: str) -> list[tuple[int, str, str, str]]:
    """(sequence, action code, outcome, entry hash) of the project's decisions, in order."""
    project_id = get_project(slug).id
    with session_scope() as session:
        rows = session.exec(
            select(Decision.sequence, Action.code, Decision.outcome, Decision.entry_hash)
            .join(Action, Action.id == Decision.action_id)
            .where(Decision.project_id == project_id)
            .order_by(Decision.sequence)
        ).all()
    return [tuple(row) for row in rows]


def read_export(path, file_format: str) -> pl.DataFrame:  # noqa: ANN001
    if file_format == "csv":
        content = path.read_bytes()
        assert content.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows the accents right
        return pl.read_csv(io.BytesIO(content), infer_schema_length=0)
    workbook = openpyxl.load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["decisions"]
    return pl.read_excel(path, infer_schema_length=0)


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("slug", ["chronicopole", "empact"])
def test_the_file_is_the_projects_log(demo_db, capsys, tmp_path, file_format, slug):
    output = tmp_path / f"decisions.{file_format}"
    code, out, err = run(
        capsys, "export", "decisions", "--project", slug, "--format", file_format, "-o", str(output)
    )
    assert (code, err) == (0, "")
    assert out.strip() == f"wrote {output}"
    frame = read_export(output, file_format)
    assert frame.columns == COLUMNS
    stored = stored_log(slug)
    assert stored, "the demo project has decisions"
    assert [
        (int(s), c, o, h)
        for s, c, o, h in frame.select("sequence", "action_code", "outcome", "entry_hash").iter_rows()
    ] == stored
    # Every entry names who recorded it and when (Brussels time, to the minute).
    assert frame["recorded_by"].null_count() == 0
    assert frame["recorded_at"].str.contains(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$").all()


def test_csv_is_the_default_format(demo_sqlite, capsys, tmp_path):
    output = tmp_path / "decisions.out"
    assert run(capsys, "export", "decisions", "--project", "empact", "-o", str(output))[0] == 0
    frame = read_export(output, "csv")
    assert frame.columns == COLUMNS and frame.height == len(stored_log("empact"))


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--project", "nowhere", "--format", "csv"], "Unknown project: nowhere"),
        (["--project", "nowhere", "--format", "xlsx"], "Unknown project: nowhere"),
        (["--project", "empact", "--format", "pdf"], "invalid choice: 'pdf'"),
        (["--project", "empact", "--format", "CSV"], "invalid choice: 'CSV'"),
        (["--format", "csv"], "--project"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(demo_sqlite, capsys, tmp_path, args, expected):
    output = tmp_path / "decisions.file"
    code, out, err = run(capsys, "export", "decisions", *args, "-o", str(output))
    assert code == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert not output.exists()


def test_a_missing_output_option_exits_2(demo_sqlite, capsys):
    code, _, err = run(capsys, "export", "decisions", "--project", "empact")
    assert code == 2 and "-o/--output" in err and err.count("\n") == 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_formula_like_rationale_is_exported_as_text(demo_sqlite, capsys, tmp_path, file_format):
    from dashboard.services.governance import decisions as governance
    from dashboard.services.access import actor_for
    from dashboard.services.governance.decisions import DecisionInput
    from dashboard.services.actions.portfolio import actions_frame

    steering = actor_for("demo-steering", "chronicopole")
    action_id = actions_frame(steering).filter(pl.col("code") == "1.2.6")["id"][0]
    governance.record_decision(
        steering,
        DecisionInput(
            action_id,
            "conditional_go",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            conditions="+32 470 12 34 56 must confirm",
        ),
    )
    output = tmp_path / f"decisions.{file_format}"
    assert (
        run(
            capsys,
            "export",
            "decisions",
            "--project",
            "chronicopole",
            "--format",
            file_format,
            "-o",
            str(output),
        )[0]
        == 0
    )
    last = read_export(output, file_format).row(-1, named=True)
    assert last["rationale"] == "'@SUM(1+1)*cmd|' /C calc'!A0"
    assert last["conditions"] == "'+32 470 12 34 56 must confirm"
    if file_format == "xlsx":
        sheet = openpyxl.load_workbook(output).active
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_an_output_folder_that_does_not_exist_exits_2_with_one_line(demo_sqlite, capsys, tmp_path):
    target = tmp_path / "missing" / "decisions.csv"
    assert main(["export", "decisions", "--project", "empact", "-o", str(target)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and str(target) in error and "Traceback" not in error


@pytest.mark.parametrize("kind", ["decisions", "actions"])
def test_a_viewer_may_not_export_from_the_command_line_either(demo_sqlite, capsys, tmp_path, kind):
    target = tmp_path / f"{kind}.csv"
    assert main(["export", kind, "--project", "empact", "--user", "demo-viewer", "-o", str(target)]) == 2
    assert "does not allow this (download)" in capsys.readouterr().err
    assert not target.exists()
    assert main(["export", kind, "--project", "empact", "--user", "demo-academic", "-o", str(target)]) == 0


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_file_names_who_recorded_each_entry_by_display_name(demo_db, capsys, tmp_path, file_format):
    """The export's recorded_by held logins ('demo-steering'): a reader of the file sees the
    name the app shows, the login only for an account without a display name."""
    from models.tables import User

    def exported() -> set[str]:
        output = tmp_path / f"decisions.{file_format}"
        code, _, err = run(
            capsys, "export", "decisions", "--project", "empact", "--format", file_format, "-o", str(output)
        )
        assert (code, err) == (0, "")
        return set(read_export(output, file_format)["recorded_by"])

    with session_scope() as session:
        recorders = set(
            session.exec(
                select(Decision.recorded_by).where(Decision.project_id == get_project("empact").id)
            ).all()
        )
        users = {u.username: u for u in session.exec(select(User)).all()}
        names = {r: users[r].display_name for r in recorders}
    assert recorders and all(names.values()), "the demo's recorders have display names"
    assert exported() == set(names.values())
    with session_scope() as session:
        for user in session.exec(select(User).where(User.username.in_(recorders))).all():
            user.display_name = ""
    assert exported() == recorders
