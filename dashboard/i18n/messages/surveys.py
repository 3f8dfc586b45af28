"""Partner surveys page."""

MESSAGES = {
    "surveys.title": ("Enquêtes auprès des partenaires", "Partnerbevragingen",
                      "Partner surveys"),
    "surveys.no_data": ("Aucune vague d'enquête pour ce projet.",
                        "Nog geen bevragingsgolf voor dit project.",
                        "No survey wave for this project yet."),
    "surveys.response_rates": ("Taux de réponse par vague", "Respons per golf",
                               "Response rate per wave"),
    "surveys.dimension_scores": ("Score moyen par dimension et par vague",
                                 "Gemiddelde score per dimensie en per golf",
                                 "Mean score per dimension and wave"),
    "surveys.col.wave": ("Vague", "Golf", "Wave"),
    "surveys.col.invited": ("Invités", "Uitgenodigd", "Invited"),
    "surveys.col.responded": ("Répondants", "Respondenten", "Respondents"),
    "surveys.col.rate": ("Taux de réponse", "Respons", "Response rate"),
    "surveys.col.dimension": ("Dimension", "Dimensie", "Dimension"),
    "surveys.col.mean": ("Score moyen (1-5)", "Gemiddelde score (1-5)", "Mean score (1-5)"),
}
