"""Parsing the text of one cell: dates, yes/no, whole and decimal numbers, lists, vocabulary
words. Each parser raises ValueError on text it cannot read; the loaders turn that into a
Problem naming the line and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Mapping
import unicodedata

import polars as pl

TRUE_WORDS = frozenset({"yes", "y", "oui", "o", "ja", "j", "true", "vrai", "waar", "1", "x"})
FALSE_WORDS = frozenset({"no", "n", "non", "nee", "false", "faux", "onwaar", "0"})
EARLIEST_DATE = dt.date(2000, 1, 1)
LATEST_DATE = dt.date(2100, 12, 31)


LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def is_one_line(text: object) -> bool:
    """A title or a name holds no line break (of any kind): in the minutes a break would end
    its line, and a title could make a paragraph or a heading of its own there."""
    return LINE_BREAKS.search(str(text)) is None


def fold(text: str) -> str:
    """Lower case without accents and surrounding or repeated spaces: for matching words."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    without_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", " ", without_accents)


def similar(name: str, candidates: Mapping[str, str], cutoff: float) -> dict[str, float]:
    """{suggestion: likeness} of the candidates whose text looks like `name` (compared without
    case or accents, at least `cutoff` alike); `candidates` maps each text compared to what is
    suggested for it (a region's code to its name)."""
    folded = fold(name)
    found: dict[str, float] = {}
    for text, suggestion in candidates.items():
        ratio = difflib.SequenceMatcher(None, folded, fold(text)).ratio()
        if ratio >= cutoff:
            found[suggestion] = max(found.get(suggestion, 0.0), ratio)
    return found


def closest(name: str, candidates: Iterable[str] | Mapping[str, float], cutoff: float = 0.5) -> str:
    """Up to three suggestions for `name`, closest first, for "did you mean" in a problem:
    from texts (compared as `similar` does), or from {suggestion: likeness} already found."""
    found = (
        candidates if isinstance(candidates, Mapping) else similar(name, {c: c for c in candidates}, cutoff)
    )
    return ", ".join(sorted(found, key=found.__getitem__, reverse=True)[:3])


def parse_bool(text: str | None) -> bool:
    """yes/no, oui/non, ja/nee, true/false, 1/0; empty means no."""
    if text is None or not text.strip():
        return False
    word = fold(text)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(text)


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_BELGIAN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def parse_date(text: str) -> dt.date:
    """YYYY-MM-DD or DD/MM/YYYY, between 2000 and 2100."""
    value = text.strip()
    if match := _ISO.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _BELGIAN.match(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError(text)
    date = dt.date(year, month, day)  # ValueError for 31/02/2021
    if not EARLIEST_DATE <= date <= LATEST_DATE:
        raise ValueError(text)
    return date


def parse_number(text: str) -> float:
    """1234.5, 1234,5, 1 234,5, 1.234,5 or 1,234.5 (the last separator is the decimal one)."""
    value = re.sub(r"[\s\u00a0\u202f€%]", "", text)
    if not re.fullmatch(r"[+-]?[\d.,]*\d[\d.,]*", value):
        raise ValueError(text)
    if "," in value and "." in value:
        decimal = "," if value.rfind(",") > value.rfind(".") else "."
        group = "." if decimal == "," else ","
        value = value.replace(group, "").replace(decimal, ".")
    elif "," in value:
        value = value.replace(",", ".")
    if value.count(".") > 1:
        raise ValueError(text)
    return float(value)


def parse_whole(text: str) -> int:
    """A whole number; "12.0" (as spreadsheets write numbers) is accepted."""
    number = parse_number(text)
    if not number.is_integer():
        raise ValueError(text)
    return int(number)


def split_list(text: str | None) -> list[str]:
    """ "Ieper; Tielt | Izegem" -> ["Ieper", "Tielt", "Izegem"] (`;` or `|` separated)."""
    if not text:
        return []
    return [part.strip() for part in re.split(r"[;|]", text) if part.strip()]


def contains_text(columns: list[str], text: str) -> pl.Expr:
    """Rows where any of `columns` contains `text`, ignoring case and accents (search boxes)."""
    haystack = pl.concat_str([pl.col(c).fill_null("") for c in columns], separator=" ")
    return haystack.map_elements(fold, return_dtype=pl.String).str.contains(fold(text), literal=True)


def match_word(text: str, words: dict[str, str]) -> str:
    """The key a word stands for, given {folded word: key} (keys and labels in any language)."""
    key = words.get(fold(text))
    if key is None:
        raise ValueError(text)
    return key
