"""The MACs that seal the governance log (pure functions; the key comes from models.log_key).

Three kinds of seal, each HMAC-SHA256 over canonical JSON with a `kind` so one can never stand
for another:
- an entry: its content and the previous entry's MAC (GENESIS for the first);
- a condition review: its content, its decision's sequence and MAC, and the previous review's MAC;
- the head: the project, how many entries and reviews there are, and the last MAC of each.
Used by the application and by the migration that sealed the logs kept before the key existed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re

GENESIS = "0" * 64
ENTRY_FIELDS = (
    "project_id",
    "sequence",
    "action_id",
    "meeting_id",
    "outcome",
    "conditions",
    "rationale",
    "review_date",
    "recorded_by",
    "recorded_at",
    "evidence",
    "supersedes_id",
    "correction_reason",
)
REVIEW_FIELDS = ("sequence", "met", "note", "recorded_by", "recorded_at")


def canonical(value: object) -> object:
    """A value as every database hands it back: datetimes in UTC to the second, dates ISO."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # SQLite hands back naive UTC
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _mac(key: bytes, payload: dict) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def entry_content(row: object) -> dict:
    return {name: canonical(getattr(row, name)) for name in ENTRY_FIELDS}


def entry_mac(key: bytes, content: dict, previous: str) -> str:
    return _mac(key, {"kind": "entry", "content": content, "previous": previous})


def review_content(row: object, project_id: int, decision_sequence: int, decision_mac: str) -> dict:
    content = {name: canonical(getattr(row, name)) for name in REVIEW_FIELDS}
    content["met"] = bool(content["met"])
    return {
        **content,
        "project_id": project_id,
        "decision_sequence": decision_sequence,
        "decision_mac": decision_mac,
    }


def review_mac(key: bytes, content: dict, previous: str) -> str:
    return _mac(key, {"kind": "review", "content": content, "previous": previous})


def head_mac(
    key: bytes, project_id: int, entries: int, last_mac: str, reviews: int, last_review_mac: str
) -> str:
    return _mac(
        key,
        {
            "kind": "head",
            "project_id": project_id,
            "entries": entries,
            "last_mac": last_mac,
            "reviews": reviews,
            "last_review_mac": last_review_mac,
        },
    )


def macs_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


# An anchor: the state of the log at one moment (how many entries and condition reviews, and
# a MAC over the last of each), short enough for a committee to write in its minutes, e.g.
# "13-2-3f9a1c2b4d5e6f70". A log that later lost entries or reviews, or was rewritten up to
# them (even by someone holding the key, who cannot make a different log with the same MAC),
# no longer matches it; entries appended later do not change it.
ANCHOR_DIGITS = 16
_ANCHOR = re.compile(r"^\s*(\d{1,9})-(\d{1,9})-([0-9a-fA-F]{%d})\s*$" % ANCHOR_DIGITS)


def anchor_mac(
    key: bytes, project_id: int, entries: int, last_mac: str, reviews: int, last_review_mac: str
) -> str:
    return _mac(
        key,
        {
            "kind": "anchor",
            "project_id": project_id,
            "entries": entries,
            "last_mac": last_mac,
            "reviews": reviews,
            "last_review_mac": last_review_mac,
        },
    )


def format_anchor(entries: int, reviews: int, mac: str) -> str:
    return f"{entries}-{reviews}-{mac[:ANCHOR_DIGITS]}"


def parse_anchor(text: str) -> tuple[int, int, str] | None:
    """(entries, reviews, MAC digits) of an anchor as written, or None if it is not one."""
    match = _ANCHOR.match(text or "")
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), match.group(3).lower()
