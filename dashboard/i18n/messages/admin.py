"""Administration page (members of the project)."""

MESSAGES = {
    "admin.title": ("Utilisateurs du projet", "Gebruikers van het project", "Project users"),
    "admin.col.username": ("Nom d'utilisateur", "Gebruikersnaam", "Username"),
    "admin.col.name": ("Nom", "Naam", "Name"),
    "admin.col.email": ("E-mail", "E-mail", "Email"),
    "admin.col.role": ("Rôle", "Rol", "Role"),
    "admin.col.active": ("Actif", "Actief", "Active"),
    "admin.add_title": ("Ajouter un membre", "Lid toevoegen", "Add a member"),
    "admin.add_help": (
        "Un compte existant est ajouté au projet. Pour un nouveau compte, cochez la case : sans "
        "mot de passe, un mot de passe à usage unique est tiré et affiché une fois. Dans les deux "
        "cas, la personne le change à sa première connexion.",
        "Een bestaande account wordt aan het project toegevoegd. Vink het vakje aan voor een "
        "nieuwe account: zonder wachtwoord wordt een eenmalig wachtwoord getrokken en één keer "
        "getoond. In beide gevallen wijzigt de persoon het bij de eerste aanmelding.",
        "An existing account is added to the project. For a new account, tick the box: without a "
        "password, a one-time password is drawn and shown once. Either way, the person changes "
        "it at their first login.",
    ),
    "admin.new_account": ("Nouveau compte", "Nieuwe account", "New account"),
    "admin.display_name": ("Nom affiché", "Weergavenaam", "Display name"),
    "admin.initial_password": (
        "Mot de passe initial (nouveau compte ; vide : à usage unique tiré au sort)",
        "Eerste wachtwoord (nieuwe account; leeg: een getrokken eenmalig wachtwoord)",
        "Initial password (new account; empty: a drawn one-time password)",
    ),
    "admin.one_time_hide": (
        "Mot de passe noté : le masquer",
        "Wachtwoord genoteerd: verbergen",
        "Password noted: hide it",
    ),
    "admin.one_time_password": (
        "Mot de passe à usage unique de {username}, affiché une seule fois : transmettez-le "
        "par un canal sûr. Il doit être changé à la prochaine connexion.",
        "Eenmalig wachtwoord van {username}, slechts één keer getoond: geef het door via een "
        "veilig kanaal. Het moet bij de volgende aanmelding gewijzigd worden.",
        "One-time password of {username}, shown only once: hand it over by a safe channel. It "
        "must be changed at the next login.",
    ),
    "admin.col.must_change": (
        "Mot de passe à changer",
        "Wachtwoord te wijzigen",
        "Password to change",
    ),
    "admin.account_title": ("Compte d'un membre", "Account van een lid", "A member's account"),
    "admin.account_help": (
        "Valable pour tous les projets du membre. Un compte n'est jamais supprimé (les "
        "décisions et le journal gardent son nom) : il est désactivé, et ses sessions prennent "
        "fin. Une réinitialisation donne un mot de passe à usage unique.",
        "Geldt voor alle projecten van het lid. Een account wordt nooit verwijderd (de "
        "beslissingen en het logboek houden de naam): het wordt gedeactiveerd en de sessies "
        "worden beëindigd. Een reset geeft een eenmalig wachtwoord.",
        "Applies to all the member's projects. An account is never deleted (decisions and the "
        "log keep its name): it is deactivated, and its sessions end. A reset gives a one-time "
        "password.",
    ),
    "admin.account_reset": ("Réinitialiser le mot de passe", "Wachtwoord resetten", "Reset password"),
    "admin.account_deactivate": ("Désactiver le compte", "Account deactiveren", "Deactivate account"),
    "admin.account_reactivate": ("Réactiver le compte", "Account heractiveren", "Reactivate account"),
    "admin.account_reset_done": (
        "Le mot de passe de {username} a été réinitialisé ; ses sessions ont pris fin.",
        "Het wachtwoord van {username} is gereset; de sessies zijn beëindigd.",
        "{username}'s password was reset; their sessions have ended.",
    ),
    "admin.account_deactivate_done": (
        "Le compte {username} est désactivé ; ses sessions ont pris fin.",
        "Account {username} is gedeactiveerd; de sessies zijn beëindigd.",
        "Account {username} is deactivated; its sessions have ended.",
    ),
    "admin.account_reactivate_done": (
        "Le compte {username} est réactivé.",
        "Account {username} is opnieuw actief.",
        "Account {username} is active again.",
    ),
    "admin.add_submit": ("Ajouter", "Toevoegen", "Add"),
    "admin.added": (
        "{username} a été ajouté comme {role}.",
        "{username} is toegevoegd als {role}.",
        "{username} was added as {role}.",
    ),
    "admin.change_title": (
        "Changer un rôle ou retirer un membre",
        "Rol wijzigen of lid verwijderen",
        "Change a role or remove a member",
    ),
    "admin.member": ("Membre", "Lid", "Member"),
    "admin.new_role": ("Nouveau rôle", "Nieuwe rol", "New role"),
    "admin.change_submit": ("Changer le rôle", "Rol wijzigen", "Change role"),
    "admin.remove_submit": ("Retirer du projet", "Uit project verwijderen", "Remove from project"),
    "admin.changed": (
        "Rôle de {username} : {role}.",
        "Rol van {username}: {role}.",
        "{username}'s role: {role}.",
    ),
    "admin.removed": (
        "{username} a été retiré du projet.",
        "{username} is uit het project verwijderd.",
        "{username} was removed from the project.",
    ),
    "admin.settings_title": ("Réglages du projet", "Instellingen van het project", "Project settings"),
    "admin.settings_help": (
        "Cible d'entrepreneuriat social, taille du groupe cible et noms des strates de risque "
        "propres au projet (laisser vide : nom par défaut). Les fichiers de risques importés "
        "peuvent aussi utiliser ces noms.",
        "Doel voor sociaal ondernemerschap, grootte van de doelgroep en de eigen namen van de "
        "risicostrata (leeg laten: standaardnaam). Geïmporteerde risicobestanden mogen deze "
        "namen ook gebruiken.",
        "Social-entrepreneurship target, size of the target group and the project's own names "
        "of the risk strata (leave blank for the default name). Imported risk files may use "
        "these names too.",
    ),
    "admin.se_target": (
        "Cible : part des actions avec entrepreneuriat social (%)",
        "Doel: aandeel acties met sociaal ondernemerschap (%)",
        "Target: share of actions with social entrepreneurship (%)",
    ),
    "admin.target_group": (
        "Taille du groupe cible (personnes)",
        "Grootte van de doelgroep (personen)",
        "Size of the target group (persons)",
    ),
    "admin.col.default_label": ("Nom par défaut", "Standaardnaam", "Default name"),
    "admin.col.label_in": ("Nom ({language})", "Naam ({language})", "Name ({language})"),
    "admin.settings_submit": ("Enregistrer les réglages", "Instellingen opslaan", "Save settings"),
    "admin.settings_saved": (
        "Réglages du projet enregistrés.",
        "Instellingen van het project opgeslagen.",
        "Project settings saved.",
    ),
    "admin.error.bad_share": (
        "La cible doit être comprise entre 0 et 100 % (reçu : {value}).",
        "Het doel moet tussen 0 en 100 % liggen (gekregen: {value}).",
        "The target must lie between 0 and 100 % (got {value}).",
    ),
    "admin.error.negative_count": (
        "Un nombre de personnes ne peut être négatif ({value}).",
        "Een aantal personen kan niet negatief zijn ({value}).",
        "A number of persons cannot be negative ({value}).",
    ),
    "admin.error.unknown_stratum": (
        "Strate inconnue : {stratum} (attendu : 0 à 3).",
        "Onbekend stratum: {stratum} (verwacht: 0 tot 3).",
        "Unknown stratum: {stratum} (expected 0 to 3).",
    ),
    "admin.error.label_too_long": (
        "Nom trop long (plus de {limit} caractères) : {label}",
        "Naam te lang (meer dan {limit} tekens): {label}",
        "Name too long (over {limit} characters): {label}",
    ),
    "admin.error.label_line_break": (
        "Un nom tient sur une ligne : {label}",
        "Een naam past op één regel: {label}",
        "A name fits on one line: {label}",
    ),
    "admin.error.stratum_twice": (
        "Deux strates porteraient le même nom, « {label} » : donnez à chacune le sien.",
        "Twee strata zouden dezelfde naam dragen, '{label}': geef elk een eigen naam.",
        "Two strata would have the same name, '{label}': give each its own.",
    ),
    # the audit log
    "audit.title": ("Journal d'audit", "Auditlogboek", "Audit log"),
    "audit.help": (
        "Qui a fait quoi et quand : connexions (réussies, échouées, bloquées), déconnexions, "
        "comptes, rôles et mots de passe, imports, exports et corrections. Les événements du "
        "projet et ceux des comptes de ses membres ; rien n'y est jamais modifié ni effacé.",
        "Wie deed wat en wanneer: aanmeldingen (gelukt, mislukt, geblokkeerd), afmeldingen, "
        "accounts, rollen en wachtwoorden, imports, exports en correcties. De gebeurtenissen van "
        "het project en die van de accounts van zijn leden; er wordt nooit iets gewijzigd of gewist.",
        "Who did what and when: logins (successful, failed, locked out), logouts, accounts, "
        "roles and passwords, imports, exports and corrections. The project's events and those "
        "of its members' accounts; nothing in it is ever changed or erased.",
    ),
    "audit.filter_kinds": ("Événements", "Gebeurtenissen", "Events"),
    "audit.every_kind": ("Tous les événements", "Alle gebeurtenissen", "Every event"),
    "audit.filter_user": ("Utilisateur", "Gebruiker", "User"),
    "audit.filter_period": ("Période", "Periode", "Period"),
    "audit.count.one": (
        "{count} événement (au plus {limit} affichés ; le CSV les contient tous).",
        "{count} gebeurtenis (hoogstens {limit} getoond; de CSV bevat ze allemaal).",
        "{count} event (at most {limit} shown; the CSV holds them all).",
    ),
    "audit.count.other": (
        "{count} événements (au plus {limit} affichés ; le CSV les contient tous).",
        "{count} gebeurtenissen (hoogstens {limit} getoond; de CSV bevat ze allemaal).",
        "{count} events (at most {limit} shown; the CSV holds them all).",
    ),
    "audit.empty": (
        "Aucun événement ne correspond à ces filtres.",
        "Geen gebeurtenis past bij deze filters.",
        "No event matches these filters.",
    ),
    "audit.col.at": ("Quand", "Wanneer", "When"),
    "audit.col.actor": ("Par", "Door", "By"),
    "audit.col.event": ("Événement", "Gebeurtenis", "Event"),
    "audit.col.subject": ("Compte concerné", "Betrokken account", "Account concerned"),
    "audit.col.detail": ("Détail", "Detail", "Detail"),
    "audit.detail.role": ("Rôle", "Rol", "Role"),
    "audit.detail.from": ("Ancien rôle", "Vorige rol", "Former role"),
    "audit.detail.to": ("Nouveau rôle", "Nieuwe rol", "New role"),
    "audit.detail.one_time_password": (
        "Mot de passe à usage unique",
        "Eenmalig wachtwoord",
        "One-time password",
    ),
    "audit.detail.sessions_ended": ("Sessions terminées", "Beëindigde sessies", "Sessions ended"),
    "audit.detail.locked": ("Bloqué", "Geblokkeerd", "Locked"),
    "audit.detail.reason": ("Motif", "Reden", "Reason"),
    "audit.detail.kind": ("Données", "Gegevens", "Data"),
    "audit.detail.file": ("Fichier", "Bestand", "File"),
    "audit.detail.wave": ("Vague", "Golf", "Wave"),
    "audit.detail.what": ("Contenu", "Inhoud", "Content"),
    "audit.detail.format": ("Format", "Formaat", "Format"),
    "audit.detail.edits": ("Modifications", "Wijzigingen", "Changes"),
    "audit.value.one_time_password.True": ("oui", "ja", "yes"),
    "audit.value.one_time_password.False": ("non", "nee", "no"),
    "audit.value.reason.wrong password": ("mauvais mot de passe", "verkeerd wachtwoord", "wrong password"),
    "audit.value.reason.inactive account": ("compte désactivé", "gedeactiveerde account", "inactive account"),
    "audit.value.reason.unknown account": ("compte inconnu", "onbekende account", "unknown account"),
    "audit.col.client": ("Client", "Client", "Client"),
    "audit.kind.login": ("Connexion", "Aanmelding", "Login"),
    "audit.kind.login_failed": ("Connexion échouée", "Mislukte aanmelding", "Failed login"),
    "audit.kind.login_locked": ("Connexion bloquée", "Geblokkeerde aanmelding", "Login locked out"),
    "audit.kind.logout": ("Déconnexion", "Afmelding", "Logout"),
    "audit.kind.logout_everywhere": ("Déconnexion partout", "Overal afgemeld", "Logout everywhere"),
    "audit.kind.account_created": ("Compte créé", "Account aangemaakt", "Account created"),
    "audit.kind.account_deactivated": ("Compte désactivé", "Account gedeactiveerd", "Account deactivated"),
    "audit.kind.account_reactivated": ("Compte réactivé", "Account heractiveerd", "Account reactivated"),
    "audit.kind.member_added": ("Membre ajouté", "Lid toegevoegd", "Member added"),
    "audit.kind.member_removed": ("Membre retiré", "Lid verwijderd", "Member removed"),
    "audit.kind.role_changed": ("Rôle changé", "Rol gewijzigd", "Role changed"),
    "audit.kind.password_changed": ("Mot de passe changé", "Wachtwoord gewijzigd", "Password changed"),
    "audit.kind.password_reset": (
        "Mot de passe réinitialisé",
        "Wachtwoord gereset",
        "Password reset",
    ),
    "audit.kind.data_import": ("Import", "Import", "Import"),
    "audit.kind.data_export": ("Export", "Export", "Export"),
    "audit.kind.correction": ("Correction", "Correctie", "Correction"),
}
