"""Importing and exporting action plans (docs/formats/actions.md).

`preview_plan_import` reads and checks a file and works out what it would add, change and leave
alone, without writing. `apply_plan_import` does the same inside one transaction and writes it
all, or raises ValidationFailed and writes nothing. Importing the same file again changes
nothing. Actions absent from the file are listed, never deleted.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

import polars as pl
from sqlmodel import Session, select

from dashboard.errors import ValidationFailed
from dashboard.i18n import catalogue, label_of
from dashboard.permissions import Permission
from dashboard.services.admin import audit
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from dashboard.services.actions.edits import Cause, apply_field_changes, create_action, set_regions
from dashboard.services.exports import to_file_bytes
from dashboard.services.actions.portfolio import actions_frame, actions_frame_of, natural_code_key
from dashboard.services.admin.projects import get_project
from data_loaders.actions import COLUMNS, ActionRow, ParsedPlan, parse_action_plan
from data_loaders.fields import closest, fold
from data_loaders.problems import Problem, Problems, UnreadableFile
from data_loaders.tabular import read_table
from models.db import session_scope
from models.tables import Action, CareRegion, ImportLog, Objective, Partner
from models.vocab import Area, ActionStatus, LANGUAGES

DEFAULT_STATUS = ActionStatus.planned.value
# Which Action field each file column sets.
FIELD_OF_COLUMN = {
    "title": "title",
    "status": "status",
    "status_code": "status",
    "start": "planned_start",
    "end": "planned_end",
    "actual_start": "actual_start",
    "actual_end": "actual_end",
    "social_entrepreneurship": "social_entrepreneurship",
    "target_stratum": "target_stratum",
    "budget_eur": "budget_eur",
    "description": "description",
}


def status_words() -> dict[str, str]:
    """Every accepted way of writing a status: its key, and its label in each language."""
    words = {}
    for status in ActionStatus:
        words[fold(status.value)] = status.value
        words[fold(status.value.replace("_", " "))] = status.value
        for index in range(len(LANGUAGES)):
            words[fold(catalogue()[f"status.{status.value}"][index])] = status.value
    return words


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: object
    new: object


@dataclass(frozen=True)
class PlannedAction:
    code: str
    title: str
    line: int
    changes: tuple[FieldChange, ...]


@dataclass
class PlanPreview:
    """What importing a file would do."""

    file_name: str
    sha256: str = ""
    new_objectives: list[tuple[str, str]] = field(default_factory=list)
    renamed_objectives: list[tuple[str, str, str]] = field(default_factory=list)  # code, old, new
    new_actions: list[PlannedAction] = field(default_factory=list)
    changed_actions: list[PlannedAction] = field(default_factory=list)
    unchanged_actions: list[str] = field(default_factory=list)
    absent_actions: list[tuple[str, str]] = field(default_factory=list)  # kept, not deleted
    new_partners: list[str] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def has_changes(self) -> bool:
        return bool(
            self.new_objectives or self.renamed_objectives or self.new_actions or self.changed_actions
        )


def _region_ids(session: Session, project_id: int) -> tuple[dict[str, int], list[str]]:
    """{folded name or code: id} of the project's regions, and their names (for suggestions)."""
    regions = session.exec(select(CareRegion).where(CareRegion.project_id == project_id)).all()
    lookup = {}
    for region in regions:
        lookup[fold(region.name)] = region.id
        lookup[fold(region.code)] = region.id
    return lookup, [r.name for r in regions]  # type: ignore[return-value]


