"""Problems found in imported files and submitted forms, and the import pages' shared words."""

MESSAGES = {
    "problem.empty_file": (
        "Le fichier {file} est vide.",
        "Het bestand {file} is leeg.",
        "The file {file} is empty.",
    ),
    "problem.not_a_table": (
        "Le fichier {file} ne peut être lu comme un tableau CSV ou XLSX ({reason}).",
        "Het bestand {file} kan niet gelezen worden als CSV- of XLSX-tabel ({reason}).",
        "The file {file} cannot be read as a CSV or XLSX table ({reason}).",
    ),
    "problem.cell_too_long": (
        "La ligne {line} de {file} a une cellule de plus de {limit} caractères.",
        "Regel {line} van {file} heeft een cel van meer dan {limit} tekens.",
        "Line {line} of {file} has a cell of more than {limit} characters.",
    ),
    "problem.no_header": (
        "Le fichier {file} n'a pas de ligne d'en-tête (noms de colonnes en ligne 1).",
        "Het bestand {file} heeft geen kopregel (kolomnamen op regel 1).",
        "The file {file} has no header line (column names on line 1).",
    ),
    "problem.empty_header": (
        "La colonne n° {position} de {file} n'a pas de nom en ligne 1.",
        "Kolom nr. {position} van {file} heeft geen naam op regel 1.",
        "Column no. {position} of {file} has no name on line 1.",
    ),
    "problem.duplicate_header": (
        "La colonne « {column} » apparaît deux fois dans {file}.",
        "De kolom '{column}' komt twee keer voor in {file}.",
        "The column '{column}' appears twice in {file}.",
    ),
    "problem.missing_column": (
        "colonne obligatoire absente (colonnes obligatoires : {expected}).",
        "verplichte kolom ontbreekt (verplichte kolommen: {expected}).",
        "required column missing (required columns: {expected}).",
    ),
    "problem.line_break": (
        "doit tenir sur une ligne : retirez le saut de ligne.",
        "moet op één regel staan: verwijder het regeleinde.",
        "must be on one line: remove the line break.",
    ),
    "problem.empty_cell": (
        "valeur obligatoire vide.",
        "verplichte waarde is leeg.",
        "required value is empty.",
    ),
    "problem.bad_code": (
        "code non valide : attendu des nombres séparés par des points (2, 2.3 ou 2.3.1).",
        "ongeldige code: verwacht getallen gescheiden door punten (2, 2.3 of 2.3.1).",
        "invalid code: expected numbers separated by dots (2, 2.3 or 2.3.1).",
    ),
    "problem.duplicate_code": (
        "code en double (déjà en ligne {first_line}).",
        "dubbele code (al op regel {first_line}).",
        "duplicate code (already on line {first_line}).",
    ),
    "problem.parent_not_placed": (
        "l'action ne peut être placée : son objectif {parent} (ligne {parent_line}) est en erreur.",
        "de actie kan niet geplaatst worden: haar doelstelling {parent} (regel {parent_line}) "
        "bevat een fout.",
        "the action cannot be placed: its objective {parent} (line {parent_line}) has an error.",
    ),
    "problem.unknown_status": (
        "statut inconnu (attendu : {expected}, ou leur libellé en français, néerlandais ou anglais).",
        "onbekende status (verwacht: {expected}, of hun benaming in het Frans, Nederlands of Engels).",
        "unknown status (expected: {expected}, or their French, Dutch or English label).",
    ),
    "problem.done_without_actual_end": (
        "l'action {code} est terminée mais sa fin réelle manque : indiquez la date à laquelle "
        "elle s'est terminée (colonne {expected_column}).",
        "actie {code} is afgerond maar het werkelijke einde ontbreekt: vul de datum in waarop "
        "ze afliep (kolom {expected_column}).",
        "action {code} is done but its actual end is missing: give the date it finished "
        "(column {expected_column}).",
    ),
    "problem.unknown_status_code": (
        "code de statut inconnu (attendu : {expected}).",
        "onbekende statuscode (verwacht: {expected}).",
        "unknown status code (expected: {expected}).",
    ),
    "problem.status_disagrees": (
        "le statut ne correspond pas au code de statut « {code} » de la colonne {code_column} : "
        "corrigez l'un ou l'autre, ou videz l'un des deux.",
        "de status komt niet overeen met statuscode '{code}' in kolom {code_column}: verbeter "
        "een van beide, of maak er een leeg.",
        "the status does not match status code '{code}' in column {code_column}: correct one "
        "of them, or empty one.",
    ),
    "problem.bad_date": (
        "date illisible : attendu AAAA-MM-JJ ou JJ/MM/AAAA, entre 2000 et 2100.",
        "onleesbare datum: verwacht JJJJ-MM-DD of DD/MM/JJJJ, tussen 2000 en 2100.",
        "unreadable date: expected YYYY-MM-DD or DD/MM/YYYY, between 2000 and 2100.",
    ),
    "problem.end_before_start": (
        "la fin précède le début ({start}).",
        "het einde valt voor de start ({start}).",
        "the end is before the start ({start}).",
    ),
    "problem.bad_yes_no": (
        "attendu oui/non (yes/no, ja/nee, true/false, 1/0 ; vide = non).",
        "verwacht ja/nee (yes/no, oui/non, true/false, 1/0; leeg = nee).",
        "expected yes/no (oui/non, ja/nee, true/false, 1/0; empty = no).",
    ),
    "problem.bad_stratum": ("strate hors de 0 à 3.", "stratum buiten 0 tot 3.", "stratum outside 0 to 3."),
    "problem.bad_number": ("nombre illisible.", "onleesbaar getal.", "unreadable number."),
    "problem.negative_budget": (
        "le budget ne peut être négatif.",
        "het budget kan niet negatief zijn.",
        "the budget cannot be negative.",
    ),
    "problem.unknown_region": (
        "région de soins inconnue « {region} » (les plus proches : {closest}).",
        "onbekende zorgregio '{region}' (dichtstbijzijnde: {closest}).",
        "unknown care region '{region}' (closest: {closest}).",
    ),
    "problem.no_close_match": ("aucune", "geen", "none"),
    "problem.bad_status": ("statut non valide.", "ongeldige status.", "invalid status."),
    "problem.code_taken": (
        "ce code existe déjà dans le projet.",
        "deze code bestaat al in het project.",
        "this code already exists in the project.",
    ),
    "problem.code_outside_objective": (
        "le code doit commencer par celui de l'objectif ({objective}.).",
        "de code moet beginnen met die van de doelstelling ({objective}.).",
        "the code must start with the objective's ({objective}.).",
    ),
    "problem.unknown_partner": ("partenaire inconnu.", "onbekende partner.", "unknown partner."),
    # the Import data page
    "imports.title": ("Importer des données", "Gegevens importeren", "Import data"),
    "import.kind.actions": ("Plan d'action", "Actieplan", "Action plan"),
    "import.actions.new": ("Nouvelles actions", "Nieuwe acties", "New actions"),
    "import.actions.changed": ("Actions modifiées", "Gewijzigde acties", "Changed actions"),
    "import.actions.unchanged": ("Inchangées", "Ongewijzigd", "Unchanged"),
    "import.actions.new_objectives": ("Nouveaux objectifs", "Nieuwe doelstellingen", "New objectives"),
    "import.actions.absent": ("Absentes du fichier", "Niet in het bestand", "Not in the file"),
    "import.actions.absent_help": (
        "Actions du projet que le fichier ne mentionne pas : elles sont conservées.",
        "Acties van het project die niet in het bestand staan: ze blijven behouden.",
        "The project's actions the file does not mention: they are kept.",
    ),
    "import.actions.absent_list.one": (
        "{count} action absente du fichier (conservée)",
        "{count} actie niet in het bestand (behouden)",
        "{count} action not in the file (kept)",
    ),
    "import.actions.absent_list.other": (
        "{count} actions absentes du fichier (conservées)",
        "{count} acties niet in het bestand (behouden)",
        "{count} actions not in the file (kept)",
    ),
    "import.actions.what": ("Quoi", "Wat", "What"),
    "import.actions.field": ("Champ", "Veld", "Field"),
    "import.actions.old": ("Avant", "Voor", "Before"),
    "import.actions.new_value": ("Après", "Na", "After"),
    "import.actions.new_partners": (
        "Partenaires pilotes inconnus, qui seront créés : {partners}.",
        "Onbekende trekkers, die aangemaakt worden: {partners}.",
        "Unknown lead partners, to be created: {partners}.",
    ),
    # shared words of import pages and commands
    "import.upload": ("Fichier (CSV ou XLSX)", "Bestand (CSV of XLSX)", "File (CSV or XLSX)"),
    "import.preview": ("Aperçu de l'import", "Voorbeeld van de import", "Import preview"),
    "import.confirm": ("Importer", "Importeren", "Import"),
    "import.no_change": (
        "Ce fichier ne change rien : tout est déjà à jour.",
        "Dit bestand verandert niets: alles is al up-to-date.",
        "This file changes nothing: everything is already up to date.",
    ),
    "import.refused.one": (
        "Le fichier est refusé ({count} problème) : rien n'a été importé. Corrigez-le et réessayez.",
        "Het bestand is geweigerd ({count} probleem): er is niets geïmporteerd. Verbeter het en probeer "
        "opnieuw.",
        "The file is refused ({count} problem): nothing was imported. Correct it and try again.",
    ),
    "import.refused.other": (
        "Le fichier est refusé ({count} problèmes) : rien n'a été importé. Corrigez-le et réessayez.",
        "Het bestand is geweigerd ({count} problemen): er is niets geïmporteerd. Verbeter het en probeer "
        "opnieuw.",
        "The file is refused ({count} problems): nothing was imported. Correct it and try again.",
    ),
    "import.unknown_columns": (
        "Colonnes inconnues, ignorées : {columns}.",
        "Onbekende kolommen, genegeerd: {columns}.",
        "Unknown columns, ignored: {columns}.",
    ),
    "import.done": ("Import terminé.", "Import voltooid.", "Import done."),
    "import.format_help": ("Format du fichier : {path}", "Bestandsformaat: {path}", "File format: {path}"),
    "import.format_title": ("Format attendu", "Verwacht formaat", "Expected format"),
    "import.example": ("Fichier d'exemple", "Voorbeeldbestand", "Example file"),
    "import.geo.mapping_example": (
        "Exemple de correspondance communes → régions",
        "Voorbeeld van koppeling gemeenten → regio's",
        "Example mapping of municipalities → regions",
    ),
    "import.actions.columns": (
        "Une ligne par objectif ou action. Colonnes obligatoires : **code** (2 = objectif "
        "stratégique, 2.3 = objectif opérationnel, 2.3.1 = action) et **title**. Facultatives : "
        "**status**, **start** et **end** (AAAA-MM-JJ ou JJ/MM/AAAA), **lead_partner**, "
        "**care_regions** (séparées par ; ou |), **social_entrepreneurship** (oui/non), "
        "**target_stratum** (0 à 3), **budget_eur**, **description**. Les actions sont "
        "reconnues par leur code ; celles absentes du fichier sont conservées.",
        "Eén rij per doelstelling of actie. Verplichte kolommen: **code** (2 = strategische "
        "doelstelling, 2.3 = operationele doelstelling, 2.3.1 = actie) en **title**. Optioneel: "
        "**status**, **start** en **end** (JJJJ-MM-DD of DD/MM/JJJJ), **lead_partner**, "
        "**care_regions** (gescheiden door ; of |), **social_entrepreneurship** (ja/nee), "
        "**target_stratum** (0 tot 3), **budget_eur**, **description**. Acties worden herkend "
        "aan hun code; acties die niet in het bestand staan, blijven behouden.",
        "One row per objective or action. Required columns: **code** (2 = strategic objective, "
        "2.3 = operational objective, 2.3.1 = action) and **title**. Optional: **status**, "
        "**start** and **end** (YYYY-MM-DD or DD/MM/YYYY), **lead_partner**, **care_regions** "
        "(separated by ; or |), **social_entrepreneurship** (yes/no), **target_stratum** (0 to "
        "3), **budget_eur**, **description**. Actions are matched by code; those absent from "
        "the file are kept.",
    ),
    "import.problems_as_text": ("Liste à copier", "Lijst om te kopiëren", "List to copy"),
    "import.col.line": ("Ligne", "Regel", "Line"),
    "import.col.column": ("Colonne", "Kolom", "Column"),
    "import.col.record": ("Élément", "Element", "Record"),
    "import.col.value": ("Valeur", "Waarde", "Value"),
    "import.col.problem": ("Problème", "Probleem", "Problem"),
}
