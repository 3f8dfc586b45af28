"""The action-plan import preview in the reader's words: field names, status labels, Belgian
dates and amounts, strata by their label, and 0 shown as a value."""

import datetime as dt

from dashboard.i18n import set_language, t
from dashboard.services.actions.plan_import import FieldChange, PlannedAction, PlanPreview
from dashboard.ui.import_views.actions import changes_table, field_name, value_text


def _preview() -> PlanPreview:
    preview = PlanPreview("plan.csv")
    preview.new_actions = [
        PlannedAction(
            "1.1.3",
            "Prévention",
            4,
            (
                FieldChange("title", None, "Prévention"),
                FieldChange("status", None, "planned"),
                FieldChange("planned_end", None, dt.date(2026, 12, 31)),
                FieldChange("target_stratum", None, 0),
                FieldChange("budget_eur", None, 0.0),
                FieldChange("lead_partner", None, "CPAS de Huy"),
            ),
        )
    ]
    preview.changed_actions = [
        PlannedAction(
            "1.1.1",
            "Buurtteam",
            2,
            (
                FieldChange("status", "in_progress", "done"),
                FieldChange("planned_start", dt.date(2023, 1, 1), dt.date(2023, 2, 1)),
                FieldChange("social_entrepreneurship", False, True),
                FieldChange("budget_eur", 12500.0, 12500.5),
                FieldChange("care_regions", (1,), (1, 2)),
            ),
        )
    ]
    return preview


def test_the_preview_speaks_french():
    table = changes_table(_preview(), lambda stratum: f"strate {stratum}")
    rows = {(row["code"], row["field"]): row for row in table.iter_rows(named=True)}
    assert set(table["field"]) == {
        "Intitulé",
        "Statut",
        "Fin prévue",
        "Strate cible",
        "Budget (€)",
        "Partenaire pilote",
        "Début prévu",
        "Entrepreneuriat social",
        "Régions de soins",
    }
    assert rows["1.1.3", "Statut"]["new"] == "Planifiée"
    assert rows["1.1.3", "Fin prévue"]["new"] == "31/12/2026"
    assert rows["1.1.3", "Strate cible"]["new"] == "strate 0"
    assert rows["1.1.3", "Budget (€)"]["new"] == "0\u00a0€"
    assert rows["1.1.3", "Statut"]["what"] == t("import.actions.new")
    assert (rows["1.1.1", "Statut"]["old"], rows["1.1.1", "Statut"]["new"]) == ("En cours", "Terminée")
    assert rows["1.1.1", "Début prévu"]["old"] == "01/01/2023"
    assert rows["1.1.1", "Entrepreneuriat social"]["new"] == "Oui"
    assert rows["1.1.1", "Budget (€)"]["new"] == "12\u202f500,50\u00a0€"
    assert rows["1.1.1", "Régions de soins"]["new"] == "2"
    assert not {"done", "in_progress", "planned", "2026-12-31"} & set(
        table["old"].to_list() + table["new"].to_list()
    )


def test_the_preview_speaks_dutch():
    set_language("nl")
    assert field_name("planned_end") == "Gepland einde"
    assert value_text("status", "on_hold") == "Gepauzeerd"
    assert value_text("status", "in_progress") == "Lopend"
    assert value_text("social_entrepreneurship", False) == "Nee"
    assert value_text("description", None) == "–"
