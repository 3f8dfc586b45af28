"""Risk map page."""

MESSAGES = {
    "risk.title": ("Risques stratifiés par région de soins",
                   "Gestratificeerd risico per zorgregio", "Stratified risk by care region"),
    "risk.year": ("Année", "Jaar", "Year"),
    "risk.no_data": (
        "Aucune donnée de stratification pour ce projet. Importez-les avec "
        "`python -m dashboard import risk`.",
        "Geen stratificatiegegevens voor dit project. Importeer ze met "
        "`python -m dashboard import risk`.",
        "No stratification data for this project. Import them with "
        "`python -m dashboard import risk`.",
    ),
    "risk.col.region": ("Région de soins", "Zorgregio", "Care region"),
    "risk.col.population": ("Population", "Bevolking", "Population"),
    "risk.col.persons": ("Personnes", "Personen", "Persons"),
    "risk.col.share": ("Part", "Aandeel", "Share"),
}
