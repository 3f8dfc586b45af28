"""Indicators and maturity pages."""

MESSAGES = {
    "indicators.title": ("Indicateurs d'auto-évaluation", "Zelfevaluatie-indicatoren",
                         "Self-evaluation indicators"),
    "indicators.col.code": ("Code", "Code", "Code"),
    "indicators.col.name": ("Indicateur", "Indicator", "Indicator"),
    "indicators.col.aim": ("Dimension Quadruple Aim", "Quadruple Aim-dimensie",
                           "Quadruple Aim dimension"),
    "indicators.col.latest": ("Dernière valeur", "Laatste waarde", "Latest value"),
    "indicators.col.period": ("Période", "Periode", "Period"),
    "indicators.col.target": ("Cible", "Doel", "Target"),
    "indicators.col.status": ("Statut", "Status", "Status"),
    "indicators.col.unit": ("Unité", "Eenheid", "Unit"),
    "indicators.status.on_track": ("En bonne voie", "Op koers", "On track"),
    "indicators.status.at_risk": ("À risque", "Risico", "At risk"),
    "indicators.status.off_track": ("Hors trajectoire", "Uit koers", "Off track"),
    "indicators.status.no_target": ("Sans cible", "Geen doel", "No target"),
    "indicators.status.no_data": ("Pas de données", "Geen gegevens", "No data"),
    "indicators.rule": (
        "En bonne voie : au moins aussi bien que la trajectoire rectiligne de la valeur de départ "
        "à la cible. À risque : moins bien que la trajectoire, mais mieux que la valeur de départ. "
        "Hors trajectoire : pas mieux que la valeur de départ.",
        "Op koers: minstens even goed als de rechte lijn van de beginwaarde naar het doel. "
        "Risico: slechter dan die lijn, maar beter dan de beginwaarde. Uit koers: niet beter dan "
        "de beginwaarde.",
        "On track: at least as good as the straight line from baseline to target. At risk: worse "
        "than the line but better than the baseline. Off track: no better than the baseline.",
    ),
    "maturity.title": ("Maturité des soins intégrés (SCIROCCO)",
                       "Maturiteit van geïntegreerde zorg (SCIROCCO)",
                       "Integrated-care maturity (SCIROCCO)"),
    "maturity.no_data": ("Aucun tour d'auto-évaluation pour ce projet.",
                         "Nog geen zelfevaluatieronde voor dit project.",
                         "No self-assessment round for this project yet."),
    "maturity.col.dimension": ("Dimension", "Dimensie", "Dimension"),
    "maturity.consensus": ("Score de consensus par dimension (0 à 5)",
                           "Consensusscore per dimensie (0 tot 5)",
                           "Consensus score per dimension (0 to 5)"),
}
