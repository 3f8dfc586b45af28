"""Minutes of a committee meeting, in Markdown and PDF: who attended, whether the quorum was
reached, what was decided on each agenda item (with the log's entry numbers), the log's anchor
after the meeting's last decision (to be kept with the signed minutes), and what was left without
a decision."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from dashboard.i18n import plural, t
from dashboard.i18n.formatting import (
    WORD_JOINER,
    format_date,
    format_datetime,
    format_long_date,
    markdown_text,
)
from dashboard.services.governance.meetings import MeetingView
from models import log_seal

UNICODE_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


@dataclass(frozen=True)
class Section:
    """A section of the minutes: its title and its blocks, each a paragraph (one line) or a list
    (lines "- item", sub-items "  - detail"). Markdown-light: **bold** only, so that the PDF
    renders the same lines; every piece of user text in them is escaped (`_text`), so that a
    title or a rationale shows as typed and can neither make a link or an image nor start a
    heading, a list or a bold span of its own."""

    title: str
    blocks: list[list[str]]


def _text(text: object) -> str:
    """User text in a line of the minutes: on one line (a line break would end its list item)
    and escaped for Markdown."""
    return markdown_text(" ".join(str(text).split()))


def minutes_sections(view: MeetingView, project_name: str, lang: str) -> tuple[str, list[Section]]:
    meeting = view.meeting
    title = t("minutes.title", lang=lang, title=_text(meeting["title"]))
    head = [
        f"- **{t('minutes.project', lang=lang)}**: {_text(project_name)}",
        f"- **{t('minutes.date', lang=lang)}**: {format_long_date(meeting['held_on'], lang)}",
    ]
    if meeting["location"]:
        head.append(f"- **{t('minutes.location', lang=lang)}**: {_text(meeting['location'])}")
    present = [a for a in view.attendees if a.present]
    absent = [a for a in view.attendees if not a.present]

    def who(attendee) -> str:  # noqa: ANN001
        role = "" if attendee.is_voting else f" ({t('minutes.non_voting', lang=lang)})"
        partner = f", {_text(attendee.partner)}" if attendee.partner else ""
        return f"- {_text(attendee.name)}{partner}{role}"

    quorum = view.quorum
    attendance = [
        [f"**{t('minutes.expected' if view.coming else 'minutes.present', lang=lang)}** ({len(present)})"]
    ]
    if present:
        attendance.append([who(a) for a in present])
    if absent:
        attendance += [[f"**{t('minutes.absent', lang=lang)}** ({len(absent)})"], [who(a) for a in absent]]
    quorum_key = (
        "minutes.quorum_expected"
        if view.coming
        else "minutes.quorum_reached"
        if quorum.met
        else "minutes.quorum_missed"
    )
    attendance.append(
        [
            t(quorum_key, lang=lang, present=quorum.present, required=quorum.required)
            if view.coming
            else plural(quorum_key, quorum.present, lang, required=quorum.required)
        ]
    )

    decided: list[list[str]] = []
    open_items: list[str] = []
    for number, item in enumerate(view.agenda, start=1):
        state = item.state
        note = (
            f"  - {t('minutes.note', lang=lang)}: {_text(' '.join(item.note.split()))}" if item.note else ""
        )
        if not item.decisions:
            open_items.append(
                f"- {_text(state['code'])} {_text(state['title'])} ({t(f'agenda_reason.{item.reason}', lang=lang)})"
            )
            if note:
                open_items.append(note)
            continue
        decided.append([f"**{number}. {_text(state['code'])} {_text(state['title'])}**"])
        entries = []
        for decision in item.decisions:
            outcome = t(f"outcome.{decision['outcome']}", lang=lang)
            entry = t("minutes.entry", lang=lang, sequence=decision["sequence"])
            if decision["supersedes_id"]:
                entry += (
                    f", {t('minutes.correction', lang=lang)}: {_text(decision['correction_reason'] or '–')}"
                )
            entries.append(f"- **{outcome}** ({entry})")
            if decision["conditions"]:
                entries.append(
                    f"  - {t('decisions.col.conditions', lang=lang)}: {_text(decision['conditions'])}"
                )
            entries.append(f"  - {t('decisions.col.rationale', lang=lang)}: {_text(decision['rationale'])}")
            if decision["review_date"]:
                entries.append(
                    f"  - {t('decisions.col.review_date', lang=lang)}: {format_date(decision['review_date'])}"
                )
            recorded = t(
                "minutes.recorded",
                lang=lang,
                by=_text(decision.get("recorded_by_name") or decision["recorded_by"]),
                at=format_datetime(decision["recorded_at"]),
            )
            entries.append(f"  - {recorded}")
        if note:
            entries.append(note.removeprefix("  "))
        decided.append(entries)
    if decided and view.anchor:
        entries_count, reviews_count, _ = log_seal.parse_anchor(view.anchor)  # type: ignore[misc]
        decided.append(
            [t("minutes.anchor", lang=lang, anchor=view.anchor, entries=entries_count, reviews=reviews_count)]
        )
    sections = (
        [Section("", [[f"**{t('demo.badge', lang=lang)}** — {t('demo.notice', lang=lang)}"]])]
        if view.is_demo
        else []
    )
    sections += [
        Section(t("minutes.general", lang=lang), [head]),
        Section(t("minutes.attendance", lang=lang), attendance),
        Section(t("minutes.decisions", lang=lang), decided or [[t("minutes.no_decision", lang=lang)]]),
    ]
    if open_items:
        sections.append(Section(t("minutes.open_items", lang=lang), [open_items]))
    if view.closed or view.corrections:
        sections.append(Section(t("minutes.corrections", lang=lang), closing_blocks(view, lang)))
    sections.append(
        Section("", [[t("minutes.footer", lang=lang, at=format_datetime(dt.datetime.now(dt.UTC)))]])
    )
    return title, sections


_FIELD_LABELS = {
    "held_on": "minutes.date",
    "title": "meetings.meeting_title",
    "location": "minutes.location",
    "quorum_min": "meetings.quorum_rule",
}


def _attendee_words(text: str, lang: str) -> str:
    attendee = json.loads(text)
    partner = f", {attendee['partner']}" if attendee.get("partner") else ""
    voting = t("minutes.voting", lang=lang) if attendee["is_voting"] else t("minutes.non_voting", lang=lang)
    present = t("minutes.present_one" if attendee["present"] else "minutes.absent_one", lang=lang)
    return f"{_text(attendee['name'])}{partner} ({voting}, {present})"


def correction_words(correction: dict, lang: str) -> str:
    """One change of a closed meeting in words ("Quorum rule: 5 → 4", "attendee added: ...")."""
    field, old, new = correction["field"], correction["old_value"], correction["new_value"]
    if field == "attendee":
        if not old:
            return t("minutes.attendee_added", lang=lang, new=_attendee_words(new, lang))
        if not new:
            return t("minutes.attendee_removed", lang=lang, old=_attendee_words(old, lang))
        return t(
            "minutes.attendee_changed",
            lang=lang,
            old=_attendee_words(old, lang),
            new=_attendee_words(new, lang),
        )
    if field == "agenda":
        key = "minutes.agenda_added" if new else "minutes.agenda_removed"
        return t(key, lang=lang, old=_text(old), new=_text(new))
    if field == "held_on":
        old, new = (format_date(dt.date.fromisoformat(v)) if v else "–" for v in (old, new))
    return t(
        "minutes.changed",
        lang=lang,
        field=t(_FIELD_LABELS.get(field, "minutes.general"), lang=lang),
        old=_text(old) or "–",
        new=_text(new) or "–",
    )


def closing_blocks(view: MeetingView, lang: str) -> list[list[str]]:
    """Who closed the meeting (or that its decisions closed it), then each correction made
    since: when, by whom, what changed from what to what, and why."""
    meeting = view.meeting
    if meeting.get("closed_by"):
        closed = t(
            "minutes.closed_by",
            lang=lang,
            by=view.closed_by_name or meeting["closed_by"],
            at=format_datetime(meeting["closed_at"]),
        )
    else:
        closed = t("minutes.closed_by_decisions", lang=lang)
    blocks = [[closed]]
    lines = [
        "- "
        + t(
            "minutes.correction_line",
            lang=lang,
            at=format_datetime(c["corrected_at"]),
            by=c["corrected_by_name"],
            what=correction_words(c, lang),
            reason=_text(c["reason"]),
        )
        for c in view.corrections
    ]
    if lines:
        blocks.append(lines)
    return blocks


def minutes_markdown(view: MeetingView, project_name: str, lang: str) -> str:
    """The minutes in Markdown: every heading, paragraph and list is a block of its own, with a
    blank line before the next, so that no line runs into the one before when rendered."""
    title, sections = minutes_sections(view, project_name, lang)
    blocks = [f"# {title}"]
    for section in sections:
        if section.title:
            blocks.append(f"## {section.title}")
        blocks += ["\n".join(block) for block in section.blocks]
    return "\n\n".join(blocks) + "\n"


_LATIN1_REPLACEMENTS = {
    "–": "-",
    "—": "-",
    "’": "'",
    "‘": "'",
    "“": '"',
    "”": '"',
    "…": "...",
    "€": "EUR",
    "·": "-",
    "≤": "<=",
    "\u202f": " ",
    "\u00a0": " ",
}


def _latin1(text: str) -> str:
    for character, replacement in _LATIN1_REPLACEMENTS.items():
        text = text.replace(character, replacement)
    return text.encode("latin-1", "replace").decode("latin-1")


def _spans(line: str) -> list[tuple[str, bool]]:
    """A Markdown-light line of the minutes as (text, bold) pieces: "**" switches bold, a
    backslash makes the next character plain text. The PDF is written from these pieces, never
    through a Markdown reader, so user text cannot make a link or a style in it."""
    spans: list[tuple[str, bool]] = []
    line = line.replace(WORD_JOINER, "")  # no bare links in a PDF to break; not every font has it
    bold, piece, index = False, [], 0
    while index < len(line):
        if line[index] == "\\" and index + 1 < len(line):
            piece.append(line[index + 1])
            index += 2
        elif line.startswith("**", index):
            if piece:
                spans.append(("".join(piece), bold))
            bold, piece, index = not bold, [], index + 2
        else:
            piece.append(line[index])
            index += 1
    if piece:
        spans.append(("".join(piece), bold))
    return spans


def plain_line(line: str) -> str:
    """The text a reader sees of a Markdown-light line (what the PDF prints)."""
    return "".join(text for text, _ in _spans(line))


def minutes_pdf(view: MeetingView, project_name: str, lang: str) -> bytes:
    title, sections = minutes_sections(view, project_name, lang)
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 16, 18)
    pdf.set_auto_page_break(True, margin=16)
    font = next((path for path in UNICODE_FONTS if path.exists()), None)
    if font is not None:
        pdf.add_font("body", "", str(font))
        pdf.add_font(
            "body",
            "B",
            str(font.with_name("DejaVuSans-Bold.ttf"))
            if font.with_name("DejaVuSans-Bold.ttf").exists()
            else str(font),
        )
        family, clean = "body", (lambda text: text)
    else:  # the PDF core fonts know Latin-1 only
        family, clean = "helvetica", _latin1
    title = plain_line(title)
    pdf.set_title(clean(title))
    pdf.add_page()
    pdf.set_font(family, "B", 16)
    pdf.multi_cell(0, 8, clean(title), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    for section in sections:
        if section.title:
            pdf.set_font(family, "B", 13)
            pdf.multi_cell(0, 7, clean(section.title), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        pdf.set_font(family, "", 10.5)
        for index, block in enumerate(section.blocks):
            if index:
                pdf.ln(1.5)
            for line in block:
                indent = 6 if line.startswith("  ") else 0
                margin = pdf.l_margin
                pdf.set_left_margin(margin + indent)
                pdf.set_x(margin + indent)
                for text, bold in _spans(line.strip()):
                    pdf.set_font(family, "B" if bold else "", 10.5)
                    pdf.write(5.5, clean(text))
                pdf.ln(5.5)
                pdf.set_left_margin(margin)
        pdf.ln(3)
    return bytes(pdf.output())
