"""Indicators and maturity pages."""

MESSAGES = {
    "indicators.title": (
        "Indicateurs d'auto-évaluation",
        "Zelfevaluatie-indicatoren",
        "Self-evaluation indicators",
    ),
    "indicators.col.code": ("Code", "Code", "Code"),
    "indicators.col.name": ("Indicateur", "Indicator", "Indicator"),
    "indicators.col.aim": ("Dimension Quadruple Aim", "Quadruple Aim-dimensie", "Quadruple Aim dimension"),
    "indicators.col.latest": ("Dernière valeur", "Laatste waarde", "Latest value"),
    "indicators.col.period": ("Période", "Periode", "Period"),
    "indicators.col.target": ("Cible", "Doel", "Target"),
    "indicators.col.status": ("Statut", "Status", "Status"),
    "indicators.col.unit": ("Unité", "Eenheid", "Unit"),
    "indicators.col.kind": ("Type", "Type", "Type"),
    "indicators.col.definition": ("Définition", "Definitie", "Definition"),
    "indicators.unit.per_1000": ("pour 1 000", "per 1.000", "per 1,000"),
    "indicators.unit.score_1_5": ("score de 1 à 5", "score van 1 tot 5", "score 1 to 5"),
    "indicators.col.expected": ("Attendu", "Verwacht", "Expected"),
    "indicators.col.trend": ("Évolution", "Verloop", "Trend"),
    "indicators.col.value": ("Valeur", "Waarde", "Value"),
    "indicators.col.region": ("Région de soins", "Zorgregio", "Care region"),
    "indicators.col.numerator": ("Numérateur", "Teller", "Numerator"),
    "indicators.col.denominator": ("Dénominateur", "Noemer", "Denominator"),
    "indicators.col.component": ("Composante", "Component", "Component"),
    "indicators.col.polarity": ("Sens", "Richting", "Polarity"),
    "indicators.col.source": ("Source des données", "Gegevensbron", "Data source"),
    "indicators.col.owner": ("Responsable", "Verantwoordelijke", "Owner"),
    "indicators.col.computation": ("Calcul", "Berekening", "Computation"),
    "indicators.col.decimals": ("Décimales", "Decimalen", "Decimals"),
    "indicators.col.source_kind": ("Origine", "Herkomst", "Origin"),
    "indicators.col.entered_by": ("Par", "Door", "By"),
    "indicators.col.entered_at": ("Le", "Op", "On"),
    "indicators.col.open": ("Action", "Actie", "Action"),
    "indicators.status.on_track": ("En bonne voie", "Op koers", "On track"),
    "indicators.status.at_risk": ("À risque", "Risico", "At risk"),
    "indicators.status.off_track": ("Hors trajectoire", "Uit koers", "Off track"),
    "indicators.status.no_target": ("Sans cible", "Geen doel", "No target"),
    "indicators.status.no_data": ("Pas de données", "Geen gegevens", "No data"),
    "indicators.figure.without_status": ("Sans statut", "Zonder status", "Without status"),
    "indicators.without_status_help": (
        "Indicateurs sans cible ou encore sans valeur.",
        "Indicatoren zonder doel of nog zonder waarde.",
        "Indicators without a target or without a value yet.",
    ),
    "indicators.rule": (
        "**Règle du statut.** La trajectoire est la droite qui va de la valeur de départ à la "
        "cible. **En bonne voie** : au moins aussi bien que la trajectoire, à un dixième près "
        "de l'écart entre départ et cible. **À risque** : moins bien, mais mieux que la valeur "
        "de départ. **Hors trajectoire** : pas mieux que la valeur de départ. Une valeur est "
        "jugée à la fin de sa période (à la date du jour si la période n'est pas finie). "
        "**Sans valeur de départ**, pas de trajectoire : en bonne voie si la cible est "
        "atteinte, à risque sinon.",
        "**Statusregel.** Het traject is de rechte lijn van de beginwaarde naar het doel. "
        "**Op koers**: minstens even goed als het traject, op een tiende van de afstand tussen "
        "begin en doel na. **Risico**: slechter, maar beter dan de beginwaarde. **Uit koers**: "
        "niet beter dan de beginwaarde. Een waarde wordt beoordeeld op het einde van haar "
        "periode (op vandaag als de periode nog loopt). **Zonder beginwaarde** geen traject: "
        "op koers als het doel bereikt is, anders risico.",
        "**Status rule.** The trajectory is the straight line from the baseline to the target. "
        "**On track**: at least as good as the trajectory, give or take a tenth of the distance "
        "from baseline to target. **At risk**: worse, but better than the baseline. **Off "
        "track**: no better than the baseline. A value is judged at the end of its period "
        "(today while the period is not over). **Without a baseline** there is no trajectory: "
        "on track when the target is reached, at risk otherwise.",
    ),
    "indicators.explain.on_track": (
        "En bonne voie : {value} en {period}, pour {expected} attendu sur la trajectoire "
        "(départ {baseline}, cible {target}).",
        "Op koers: {value} in {period}, tegenover {expected} verwacht op het traject (begin "
        "{baseline}, doel {target}).",
        "On track: {value} in {period}, against {expected} expected on the trajectory "
        "(baseline {baseline}, target {target}).",
    ),
    "indicators.explain.at_risk": (
        "À risque : {value} en {period}, pour {expected} attendu sur la trajectoire ; mieux "
        "que le départ ({baseline}), mais en retard (cible {target}).",
        "Risico: {value} in {period}, tegenover {expected} verwacht op het traject; beter dan "
        "het begin ({baseline}), maar achter (doel {target}).",
        "At risk: {value} in {period}, against {expected} expected on the trajectory; better "
        "than the baseline ({baseline}), but behind (target {target}).",
    ),
    "indicators.explain.off_track": (
        "Hors trajectoire : {value} en {period}, pas mieux que la valeur de départ "
        "({baseline}) ; {expected} était attendu (cible {target}).",
        "Uit koers: {value} in {period}, niet beter dan de beginwaarde ({baseline}); "
        "{expected} werd verwacht (doel {target}).",
        "Off track: {value} in {period}, no better than the baseline ({baseline}); {expected} "
        "was expected (target {target}).",
    ),
    "indicators.explain.on_track.no_baseline": (
        "En bonne voie : {value} en {period}, la cible ({target}) est atteinte. Sans valeur "
        "de départ, pas de trajectoire : seule la cible compte.",
        "Op koers: {value} in {period}, het doel ({target}) is bereikt. Zonder beginwaarde "
        "geen traject: alleen het doel telt.",
        "On track: {value} in {period}, the target ({target}) is reached. Without a baseline "
        "there is no trajectory: only the target counts.",
    ),
    "indicators.explain.at_risk.no_baseline": (
        "À risque : {value} en {period}, la cible ({target}) n'est pas atteinte. Sans valeur "
        "de départ, pas de trajectoire : à risque tant que la cible n'est pas atteinte.",
        "Risico: {value} in {period}, het doel ({target}) is niet bereikt. Zonder beginwaarde "
        "geen traject: risico zolang het doel niet bereikt is.",
        "At risk: {value} in {period}, the target ({target}) is not reached. Without a "
        "baseline there is no trajectory: at risk until the target is reached.",
    ),
    "indicators.explain.no_target": (
        "Pas de cible : pas de statut.",
        "Geen doel: geen status.",
        "No target: no status.",
    ),
    "indicators.explain.no_data": (
        "Pas encore de valeur pour l'ensemble du projet.",
        "Nog geen waarde voor het hele project.",
        "No value for the whole project yet.",
    ),
    "indicators.tab.by_aim": (
        "Par dimension Quadruple Aim",
        "Per Quadruple Aim-dimensie",
        "By Quadruple Aim dimension",
    ),
    "indicators.tab.progress": (
        "Progression vers les cibles",
        "Voortgang naar de doelen",
        "Progress towards targets",
    ),
    "indicators.tab.catalogue": (
        "Définitions et téléchargements",
        "Definities en downloads",
        "Definitions and downloads",
    ),
    "indicators.tab.regions": ("Régions", "Regio's", "Regions"),
    "indicators.tab.definition": ("Définition", "Definitie", "Definition"),
    "indicators.tab.actions": ("Actions liées", "Gekoppelde acties", "Linked actions"),
    "indicators.tab.comments": (
        "Commentaires « turn the curve »",
        "Commentaar 'turn the curve'",
        "'Turn the curve' comments",
    ),
    "indicators.tab.values": ("Valeurs et historique", "Waarden en historiek", "Values and history"),
    "indicators.tab.enter": ("Saisir une valeur", "Waarde invoeren", "Enter a value"),
    "indicators.tab.edit": ("Modifier la définition", "Definitie wijzigen", "Edit the definition"),
    "indicators.select_hint": (
        "Cliquez sur une ligne pour ouvrir l'indicateur : série, trajectoire, régions, "
        "définition, actions et commentaires.",
        "Klik op een rij om de indicator te openen: reeks, traject, regio's, definitie, acties "
        "en commentaar.",
        "Click a row to open the indicator: series, trajectory, regions, definition, actions and comments.",
    ),
    "indicators.expected_help": (
        "La valeur de la trajectoire (droite du départ à la cible) à la période de la dernière valeur.",
        "De waarde van het traject (rechte van begin naar doel) in de periode van de laatste waarde.",
        "The trajectory's value (straight line from baseline to target) at the latest value's period.",
    ),
    "indicators.progress": (
        "Chemin parcouru du départ à la cible",
        "Afgelegde weg van begin naar doel",
        "Way covered from baseline to target",
    ),
    "indicators.progress_help": (
        "0 % = valeur de départ, 100 % = cible. Barre : la dernière valeur ; trait noir : où "
        "la trajectoire l'attend. Seuls les indicateurs avec départ et cible figurent ici.",
        "0 % = beginwaarde, 100 % = doel. Balk: de laatste waarde; zwart streepje: waar het "
        "traject ze verwacht. Enkel indicatoren met begin en doel staan hier.",
        "0% = baseline, 100% = target. Bar: the latest value; black tick: where the trajectory "
        "expects it. Only indicators with a baseline and a target are shown.",
    ),
    "indicators.baseline": ("Départ", "Begin", "Baseline"),
    "indicators.baseline_period": ("Période de départ", "Beginperiode", "Baseline period"),
    "indicators.target_period": ("Période cible", "Doelperiode", "Target period"),
    "indicators.trajectory": ("Trajectoire", "Traject", "Trajectory"),
    "indicators.whole_project": ("Ensemble du projet", "Hele project", "Whole project"),
    "indicators.latest_in": (
        "Dernière valeur ({period})",
        "Laatste waarde ({period})",
        "Latest value ({period})",
    ),
    "indicators.baseline_in": ("Départ ({period})", "Begin ({period})", "Baseline ({period})"),
    "indicators.target_in": ("Cible ({period})", "Doel ({period})", "Target ({period})"),
    "indicators.expected_now": (
        "Attendu sur la trajectoire",
        "Verwacht op het traject",
        "Expected on the trajectory",
    ),
    "indicators.computed": (
        "calculé par l'application",
        "berekend door de toepassing",
        "computed by the app",
    ),
    "indicators.not_computed": (
        "valeurs importées ou saisies",
        "geïmporteerde of ingevoerde waarden",
        "values imported or entered",
    ),
    "indicators.computation.social_entrepreneurship_share": (
        "part des actions du portefeuille avec entrepreneuriat social, recalculée à chaque "
        "modification des actions",
        "aandeel acties in de portefeuille met sociaal ondernemerschap, herberekend bij elke "
        "wijziging van de acties",
        "share of the portfolio's actions with social entrepreneurship, recomputed whenever "
        "the actions change",
    ),
    "indicators.computation.actions_on_time": (
        "actions terminées au plus tard à la fin prévue au plan initial, recalculée à chaque "
        "modification des actions",
        "acties afgerond uiterlijk op het einde in het oorspronkelijke plan, herberekend bij "
        "elke wijziging van de acties",
        "actions finished no later than the end in the original plan, recomputed whenever the actions change",
    ),
    "indicators.computation.partner_satisfaction": (
        "moyenne de la satisfaction globale par vague de l'enquête partenaires (vagues d'au "
        "moins 5 répondants), recalculée à chaque import d'enquête",
        "gemiddelde algemene tevredenheid per golf van de partnerbevraging (golven met minstens "
        "5 respondenten), herberekend bij elke import van een bevraging",
        "mean overall satisfaction per wave of the partner survey (waves of at least 5 "
        "respondents), recomputed at every survey import",
    ),
    "indicators.small_cells_rule": (
        "Petits effectifs : une valeur est masquée (« < 5 ») quand son numérateur, son "
        "dénominateur ou, pour un pourcentage, les personnes hors du numérateur sont moins de "
        "5 ; une autre région est masquée quand la soustraction du total la révélerait.",
        "Kleine aantallen: een waarde wordt verborgen ('< 5') als haar teller, haar noemer of, "
        "bij een percentage, de personen buiten de teller minder dan 5 zijn; een andere regio "
        "wordt verborgen als aftrekken van het totaal ze zou verraden.",
        "Small cells: a value is hidden ('< 5') when its numerator, its denominator or, for a "
        "percentage, the persons outside the numerator are fewer than 5; another region is "
        "hidden when subtracting from the total would reveal it.",
    ),
    "indicators.no_values": ("Pas encore de valeur.", "Nog geen waarde.", "No value yet."),
    "indicators.no_regions": (
        "Pas de valeur par région de soins pour cet indicateur.",
        "Geen waarde per zorgregio voor deze indicator.",
        "No value per care region for this indicator.",
    ),
    "indicators.regions_of": (
        "Régions de soins en {period}",
        "Zorgregio's in {period}",
        "Care regions in {period}",
    ),
    "indicators.no_actions": (
        "Aucune action liée à cet indicateur.",
        "Geen actie gekoppeld aan deze indicator.",
        "No action linked to this indicator.",
    ),
    "indicators.open_action": ("Ouvrir", "Openen", "Open"),
    "indicators.comments_help": (
        "Que se passe-t-il derrière la courbe, qui peut aider, que faire pour l'infléchir ?",
        "Wat zit er achter de curve, wie kan helpen, wat doen om ze om te buigen?",
        "What is behind the curve, who can help, what could turn it?",
    ),
    "indicators.comment": ("Commentaire", "Commentaar", "Comment"),
    "indicators.comment_placeholder": (
        "Ce que la courbe nous dit et ce que nous proposons…",
        "Wat de curve ons zegt en wat we voorstellen…",
        "What the curve tells us and what we propose…",
    ),
    "indicators.comment_submit": ("Ajouter le commentaire", "Commentaar toevoegen", "Add the comment"),
    "indicators.comment_added": ("Commentaire ajouté.", "Commentaar toegevoegd.", "Comment added."),
    "indicators.no_comments": ("Pas encore de commentaire.", "Nog geen commentaar.", "No comment yet."),
    "indicators.history": (
        "Historique des valeurs saisies et importées",
        "Historiek van ingevoerde en geïmporteerde waarden",
        "History of entered and imported values",
    ),
    "indicators.no_history": (
        "Pas de modification enregistrée (les valeurs calculées et celles de la démo n'en ont pas).",
        "Geen wijziging vastgelegd (berekende waarden en die van de demo hebben er geen).",
        "No change recorded (computed values and the demo's have none).",
    ),
    "indicators.change.entered": ("Saisie", "Invoer", "Entry"),
    "indicators.change.imported": ("Import", "Import", "Import"),
    "indicators.change.deleted": ("Suppression", "Verwijdering", "Deletion"),
    "indicators.change.computed": ("Calcul", "Berekening", "Computation"),
    "indicators.computed_no_entry": (
        "Cet indicateur est calculé par l'application : ses valeurs ne se saisissent pas.",
        "Deze indicator wordt door de toepassing berekend: de waarden worden niet ingevoerd.",
        "This indicator is computed by the app: its values are not entered.",
    ),
    "indicators.enter_help": (
        "Une valeur (en {unit}), ou un numérateur et un dénominateur (la valeur en est "
        "déduite). Une valeur existante pour cette période et cette région est remplacée ; "
        "l'ancienne reste dans l'historique.",
        "Een waarde (in {unit}), of een teller en een noemer (de waarde volgt eruit). Een "
        "bestaande waarde voor die periode en regio wordt vervangen; de oude blijft in de "
        "historiek.",
        "A value (in {unit}), or a numerator and a denominator (the value follows from them). "
        "An existing value for that period and region is replaced; the old one stays in the "
        "history.",
    ),
    "indicators.period_placeholder": (
        "2026, 2026-Q3 ou 2026-06",
        "2026, 2026-Q3 of 2026-06",
        "2026, 2026-Q3 or 2026-06",
    ),
    "indicators.enter_submit": ("Enregistrer la valeur", "Waarde opslaan", "Save the value"),
    "indicators.entered.added": ("Valeur ajoutée.", "Waarde toegevoegd.", "Value added."),
    "indicators.entered.changed": (
        "Valeur remplacée (l'ancienne est dans l'historique).",
        "Waarde vervangen (de oude staat in de historiek).",
        "Value replaced (the old one is in the history).",
    ),
    "indicators.entered.unchanged": (
        "Cette valeur était déjà enregistrée : rien n'a changé.",
        "Deze waarde stond er al: niets gewijzigd.",
        "This value was already recorded: nothing changed.",
    ),
    "indicators.delete_title": (
        "Supprimer une valeur erronée",
        "Een foute waarde verwijderen",
        "Remove a wrong value",
    ),
    "indicators.delete_which": ("Valeur", "Waarde", "Value"),
    "indicators.delete_submit": ("Supprimer", "Verwijderen", "Remove"),
    "indicators.deleted": (
        "Valeur supprimée (elle reste dans l'historique).",
        "Waarde verwijderd (ze blijft in de historiek).",
        "Value removed (it stays in the history).",
    ),
    "indicators.computed_definition": (
        "Indicateur calculé par l'application : seuls départ, cible, source, responsable et "
        "actions liées se modifient.",
        "Indicator berekend door de toepassing: enkel begin, doel, bron, verantwoordelijke en "
        "gekoppelde acties zijn te wijzigen.",
        "Indicator computed by the app: only baseline, target, source, owner and linked actions can change.",
    ),
    "indicators.name_in.fr": ("Nom (français)", "Naam (Frans)", "Name (French)"),
    "indicators.name_in.nl": ("Nom (néerlandais)", "Naam (Nederlands)", "Name (Dutch)"),
    "indicators.name_in.en": ("Nom (anglais)", "Naam (Engels)", "Name (English)"),
    "indicators.definition_in.fr": ("Définition (français)", "Definitie (Frans)", "Definition (French)"),
    "indicators.definition_in.nl": (
        "Définition (néerlandais)",
        "Definitie (Nederlands)",
        "Definition (Dutch)",
    ),
    "indicators.definition_in.en": ("Définition (anglais)", "Definitie (Engels)", "Definition (English)"),
    "indicators.numerator_in.fr": ("Numérateur (français)", "Teller (Frans)", "Numerator (French)"),
    "indicators.numerator_in.nl": ("Numérateur (néerlandais)", "Teller (Nederlands)", "Numerator (Dutch)"),
    "indicators.numerator_in.en": ("Numérateur (anglais)", "Teller (Engels)", "Numerator (English)"),
    "indicators.denominator_in.fr": ("Dénominateur (français)", "Noemer (Frans)", "Denominator (French)"),
    "indicators.denominator_in.nl": (
        "Dénominateur (néerlandais)",
        "Noemer (Nederlands)",
        "Denominator (Dutch)",
    ),
    "indicators.denominator_in.en": ("Dénominateur (anglais)", "Noemer (Engels)", "Denominator (English)"),
    "indicators.linked_actions": ("Actions liées", "Gekoppelde acties", "Linked actions"),
    "indicators.linked_actions_placeholder": ("Choisir des actions", "Kies acties", "Choose actions"),
    "indicators.save_definition": ("Enregistrer la définition", "Definitie opslaan", "Save the definition"),
    "indicators.definition_saved": (
        "Indicateur {code} enregistré.",
        "Indicator {code} opgeslagen.",
        "Indicator {code} saved.",
    ),
    "indicators.new": ("Nouvel indicateur", "Nieuwe indicator", "New indicator"),
    "indicators.no_catalogue": (
        "Ce projet n'a pas encore d'indicateurs.",
        "Dit project heeft nog geen indicatoren.",
        "This project has no indicators yet.",
    ),
    "indicators.install_catalogue": (
        "Installer le catalogue par défaut",
        "Standaardcatalogus installeren",
        "Install the default catalogue",
    ),
    "indicators.catalogue_installed.one": (
        "{count} indicateur ajouté.",
        "{count} indicator toegevoegd.",
        "{count} indicator added.",
    ),
    "indicators.catalogue_installed.other": (
        "{count} indicateurs ajoutés.",
        "{count} indicatoren toegevoegd.",
        "{count} indicators added.",
    ),
    # the data sources of the default catalogue (data_loaders.catalogues.indicators)
    "indicators.data_source.ima_atlas": ("Atlas AIM", "IMA-Atlas", "IMA/AIM Atlas"),
    "indicators.data_source.ima": (
        "AIM (Agence InterMutualiste)",
        "IMA (InterMutualistisch Agentschap)",
        "IMA/AIM",
    ),
    "indicators.data_source.project_registration": (
        "Enregistrement du projet",
        "Registratie van het project",
        "Project registration",
    ),
    "indicators.data_source.patient_survey_faith": (
        "Enquête patients (FAITH.be)",
        "Patiëntenbevraging (FAITH.be)",
        "Patient survey (FAITH.be)",
    ),
    "indicators.data_source.provider_survey_faith": (
        "Enquête prestataires (FAITH.be)",
        "Bevraging zorgverleners (FAITH.be)",
        "Provider survey (FAITH.be)",
    ),
    "indicators.data_source.portfolio": (
        "Portefeuille d'actions (cette application)",
        "Actieportefeuille (deze toepassing)",
        "Portfolio of actions (this app)",
    ),
    "indicators.data_source.partner_survey": (
        "Enquête partenaires (cette application)",
        "Partnerbevraging (deze toepassing)",
        "Partner survey (this app)",
    ),
    "indicators.catalogue_help": (
        "Ce qu'il y a derrière chaque chiffre : définition, numérateur, dénominateur, source, "
        "responsable, départ et cible. Valeurs téléchargeables au format d'import, petits "
        "effectifs notés « < 5 ».",
        "Wat achter elk cijfer zit: definitie, teller, noemer, bron, verantwoordelijke, begin "
        "en doel. Waarden te downloaden in het importformaat, kleine aantallen als '< 5'.",
        "What is behind every number: definition, numerator, denominator, source, owner, "
        "baseline and target. Values to download in the import format, small cells as '< 5'.",
    ),
    "indicators.download_catalogue": (
        "Définitions (dictionnaire)",
        "Definities (woordenboek)",
        "Definitions (dictionary)",
    ),
    "indicators.download_values": ("Valeurs", "Waarden", "Values"),
    "maturity.title": (
        "Maturité des soins intégrés (SCIROCCO)",
        "Maturiteit van geïntegreerde zorg (SCIROCCO)",
        "Integrated-care maturity (SCIROCCO)",
    ),
    "maturity.no_data": (
        "Aucun tour d'auto-évaluation pour ce projet.",
        "Nog geen zelfevaluatieronde voor dit project.",
        "No self-assessment round for this project yet.",
    ),
    "maturity.round": ("Tour d'évaluation", "Evaluatieronde", "Assessment round"),
    "maturity.closed": ("consensus enregistré", "consensus vastgelegd", "consensus recorded"),
    "maturity.open": ("scores en cours", "scores lopen", "scoring open"),
    "maturity.figure.median": ("Médiane du consensus", "Mediaan van de consensus", "Median consensus"),
    "maturity.figure.level": ("Niveau", "Niveau", "Level"),
    "maturity.figure.improved": ("Dimensions en progrès", "Dimensies vooruitgegaan", "Dimensions improved"),
    "maturity.figure.split": ("Incertains (avis partagés)", "Onzeker (verdeeld)", "Uncertain (split views)"),
    "maturity.figure.low_without_action": (
        "Faibles, sans action",
        "Laag, zonder actie",
        "Low, without action",
    ),
    "maturity.levels_help": (
        "Échelle SCIROCCO 0 à 5 : 0–2 initial, 3–4 en progression, 5 optimisé.",
        "SCIROCCO-schaal 0 tot 5: 0–2 beginnend, 3–4 in ontwikkeling, 5 geoptimaliseerd.",
        "SCIROCCO scale 0 to 5: 0–2 initial, 3–4 progressing, 5 optimising.",
    ),
    "maturity.level.initial": ("initial", "beginnend", "initial"),
    "maturity.level.progressing": ("en progression", "in ontwikkeling", "progressing"),
    "maturity.level.optimising": ("optimisé", "geoptimaliseerd", "optimising"),
    "maturity.level.uncertain": ("incertain", "onzeker", "uncertain"),
    "maturity.improved_help": (
        "Dimensions dont le consensus dépasse celui du tour {previous}.",
        "Dimensies waarvan de consensus hoger is dan in ronde {previous}.",
        "Dimensions whose consensus is above round {previous}'s.",
    ),
    "maturity.split_help": (
        "Scores individuels distants de 3 points ou plus : les avis sont partagés et SCIROCCO "
        "lit le niveau comme « incertain », ce qui est en soi un constat à discuter.",
        "Individuele scores 3 punten of meer uit elkaar: de meningen zijn verdeeld en SCIROCCO "
        "leest het niveau als 'onzeker', op zich een vaststelling om te bespreken.",
        "Individual scores 3 or more points apart: views are split and SCIROCCO reads the "
        "level as 'uncertain', itself a finding to discuss.",
    ),
    "maturity.low_help": (
        "Consensus (ou, avant lui, médiane) de 2 ou moins et aucune action du plan (prévue, en "
        "cours, en pause ou terminée) ne s'y attaque.",
        "Consensus (of, daarvoor, mediaan) van 2 of minder en geen actie van het plan "
        "(gepland, lopend, gepauzeerd of afgerond) pakt ze aan.",
        "Consensus (or, before it, median) of 2 or less and no action of the plan (planned, in "
        "progress, on hold or done) addresses it.",
    ),
    "maturity.round_open_note.one": (
        "Tour {round} ouvert : {count} évaluateur a déjà noté. Le consensus n'est pas encore enregistré.",
        "Ronde {round} loopt: {count} beoordelaar scoorde al. De consensus is nog niet vastgelegd.",
        "Round {round} is open: {count} assessor has scored. The consensus is not recorded yet.",
    ),
    "maturity.round_open_note.other": (
        "Tour {round} ouvert : {count} évaluateurs ont déjà noté. Le consensus n'est pas encore enregistré.",
        "Ronde {round} loopt: {count} beoordelaars scoorden al. De consensus is nog niet vastgelegd.",
        "Round {round} is open: {count} assessors have scored. The consensus is not recorded yet.",
    ),
    "maturity.tab.results": ("Consensus", "Consensus", "Consensus"),
    "maturity.tab.spread": ("Dispersion des scores", "Spreiding van de scores", "Spread of scores"),
    "maturity.tab.actions": ("Actions par dimension", "Acties per dimensie", "Actions by dimension"),
    "maturity.tab.my_scores": ("Mes scores", "Mijn scores", "My scores"),
    "maturity.tab.consensus": ("Enregistrer le consensus", "Consensus vastleggen", "Record the consensus"),
    "maturity.tab.rounds": ("Tours", "Rondes", "Rounds"),
    "maturity.radar_title": (
        "Consensus du tour {round} (0 au centre, 5 au bord)",
        "Consensus van ronde {round} (0 in het midden, 5 aan de rand)",
        "Consensus of round {round} (0 in the centre, 5 at the edge)",
    ),
    "maturity.radar_caption": (
        "En gris : le tour {previous}.",
        "In grijs: ronde {previous}.",
        "In grey: round {previous}.",
    ),
    "maturity.no_consensus": (
        "Le consensus du tour {round} n'est pas encore enregistré.",
        "De consensus van ronde {round} is nog niet vastgelegd.",
        "The consensus of round {round} is not recorded yet.",
    ),
    "maturity.col.dimension": ("Dimension", "Dimensie", "Dimension"),
    "maturity.actions_count_help": (
        "Actions du plan (prévues, en cours, en pause ou terminées) qui s'attaquent à la "
        "dimension ; les idées et les actions arrêtées ne comptent pas.",
        "Acties van het plan (gepland, lopend, gepauzeerd of afgerond) die de dimensie "
        "aanpakken; ideeën en stopgezette acties tellen niet.",
        "Actions of the plan (planned, in progress, on hold or done) addressing the dimension; "
        "ideas and stopped actions do not count.",
    ),
    "maturity.findings": ("À retenir", "Om te onthouden", "Findings"),
    "maturity.finding.improved": (
        "**En progrès depuis {previous}** : {dimensions}.",
        "**Vooruitgang sinds {previous}**: {dimensions}.",
        "**Improved since {previous}**: {dimensions}.",
    ),
    "maturity.finding.declined": (
        "**En recul depuis {previous}** : {dimensions}.",
        "**Achteruitgang sinds {previous}**: {dimensions}.",
        "**Declined since {previous}**: {dimensions}.",
    ),
    "maturity.finding.split": (
        "**Incertain, avis partagés** (écart de 3 points ou plus) : {dimensions}.",
        "**Onzeker, verdeelde meningen** (3 punten of meer uit elkaar): {dimensions}.",
        "**Uncertain, split views** (3 or more points apart): {dimensions}.",
    ),
    "maturity.finding.low_without_action": (
        "**Faibles et sans action du plan** : {dimensions}.",
        "**Laag en zonder actie van het plan**: {dimensions}.",
        "**Low and without any action of the plan**: {dimensions}.",
    ),
    "maturity.dimension_heading": (
        "{number}. {name} · consensus {consensus} · {actions}",
        "{number}. {name} · consensus {consensus} · {actions}",
        "{number}. {name} · consensus {consensus} · {actions}",
    ),
    "maturity.plan_actions.one": (
        "{count} action du plan",
        "{count} actie van het plan",
        "{count} plan action",
    ),
    "maturity.plan_actions.other": (
        "{count} actions du plan",
        "{count} acties van het plan",
        "{count} plan actions",
    ),
    "maturity.dimension_heading.more": (
        "{number}. {name} · consensus {consensus} · {actions}, {linked}",
        "{number}. {name} · consensus {consensus} · {actions}, {linked}",
        "{number}. {name} · consensus {consensus} · {actions}, {linked}",
    ),
    "maturity.linked_in_all.one": (
        "{count} liée en tout",
        "{count} gekoppeld in totaal",
        "{count} linked in all",
    ),
    "maturity.linked_in_all.other": (
        "{count} liées en tout",
        "{count} gekoppeld in totaal",
        "{count} linked in all",
    ),
    "maturity.no_action": (
        "Aucune action du plan ne s'attaque à cette dimension.",
        "Geen actie van het plan pakt deze dimensie aan.",
        "No action of the plan addresses this dimension.",
    ),
    "maturity.col.round": ("Tour", "Ronde", "Round"),
    "maturity.col.consensus": ("Consensus", "Consensus", "Consensus"),
    "maturity.col.previous": ("Tour précédent", "Vorige ronde", "Previous round"),
    "maturity.col.change": ("Évolution", "Verschil", "Change"),
    "maturity.col.level": ("Niveau", "Niveau", "Level"),
    "maturity.col.median": ("Médiane", "Mediaan", "Median"),
    "maturity.col.min": ("Min.", "Min.", "Min."),
    "maturity.col.max": ("Max.", "Max.", "Max."),
    "maturity.col.range": ("Écart", "Spreiding", "Range"),
    "maturity.col.reading": ("Lecture", "Lezing", "Reading"),
    "maturity.col.actions": ("Actions", "Acties", "Actions"),
    "maturity.col.action_codes": ("Actions du plan", "Acties van het plan", "Plan actions"),
    "maturity.col.flag": ("À signaler", "Aandachtspunt", "Flag"),
    "maturity.col.score": ("Score (0 à 5)", "Score (0 tot 5)", "Score (0 to 5)"),
    "maturity.col.justification": ("Justification", "Verantwoording", "Justification"),
    "maturity.col.note": ("Note du consensus", "Notitie bij de consensus", "Consensus note"),
    "maturity.col.assessor": ("Évaluateur", "Beoordelaar", "Assessor"),
    "maturity.col.assessors": ("Évaluateurs", "Beoordelaars", "Assessors"),
    "maturity.col.consensus_dimensions": (
        "Dimensions avec consensus",
        "Dimensies met consensus",
        "Dimensions with a consensus",
    ),
    "maturity.split": ("incertain (avis partagés)", "onzeker (verdeeld)", "uncertain (split)"),
    "maturity.agreement": ("accord", "eensgezind", "agreement"),
    "maturity.reading": ("{level} ({distribution})", "{level} ({distribution})", "{level} ({distribution})"),
    "maturity.flag_low": ("faible, aucune action", "laag, geen actie", "low, no action"),
    "maturity.notes": ("Notes du consensus", "Notities bij de consensus", "Consensus notes"),
    "maturity.spread_help": (
        "Chaque point : les évaluateurs ({assessors}) qui ont donné ce score, d'autant plus "
        "gros qu'ils sont nombreux ; en rouge, les dimensions incertaines, aux avis partagés "
        "(écart de 3 points ou plus). Trait : médiane ; losange : consensus.",
        "Elk punt: de beoordelaars ({assessors}) die deze score gaven, groter naarmate het er "
        "meer zijn; in rood de onzekere dimensies, met verdeelde meningen (3 "
        "punten of meer uit elkaar). Streep: mediaan; ruit: consensus.",
        "Each dot: the assessors ({assessors}) who gave that score, larger when more did; in "
        "red, uncertain dimensions, with split views (3 or more points apart). Tick: median; diamond: "
        "consensus.",
    ),
    "maturity.no_scores": (
        "Pas encore de score individuel au tour {round}.",
        "Nog geen individuele score in ronde {round}.",
        "No individual score in round {round} yet.",
    ),
    "maturity.split_list": (
        "Incertain, avis partagés à discuter : {dimensions}.",
        "Onzeker, verdeelde meningen te bespreken: {dimensions}.",
        "Uncertain, split views to discuss: {dimensions}.",
    ),
    "maturity.justifications": (
        "Scores individuels et justifications",
        "Individuele scores en verantwoordingen",
        "Individual scores and justifications",
    ),
    "maturity.low_list": (
        "Score faible et aucune action du plan : {dimensions}.",
        "Lage score en geen actie van het plan: {dimensions}.",
        "Low score and no action of the plan: {dimensions}.",
    ),
    "maturity.actions_help": (
        "Les actions du plan qui s'attaquent à chaque dimension SCIROCCO.",
        "De acties van het plan die elke SCIROCCO-dimensie aanpakken.",
        "The plan's actions that address each SCIROCCO dimension.",
    ),
    "maturity.link_title": (
        "Lier des actions à une dimension",
        "Acties aan een dimensie koppelen",
        "Link actions to a dimension",
    ),
    "maturity.link_actions": (
        "Actions qui s'attaquent à cette dimension",
        "Acties die deze dimensie aanpakken",
        "Actions that address this dimension",
    ),
    "maturity.link_save": ("Enregistrer les liens", "Koppelingen opslaan", "Save the links"),
    "maturity.links_saved.one": (
        "{count} lien modifié.",
        "{count} koppeling gewijzigd.",
        "{count} link changed.",
    ),
    "maturity.links_saved.other": (
        "{count} liens modifiés.",
        "{count} koppelingen gewijzigd.",
        "{count} links changed.",
    ),
    "maturity.closed_scores": (
        "Le consensus du tour {round} est enregistré : les scores individuels sont clos.",
        "De consensus van ronde {round} is vastgelegd: de individuele scores zijn afgesloten.",
        "The consensus of round {round} is recorded: individual scores are closed.",
    ),
    "maturity.score_help": (
        "Vos scores ({name}) : 0 à 5 par dimension, chacun avec une courte justification. "
        "Vous pouvez les modifier jusqu'à l'enregistrement du consensus ; une ligne sans score "
        "n'est pas notée.",
        "Uw scores ({name}): 0 tot 5 per dimensie, elk met een korte verantwoording. U kunt ze "
        "wijzigen tot de consensus vastgelegd is; een rij zonder score telt niet.",
        "Your scores ({name}): 0 to 5 per dimension, each with a short justification. You may "
        "change them until the consensus is recorded; a row without a score is not scored.",
    ),
    "maturity.save_scores": ("Enregistrer mes scores", "Mijn scores opslaan", "Save my scores"),
    "maturity.scores_saved.one": (
        "{count} score enregistré.",
        "{count} score opgeslagen.",
        "{count} score saved.",
    ),
    "maturity.scores_saved.other": (
        "{count} scores enregistrés.",
        "{count} scores opgeslagen.",
        "{count} scores saved.",
    ),
    "maturity.consensus_help": (
        "Après l'atelier : le score retenu ensemble pour chaque dimension, avec une note. "
        "L'enregistrement clôt les scores individuels du tour ; le consensus reste corrigeable.",
        "Na de workshop: de samen gekozen score per dimensie, met een notitie. Vastleggen "
        "sluit de individuele scores van de ronde af; de consensus blijft corrigeerbaar.",
        "After the workshop: the score agreed for each dimension, with a note. Recording it "
        "closes the round's individual scores; the consensus can still be corrected.",
    ),
    "maturity.save_consensus": ("Enregistrer le consensus", "Consensus vastleggen", "Record the consensus"),
    "maturity.consensus_saved.one": (
        "Consensus enregistré ({count} dimension modifiée).",
        "Consensus vastgelegd ({count} dimensie gewijzigd).",
        "Consensus recorded ({count} dimension changed).",
    ),
    "maturity.consensus_saved.other": (
        "Consensus enregistré ({count} dimensions modifiées).",
        "Consensus vastgelegd ({count} dimensies gewijzigd).",
        "Consensus recorded ({count} dimensions changed).",
    ),
    "maturity.round_name": ("Nom du tour", "Naam van de ronde", "Round name"),
    "maturity.round_date": ("Date", "Datum", "Date"),
    "maturity.open_round": ("Ouvrir un nouveau tour", "Nieuwe ronde openen", "Open a new round"),
    "maturity.round_opened": ("Tour {round} ouvert.", "Ronde {round} geopend.", "Round {round} opened."),
    # ---- import tab
    "import.kind.indicators": ("Valeurs d'indicateurs", "Indicatorwaarden", "Indicator values"),
    "import.indicators.new": ("Nouvelles valeurs", "Nieuwe waarden", "New values"),
    "import.indicators.changed": ("Valeurs modifiées", "Gewijzigde waarden", "Changed values"),
    "import.indicators.unchanged": ("Inchangées", "Ongewijzigd", "Unchanged"),
    "import.indicators.new_indicators": (
        "Indicateurs ajoutés depuis le catalogue par défaut : {codes}.",
        "Indicatoren toegevoegd uit de standaardcatalogus: {codes}.",
        "Indicators added from the default catalogue: {codes}.",
    ),
    "import.indicators.figures": (
        "Valeur / numérateur / dénominateur.",
        "Waarde / teller / noemer.",
        "Value / numerator / denominator.",
    ),
    "import.indicators.columns": (
        "Une ligne par indicateur, période et région. Colonnes obligatoires : **indicator** "
        "(code, p. ex. GP_AFTER_DISCHARGE) et **period** (2021, 2021-Q3 ou 2021-06). "
        "Facultatives : **region** (code ou nom ; vide = tout le projet), **value**, "
        "**numerator**, **denominator** — chaque ligne a une valeur, ou un numérateur et un "
        "dénominateur. Les valeurs absentes du fichier sont conservées.",
        "Eén rij per indicator, periode en regio. Verplichte kolommen: **indicator** (code, "
        "bv. GP_AFTER_DISCHARGE) en **period** (2021, 2021-Q3 of 2021-06). Optioneel: "
        "**region** (code of naam; leeg = het hele project), **value**, **numerator**, "
        "**denominator** — elke rij heeft een waarde, of een teller en een noemer. Waarden die "
        "niet in het bestand staan, blijven behouden.",
        "One row per indicator, period and region. Required columns: **indicator** (code, "
        "e.g. GP_AFTER_DISCHARGE) and **period** (2021, 2021-Q3 or 2021-06). Optional: "
        "**region** (code or name; empty = the whole project), **value**, **numerator**, "
        "**denominator** — each row has a value, or a numerator and a denominator. Values "
        "absent from the file are kept.",
    ),
    # ---- problems of indicator values and definitions (files and forms)
    "problem.indicator.no_value_column": (
        "aucune colonne de valeur : il faut « value », ou « numerator » et « denominator ».",
        "geen waardekolom: nodig is 'value', of 'numerator' en 'denominator'.",
        "no value column: 'value', or 'numerator' and 'denominator', is needed.",
    ),
    "problem.indicator.bad_period": (
        "période illisible : attendu une année (2021), un trimestre (2021-Q3) ou un mois (2021-06).",
        "onleesbare periode: verwacht een jaar (2021), een kwartaal (2021-Q3) of een maand (2021-06).",
        "unreadable period: expected a year (2021), a quarter (2021-Q3) or a month (2021-06).",
    ),
    "problem.indicator.negative_count": (
        "un numérateur ou un dénominateur (nombre de personnes) ne peut être négatif.",
        "een teller of noemer (aantal personen) kan niet negatief zijn.",
        "a numerator or denominator (a number of persons) cannot be negative.",
    ),
    "problem.indicator.zero_denominator": (
        "le dénominateur ne peut être 0.",
        "de noemer kan niet 0 zijn.",
        "the denominator cannot be 0.",
    ),
    "problem.indicator.numerator_above_denominator": (
        "le numérateur dépasse le dénominateur ({denominator}) d'un pourcentage.",
        "de teller is groter dan de noemer ({denominator}) van een percentage.",
        "the numerator is larger than the denominator ({denominator}) of a percentage.",
    ),
    "problem.indicator.no_value": (
        "il faut une valeur, ou un numérateur et un dénominateur.",
        "een waarde is nodig, of een teller en een noemer.",
        "a value is needed, or a numerator and a denominator.",
    ),
    "problem.indicator.inconsistent_value": (
        "la valeur ne correspond pas au numérateur et au dénominateur (attendu {expected} {unit}).",
        "de waarde klopt niet met teller en noemer (verwacht {expected} {unit}).",
        "the value does not match the numerator and denominator (expected {expected} {unit}).",
    ),
    "problem.indicator.share_out_of_range": (
        "un pourcentage doit être entre 0 et 100 ({unit}).",
        "een percentage moet tussen 0 en 100 liggen ({unit}).",
        "a percentage must be between 0 and 100 ({unit}).",
    ),
    "problem.indicator.duplicate_row": (
        "même indicateur, période et région qu'en ligne {first_line}.",
        "zelfde indicator, periode en regio als op regel {first_line}.",
        "same indicator, period and region as on line {first_line}.",
    ),
    "problem.indicator.unknown": (
        "indicateur inconnu dans ce projet (les plus proches : {closest}).",
        "onbekende indicator in dit project (dichtstbijzijnde: {closest}).",
        "unknown indicator in this project (closest: {closest}).",
    ),
    "problem.indicator.computed": (
        "cet indicateur est calculé par l'application à partir de ses propres données : ses "
        "valeurs ne se saisissent ni ne s'importent.",
        "deze indicator wordt door de toepassing berekend uit haar eigen gegevens: de waarden "
        "worden niet ingevoerd of geïmporteerd.",
        "this indicator is computed by the app from its own data: its values are neither "
        "entered nor imported.",
    ),
    "problem.indicator.bad_region": (
        "région de soins inconnue dans ce projet.",
        "onbekende zorgregio in dit project.",
        "unknown care region in this project.",
    ),
    "problem.indicator.too_long": (
        "texte trop long (au plus {limit} caractères).",
        "tekst te lang (hoogstens {limit} tekens).",
        "text too long (at most {limit} characters).",
    ),
    "problem.indicator.bad_code": (
        "code non valide : des majuscules, chiffres et _ (2 à 64), commençant par une lettre, "
        "p. ex. GP_AFTER_DISCHARGE.",
        "ongeldige code: hoofdletters, cijfers en _ (2 tot 64), beginnend met een letter, "
        "bv. GP_AFTER_DISCHARGE.",
        "invalid code: capitals, digits and _ (2 to 64), starting with a letter, e.g. GP_AFTER_DISCHARGE.",
    ),
    "problem.indicator.bad_choice": ("choix non valide.", "ongeldige keuze.", "invalid choice."),
    "problem.indicator.bad_decimals": (
        "nombre de décimales entre 0 et 4.",
        "aantal decimalen tussen 0 en 4.",
        "number of decimals between 0 and 4.",
    ),
    "problem.indicator.value_and_period": (
        "une valeur de départ ou une cible va avec sa période (les deux, ou aucune).",
        "een beginwaarde of doel hoort bij een periode (beide, of geen van beide).",
        "a baseline or target goes with its period (both, or neither).",
    ),
    "problem.indicator.target_before_baseline": (
        "la période cible doit suivre celle de la valeur de départ ({baseline}).",
        "de doelperiode moet na die van de beginwaarde ({baseline}) vallen.",
        "the target period must come after the baseline period ({baseline}).",
    ),
    "problem.indicator.bad_action": (
        "action inconnue dans ce projet.",
        "onbekende actie in dit project.",
        "unknown action in this project.",
    ),
    # ---- problems of maturity scores
    "problem.maturity.too_long": (
        "texte trop long (au plus {limit} caractères).",
        "tekst te lang (hoogstens {limit} tekens).",
        "text too long (at most {limit} characters).",
    ),
    "problem.maturity.round_exists": (
        "un tour porte déjà ce nom.",
        "er is al een ronde met deze naam.",
        "a round already has this name.",
    ),
    "problem.maturity.bad_dimension": (
        "dimension inconnue (1 à 12) ou donnée deux fois.",
        "onbekende dimensie (1 tot 12) of twee keer gegeven.",
        "unknown dimension (1 to 12) or given twice.",
    ),
    "problem.maturity.bad_score": (
        "score hors de {low} à {high}.",
        "score buiten {low} tot {high}.",
        "score outside {low} to {high}.",
    ),
    "problem.maturity.justification_required": (
        "chaque score a besoin d'une courte justification.",
        "elke score heeft een korte verantwoording nodig.",
        "each score needs a short justification.",
    ),
    "error.maturity_round_closed": (
        "Le consensus du tour {round} est enregistré : les scores individuels ne changent plus.",
        "De consensus van ronde {round} is vastgelegd: de individuele scores veranderen niet meer.",
        "The consensus of round {round} is recorded: individual scores no longer change.",
    ),
    "error.maturity_empty_consensus": (
        "Aucun score de consensus donné.",
        "Geen consensusscore gegeven.",
        "No consensus score given.",
    ),
    "error.maturity_bad_dimension": (
        "Dimension inconnue ({dimension}).",
        "Onbekende dimensie ({dimension}).",
        "Unknown dimension ({dimension}).",
    ),
}
