"""Chronicopôle's action plan (consortium 3C4H, Liège-Huy-Waremme), as presented to the IGL mental
health group on 19/10/2017 (shared/seeds/001). Titles are the plan's own, in French.

The seed lists actions 5.1.1-5.1.3 a second time under operational objective 5.2; they are
numbered 5.2.1-5.2.3 here. Target strata follow the plan's "Strate" headings.
"""

from __future__ import annotations

# (code, title)
STRATEGIC_OBJECTIVES = [
    ("1", "Organiser une structure centrale de concertation et de coordination du Chronicopôle"),
    (
        "2",
        "Agir sur l'empowerment et les déterminants de la santé influençant la qualité de vie "
        "de la population et en particulier du patient malade chronique et son entourage",
    ),
    ("3", "Structurer la communication au sein du Chronicopôle"),
    (
        "4",
        "Mettre en place une culture de recherche scientifique ouverte à toutes les disciplines "
        "impliquées dans la prise en charge des malades chroniques",
    ),
    (
        "5",
        "Proposer un modèle de financement global à l'ensemble de la ligne de soins "
        "(bundled payment, shared saving, capitation)",
    ),
]

# (code, title, target stratum or None)
OPERATIONAL_OBJECTIVES = [
    ("1.1", "Rassembler les partenaires dans une structure commune", None),
    ("1.2", "Structurer le travail en réseau", None),
    ("1.3", "Offrir une réponse adaptée aux demandes exprimées et aux besoins objectivés", None),
    (
        "2.1",
        "Favoriser la mise en place d'un programme spécifique et individuel de prévention à "
        "destination de la population générale et des populations « à risque »",
        0,
    ),
    (
        "2.2",
        "Soutenir et favoriser l'utilisation des structures qui peuvent avoir un impact sur "
        "la santé et la qualité de vie des citoyens",
        0,
    ),
    (
        "2.3",
        "Etablir un programme spécifique et individuel de prévention à destination des "
        "patients du groupe cible",
        1,
    ),
    ("2.4", "Mettre en place des incitants à la collaboration entre les structures", 1),
    ("2.5", "Utiliser et développer de nouveaux contenus et outils en réponse aux besoins identifiés", 1),
    (
        "2.6",
        "Développer les échanges et la communication avec les patients et les aidants proches "
        "et valoriser leur participation au sein du projet pilote",
        1,
    ),
    ("2.7", "Favoriser la mobilité des patients et aidants proches", 1),
    (
        "2.8",
        "Favoriser la vie active par la réinsertion et/ou le maintien de la vie "
        "socio-professionnelle et/ou sociale",
        1,
    ),
    ("2.9", "Lutter contre la polymédication et favoriser l'adhérence au traitement", 1),
    ("2.10", "Favoriser le soutien au domicile", 2),
    (
        "2.11",
        "Proposer une gestion individuelle aux patients présentant les problématiques les plus complexes",
        3,
    ),
    ("3.1", "Instaurer une culture de communication", None),
    (
        "3.2",
        "Développer la communication interne (pour tous les acteurs : patients, aidants "
        "proches et professionnels)",
        None,
    ),
    ("3.3", "Développer/utiliser des outils de communication externe", None),
    ("4.1", "Promouvoir la recherche via la création d'un pôle scientifique", None),
    (
        "4.2",
        "Créer une synergie entre le Chronicopôle, le monde académique et les partenaires du "
        "consortium dans le but de développer, promouvoir et diffuser les bonnes pratiques",
        None,
    ),
    (
        "5.1",
        "Proposer un modèle virtuel de calcul d'ajustement des risques et de standardisation "
        "des dépenses de l'assurance-maladie",
        None,
    ),
    ("5.2", "Choisir une méthodologie de redistribution des gains d'efficience", None),
]

