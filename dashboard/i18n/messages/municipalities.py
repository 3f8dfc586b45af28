"""Files keyed by municipality (NIS5 codes, mergers of 2019 and 2025) and Statbel population
tables: problems and preview notes."""

MESSAGES = {
    "problem.nis.two_key_columns": (
        "le fichier a une colonne de régions de soins et une colonne de communes : gardez-en une seule.",
        "het bestand heeft een kolom zorgregio's en een kolom gemeenten: houd er één.",
        "the file has a care-region column and a municipality column: keep only one.",
    ),
    "problem.nis.unknown_code": (
        "« {code} » n'est le code NIS d'aucune commune belge, ni d'aujourd'hui ni d'avant les "
        "fusions de 2019 et 2025.",
        "'{code}' is de NIS-code van geen enkele Belgische gemeente, van vandaag of van vóór de "
        "fusies van 2019 en 2025.",
        "'{code}' is no Belgian municipality's NIS code, neither today's nor one from before "
        "the 2019 and 2025 mergers.",
    ),
    "problem.nis.unknown_name": (
        "aucune commune belge ne s'appelle « {name} » : donnez son code NIS (5 chiffres).",
        "geen Belgische gemeente heet '{name}': geef haar NIS-code (5 cijfers).",
        "no Belgian municipality is called '{name}': give its NIS code (5 digits).",
    ),
    "problem.nis.ambiguous_name": (
        "plusieurs communes s'appellent « {name} » ({codes}) : donnez le code NIS.",
        "meerdere gemeenten heten '{name}' ({codes}): geef de NIS-code.",
        "several municipalities are called '{name}' ({codes}): give the NIS code.",
    ),
    "problem.nis.region_or_municipality": (
        "« {text} » est à la fois la région de soins {region} et la commune {municipality} "
        "({code}), qui n'en est qu'une partie : écrivez {region_code} pour la région ou {code} "
        "pour la commune, ou choisissez la clé des lignes « région » ou « commune » (--key region ou --key municipality).",
        "'{text}' is zowel de zorgregio {region} als de gemeente {municipality} ({code}), die "
        "er maar een deel van is: schrijf {region_code} voor de regio of {code} voor de "
        "gemeente, of kies de sleutel van de rijen 'regio' of 'gemeente' (--key region of --key municipality).",
        "'{text}' is both the care region {region} and the municipality {municipality} "
        "({code}), which is only part of it: write {region_code} for the region or {code} for "
        "the municipality, or choose the key of the rows 'region' or 'municipality' (--key region or --key municipality).",
    ),
    "problem.nis.region_without_municipalities": (
        "'{text}' est le code de la région de soins {region}, dont les communes ne sont pas "
        "connues, et celui de la commune {municipality} ({code}) : choisissez la clé des "
        "lignes (--key region ou --key municipality), ou importez les contours avec une "
        "correspondance communes → régions (geo.md) pour que la région connaisse ses communes.",
        "'{text}' is de code van de zorgregio {region}, waarvan de gemeenten niet gekend zijn, "
        "en van de gemeente {municipality} ({code}): kies de sleutel van de rijen (--key "
        "region of --key municipality), of importeer de contouren met een koppeling gemeenten "
        "→ regio's (geo.md) zodat de regio haar gemeenten kent.",
        "'{text}' is the code of the care region {region}, whose municipalities are not known, "
        "and of the municipality {municipality} ({code}): choose the key of the rows (--key "
        "region or --key municipality), or import the outlines with a mapping of "
        "municipalities to regions (geo.md) so that the region knows its municipalities.",
    ),
    "problem.nis.mixed_keys": (
        "le fichier mêle des régions de soins ({region}) et des communes ({municipality}) : "
        "une seule clé par fichier (--key region ou --key municipality).",
        "het bestand mengt zorgregio's ({region}) en gemeenten ({municipality}): één sleutel "
        "per bestand (--key region of --key municipality).",
        "the file mixes care regions ({region}) and municipalities ({municipality}): one key "
        "per file (--key region or --key municipality).",
    ),
    "problem.nis.in_several_regions": (
        "la commune {municipality} appartient à plusieurs régions de soins du projet "
        "({regions}) : ses chiffres ne peuvent aller qu'à une seule.",
        "de gemeente {municipality} hoort bij meerdere zorgregio's van het project ({regions}): "
        "haar cijfers kunnen maar naar één gaan.",
        "the municipality {municipality} belongs to several care regions of the project "
        "({regions}): its figures can go to one only.",
    ),
    "problem.nis.region_and_municipalities": (
        "{region}, {year} : le fichier donne des lignes de la région et de ses communes ; "
        "donnez l'un ou l'autre.",
        "{region}, {year}: het bestand geeft rijen voor de regio en voor haar gemeenten; geef "
        "het een of het ander.",
        "{region}, {year}: the file gives rows of the region and of its municipalities; give "
        "one or the other.",
    ),
    "problem.nis.region_incomplete.one": (
        "{region}, {year} : il manque une commune de la région ({missing}) ; sans elle ses "
        "chiffres seraient trop bas. Ajoutez-la (0 si aucune personne).",
        "{region}, {year}: er ontbreekt een gemeente van de regio ({missing}); zonder haar "
        "zouden de cijfers te laag zijn. Voeg ze toe (0 als er niemand is).",
        "{region}, {year}: a municipality of the region is missing ({missing}); without it "
        "its figures would be too low. Add it (0 if nobody).",
    ),
    "problem.nis.region_incomplete.other": (
        "{region}, {year} : il manque {count} communes de la région ({missing}) ; sans elles "
        "ses chiffres seraient trop bas. Ajoutez-les (0 si aucune personne).",
        "{region}, {year}: er ontbreken {count} gemeenten van de regio ({missing}); zonder "
        "hen zouden de cijfers te laag zijn. Voeg ze toe (0 als er niemand is).",
        "{region}, {year}: {count} municipalities of the region are missing ({missing}); "
        "without them its figures would be too low. Add them (0 if nobody).",
    ),
    "problem.nis.region_incomplete_deduced": (
        "{region}, {year} : communes de la région absentes du fichier ({count}) : {missing}. "
        "Le fichier est lu par commune à cause de « {because} » ; s'il donne des régions de "
        "soins, choisissez la clé région (--key region).",
        "{region}, {year}: gemeenten van de regio die in het bestand ontbreken ({count}): "
        "{missing}. Het bestand wordt per gemeente gelezen door '{because}'; geeft het "
        "zorgregio's, kies dan de sleutel regio (--key region).",
        "{region}, {year}: municipalities of the region missing from the file ({count}): "
        "{missing}. The file is read per municipality because of '{because}'; if it gives "
        "care regions, choose the region key (--key region).",
    ),
    "problem.nis.old_and_new_code": (
        "{year} : la commune {municipality} est donnée sous son code actuel et sous les codes "
        "d'avant la fusion ({old}) : elle serait comptée deux fois.",
        "{year}: de gemeente {municipality} staat er onder haar huidige code en onder de codes "
        "van vóór de fusie ({old}): ze zou dubbel geteld worden.",
        "{year}: the municipality {municipality} is given under today's code and under the "
        "codes of before the merger ({old}): it would be counted twice.",
    ),
    "problem.nis.population_partial": (
        "{region}, {year} : population donnée pour certaines communes seulement (manque : "
        "{missing}) ; donnez-la pour toutes ou pour aucune.",
        "{region}, {year}: bevolking maar voor sommige gemeenten gegeven (ontbreekt: "
        "{missing}); geef ze voor alle of voor geen.",
        "{region}, {year}: population given for some municipalities only (missing: "
        "{missing}); give it for all or for none.",
    ),
    "problem.nis.not_aggregable": (
        "une valeur en « {unit} » d'une commune ne s'additionne pas avec celles des autres : "
        "donnez le numérateur et le dénominateur (ils s'additionnent) ou la valeur de la "
        "région de soins.",
        "een waarde in '{unit}' van een gemeente telt niet op met die van de andere: geef "
        "teller en noemer (die tellen op) of de waarde van de zorgregio.",
        "a value in '{unit}' of one municipality does not add up with the others': give the "
        "numerator and denominator (they add up) or the care region's value.",
    ),
    "problem.population.no_year": (
        "l'année de la population n'est ni dans le titre du fichier (« au 1er janvier 2024 ») "
        "ni dans une colonne year : donnez-la (--year 2024 ou le champ Année).",
        "het jaar van de bevolking staat niet in de titel van het bestand ('op 1 januari "
        "2024') of in een kolom year: geef het (--year 2024 of het veld Jaar).",
        "the population's year is neither in the file's title ('on 1 January 2024') nor in a "
        "year column: give it (--year 2024 or the Year field).",
    ),
    "problem.population.year_differs": (
        "le fichier dit {found}, l'année donnée est {given} : corrigez l'une ou l'autre.",
        "het bestand zegt {found}, het opgegeven jaar is {given}: verbeter het een of het ander.",
        "the file says {found}, the year given is {given}: correct one or the other.",
    ),
    "problem.population.no_header": (
        "aucune ligne d'en-tête avec un code NIS (NIS code, Code NIS, CD_REFNIS) et une "
        "population (Totaal, Total, MS_POPULATION) n'a été trouvée.",
        "geen kopregel met een NIS-code (NIS code, Code NIS, CD_REFNIS) en een bevolking "
        "(Totaal, Total, MS_POPULATION) gevonden.",
        "no header line with a NIS code (NIS code, Code NIS, CD_REFNIS) and a population "
        "(Totaal, Total, MS_POPULATION) was found.",
    ),
    "problem.population.duplicate": (
        "la commune est déjà à la ligne {first_line}.",
        "de gemeente staat al op regel {first_line}.",
        "the municipality is already on line {first_line}.",
    ),
    "problem.population.region_incomplete": (
        "{region} : communes de la région absentes du fichier ({count}) : {missing} ; sa "
        "population serait trop basse.",
        "{region}: gemeenten van de regio die in het bestand ontbreken ({count}): {missing}; "
        "haar bevolking zou te laag zijn.",
        "{region}: municipalities of the region missing from the file ({count}): {missing}; "
        "its population would be too low.",
    ),
    "problem.population.no_region": (
        "aucune commune du fichier n'est dans une région de soins du projet (listes de "
        "communes des régions : importez-les avec les contours, docs/formats/geo.md).",
        "geen enkele gemeente van het bestand ligt in een zorgregio van het project "
        "(gemeentelijsten van de regio's: importeer ze met de contouren, docs/formats/geo.md).",
        "no municipality of the file is in a care region of the project (the regions' "
        "municipality lists come with their outlines, docs/formats/geo.md).",
    ),
    # Preview notes
    "import.key": (
        "Clé des lignes",
        "Sleutel van de rijen",
        "Key of the rows",
    ),
    "import.key.auto": (
        "automatique (région ou commune)",
        "automatisch (regio of gemeente)",
        "automatic (region or municipality)",
    ),
    "import.key.region": (
        "région de soins (code ou nom)",
        "zorgregio (code of naam)",
        "care region (code or name)",
    ),
    "import.key.municipality": (
        "commune (code NIS ou nom)",
        "gemeente (NIS-code of naam)",
        "municipality (NIS code or name)",
    ),
    "import.key_help": (
        "Un fichier par commune (codes NIS) est additionné par région de soins. Un nom qui est "
        "à la fois une région et une commune (Ieper) est refusé en mode automatique : "
        "choisissez alors la clé.",
        "Een bestand per gemeente (NIS-codes) wordt per zorgregio opgeteld. Een naam die zowel "
        "een regio als een gemeente is (Ieper) wordt in automatische modus geweigerd: kies dan "
        "de sleutel.",
        "A file per municipality (NIS codes) is added up per care region. A name that is both "
        "a region and a municipality (Ieper) is refused in automatic mode: then choose the key.",
    ),
    "import.municipal.summary": (
        "Fichier par commune : communes lues, {municipalities} ; additionnées par région de "
        "soins ({regions}). Seuls les totaux des régions sont enregistrés.",
        "Bestand per gemeente: gelezen gemeenten, {municipalities}; opgeteld per zorgregio "
        "({regions}). Alleen de totalen van de regio's worden bewaard.",
        "File per municipality: municipalities read, {municipalities}; added up per care "
        "region ({regions}). Only the regions' totals are stored.",
    ),
    "import.municipal.old_codes": (
        "Codes d'avant les fusions de 2019 ou 2025, lus sous leur code actuel : {codes}.",
        "Codes van vóór de fusies van 2019 of 2025, gelezen onder hun huidige code: {codes}.",
        "Codes of before the 2019 or 2025 mergers, read under today's code: {codes}.",
    ),
    "import.municipal.outside": (
        "Communes du fichier hors de toute région de soins du projet, non importées "
        "({count}) : {municipalities}.",
        "Gemeenten van het bestand buiten elke zorgregio van het project, niet geïmporteerd "
        "({count}): {municipalities}.",
        "Municipalities of the file outside every care region of the project, not imported "
        "({count}): {municipalities}.",
    ),
    # Population import
    "import.kind.population": ("Population", "Bevolking", "Population"),
    "import.population.upload": (
        "Tableau de population Statbel (CSV ou XLSX)",
        "Bevolkingstabel van Statbel (CSV of XLSX)",
        "Statbel population table (CSV or XLSX)",
    ),
    "import.population.year": ("Année (1er janvier)", "Jaar (1 januari)", "Year (1 January)"),
    "import.population.year_help": (
        "Vide : l'année du titre du fichier (« au 1er janvier 2024 »).",
        "Leeg: het jaar uit de titel van het bestand ('op 1 januari 2024').",
        "Empty: the year in the file's title ('on 1 January 2024').",
    ),
    "import.population.columns": (
        "Le tableau « Population par lieu de résidence » de Statbel, en français "
        "(**Code NIS**, Lieu de résidence, …, **Total**) ou en néerlandais (**NIS code**, "
        "Woonplaats, …, **Totaal**), avec ses lignes de titre ; ou les données ouvertes "
        "(**CD_REFNIS**, **MS_POPULATION**). Les communes sont additionnées par région de "
        "soins ; les lignes de pays, région, province et arrondissement sont ignorées.",
        "De tabel 'Bevolking per woonplaats' van Statbel, in het Nederlands (**NIS code**, "
        "Woonplaats, …, **Totaal**) of in het Frans (**Code NIS**, Lieu de résidence, …, "
        "**Total**), met haar titelregels; of de open data (**CD_REFNIS**, "
        "**MS_POPULATION**). De gemeenten worden per zorgregio opgeteld; rijen van land, "
        "gewest, provincie en arrondissement worden genegeerd.",
        "Statbel's 'Population by place of residence' table, in Dutch (**NIS code**, "
        "Woonplaats, …, **Totaal**) or French (**Code NIS**, Lieu de résidence, …, **Total**), "
        "with its title lines; or the open data (**CD_REFNIS**, **MS_POPULATION**). "
        "Municipalities are added up per care region; country, region, province and "
        "arrondissement lines are ignored.",
    ),
    "import.population.summary": (
        "Population au 1er janvier {year}. Communes lues : {municipalities} ; lignes de "
        "sous-total ignorées : {subtotals}.",
        "Bevolking op 1 januari {year}. Gelezen gemeenten: {municipalities}; genegeerde "
        "subtotaalrijen: {subtotals}.",
        "Population on 1 January {year}. Municipalities read: {municipalities}; subtotal "
        "lines ignored: {subtotals}.",
    ),
    "import.population.col.region": ("Région de soins", "Zorgregio", "Care region"),
    "import.population.col.old": ("Avant", "Voorheen", "Before"),
    "import.population.col.new": ("Après", "Daarna", "After"),
}
