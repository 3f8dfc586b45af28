"""Turning what a user typed in the action editors into commands for services.actions, and
keeping the actions as the user saw them.

`st.data_editor` hands back its edits as {row: {column: value}} with labels (status, stratum,
partner and region names) and dates as text; the service wants keys, ids and dates. The service
validates everything again: the editor's own checks are only a convenience.

Every edit carries the version of the action the user was looking at, so that the service refuses
a save over someone else's newer change (optimistic locking) instead of silently undoing it. The
page must therefore not re-read the actions on each rerun: it keeps the actions it showed
(`SeenActions`) until the user saves, reloads, or opens the page again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any
from dataclasses import dataclass, replace

import polars as pl
import streamlit as st

from data_loaders.fields import parse_date
from data_loaders.problems import Problems
from dashboard.errors import ConflictError, DashboardError, ValidationFailed
from dashboard.i18n import current_language, has, label, plural, t
from dashboard.i18n.formatting import format_date, format_datetime, format_number
from dashboard.services.access import Actor
from dashboard.services.actions import edits as action_commands
from dashboard.services.actions import portfolio
from dashboard.services.actions.edits import ActionEdit
from dashboard.ui.actions.portfolio import filter_bar
from dashboard.ui.components import error_markdown, show_error, show_table
from dashboard.ui.context import PageContext
from models.tables import utcnow
from models.vocab import ActionStatus

EDITOR_COLUMNS = (
    "code",
    "title",
    "status",
    "planned_start",
    "planned_end",
    "actual_start",
    "actual_end",
    "lead_partner",
    "regions",
    "target_stratum",
    "social_entrepreneurship",
    "budget_eur",
)
# What the one-action form edits on top of the editor's columns.
FORM_COLUMNS = (*EDITOR_COLUMNS[1:], "description", "partners", "time_bank_hours")
DATE_COLUMNS = ("planned_start", "planned_end", "actual_start", "actual_end")
_COLUMN_LABELS = {
    "target_stratum": "portfolio.col.stratum",
    "social_entrepreneurship": "portfolio.col.se",
    "budget_eur": "portfolio.col.budget",
    "time_bank_hours": "portfolio.col.time_bank",
}

SEEN_KEY = "update_seen_actions"
CONFLICT_KEY = "update_conflict"
SAVED_KEY = "update_saved"  # the message of a save, shown after the rerun it causes
CHOSEN_KEY = "update_chosen_action"  # the one-action form's action, kept across reads
_READS_KEY = "update_reads"


@dataclass(frozen=True)
class Vocabulary:
    """Labels shown in the editors and what they stand for."""

    statuses: dict[str, str]  # label -> key
    strata: dict[str, int]  # label -> stratum
    partners: dict[str, int]  # name -> id
    regions: dict[str, int]  # name -> id

    def status_labels(self) -> dict[str, str]:
        return {key: label for label, key in self.statuses.items()}

    def stratum_labels(self) -> dict[int, str]:
        return {value: label for label, value in self.strata.items()}


# ---------------------------------------------------------------- the actions as the user saw them


@dataclass(frozen=True)
class SeenActions:
    """The project's actions as read for the editors, and which read this is."""

    project_id: int
    actions: pl.DataFrame
    read_at: dt.datetime
    read_number: int

    @property
    def editor_key(self) -> str:
        # A new grid for each read: edits typed over an older read must not reappear over it.
        return f"bulk_editor_{self.read_number}"

    @property
    def chooser_key(self) -> str:
        # The one-action selector labels its options with the titles read: a selector kept
        # across reads would go on showing the old title of the chosen action.
        return f"one_action_{self.read_number}"

    def form_key(self, code: str) -> str:
        # Stable from display to submit (the same read), new after a reload or a save so that
        # the form shows the values read then.
        return f"one_form_{code}_{self.read_number}"


def actions_as_seen(actor: Actor, read: Callable[[], pl.DataFrame]) -> SeenActions:
    """The actions the editors show: read when the page is opened, then kept across reruns until
    `reload_actions` (a save, or the user's request)."""
    seen: SeenActions | None = st.session_state.get(SEEN_KEY)
    # Streamlit drops a widget's state after a run that did not draw it: no grid state means the
    # page has just been opened again, and then it shows the actions as they are now.
    if seen is None or seen.project_id != actor.project_id or seen.editor_key not in st.session_state:
        number = st.session_state.get(_READS_KEY, 0) + 1
        st.session_state[_READS_KEY] = number
        seen = SeenActions(actor.project_id, read(), utcnow(), number)
        st.session_state[SEEN_KEY] = seen
        st.session_state.pop(CONFLICT_KEY, None)
    return seen