# (code, title)
ACTIONS = [
    ("1.1.1", "Déterminer une infrastructure centrale"),
    ("1.1.2", "Rassembler les partenaires autour voire dans cette structure centrale"),
    (
        "1.1.3",
        "Identifier continuellement d'éventuels nouveaux partenaires à rassembler au sein "
        "ou autour de cette structure",
    ),
    ("1.2.1", "Définir les missions et rôles au sein du réseau des partenaires"),
    ("1.2.2", "Désigner des « relais »"),
    ("1.2.3", "Diffuser un annuaire des ressources disponibles sur notre zone"),
    (
        "1.2.4",
        "Déterminer des outils communs pour l'évaluation et la priorisation des besoins "
        "individuels des patients",
    ),
    ("1.2.5", "Assurer la formation continuée des partenaires aux soins intégrés"),
    ("1.3.1", "Recueillir les demandes des patients et/ou de ses aidants proches"),
    ("1.3.2", "Evaluer et prioriser les demandes et besoins individuels des patients du groupe-cible"),
    (
        "2.1.1",
        "Aider à la mise en place du projet « Tip Top » et en informer les partenaires et les communes",
    ),
    ("2.1.2", "Favoriser l'organisation d'animation de prévention en milieu scolaire"),
    (
        "2.2.1",
        "Cartographier les structures sportives et de développement de lien sociaux ainsi "
        "que les agriculteurs/coopératives permettant la vente aux particuliers",
    ),
    (
        "2.2.2",
        "Favoriser la mise en place d'action œuvrant dans le sens de l'adoption d'une "
        "alimentation équilibrée",
    ),
    (
        "2.2.3",
        "Accompagner les patients rachialgiques de manière interdisciplinaire au CSA en vue "
        "d'éviter une chronicisation des douleurs",
    ),
    ("2.3.1", "Mettre en place une cellule de coaching"),
    (
        "2.3.2",
        "Organiser des temps d'échanges / un accompagnement avec des « patients experts » "
        "en maladies chroniques",
    ),
    ("2.3.3", "Assurer la formation des « patients experts » (gestion de groupes, gestion d'émotions, etc.)"),
    (
        "2.4.1",
        "Développer des collaborations avec les structures identifiées pour en favoriser l'accessibilité",
    ),
    (
        "2.4.2",
        "Créer un label de qualité pour les associations partenaires (élaboration d'un cahier des charges)",
    ),
    (
        "2.5.1",
        "S'inscrire dans une pratique smart healthcare - valorisation des nouvelles "
        "technologies pertinentes dans le domaine de la promotion de la santé",
    ),
    ("2.5.2", "Travailler avec un groupe de veille numérique"),
    (
        "2.5.3",
        "Dépister les patients atteints de SAOS (syndrome d'apnée obstructive du sommeil) "
        "et appareillage par CPAP",
    ),
    ("2.6.1", "Aider à la création d'une antenne de l'ASBL Aidants Proches sur Liège"),
    (
        "2.6.2",
        "Valoriser et collaborer avec les associations de patients et les associations de type « self help »",
    ),
    ("2.6.3", "Fédérer les associations de patients chroniques hors pathologie spécifique"),
    (
        "2.6.4",
        "Créer une newsletter pour les patients et les aidants proches (papier et/ou version numérique)",
    ),
    (
        "2.6.5",
        "Organiser des réunions de « vulgarisation », donner l'information via une "
        "application, création de guidelines « evidence based » à destination des patients "
        "et des aidants proches",
    ),
    (
        "2.7.1",
        "Collecter et diffuser les informations relatives aux possibilités existantes sur "
        "la zone au niveau de la mobilité",
    ),
    ("2.7.2", "Proposer un plan de mobilité alternatif et intégré"),
    ("2.8.1", "Cartographier l'ensemble des structures/initiatives travaillant dans ce domaine"),
    ("2.8.2", "Accompagner les patients en réinsertion professionnelle via le réseau TRIO"),
    ("2.8.3", "Adhérer au programme IMBA"),
    ("2.8.4", "Favoriser la prise en compte des aspects d'ergonomie (au sens large) sur le lieu de travail"),
    ("2.8.5", "Travailler à l'adaptation des horaires de travail des patients selon leurs besoins de soins"),
    (
        "2.8.6",
        "Favoriser l'implication/le travail des patients chroniques au niveau des réseaux du projet pilote",
    ),
    ("2.9.1", "Mise en place du système STOPP/START"),
    ("2.9.2", "Utilisation d'outils favorisant l'adhérence au traitement"),
    ("2.10.1", "Mettre en place des prises en charge et des surveillances au niveau du domicile"),
    ("2.10.2", "Faciliter l'accès aux structures de « répit » et les rendre accessibles à tous"),
    (
        "2.10.3",
        "Créer un centre de soins de jour accessible à tous les patients, peu importe leur pathologie",
    ),
    ("2.10.4", "Revoir le financement et la formation des gardes à domicile"),
    ("2.11.1", "Faciliter l'orientation vers les case-manager(s)"),
    ("3.1.1", "Créer un pôle communication et définir ses missions"),
    (
        "3.1.2",
        "Cartographier les outils existants au sein du consortium et identifier les "
        "possibilités en communication des partenaires",
    ),
    ("3.2.1", "Implémenter la plateforme TETRYS"),
    (
        "3.2.2",
        "Favoriser les rencontres physiques et/ou via vidéoconférences en vue d'optimiser le "
        "travail en réseau",
    ),
    ("3.3.1", "Créer un site internet du projet pilote"),
    ("3.3.2", "Diffusion de publicités/informations dans les journaux gratuits"),
    ("3.3.3", "Création de newsletters"),
    ("3.3.4", "Création d'un dépliant disponible chez nos partenaires"),
    ("3.3.5", "Création de publicités radio"),
    ("3.3.6", "Travailler sur l'aspect de littératie en santé"),
    (
        "4.1.1",
        "Créer une « cellule innovation » au sein du Chronicopôle permettant d'aider à la "
        "création et à la mise en route de recherches",
    ),
    ("4.1.2", "Créer des indicateurs de qualité"),
    (
        "4.2.1",
        "Proposer des collaborations pour un soutien scientifique avec différents "
        "départements pertinents dans la prise en charge des patients chroniques",
    ),
    ("4.2.2", "Mettre en place un « living lab » au sein du Chronicopôle"),
    (
        "4.2.3",
        "Collaborer avec l'observatoire de la santé et le Département de la Santé de la "
        "Province de Liège (analyses épidémiologiques, statistiques, etc.)",
    ),
    ("5.1.1", "Travailler dans le cadre du modèle bundled payment"),
    ("5.1.2", "Travailler dans le cadre de l'épargne partagée (shared saving)"),
    ("5.1.3", "Travailler dans le cadre d'une capitation 1re/2e ligne"),
    ("5.2.1", "Travailler dans le cadre du modèle bundled payment"),
    ("5.2.2", "Travailler dans le cadre de l'épargne partagée (shared saving)"),
    ("5.2.3", "Travailler dans le cadre d'une capitation 1re/2e ligne"),
]

