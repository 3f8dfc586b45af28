"""The default self-evaluation catalogue, from the measures named in shared/DOMAIN.md (IMA/AIM
population measures, the evaluation protocol of Goderis et al. 2020, EMPACT's social-
entrepreneurship target) and three indicators the app computes from its own data.

Each entry: code, names (fr, nl, en), Quadruple Aim dimension, component of the joint plan,
type, definitions (fr, nl, en), what the numerator counts (fr, nl, en), what the denominator
counts (fr, nl, en), unit, polarity, data source, decimals, computation (None when values are
imported or entered).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IndicatorDefinition:
    code: str
    name_fr: str
    name_nl: str
    name_en: str
    aim: str
    component: int | None
    kind: str
    definition_fr: str
    definition_nl: str
    definition_en: str
    numerator_definition_fr: str
    numerator_definition_nl: str
    numerator_definition_en: str
    denominator_definition_fr: str
    denominator_definition_nl: str
    denominator_definition_en: str
    unit: str
    polarity: str
    data_source: str
    decimals: int = 1
    computation: str | None = None


# The data sources the catalogue names, as stored (in English, also in databases made before they
# were translated), and the key of each one's label in the reader's language
# ("indicators.data_source.<key>"). A source an admin typed is shown as typed.
CATALOGUE_SOURCES = {
    "IMA/AIM Atlas": "ima_atlas",
    "IMA/AIM": "ima",
    "Project registration": "project_registration",
    "Patient survey (FAITH.be)": "patient_survey_faith",
    "Provider survey (FAITH.be)": "provider_survey_faith",
    "Portfolio (this app)": "portfolio",
    "Partner survey (this app)": "partner_survey",
}


CATALOGUE = [
    IndicatorDefinition(
        "POLYPHARMACY",
        "Polymédication (65 ans et plus)",
        "Polyfarmacie (65-plussers)",
        "Polypharmacy (aged 65 and over)",
        "population_health",
        10,
        "outcome",
        "Part des assurés de 65 ans et plus ayant consommé au moins 80 DDD d'au moins 5 "
        "médicaments remboursés différents dans l'année.",
        "Aandeel verzekerden van 65 jaar en ouder met minstens 80 DDD van minstens 5 "
        "verschillende terugbetaalde geneesmiddelen in het jaar.",
        "Share of insured persons aged 65+ with at least 80 DDD of at least 5 different "
        "reimbursed medicines in the year.",
        "Assurés de 65 ans et plus répondant au critère de polymédication",
        "Verzekerden van 65 jaar en ouder die aan het polyfarmaciecriterium voldoen",
        "Insured persons aged 65+ meeting the polypharmacy criterion",
        "Assurés de 65 ans et plus",
        "Verzekerden van 65 jaar en ouder",
        "Insured persons aged 65+",
        "%",
        "lower_is_better",
        "IMA/AIM Atlas",
        1,
    ),
    IndicatorDefinition(
        "GMD_COVERAGE",
        "Couverture du dossier médical global (DMG)",
        "Dekking globaal medisch dossier (GMD)",
        "Global Medical Record (GMD) coverage",
        "population_health",
        7,
        "process",
        "Part de la population disposant d'un dossier médical global chez un médecin généraliste.",
        "Aandeel van de bevolking met een globaal medisch dossier bij een huisarts.",
        "Share of the population with a Global Medical Record held by a GP.",
        "Assurés disposant d'un DMG",
        "Verzekerden met een GMD",
        "Insured persons with a GMD",
        "Assurés",
        "Verzekerden",
        "Insured persons",
        "%",
        "higher_is_better",
        "IMA/AIM Atlas",
        1,
    ),
    IndicatorDefinition(
        "GP_AFTER_DISCHARGE",
        "Contact MG dans la semaine après une hospitalisation (65+)",
        "Huisartscontact binnen de week na ziekenhuisontslag (65+)",
        "GP contact within a week after hospital discharge (65+)",
        "patient_experience",
        7,
        "process",
        "Part des sorties d'hôpital de patients de 65 ans et plus suivies d'un contact avec un "
        "médecin généraliste dans les 7 jours.",
        "Aandeel ziekenhuisontslagen van 65-plussers gevolgd door een huisartscontact binnen 7 dagen.",
        "Share of hospital discharges of patients aged 65+ followed by a GP contact within 7 days.",
        "Sorties d'hôpital (65+) suivies d'un contact avec un médecin généraliste dans les 7 jours",
        "Ziekenhuisontslagen (65+) met een huisartscontact binnen 7 dagen",
        "Discharges (65+) with a GP contact within 7 days",
        "Sorties d'hôpital (65+)",
        "Ziekenhuisontslagen (65+)",
        "Discharges (65+)",
        "%",
        "higher_is_better",
        "IMA/AIM Atlas",
        1,
    ),
    IndicatorDefinition(
        "CASE_MANAGED",
        "Patients très complexes suivis par un case manager",
        "Zeer complexe patiënten met een casemanager",
        "High-complexity patients followed by a case manager",
        "patient_experience",
        3,
        "process",
        "Part des patients de la strate 3 (haute complexité) qui ont un case manager désigné.",
        "Aandeel patiënten in stratum 3 (hoog complex) met een aangeduide casemanager.",
        "Share of stratum-3 (high complexity) patients with a designated case manager.",
        "Patients de la strate 3 ayant un case manager",
        "Patiënten in stratum 3 met een casemanager",
        "Stratum-3 patients with a case manager",
        "Patients de la strate 3",
        "Patiënten in stratum 3",
        "Stratum-3 patients",
        "%",
        "higher_is_better",
        "Project registration",
        1,
    ),
    IndicatorDefinition(
        "PACIC",
        "Expérience des soins chroniques (score PACIC)",
        "Ervaring met chronische zorg (PACIC-score)",
        "Experience of chronic care (PACIC score)",
        "patient_experience",
        1,
        "outcome",
        "Score moyen (1 à 5) des patients au questionnaire PACIC sur les soins reçus pour leur "
        "affection chronique.",
        "Gemiddelde score (1 tot 5) van patiënten op de PACIC-vragenlijst over de zorg voor hun "
        "chronische aandoening.",
        "Patients' mean score (1 to 5) on the PACIC questionnaire about the care received for "
        "their chronic condition.",
        "Somme des scores PACIC des répondants",
        "Som van de PACIC-scores van de respondenten",
        "Sum of respondents' PACIC scores",
        "Répondants",
        "Respondenten",
        "Respondents",
        "score 1–5",
        "higher_is_better",
        "Patient survey (FAITH.be)",
        2,
    ),
    IndicatorDefinition(
        "AVOIDABLE_ADMISSIONS",
        "Hospitalisations évitables pour 1 000 habitants",
        "Vermijdbare ziekenhuisopnames per 1.000 inwoners",
        "Avoidable hospital admissions per 1,000 inhabitants",
        "cost_efficiency",
        7,
        "outcome",
        "Admissions pour des affections sensibles aux soins ambulatoires (diabète, BPCO, "
        "insuffisance cardiaque, ...) pour 1 000 habitants.",
        "Opnames voor ambulant behandelbare aandoeningen (diabetes, COPD, hartfalen, ...) per "
        "1.000 inwoners.",
        "Admissions for ambulatory-care-sensitive conditions (diabetes, COPD, heart failure, "
        "...) per 1,000 inhabitants.",
        "Admissions pour des affections sensibles aux soins ambulatoires",
        "Opnames voor ambulant behandelbare aandoeningen",
        "Admissions for ambulatory-care-sensitive conditions",
        "Habitants",
        "Inwoners",
        "Inhabitants",
        "per 1,000",
        "lower_is_better",
        "IMA/AIM",
        1,
    ),
    IndicatorDefinition(
        "WORK_DISABILITY",
        "Incapacité de travail de longue durée (18-64 ans)",
        "Langdurige arbeidsongeschiktheid (18-64 jaar)",
        "Long-term work disability (18-64)",
        "population_health",
        4,
        "outcome",
        "Part des assurés de 18 à 64 ans en incapacité de travail depuis plus d'un an.",
        "Aandeel verzekerden van 18 tot 64 jaar die langer dan een jaar arbeidsongeschikt zijn.",
        "Share of insured persons aged 18-64 on work disability for more than a year.",
        "Assurés de 18 à 64 ans en incapacité de travail depuis plus d'un an",
        "Verzekerden van 18 tot 64 jaar die langer dan een jaar arbeidsongeschikt zijn",
        "Insured persons aged 18-64 disabled for more than a year",
        "Assurés de 18 à 64 ans",
        "Verzekerden van 18 tot 64 jaar",
        "Insured persons aged 18-64",
        "%",
        "lower_is_better",
        "IMA/AIM",
        1,
    ),
    IndicatorDefinition(
        "PROVIDER_WORKLOAD",
        "Prestataires rapportant une charge de travail excessive",
        "Zorgverleners die een te hoge werkdruk melden",
        "Care providers reporting an excessive workload",
        "provider_wellbeing",
        14,
        "outcome",
        "Part des prestataires interrogés qui jugent leur charge de travail excessive.",
        "Aandeel bevraagde zorgverleners dat de werkdruk te hoog vindt.",
        "Share of surveyed care providers who find their workload excessive.",
        "Prestataires rapportant une charge de travail excessive",
        "Zorgverleners die een te hoge werkdruk melden",
        "Providers reporting an excessive workload",
        "Prestataires interrogés",
        "Bevraagde zorgverleners",
        "Providers surveyed",
        "%",
        "lower_is_better",
        "Provider survey (FAITH.be)",
        1,
    ),
    IndicatorDefinition(
        "SE_SHARE",
        "Actions avec une composante d'entrepreneuriat social",
        "Acties met een component sociaal ondernemerschap",
        "Actions with a social-entrepreneurship component",
        "cost_efficiency",
        12,
        "structure",
        "Part des actions du portefeuille (hors idées et actions arrêtées) qui comportent une "
        "composante d'entrepreneuriat social. Calculé par l'application.",
        "Aandeel acties in de portefeuille (zonder ideeën en stopgezette acties) met een "
        "component sociaal ondernemerschap. Berekend door de toepassing.",
        "Share of the portfolio's actions (ideas and stopped actions excluded) that have a "
        "social-entrepreneurship component. Computed by the app.",
        "Actions avec une composante d'entrepreneuriat social",
        "Acties met een component sociaal ondernemerschap",
        "Actions with a social-entrepreneurship component",
        "Actions (hors idées et actions arrêtées)",
        "Acties (zonder ideeën en stopgezette acties)",
        "Actions (not ideas, not stopped)",
        "%",
        "higher_is_better",
        "Portfolio (this app)",
        1,
        "social_entrepreneurship_share",
    ),
    IndicatorDefinition(
        "ACTIONS_ON_TIME",
        "Actions terminées dans les délais",
        "Tijdig afgeronde acties",
        "Actions finished on time",
        "cost_efficiency",
        14,
        "process",
        "Part des actions terminées dont la fin réelle ne dépasse pas la fin prévue au plan "
        "initial. Calculé par l'application.",
        "Aandeel afgeronde acties waarvan het werkelijke einde niet later valt dan het einde in "
        "het oorspronkelijke plan. Berekend door de toepassing.",
        "Share of finished actions whose actual end is not later than the end in the original "
        "plan. Computed by the app.",
        "Actions terminées dont la fin réelle ne dépasse pas la fin prévue au plan initial",
        "Afgeronde acties waarvan het werkelijke einde niet later valt dan het einde in het "
        "oorspronkelijke plan",
        "Finished actions with actual end <= originally planned end",
        "Actions terminées",
        "Afgeronde acties",
        "Finished actions",
        "%",
        "higher_is_better",
        "Portfolio (this app)",
        1,
        "actions_on_time",
    ),
    IndicatorDefinition(
        "PARTNER_SATISFACTION",
        "Satisfaction des partenaires",
        "Tevredenheid van de partners",
        "Partner satisfaction",
        "provider_wellbeing",
        14,
        "outcome",
        "Score moyen (1 à 5) de la dimension « satisfaction globale » de l'enquête partenaires, "
        "par vague. Calculé par l'application.",
        "Gemiddelde score (1 tot 5) van de dimensie 'algemene tevredenheid' van de "
        "partnerbevraging, per golf. Berekend door de toepassing.",
        "Mean score (1 to 5) of the 'overall satisfaction' dimension of the partner survey, per "
        "wave. Computed by the app.",
        "Somme des scores de satisfaction",
        "Som van de tevredenheidsscores",
        "Sum of satisfaction scores",
        "Réponses",
        "Antwoorden",
        "Answers",
        "score 1–5",
        "higher_is_better",
        "Partner survey (this app)",
        2,
        "partner_satisfaction",
    ),
]