def reload_actions() -> None:
    """Show the actions as they are now at the next run (and forget a refused save)."""
    st.session_state.pop(SEEN_KEY, None)
    st.session_state.pop(CONFLICT_KEY, None)


# ---------------------------------------------------------------- from typed values to commands


def editor_frame(actions: pl.DataFrame, vocabulary: Vocabulary) -> pl.DataFrame:
    """The actions as the bulk editor shows them: labels, not keys, and dates as dd/mm/yyyy text
    (see `date_text_columns`); plus the id and version of each row (hidden columns), which the
    edits of that row carry."""
    statuses = vocabulary.status_labels()
    strata = vocabulary.stratum_labels()
    return actions.select(
        "code",
        "title",
        pl.col("status").replace_strict(statuses, return_dtype=pl.String),
        *(pl.col(name).dt.strftime("%d/%m/%Y") for name in DATE_COLUMNS),
        "lead_partner",
        pl.col("region_names").alias("regions"),
        pl.col("target_stratum").replace_strict(strata, default=None, return_dtype=pl.String),
        "social_entrepreneurship",
        "budget_eur",
        "id",
        "version",
    )


def date_text_columns() -> dict:
    """column_config entries for the bulk editor's date columns: text typed as dd/mm/yyyy.

    Not DateColumn: its editor is the browser's native date field, whose day/month order is the
    browser's own language whatever DateColumn's `format` (streamlit/streamlit#12850), so a
    committee member with an English browser would be shown 15/03/2027 and handed 03/15/2027 to
    edit. `grid_date` reads what is typed; nothing is guessed."""
    return {
        name: st.column_config.TextColumn(
            t(f"portfolio.col.{name}"), max_chars=10, help=t("update.date_help")
        )
        for name in DATE_COLUMNS
    }


def grid_date(value: object) -> dt.date | None:
    """A date as typed in the bulk editor: dd/mm/yyyy (as the grid shows it) or yyyy-mm-dd,
    between 2000 and 2100; None when the cell is empty. Anything else raises ValueError: a date
    whose order cannot be told (03/15/2027, 1/2/27, 2027/03/15, 15 mars) is never guessed."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    return parse_date(text) if text else None


def date_problems(edited_rows: Mapping, shown: pl.DataFrame) -> Problems:
    """Every date typed in the bulk editor that `grid_date` cannot read, naming the action (its
    code) and the column (its code: `in_editor_words` names it as the grid labels it)."""
    problems = Problems()
    codes = shown["code"]
    for row, columns in sorted(edited_rows.items(), key=lambda item: int(item[0])):
        for column in DATE_COLUMNS:
            if column not in columns:
                continue
            try:
                grid_date(columns[column])
            except ValueError:
                problems.add("problem.bad_date", record=codes[int(row)], column=column, value=columns[column])
    return problems


def _edit(action_id: int, version: int, columns: Mapping[str, Any], vocabulary: Vocabulary) -> ActionEdit:
    """An edit from values as the editors show them (column -> label, name or text)."""
    changes: dict[str, object] = {}
    regions = partners = None
    for column, value in columns.items():
        if column == "status":
            changes["status"] = vocabulary.statuses.get(value, value)
        elif column == "title":
            changes["title"] = (value or "").strip()
        elif column == "description":
            changes["description"] = value or ""
        elif column in DATE_COLUMNS:
            changes[column] = grid_date(value)
        elif column == "lead_partner":
            changes["lead_partner_id"] = vocabulary.partners.get(value) if value else None
        elif column == "regions":
            regions = tuple(
                sorted(vocabulary.regions[name] for name in (value or []) if name in vocabulary.regions)
            )
        elif column == "partners":
            partners = tuple(
                sorted(vocabulary.partners[name] for name in (value or []) if name in vocabulary.partners)
            )
        elif column == "target_stratum":
            changes["target_stratum"] = vocabulary.strata.get(value) if value else None
        elif column == "social_entrepreneurship":
            changes["social_entrepreneurship"] = bool(value)
        elif column in ("budget_eur", "time_bank_hours"):
            changes[column] = None if value is None else float(value)
    return ActionEdit(action_id, version, changes, region_ids=regions, partner_ids=partners)


def typed_in_editor(edited_rows: Mapping, shown: pl.DataFrame) -> dict[int, Mapping[str, object]]:
    """The editor's edits by action id. Its rows are positions in `shown`, the frame it was built
    from (see `editor_frame`): the same frame must be given here."""
    return {
        shown["id"][int(row)]: columns
        for row, columns in sorted(edited_rows.items(), key=lambda item: int(item[0]))
    }


def edits_from_editor(edited_rows: Mapping, shown: pl.DataFrame, vocabulary: Vocabulary) -> list[ActionEdit]:
    """One ActionEdit per edited row, carrying the version of the action in the frame the editor
    was built from, i.e. the version the user saw. ValidationFailed (and no edit) when a date
    typed cannot be read (`date_problems`)."""
    if problems := date_problems(edited_rows, shown):
        raise ValidationFailed(problems.items)
    versions = dict(shown.select("id", "version").iter_rows())
    return [
        _edit(action_id, versions[action_id], columns, vocabulary)
        for action_id, columns in typed_in_editor(edited_rows, shown).items()
    ]


def edit_from_form(action: Mapping[str, Any], typed: Mapping[str, Any], vocabulary: Vocabulary) -> ActionEdit:
    """The one-action form's values (as `shown_values` gives them) as an edit of the version of
    `action` the form was filled from."""
    return _edit(action["id"], action["version"], typed, vocabulary)


def shown_values(action: Mapping[str, Any], vocabulary: Vocabulary) -> dict[str, object]:
    """An action's editable values as the editors show them: labels and names, not keys."""
    return {
        "title": action["title"],
        "description": action["description"],
        "status": vocabulary.status_labels().get(action["status"], action["status"]),
        **{name: action[name] for name in DATE_COLUMNS},
        "lead_partner": action["lead_partner"],
        "regions": list(action["region_names"] or []),
        "partners": list(action["partner_names"] or []),
        "target_stratum": vocabulary.stratum_labels().get(action["target_stratum"]),
        "social_entrepreneurship": action["social_entrepreneurship"],
        "budget_eur": action["budget_eur"],
        "time_bank_hours": action["time_bank_hours"],
    }


