"""Decisions and meetings pages."""

MESSAGES = {
    "decisions.title": ("Journal des décisions", "Beslissingenlogboek", "Decision log"),
    "decisions.chain_intact": (
        "Journal intègre : les {count} entrées correspondent à leur empreinte.",
        "Logboek intact: de {count} items komen overeen met hun vingerafdruk.",
        "Log intact: all {count} entries match their fingerprint.",
    ),
    "decisions.chain_broken": (
        "Journal altéré : l'entrée n° {sequence} ne correspond plus à son empreinte ({reason}).",
        "Logboek gewijzigd: item nr. {sequence} komt niet meer overeen met zijn vingerafdruk "
        "({reason}).",
        "Log tampered with: entry no. {sequence} no longer matches its fingerprint ({reason}).",
    ),
    "decisions.col.sequence": ("N°", "Nr.", "No."),
    "decisions.col.recorded_at": ("Enregistrée le", "Geregistreerd op", "Recorded on"),
    "decisions.col.action": ("Action", "Actie", "Action"),
    "decisions.col.outcome": ("Décision", "Beslissing", "Outcome"),
    "decisions.col.conditions": ("Conditions", "Voorwaarden", "Conditions"),
    "decisions.col.rationale": ("Motivation", "Motivering", "Rationale"),
    "decisions.col.review_date": ("Révision le", "Herziening op", "Review on"),
    "decisions.col.meeting": ("Réunion", "Vergadering", "Meeting"),
    "decisions.col.recorded_by": ("Encodée par", "Geregistreerd door", "Recorded by"),
    "decisions.col.superseded_by": ("Remplacée par", "Vervangen door", "Superseded by"),
}
