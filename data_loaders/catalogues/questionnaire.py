"""The default partner questionnaire: how partner organisations experience the consortium.

Dimensions follow the published collaboration instruments (Partnership Self-Assessment Tool:
synergy, leadership, efficiency, decision making, benefits, drawbacks, satisfaction; Wilder
Collaboration Factors: communication, process and structure). The statements are written in our
own words, not copied from the instruments. Scale: 1-5 agreement. Reversed items are statements
where agreeing is unfavourable (workload); analyses turn them around.
"""

from __future__ import annotations

AGREEMENT_SCALE = {
    "fr": [
        "Pas du tout d'accord",
        "Pas d'accord",
        "Ni d'accord ni pas d'accord",
        "D'accord",
        "Tout à fait d'accord",
    ],
    "nl": ["Helemaal oneens", "Oneens", "Neutraal", "Eens", "Helemaal eens"],
    "en": ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
}

# (code, fr, nl, en)
DIMENSIONS = [
    ("synergy", "Synergie et collaboration", "Synergie en samenwerking", "Synergy and collaboration"),
    ("governance", "Pilotage et gouvernance", "Leiding en bestuur", "Leadership and governance"),
    ("decision_making", "Prise de décision", "Besluitvorming", "Decision making"),
    ("communication", "Communication", "Communicatie", "Communication"),
    ("added_value", "Valeur ajoutée", "Meerwaarde", "Added value"),
    ("workload", "Charge de travail", "Werklast", "Workload"),
    ("satisfaction", "Satisfaction globale", "Algemene tevredenheid", "Overall satisfaction"),
]