# ---------------------------------------------------------------- a refused save


def column_label(column: str) -> str:
    """The editors' name of an action field ("actual_end" -> "Fin réelle")."""
    key = _COLUMN_LABELS.get(column, f"portfolio.col.{column}")
    return t(key) if has(key) else column


def in_editor_words(error: DashboardError) -> DashboardError:
    """A refusal whose problems name the fields as the editors label them, not by their keys
    (the service names them for files and the command line)."""
    if not isinstance(error, ValidationFailed):
        return error
    problems = [
        replace(
            p,
            column=column_label(p.column) if p.column else "",
            params={
                name: column_label(value) if name == "expected_column" else value
                for name, value in p.params.items()
            },
        )
        for p in error.problems
    ]
    return ValidationFailed(problems, error.key)


@dataclass(frozen=True)
class Conflict:
    """A save refused because someone else changed the actions meanwhile: what the page shows
    until the user reloads."""

    tab: str  # where the save was made ("bulk" or "one")
    error: DashboardError
    differences: pl.DataFrame  # see `differences`


def _text(column: str, value: object) -> str:
    """A value as the comparison table shows it."""
    if value is None or value == "" or value == []:
        return "–"
    if column in DATE_COLUMNS:
        return format_date(grid_date(value))
    if isinstance(value, bool):
        return t("common.yes") if value else t("common.no")
    if isinstance(value, int | float):
        return format_number(value, 0 if float(value).is_integer() else 2)
    if isinstance(value, list | tuple):
        return ", ".join(sorted(map(str, value)))
    return str(value).strip()


