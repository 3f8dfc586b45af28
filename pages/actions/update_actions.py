"""Update actions (coordinators, admins): several actions at once in an editor, one action in a
form, or a new action under an objective. The service validates and keeps the history."""

import datetime as dt

import streamlit as st

from dashboard.errors import ConflictError, DashboardError, ValidationFailed
from dashboard.i18n import label, plural, t
from dashboard.i18n.formatting import format_datetime
from dashboard.permissions import Permission
from dashboard.services.actions import edits as action_commands
from dashboard.services.actions import portfolio
from dashboard.services.actions.edits import ActionEdit
from dashboard.ui.actions.editing import (
    CHOSEN_KEY,
    CONFLICT_KEY,
    Conflict,
    Vocabulary,
    actions_as_seen,
    date_text_columns,
    differences,
    edit_from_form,
    edits_from_editor,
    editor_frame,
    in_editor_words,
    next_action_code,
    reload_actions,
    show_conflict,
    typed_in_editor,
)
from dashboard.ui.components import page_header, show_error
from dashboard.ui.context import page_context
from dashboard.ui.actions.portfolio import filter_bar
from models.vocab import ActionStatus

context = page_context(Permission.edit_actions)
project = context.project
page_header(context, t("update.title"))

# Not re-read at each rerun: the edits must carry the versions the user saw, so that a save over
# someone else's newer change is refused rather than silently undoing it.
seen = actions_as_seen(context.actor, lambda: portfolio.actions_frame(context.actor))
actions = portfolio.with_late_flag(seen.actions, dt.date.today())
partners = portfolio.partners_frame(context.actor)
regions = portfolio.care_regions_frame(context.actor)
vocabulary = Vocabulary(
    statuses={label(s): s.value for s in ActionStatus},
    strata={project.stratum_label(s): s for s in range(4)},
    partners=dict(partners.select("name", "id").iter_rows()),
    regions=dict(regions.select("name", "id").iter_rows()),
)


def save(tab: str, edits: list[ActionEdit], typed: dict) -> None:
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
    st.session_state["update_saved"] = plural("update.saved", changed)
    reload_actions()
    st.rerun()


# Always drawn, even empty: a message appearing above the tabs would move them, and Streamlit
# would then show the first tab instead of the one the user saved from.
notice = st.container()
saved = st.session_state.pop("update_saved", None)
if saved:
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

bulk_tab, one_tab, add_tab = st.tabs([t("update.tab.bulk"), t("update.tab.one"), t("update.tab.add")])

with bulk_tab:
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
                save("bulk", edits, typed_in_editor(edited, shown))
    show_conflict("bulk")

with one_tab:
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
                save("one", [edit_from_form(action, typed, vocabulary)], {action["id"]: typed})
        show_conflict("one")

with add_tab:
    objectives = portfolio.objectives_frame(context.actor).filter(level=2)
    titles = dict(objectives.select("code", "title").iter_rows())
    ids = dict(objectives.select("code", "id").iter_rows())
    objective = st.selectbox(
        project.level_name(2), list(titles), format_func=lambda c: f"{c} · {titles[c]}", key="add_objective"
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
                format_func=lambda s: "–" if s is None else project.stratum_label(s),
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
                    st.session_state["update_saved"] = t("update.added", code=new_code)
                    reload_actions()
                    st.rerun()
                except DashboardError as error:
                    show_error(in_editor_words(error))
