"""User text is shown as text on every page: a title, a description, a rationale, a meeting's
name, an indicator's definition or a comment holding Markdown or HTML shows those characters and
makes no image (which every reader's browser would fetch), no link and no heading."""

import html
import re

import pytest
from markdown_it import MarkdownIt
from sqlalchemy import text

from dashboard.services.governance import decisions as governance
from dashboard.services.access import actor_for
from models.db import get_engine
from tests.pages.apptest import logged_in, open_page

HOSTILE = (
    "![b](http://host/beacon.png) <img src=x onerror=alert(1)> <script>x</script> [a](javascript:alert(1))"
)
FORGED = "\n\n## Decisions\n\n**9. Forged**"
RENDERER = MarkdownIt("gfm-like")
MARKDOWN_ELEMENTS = (
    "title",
    "header",
    "subheader",
    "markdown",
    "caption",
    "info",
    "warning",
    "error",
    "success",
)


def _fields() -> dict[str, str]:
    return {
        name: f"{name} {HOSTILE}"
        for name in (
            "title",
            "description",
            "rationale",
            "conditions",
            "meeting",
            "location",
            "attendee",
            "definition",
            "comment",
            "round",
        )
    }


@pytest.fixture
def hostile(demo_sqlite) -> dict:
    """The demo with hostile text in each free-text field (as an import or an old version of the
    app could have left it: straight into the database)."""
    fields = _fields()
    actor = actor_for("demo-steering", "chronicopole")
    entry = governance.log_frame(actor).filter(outcome="conditional_go").row(0, named=True)
    with get_engine().begin() as connection:
        project = connection.execute(text("SELECT id FROM project WHERE slug = 'chronicopole'")).scalar_one()
        action = connection.execute(
            text("SELECT id, code FROM action WHERE id = :a"), {"a": entry["action_id"]}
        ).one()
        connection.execute(
            text("UPDATE action SET title = :t, description = :d WHERE id = :a"),
            {"t": fields["title"] + FORGED, "d": fields["description"] + FORGED, "a": action.id},
        )
        connection.execute(
            text("UPDATE decision SET rationale = :r, conditions = :c WHERE id = :d"),
            {"r": fields["rationale"] + FORGED, "c": fields["conditions"], "d": entry["id"]},
        )
        meeting = connection.execute(
            text("SELECT meeting_id FROM decision WHERE id = :d"), {"d": entry["id"]}
        ).scalar_one()
        connection.execute(
            text("UPDATE meeting SET title = :t, location = :l WHERE id = :m"),
            {"t": fields["meeting"], "l": fields["location"], "m": meeting},
        )
        connection.execute(
            text("UPDATE meeting_attendee SET name = :n WHERE meeting_id = :m"),
            {"n": fields["attendee"], "m": meeting},
        )
        indicator = connection.execute(
            text("SELECT id, code FROM indicator WHERE project_id = :p ORDER BY id LIMIT 1"), {"p": project}
        ).one()
        connection.execute(
            text("UPDATE indicator SET definition_en = :d WHERE id = :i"),
            {"d": fields["definition"] + FORGED, "i": indicator.id},
        )
        connection.execute(
            text(
                "INSERT INTO indicator_comment (indicator_id, author, created_at, text) "
                "VALUES (:i, 'demo-academic', CURRENT_TIMESTAMP, :t)"
            ),
            {"i": indicator.id, "t": fields["comment"] + FORGED},
        )
        connection.execute(
            text("UPDATE maturity_round SET name = :n || ' ' || id WHERE project_id = :p"),
            {"n": fields["round"], "p": project},
        )
    return {
        "action": action.code,
        "entry": entry["sequence"],
        "meeting": meeting,
        "indicator": indicator.code,
    }


def _markdown_bodies(at) -> list[str]:  # noqa: ANN001
    bodies = [str(e.value) for kind in MARKDOWN_ELEMENTS for e in getattr(at, kind)]
    bodies += [e.label for e in at.expander] + [m.label for m in at.metric]
    return bodies


def _check(at, expected: list[str]) -> None:  # noqa: ANN001
    """No Markdown element of the page makes an image, a link or a forged heading; each
    expected text is read as typed (in a Markdown element or a text element)."""
    assert not at.exception, [e.value for e in at.exception]
    visible = []
    for body in _markdown_bodies(at):
        rendered = RENDERER.render(body)
        assert not re.search(r"<(img|a|script)\b", rendered), body
        assert "Forged" not in " ".join(re.findall(r"<h\d>(.*?)</h\d>", rendered)), body
        text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())
        assert not re.search(r"https?://[-.\w]", text), body  # remark-gfm would link it
        visible.append(text.replace("\u2060", ""))
    visible += [" ".join(str(e.value).split()) for e in at.text]
    page = "\n".join(visible)
    for name in expected:
        assert f"{name} {HOSTILE}" in page, name


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_hostile_text_shows_as_text_on_every_page(hostile, lang):
    at = logged_in("demo-steering", lang=lang, project="chronicopole")
    at.query_params["action"] = hostile["action"]
    _check(open_page(at, "portfolio"), ["title", "description"])
    at = logged_in("demo-steering", lang=lang, project="chronicopole")
    at.query_params["entry"] = str(hostile["entry"])
    _check(open_page(at, "decisions"), ["title", "rationale", "conditions", "meeting"])
    at = logged_in("demo-steering", lang=lang, project="chronicopole")
    at.session_state["meeting_id"] = hostile["meeting"]
    open_page(at, "meetings")
    _check(at, ["meeting", "title", "rationale"])
    minutes_text = next(m.value for m in at.markdown if m.value.startswith("# "))
    rendered = RENDERER.render(minutes_text)
    for name in ("meeting", "location", "attendee", "title", "rationale", "conditions"):
        assert f"{name} {HOSTILE}" in html.unescape(re.sub(r"<[^>]+>", " ", rendered)).replace(
            "\u2060", ""
        ), name
    at = logged_in("demo-academic", lang=lang, project="chronicopole")
    at.query_params["indicator"] = hostile["indicator"]
    _check(open_page(at, "indicators"), ["comment"] + (["definition"] if lang == "en" else []))
    _check(open_page(logged_in("demo-steering", lang=lang, project="chronicopole"), "maturity"), ["round"])
    _check(open_page(logged_in("demo-steering", lang=lang, project="chronicopole"), "home"), [])


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_hostile_stratum_name_shows_as_text_on_the_risk_map(demo_sqlite, lang):
    """A project's own names of the risk strata (set by its admin) are user text: the map's
    title, the tables' headings and the coverage sentence show them as typed."""
    import json

    names = {str(s): {code: f"stratum {HOSTILE} {s}" for code in ("fr", "nl", "en")} for s in range(4)}
    with get_engine().begin() as connection:
        connection.execute(
            text("UPDATE project SET stratum_labels = :s WHERE slug = 'chronicopole'"),
            {"s": json.dumps(names)},
        )
    at = open_page(logged_in("demo-steering", lang=lang, project="chronicopole"), "risk_map")
    _check(at, ["stratum"])
