"""The meeting pack (issue 14 item 4): the demo's last meeting gives a complete PDF in FR, NL and
EN; small cells are printed as on screen; the CLI; who may take it."""

from __future__ import annotations

import datetime as dt
import io
import re

import polars as pl
import pytest
from pypdf import PdfReader

from dashboard.cli import main
from dashboard.errors import PermissionDenied
from dashboard.i18n import t
from dashboard.services.access import actor_for, cli_actor
from dashboard.services.admin.projects import get_project
from dashboard.presenters.governance import since_sections
from dashboard.presenters import meeting_pack as pack
from dashboard.services.governance import meetings
from dashboard.services.governance.since import changes_since
from dashboard.services.population.risk import RiskView
from dashboard.services.suppression import SUPPRESSED_TEXT
from dashboard import clock


def last_meeting(actor) -> dict:  # noqa: ANN001
    """The latest meeting held, with decisions (the demo's last committee)."""
    listing = meetings.meetings_list(actor).filter(pl.col("held_on") <= clock.today())
    return listing.sort("held_on", descending=True).row(0, named=True)


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_demos_last_meeting_gives_a_complete_pack(demo_sqlite, lang):
    actor = actor_for("demo-steering", "chronicopole")
    meeting = last_meeting(actor)
    view = meetings.meeting_view(actor, meeting["id"])
    assert any(item.decisions for item in view.agenda)  # the pack has decisions to show
    pdf = pack.meeting_pack(actor, meeting_id=meeting["id"], lang=lang)
    reader = PdfReader(io.BytesIO(pdf))
    pages = [page.extract_text() for page in reader.pages]
    count = len(pages)
    assert count >= 8
    # Cover: the project, the meeting, its date, the filters in force and the demo notice.
    cover = pages[0]
    assert t("pack.title", lang=lang) in cover and meeting["title"] in cover
    assert t("pack.filters.actions", lang=lang) in cover and t("pack.filters.risk", lang=lang) in cover
    assert t("demo.badge", lang=lang) in cover
    # Every page numbered; the contents list each section with the page it starts on.
    for number, text in enumerate(pages, start=1):
        assert t("pack.page", lang=lang, page=number, pages=count) in text
    contents = pages[1]
    assert t("pack.contents", lang=lang) in contents
    outline = {item.title: reader.get_destination_page_number(item) + 1 for item in reader.outline}
    for key in pack.SECTIONS:
        title = t(f"pack.section.{key}", lang=lang)
        assert title in outline, title
        assert re.search(re.escape(title) + r"[ .]*" + str(outline[title]), contents), title
        assert title in pages[outline[title] - 1]
    # Charts as pictures: the Gantt, the map and the survey's chart.
    for key in ("gantt", "risk", "survey"):
        page = reader.pages[outline[t(f"pack.section.{key}", lang=lang)] - 1]
        assert page.images, key
    # The agenda and every decision of the meeting with what the committee saw.
    text = "\n".join(pages)
    flat = " ".join(text.split())
    for item in view.agenda:
        assert item.state["code"] in text
        for decision in item.decisions:
            assert " ".join(decision["rationale"].split()) in flat
    assert t("pack.evidence", lang=lang) in text
    # "Since the last meeting": the page's report of the window before this meeting.
    report = changes_since(actor, meeting_id=meeting["id"])
    lines = [line.text for part in since_sections(report, lang) for line in part.lines]
    assert lines  # the demo's last meeting follows changes
    for line in lines:
        assert " ".join(line.split()) in flat, line


def test_a_pack_for_a_date_without_a_meeting_says_so(demo_sqlite):
    actor = actor_for("demo-steering", "chronicopole")
    content = pack.pack_content(actor, on=dt.date(2001, 1, 2), lang="en")
    assert content.meeting == "" and content.held_on == dt.date(2001, 1, 2)
    assert t("pack.no_meeting_agenda", lang="en") in content.text()


