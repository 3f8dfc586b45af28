"""Portfolio, Gantt and action editing pages."""

MESSAGES = {
    "portfolio.title": ("Portefeuille d'actions", "Actieportefeuille", "Portfolio of actions"),
    "portfolio.col.code": ("Code", "Code", "Code"),
    "portfolio.col.title": ("Intitulé", "Titel", "Title"),
    "portfolio.col.status": ("Statut", "Status", "Status"),
    "portfolio.col.planned_start": ("Début prévu", "Geplande start", "Planned start"),
    "portfolio.col.planned_end": ("Fin prévue", "Gepland einde", "Planned end"),
    "portfolio.col.actual_start": ("Début réel", "Werkelijke start", "Actual start"),
    "portfolio.col.actual_end": ("Fin réelle", "Werkelijk einde", "Actual end"),
    "portfolio.col.lead_partner": ("Partenaire pilote", "Trekker", "Lead partner"),
    "portfolio.col.regions": ("Régions de soins", "Zorgregio's", "Care regions"),
    "portfolio.col.stratum": ("Strate cible", "Doelgroep (stratum)", "Target stratum"),
    "portfolio.col.se": ("Entrepr. social", "Sociaal ondern.", "Social entr."),
    "portfolio.col.late": ("En retard", "Vertraagd", "Late"),
    "portfolio.col.budget": ("Budget (€)", "Budget (€)", "Budget (€)"),
}