def differences(
    seen: pl.DataFrame,
    current: pl.DataFrame,
    typed: Mapping[int, Mapping[str, object]],
    vocabulary: Vocabulary,
) -> pl.DataFrame:
    """For each action the user edited and someone else changed since it was read: the fields
    that person changed or the user typed, as the user saw them, as they are now, as typed."""
    before_by_id = {row["id"]: row for row in seen.iter_rows(named=True)}
    now_by_id = {row["id"]: row for row in current.iter_rows(named=True)}
    rows = []
    for action_id, columns in typed.items():
        before, now = before_by_id.get(action_id), now_by_id.get(action_id)
        if before is None or now is None or now["version"] == before["version"]:
            continue
        was_values, now_values = shown_values(before, vocabulary), shown_values(now, vocabulary)
        for column in FORM_COLUMNS:
            was, is_now = _text(column, was_values[column]), _text(column, now_values[column])
            mine = _text(column, columns[column]) if column in columns else was
            if was != is_now or mine != was:
                rows.append(
                    {
                        "code": before["code"],
                        "field": t(_COLUMN_LABELS.get(column, f"portfolio.col.{column}")),
                        "seen": was,
                        "now": f"{is_now} ({now['updated_by_name']})" if was != is_now else is_now,
                        "yours": mine if mine != was else "",
                    }
                )
    return pl.DataFrame(rows, schema=dict.fromkeys(("code", "field", "seen", "now", "yours"), pl.String))


def show_conflict(tab: str) -> None:
    """The refused save of this tab, if any: who changed what, and a way to reload."""
    conflict: Conflict | None = st.session_state.get(CONFLICT_KEY)
    if conflict is None or conflict.tab != tab:
        return
    st.error(error_markdown(conflict.error, current_language()), icon=":material/sync_problem:")
    st.caption(t("update.conflict_help"))
    if conflict.differences.height:
        show_table(
            conflict.differences,
            hide_index=True,
            width="stretch",
            column_config={
                "code": t("portfolio.col.code"),
                "field": t("update.conflict.field"),
                "seen": t("update.conflict.seen"),
                "now": t("update.conflict.now"),
                "yours": t("update.conflict.yours"),
            },
        )
    st.button(
        t("update.reload"),
        key=f"update_reload_{tab}",
        on_click=reload_actions,
        type="primary",
        icon=":material/refresh:",
    )


