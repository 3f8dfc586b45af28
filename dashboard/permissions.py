"""What each role may do in its project. Services check these (dashboard.services.access.require);
navigation only uses them to decide which pages to list."""

from __future__ import annotations

from enum import StrEnum

from models.vocab import Role


class Permission(StrEnum):
    read = "read"
    download = "download"  # aggregated (suppressed) data and chart exports
    view_comments = "view_comments"  # free-text survey comments
    edit_actions = "edit_actions"
    import_data = "import_data"
    prepare_meeting = "prepare_meeting"
    record_decision = "record_decision"
    enter_indicator_values = "enter_indicator_values"
    comment_indicator = "comment_indicator"
    score_maturity = "score_maturity"
    open_maturity_round = "open_maturity_round"
    record_maturity_consensus = "record_maturity_consensus"
    manage_users = "manage_users"
    manage_project = "manage_project"  # the project's own vocabulary and targets
    explore = "explore"  # the Explore page: catalogue, pivots, read-only SQL, data package


_READER = {Permission.read}
_CONTRIBUTOR = _READER | {
    Permission.download,
    Permission.view_comments,
    Permission.comment_indicator,
    Permission.score_maturity,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.viewer: frozenset(_READER),
    Role.academic: frozenset(_CONTRIBUTOR | {Permission.explore}),
    Role.coordinator: frozenset(
        _CONTRIBUTOR
        | {
            Permission.edit_actions,
            Permission.import_data,
            Permission.prepare_meeting,
            Permission.enter_indicator_values,
            Permission.open_maturity_round,
            Permission.record_maturity_consensus,
        }
    ),
    Role.steering: frozenset(
        _CONTRIBUTOR
        | {
            Permission.prepare_meeting,
            Permission.record_decision,
            Permission.record_maturity_consensus,
            Permission.explore,
        }
    ),
    Role.admin: frozenset(Permission),
}


def can(role: str | Role, permission: Permission) -> bool:
    return permission in ROLE_PERMISSIONS.get(Role(role), frozenset())
