"""The minutes as well-formed Markdown: each heading, paragraph and list a block of its own, so
that nothing runs into the line before when st.markdown (or any Markdown reader) renders it."""

import datetime as dt
import re

import pytest

from dashboard.services.governance import minutes
from dashboard.services.governance.meetings import AgendaEntry, Attendee, MeetingView, Quorum

LIST_LINE = re.compile(r"^(  )?- \S")


def _decision(sequence: int, outcome: str, **extra: object) -> dict:
    return {
        "sequence": sequence,
        "outcome": outcome,
        "supersedes_id": None,
        "correction_reason": None,
        "conditions": None,
        "rationale": "Ready.",
        "review_date": None,
        "recorded_by": "demo-steering",
        "recorded_at": dt.datetime(2026, 6, 25, 15, 20, tzinfo=dt.UTC),
        **extra,
    }


@pytest.fixture
def view() -> MeetingView:
    def state(code: str) -> dict:
        return {"code": code, "title": f"Action {code}"}

    return MeetingView(
        meeting={
            "title": "Comité de pilotage – printemps",
            "held_on": dt.date(2026, 6, 25),
            "location": "Liège",
        },
        attendees=[
            Attendee("Anne", "CPAS", True, True),
            Attendee("Bruno", None, False, True),
            Attendee("Chloé", "LUSS", True, False),
        ],
        quorum=Quorum(present=1, required=1),
        agenda=[
            AgendaEntry(
                1,
                11,
                "proposed",
                state("2.6.3"),
                [
                    _decision(
                        10,
                        "conditional_go",
                        conditions="Funding\nconfirmed.",
                        rationale="Needed.\n\n# not a heading",
                    ),
                    _decision(
                        12,
                        "postponed",
                        supersedes_id=99,
                        correction_reason="Typo.",
                        review_date=dt.date(2026, 12, 8),
                    ),
                ],
            ),
            AgendaEntry(2, 12, "review_due", state("2.7.2"), [_decision(11, "go")]),
            AgendaEntry(3, 13, "late", state("5.1.3"), []),
        ],
    )


def _blocks(text: str) -> list[list[str]]:
    return [block.split("\n") for block in text.strip().split("\n\n")]


def test_every_block_of_the_minutes_stands_apart(view):
    text = minutes.minutes_markdown(view, "Chronicopôle", "fr")
    assert "\n\n\n" not in text
    blocks = _blocks(text)
    for block in blocks:
        if all(LIST_LINE.match(line) for line in block):
            continue  # a list: one item (or sub-item) a line
        # A heading or a paragraph: one line, not a list item run into text or the reverse.
        assert len(block) == 1, block
        assert not LIST_LINE.match(block[0]), block
    firsts = [block[0] for block in blocks]
    for alone in (
        "# Procès-verbal — Comité de pilotage – printemps",
        "## Présences et quorum",
        "**Présents** (2)",
        "**Absents ou excusés** (1)",
        "Quorum atteint : 1 membre votant présent pour 1 requis.",
        "**1. 2.6.3 Action 2.6.3**",
        "**2. 2.7.2 Action 2.7.2**",
        "## Points sans décision",
    ):
        assert alone in firsts, alone
    present = blocks[firsts.index("**Présents** (2)") + 1]
    assert present == ["- Anne, CPAS", "- Bruno (sans droit de vote)"]
    absent = blocks[firsts.index("**Absents ou excusés** (1)") + 1]
    assert absent == ["- Chloé, LUSS"]
    first_item = blocks[firsts.index("**1. 2.6.3 Action 2.6.3**") + 1]
    assert first_item[0] == "- **Go sous conditions** (entrée n° 10)"
    assert "  - Conditions: Funding confirmed." in first_item  # typed line breaks folded
    assert "  - Motivation: Needed. # not a heading" in first_item
    assert "- **Reporté** (entrée n° 12, correction: Typo.)" in first_item
    assert "  - Révision le: 08/12/2026" in first_item
    # Times in Brussels time, as everywhere else in the app.
    assert "  - Encodée par demo-steering le 25/06/2026 17:20." in first_item


def test_the_footer_tells_how_entry_numbers_are_shown(view):
    for lang, words in (("fr", "entre parenthèses"), ("nl", "tussen haakjes"), ("en", "in brackets")):
        text = minutes.minutes_markdown(view, "Chronicopôle", lang)
        assert words in _blocks(text)[-1][0]
        assert re.search(r"\*\* \((entrée n°|item nr\.|entry no\.) 11\)", text), lang