def test_small_counts_are_printed_as_on_screen(demo_sqlite):
    """In the narrowest view (one age band, one sex) some risk cells are below 5: the pack
    prints them "< 5" and no count under 5 appears in its tables."""
    from dashboard.services.population import risk

    actor = actor_for("demo-steering", "chronicopole")
    base = risk.load_risk_base(actor)
    view = RiskView(year=base.years[-1], age_band=base.age_bands[0], sex=base.sexes[0], stratum=3)
    content = pack.pack_content(actor, lang="en", risk_view=view)
    section = next(s for s in content.sections if s.key == "risk")
    tables = [b for b in section.blocks if isinstance(b, pack.Table)]
    project = get_project("chronicopole")
    counts = {t("risk.col.population", lang="en"), t("risk.col.persons", lang="en")}
    counts |= {project.stratum_label(s, "en") for s in range(4)}
    cells = [
        cell
        for table in tables
        for row in table.rows
        for header, cell in zip(table.headers, row, strict=True)
        if header in counts
    ]
    assert SUPPRESSED_TEXT in cells  # the view has small cells, so the check below can fail
    for cell in cells:
        if re.fullmatch(r"[\d\u202f\u00a0 .]+", cell):
            assert int(re.sub(r"\D", "", cell)) >= 5, cell
    # The same cells as the Risk map page's table for that view.
    data = risk.with_parts(
        base, cells=risk.load_year_cells(actor, [view.year]), coverage=risk.load_coverage(actor, base.regions)
    )
    table = risk.region_table(data, view)
    hidden = table.filter(pl.col("persons_suppressed")).height
    assert hidden and sum(row[3] == SUPPRESSED_TEXT for row in tables[0].rows) == hidden


def test_who_may_take_the_pack(demo_sqlite):
    """The pack holds the pages' figures and pictures: the roles that may download take it."""
    viewer = actor_for("demo-viewer", "empact")
    with pytest.raises(PermissionDenied):
        pack.pack_content(viewer, lang="fr")
    for username in ("demo-academic", "demo-coordinator", "demo-steering", "demo-admin"):
        assert pack.pack_content(actor_for(username, "empact"), lang="fr").sections


def test_the_command_writes_the_pack(demo_sqlite, capsys, tmp_path):
    actor = cli_actor("chronicopole")
    meeting = last_meeting(actor)
    target = tmp_path / "pack.pdf"
    args = ["export", "meeting-pack", "--project", "chronicopole", "--lang", "nl", "-o", str(target)]
    assert main([*args, "--meeting", str(meeting["id"])]) == 0
    assert t("pack.title", lang="nl") in pages_text(target.read_bytes())[0]
    target.unlink()
    assert main([*args, "--date", meeting["held_on"].isoformat()]) == 0
    assert meeting["title"] in pages_text(target.read_bytes())[0]


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--project", "nowhere"], "Unknown project: nowhere"),
        (["--project", "chronicopole", "--meeting", "999"], "Unknown meeting: 999"),
        (["--project", "chronicopole", "--date", "07/11/2026"], "expected a date as YYYY-MM-DD"),
        (["--project", "chronicopole", "--lang", "de"], "invalid choice: 'de'"),
        (["--project", "empact", "--user", "demo-viewer"], "does not allow this (download)"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(demo_sqlite, capsys, tmp_path, args, expected):
    target = tmp_path / "pack.pdf"
    code = main(["export", "meeting-pack", *args, "-o", str(target)])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
    assert not target.exists()


def test_two_meetings_on_one_date_are_refused_not_guessed(demo_sqlite, capsys, tmp_path):
    actor = actor_for("demo-steering", "chronicopole")
    day = clock.today() + dt.timedelta(days=40)
    first = meetings.create_meeting(actor, day, "One")
    second = meetings.create_meeting(actor, day, "Two")
    target = tmp_path / "pack.pdf"
    code = main(
        ["export", "meeting-pack", "--project", "chronicopole", "--date", day.isoformat(), "-o", str(target)]
    )
    err = capsys.readouterr().err
    assert code == 2 and f"{first}, {second}" in err and err.count("\n") == 1
    assert not target.exists()
