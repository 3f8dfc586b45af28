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
        "An existing account is added to the project. For a new account, also give an initial "
        "password.",
    ),
    "admin.display_name": ("Nom affiché", "Weergavenaam", "Display name"),
    "admin.initial_password": ("Mot de passe initial (nouveau compte)",
                               "Eerste wachtwoord (nieuwe account)",
                               "Initial password (new account)"),
    "admin.add_submit": ("Ajouter", "Toevoegen", "Add"),
    "admin.added": ("{username} a été ajouté comme {role}.", "{username} is toegevoegd als "
                    "{role}.", "{username} was added as {role}."),
    "admin.change_title": ("Changer un rôle ou retirer un membre",
                           "Rol wijzigen of lid verwijderen",
                           "Change a role or remove a member"),
    "admin.member": ("Membre", "Lid", "Member"),
    "admin.new_role": ("Nouveau rôle", "Nieuwe rol", "New role"),
    "admin.change_submit": ("Changer le rôle", "Rol wijzigen", "Change role"),
    "admin.remove_submit": ("Retirer du projet", "Uit project verwijderen", "Remove from project"),
    "admin.changed": ("Rôle de {username} : {role}.", "Rol van {username}: {role}.",
                      "{username}'s role: {role}."),
    "admin.removed": ("{username} a été retiré du projet.", "{username} is uit het project "
                      "verwijderd.", "{username} was removed from the project."),
}
