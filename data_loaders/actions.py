"""Action plans (CSV / XLSX): parsing and checking a file on its own, before the service checks it
against the project (care regions, partners) and works out what would change.

Format (docs/formats/actions.md): columns `code` and `title` required; `status_code`, `status`,
`start`, `end`, `actual_start`, `actual_end`, `lead_partner`, `care_regions`,
`social_entrepreneurship`, `target_stratum`, `budget_eur`, `description` optional, and
`target_stratum_label` (written by exports for the reader, not read). Codes carry the hierarchy: "2" strategic objective, "2.3" operational
objective, "2.3.1" action.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from data_loaders.fields import (
    is_one_line,
    match_word,
    parse_bool,
    parse_date,
    parse_number,
    parse_whole,
    split_list,
)
from data_loaders.problems import Problems
from data_loaders.tabular import Table, map_columns

REQUIRED = ("code", "title")
OPTIONAL = (
    "status_code",
    "status",
    "start",
    "end",
    "actual_start",
    "actual_end",
    "lead_partner",
    "care_regions",
    "social_entrepreneurship",
    "target_stratum",
    "target_stratum_label",
    "budget_eur",
    "description",
)
COLUMNS = REQUIRED + OPTIONAL
# Columns an export writes beside a code for the reader (the label of the code): known, so not
# reported as unknown, but not read (the code beside them is).
LABEL_COLUMNS = frozenset({"target_stratum_label"})
# Column names also accepted, as coordinators' own sheets name them (compared without case or
# accents: "Intitulé" matches "intitule").
ALIASES = {
    "code": ("code", "numero", "nummer"),
    "title": ("titre", "intitule", "titel", "naam", "action", "actie"),
    "status": ("statut", "etat", "staat"),
    "start": ("debut", "date de debut", "debut prevu", "begin", "startdatum", "planned start"),
    "end": ("fin", "date de fin", "fin prevue", "einde", "eind", "einddatum", "planned end"),
    "actual_start": ("debut reel", "werkelijke start", "actual start"),
    "actual_end": ("fin reelle", "werkelijk einde", "actual end"),
    "status_code": ("code statut", "statuscode", "status code"),
    "lead_partner": ("partenaire pilote", "porteur", "trekker", "lead partner", "pilote"),
    "care_regions": ("regions", "regions de soins", "zorgregio's", "zorgregios", "regio's", "care regions"),
    "social_entrepreneurship": (
        "entrepreneuriat social",
        "sociaal ondernemerschap",
        "social entrepreneurship",
    ),
    "target_stratum": ("strate", "strate cible", "stratum", "doelgroep", "target stratum"),
    "budget_eur": ("budget", "budget eur", "budget euro"),
    "description": ("beschrijving", "omschrijving"),
}
CODE_PATTERN = re.compile(r"^\d+(\.\d+){0,2}$")


@dataclass(frozen=True)
class ObjectiveRow:
    code: str
    title: str
    line: int

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


@dataclass(frozen=True)
class ActionRow:
    """An action as the file describes it. `given` lists the optional columns the file has:
    a column the file lacks leaves the action's current value alone."""

    line: int
    code: str
    title: str
    given: frozenset[str]
    status: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    lead_partner: str | None = None
    care_regions: tuple[str, ...] = ()
    social_entrepreneurship: bool = False
    target_stratum: int | None = None
    budget_eur: float | None = None
    description: str = ""

    @property
    def objective_code(self) -> str:
        return self.code.rsplit(".", 1)[0]

    @property
    def strategic_code(self) -> str:
        return self.code.split(".", 1)[0]


