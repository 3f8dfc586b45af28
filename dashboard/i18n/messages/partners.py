"""Partner surveys: the Surveys page, the survey import tab and the problems of survey files."""

MESSAGES = {
    "surveys.title": ("Enquêtes auprès des partenaires", "Partnerbevragingen", "Partner surveys"),
    "surveys.no_data": (
        "Aucune vague d'enquête pour ce projet.",
        "Nog geen bevragingsgolf voor dit project.",
        "No survey wave for this project yet.",
    ),
    "surveys.privacy_note": (
        "Tout groupe de moins de 5 répondants est masqué (« < 5 ») : ni moyenne, ni part, ni "
        "effectif, ici comme dans les téléchargements.",
        "Elke groep van minder dan 5 respondenten wordt verborgen ('< 5'): geen gemiddelde, "
        "aandeel of aantal, hier noch in de downloads.",
        "Any group of fewer than 5 respondents is hidden ('< 5'): no mean, share or count, "
        "here or in downloads.",
    ),
    # filters
    "surveys.filter.wave": ("Vague", "Golf", "Wave"),
    "surveys.filter.baseline": ("Comparée à la vague", "Vergeleken met golf", "Compared with wave"),
    "surveys.filter.category": ("Catégorie de partenaires", "Partnercategorie", "Partner category"),
    "surveys.filter.dimension": ("Dimension", "Dimensie", "Dimension"),
    "surveys.all_categories": ("Tous les partenaires", "Alle partners", "All partners"),
    "surveys.all_dimensions": ("Toutes les dimensions", "Alle dimensies", "All dimensions"),
    "surveys.all_waves": ("Toutes les vagues", "Alle golven", "All waves"),
    "surveys.no_category": ("Catégorie non précisée", "Categorie niet opgegeven", "Category not given"),
    "surveys.hidden_category": ("Petits groupes (< 5)", "Kleine groepen (< 5)", "Small groups (< 5)"),
    "surveys.general_comment": ("Commentaire général", "Algemene opmerking", "General comment"),
    # key figures
    "surveys.figure.respondents": ("Répondants ({wave})", "Respondenten ({wave})", "Respondents ({wave})"),
    "surveys.figure.rate": ("Taux de réponse", "Respons", "Response rate"),
    "surveys.figure.satisfaction": (
        "Satisfaction globale (1 à 5)",
        "Algemene tevredenheid (1 tot 5)",
        "Overall satisfaction (1 to 5)",
    ),
    "surveys.figure.change_since": (
        "{change} depuis {wave}",
        "{change} sinds {wave}",
        "{change} since {wave}",
    ),
    "surveys.figure.changes": (
        "Dimensions en nette évolution",
        "Dimensies met duidelijke verandering",
        "Dimensions clearly changed",
    ),
    "surveys.figure.changes_value": ("↑ {up}   ↓ {down}", "↑ {up}   ↓ {down}", "↑ {up}   ↓ {down}"),
    # tabs
    "surveys.tab.overview": ("Dimensions", "Dimensies", "Dimensions"),
    "surveys.tab.items": ("Questions", "Vragen", "Questions"),
    "surveys.tab.change": ("Évolution", "Evolutie", "Change over time"),
    "surveys.tab.categories": ("Catégories de partenaires", "Partnercategorieën", "Partner categories"),
    "surveys.tab.rates": ("Taux de réponse", "Respons", "Response rates"),
    "surveys.tab.comments": ("Commentaires", "Opmerkingen", "Comments"),
    "surveys.tab.downloads": ("Téléchargements", "Downloads", "Downloads"),
    "surveys.tab.waves": ("Vagues et invitations", "Golven en uitnodigingen", "Waves and invitations"),
    # dimensions and items
    "surveys.dimensions_title": (
        "Réponses par dimension — {wave}, {category}",
        "Antwoorden per dimensie — {wave}, {category}",
        "Answers per dimension — {wave}, {category}",
    ),
    "surveys.dimensions_help": (
        "Part des réponses à chaque niveau : défavorable à gauche, favorable à droite, neutre "
        "au centre. Les affirmations négatives (charge de travail) sont retournées, pour que "
        "la droite soit toujours favorable. Moyenne de 1 à 5 sur les moyennes des répondants, "
        "arrondie d'autant plus que le groupe est petit : assez pour que les niveaux regroupés "
        "ne puissent pas en être déduits.",
        "Aandeel antwoorden per niveau: ongunstig links, gunstig rechts, neutraal in het "
        "midden. Negatieve stellingen (werklast) zijn omgedraaid, zodat rechts altijd gunstig "
        "is. Gemiddelde van 1 tot 5 over de gemiddelden van de respondenten, grover afgerond "
        "naarmate de groep kleiner is: genoeg om de samengevoegde niveaus niet te laten afleiden.",
        "Share of answers at each level: unfavourable to the left, favourable to the right, "
        "neutral centred. Negative statements (workload) are turned round, so that right is "
        "always favourable. Mean from 1 to 5 over respondents' means, rounded more coarsely the "
        "smaller the group: enough that the merged levels cannot be worked out from it.",
    ),
    "surveys.items_title": (
        "Réponses par question — {wave}, {category}",
        "Antwoorden per vraag — {wave}, {category}",
        "Answers per question — {wave}, {category}",
    ),
    "surveys.items_help": (
        "Réponses telles que données : pas d'accord à gauche, d'accord à droite. Pour une "
        "affirmation marquée ↺, être d'accord est défavorable. Les niveaux donnés moins de 5 "
        "fois sont regroupés (en gris) et la moyenne d'une affirmation qui en a n'est pas "
        "donnée (–) : elle permettrait de les recompter.",
        "Antwoorden zoals gegeven: oneens links, eens rechts. Bij een stelling met ↺ is "
        "akkoord gaan ongunstig. Niveaus die minder dan 5 keer gegeven zijn, worden "
        "samengevoegd (grijs) en het gemiddelde van een stelling met zulke niveaus wordt niet "
        "gegeven (–): het zou toelaten ze na te tellen.",
        "Answers as given: disagree to the left, agree to the right. For a statement marked ↺, "
        "agreeing is unfavourable. Levels given fewer than 5 times are merged (grey), and a "
        "statement with such levels has no mean (–): it would let them be counted again.",
    ),
    "surveys.reversed_marker": ("↺", "↺", "↺"),
    "surveys.chart.left": ("défavorable / pas d'accord", "ongunstig / oneens", "unfavourable / disagree"),
    "surveys.chart.right": ("favorable / d'accord", "gunstig / eens", "favourable / agree"),
    "surveys.chart.answer": ("Réponse", "Antwoord", "Answer"),
    "surveys.chart.row": ("Libellé", "Omschrijving", "Label"),
    "surveys.chart.share": ("Part des réponses", "Aandeel antwoorden", "Share of answers"),
    "surveys.chart.hidden_levels": (
        "Niveaux à moins de 5 réponses, regroupés",
        "Niveaus met minder dan 5 antwoorden, samengevoegd",
        "Levels with fewer than 5 answers, together",
    ),
    "surveys.chart.n": ("Répondants", "Respondenten", "Respondents"),
    "surveys.chart.mean": ("Moyenne", "Gemiddelde", "Mean"),
    "surveys.chart.agree": ("D'accord", "Eens", "Agree"),
    "surveys.chart.favourable": ("Favorable", "Gunstig", "Favourable"),
    "surveys.chart.mean_score": ("Score moyen (1 à 5)", "Gemiddelde score (1 tot 5)", "Mean score (1 to 5)"),
    "surveys.chart.change_axis": (
        "Évolution du score moyen de {baseline} à {wave}",
        "Verandering van de gemiddelde score van {baseline} tot {wave}",
        "Change of the mean score from {baseline} to {wave}",
    ),
    "surveys.favour.very_unfavourable": ("Très défavorable", "Zeer ongunstig", "Very unfavourable"),
    "surveys.favour.unfavourable": ("Défavorable", "Ongunstig", "Unfavourable"),
    "surveys.favour.neutral": ("Neutre", "Neutraal", "Neutral"),
    "surveys.favour.favourable": ("Favorable", "Gunstig", "Favourable"),
    "surveys.favour.very_favourable": ("Très favorable", "Zeer gunstig", "Very favourable"),
    # change and trend
    "surveys.change_title": (
        "Évolution de {baseline} à {wave}",
        "Evolutie van {baseline} tot {wave}",
        "Change from {baseline} to {wave}",
    ),
    "surveys.change_rule": (
        "Règle : pour chaque dimension, différence des moyennes des répondants entre les deux "
        "vagues, avec son intervalle de confiance à 95 % (Welch). Une évolution est signalée "
        "quand l'intervalle ne contient pas 0, c'est-à-dire quand elle dépasse le bruit de "
        "l'échantillon. Les répondants des deux vagues sont traités comme des groupes "
        "indépendants.",
        "Regel: per dimensie het verschil van de gemiddelden van de respondenten tussen de twee "
        "golven, met een 95 %-betrouwbaarheidsinterval (Welch). Een verandering wordt gemeld "
        "als het interval 0 niet bevat, dus als ze groter is dan de ruis van de steekproef. De "
        "respondenten van beide golven worden als onafhankelijke groepen behandeld.",
        "Rule: for each dimension, the difference of respondents' means between the two waves, "
        "with its 95% confidence interval (Welch). A change is flagged when the interval "
        "excludes 0, i.e. when it is larger than the sampling noise. The respondents of the two "
        "waves are treated as independent groups.",
    ),
    "surveys.one_wave_only": (
        "Une seule vague : pas encore d'évolution à montrer.",
        "Eén golf: nog geen evolutie te tonen.",
        "Only one wave: no change to show yet.",
    ),
    "surveys.verdict.improved": ("Amélioration nette", "Duidelijke verbetering", "Clear improvement"),
    "surveys.verdict.declined": ("Recul net", "Duidelijke achteruitgang", "Clear decline"),
    "surveys.verdict.stable": (
        "Dans le bruit (pas de conclusion)",
        "Binnen de ruis (geen besluit)",
        "Within the noise (no conclusion)",
    ),
    "surveys.trend_title": (
        "Tendance sur toutes les vagues — {category}",
        "Trend over alle golven — {category}",
        "Trend over all waves — {category}",
    ),
    "surveys.trend_help": (
        "Score moyen de chaque dimension par vague, avec son intervalle de confiance à 95 % "
        "(trait vertical). Une vague de moins de 5 répondants n'a pas de point.",
        "Gemiddelde score van elke dimensie per golf, met het 95 %-betrouwbaarheidsinterval "
        "(verticale lijn). Een golf met minder dan 5 respondenten heeft geen punt.",
        "Mean score of each dimension per wave, with its 95% confidence interval (vertical "
        "line). A wave with fewer than 5 respondents has no point.",
    ),
    # categories
    "surveys.heatmap_title": (
        "Catégories de partenaires côte à côte — {wave}",
        "Partnercategorieën naast elkaar — {wave}",
        "Partner categories side by side — {wave}",
    ),
    "surveys.heatmap_help": (
        "Score moyen (1 à 5) par catégorie et dimension ; orange sous la moyenne de l'échelle, "
        "bleu au-dessus. « < 5 » : moins de 5 répondants, ou masqué pour qu'un petit groupe ne "
        "puisse être déduit du total.",
        "Gemiddelde score (1 tot 5) per categorie en dimensie; oranje onder het midden van de "
        "schaal, blauw erboven. '< 5': minder dan 5 respondenten, of verborgen zodat een kleine "
        "groep niet uit het totaal af te leiden is.",
        "Mean score (1 to 5) per category and dimension; orange below the middle of the scale, "
        "blue above. '< 5': fewer than 5 respondents, or hidden so that a small group cannot "
        "be worked out from the total.",
    ),
    # response rates
    "surveys.response_rates": (
        "Taux de réponse par vague et catégorie",
        "Respons per golf en categorie",
        "Response rate per wave and category",
    ),
    "surveys.rates_help": (
        "Taux · répondants / invités. « < 5 » : moins de 5 répondants (ou masqué pour "
        "protéger un petit groupe) ; « – » : nombre d'invités inconnu.",
        "Respons · respondenten / uitgenodigden. '< 5': minder dan 5 respondenten (of "
        "verborgen om een kleine groep te beschermen); '–': aantal uitgenodigden onbekend.",
        "Rate · respondents / invited. '< 5': fewer than 5 respondents (or hidden to protect a "
        "small group); '–': number invited unknown.",
    ),
    # comments
    "surveys.comments_title": (
        "Ce que disent les partenaires",
        "Wat de partners zeggen",
        "What partners say",
    ),
    "surveys.comments_help": (
        "Commentaires libres, sans aucun identifiant de répondant. La catégorie d'un groupe de "
        "moins de 5 répondants n'est pas affichée.",
        "Vrije opmerkingen, zonder enige identificatie van de respondent. De categorie van een "
        "groep van minder dan 5 respondenten wordt niet getoond.",
        "Free-text comments, without any respondent identifier. The category of a group of "
        "fewer than 5 respondents is not shown.",
    ),
    "surveys.comments_search": ("Rechercher", "Zoeken", "Search"),
    "surveys.comments_search_hint": (
        "un mot, p. ex. réunions",
        "een woord, bv. vergaderingen",
        "a word, e.g. meetings",
    ),
    "surveys.comments_count.one": (
        "{count} commentaire",
        "{count} opmerking",
        "{count} comment",
    ),
    "surveys.comments_count.other": (
        "{count} commentaires",
        "{count} opmerkingen",
        "{count} comments",
    ),
    # downloads
    "surveys.downloads_title": ("Résultats agrégés", "Geaggregeerde resultaten", "Aggregated results"),
    "surveys.downloads_help": (
        "Toutes les vagues, pour l'ensemble des partenaires et chaque catégorie, par dimension "
        "et par question : répondants, moyenne, parts en désaccord / neutres / d'accord. Les "
        "groupes de moins de 5 répondants y sont masqués comme à l'écran. Les images des "
        "graphiques se téléchargent sous chaque graphique.",
        "Alle golven, voor alle partners en per categorie, per dimensie en per vraag: "
        "respondenten, gemiddelde, aandelen oneens / neutraal / eens. Groepen van minder dan 5 "
        "respondenten zijn er verborgen zoals op het scherm. Afbeeldingen van de grafieken "
        "download je onder elke grafiek.",
        "Every wave, for all partners and each category, per dimension and per question: "
        "respondents, mean, shares disagreeing / neutral / agreeing. Groups of fewer than 5 "
        "respondents are hidden as on screen. Chart images download below each chart.",
    ),
    "surveys.level.dimension": ("dimension", "dimensie", "dimension"),
    "surveys.level.item": ("question", "vraag", "question"),
    # waves
    "surveys.waves_title": (
        "Corriger les vagues et les invitations",
        "Golven en uitnodigingen corrigeren",
        "Correct waves and invitations",
    ),
    "surveys.waves_help": (
        "Une vague est créée à l'import de ses réponses ; corrigez ici son nom, ses dates et le "
        "nombre de personnes ou d'organisations invitées par catégorie (pour les taux de "
        "réponse).",
        "Een golf wordt aangemaakt bij de import van haar antwoorden; corrigeer hier haar naam, "
        "data en het aantal uitgenodigde personen of organisaties per categorie (voor de "
        "respons).",
        "A wave is created when its responses are imported; correct its name, dates and the "
        "number of people or organisations invited per category here (for response rates).",
    ),
    "surveys.invitations_help": (
        "Invités par catégorie et par vague (vide : catégorie non invitée).",
        "Uitgenodigd per categorie en golf (leeg: categorie niet uitgenodigd).",
        "Invited per category and wave (empty: category not invited).",
    ),
    "surveys.waves_save": ("Enregistrer les corrections", "Correcties opslaan", "Save corrections"),
    "surveys.waves_saved.one": (
        "{count} vague corrigée.",
        "{count} golf gecorrigeerd.",
        "{count} wave corrected.",
    ),
    "surveys.waves_saved.other": (
        "{count} vagues corrigées.",
        "{count} golven gecorrigeerd.",
        "{count} waves corrected.",
    ),
    # columns
    "surveys.col.wave": ("Vague", "Golf", "Wave"),
    "surveys.col.opened": ("Ouverte le", "Geopend op", "Opened on"),
    "surveys.col.closed": ("Clôturée le", "Gesloten op", "Closed on"),
    "surveys.col.category": ("Catégorie", "Categorie", "Category"),
    "surveys.col.invited": ("Invités", "Uitgenodigd", "Invited"),
    "surveys.col.responded": ("Répondants", "Respondenten", "Respondents"),
    "surveys.col.rate": ("Taux de réponse", "Respons", "Response rate"),
    "surveys.col.dimension": ("Dimension", "Dimensie", "Dimension"),
    "surveys.col.change": ("Évolution", "Verandering", "Change"),
    "surveys.col.interval": ("Intervalle à 95 %", "95 %-interval", "95% interval"),
    "surveys.col.verdict": ("Lecture", "Lezing", "Reading"),
    "surveys.col.comment": ("Commentaire", "Opmerking", "Comment"),
    # the import tab
    "import.kind.survey": ("Enquête auprès des partenaires", "Partnerbevraging", "Partner survey"),
    "import.survey.wave": ("Vague (nom)", "Golf (naam)", "Wave (name)"),
    "import.survey.wave_help": (
        "Une vague existante reçoit les nouvelles réponses ; un nouveau nom crée la vague.",
        "Een bestaande golf krijgt de nieuwe antwoorden; een nieuwe naam maakt de golf aan.",
        "An existing wave receives the new responses; a new name creates the wave.",
    ),
    "import.survey.need_wave": (
        "Indiquez d'abord le nom de la vague.",
        "Geef eerst de naam van de golf op.",
        "Give the wave's name first.",
    ),
    "import.survey.opened": (
        "Ouverture (si le fichier n'a pas d'horodatage)",
        "Opening (als het bestand geen tijdstempel heeft)",
        "Opened on (if the file has no timestamps)",
    ),
    "import.survey.closed": (
        "Clôture (si le fichier n'a pas d'horodatage)",
        "Sluiting (als het bestand geen tijdstempel heeft)",
        "Closed on (if the file has no timestamps)",
    ),
    "import.survey.questionnaire": (
        "Questionnaire (facultatif, CSV ou XLSX)",
        "Vragenlijst (facultatief, CSV of XLSX)",
        "Questionnaire (optional, CSV or XLSX)",
    ),
    "import.survey.questionnaire_help": (
        "Sans fichier, le questionnaire du projet (ou le questionnaire par défaut) est utilisé.",
        "Zonder bestand wordt de vragenlijst van het project (of de standaardvragenlijst) gebruikt.",
        "Without a file, the project's questionnaire (or the default one) is used.",
    ),
    "import.survey.new": ("Nouvelles réponses", "Nieuwe antwoorden", "New responses"),
    "import.survey.changed": ("Réponses modifiées", "Gewijzigde antwoorden", "Changed responses"),
    "import.survey.unchanged": ("Déjà importées", "Al geïmporteerd", "Already imported"),
    "import.survey.kept": (
        "Absentes du fichier (conservées)",
        "Niet in het bestand (behouden)",
        "Not in the file (kept)",
    ),
    "import.survey.new_wave": (
        "Nouvelle vague « {wave} » : du {opened} au {closed} ; invités par catégorie = les "
        "partenaires du projet ({invited}), à corriger au besoin sur la page Enquêtes.",
        "Nieuwe golf '{wave}': van {opened} tot {closed}; uitgenodigd per categorie = de "
        "partners van het project ({invited}), zo nodig te corrigeren op de pagina "
        "Bevragingen.",
        "New wave '{wave}': from {opened} to {closed}; invited per category = the project's "
        "partners ({invited}), to correct if needed on the Surveys page.",
    ),
    "import.survey.existing_wave": (
        "Vague existante « {wave} ».",
        "Bestaande golf '{wave}'.",
        "Existing wave '{wave}'.",
    ),
    "import.survey.questionnaire_changes": (
        "Questionnaire : {dimensions}, {items}, {changed}.",
        "Vragenlijst: {dimensions}, {items}, {changed}.",
        "Questionnaire: {dimensions}, {items}, {changed}.",
    ),
    "import.survey.new_dimensions.one": (
        "{count} nouvelle dimension",
        "{count} nieuwe dimensie",
        "{count} new dimension",
    ),
    "import.survey.new_dimensions.other": (
        "{count} nouvelles dimensions",
        "{count} nieuwe dimensies",
        "{count} new dimensions",
    ),
    "import.survey.new_items.one": (
        "{count} nouvelle question",
        "{count} nieuwe vraag",
        "{count} new question",
    ),
    "import.survey.new_items.other": (
        "{count} nouvelles questions",
        "{count} nieuwe vragen",
        "{count} new questions",
    ),
    "import.survey.changed_items.one": (
        "{count} question modifiée",
        "{count} gewijzigde vraag",
        "{count} changed question",
    ),
    "import.survey.changed_items.other": (
        "{count} questions modifiées",
        "{count} gewijzigde vragen",
        "{count} changed questions",
    ),
    "import.survey.default_questionnaire": (
        "Le questionnaire par défaut sera installé pour ce projet.",
        "De standaardvragenlijst wordt voor dit project geïnstalleerd.",
        "The default questionnaire will be installed for this project.",
    ),
    "import.survey.no_category": (
        "Aucune colonne de catégorie de partenaire : les réponses ne pourront pas être "
        "ventilées par catégorie.",
        "Geen kolom met de partnercategorie: de antwoorden kunnen niet per categorie getoond worden.",
        "No partner-category column: responses cannot be broken down by category.",
    ),
    "import.survey.empty_lines.one": (
        "{count} ligne sans aucune réponse, ignorée : {lines}.",
        "{count} regel zonder enig antwoord, genegeerd: {lines}.",
        "{count} line without any answer, skipped: {lines}.",
    ),
    "import.survey.empty_lines.other": (
        "{count} lignes sans aucune réponse, ignorées : {lines}.",
        "{count} regels zonder enig antwoord, genegeerd: {lines}.",
        "{count} lines without any answer, skipped: {lines}.",
    ),
    "import.survey.incomplete.one": (
        "{count} réponse incomplète (sans date de soumission) ignorée : ligne {lines}.",
        "{count} onvolledig antwoord (zonder datum van indienen) overgeslagen: regel {lines}.",
        "{count} incomplete response (no submission date) skipped: line {lines}.",
    ),
    "import.survey.incomplete.other": (
        "{count} réponses incomplètes (sans date de soumission) ignorées : lignes {lines}.",
        "{count} onvolledige antwoorden (zonder datum van indienen) overgeslagen: regels {lines}.",
        "{count} incomplete responses (no submission date) skipped: lines {lines}.",
    ),
    "import.survey.unnamed_columns.one": (
        "La colonne n° {positions} n'a pas de nom en ligne 1 : ignorée.",
        "Kolom nr. {positions} heeft geen naam op regel 1: genegeerd.",
        "Column no. {positions} has no name on line 1: ignored.",
    ),
    "import.survey.unnamed_columns.other": (
        "Les colonnes n° {positions} n'ont pas de nom en ligne 1 : ignorées.",
        "Kolommen nr. {positions} hebben geen naam op regel 1: genegeerd.",
        "Columns no. {positions} have no name on line 1: ignored.",
    ),
    "import.survey.columns": (
        "Colonnes du fichier et leur rôle",
        "Kolommen van het bestand en hun rol",
        "The file's columns and their role",
    ),
    "import.survey.col.header": ("Colonne", "Kolom", "Column"),
    "import.survey.col.role": ("Rôle", "Rol", "Role"),
    "import.survey.col.target": ("Question / dimension", "Vraag / dimensie", "Question / dimension"),
    "import.survey.role.item": ("Question", "Vraag", "Question"),
    "import.survey.role.category": ("Catégorie de partenaire", "Partnercategorie", "Partner category"),
    "import.survey.role.comment": ("Commentaire", "Opmerking", "Comment"),
    "import.survey.role.identifier": (
        "Identifiant (haché, jamais conservé)",
        "Identificatie (gehasht, nooit bewaard)",
        "Identifier (hashed, never kept)",
    ),
    "import.survey.role.timestamp": ("Heure de soumission", "Tijdstip van indienen", "Submission time"),
    "import.survey.role.tool": (
        "Colonne technique de l'outil (ignorée)",
        "Technische kolom van de tool (genegeerd)",
        "Tool's own column (ignored)",
    ),
    "import.survey.role.unknown": ("Inconnue (ignorée)", "Onbekend (genegeerd)", "Unknown (ignored)"),
    "import.survey.date_order": (
        "Ordre des dates du fichier",
        "Volgorde van de datums",
        "Order of the file's dates",
    ),
    "import.survey.date_order_help": (
        "Pour des dates comme 9/1/2024 : jour/mois (Belgique, Excel en français ou néerlandais) "
        "ou mois/jour (Excel ou Microsoft Forms en anglais américain). « Selon le fichier » "
        "suffit dès qu'une date a un jour au-delà de 12.",
        "Voor datums zoals 9/1/2024: dag/maand (België, Excel in het Nederlands of Frans) of "
        "maand/dag (Excel of Microsoft Forms in Amerikaans Engels). 'Volgens het bestand' "
        "volstaat zodra een datum een dag boven 12 heeft.",
        "For dates such as 9/1/2024: day/month (Belgium, Excel in French or Dutch) or "
        "month/day (Excel or Microsoft Forms in US English). 'From the file' is enough as soon "
        "as a date has a day above 12.",
    ),
    "import.survey.date_order.auto": ("Selon le fichier", "Volgens het bestand", "From the file"),
    "import.survey.date_order.dmy": ("jour/mois/année", "dag/maand/jaar", "day/month/year"),
    "import.survey.date_order.mdy": ("mois/jour/année", "maand/dag/jaar", "month/day/year"),
    "import.survey.date_order_settled": (
        "Dates lues en {order}, comme l'établit la ligne {line} ({value}).",
        "Datums gelezen als {order}, zoals regel {line} aantoont ({value}).",
        "Dates read as {order}, as line {line} shows ({value}).",
    ),
    "import.survey.date_order_chosen": (
        "Dates lues en {order}, comme choisi.",
        "Datums gelezen als {order}, zoals gekozen.",
        "Dates read as {order}, as chosen.",
    ),
    # problems of survey files
    "problem.survey_date_order_ambiguous": (
        "dates lisibles jour/mois comme mois/jour (aucune n'a un jour au-delà de 12) : "
        "choisissez l'ordre, « Ordre des dates du fichier » sur la page d'import ou "
        "--date-order dmy (jour/mois/année) ou mdy (mois/jour/année) en ligne de commande.",
        "datums leesbaar als dag/maand en als maand/dag (geen enkele heeft een dag boven 12): "
        "kies de volgorde, 'Volgorde van de datums' op de importpagina of --date-order dmy "
        "(dag/maand/jaar) of mdy (maand/dag/jaar) op de opdrachtregel.",
        "dates readable day/month and month/day alike (none has a day above 12): choose the "
        "order, 'Order of the file's dates' on the import page or --date-order dmy "
        "(day/month/year) or mdy (month/day/year) on the command line.",
    ),
    "problem.survey_no_items": (
        "aucune colonne ne correspond à une question du questionnaire : attendu en ligne 1 le "
        "code d'une question ({expected}) ou son texte en français, néerlandais ou anglais.",
        "geen enkele kolom komt overeen met een vraag van de vragenlijst: verwacht op regel 1 "
        "de code van een vraag ({expected}) of haar tekst in het Frans, Nederlands of Engels.",
        "no column matches a question of the questionnaire: expected on line 1 a question's "
        "code ({expected}) or its text in French, Dutch or English.",
    ),
    "problem.survey_duplicate_item_column": (
        "deux colonnes pour la question {item} (aussi la colonne « {other} »).",
        "twee kolommen voor vraag {item} (ook kolom '{other}').",
        "two columns for question {item} (also column '{other}').",
    ),
    "problem.survey_two_category_columns": (
        "deux colonnes de catégorie de partenaire (aussi « {other} ») : gardez-en une.",
        "twee kolommen met de partnercategorie (ook '{other}'): behoud er één.",
        "two partner-category columns (also '{other}'): keep one.",
    ),
    "problem.survey_out_of_scale": (
        "réponse hors de l'échelle de la question {item} : attendu un nombre entier de {min} à "
        "{max}, ou un libellé de l'échelle.",
        "antwoord buiten de schaal van vraag {item}: verwacht een geheel getal van {min} tot "
        "{max}, of een label van de schaal.",
        "answer outside the scale of question {item}: expected a whole number from {min} to "
        "{max}, or a label of the scale.",
    ),
    "problem.survey_unknown_answer": (
        "réponse inconnue à la question {item} : attendu un nombre entier de {min} à {max} ou "
        "un libellé de l'échelle ({labels}), en français, néerlandais ou anglais.",
        "onbekend antwoord op vraag {item}: verwacht een geheel getal van {min} tot {max} of "
        "een label van de schaal ({labels}), in het Frans, Nederlands of Engels.",
        "unknown answer to question {item}: expected a whole number from {min} to {max} or a "
        "label of the scale ({labels}), in French, Dutch or English.",
    ),
    "problem.survey_unknown_category": (
        "catégorie de partenaire inconnue (attendu : {expected}, ou leur libellé en français, "
        "néerlandais ou anglais).",
        "onbekende partnercategorie (verwacht: {expected}, of hun benaming in het Frans, "
        "Nederlands of Engels).",
        "unknown partner category (expected: {expected}, or their French, Dutch or English label).",
    ),
    "problem.survey_bad_timestamp": (
        "date et heure illisibles : attendu p. ex. 2024-10-12 14:03, 12/10/2024 14:03 ou "
        "2024/10/12 2:03:22 PM GMT+2.",
        "onleesbare datum en tijd: verwacht bv. 2024-10-12 14:03, 12/10/2024 14:03 of "
        "2024/10/12 2:03:22 PM GMT+2.",
        "unreadable date and time: expected e.g. 2024-10-12 14:03, 12/10/2024 14:03 or "
        "2024/10/12 2:03:22 PM GMT+2.",
    ),
    "problem.survey_duplicate_respondent": (
        "même répondant qu'en ligne {first_line} (même identifiant, ou ligne identique) : "
        "gardez une seule réponse.",
        "dezelfde respondent als op regel {first_line} (zelfde identificatie, of identieke "
        "regel): behoud één antwoord.",
        "same respondent as on line {first_line} (same identifier, or identical line): keep one response.",
    ),
    "problem.survey_wave_name": (
        "nom de vague obligatoire, {maximum} caractères au plus.",
        "naam van de golf verplicht, hoogstens {maximum} tekens.",
        "wave name required, at most {maximum} characters.",
    ),
    "problem.survey_wave_name_taken": (
        "une autre vague porte déjà ce nom.",
        "een andere golf heeft al deze naam.",
        "another wave already has this name.",
    ),
    "problem.survey_wave_dates_needed": (
        "nouvelle vague sans heure de soumission dans le fichier : indiquez ses dates "
        "d'ouverture et de clôture.",
        "nieuwe golf zonder tijdstip van indienen in het bestand: geef haar openings- en sluitingsdatum op.",
        "new wave and no submission time in the file: give its opening and closing dates.",
    ),
    "problem.survey_wave_dates_missing": (
        "dates d'ouverture et de clôture obligatoires.",
        "openings- en sluitingsdatum verplicht.",
        "opening and closing dates required.",
    ),
    "problem.survey_wave_dates_order": (
        "la clôture précède l'ouverture ({opened}).",
        "de sluiting valt voor de opening ({opened}).",
        "the closing date is before the opening date ({opened}).",
    ),
    "problem.survey_bad_invited": (
        "nombre d'invités non valide : attendu un nombre entier de 0 à 100 000 (vide : non invitée).",
        "ongeldig aantal uitgenodigden: verwacht een geheel getal van 0 tot 100 000 (leeg: "
        "niet uitgenodigd).",
        "invalid number invited: expected a whole number from 0 to 100,000 (empty: not invited).",
    ),
    "problem.questionnaire_bad_code": (
        "code non valide : une lettre puis lettres, chiffres ou _ (64 caractères au plus).",
        "ongeldige code: een letter, dan letters, cijfers of _ (hoogstens 64 tekens).",
        "invalid code: a letter, then letters, digits or _ (at most 64 characters).",
    ),
    "problem.questionnaire_no_text": (
        "texte de la question manquant (au moins une des colonnes text_fr, text_nl, text_en).",
        "tekst van de vraag ontbreekt (minstens één van de kolommen text_fr, text_nl, text_en).",
        "question text missing (at least one of the columns text_fr, text_nl, text_en).",
    ),
    "problem.questionnaire_bad_scale": (
        "échelle non valide : nombres entiers, minimum inférieur au maximum, 11 points au plus.",
        "ongeldige schaal: gehele getallen, minimum kleiner dan maximum, hoogstens 11 punten.",
        "invalid scale: whole numbers, minimum below maximum, at most 11 points.",
    ),
    "problem.questionnaire_label_count": (
        "nombre de libellés différent du nombre de points de l'échelle ({expected}) ; "
        "séparez-les par | ou ;.",
        "aantal labels verschilt van het aantal punten van de schaal ({expected}); scheid ze met | of ;.",
        "number of labels differs from the scale's number of points ({expected}); separate them with | or ;.",
    ),
    "problem.questionnaire_mixed_scales": (
        "les questions d'une dimension partagent une échelle : {dimension} utilise déjà "
        "{other} ({other_line}).",
        "de vragen van een dimensie delen één schaal: {dimension} gebruikt al {other} ({other_line}).",
        "the questions of a dimension share one scale: {dimension} already uses {other} ({other_line}).",
    ),
    "problem.questionnaire_dimension_labels": (
        "nouvelle dimension sans libellé : remplissez dimension_fr, dimension_nl ou dimension_en.",
        "nieuwe dimensie zonder benaming: vul dimension_fr, dimension_nl of dimension_en in.",
        "new dimension without a label: fill dimension_fr, dimension_nl or dimension_en.",
    ),
    "problem.questionnaire_answered_item": (
        "cette question a déjà des réponses : son échelle et son sens ({before}) ne peuvent "
        "plus changer (créez une nouvelle question).",
        "deze vraag heeft al antwoorden: haar schaal en richting ({before}) kunnen niet meer "
        "veranderen (maak een nieuwe vraag).",
        "this question already has answers: its scale and direction ({before}) cannot change "
        "any more (create a new question).",
    ),
}