# (code, dimension, reversed, fr, nl, en)
ITEMS = [
    (
        "SYN1",
        "synergy",
        False,
        "Ensemble, les partenaires trouvent des solutions qu'aucun n'aurait trouvées seul.",
        "Samen vinden de partners oplossingen die niemand alleen had gevonden.",
        "Together, the partners find solutions that none would have found alone.",
    ),
    (
        "SYN2",
        "synergy",
        False,
        "Les compétences des partenaires se complètent bien.",
        "De competenties van de partners vullen elkaar goed aan.",
        "The partners' skills complement each other well.",
    ),
    (
        "SYN3",
        "synergy",
        False,
        "Le projet relie des secteurs qui travaillaient peu ensemble auparavant.",
        "Het project verbindt sectoren die vroeger weinig samenwerkten.",
        "The project connects sectors that rarely worked together before.",
    ),
    (
        "SYN4",
        "synergy",
        False,
        "Les besoins des patients sont au centre de notre travail commun.",
        "De noden van de patiënten staan centraal in ons gezamenlijk werk.",
        "Patients' needs are at the centre of our joint work.",
    ),
    (
        "GOV1",
        "governance",
        False,
        "Le comité de pilotage donne une direction claire au projet.",
        "De stuurgroep geeft het project een duidelijke richting.",
        "The steering committee gives the project a clear direction.",
    ),
    (
        "GOV2",
        "governance",
        False,
        "Les rôles et responsabilités de chacun sont clairs.",
        "Ieders rol en verantwoordelijkheden zijn duidelijk.",
        "Everyone's roles and responsibilities are clear.",
    ),
    (
        "GOV3",
        "governance",
        False,
        "La coordination soutient bien les groupes de travail.",
        "De coördinatie ondersteunt de werkgroepen goed.",
        "The coordination supports the working groups well.",
    ),
    (
        "GOV4",
        "governance",
        False,
        "Les ressources du projet sont réparties de façon équitable.",
        "De middelen van het project worden billijk verdeeld.",
        "The project's resources are shared fairly.",
    ),
    (
        "DEC1",
        "decision_making",
        False,
        "Mon organisation peut peser sur les décisions importantes.",
        "Mijn organisatie kan wegen op belangrijke beslissingen.",
        "My organisation can influence important decisions.",
    ),
    (
        "DEC2",
        "decision_making",
        False,
        "Les décisions sont prises dans des délais raisonnables.",
        "Beslissingen worden binnen een redelijke termijn genomen.",
        "Decisions are taken within a reasonable time.",
    ),
    (
        "DEC3",
        "decision_making",
        False,
        "Je comprends pourquoi une action est lancée, reportée ou arrêtée.",
        "Ik begrijp waarom een actie gestart, uitgesteld of stopgezet wordt.",
        "I understand why an action is started, postponed or stopped.",
    ),
    (
        "COM1",
        "communication",
        False,
        "Je reçois à temps les informations dont j'ai besoin.",
        "Ik krijg tijdig de informatie die ik nodig heb.",
        "I receive the information I need in time.",
    ),
    (
        "COM2",
        "communication",
        False,
        "Les partenaires communiquent ouvertement, y compris sur les difficultés.",
        "De partners communiceren open, ook over moeilijkheden.",
        "Partners communicate openly, including about difficulties.",
    ),
    (
        "COM3",
        "communication",
        False,
        "Je sais à qui m'adresser dans le réseau pour une question.",
        "Ik weet bij wie ik in het netwerk terecht kan met een vraag.",
        "I know whom to contact in the network with a question.",
    ),
    (
        "VAL1",
        "added_value",
        False,
        "Participer au projet améliore les services de mon organisation.",
        "Deelnemen aan het project verbetert de dienstverlening van mijn organisatie.",
        "Taking part improves my organisation's services.",
    ),
    (
        "VAL2",
        "added_value",
        False,
        "Le projet améliore la continuité des soins pour les patients chroniques.",
        "Het project verbetert de continuïteit van zorg voor chronisch zieken.",
        "The project improves continuity of care for chronic patients.",
    ),
    (
        "VAL3",
        "added_value",
        False,
        "Grâce au projet, mon organisation a accès à de nouvelles ressources ou expertises.",
        "Dankzij het project heeft mijn organisatie toegang tot nieuwe middelen of expertise.",
        "Thanks to the project, my organisation has access to new resources or expertise.",
    ),
    (
        "VAL4",
        "added_value",
        False,
        "Les bénéfices de la participation dépassent ses coûts.",
        "De voordelen van deelname wegen op tegen de kosten.",
        "The benefits of taking part outweigh its costs.",
    ),
    (
        "WRK1",
        "workload",
        True,
        "Le projet demande plus de temps que ce que mon organisation peut donner.",
        "Het project vraagt meer tijd dan mijn organisatie kan geven.",
        "The project asks for more time than my organisation can give.",
    ),
    (
        "WRK2",
        "workload",
        True,
        "Les réunions et l'administration du projet sont une charge trop lourde.",
        "De vergaderingen en administratie van het project zijn een te zware last.",
        "The project's meetings and paperwork are too heavy a burden.",
    ),
    (
        "WRK3",
        "workload",
        True,
        "La participation crée des tensions avec les autres missions de mon organisation.",
        "Deelname zorgt voor spanningen met de andere opdrachten van mijn organisatie.",
        "Taking part creates tension with my organisation's other tasks.",
    ),
    (
        "SAT1",
        "satisfaction",
        False,
        "Globalement, je suis satisfait(e) de la collaboration au sein du projet.",
        "Globaal ben ik tevreden over de samenwerking binnen het project.",
        "Overall, I am satisfied with the collaboration within the project.",
    ),
    (
        "SAT2",
        "satisfaction",
        False,
        "Je recommanderais à d'autres organisations de rejoindre le projet.",
        "Ik zou andere organisaties aanraden om bij het project aan te sluiten.",
        "I would recommend other organisations to join the project.",
    ),
    (
        "SAT3",
        "satisfaction",
        False,
        "Mon organisation souhaite poursuivre sa participation après la phase pilote.",
        "Mijn organisatie wil na de pilootfase blijven deelnemen.",
        "My organisation wants to keep taking part after the pilot phase.",
    ),
]