@dataclass
class ParsedPlan:
    file_name: str
    objectives: list[ObjectiveRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    column_names: dict[str, str] = field(default_factory=dict)  # our name -> header as written


def parse_action_plan(table: Table, status_words: dict[str, str]) -> ParsedPlan:
    """Read every row, collecting every problem (not only the first).

    `status_words` maps each accepted status word, folded (keys and labels in French, Dutch and
    English), to its key.
    """
    plan = ParsedPlan(table.file_name, problems=Problems(table.file_name))
    problems = plan.problems
    columns = map_columns(table, COLUMNS, REQUIRED, ALIASES, problems)
    plan.column_names, plan.unknown_columns = columns.names, columns.unknown
    missing = columns.missing
    if missing:
        return plan

    col = plan.column_names
    given = frozenset(name for name in OPTIONAL if name in col and name not in LABEL_COLUMNS)
    lines_by_code: dict[str, int] = {}
    broken_codes: set[str] = set()
    for row, line in zip(table.rows, table.lines, strict=True):
        code = row.get(col["code"])
        title = row.get(col["title"])
        if code is None:
            problems.add("problem.empty_cell", line=line, column=col["code"])
            continue
        code = code.rstrip(".")
        if not CODE_PATTERN.match(code):
            problems.add("problem.bad_code", line=line, column=col["code"], value=code)
            continue
        if code in lines_by_code:
            problems.add(
                "problem.duplicate_code",
                line=line,
                column=col["code"],
                value=code,
                first_line=lines_by_code[code],
            )
            broken_codes.add(code)
            continue
        lines_by_code[code] = line
        if title is not None and not is_one_line(title):
            problems.add("problem.line_break", line=line, column=col["title"], value=title)
            broken_codes.add(code)
            continue
        if code.count(".") < 2:
            if title is None:
                problems.add("problem.empty_cell", line=line, column=col["title"])
                broken_codes.add(code)
            else:
                plan.objectives.append(ObjectiveRow(code, title, line))
            continue
        if title is None:
            problems.add("problem.empty_cell", line=line, column=col["title"])
            continue
        action = _parse_action(row, line, code, title, given, col, status_words, problems)
        if action is not None:
            plan.actions.append(action)

    for action in plan.actions:
        for parent in (action.strategic_code, action.objective_code):
            if parent in broken_codes:
                problems.add(
                    "problem.parent_not_placed",
                    line=action.line,
                    column=col["code"],
                    value=action.code,
                    parent=parent,
                    parent_line=lines_by_code[parent],
                )
                break
    return plan


def _parse_action(
    row: dict,
    line: int,
    code: str,
    title: str,
    given: frozenset[str],
    col: dict[str, str],
    status_words: dict[str, str],
    problems: Problems,
) -> ActionRow | None:
    before = len(problems)
    values: dict[str, object] = {}

    def cell(name: str) -> str | None:
        return row.get(col[name]) if name in col else None

    keys = sorted(set(status_words.values()))
    # The status as a key (`status_code`, as exports write it) or a word in any language
    # (`status`, its label): both read, and when both are given they must agree.
    if (text := cell("status_code")) is not None:
        if text.strip() in keys:
            values["status"] = text.strip()
        else:
            problems.add(
                "problem.unknown_status_code",
                line=line,
                column=col["status_code"],
                value=text,
                expected=", ".join(keys),
            )
    if (text := cell("status")) is not None:
        try:
            status = match_word(text, status_words)
        except ValueError:
            problems.add(
                "problem.unknown_status",
                line=line,
                column=col["status"],
                value=text,
                expected=", ".join(keys),
            )
        else:
            if values.get("status", status) != status:
                problems.add(
                    "problem.status_disagrees",
                    line=line,
                    column=col["status"],
                    value=text,
                    code=values["status"],
                    code_column=col["status_code"],
                )
            values["status"] = status
    for name in ("start", "end", "actual_start", "actual_end"):
        if (text := cell(name)) is not None:
            try:
                values[name] = parse_date(text)
            except ValueError:
                problems.add("problem.bad_date", line=line, column=col[name], value=text)
    for start, end in (("start", "end"), ("actual_start", "actual_end")):
        if values.get(start) and values.get(end) and values[end] < values[start]:
            problems.add(
                "problem.end_before_start", line=line, column=col[end], value=cell(end), start=cell(start)
            )
    if (text := cell("social_entrepreneurship")) is not None:
        try:
            values["social_entrepreneurship"] = parse_bool(text)
        except ValueError:
            problems.add("problem.bad_yes_no", line=line, column=col["social_entrepreneurship"], value=text)
    if (text := cell("target_stratum")) is not None:
        try:
            stratum = parse_whole(text)
            if not 0 <= stratum <= 3:
                raise ValueError(text)
            values["target_stratum"] = stratum
        except ValueError:
            problems.add("problem.bad_stratum", line=line, column=col["target_stratum"], value=text)
    if (text := cell("budget_eur")) is not None:
        try:
            budget = parse_number(text)
            if budget < 0:
                problems.add("problem.negative_budget", line=line, column=col["budget_eur"], value=text)
            values["budget_eur"] = budget
        except ValueError:
            problems.add("problem.bad_number", line=line, column=col["budget_eur"], value=text)
    if (text := cell("lead_partner")) is not None and not is_one_line(text):
        problems.add("problem.line_break", line=line, column=col["lead_partner"], value=text)
    if len(problems) > before:
        return None
    return ActionRow(
        line=line,
        code=code,
        title=title,
        given=given,
        status=values.get("status"),  # type: ignore[arg-type]
        start=values.get("start"),
        end=values.get("end"),  # type: ignore[arg-type]
        actual_start=values.get("actual_start"),  # type: ignore[arg-type]
        actual_end=values.get("actual_end"),  # type: ignore[arg-type]
        lead_partner=cell("lead_partner"),
        care_regions=tuple(split_list(cell("care_regions"))),
        social_entrepreneurship=bool(values.get("social_entrepreneurship", False)),
        target_stratum=values.get("target_stratum"),  # type: ignore[arg-type]
        budget_eur=values.get("budget_eur"),  # type: ignore[arg-type]
        description=cell("description") or "",
    )
