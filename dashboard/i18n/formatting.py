"""Belgian number, percentage and date formats (CLDR fr-BE, nl-BE, en-BE: decimal comma,
dates day/month/year)."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from dashboard.i18n import current_language, t

BRUSSELS = ZoneInfo("Europe/Brussels")
_GROUP = {"fr": "\u202f", "nl": ".", "en": "."}  # fr-BE groups with a narrow no-break space
_DECIMAL = ","


def format_number(value: float | int | None, decimals: int = 0, lang: str | None = None) -> str:
    if value is None:
        return "–"
    lang = lang or current_language()
    text = f"{value:,.{decimals}f}"  # 1,234,567.89
    return text.replace(",", "\x00").replace(".", _DECIMAL).replace("\x00", _GROUP[lang])


def format_percent(share: float | None, decimals: int = 0, lang: str | None = None) -> str:
    """A share in 0..1 as a percentage: 0.456 -> "45,6 %" (fr) / "45,6%" (nl, en)."""
    if share is None:
        return "–"
    lang = lang or current_language()
    number = format_number(share * 100, decimals, lang)
    return f"{number}\u00a0%" if lang == "fr" else f"{number}%"


def format_eur(value: float | None, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return f"{format_number(value, 0, lang)}\u00a0€"


def format_date(value: dt.date | None, lang: str | None = None) -> str:
    if value is None:
        return "–"
    return value.strftime("%d/%m/%Y")


def format_long_date(value: dt.date | None, lang: str | None = None) -> str:
    """22 novembre 2026 / 22 november 2026 / 22 November 2026."""
    if value is None:
        return "–"
    month = t(f"month.{value.month}", lang=lang)
    return f"{value.day} {month} {value.year}"


def format_short_date(value: dt.date | None, lang: str | None = None) -> str:
    """8 déc. 2026 / 8 dec. 2026 / 8 Dec 2026: a date that fits a key-figure tile."""
    if value is None:
        return "–"
    return f"{value.day} {t(f'month_short.{value.month}', lang=lang)} {value.year}"


def format_datetime(value: dt.datetime | None, lang: str | None = None) -> str:
    """A UTC timestamp shown in Brussels time, e.g. 22/11/2026 14:05."""
    if value is None:
        return "–"
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(BRUSSELS).strftime("%d/%m/%Y %H:%M")


# Characters that start Markdown anywhere in a line (emphasis, code, links and images, raw HTML,
# tables, strikethrough, Streamlit's LaTeX, entities) and those that start a block at the head of
# a line (headings, quotes, lists, setext underlines, numbered lists).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>!|~$&])")
_MD_BLOCK_START = re.compile(r"^(?:([#>]|[+=-](?=[\s+=-]|$))|(\d+)([.)])(?=\s|$))")
# A colon that would start a URL scheme (http:, javascript:), an emoji or icon code (:smile:,
# :material/x:) or a coloured span (:red[...]); an "@" of an e-mail address; "www." of a web
# address (times such as 14:05 stay as they are). A backslash is not enough for these: GitHub's
# bare links, emoji and icons are found in the text after the escapes are read (remark-gfm's
# autolink literals link "http://host" whatever the backslashes). An invisible WORD JOINER
# (U+2060) beside the character breaks those patterns; readers see the text unchanged.
WORD_JOINER = "\u2060"
_MD_LINKISH = re.compile(r"(:(?=[^\s\d])|@|(?<=www)\.)", re.IGNORECASE)
_LINKISH_ESCAPE = {":": f"\\:{WORD_JOINER}", "@": f"{WORD_JOINER}\\@", ".": f"{WORD_JOINER}\\."}


def _escape_block_start(match: re.Match) -> str:
    marker, digits, dot = match.groups()
    return f"\\{marker}" if marker else f"{digits}\\{dot}"


def markdown_text(text: object) -> str:
    """User text (a title, a name, a rationale) to put inside Markdown and be shown as typed:
    every character that Markdown, GitHub's extensions or Streamlit would read as markup is
    escaped with a backslash, so that `![b](http://host/x.png)` shows those characters and
    fetches nothing, `<script>` is text, and "\\n\\n## Decisions" makes no heading. Line breaks
    are kept (a block start at the head of each line is escaped too; leading spaces, which
    would make a code block, are dropped). The one escaping function of the app: pages and the
    Markdown and PDF minutes use it."""
    lines = []
    for line in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _MD_LINKISH.sub(lambda m: _LINKISH_ESCAPE[m.group(0)], _MD_INLINE.sub(r"\\\1", line.lstrip()))
        lines.append(_MD_BLOCK_START.sub(_escape_block_start, line))
    return "\n".join(lines)


# Vega-Lite's d3 locale, so that chart axes and tooltips use the same conventions.
def vega_locale(lang: str | None = None) -> dict:
    lang = lang or current_language()
    months = [t(f"month.{m}", lang=lang) for m in range(1, 13)]
    days = [t(f"weekday.{d}", lang=lang) for d in range(7)]  # Sunday first, as d3 expects
    return {
        "number": {
            "decimal": _DECIMAL,
            "thousands": _GROUP[lang],
            "grouping": [3],
            "currency": ["", "\u00a0€"],
            "percent": "\u202f%" if lang == "fr" else "%",
        },
        "time": {
            "dateTime": "%A %e %B %Y, %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": days,
            "shortDays": [d[:3] for d in days],
            "months": months,
            "shortMonths": [t(f"month_short.{m}", lang=lang) for m in range(1, 13)],
        },
    }