# Partners named in the seed, with their category (models.vocab.PartnerCategory). The demo adds
# the CPAS of the zone's municipalities to reach the consortium's 62 members.
PARTNERS = [
    ("AIIB", "first_line"),
    ("AIIPL", "first_line"),
    ("UKILL", "first_line"),
    ("APPL", "first_line"),
    ("IGL", "first_line"),
    ("Association des ergothérapeutes de Belgique", "first_line"),
    ("ASBL Croix jaune et blanche", "first_line"),
    ("Cercle MG Sprimont", "first_line"),
    ("Cercle MG Chaudfontaine-Chênée-Trooz", "first_line"),
    ("Cercle MG Fléron-Beyne-Heusay", "first_line"),
    ("Cercle MG Condroz", "first_line"),
    ("Cercle MG Soumagne", "first_line"),
    ("Cercle MG Tilff-Esneux et environs", "first_line"),
    ("Cercle MG Huy", "first_line"),
    ("Cercle MG Aywaille", "first_line"),
    ("Cercle MG Amay-Engis-Saint-Georges", "first_line"),
    ("CHRH", "second_line"),
    ("CNRF", "second_line"),
    ("CHU-OA", "second_line"),
    ("CHU-NDB", "second_line"),
    ("Médecins spécialistes (collège)", "second_line"),
    ("VAD", "home_care"),
    ("ADMR Huy-Waremme", "home_care"),
    ("ASD", "home_care"),
    ("CSD", "home_care"),
    ("Convention SEP/SLA", "home_care"),
    ("GLS-SISD", "coordination"),
    ("RML", "coordination"),
    ("LUSS", "patient_association"),
    ("Ligue SEP", "patient_association"),
    ("ASBL Aidants proches", "patient_association"),
    ("Retravailler – Réseau Solidaris", "social_sector"),
    ("Association Socialiste de la Personne Handicapée", "social_sector"),
    ("Espace Senior – Réseau Solidaris", "social_sector"),
    ("SAPASEP", "social_sector"),
    ("Mutualité Solidaris", "mutuality"),
    ("Mutualité Chrétienne", "mutuality"),
    ("OMNIMUT", "mutuality"),
    ("ASBL Fit Your Mind", "non_profit"),
    ("DUMG", "academic"),
    ("ULiège – Soins primaires et santé", "academic"),
    ("ULiège – Santé et Société", "academic"),
    ("MEDIMIND", "private"),
    ("WeLL", "private"),
    ("CLPS Huy-Waremme", "non_profit"),
    ("PCS Condroz", "local_authority"),
]

CPAS_MUNICIPALITIES = [
    "Amay",
    "Anthisnes",
    "Aywaille",
    "Beyne-Heusay",
    "Chaudfontaine",
    "Clavier",
    "Comblain-au-Pont",
    "Esneux",
    "Ferrières",
    "Fléron",
    "Hamoir",
    "Huy",
    "Marchin",
    "Modave",
    "Nandrin",
    "Neupré",
]
