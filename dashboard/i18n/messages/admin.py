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
        "Un compte existant est ajouté au projet. Pour un nouveau compte, donnez aussi un mot "
        "de passe initial.",
        "Een bestaande account wordt aan het project toegevoegd. Geef voor een nieuwe account "
        "ook een eerste wachtwoord.",
        "An existing account is added to the project. For a new account, also give an initial password.",
    ),
    "admin.display_name": ("Nom affiché", "Weergavenaam", "Display name"),
    "admin.initial_password": (
        "Mot de passe initial (nouveau compte)",
        "Eerste wachtwoord (nieuwe account)",
        "Initial password (new account)",
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
}
