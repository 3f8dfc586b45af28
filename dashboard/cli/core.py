"""Commands to set up and administer a deployment: init, demo, projects, users."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from pathlib import Path

import polars as pl

from dashboard.cli import UsageError
from dashboard.errors import InvalidInput
from dashboard.services.admin import audit
from dashboard.services.admin import projects
from dashboard.services.admin import users
from dashboard.services.exports import to_csv_bytes
from dashboard.services.access import cli_actor
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
    """Create an account with a role in a project; an existing account is refused (its role is
    changed with `users set-role`, its password with `users reset-password`)."""
    require_database()
    projects.get_project(args.project)  # fail on an unknown project before asking a password
    if users.user_exists(args.username):
        raise InvalidInput("error.user_exists_cli", username=args.username)
    generated = users.create_user(
        args.username,
        None if args.invite else _read_password(),
        display_name=args.name or "",
        email=args.email or "",
        language=args.language,
    )
    users.set_membership(args.username, args.project, args.role)
    print(f"created user {args.username}, {args.role} in {args.project}")
    if generated:
        print(f"one-time password (to be changed at the first login): {generated}")
    return 0


def cmd_users_set_role(args: argparse.Namespace) -> int:
    require_database()
    users.set_project_role(cli_actor(args.project), args.username, args.role)
    print(f"{args.username} is now {args.role} in {args.project}")
    return 0


def cmd_users_deactivate(args: argparse.Namespace) -> int:
    require_database()
    users.deactivate_user(None, args.username)
    print(f"{args.username} is deactivated (its sessions ended; the account and its name stay)")
    return 0


def cmd_users_activate(args: argparse.Namespace) -> int:
    require_database()
    users.reactivate_user(None, args.username)
    print(f"{args.username} is active again")
    return 0


def cmd_users_reset_password(args: argparse.Namespace) -> int:
    require_database()
    password = users.reset_password(None, args.username)
    print(f"one-time password for {args.username} (to be changed at the next login): {password}")
    return 0


def cmd_users_list(_args: argparse.Namespace) -> int:
    require_database()
    for user in users.list_users():
        roles = ", ".join(f"{slug}:{role}" for slug, role in user.memberships) or "-"
        state = ("" if user.is_active else " (inactive)") + (
            " (must change password)" if user.must_change_password else ""
        )
        print(f"{user.username}\t{user.display_name}\t{roles}{state}")
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    """Every audit event (of one project with --project: its events, not its members' logins)."""
    require_database()
    if args.project:
        projects.get_project(args.project)
    frame = audit.all_events(args.project, audit.AuditFilter(since=args.since, until=args.until, limit=10**9))
    Path(args.output).write_bytes(
        to_csv_bytes(frame.drop("details").with_columns(pl.col("at").dt.to_string("%Y-%m-%dT%H:%M:%S%z")))
    )
    print(f"wrote {args.output} ({frame.height} events)")
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

    user_commands = commands.add_parser("users", help="list, add and administer user accounts")
    user_sub = user_commands.add_subparsers(dest="action", required=True)
    user_sub.add_parser("list", help="list users and their roles").set_defaults(handler=cmd_users_list)
    add_user = user_sub.add_parser(
        "add",
        help="create an account with a role in a project (password from a prompt, or stdin when "
        "piped; --invite: a one-time password); an existing account is refused",
    )
    add_user.add_argument("username")
    add_user.add_argument("--role", required=True, choices=[r.value for r in Role])
    add_user.add_argument("--project", required=True, help="project slug")
    add_user.add_argument("--name", help="display name")
    add_user.add_argument("--email")
    add_user.add_argument("--language", default="fr", choices=LANGUAGES)
    add_user.add_argument(
        "--invite", action="store_true", help="draw a one-time password, to be changed at the first login"
    )
    add_user.set_defaults(handler=cmd_users_add)

    set_role = user_sub.add_parser(
        "set-role", help="give an existing account a role in a project (the last admin stays admin)"
    )
    set_role.add_argument("username")
    set_role.add_argument("--role", required=True, choices=[r.value for r in Role])
    set_role.add_argument("--project", required=True, help="project slug")
    set_role.set_defaults(handler=cmd_users_set_role)

    for name, handler, text in (
        ("deactivate", cmd_users_deactivate, "deactivate an account (never deleted) and end its sessions"),
        ("activate", cmd_users_activate, "reactivate a deactivated account"),
        (
            "reset-password",
            cmd_users_reset_password,
            "give an account a one-time password (changed at the next login) and end its sessions",
        ),
    ):
        command = user_sub.add_parser(name, help=text)
        command.add_argument("username")
        command.set_defaults(handler=handler)

    audit_commands = commands.add_parser(
        "audit", help="the audit log (logins, account changes, imports, exports)"
    )
    audit_sub = audit_commands.add_subparsers(dest="action", required=True)
    audit_export = audit_sub.add_parser("export", help="write the audit log to a CSV file")
    audit_export.add_argument("-o", "--output", required=True, help="CSV file to write")
    audit_export.add_argument("--project", help="only this project's events (slug)")
    audit_export.add_argument("--since", type=dt.date.fromisoformat, help="from this day (YYYY-MM-DD)")
    audit_export.add_argument("--until", type=dt.date.fromisoformat, help="up to this day, included")
    audit_export.set_defaults(handler=cmd_audit_export)