def _desired(
    row: ActionRow, region_ids: tuple[int, ...] | None, lead_partner: str | None
) -> dict[str, object]:
    """The action's fields as the file wants them (only the columns the file has)."""
    values: dict[str, object] = {"title": row.title}
    given = row.given
    if given & {"status", "status_code"} and row.status is not None:
        values["status"] = row.status
    if "start" in given:
        values["planned_start"] = row.start
    if "end" in given:
        values["planned_end"] = row.end
    if "actual_start" in given:
        values["actual_start"] = row.actual_start
    if "actual_end" in given:
        values["actual_end"] = row.actual_end
    if "social_entrepreneurship" in given:
        values["social_entrepreneurship"] = row.social_entrepreneurship
    if "target_stratum" in given:
        values["target_stratum"] = row.target_stratum
    if "budget_eur" in given:
        values["budget_eur"] = row.budget_eur
    if "description" in given:
        values["description"] = row.description
    if "lead_partner" in given:
        values["lead_partner"] = lead_partner
    if region_ids is not None:
        values["care_regions"] = region_ids
    return values


def _plan(
    session: Session, actor: Actor, content: bytes, file_name: str
) -> tuple[PlanPreview, ParsedPlan | None, dict]:
    preview = PlanPreview(file_name)
    try:
        table = read_table(content, file_name)
    except UnreadableFile as error:
        preview.problems = [Problem(error.key, error.params, file=file_name)]
        return preview, None, {}
    preview.sha256 = table.sha256
    plan = parse_action_plan(table, status_words())
    preview.unknown_columns = plan.unknown_columns
    problems = Problems(file_name, list(plan.problems.items))

    region_lookup, region_names = _region_ids(session, actor.project_id)
    partners = {
        p.name: p.id for p in session.exec(select(Partner).where(Partner.project_id == actor.project_id))
    }
    partners_folded = {fold(name): name for name in partners}
    current = actions_frame_of(actor.project_id, session)
    existing = {row["code"]: row for row in current.iter_rows(named=True)}
    wanted: dict[str, dict[str, object]] = {}
    for row in plan.actions:
        region_ids = None
        if "care_regions" in row.given:
            ids = []
            for name in row.care_regions:
                region_id = region_lookup.get(fold(name))
                if region_id is None:
                    problems.add(
                        "problem.unknown_region",
                        line=row.line,
                        column=plan.column_names["care_regions"],
                        value=name,
                        region=name,
                        closest=closest(name, region_names, cutoff=0.4) or "—",
                    )
                else:
                    ids.append(region_id)
            region_ids = tuple(sorted(set(ids)))
        lead = None
        if row.lead_partner:
            lead = partners_folded.get(fold(row.lead_partner), row.lead_partner)
            if lead not in partners and lead not in preview.new_partners:
                preview.new_partners.append(lead)
        wanted[row.code] = _desired(row, region_ids, lead)
        _check_done_has_actual_end(row, wanted[row.code], existing.get(row.code), plan.column_names, problems)
    preview.problems = problems.items
    if problems:
        return preview, plan, wanted

    objectives = {
        o.code: o for o in session.exec(select(Objective).where(Objective.project_id == actor.project_id))
    }
    named = {o.code: o.title for o in plan.objectives}
    needed = set(named) | {r.strategic_code for r in plan.actions} | {r.objective_code for r in plan.actions}
    for code in sorted(needed, key=lambda c: [int(p) for p in c.split(".")]):
        if code not in objectives:
            preview.new_objectives.append((code, named.get(code, code)))
        elif code in named and named[code] != objectives[code].title:
            preview.renamed_objectives.append((code, objectives[code].title, named[code]))

    current_regions = {row["id"]: row for row in current.iter_rows(named=True)}
    for row in plan.actions:
        values = wanted[row.code]
        now = existing.get(row.code)
        if now is None:
            values.setdefault("status", DEFAULT_STATUS)
            changes = tuple(FieldChange(name, None, value) for name, value in values.items() if _given(value))
            preview.new_actions.append(PlannedAction(row.code, row.title, row.line, changes))
            continue
        changes = []
        for name, value in values.items():
            if name == "care_regions":
                old = tuple(sorted(_ids_of(current_regions[now["id"]], region_lookup)))
            elif name == "lead_partner":
                old = now["lead_partner"]
            else:
                old = now[name]
            if old != value:
                changes.append(FieldChange(name, old, value))
        if changes:
            preview.changed_actions.append(PlannedAction(row.code, row.title, row.line, tuple(changes)))
        else:
            preview.unchanged_actions.append(row.code)
    in_file = {row.code for row in plan.actions}
    preview.absent_actions = [(code, row["title"]) for code, row in existing.items() if code not in in_file]
    return preview, plan, wanted


