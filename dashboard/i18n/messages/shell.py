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
    "nav.section.account": ("Compte", "Account", "Account"),
    "nav.imports": ("Importer des données", "Gegevens importeren", "Import data"),
    "nav.home": ("Accueil", "Start", "Home"),
    "nav.previous_page": ("Page précédente", "Vorige pagina", "Previous page"),
    "nav.next_page": ("Page suivante", "Volgende pagina", "Next page"),
    "nav.page_keys": (
        "Clavier : Maj + Page préc. / Maj + Page suiv. pour changer de page.",
        "Toetsenbord: Shift + Page Up / Shift + Page Down om van pagina te wisselen.",
        "Keyboard: Shift + Page Up / Shift + Page Down to change page.",
    ),
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
    "nav.account": ("Mon compte", "Mijn account", "My account"),
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
    # one's own account
    "account.title": ("Mon compte", "Mijn account", "My account"),
    "account.signed_in_as": (
        "Connecté comme {username} ({name})",
        "Aangemeld als {username} ({name})",
        "Signed in as {username} ({name})",
    ),
    "account.password_title": ("Changer mon mot de passe", "Mijn wachtwoord wijzigen", "Change my password"),
    "account.password_help": (
        "Au moins {minimum} caractères ; ni un mot de passe courant, ni votre nom d'utilisateur. "
        "Les espaces comptent tels que tapés. Vos autres sessions (autres navigateurs) prennent fin.",
        "Minstens {minimum} tekens; geen veelgebruikt wachtwoord en niet uw gebruikersnaam. "
        "Spaties tellen zoals getypt. Uw andere sessies (andere browsers) worden beëindigd.",
        "At least {minimum} characters; not a common password, not your username. Spaces count "
        "as typed. Your other sessions (other browsers) end.",
    ),
    "account.current_password": ("Mot de passe actuel", "Huidig wachtwoord", "Current password"),
    "account.new_password": ("Nouveau mot de passe", "Nieuw wachtwoord", "New password"),
    "account.repeat_password": (
        "Répéter le nouveau mot de passe",
        "Nieuw wachtwoord herhalen",
        "Repeat the new password",
    ),
    "account.password_submit": ("Changer le mot de passe", "Wachtwoord wijzigen", "Change password"),
    "account.password_changed": (
        "Votre mot de passe a été changé ; vos autres sessions ont pris fin.",
        "Uw wachtwoord is gewijzigd; uw andere sessies zijn beëindigd.",
        "Your password has been changed; your other sessions have ended.",
    ),
    "account.sessions_title": ("Sessions", "Sessies", "Sessions"),
    "account.sessions_help": (
        "Sessions ouvertes (navigateurs connectés) : {count}. Se déconnecter partout ferme "
        "chacune, y compris celle-ci.",
        "Open sessies (aangemelde browsers): {count}. Overal afmelden sluit ze allemaal, ook deze.",
        "Open sessions (logged-in browsers): {count}. Logging out everywhere ends each of them, "
        "this one included.",
    ),
    "account.logout_everywhere": ("Se déconnecter partout", "Overal afmelden", "Log out everywhere"),
    "account.must_change_title": (
        "Choisissez votre mot de passe",
        "Kies uw wachtwoord",
        "Choose your password",
    ),
    "account.must_change": (
        "Vous vous êtes connecté avec un mot de passe à usage unique : choisissez-en un à vous "
        "pour continuer.",
        "U meldde zich aan met een eenmalig wachtwoord: kies een eigen wachtwoord om verder te gaan.",
        "You logged in with a one-time password: choose one of your own to continue.",
    ),
    # sidebar
    "sidebar.project": ("Projet", "Project", "Project"),
    "sidebar.role": ("Votre rôle : {role}", "Uw rol: {role}", "Your role: {role}"),
    "sidebar.language": ("Langue", "Taal", "Language"),
    "sidebar.presentation": ("Vue présentation", "Presentatieweergave", "Presentation view"),
    "sidebar.presentation_help": (
        "Pour un projecteur : texte plus grand, contraste élevé, graphiques à la taille de "
        "l'écran. Votre choix est retenu.",
        "Voor een projector: grotere tekst, hoog contrast, grafieken op schermgrootte. Uw "
        "keuze wordt onthouden.",
        "For a projector: larger text, high contrast, charts sized to the screen. Your choice is remembered.",
    ),
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
    "common.chart_data": ("Données de ce graphique", "Gegevens van deze grafiek", "Data of this chart"),
    "common.suppressed_help": (
        "« < 5 » : moins de 5 personnes ; le nombre exact n'est jamais montré.",
        "'< 5': minder dan 5 personen; het exacte aantal wordt nooit getoond.",
        '"< 5": fewer than 5 people; the exact number is never shown.',
    ),
    "common.empty": ("Rien à afficher pour l'instant.", "Nog niets om te tonen.", "Nothing to show yet."),
    "common.source": ("Source : {source}", "Bron: {source}", "Source: {source}"),
}
