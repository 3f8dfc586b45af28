"""Commands to set up and administer a deployment: init, demo, projects, users."""

from __future__ import annotations

import argparse
import getpass
import sys

from dashboard.cli import UsageError
from dashboard.errors import InvalidInput
from dashboard.services.admin import projects
from dashboard.services.admin import users
from dashboard.services.admin.demo import load_demo
from models import migrate
from models.vocab import LANGUAGES, Role


def require_database() -> None:
    """Refuse to work on a database that is not migrated to the current schema."""
    if not migrate.is_up_to_date():
        raise UsageError("the database is not initialised or not up to date: run `python -m dashboard init`")


def cmd_init(_args: argparse.Namespace) -> int:
    migrate.upgrade()
    print("database migrated to the current schema")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    require_database()
    if args.if_empty and projects.count_projects() > 0:
        print("the database already holds projects: demo not loaded")
        return 0
    result = load_demo(reset=args.reset)
    for slug in result.loaded:
        print(f"loaded demo project {slug}")
    for slug in result.skipped:
        print(f"demo project {slug} already present (use --reset to reload it)")
    for username in result.users_created:
        print(f"created demo account {username}")
    return 0


def cmd_projects_list(_args: argparse.Namespace) -> int:
    require_database()
    for project in projects.list_projects():
        demo = " (demo)" if project.is_demo else ""
        print(f"{project.slug}\t{project.name}{demo}")
    return 0


def cmd_projects_add(args: argparse.Namespace) -> int:
    require_database()
    project = projects.create_project(
        args.slug, args.name, region_label=args.region or "", population=args.population
    )
    print(f"created project {project.slug}")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("Password: ")
        if getpass.getpass("Repeat password: ") != first:
            raise InvalidInput("error.password_mismatch")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def cmd_users_add(args: argparse.Namespace) -> int:
    require_database()
    projects.get_project(args.project)  # fail on an unknown project before asking a password
    if users.user_exists(args.username):
        users.set_membership(args.username, args.project, args.role)
        print(f"{args.username} is now {args.role} in {args.project}")
        return 0
    users.create_user(
        args.username,
        _read_password(),
        display_name=args.name or "",
        email=args.email or "",
        language=args.language,
    )
    users.set_membership(args.username, args.project, args.role)
    print(f"created user {args.username}, {args.role} in {args.project}")
    return 0


def cmd_users_list(_args: argparse.Namespace) -> int:
    require_database()
    for user in users.list_users():
        roles = ", ".join(f"{slug}:{role}" for slug, role in user.memberships) or "-"
        state = "" if user.is_active else " (inactive)"
        print(f"{user.username}\t{user.display_name}\t{roles}{state}")
    return 0


def register(
    commands: argparse._SubParsersAction,
    _imports: argparse._SubParsersAction,
    _exports: argparse._SubParsersAction,
) -> None:
    init = commands.add_parser("init", help="create or migrate the database")
    init.set_defaults(handler=cmd_init)

    demo = commands.add_parser("demo", help="load the synthetic demo consortium (idempotent)")
    demo.add_argument("--reset", action="store_true", help="reload the demo projects")
    demo.add_argument(
        "--if-empty", action="store_true", help="only when the database holds no project at all"
    )
    demo.set_defaults(handler=cmd_demo)

    project_commands = commands.add_parser("projects", help="list or add projects")
    project_sub = project_commands.add_subparsers(dest="action", required=True)
    project_sub.add_parser("list", help="list the projects").set_defaults(handler=cmd_projects_list)
    add_project = project_sub.add_parser("add", help="add an empty project")
    add_project.add_argument("slug", help="short identifier, e.g. zorgzaam-leuven")
    add_project.add_argument("--name", required=True)
    add_project.add_argument("--region", help="region covered, e.g. Groot-Leuven")
    add_project.add_argument("--population", type=int)
    add_project.set_defaults(handler=cmd_projects_add)

    user_commands = commands.add_parser("users", help="list or add users")
    user_sub = user_commands.add_subparsers(dest="action", required=True)
    user_sub.add_parser("list", help="list users and their roles").set_defaults(handler=cmd_users_list)
    add_user = user_sub.add_parser(
        "add", help="add a user to a project (password from a prompt, or stdin when piped)"
    )
    add_user.add_argument("username")
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--project", required=True, help="project slug")
    add_user.add_argument("--name", help="display name")
    add_user.add_argument("--email")
    add_user.add_argument("--language", default="fr", choices=LANGUAGES)
    add_user.set_defaults(handler=cmd_users_add)