def _check_done_has_actual_end(
    row: ActionRow,
    values: dict[str, object],
    now: dict | None,
    column_names: dict[str, str],
    problems: Problems,
) -> None:
    """An action the file leaves done needs an actual end: from the file, or already recorded
    when the file has no actual_end column (the same rule as the editors')."""
    status = values.get("status") or (now["status"] if now else DEFAULT_STATUS)
    actual_end = values["actual_end"] if "actual_end" in values else (now["actual_end"] if now else None)
    if status != ActionStatus.done.value or actual_end is not None:
        return
    column = (
        column_names.get("actual_end") or column_names.get("status") or column_names.get("status_code", "")
    )
    problems.add(
        "problem.done_without_actual_end",
        line=row.line,
        column=column,
        value="",
        code=row.code,
        expected_column=column_names.get("actual_end", "actual_end"),
    )


def _given(value: object) -> bool:
    """Whether a new action's value is worth listing: not empty, not "no" (the default), but a
    stratum 0 or a budget of 0 are values (0 == False, so no `value not in (..., False)`)."""
    return value is not None and value is not False and value not in ((), "")


def _ids_of(action_row: dict, region_lookup: dict[str, int]) -> list[int]:
    return [region_lookup[fold(code)] for code in action_row["region_codes"]]


def preview_plan_import(actor: Actor, content: bytes, file_name: str) -> PlanPreview:
    """What importing the file would do; writes nothing."""
    require(actor, Permission.import_data)
    with session_scope() as session:
        preview, _, _ = _plan(session, actor, content, file_name)
        session.rollback()
        return preview


def apply_plan_import(actor: Actor, content: bytes, file_name: str) -> PlanPreview:
    """Import the file: everything it changes, in one transaction, or nothing (ValidationFailed).
    The returned preview says what was done; a file that changes nothing writes nothing."""
    require(actor, Permission.import_data)
    with write_scope(actor, Permission.import_data) as session:
        preview, plan, wanted = _plan(session, actor, content, file_name)
        if preview.problems:
            raise ValidationFailed(preview.problems, "import.refused")
        if not preview.has_changes:
            return preview
        # only a file that changes something is an import worth recording: re-importing
        # the same file writes nothing, not even to the audit log
        audit.log_import(session, actor, "actions", file_name)
        assert plan is not None
        log = ImportLog(
            project_id=actor.project_id,
            kind="actions",
            file_name=file_name,
            file_sha256=preview.sha256,
            imported_by=actor.username,
            summary={
                "new_actions": len(preview.new_actions),
                "changed_actions": len(preview.changed_actions),
                "new_objectives": len(preview.new_objectives),
                "new_partners": preview.new_partners,
            },
        )
        session.add(log)
        session.flush()
        cause = Cause(actor.username, "import", import_id=log.id)
        objective_ids = _write_objectives(session, actor.project_id, preview)
        partner_ids = {
            p.name: p.id for p in session.exec(select(Partner).where(Partner.project_id == actor.project_id))
        }
        for name in preview.new_partners:
            partner = Partner(project_id=actor.project_id, name=name, category="non_profit")
            session.add(partner)
            session.flush()
            partner_ids[name] = partner.id
        actions = {
            a.code: a for a in session.exec(select(Action).where(Action.project_id == actor.project_id))
        }
        touched = {p.code for p in preview.new_actions} | {p.code for p in preview.changed_actions}
        for row in plan.actions:
            if row.code not in touched:
                continue
            values = dict(wanted[row.code])
            regions = values.pop("care_regions", None)
            if "lead_partner" in values:
                lead = values.pop("lead_partner")
                values["lead_partner_id"] = partner_ids[lead] if lead else None
            action = actions.get(row.code)
            if action is None:
                values.setdefault("status", DEFAULT_STATUS)
                action = create_action(
                    session,
                    actor.project_id,
                    objective_ids[row.objective_code],
                    row.code,
                    values,
                    by=actor.username,
                    source="import",
                    import_id=log.id,
                )
            else:
                apply_field_changes(session, action, values, cause)
            if regions is not None:
                set_regions(session, action, regions, cause)
        mark_changed(session, Area.actions)
        return preview


