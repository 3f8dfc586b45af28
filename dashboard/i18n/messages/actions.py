"""Portfolio, Gantt and action editing pages."""

MESSAGES = {
    "portfolio.title": ("Portefeuille d'actions", "Actieportefeuille", "Portfolio of actions"),
    "portfolio.col.code": ("Code", "Code", "Code"),
    "portfolio.col.title": ("Intitulé", "Titel", "Title"),
    "portfolio.col.status": ("Statut", "Status", "Status"),
    "portfolio.col.planned_start": ("Début prévu", "Geplande start", "Planned start"),
    "portfolio.col.planned_end": ("Fin prévue", "Gepland einde", "Planned end"),
    "portfolio.col.actual_start": ("Début réel", "Werkelijke start", "Actual start"),
    "portfolio.col.actual_end": ("Fin réelle", "Werkelijk einde", "Actual end"),
    "portfolio.col.baseline_start": ("Début (référence)", "Start (referentie)", "Start (baseline)"),
    "portfolio.col.baseline_end": ("Fin (référence)", "Einde (referentie)", "End (baseline)"),
    "portfolio.col.lead_partner": ("Partenaire pilote", "Trekker", "Lead partner"),
    "portfolio.col.partners": ("Partenaires", "Partners", "Partners"),
    "portfolio.col.regions": ("Régions de soins", "Zorgregio's", "Care regions"),
    "portfolio.col.stratum": ("Strate cible", "Doelgroep (stratum)", "Target stratum"),
    "portfolio.col.se": ("Entrepr. social", "Sociaal ondern.", "Social entr."),
    "portfolio.col.late": ("En retard", "Vertraagd", "Late"),
    "portfolio.col.budget": ("Budget (€)", "Budget (€)", "Budget (€)"),
    "portfolio.col.time_bank": ("Banque du temps (h)", "Tijdsbank (u)", "Time bank (h)"),
    "portfolio.col.description": ("Description", "Beschrijving", "Description"),
    "portfolio.col.review_date": ("Révision le", "Herziening op", "Review on"),
    "portfolio.col.updated": ("Dernière modification", "Laatst gewijzigd", "Last changed"),
    # filters
    "filters.search": ("Rechercher", "Zoeken", "Search"),
    "filters.search_placeholder": (
        "code, intitulé, partenaire…",
        "code, titel, partner…",
        "code, title, partner…",
    ),
    "filters.objective": ("Objectif", "Doelstelling", "Objective"),
    "filters.status": ("Statut", "Status", "Status"),
    "filters.region": ("Région de soins", "Zorgregio", "Care region"),
    "filters.lead_partner": ("Partenaire pilote", "Trekker", "Lead partner"),
    "filters.stratum": ("Strate cible", "Doelgroep", "Target stratum"),
    "filters.se": ("Entrepreneuriat social", "Sociaal ondernemerschap", "Social entrepreneurship"),
    "filters.se_any": ("Toutes", "Alle", "All"),
    "filters.late_only": ("En retard seulement", "Alleen vertraagd", "Late only"),
    "filters.clear": ("Effacer", "Wissen", "Clear"),
    "filters.any": ("Tous", "Alle", "All"),
    "filters.shown.one": (
        "{count} action sur {total}",
        "{count} van {total} acties",
        "{count} of {total} actions",
    ),
    "filters.shown.other": (
        "{count} actions sur {total}",
        "{count} van {total} acties",
        "{count} of {total} actions",
    ),
    # downloads of the actions on screen
    "downloads.actions_shown.one": (
        "{count} action sur {total}",
        "{count} actie van {total}",
        "{count} action of {total}",
    ),
    "downloads.actions_shown.other": (
        "{count} actions sur {total}",
        "{count} acties van {total}",
        "{count} actions of {total}",
    ),
    "downloads.all_actions": (
        "Fichiers : toutes les actions ({count}), sans filtre.",
        "Bestanden: alle acties ({count}), zonder filter.",
        "Files: every action ({count}), no filter.",
    ),
    "downloads.filtered": (
        "Fichiers : les actions affichées, {shown} — filtres : {filters}",
        "Bestanden: de getoonde acties, {shown} — filters: {filters}",
        "Files: the actions shown, {shown} — filters: {filters}",
    ),
    "downloads.file_suffix": (
        "-filtre-{shown}-sur-{total}",
        "-filter-{shown}-van-{total}",
        "-filtered-{shown}-of-{total}",
    ),
    "downloads.filters_sheet": ("filtres", "filters", "filters"),
    "downloads.quoted": ("« {text} »", "‘{text}’", "“{text}”"),
    "downloads.filter_part": ("{name} : {value}", "{name}: {value}", "{name}: {value}"),
    "downloads.filter": ("Filtre", "Filter", "Filter"),
    "downloads.value": ("Valeur", "Waarde", "Value"),
    "downloads.actions": ("Actions", "Acties", "Actions"),
    "downloads.none": ("Aucun filtre", "Geen filter", "No filter"),
    # the social-entrepreneurship target, one value for the project and its indicator
    "indicators.se_target_help": (
        "La cible de l'indicateur est celle du projet en entrepreneuriat social, qu'un "
        "administrateur fixe dans les paramètres du projet (page Utilisateurs).",
        "Het doel van de indicator is het doel van het project voor sociaal ondernemerschap, dat "
        "een beheerder instelt in de projectinstellingen (pagina Gebruikers).",
        "The indicator's target is the project's social-entrepreneurship target, which an admin "
        "sets in the project settings (Users page).",
    ),
    "admin.se_target_help": (
        "C'est aussi la cible de l'indicateur « Actions avec une composante d'entrepreneuriat "
        "social » : une seule valeur pour le projet.",
        "Dit is ook het doel van de indicator 'Acties met een component sociaal "
        "ondernemerschap': één waarde voor het project.",
        "This is also the target of the indicator 'Actions with a social-entrepreneurship "
        "component': one value for the project.",
    ),
    # key figures
    "portfolio.figure.actions": ("Actions", "Acties", "Actions"),
    "portfolio.figure.late": ("En retard", "Vertraagd", "Late"),
    "portfolio.figure.starting": ("Débuts ≤ 90 j", "Start ≤ 90 d", "Starts ≤ 90 d"),
    "portfolio.figure.ending": ("Fins ≤ 90 j", "Einde ≤ 90 d", "Ends ≤ 90 d"),
    "portfolio.figure.se": ("Entrepr. social", "Sociaal ondern.", "Social entr."),
    "portfolio.figure.se_target": ("objectif {target}", "doel {target}", "target {target}"),
    # tabs
    "portfolio.tab.plan": ("Plan", "Plan", "Plan"),
    "portfolio.tab.table": ("Tableau", "Tabel", "Table"),
    "portfolio.tab.charts": ("Répartition", "Verdeling", "Breakdown"),
    "portfolio.plan_actions.one": ("{count} action", "{count} actie", "{count} action"),
    "portfolio.plan_actions.other": ("{count} actions", "{count} acties", "{count} actions"),
    "portfolio.select_hint": (
        "Cliquez sur une ligne pour ouvrir le détail de l'action.",
        "Klik op een rij om de details van de actie te openen.",
        "Click a row to open the action's detail.",
    ),
    # breakdown charts
    "portfolio.by_objective": (
        "Actions par objectif stratégique",
        "Acties per strategische doelstelling",
        "Actions per strategic objective",
    ),
    "portfolio.by_region": ("Actions par région de soins", "Acties per zorgregio", "Actions per care region"),
    "portfolio.by_stratum": (
        "Actions par strate cible",
        "Acties per doelgroep",
        "Actions per target stratum",
    ),
    "portfolio.by_category": (
        "Actions par catégorie du partenaire pilote",
        "Acties per categorie van de trekker",
        "Actions per lead partner's category",
    ),
    "portfolio.count": ("Nombre d'actions", "Aantal acties", "Number of actions"),
    "portfolio.no_value": ("Non précisé", "Niet opgegeven", "Not given"),
    "portfolio.se_trend": (
        "Part d'actions avec entrepreneuriat social, par année",
        "Aandeel acties met sociaal ondernemerschap, per jaar",
        "Share of actions with social entrepreneurship, by year",
    ),
    "portfolio.se_share": ("Part", "Aandeel", "Share"),
    "portfolio.se_target_line": ("Objectif {target}", "Doel {target}", "Target {target}"),
    # detail
    "detail.title": ("Action {code}", "Actie {code}", "Action {code}"),
    "detail.close": ("Fermer", "Sluiten", "Close"),
    "detail.fields": ("Fiche", "Fiche", "Details"),
    "detail.history": ("Historique des modifications", "Wijzigingsgeschiedenis", "History of changes"),
    "detail.decisions": ("Décisions du comité", "Beslissingen van de stuurgroep", "Committee decisions"),
    "detail.no_decisions": (
        "Aucune décision sur cette action.",
        "Geen beslissingen over deze actie.",
        "No decision on this action.",
    ),
    "detail.col.when": ("Quand", "Wanneer", "When"),
    "detail.col.who": ("Qui", "Wie", "Who"),
    "detail.col.field": ("Champ", "Veld", "Field"),
    "detail.col.old": ("Avant", "Voor", "Before"),
    "detail.col.new": ("Après", "Na", "After"),
    "detail.col.cause": ("Origine", "Oorsprong", "Cause"),
    "detail.created": ("création", "aanmaak", "creation"),
    "field.created": ("Création", "Aanmaak", "Created"),
    "field.care_regions": ("Régions de soins", "Zorgregio's", "Care regions"),
    "field.partners": ("Partenaires", "Partners", "Partners"),
    "field.lead_partner_id": ("Partenaire pilote", "Trekker", "Lead partner"),
    "field.status": ("Statut", "Status", "Status"),
    "field.title": ("Intitulé", "Titel", "Title"),
    "field.description": ("Description", "Beschrijving", "Description"),
    "field.planned_start": ("Début prévu", "Geplande start", "Planned start"),
    "field.planned_end": ("Fin prévue", "Gepland einde", "Planned end"),
    "field.actual_start": ("Début réel", "Werkelijke start", "Actual start"),
    "field.actual_end": ("Fin réelle", "Werkelijk einde", "Actual end"),
    "field.review_date": ("Date de révision", "Herzieningsdatum", "Review date"),
    "field.target_stratum": ("Strate cible", "Doelgroep (stratum)", "Target stratum"),
    "field.social_entrepreneurship": (
        "Entrepreneuriat social",
        "Sociaal ondernemerschap",
        "Social entrepreneurship",
    ),
    "field.budget_eur": ("Budget (€)", "Budget (€)", "Budget (€)"),
    "field.time_bank_hours": ("Banque du temps (h)", "Tijdsbank (u)", "Time bank (h)"),
    # updating actions
    "update.title": ("Mettre à jour les actions", "Acties bijwerken", "Update actions"),
    "update.tab.bulk": ("Plusieurs actions", "Meerdere acties", "Several actions"),
    "update.tab.one": ("Une action", "Eén actie", "One action"),
    "update.tab.add": ("Ajouter une action", "Actie toevoegen", "Add an action"),
    "update.bulk_help": (
        "Modifiez les cellules puis enregistrez : toutes les modifications sont vérifiées "
        "ensemble et enregistrées ensemble, ou pas du tout.",
        "Wijzig de cellen en sla op: alle wijzigingen worden samen gecontroleerd en samen "
        "opgeslagen, of helemaal niet.",
        "Edit the cells, then save: all changes are checked together and saved together, or not at all.",
    ),
    "update.save": ("Enregistrer", "Opslaan", "Save"),
    "update.saved.one": ("{count} action enregistrée.", "{count} actie opgeslagen.", "{count} action saved."),
    "update.saved.other": (
        "{count} actions enregistrées.",
        "{count} acties opgeslagen.",
        "{count} actions saved.",
    ),
    "update.actual_end_help": (
        "Obligatoire pour une action terminée.",
        "Verplicht voor een afgeronde actie.",
        "Required for a done action.",
    ),
    "update.date_help": (
        "Date au format jj/mm/aaaa (aaaa-mm-jj accepté) ; videz la cellule pour retirer la date.",
        "Datum als dd/mm/jjjj (jjjj-mm-dd mag ook); maak de cel leeg om de datum te wissen.",
        "Date as dd/mm/yyyy (yyyy-mm-dd accepted); empty the cell to remove the date.",
    ),
    "update.choose_action": ("Action", "Actie", "Action"),
    "update.add": ("Ajouter", "Toevoegen", "Add"),
    "update.added": ("Action {code} ajoutée.", "Actie {code} toegevoegd.", "Action {code} added."),
    "update.as_of": ("Valeurs lues le {at}.", "Waarden gelezen op {at}.", "Values as read on {at}."),
    "update.reload": (
        "Recharger les valeurs actuelles",
        "Huidige waarden opnieuw laden",
        "Reload the current values",
    ),
    "update.conflict_help": (
        "Vos saisies sont toujours là mais n'ont pas été enregistrées. Comparez-les aux valeurs "
        "actuelles ci-dessous, puis rechargez celles-ci et refaites votre modification.",
        "Uw invoer staat er nog maar is niet opgeslagen. Vergelijk ze met de huidige waarden "
        "hieronder, laad die dan opnieuw en voer uw wijziging opnieuw in.",
        "Your input is still there but was not saved. Compare it with the current values "
        "below, then reload them and make your change again.",
    ),
    "update.conflict.field": ("Champ", "Veld", "Field"),
    "update.conflict.seen": ("À l'ouverture", "Bij het openen", "When you opened it"),
    "update.conflict.now": ("Maintenant", "Nu", "Now"),
    "update.conflict.yours": ("Votre saisie", "Uw invoer", "Your input"),
    # Gantt
    "gantt.title": (
        "Planning des actions (Gantt)",
        "Planning van de acties (Gantt)",
        "Action schedule (Gantt)",
    ),
    "gantt.baseline": ("Référence", "Referentie", "Baseline"),
    "gantt.baseline_first": (
        "Plan tel qu'approuvé au départ",
        "Plan zoals oorspronkelijk goedgekeurd",
        "Plan as first approved",
    ),
    "gantt.baseline_date": (
        "Plan à une date choisie",
        "Plan op een gekozen datum",
        "Plan as of a chosen date",
    ),
    "gantt.baseline_none": ("Pas de référence", "Geen referentie", "No baseline"),
    "gantt.baseline_as_of": ("Date de référence", "Referentiedatum", "Baseline date"),
    "gantt.sort": ("Ordre", "Volgorde", "Order"),
    "gantt.sort_code": ("Par code", "Op code", "By code"),
    "gantt.sort_start": ("Par début", "Op start", "By start"),
    "gantt.legend": (
        "Barre : plan actuel (couleur et symbole = statut) · barre grise fine : référence · trait noir : "
        "réalisé · ◀ rouge : en retard · ligne rouge pointillée : aujourd'hui.",
        "Balk: huidig plan (kleur en symbool = status) · dunne grijze balk: referentie · zwarte lijn: "
        "uitgevoerd · rode ◀: vertraagd · rode stippellijn: vandaag.",
        "Bar: current plan (colour and symbol = status) · thin grey bar: baseline · black line: what ran · "
        "red ◀: late · red dashed line: today.",
    ),
    "gantt.undated.one": (
        "{count} action sans dates prévues ne figure pas sur le Gantt.",
        "{count} actie zonder geplande data staat niet op de Gantt.",
        "{count} action without planned dates is not on the Gantt.",
    ),
    "gantt.undated.other": (
        "{count} actions sans dates prévues ne figurent pas sur le Gantt.",
        "{count} acties zonder geplande data staan niet op de Gantt.",
        "{count} actions without planned dates are not on the Gantt.",
    ),
    "gantt.download_png": ("Image PNG", "PNG-afbeelding", "PNG image"),
    "gantt.download_svg": ("Image SVG", "SVG-afbeelding", "SVG image"),
    "gantt.empty": (
        "Aucune action datée ne correspond aux filtres.",
        "Geen gedateerde actie voldoet aan de filters.",
        "No dated action matches the filters.",
    ),
    "gantt.words.code": ("Code", "Code", "Code"),
}
