"""Messages of the typed errors raised by services (dashboard.errors) and of file problems."""

MESSAGES = {
    "error.generic": ("Une erreur est survenue.", "Er is een fout opgetreden.", "Something went wrong."),
    "error.permission_denied": (
        "Votre rôle ({role}) ne permet pas cette opération ({permission}).",
        "Uw rol ({role}) laat deze handeling niet toe ({permission}).",
        "Your role ({role}) does not allow this ({permission}).",
    ),
    "error.page_not_allowed": (
        "Cette page n'est pas accessible avec votre rôle.",
        "Deze pagina is niet toegankelijk met uw rol.",
        "This page is not available to your role.",
    ),
    "error.not_a_member": (
        "{username} n'est pas membre du projet {project}.",
        "{username} is geen lid van project {project}.",
        "{username} is not a member of project {project}.",
    ),
    "error.not_found": ("Élément introuvable.", "Niet gevonden.", "Not found."),
    "error.unknown_project": (
        "Projet inconnu : {project}.",
        "Onbekend project: {project}.",
        "Unknown project: {project}.",
    ),
    "error.unknown_meeting": (
        "Réunion inconnue : {meeting} (projet {project}).",
        "Onbekende vergadering: {meeting} (project {project}).",
        "Unknown meeting: {meeting} (project {project}).",
    ),
    "error.pack_date_ambiguous": (
        "Plusieurs réunions le {date} (n° {meetings}) : choisissez-en une par son numéro.",
        "Meerdere vergaderingen op {date} (nr. {meetings}): kies er een met haar nummer.",
        "Several meetings on {date} (nos. {meetings}): choose one by its number (--meeting).",
    ),
    "error.unknown_user": (
        "Utilisateur inconnu : {username}.",
        "Onbekende gebruiker: {username}.",
        "Unknown user: {username}.",
    ),
    "error.unknown_member": (
        "{username} n'est pas membre de ce projet.",
        "{username} is geen lid van dit project.",
        "{username} is not a member of this project.",
    ),
    "error.invalid_input": ("Saisie non valide.", "Ongeldige invoer.", "Invalid input."),
    "error.bad_slug": (
        "Identifiant de projet non valide : « {slug} » (minuscules, chiffres et tirets, 2 à 63 caractères).",
        "Ongeldige projectcode: '{slug}' (kleine letters, cijfers en koppeltekens, 2 tot 63 tekens).",
        "Invalid project slug: '{slug}' (lower-case letters, digits and hyphens, 2 to 63 characters).",
    ),
    "error.empty_name": (
        "Le nom ne peut pas être vide.",
        "De naam mag niet leeg zijn.",
        "The name cannot be empty.",
    ),
    "error.project_exists": (
        "Le projet {project} existe déjà.",
        "Project {project} bestaat al.",
        "Project {project} already exists.",
    ),
    "error.bad_username": (
        "Nom d'utilisateur non valide : « {username} » (minuscules, chiffres, . _ -).",
        "Ongeldige gebruikersnaam: '{username}' (kleine letters, cijfers, . _ -).",
        "Invalid username: '{username}' (lower-case letters, digits, . _ -).",
    ),
    "error.user_exists": (
        "L'utilisateur {username} existe déjà.",
        "Gebruiker {username} bestaat al.",
        "User {username} already exists.",
    ),
    "error.bad_role": (
        "Rôle inconnu : {role} (attendu : {roles}).",
        "Onbekende rol: {role} (verwacht: {roles}).",
        "Unknown role: {role} (expected: {roles}).",
    ),
    "error.bad_language": (
        "Langue inconnue : {language} (fr, nl ou en).",
        "Onbekende taal: {language} (fr, nl of en).",
        "Unknown language: {language} (fr, nl or en).",
    ),
    "error.password_too_short": (
        "Le mot de passe doit compter au moins {minimum} caractères.",
        "Het wachtwoord moet minstens {minimum} tekens lang zijn.",
        "The password must be at least {minimum} characters long.",
    ),
    "error.password_too_long": (
        "Le mot de passe ne peut dépasser {maximum} octets.",
        "Het wachtwoord mag niet langer zijn dan {maximum} bytes.",
        "The password cannot be longer than {maximum} bytes.",
    ),
    "error.password_common": (
        "Ce mot de passe est trop courant (il figure dans la liste des mots de passe les plus "
        "utilisés) : choisissez-en un autre, par exemple une phrase de plusieurs mots.",
        "Dit wachtwoord komt te vaak voor (het staat in de lijst van meest gebruikte "
        "wachtwoorden): kies een ander, bijvoorbeeld een zin van enkele woorden.",
        "This password is too common (it is on the list of most used passwords): choose another, "
        "for example a phrase of several words.",
    ),
    "error.password_is_username": (
        "Le mot de passe ne peut pas être le nom d'utilisateur.",
        "Het wachtwoord mag niet de gebruikersnaam zijn.",
        "The password cannot be the username.",
    ),
    "error.password_unchanged": (
        "Le nouveau mot de passe doit différer de l'actuel.",
        "Het nieuwe wachtwoord moet verschillen van het huidige.",
        "The new password must differ from the current one.",
    ),
    "error.wrong_current_password": (
        "Le mot de passe actuel est incorrect.",
        "Het huidige wachtwoord is onjuist.",
        "The current password is wrong.",
    ),
    "error.password_attempts_locked": (
        "Trop de tentatives échouées : réessayez plus tard.",
        "Te veel mislukte pogingen: probeer het later opnieuw.",
        "Too many failed attempts: try again later.",
    ),
    "error.user_exists_cli": (
        "L'utilisateur {username} existe déjà : rien n'a été modifié. Changez son rôle avec "
        "« users set-role », son mot de passe avec « users reset-password ».",
        "Gebruiker {username} bestaat al: er is niets gewijzigd. Wijzig de rol met "
        "'users set-role', het wachtwoord met 'users reset-password'.",
        "User {username} already exists: nothing was changed. Change their role with "
        "'users set-role', their password with 'users reset-password'.",
    ),
    "error.already_member": (
        "{username} est déjà membre du projet : changez son rôle ci-contre.",
        "{username} is al lid van het project: wijzig de rol hiernaast.",
        "{username} is already a member of the project: change their role alongside.",
    ),
    "error.own_account": (
        "Vous ne pouvez pas désactiver ni réinitialiser votre propre compte ici (changez votre "
        "mot de passe sur la page Mon compte).",
        "U kunt uw eigen account hier niet deactiveren of resetten (wijzig uw wachtwoord op de "
        "pagina Mijn account).",
        "You cannot deactivate or reset your own account here (change your password on the My account page).",
    ),
    "error.account_in_other_projects": (
        "{username} est aussi membre de projets que vous n'administrez pas : seul un "
        "administrateur de tous ses projets (ou la ligne de commande) peut désactiver ce compte "
        "ou en réinitialiser le mot de passe.",
        "{username} is ook lid van projecten die u niet beheert: alleen een beheerder van al "
        "die projecten (of de opdrachtregel) kan deze account deactiveren of het wachtwoord "
        "resetten.",
        "{username} is also a member of projects you do not administer: only an administrator "
        "of all their projects (or the command line) can deactivate this account or reset its "
        "password.",
    ),
    "error.password_mismatch": (
        "Les mots de passe ne correspondent pas.",
        "De wachtwoorden komen niet overeen.",
        "The passwords do not match.",
    ),
    "error.last_admin": (
        "Le projet doit garder au moins un administrateur.",
        "Het project moet minstens één beheerder houden.",
        "The project must keep at least one administrator.",
    ),
    "error.conflict": (
        "Quelqu'un d'autre a modifié ces données entre-temps.",
        "Iemand anders heeft deze gegevens intussen gewijzigd.",
        "Someone else changed this data in the meantime.",
    ),
    "error.action_conflict": (
        "L'action {code} a été modifiée par {by} le {at} depuis que vous l'avez ouverte : rien "
        "n'a été enregistré. Rechargez les valeurs actuelles et refaites votre modification.",
        "Actie {code} is door {by} gewijzigd op {at} sinds u ze opende: er is niets opgeslagen. "
        "Laad de huidige waarden opnieuw en voer uw wijziging opnieuw in.",
        "Action {code} was changed by {by} on {at} since you opened it: nothing was saved. "
        "Reload the current values and make your change again.",
    ),
    "error.actions_conflict": (
        "{count} actions ont été modifiées par quelqu'un d'autre depuis que vous les avez "
        "ouvertes ({changes}) : rien n'a été enregistré. Rechargez les valeurs actuelles et "
        "refaites vos modifications.",
        "{count} acties zijn door iemand anders gewijzigd sinds u ze opende ({changes}): er is "
        "niets opgeslagen. Laad de huidige waarden opnieuw en voer uw wijzigingen opnieuw in.",
        "{count} actions were changed by someone else since you opened them ({changes}): "
        "nothing was saved. Reload the current values and make your changes again.",
    ),
    # Saves of other records refused because someone saved them since they were opened.
    "error.meeting_conflict": (
        "La réunion « {title} » a été modifiée par quelqu'un d'autre depuis que vous l'avez "
        "ouverte : rien n'a été enregistré. Rechargez la page pour voir les valeurs actuelles, "
        "puis refaites votre modification.",
        "De vergadering ‘{title}’ is door iemand anders gewijzigd sinds u ze opende: er is niets "
        "opgeslagen. Laad de pagina opnieuw om de huidige waarden te zien en voer uw wijziging "
        "opnieuw in.",
        "The meeting ‘{title}’ was changed by someone else since you opened it: nothing was "
        "saved. Reload the page to see the current values, then make your change again.",
    ),
    "error.wave_conflict": (
        "Quelqu'un d'autre a modifié depuis l'ouverture du formulaire : vague {waves}. Rien n'a "
        "été enregistré. Rechargez la page pour voir les valeurs actuelles, puis refaites votre "
        "modification.",
        "Iemand anders heeft sinds het openen van het formulier gewijzigd: golf {waves}. Er is "
        "niets opgeslagen. Laad de pagina opnieuw om de huidige waarden te zien en voer uw "
        "wijziging opnieuw in.",
        "Someone else changed since the form was opened: wave {waves}. Nothing was saved. Reload "
        "the page to see the current values, then make your change again.",
    ),
    "error.indicator_conflict": (
        "La définition de l'indicateur {code} a été modifiée par quelqu'un d'autre depuis que vous "
        "l'avez ouverte : rien n'a été enregistré. Rechargez la page pour voir les valeurs "
        "actuelles, puis refaites votre modification.",
        "De definitie van indicator {code} is door iemand anders gewijzigd sinds u ze opende: er "
        "is niets opgeslagen. Laad de pagina opnieuw om de huidige waarden te zien en voer uw "
        "wijziging opnieuw in.",
        "The definition of indicator {code} was changed by someone else since you opened it: "
        "nothing was saved. Reload the page to see the current values, then make your change "
        "again.",
    ),
    "error.settings_conflict": (
        "Les paramètres du projet {project} ont été modifiés par quelqu'un d'autre depuis que vous "
        "les avez ouverts : rien n'a été enregistré. Rechargez la page pour voir les valeurs "
        "actuelles, puis refaites votre modification.",
        "De instellingen van project {project} zijn door iemand anders gewijzigd sinds u ze "
        "opende: er is niets opgeslagen. Laad de pagina opnieuw om de huidige waarden te zien en "
        "voer uw wijziging opnieuw in.",
        "The settings of project {project} were changed by someone else since you opened them: "
        "nothing was saved. Reload the page to see the current values, then make your change "
        "again.",
    ),
    "error.consensus_conflict": (
        "Le consensus du tour « {round} » a été modifié par quelqu'un d'autre depuis que vous "
        "l'avez ouvert : rien n'a été enregistré. Rechargez la page pour voir les valeurs "
        "actuelles, puis refaites votre modification.",
        "De consensus van ronde ‘{round}’ is door iemand anders gewijzigd sinds u hem opende: er "
        "is niets opgeslagen. Laad de pagina opnieuw om de huidige waarden te zien en voer uw "
        "wijziging opnieuw in.",
        "The consensus of round ‘{round}’ was changed by someone else since you opened it: "
        "nothing was saved. Reload the page to see the current values, then make your change "
        "again.",
    ),
    "common.reload_page": ("Recharger", "Opnieuw laden", "Reload"),
    "error.validation_failed.one": (
        "{count} problème : rien n'a été enregistré.",
        "{count} probleem: er is niets opgeslagen.",
        "{count} problem: nothing was saved.",
    ),
    "error.validation_failed.other": (
        "{count} problèmes : rien n'a été enregistré.",
        "{count} problemen: er is niets opgeslagen.",
        "{count} problems: nothing was saved.",
    ),
    "problem.count.one": ("{count} problème", "{count} probleem", "{count} problem"),
    "problem.count.other": ("{count} problèmes", "{count} problemen", "{count} problems"),
    # Between where a problem is and what it is: French puts a space before the colon.
    "problem.separator": (" : ", ": ", ": "),
    "problem.line": ("ligne {line}", "regel {line}", "line {line}"),
    "problem.column": ("colonne {column}", "kolom {column}", "column {column}"),
    "problem.field": ("champ « {field} »", "veld ‘{field}’", "field ‘{field}’"),
    "problem.value": ("(valeur : « {value} »)", "(waarde: '{value}')", "(value: '{value}')"),
}
