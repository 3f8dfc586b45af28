"""Risk map page, and the risk and geometry imports."""

MESSAGES = {
    "risk.title": (
        "Risques stratifiés par région de soins",
        "Gestratificeerd risico per zorgregio",
        "Stratified risk by care region",
    ),
    "risk.demo_caption": (
        "Démo : comptages et référence nationale synthétiques ; contours réels (cantons judiciaires).",
        "Demo: synthetische aantallen en nationale referentie; echte grenzen (gerechtelijke kantons).",
        "Demo: synthetic counts and national reference; real boundaries (judicial cantons).",
    ),
    "risk.year": ("Année", "Jaar", "Year"),
    "risk.no_data": (
        "Aucune donnée de stratification pour ce projet. Importez-les avec "
        "`python -m dashboard import risk`.",
        "Geen stratificatiegegevens voor dit project. Importeer ze met `python -m dashboard import risk`.",
        "No stratification data for this project. Import them with `python -m dashboard import risk`.",
    ),
    "risk.measure": ("Mesure", "Maatstaf", "Measure"),
    "risk.measure.share": (
        "Part de la population (%)",
        "Aandeel van de bevolking (%)",
        "Share of the population (%)",
    ),
    "risk.measure.count": ("Nombre de personnes", "Aantal personen", "Number of persons"),
    "risk.measure.rate": (
        "Taux pour 1 000 habitants",
        "Aantal per 1.000 inwoners",
        "Rate per 1,000 inhabitants",
    ),
    "risk.measure.prevalence": (
        "Prévalence d'une pathologie (‰)",
        "Prevalentie van een aandoening (‰)",
        "Prevalence of a condition (‰)",
    ),
    "risk.measure.change": ("Évolution depuis une année", "Evolutie sinds een jaar", "Change since a year"),
    "risk.stratum": ("Strate", "Stratum", "Stratum"),
    "risk.condition": ("Pathologie", "Aandoening", "Condition"),
    "risk.base_year": ("Depuis", "Sinds", "Since"),
    "risk.age_band": ("Âge", "Leeftijd", "Age"),
    "risk.all_ages": ("Tous âges", "Alle leeftijden", "All ages"),
    "risk.age_band_value": ("{band} ans", "{band} jaar", "aged {band}"),
    "risk.sex": ("Sexe", "Geslacht", "Sex"),
    "risk.both_sexes": ("Les deux sexes", "Beide geslachten", "Both sexes"),
    "risk.title.share": (
        "Part de la population en « {stratum} »",
        "Aandeel van de bevolking in '{stratum}'",
        "Share of the population in '{stratum}'",
    ),
    "risk.title.count": ("Personnes en « {stratum} »", "Personen in '{stratum}'", "Persons in '{stratum}'"),
    "risk.title.rate": (
        "Personnes en « {stratum} » pour 1 000 habitants",
        "Personen in '{stratum}' per 1.000 inwoners",
        "Persons in '{stratum}' per 1,000 inhabitants",
    ),
    "risk.title.prevalence": (
        "{condition} : personnes pour 1 000 habitants",
        "{condition}: personen per 1.000 inwoners",
        "{condition}: persons per 1,000 inhabitants",
    ),
    "risk.title.change": (
        "Évolution de la part en « {stratum} » depuis {base_year} (points de %)",
        "Evolutie van het aandeel in '{stratum}' sinds {base_year} (procentpunten)",
        "Change of the share in '{stratum}' since {base_year} (percentage points)",
    ),
    "risk.unit.points": ("{value} pt", "{value} ppt", "{value} pp"),
    "risk.range": ("{low} – {high}", "{low} – {high}", "{low} – {high}"),
    "risk.range_below": ("{low} à moins de {high}", "{low} tot minder dan {high}", "{low} to under {high}"),
    "risk.legend.barely_differ": (
        "Les régions diffèrent à peine ({low} – {high}) : une seule couleur.",
        "De regio's verschillen nauwelijks ({low} – {high}): één kleur.",
        "The regions barely differ ({low} – {high}): one colour.",
    ),
    "risk.value": ("Valeur", "Waarde", "Value"),
    "risk.project_row": (
        "{project} – toutes les régions",
        "{project} – alle regio's",
        "{project} – all regions",
    ),
    "risk.actions_in_region": (
        "{actions} sur {total} actions de la région",
        "{actions} van de {total} acties in de regio",
        "{actions} of the region's {total} actions",
    ),
    "risk.map_actions.one": (
        "{count} action",
        "{count} actie",
        "{count} action",
    ),
    "risk.map_actions.other": (
        "{count} actions",
        "{count} acties",
        "{count} actions",
    ),
    "risk.tooltip.all_actions": ("Actions dans la région", "Acties in de regio", "Actions in the region"),
    "risk.tooltip.actions": (
        "Actions visant « {stratum} »",
        "Acties gericht op '{stratum}'",
        "Actions aimed at '{stratum}'",
    ),
    "risk.boundaries": ("Contours : {source}", "Grenzen: {source}", "Boundaries: {source}"),
    "risk.map_help": (
        "Survolez une région pour le détail ; cliquez-la pour sa pyramide. Étiquette : nom, "
        "valeur, actions visant la strate choisie.",
        "Beweeg over een regio voor details; klik erop voor haar piramide. Label: naam, "
        "waarde, acties gericht op het gekozen stratum.",
        "Hover a region for details; click it for its pyramid. Label: name, value, actions "
        "aimed at the chosen stratum.",
    ),
    "risk.map_labelled": (
        "Trop de régions pour les étiqueter toutes : seules les {top} à la valeur la plus "
        "élevée et la région choisie pour la pyramide le sont ; survolez les autres ou voyez "
        "le tableau des régions.",
        "Te veel regio's om ze allemaal te labelen: alleen de {top} met de hoogste waarde en "
        "de regio gekozen voor de piramide; beweeg over de andere of zie de tabel van de "
        "regio's.",
        "Too many regions to label them all: only the {top} with the highest value and the "
        "region chosen for the pyramid are; hover the others or see the table of regions.",
    ),
    "risk.map_help.prevalence": (
        "Survolez une région pour le détail ; cliquez-la pour sa pyramide. Étiquette : nom, valeur.",
        "Beweeg over een regio voor details; klik erop voor haar piramide. Label: naam, waarde.",
        "Hover a region for details; click it for its pyramid. Label: name, value.",
    ),
    "risk.sources": ("Sources des contours", "Bronnen van de grenzen", "Sources of the outlines"),
    "risk.source": ("Source", "Bron", "Source"),
    "risk.source.demo_cantons.one": (
        "{credit} – canton judiciaire {cantons}, approximation de la région de soins",
        "{credit} – gerechtelijk kanton {cantons}, benadering van de zorgregio",
        "{credit} – judicial canton {cantons}, approximating the care region",
    ),
    "risk.source.demo_cantons.other": (
        "{credit} – cantons judiciaires {cantons}, approximation de la région de soins",
        "{credit} – gerechtelijke kantons {cantons}, benadering van de zorgregio",
        "{credit} – judicial cantons {cantons}, approximating the care region",
    ),
    "risk.reference_demo": (
        "Référence nationale synthétique (démo)",
        "Synthetische nationale referentie (demo)",
        "Synthetic national reference (demo)",
    ),
    "risk.legend.title": ("Légende", "Legende", "Legend"),
    "risk.legend.suppressed": (
        "< 5 personnes, ou masqué",
        "< 5 personen, of afgeschermd",
        "< 5 persons, or hidden",
    ),
    "risk.masked_help": (
        "« < 5 » : moins de 5 personnes, ou effectif masqué pour qu'un si petit effectif ne "
        "puisse être déduit des totaux (les deux cas se lisent de même, pour ne rien trahir).",
        "'< 5': minder dan 5 personen, of een aantal afgeschermd zodat zo'n klein aantal niet "
        "uit de totalen kan worden afgeleid (beide gevallen zien er hetzelfde uit, om niets "
        "prijs te geven).",
        "'< 5': fewer than 5 persons, or a count hidden so that such a small count cannot be "
        "deduced from the totals (both read the same, so as to give nothing away).",
    ),
    "risk.legend.no_data": ("Pas de données", "Geen gegevens", "No data"),
    "risk.pyramid.region": ("Pyramide de", "Piramide van", "Pyramid of"),
    "risk.pyramid.title": ("Pyramide des risques, {year}", "Risicopiramide, {year}", "Risk pyramid, {year}"),
    "risk.pyramid.national": ("Belgique (référence)", "België (referentie)", "Belgium (reference)"),
    "risk.tab.regions": ("Tableau des régions", "Tabel van de regio's", "Table of regions"),
    "risk.tab.coverage": ("Couverture par les actions", "Bereik van de acties", "Action coverage"),
    "risk.tab.years": ("Au fil des années", "Doorheen de jaren", "Over the years"),
    "risk.years_help": (
        "Mêmes classes de couleur pour toutes les années (calculées sur toutes les années), "
        "pour voir l'évolution ; la carte ci-dessus compare les régions de l'année choisie.",
        "Dezelfde kleurklassen voor alle jaren (berekend over alle jaren), om de evolutie te "
        "zien; de kaart hierboven vergelijkt de regio's in het gekozen jaar.",
        "The same colour classes in every year (computed over all years), so that change "
        "shows; the map above compares the regions in the chosen year.",
    ),
    "risk.years_top": (
        "{regions} régions : une carte par année serait trop petite pour les distinguer. "
        "Affichées : les {top} régions à la valeur la plus élevée en {year}, la région choisie "
        "pour la pyramide et l'ensemble du projet (en pointillé). Pour voir une autre région, "
        "choisissez-la au-dessus de la pyramide ou cliquez-la sur la carte ; le tableau des "
        "régions les donne toutes.",
        "{regions} regio's: een kaart per jaar zou te klein zijn om ze te onderscheiden. "
        "Getoond: de {top} regio's met de hoogste waarde in {year}, de regio gekozen voor de "
        "piramide en het hele project (stippellijn). Kies een andere regio boven de piramide "
        "of klik erop op de kaart om ze te zien; de tabel van de regio's geeft ze allemaal.",
        "{regions} regions: a map per year would be too small to tell them apart. Shown: the "
        "{top} regions with the highest value in {year}, the region chosen for the pyramid and "
        "the whole project (dashed). To see another region, choose it above the pyramid or "
        "click it on the map; the table of regions lists them all.",
    ),
    "risk.years_show": (
        "Afficher l'évolution (quelques secondes la première fois)",
        "Evolutie tonen (enkele seconden de eerste keer)",
        "Show the change over the years (a few seconds the first time)",
    ),
    "risk.year_axis": ("Année", "Jaar", "Year"),
    "risk.sort_by": ("Trier par", "Sorteren op", "Sort by"),
    "risk.col.region": ("Région de soins", "Zorgregio", "Care region"),
    "risk.col.population": ("Population", "Bevolking", "Population"),
    "risk.col.persons": ("Personnes", "Personen", "Persons"),
    "risk.col.share": ("Part", "Aandeel", "Share"),
    "risk.col.stratum": ("Strate", "Stratum", "Stratum"),
    "risk.col.rate": ("Pour 1 000 hab.", "Per 1.000 inw.", "Per 1,000 inh."),
    "risk.col.condition_persons": (
        "Personnes ({condition})",
        "Personen ({condition})",
        "Persons ({condition})",
    ),
    "risk.col.prevalence": ("{condition} ‰", "{condition} ‰", "{condition} ‰"),
    "risk.col.change": (
        "Évolution depuis {base_year}",
        "Evolutie sinds {base_year}",
        "Change since {base_year}",
    ),
    "risk.col.actions": (
        "Actions visant la strate",
        "Acties voor het stratum",
        "Actions aimed at the stratum",
    ),
    "risk.table.strata": (
        "Personnes par strate, {year}",
        "Personen per stratum, {year}",
        "Persons per stratum, {year}",
    ),
    "risk.col.actions_all": ("Toutes les actions", "Alle acties", "All actions"),
    "risk.col.project_share": ("Part du projet", "Aandeel project", "Project share"),
    "risk.col.index": ("Indice (projet = 100)", "Index (project = 100)", "Index (project = 100)"),
    "risk.col.actions_aimed": (
        "Actions visant la strate ici",
        "Acties voor dit stratum hier",
        "Actions aimed at it here",
    ),
    "risk.col.gap": ("Lacune", "Leemte", "Gap"),
    "risk.gap.yes": ("Lacune", "Leemte", "Gap"),
    "risk.gap.share": (
        "Part ≥ projet, peu d'actions",
        "Aandeel ≥ project, weinig acties",
        "Share ≥ project's, few actions",
    ),
    "risk.gap.persons": (
        "Beaucoup de personnes, aucune action",
        "Veel personen, geen actie",
        "Many persons, no action",
    ),
    "risk.gaps.intro": (
        "**Lacunes en {year}** : régions où une strate de soins (toutes sauf « {healthy} ») "
        "a au moins la part du projet (indice ≥ 100) et au plus {few} action qui la vise, ou "
        "compte au moins la moitié des personnes d'une région moyenne sans aucune action qui "
        "la vise.",
        "**Leemtes in {year}**: regio's waar een zorgstratum (alle behalve '{healthy}') "
        "minstens het aandeel van het project heeft (index ≥ 100) en waarop hoogstens {few} "
        "actie gericht is, of minstens de helft van de personen van een gemiddelde regio telt "
        "zonder één actie die erop gericht is.",
        "**Gaps in {year}**: regions where a care stratum (all but '{healthy}') has at least "
        "the project's share (index ≥ 100) and at most {few} action aims at it, or counts at "
        "least half an average region's persons with no action aimed at it.",
    ),
    "risk.gaps.show_all": (
        "Afficher toutes les régions et strates",
        "Alle regio's en strata tonen",
        "Show every region and stratum",
    ),
    "risk.gaps.none": (
        "Aucune lacune selon cette règle.",
        "Geen lacunes volgens deze regel.",
        "No gap by this rule.",
    ),
    "risk.gaps.counted": (
        "Actions comptées : prévues, en cours, suspendues ou terminées, qui visent la strate "
        "et la région (pas les idées ni les actions arrêtées).",
        "Meegeteld: geplande, lopende, opgeschorte of afgeronde acties die op het stratum en "
        "de regio gericht zijn (geen ideeën of stopgezette acties).",
        "Actions counted: planned, in progress, on hold or done, aimed at the stratum and the "
        "region (not ideas or stopped actions).",
    ),
    # risk imports
    "import.kind.risk": ("Stratification des risques", "Risicostratificatie", "Risk stratification"),
    "import.risk.upload": (
        "Fichier (CSV, XLSX ou Parquet)",
        "Bestand (CSV, XLSX of Parquet)",
        "File (CSV, XLSX or Parquet)",
    ),
    "import.risk.columns": (
        "Format long : une ligne par région de soins, année et strate, éventuellement par "
        "tranche d'âge, sexe ou pathologie. Colonnes obligatoires : **region** (code ou nom), "
        "**year**, **stratum** (0 à 3 ou son libellé), **persons** (nombre entier ≥ 0, exact : "
        "l'application masque elle-même les nombres < 5). Facultatives : **age_band** (0-17, "
        "75+, …), **sex** (female/male), **condition** (diabetes, copd, heart_failure, …), "
        "**population** (habitants de la région cette année-là). Vide = tous. Le fichier "
        "remplace les comptages des régions-années qu'il contient.",
        "Lang formaat: één rij per zorgregio, jaar en stratum, eventueel per leeftijdsgroep, "
        "geslacht of aandoening. Verplichte kolommen: **region** (code of naam), **year**, "
        "**stratum** (0 tot 3 of de benaming), **persons** (geheel getal ≥ 0, exact: de "
        "toepassing verbergt zelf aantallen < 5). Optioneel: **age_band** (0-17, 75+, …), "
        "**sex** (female/male), **condition** (diabetes, copd, heart_failure, …), "
        "**population** (inwoners van de regio dat jaar). Leeg = alle. Het bestand vervangt de "
        "aantallen van de regio-jaren die het bevat.",
        "Long format: one row per care region, year and stratum, optionally per age band, sex "
        "or condition. Required columns: **region** (code or name), **year**, **stratum** (0 "
        "to 3 or its label), **persons** (whole number ≥ 0, exact: the app hides counts < 5 "
        "itself). Optional: **age_band** (0-17, 75+, …), **sex** (female/male), **condition** "
        "(diabetes, copd, heart_failure, …), **population** (the region's inhabitants that "
        "year). Empty = all. The file replaces the counts of the region-years it holds.",
    ),
    "import.risk.rows": ("Lignes lues", "Gelezen rijen", "Rows read"),
    "import.risk.new": ("Région-années nouvelles", "Nieuwe regio-jaren", "New region-years"),
    "import.risk.changed": ("Région-années modifiées", "Gewijzigde regio-jaren", "Changed region-years"),
    "import.risk.unchanged": ("Inchangées", "Ongewijzigd", "Unchanged"),
    "import.risk.col.region": ("Région", "Regio", "Region"),
    "import.risk.col.year": ("Année", "Jaar", "Year"),
    "import.risk.col.added": ("Cellules ajoutées", "Toegevoegde cellen", "Cells added"),
    "import.risk.col.changed": ("Cellules modifiées", "Gewijzigde cellen", "Cells changed"),
    "import.risk.col.removed": ("Cellules retirées", "Verwijderde cellen", "Cells removed"),
    "import.risk.col.population": (
        "Population (avant → après)",
        "Bevolking (voor → na)",
        "Population (before → after)",
    ),
    "import.risk.replaces": (
        "Le fichier remplace les comptages des régions-années qu'il contient ; les autres "
        "années et régions restent inchangées.",
        "Het bestand vervangt de aantallen van de regio-jaren die het bevat; andere jaren en "
        "regio's blijven ongewijzigd.",
        "The file replaces the counts of the region-years it holds; other years and regions "
        "stay as they are.",
    ),
    "problem.risk.not_parquet": (
        "Le fichier {file} ne peut être lu comme Parquet ({reason}).",
        "Het bestand {file} kan niet gelezen worden als Parquet ({reason}).",
        "The file {file} cannot be read as Parquet ({reason}).",
    ),
    "problem.risk.no_rows": (
        "le fichier n'a aucune ligne de données sous l'en-tête.",
        "het bestand heeft geen gegevensrijen onder de kopregel.",
        "the file has no data rows below the header.",
    ),
    "problem.risk.bad_year": (
        "année illisible : attendu un nombre entier entre 2000 et 2100.",
        "onleesbaar jaar: verwacht een geheel getal tussen 2000 en 2100.",
        "unreadable year: expected a whole number between 2000 and 2100.",
    ),
    "problem.risk.bad_stratum": (
        "strate inconnue : attendu 0, 1, 2 ou 3 (ou le libellé de la strate).",
        "onbekend stratum: verwacht 0, 1, 2 of 3 (of de benaming van het stratum).",
        "unknown stratum: expected 0, 1, 2 or 3 (or the stratum's label).",
    ),
    "problem.risk.bad_count": (
        "attendu un nombre entier exact ≥ 0 (l'application masque elle-même les « < 5 »).",
        "verwacht een exact geheel getal ≥ 0 (de toepassing verbergt zelf de '< 5').",
        'expected an exact whole number ≥ 0 (the app hides the "< 5" itself).',
    ),
    "problem.risk.bad_age_band": (
        "tranche d'âge illisible : attendu p. ex. 0-17, 45-64 ou 75+.",
        "onleesbare leeftijdsgroep: verwacht bv. 0-17, 45-64 of 75+.",
        "unreadable age band: expected e.g. 0-17, 45-64 or 75+.",
    ),
    "problem.risk.bad_sex": (
        "sexe inconnu : attendu female/male (femme/homme, vrouw/man, F/M), vide pour les deux.",
        "onbekend geslacht: verwacht female/male (vrouw/man, femme/homme, V/M), leeg voor beide.",
        "unknown sex: expected female/male (F/M, femme/homme, vrouw/man), empty for both.",
    ),
    "problem.risk.bad_condition": (
        "pathologie inconnue (attendu : {expected}), vide pour la strate.",
        "onbekende aandoening (verwacht: {expected}), leeg voor het stratum.",
        "unknown condition (expected: {expected}), empty for the stratum.",
    ),
    "problem.risk.duplicate": (
        "même région, année, strate, âge, sexe et pathologie qu'en ligne {first_line}.",
        "zelfde regio, jaar, stratum, leeftijd, geslacht en aandoening als op regel {first_line}.",
        "same region, year, stratum, age band, sex and condition as line {first_line}.",
    ),
    "problem.risk.population_differs": (
        "population différente pour la même région et année ({other} en ligne {other_line}).",
        "andere bevolking voor dezelfde regio en jaar ({other} op regel {other_line}).",
        "a different population for the same region and year ({other} on line {other_line}).",
    ),
    # geometry imports
    "import.kind.geo": ("Contours des régions", "Grenzen van de regio's", "Region outlines"),
    "import.geo.columns": (
        "Un fichier GeoJSON (FeatureCollection de Polygon / MultiPolygon, longitude et latitude "
        "WGS84). Soit une région par élément, avec une propriété **code** (et **name**) ; "
        "soit "
        "des communes avec leur code **nis** (p. ex. les limites communales de Statbel), plus "
        "un fichier de correspondance **nis → region** : les communes sont regroupées en "
        "régions. Les contours sont simplifiés pour le navigateur. Les régions du projet "
        "absentes du fichier sont conservées.",
        "Een GeoJSON-bestand (FeatureCollection van Polygon / MultiPolygon, lengte- en "
        "breedtegraad WGS84). Ofwel één regio per element, met een eigenschap **code** (en "
        "**name**); ofwel gemeenten met hun **nis**-code (bv. de gemeentegrenzen van Statbel), "
        "plus een koppelingsbestand **nis → region**: de gemeenten worden samengevoegd tot "
        "regio's. De grenzen worden vereenvoudigd voor de browser. Regio's van het project die "
        "niet in het bestand staan, blijven behouden.",
        "A GeoJSON file (FeatureCollection of Polygon / MultiPolygon, WGS84 longitude and "
        "latitude). Either one region per feature, with a **code** property (and **name**); or "
        "municipalities with their **nis** code (e.g. Statbel's municipal boundaries), plus a "
        "**nis → region** mapping file: the municipalities are dissolved into regions. Outlines "
        "are simplified for the browser. The project's regions absent from the file are kept.",
    ),
    "import.geo.upload": (
        "Fichier GeoJSON ou TopoJSON (WGS84)",
        "GeoJSON- of TopoJSON-bestand (WGS84)",
        "GeoJSON or TopoJSON file (WGS84)",
    ),
    "import.geo.mapping": (
        "Correspondance communes → régions (CSV ou XLSX, facultatif)",
        "Koppeling gemeenten → regio's (CSV of XLSX, optioneel)",
        "Municipalities → regions mapping (CSV or XLSX, optional)",
    ),
    "import.geo.mapping_help": (
        "Seulement pour un GeoJSON de communes : colonnes nis, region (et region_name). Sans "
        "ce fichier, les communes déjà enregistrées pour chaque région sont utilisées.",
        "Enkel voor een GeoJSON van gemeenten: kolommen nis, region (en region_name). Zonder "
        "dit bestand worden de gemeenten gebruikt die al per regio geregistreerd zijn.",
        "Only for a GeoJSON of municipalities: columns nis, region (and region_name). Without "
        "it, the municipalities already recorded for each region are used.",
    ),
    "import.geo.code_property": (
        "Propriété qui donne le code INS/NIS",
        "Eigenschap met de NIS-code",
        "Property holding the NIS code",
    ),
    "import.geo.code_property_choose": ("Choisissez…", "Kies…", "Choose…"),
    "import.geo.code_property_help": (
        "Le fichier a plusieurs propriétés qui peuvent être le code de la commune et qui "
        "diffèrent (p. ex. les codes de deux années) : dites laquelle lire.",
        "Het bestand heeft meerdere eigenschappen die de code van de gemeente kunnen zijn en "
        "die verschillen (bv. de codes van twee jaren): zeg welke gelezen wordt.",
        "The file has several properties that could be the municipality's code and that "
        "differ (e.g. the codes of two years): say which one to read.",
    ),
    "import.geo.attribution": (
        "Source et licence (affichées sous la carte)",
        "Bron en licentie (getoond onder de kaart)",
        "Source and licence (shown under the map)",
    ),
    "import.geo.mode.regions": (
        "Une région par élément du fichier.",
        "Eén regio per element van het bestand.",
        "One region per feature of the file.",
    ),
    "import.geo.mode.municipalities.one": (
        "Communes regroupées en régions ({count} commune du fichier hors de toute région).",
        "Gemeenten samengevoegd tot regio's ({count} gemeente van het bestand in geen regio).",
        "Municipalities dissolved into regions ({count} municipality of the file in no region).",
    ),
    "import.geo.mode.municipalities.other": (
        "Communes regroupées en régions ({count} communes du fichier hors de toute région).",
        "Gemeenten samengevoegd tot regio's ({count} gemeenten van het bestand in geen regio).",
        "Municipalities dissolved into regions ({count} municipalities of the file in no region).",
    ),
    "import.geo.new": ("Nouvelles régions", "Nieuwe regio's", "New regions"),
    "import.geo.changed": ("Contours modifiés", "Gewijzigde grenzen", "Changed outlines"),
    "import.geo.unchanged": ("Inchangés", "Ongewijzigd", "Unchanged"),
    "import.geo.absent": (
        "Absentes du fichier (conservées)",
        "Niet in het bestand (behouden)",
        "Not in the file (kept)",
    ),
    "import.geo.size": (
        "Taille envoyée au navigateur : {size} Ko",
        "Grootte naar de browser: {size} kB",
        "Size sent to the browser: {size} kB",
    ),
    "import.geo.col.code": ("Code", "Code", "Code"),
    "import.geo.col.name": ("Nom", "Naam", "Name"),
    "import.geo.col.size": ("Ko", "kB", "kB"),
    "import.geo.col.municipalities": ("Communes", "Gemeenten", "Municipalities"),
    "problem.geo.not_json": (
        "Le fichier {file} n'est pas du JSON lisible ({reason}).",
        "Het bestand {file} is geen leesbare JSON ({reason}).",
        "The file {file} is not readable JSON ({reason}).",
    ),
    "problem.geo.not_feature_collection": (
        "Le fichier {file} n'est ni une FeatureCollection GeoJSON ni une topologie TopoJSON.",
        "Het bestand {file} is geen GeoJSON-FeatureCollection en geen TopoJSON-topologie.",
        "The file {file} is neither a GeoJSON FeatureCollection nor a TopoJSON topology.",
    ),
    "problem.geo.no_features": (
        "la FeatureCollection ne contient aucun élément.",
        "de FeatureCollection bevat geen elementen.",
        "the FeatureCollection has no features.",
    ),
    "problem.geo.not_a_feature": (
        "élément qui n'est pas un objet Feature.",
        "element dat geen Feature-object is.",
        "an element that is not a Feature object.",
    ),
    "problem.geo.no_geometry": (
        "élément sans géométrie.",
        "element zonder geometrie.",
        "feature without a geometry.",
    ),
    "problem.geo.not_polygon": (
        "géométrie qui n'est pas un Polygon ni un MultiPolygon.",
        "geometrie die geen Polygon of MultiPolygon is.",
        "a geometry that is neither a Polygon nor a MultiPolygon.",
    ),
    "problem.geo.bad_coordinates": (
        "coordonnées illisibles ({reason}).",
        "onleesbare coördinaten ({reason}).",
        "unreadable coordinates ({reason}).",
    ),
    "problem.geo.not_in_belgium": (
        "coordonnées hors de Belgique : attendu longitude 2,5 à 6,4 et latitude 49,5 à 51,5 "
        "(WGS84, EPSG:4326 ; reprojetez un fichier en Lambert 72/2008).",
        "coördinaten buiten België: verwacht lengte 2,5 tot 6,4 en breedte 49,5 tot 51,5 "
        "(WGS84, EPSG:4326; herprojecteer een bestand in Lambert 72/2008).",
        "coordinates outside Belgium: expected longitude 2.5 to 6.4 and latitude 49.5 to 51.5 "
        "(WGS84, EPSG:4326; reproject a file in Lambert 72/2008).",
    ),
    "problem.geo.invalid_polygon": (
        "polygone non valide ({reason}).",
        "ongeldige polygoon ({reason}).",
        "invalid polygon ({reason}).",
    ),
    "problem.geo.no_region_property": (
        "aucune propriété ne donne la région (attendu l'une de : {expected}), ni un fichier de "
        "correspondance des communes.",
        "geen eigenschap geeft de regio (verwacht een van: {expected}), en geen "
        "koppelingsbestand van gemeenten.",
        "no property gives the region (expected one of: {expected}), nor a municipalities mapping file.",
    ),
    "problem.geo.no_region_code": ("code de région vide.", "lege regiocode.", "empty region code."),
    "problem.geo.no_nis_property": (
        "aucune propriété ne donne le code INS/NIS de la commune (attendu l'une de : "
        "{expected}). Propriétés à codes de 5 chiffres : {found}. Choisissez-la avec "
        "--code-property (ou sur la page d'import).",
        "geen eigenschap geeft de NIS-code van de gemeente (verwacht een van: {expected}). "
        "Eigenschappen met codes van 5 cijfers: {found}. Kies ze met --code-property (of op "
        "de importpagina).",
        "no property gives the municipality's NIS code (expected one of: {expected}). "
        "Properties holding five-digit codes: {found}. Choose it with --code-property (or on "
        "the import page).",
    ),
    "problem.geo.several_nis_properties": (
        "plusieurs propriétés peuvent être le code INS/NIS et diffèrent ({candidates}) : "
        "choisissez-en une avec --code-property (ou sur la page d'import).",
        "meerdere eigenschappen kunnen de NIS-code zijn en verschillen ({candidates}): kies er "
        "een met --code-property (of op de importpagina).",
        "several properties could be the NIS code and differ ({candidates}): choose one with "
        "--code-property (or on the import page).",
    ),
    "problem.geo.no_such_property": (
        "le fichier n'a pas cette propriété (propriétés du fichier : {expected}).",
        "het bestand heeft die eigenschap niet (eigenschappen van het bestand: {expected}).",
        "the file has no such property (properties of the file: {expected}).",
    ),
    "problem.geo.belgian_region": (
        "cette propriété donne la Région belge (Flandre, Wallonie, Bruxelles), pas la région "
        "de soins : elle n'est pas lue comme code de région. Donnez une propriété avec le code "
        "de vos régions de soins (--code-property), ou un fichier de communes (code INS/NIS) "
        "avec une correspondance nis → region.",
        "deze eigenschap geeft het Belgische Gewest (Vlaanderen, Wallonië, Brussel), niet de "
        "zorgregio: ze wordt niet als regiocode gelezen. Geef een eigenschap met de code van "
        "uw zorgregio's (--code-property), of een bestand van gemeenten (NIS-code) met een "
        "koppeling nis → region.",
        "this property gives the Belgian Region (Flanders, Wallonia, Brussels), not the care "
        "region: it is not read as a region code. Give a property with your care regions' "
        "codes (--code-property), or a file of municipalities (NIS code) with a nis → region "
        "mapping.",
    ),
    "problem.geo.collection_not_polygons": (
        "GeometryCollection avec des membres qui ne sont pas des polygones.",
        "GeometryCollection met leden die geen polygonen zijn.",
        "a GeometryCollection with members that are not polygons.",
    ),
    "problem.geo.topojson_layers": (
        "Le fichier TopoJSON {file} a plusieurs couches ({layers}) : convertissez celle "
        "voulue en GeoJSON, p. ex. « npx topojson-client topo2geo {first}=out.geojson < "
        "{file} », puis importez out.geojson.",
        "Het TopoJSON-bestand {file} heeft meerdere lagen ({layers}): zet de gewenste om naar "
        "GeoJSON, bv. 'npx topojson-client topo2geo {first}=out.geojson < {file}', en "
        "importeer out.geojson.",
        "The TopoJSON file {file} has several layers ({layers}): convert the one you want to "
        "GeoJSON, e.g. 'npx topojson-client topo2geo {first}=out.geojson < {file}', then "
        "import out.geojson.",
    ),
    "problem.geo.topojson_broken": (
        "Le fichier TopoJSON {file} est illisible ({reason}) : convertissez-le en GeoJSON "
        "avec « npx topojson-client topo2geo COUCHE=out.geojson < {file} ».",
        "Het TopoJSON-bestand {file} is onleesbaar ({reason}): zet het om naar GeoJSON met "
        "'npx topojson-client topo2geo LAAG=out.geojson < {file}'.",
        "The TopoJSON file {file} cannot be read ({reason}): convert it to GeoJSON with "
        "'npx topojson-client topo2geo LAYER=out.geojson < {file}'.",
    ),
    "note.geo.topojson": (
        "Fichier TopoJSON converti en GeoJSON.",
        "TopoJSON-bestand omgezet naar GeoJSON.",
        "TopoJSON file converted to GeoJSON.",
    ),
    "note.geo.repaired_invalid.one": (
        "{count} contour non valide (qui se recoupe) réparé (shapely.make_valid, parties "
        "polygonales gardées) : {features}.",
        "{count} ongeldige grens (die zichzelf snijdt) hersteld (shapely.make_valid, "
        "polygoondelen behouden): {features}.",
        "{count} invalid outline (crossing itself) repaired (shapely.make_valid, polygonal "
        "parts kept): {features}.",
    ),
    "note.geo.repaired_invalid.other": (
        "{count} contours non valides (qui se recoupent) réparés (shapely.make_valid, parties "
        "polygonales gardées) : {features}.",
        "{count} ongeldige grenzen (die zichzelf snijden) hersteld (shapely.make_valid, "
        "polygoondelen behouden): {features}.",
        "{count} invalid outlines (crossing themselves) repaired (shapely.make_valid, "
        "polygonal parts kept): {features}.",
    ),
    "note.geo.repaired_collection.one": (
        "{count} GeometryCollection de polygones lue comme MultiPolygon : {features}.",
        "{count} GeometryCollection van polygonen gelezen als MultiPolygon: {features}.",
        "{count} GeometryCollection of polygons read as a MultiPolygon: {features}.",
    ),
    "note.geo.repaired_collection.other": (
        "{count} GeometryCollections de polygones lues comme MultiPolygon : {features}.",
        "{count} GeometryCollections van polygonen gelezen als MultiPolygon: {features}.",
        "{count} GeometryCollections of polygons read as MultiPolygons: {features}.",
    ),
    "note.geo.ignored_unreadable.one": (
        "{count} élément illisible hors des régions du projet, ignoré : {features}.",
        "{count} onleesbaar element buiten de regio's van het project, genegeerd: {features}.",
        "{count} unreadable feature outside the project's regions, ignored: {features}.",
    ),
    "note.geo.ignored_unreadable.other": (
        "{count} éléments illisibles hors des régions du projet, ignorés : {features}.",
        "{count} onleesbare elementen buiten de regio's van het project, genegeerd: {features}.",
        "{count} unreadable features outside the project's regions, ignored: {features}.",
    ),
    "note.geo.belgian_region": (
        "La propriété donne la Région belge, pas la région de soins : pas lue comme code de région.",
        "De eigenschap geeft het Belgische Gewest, niet de zorgregio: niet als regiocode gelezen.",
        "The property gives the Belgian Region, not the care region: not read as a region code.",
    ),
    "problem.geo.bad_nis": (
        "code INS/NIS illisible : attendu 5 chiffres (p. ex. 33011).",
        "onleesbare NIS-code: verwacht 5 cijfers (bv. 33011).",
        "unreadable NIS code: expected 5 digits (e.g. 33011).",
    ),
    "problem.geo.duplicate_nis": (
        "commune déjà attribuée en ligne {first_line}.",
        "gemeente al toegewezen op regel {first_line}.",
        "municipality already assigned on line {first_line}.",
    ),
    "problem.geo.two_names": (
        "la région {region} porte déjà le nom « {other} » (ligne {other_line}).",
        "de regio {region} heeft al de naam '{other}' (regel {other_line}).",
        "region {region} already has the name '{other}' (line {other_line}).",
    ),
    "problem.geo.empty_mapping": (
        "le fichier de correspondance n'a aucune ligne.",
        "het koppelingsbestand heeft geen rijen.",
        "the mapping file has no rows.",
    ),
    "problem.geo.no_mapping": (
        "fichier de communes sans correspondance : ajoutez un fichier nis → region, le projet "
        "n'enregistre pas les communes de ses régions.",
        "bestand van gemeenten zonder koppeling: voeg een bestand nis → region toe, het "
        "project registreert de gemeenten van zijn regio's niet.",
        "a file of municipalities without a mapping: add a nis → region file, the project "
        "records no municipalities for its regions.",
    ),
    "problem.geo.unknown_municipality": (
        "commune de la région {region} absente de {file_name}. Les régions du projet utilisent "
        "les codes INS/NIS valables en {years} ; les fusions de 2019 et de 2025 ont changé des "
        "codes : prenez un fichier de la même année (voir docs/formats/geo.md).",
        "gemeente van regio {region} ontbreekt in {file_name}. De regio's van het project "
        "gebruiken de NIS-codes geldig in {years}; de fusies van 2019 en 2025 wijzigden codes: "
        "neem een bestand van hetzelfde jaar (zie docs/formats/geo.md).",
        "a municipality of region {region} is missing from {file_name}. The project's regions "
        "use the NIS codes valid in {years}; the 2019 and 2025 mergers changed codes: use a "
        "file of the same year (see docs/formats/geo.md).",
    ),
    "problem.geo.unknown_municipality_year": (
        "commune de la région {region} absente de {file_name}, qui a la même commune sous "
        "son code d'une autre année ({codes}, fusions de 2019 / 2025). Les régions du projet "
        "utilisent les codes valables en {years} : prenez un fichier de la même année (voir "
        "docs/formats/geo.md).",
        "gemeente van regio {region} ontbreekt in {file_name}, dat dezelfde gemeente heeft "
        "onder haar code van een ander jaar ({codes}, fusies van 2019 / 2025). De regio's van "
        "het project gebruiken de codes geldig in {years}: neem een bestand van hetzelfde jaar "
        "(zie docs/formats/geo.md).",
        "a municipality of region {region} is missing from {file_name}, which has the same "
        "municipality under its code of another year ({codes}, 2019 / 2025 mergers). The "
        "project's regions use the codes valid in {years}: use a file of the same year (see "
        "docs/formats/geo.md).",
    ),
    "problem.geo.code_too_long": (
        "code de région de plus de {max} caractères.",
        "regiocode langer dan {max} tekens.",
        "region code longer than {max} characters.",
    ),
    "problem.geo.name_taken": (
        "nom déjà porté par la région {region} du projet : donnez un autre nom.",
        "naam al gedragen door regio {region} van het project: geef een andere naam.",
        "name already used by the project's region {region}: give another name.",
    ),
}
