"""Streamlit's own widget texts (written in English in its browser code), in the interface
language; dashboard.ui.localization puts them in place."""

MESSAGES = {
    # A BCP 47 locale: the calendar's month and day names and its first day (Monday).
    "widgets.locale": ("fr-BE", "nl-BE", "en-GB"),
    "widgets.date.day": ("jj", "dd", "dd"),
    "widgets.date.month": ("mm", "mm", "mm"),
    "widgets.date.year": ("aaaa", "jjjj", "yyyy"),
    "widgets.upload": ("Choisir un fichier", "Bestand kiezen", "Choose a file"),
    "widgets.drag_and_drop": (
        "Glissez-déposez les fichiers ici",
        "Sleep de bestanden hierheen",
        "Drag and drop files here",
    ),
    # {size}: the upload limit in megabytes; {rest}: " • CSV, XLSX" (the accepted types).
    "widgets.per_file": (
        "{size} Mo maximum par fichier{rest}",
        "Maximaal {size} MB per bestand{rest}",
        "{size} MB at most per file{rest}",
    ),
    "widgets.press_enter_submit": ("Entrée pour envoyer", "Enter om te verzenden", "Press Enter to submit"),
    "widgets.press_enter_apply": ("Entrée pour appliquer", "Enter om toe te passen", "Press Enter to apply"),
    "widgets.press_ctrl_enter_submit": (
        "{keys}+Entrée pour envoyer",
        "{keys}+Enter om te verzenden",
        "Press {keys}+Enter to submit",
    ),
    "widgets.press_ctrl_enter_apply": (
        "{keys}+Entrée pour appliquer",
        "{keys}+Enter om toe te passen",
        "Press {keys}+Enter to apply",
    ),
    "widgets.select_all": ("Tout sélectionner", "Alles selecteren", "Select all"),
    "widgets.select_matches": (
        "Sélectionner les {count} résultats",
        "De {count} resultaten selecteren",
        "Select the {count} matches",
    ),
    "widgets.no_results": ("Aucun résultat", "Geen resultaten", "No results"),
    "widgets.no_options": ("Aucun choix possible", "Geen keuzes mogelijk", "No options to select"),
    "widgets.choose_option": ("Choisir", "Kiezen", "Choose an option"),
    "widgets.choose_options": ("Choisir", "Kiezen", "Choose options"),
    # The range calendar's quick choices.
    "widgets.date_range": ("Période", "Periode", "Date range"),
    "widgets.choose": ("Choisir…", "Kiezen…", "Select…"),
    "widgets.past_week": ("Semaine passée", "Afgelopen week", "Past week"),
    "widgets.past_month": ("Mois passé", "Afgelopen maand", "Past month"),
    "widgets.past_months": ("{count} derniers mois", "Afgelopen {count} maanden", "Past {count} months"),
    "widgets.past_year": ("Année passée", "Afgelopen jaar", "Past year"),
    "widgets.past_years": ("{count} dernières années", "Afgelopen {count} jaar", "Past {count} years"),
    "widgets.clear_date": ("Effacer la date", "Datum wissen", "Clear date"),
    "widgets.clear_dates": ("Effacer les dates", "Data wissen", "Clear dates"),
}