def next_action_code(objective_code: str, existing_codes: list[str]) -> str:
    """The first free action number under an operational objective ("2.3" -> "2.3.4")."""
    prefix = f"{objective_code}."
    numbers = [
        int(code[len(prefix) :])
        for code in existing_codes
        if code.startswith(prefix) and code[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(numbers, default=0) + 1}"


# ---------------------------------------------------------------- the Update actions page's parts


def vocabulary_of(context: PageContext) -> Vocabulary:
    """The labels the editors show for statuses, strata, partners and regions, and their codes."""
    partners = portfolio.partners_frame(context.actor)
    regions = portfolio.care_regions_frame(context.actor)
    return Vocabulary(
        statuses={label(s): s.value for s in ActionStatus},
        strata={context.project.stratum_label(s): s for s in range(4)},
        partners=dict(partners.select("name", "id").iter_rows()),
        regions=dict(regions.select("name", "id").iter_rows()),
    )


def save_edits(
    context: PageContext,
    seen: SeenActions,
    vocabulary: Vocabulary,
    tab: str,
    edits: list[ActionEdit],
    typed: dict,
) -> None:
    """Save the edits; a refusal because someone else changed the actions meanwhile is kept
    (with what changed) until the user reloads, the user's input staying in the editor."""
    try:
        changed = action_commands.update_actions(context.actor, edits)
    except ConflictError as error:
        st.session_state[CONFLICT_KEY] = Conflict(
            tab, error, differences(seen.actions, portfolio.actions_frame(context.actor), typed, vocabulary)
        )
        return
    except DashboardError as error:
        show_error(in_editor_words(error))
        return
    st.session_state[SAVED_KEY] = plural("update.saved", changed)
    reload_actions()
    st.rerun()


def saved_notice(seen: SeenActions) -> None:
    """The message of the last save, when the actions were read, and the reload button."""
    # Always drawn, even empty: a message appearing above the tabs would move them, and Streamlit
    # would then show the first tab instead of the one the user saved from.
    notice = st.container()
    if saved := st.session_state.pop(SAVED_KEY, None):
        notice.success(saved, icon=":material/task_alt:")
    as_of, reload = st.columns([5, 1], vertical_alignment="center")
    as_of.caption(t("update.as_of", at=format_datetime(seen.read_at)))
    reload.button(
        t("update.reload"),
        key="update_reload",
        on_click=reload_actions,
        type="tertiary",
        icon=":material/refresh:",
    )


def bulk_editor(
    context: PageContext, seen: SeenActions, actions: pl.DataFrame, vocabulary: Vocabulary
) -> None:
    """Several actions at once, in a grid under the portfolio's filters."""
    shown = editor_frame(filter_bar(context, actions), vocabulary)
    st.caption(t("update.bulk_help"))
    with st.form("bulk_form"):
        st.data_editor(
            shown,
            key=seen.editor_key,
            hide_index=True,
            placeholder="–",
            width="stretch",
            height=560,
            num_rows="fixed",
            disabled=["code"],
            column_config={
                "id": None,
                "version": None,
                "code": st.column_config.TextColumn(t("portfolio.col.code"), width="small", pinned=True),
                "title": st.column_config.TextColumn(t("portfolio.col.title"), width="large", required=True),
                "status": st.column_config.SelectboxColumn(
                    t("portfolio.col.status"), options=list(vocabulary.statuses), required=True
                ),
                **date_text_columns(),
                "lead_partner": st.column_config.SelectboxColumn(
                    t("portfolio.col.lead_partner"), options=list(vocabulary.partners)
                ),
                "regions": st.column_config.MultiselectColumn(
                    t("portfolio.col.regions"), options=list(vocabulary.regions)
                ),
                "target_stratum": st.column_config.SelectboxColumn(
                    t("portfolio.col.stratum"), options=list(vocabulary.strata)
                ),
                "social_entrepreneurship": st.column_config.CheckboxColumn(t("portfolio.col.se")),
                "budget_eur": st.column_config.NumberColumn(t("portfolio.col.budget"), min_value=0, step=100),
            },
        )
        if st.form_submit_button(t("update.save"), type="primary", icon=":material/save:"):
            edited = st.session_state[seen.editor_key]["edited_rows"]
            try:
                edits = edits_from_editor(edited, shown, vocabulary)
            except ValidationFailed as error:  # a date typed that cannot be read
                show_error(in_editor_words(error))
            else:
                save_edits(context, seen, vocabulary, "bulk", edits, typed_in_editor(edited, shown))
    show_conflict("bulk")


def one_action_form(
    context: PageContext, seen: SeenActions, actions: pl.DataFrame, vocabulary: Vocabulary
) -> None:
    """One action, every field, in a form."""
    codes = dict(actions.select("code", "title").iter_rows())
    chosen = st.session_state.get(CHOSEN_KEY)
    code = st.selectbox(
        t("update.choose_action"),
        list(codes),
        index=list(codes).index(chosen) if chosen in codes else 0,
        format_func=lambda c: f"{c} · {codes[c]}",
        key=seen.chooser_key,
    )
    st.session_state[CHOSEN_KEY] = code
    if code:
        action = actions.filter(actions["code"] == code).row(0, named=True)
        names = vocabulary.status_labels()
        stratum_labels = vocabulary.stratum_labels()
        with st.form(seen.form_key(code)):
            title = st.text_input(t("portfolio.col.title"), action["title"])
            description = st.text_area(t("portfolio.col.description"), action["description"])
            row = st.columns(3)
            status = row[0].selectbox(
                t("portfolio.col.status"),
                list(vocabulary.statuses),
                index=list(vocabulary.statuses).index(names[action["status"]]),
            )
            lead = row[1].selectbox(
                t("portfolio.col.lead_partner"),
                [None, *vocabulary.partners],
                index=[None, *vocabulary.partners].index(action["lead_partner"]),
                format_func=lambda n: n or "–",
            )
            stratum = row[2].selectbox(
                t("portfolio.col.stratum"),
                [None, 0, 1, 2, 3],
                index=[None, 0, 1, 2, 3].index(action["target_stratum"]),
                format_func=lambda s: "–" if s is None else stratum_labels[s],
            )
            dates = st.columns(4)
            planned_start = dates[0].date_input(
                t("portfolio.col.planned_start"), action["planned_start"], format="DD/MM/YYYY"
            )
            planned_end = dates[1].date_input(
                t("portfolio.col.planned_end"), action["planned_end"], format="DD/MM/YYYY"
            )
            actual_start = dates[2].date_input(
                t("portfolio.col.actual_start"), action["actual_start"], format="DD/MM/YYYY"
            )
            actual_end = dates[3].date_input(
                t("portfolio.col.actual_end"),
                action["actual_end"],
                format="DD/MM/YYYY",
                help=t("update.actual_end_help"),
            )
            chosen_regions = st.multiselect(
                t("portfolio.col.regions"),
                list(vocabulary.regions),
                default=action["region_names"],
                placeholder=t("filters.any"),
            )
            chosen_partners = st.multiselect(
                t("portfolio.col.partners"),
                list(vocabulary.partners),
                default=action["partner_names"],
                placeholder=t("common.none"),
            )
            numbers = st.columns(3)
            se = numbers[0].toggle(t("portfolio.col.se"), action["social_entrepreneurship"])
            budget = numbers[1].number_input(
                t("portfolio.col.budget"), min_value=0.0, value=action["budget_eur"], step=100.0
            )
            hours = numbers[2].number_input(
                t("portfolio.col.time_bank"), min_value=0.0, value=action["time_bank_hours"], step=10.0
            )
            if st.form_submit_button(t("update.save"), type="primary", icon=":material/save:"):
                typed = {
                    "title": title,
                    "description": description,
                    "status": status,
                    "lead_partner": lead,
                    "target_stratum": stratum_labels.get(stratum),
                    "planned_start": planned_start,
                    "planned_end": planned_end,
                    "actual_start": actual_start,
                    "actual_end": actual_end,
                    "regions": chosen_regions,
                    "partners": chosen_partners,
                    "social_entrepreneurship": se,
                    "budget_eur": budget,
                    "time_bank_hours": hours,
                }
                save_edits(
                    context,
                    seen,
                    vocabulary,
                    "one",
                    [edit_from_form(action, typed, vocabulary)],
                    {action["id"]: typed},
                )
        show_conflict("one")


def add_action_form(context: PageContext, actions: pl.DataFrame, vocabulary: Vocabulary) -> None:
    """A new action under an operational objective, with the next free code proposed."""
    objectives = portfolio.objectives_frame(context.actor).filter(level=2)
    titles = dict(objectives.select("code", "title").iter_rows())
    ids = dict(objectives.select("code", "id").iter_rows())
    objective = st.selectbox(
        context.project.level_name(2),
        list(titles),
        format_func=lambda c: f"{c} · {titles[c]}",
        key="add_objective",
    )
    if objective:
        with st.form(f"add_form_{objective}", clear_on_submit=True):
            first = st.columns([1, 4])
            new_code = first[0].text_input(
                t("portfolio.col.code"), next_action_code(objective, actions["code"].to_list())
            )
            new_title = first[1].text_input(t("portfolio.col.title"))
            row = st.columns(4)
            new_status = row[0].selectbox(t("portfolio.col.status"), list(vocabulary.statuses), index=0)
            new_start = row[1].date_input(t("portfolio.col.planned_start"), None, format="DD/MM/YYYY")
            new_end = row[2].date_input(t("portfolio.col.planned_end"), None, format="DD/MM/YYYY")
            new_lead = row[3].selectbox(
                t("portfolio.col.lead_partner"), [None, *vocabulary.partners], format_func=lambda n: n or "–"
            )
            new_regions = st.multiselect(
                t("portfolio.col.regions"), list(vocabulary.regions), placeholder=t("filters.any")
            )
            actual = st.columns(4)
            new_actual_start = actual[0].date_input(
                t("portfolio.col.actual_start"), None, format="DD/MM/YYYY"
            )
            new_actual_end = actual[1].date_input(
                t("portfolio.col.actual_end"), None, format="DD/MM/YYYY", help=t("update.actual_end_help")
            )
            more = st.columns(3)
            new_stratum = more[0].selectbox(
                t("portfolio.col.stratum"),
                [None, 0, 1, 2, 3],
                format_func=lambda s: "–" if s is None else context.project.stratum_label(s),
            )
            new_se = more[1].toggle(t("portfolio.col.se"))
            new_budget = more[2].number_input(
                t("portfolio.col.budget"), min_value=0.0, value=None, step=100.0
            )
            if st.form_submit_button(t("update.add"), type="primary", icon=":material/add:"):
                try:
                    action_commands.add_action(
                        context.actor,
                        ids[objective],
                        new_code,
                        new_title,
                        {
                            "status": vocabulary.statuses[new_status],
                            "planned_start": new_start,
                            "planned_end": new_end,
                            "actual_start": new_actual_start,
                            "actual_end": new_actual_end,
                            "lead_partner_id": vocabulary.partners.get(new_lead) if new_lead else None,
                            "target_stratum": new_stratum,
                            "social_entrepreneurship": new_se,
                            "budget_eur": new_budget,
                        },
                        region_ids=tuple(sorted(vocabulary.regions[n] for n in new_regions)),
                    )
                    st.session_state[SAVED_KEY] = t("update.added", code=new_code)
                    reload_actions()
                    st.rerun()
                except DashboardError as error:
                    show_error(in_editor_words(error))
