"""The app shell: title, navigation, login, sidebar, hierarchy levels, common words."""

MESSAGES = {
    "app.title": (
        "Living lab – soins intégrés",
        "Living lab – geïntegreerde zorg",
        "Living lab – integrated care",
    ),
    "app.tagline": (
        "Tableau de bord des comités de pilotage des projets pilotes de soins intégrés",
        "Dashboard voor de stuurgroepen van de pilootprojecten geïntegreerde zorg",
        "Dashboard for the steering committees of the integrated-care pilot projects",
    ),
    # navigation
    "nav.section.overview": ("Vue d'ensemble", "Overzicht", "Overview"),
    "nav.section.actions": ("Actions", "Acties", "Actions"),
    "nav.section.governance": ("Gouvernance", "Bestuur", "Governance"),
    "nav.section.population": ("Population", "Bevolking", "Population"),
    "nav.section.partners": ("Partenaires", "Partners", "Partners"),
    "nav.section.evaluation": ("Auto-évaluation", "Zelfevaluatie", "Self-evaluation"),
    "nav.section.administration": ("Administration", "Beheer", "Administration"),
    "nav.section.data": ("Données", "Gegevens", "Data"),
    "nav.imports": ("Importer des données", "Gegevens importeren", "Import data"),
    "nav.home": ("Accueil", "Start", "Home"),
    "nav.portfolio": ("Portefeuille d'actions", "Actieportefeuille", "Portfolio"),
    "nav.gantt": ("Planning (Gantt)", "Planning (Gantt)", "Gantt"),
    "nav.update_actions": ("Mettre à jour les actions", "Acties bijwerken", "Update actions"),
    "nav.import_actions": ("Importer un plan", "Plan importeren", "Import a plan"),
    "nav.decisions": ("Décisions", "Beslissingen", "Decisions"),
    "nav.meetings": ("Réunions", "Vergaderingen", "Meetings"),
    "nav.risk_map": ("Carte des risques", "Risicokaart", "Risk map"),
    "nav.surveys": ("Enquêtes partenaires", "Partnerbevragingen", "Partner surveys"),
    "nav.indicators": ("Indicateurs", "Indicatoren", "Indicators"),
    "nav.maturity": ("Maturité (SCIROCCO)", "Maturiteit (SCIROCCO)", "Maturity (SCIROCCO)"),
    "nav.administration": ("Utilisateurs", "Gebruikers", "Users"),
    "nav.login": ("Connexion", "Aanmelden", "Log in"),
    # login
    "auth.form_title": ("Connexion", "Aanmelden", "Log in"),
    "auth.username": ("Nom d'utilisateur", "Gebruikersnaam", "Username"),
    "auth.password": ("Mot de passe", "Wachtwoord", "Password"),
    "auth.submit": ("Se connecter", "Aanmelden", "Log in"),
    "auth.please_log_in": (
        "Connectez-vous avec le compte que votre coordination vous a donné.",
        "Meld u aan met de account die uw coördinatie u gaf.",
        "Log in with the account your coordination gave you.",
    ),
    "auth.wrong_credentials": (
        "Nom d'utilisateur ou mot de passe incorrect.",
        "Gebruikersnaam of wachtwoord is onjuist.",
        "Wrong username or password.",
    ),
    "auth.locked": (
        "Trop de tentatives de connexion échouées. Réessayez dans {minutes} minutes.",
        "Te veel mislukte aanmeldpogingen. Probeer het over {minutes} minuten opnieuw.",
        "Too many failed login attempts. Try again in {minutes} minutes.",
    ),
    "auth.session_ended": (
        "Votre session a pris fin (déconnexion ailleurs, inactivité ou changement de compte). "
        "Connectez-vous à nouveau.",
        "Uw sessie is beëindigd (elders afgemeld, inactiviteit of een wijziging van uw account). "
        "Meld u opnieuw aan.",
        "Your session has ended (logged out elsewhere, inactivity or a change to your account). "
        "Please log in again.",
    ),
    "auth.logout": ("Se déconnecter", "Afmelden", "Log out"),
    "auth.no_project": (
        "Votre compte n'a accès à aucun projet. Demandez à un administrateur de vous ajouter.",
        "Uw account heeft geen toegang tot een project. Vraag een beheerder om u toe te voegen.",
        "Your account has access to no project. Ask an administrator to add you.",
    ),
    "auth.bad_cookie_key": (
        "Configuration : LIVINGLAB_COOKIE_KEY doit compter au moins 32 octets.",
        "Configuratie: LIVINGLAB_COOKIE_KEY moet minstens 32 bytes lang zijn.",
        "Configuration: LIVINGLAB_COOKIE_KEY must be at least 32 bytes long.",
    ),
    "auth.bad_log_key": (
        "Configuration : LIVINGLAB_LOG_KEY doit compter au moins 32 octets.",
        "Configuratie: LIVINGLAB_LOG_KEY moet minstens 32 bytes lang zijn.",
        "Configuration: LIVINGLAB_LOG_KEY must be at least 32 bytes long.",
    ),
    # sidebar
    "sidebar.project": ("Projet", "Project", "Project"),
    "sidebar.role": ("Votre rôle : {role}", "Uw rol: {role}", "Your role: {role}"),
    "sidebar.language": ("Langue", "Taal", "Language"),
    # Each language's name in itself, so a reader who does not know the current one finds theirs.
    "language.fr": ("Français", "Français", "Français"),
    "language.nl": ("Nederlands", "Nederlands", "Nederlands"),
    "language.en": ("English", "English", "English"),
    "sidebar.signed_in_as": ("Connecté : {name}", "Aangemeld: {name}", "Signed in: {name}"),
    "demo.badge": ("Démo synthétique", "Synthetische demo", "Synthetic demo"),
    "demo.notice": (
        "Ce projet contient des données de démonstration synthétiques : le plan d'action est "
        "tiré des documents publics du projet, mais les statuts, dates, décisions, enquêtes, "
        "risques et indicateurs sont inventés.",
        "Dit project bevat synthetische demogegevens: het actieplan komt uit de publieke "
        "documenten van het project, maar statussen, data, beslissingen, bevragingen, risico's "
        "en indicatoren zijn verzonnen.",
        "This project holds synthetic demo data: the action plan comes from the project's public "
        "documents, but statuses, dates, decisions, surveys, risks and indicators are made up.",
    ),
    # hierarchy levels (a project may name them itself)
    "level.1": ("Objectif stratégique", "Strategische doelstelling", "Strategic objective"),
    "level.2": ("Objectif opérationnel", "Operationele doelstelling", "Operational objective"),
    "level.3": ("Action", "Actie", "Action"),
    # common words
    "common.none": ("Aucun", "Geen", "None"),
    "common.yes": ("Oui", "Ja", "Yes"),
    "common.no": ("Non", "Nee", "No"),
    "common.all": ("Tous", "Alle", "All"),
    "common.total": ("Total", "Totaal", "Total"),
    "common.download_csv": ("Télécharger (CSV)", "Downloaden (CSV)", "Download (CSV)"),
    "common.download_xlsx": ("Télécharger (Excel)", "Downloaden (Excel)", "Download (Excel)"),
    "common.download_png": ("Image (PNG)", "Afbeelding (PNG)", "Image (PNG)"),
    "common.download_svg": ("Image (SVG)", "Afbeelding (SVG)", "Image (SVG)"),
    "common.suppressed_help": (
        "« < 5 » : moins de 5 personnes ; le nombre exact n'est jamais montré.",
        "'< 5': minder dan 5 personen; het exacte aantal wordt nooit getoond.",
        '"< 5": fewer than 5 people; the exact number is never shown.',
    ),
    "common.empty": ("Rien à afficher pour l'instant.", "Nog niets om te tonen.", "Nothing to show yet."),
    "common.source": ("Source : {source}", "Bron: {source}", "Source: {source}"),
}