def _write_objectives(session: Session, project_id: int, preview: PlanPreview) -> dict[str, int]:
    objectives = {
        o.code: o for o in session.exec(select(Objective).where(Objective.project_id == project_id))
    }
    for code, _old, new in preview.renamed_objectives:
        objectives[code].title = new
    for code, title in preview.new_objectives:  # strategic before operational (sorted)
        parent = objectives.get(code.split(".")[0]) if "." in code else None
        objective = Objective(
            project_id=project_id,
            code=code,
            title=title,
            level=code.count(".") + 1,
            parent_id=parent.id if parent else None,
        )
        session.add(objective)
        session.flush()
        objectives[code] = objective
    return {code: o.id for code, o in objectives.items()}  # type: ignore[misc]


# ---------------------------------------------------------------- export

# The columns of an exported plan, typed: dates as dates, numbers as numbers, yes/no as a
# boolean, each code beside its label in the reader's language (docs/formats/actions.md).
EXPORT_SCHEMA = {
    "code": pl.String,
    "title": pl.String,
    "status_code": pl.String,
    "status": pl.String,
    "start": pl.Date,
    "end": pl.Date,
    "actual_start": pl.Date,
    "actual_end": pl.Date,
    "lead_partner": pl.String,
    "care_regions": pl.String,
    "social_entrepreneurship": pl.Boolean,
    "target_stratum": pl.Int64,
    "target_stratum_label": pl.String,
    "budget_eur": pl.Float64,
    "description": pl.String,
}
assert set(EXPORT_SCHEMA) == set(COLUMNS)


def plan_frame(actor: Actor, action_codes: Collection[str] | None = None) -> pl.DataFrame:
    """The project's plan in the import format: objective rows, then action rows, by code
    (roles with Permission.download, as on the page). With `action_codes` (the actions a page
    shows after its filters), only those actions and the objectives they sit under."""
    require(actor, Permission.download)
    actions = actions_frame(actor)
    if action_codes is not None:
        actions = actions.filter(pl.col("code").is_in(list(action_codes)))
    with session_scope() as session:
        objectives = session.exec(select(Objective).where(Objective.project_id == actor.project_id)).all()
        if action_codes is not None:
            placed = {*actions["objective_code"], *actions["strategic_code"]}
            objectives = [o for o in objectives if o.code in placed]
        rows = [{"code": o.code, "title": o.title} for o in objectives]
    project = get_project(actor.project_slug)
    for action in actions.iter_rows(named=True):
        stratum = action["target_stratum"]
        rows.append(
            {
                "code": action["code"],
                "title": action["title"],
                # the key, for files and programs, and beside it the label the reader knows
                "status_code": action["status"],
                "status": label_of("status", action["status"]),
                "start": action["planned_start"],
                "end": action["planned_end"],
                "actual_start": action["actual_start"],
                "actual_end": action["actual_end"],
                "lead_partner": action["lead_partner"],
                "care_regions": "; ".join(action["region_names"]) or None,
                "social_entrepreneurship": bool(action["social_entrepreneurship"]),
                "target_stratum": stratum,
                "target_stratum_label": None if stratum is None else project.stratum_label(stratum),
                "budget_eur": action["budget_eur"],
                "description": action["description"] or None,
            }
        )
    frame = pl.DataFrame(rows, schema=EXPORT_SCHEMA)
    return frame.sort(natural_code_key())


def export_plan(actor: Actor, file_format: str) -> bytes:
    return to_file_bytes(plan_frame(actor), file_format, sheet="plan")
