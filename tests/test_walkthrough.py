"""docs/formats/README.md's "new consortium in ten minutes": its commands, run as written on an
empty database, make a populated project; run again, every import changes nothing."""

import io
import shlex
import sys
from pathlib import Path

import polars as pl
import pytest
from sqlmodel import select

from dashboard.cli import main
from models.db import session_scope
from models.tables import Action, CareRegion, IndicatorValue, RiskCount, SurveyRespondent

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "docs" / "formats" / "README.md"


def walkthrough_commands() -> list[tuple[list[str], str | None]]:
    """The section's shell block: each line's `python -m dashboard` arguments, and what a
    `printf ... |` in front of it writes to the command's standard input."""
    text = README.read_text(encoding="utf-8")
    section = text.split("## A new consortium in ten minutes", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.strip().splitlines():
        stdin = None
        if "|" in line and line.startswith("printf"):
            feed, line = (part.strip() for part in line.split("|", 1))
            stdin = shlex.split(feed)[-1] + "\n"
        words = shlex.split(line)
        assert words[:3] == ["python", "-m", "dashboard"], line
        commands.append((words[3:], stdin))
    return commands


def run(arguments: list[str], stdin: str | None, capsys, monkeypatch) -> tuple[int, str]:
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(arguments)
    out, err = capsys.readouterr()
    return code, out + err


def test_the_documented_walkthrough_populates_a_new_project(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("LIVINGLAB_DATABASE_URL", f"sqlite:///{tmp_path / 'new.db'}")
    monkeypatch.chdir(ROOT)  # the block names the files from the repository root
    commands = walkthrough_commands()
    named = {
        Path(word).name for arguments, _ in commands for word in arguments if word.startswith("docs/formats/")
    }
    assert named == {path.name for path in README.parent.glob("*-example.*")}  # every example
    for arguments, stdin in commands:
        code, printed = run(arguments, stdin, capsys, monkeypatch)
        assert code == 0, f"{shlex.join(arguments)}:\n{printed}"
        assert "refused" not in printed
    for arguments, stdin in commands:
        if arguments[0] == "import":
            code, printed = run(arguments, stdin, capsys, monkeypatch)
            assert code == 0 and "nothing to change" in printed, shlex.join(arguments)

    with session_scope() as session:
        regions = session.exec(select(CareRegion)).all()
        assert sorted(r.code for r in regions) == ["DIK", "IEP", "IZE", "POP", "ROE", "TIE"]
        assert all(r.geometry and r.municipality_nis for r in regions)
        assert {r.code: r.population for r in regions}["ROE"] == 74050  # population-example
        assert len(session.exec(select(Action)).all()) == 3
        assert len(session.exec(select(SurveyRespondent)).all()) > 0
        counts = pl.DataFrame(
            [{"region": r.region_id, "year": r.year} for r in session.exec(select(RiskCount)).all()]
        )
        assert counts.unique().height == 4  # Ieper, Poperinge 2025; Roeselare, Tielt 2024
        assert len(session.exec(select(IndicatorValue)).all()) >= 8


@pytest.mark.parametrize(
    "line",
    [cmd for cmd, _ in walkthrough_commands() if cmd[0] == "import"],
    ids=lambda c: c[2].split("/")[-1],
)
def test_every_walkthrough_file_is_an_example_of_this_folder(line):
    assert (ROOT / line[2]).parent == README.parent and (ROOT / line[2]).exists()
