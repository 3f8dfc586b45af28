"""Explore page: catalogue, pivots, read-only SQL and the data package."""

MESSAGES = {
    "nav.explore": ("Explorer", "Verkennen", "Explore"),
    "explore.sql.only_select": (
        "Seules les requêtes SELECT ou WITH sont permises (lecture seule).",
        "Alleen SELECT- of WITH-query's zijn toegestaan (alleen lezen).",
        "Only SELECT or WITH queries are allowed (read-only).",
    ),
    "explore.sql.one_statement": (
        "Une seule requête à la fois (pas de « ; » au milieu).",
        "Eén query tegelijk (geen ‘;’ in het midden).",
        "One query at a time (no ';' in the middle).",
    ),
    "explore.sql.no_files": (
        "La lecture de fichiers n'est pas permise : interrogez les tables du catalogue.",
        "Bestanden lezen is niet toegestaan: bevraag de tabellen van de catalogus.",
        "Reading files is not allowed: query the catalogue's tables.",
    ),
    "explore.sql.unknown_table": (
        "Table inconnue « {table} » ; tables du catalogue : {tables}.",
        "Onbekende tabel ‘{table}’; tabellen van de catalogus: {tables}.",
        "Unknown table '{table}'; the catalogue's tables: {tables}.",
    ),
    "explore.sql.too_slow": (
        "La requête a dépassé {seconds} s et a été arrêtée.",
        "De query duurde langer dan {seconds} s en werd gestopt.",
        "The query took longer than {seconds} s and was stopped.",
    ),
    "explore.sql.bad_sql": (
        "Requête SQL invalide : {detail}",
        "Ongeldige SQL-query: {detail}",
        "Invalid SQL query: {detail}",
    ),
}