def test_the_pdf_is_built_from_the_same_blocks(view):
    pdf = minutes.minutes_pdf(view, "Chronicopôle", "nl")
    assert pdf.startswith(b"%PDF") and len(pdf) > 2000


def test_the_demo_minutes_say_they_are_synthetic_in_markdown_and_pdf(view, tmp_path):
    """The PDF minutes of the demo read like real ones: nothing said the data were made up."""
    import dataclasses
    import shutil
    import subprocess

    from dashboard.i18n import t

    notice = t("demo.notice", lang="fr")
    assert notice not in minutes.minutes_markdown(view, "Chronicopôle", "fr")
    demo = dataclasses.replace(view, is_demo=True)
    text = minutes.minutes_markdown(demo, "Chronicopôle", "fr")
    assert notice in text.split("## ")[0]  # before the first section
    title, sections = minutes.minutes_sections(demo, "Chronicopôle", "nl")
    assert t("demo.notice", lang="nl") in sections[0].blocks[0][0]  # the PDF's first lines
    if shutil.which("pdftotext") is None:
        return
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(minutes.minutes_pdf(demo, "Chronicopôle", "nl"))
    extracted = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert t("demo.badge", lang="nl") in " ".join(extracted.split())
    assert "synthetische demogegevens" in " ".join(extracted.split())


HOSTILE_TITLE = "Plan\n\n## Decisions\n\n**9. Forged**\n\n- **Go** (entry no. 12)"
HOSTILE = (
    "![b](http://host/beacon.png) <img src=x onerror=alert(1)> <script>x</script> [a](javascript:alert(1))"
)


@pytest.fixture
def hostile(view) -> MeetingView:
    import dataclasses

    decision = _decision(
        10,
        "conditional_go",
        conditions=f"c {HOSTILE}",
        rationale=f"r {HOSTILE}\n\n## Decisions",
        correction_reason=f"w {HOSTILE}",
        supersedes_id=3,
        recorded_by_name=f"n {HOSTILE}",
    )
    return dataclasses.replace(
        view,
        meeting={"title": f"m {HOSTILE}", "held_on": dt.date(2026, 6, 25), "location": f"l {HOSTILE}"},
        attendees=[Attendee(f"a {HOSTILE}", f"p {HOSTILE}", True, True)],
        agenda=[
            AgendaEntry(1, 11, "proposed", {"code": "2.6.3", "title": HOSTILE_TITLE}, [decision]),
            AgendaEntry(2, 12, "late", {"code": "5.1.3", "title": f"o {HOSTILE}"}, []),
        ],
    )


def test_user_text_in_the_minutes_is_text_in_markdown_and_pdf(hostile, tmp_path):
    """A coordinator could forge a decision block with an action title, and every reader's
    browser fetched an image named in a rationale: now each shows as typed, nothing more."""
    import html
    import shutil
    import subprocess

    from markdown_it import MarkdownIt

    text = minutes.minutes_markdown(hostile, "Chronicopôle", "en")
    rendered = MarkdownIt("gfm-like").render(text)
    assert not re.search(r"<(a|img|script|h3|h4)\b", rendered), rendered
    assert re.findall(r"<h2>(.*?)</h2>", rendered) == [
        "Meeting",
        "Attendance and quorum",
        "Decisions",
        "Items without a decision",
    ]
    assert re.findall(r"<p><strong>(\d+)\.", rendered) == ["1"]  # the one real item, no forged one
    assert "<strong>Go</strong>" not in rendered
    visible = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
    assert not re.search(r"https?://[-.\w]|www\.|[-.\w+]@[-\w]", visible)  # no bare link for remark-gfm
    visible = visible.replace("\u2060", "")  # the invisible word joiners that break them
    for prefix in "mlapcrwno":
        assert f"{prefix} {HOSTILE}" in visible, prefix
    assert " ".join(HOSTILE_TITLE.split()) in visible
    pdf = minutes.minutes_pdf(hostile, "Chronicopôle", "en")
    assert b"/URI" not in pdf and b"/Link" not in pdf  # no link annotation in the PDF
    if shutil.which("pdftotext") is None:
        return
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    extracted = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(extracted.split())
    assert f"r {HOSTILE}" in flat and " ".join(HOSTILE_TITLE.split()) in flat
    assert "\\" not in flat  # the escapes are Markdown's, not the reader's
