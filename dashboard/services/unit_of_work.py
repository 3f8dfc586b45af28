"""The one write path of the services.

A write opens `write_scope(actor, permission)`: it checks the permission, opens the
transaction and hands over its session. The writer says which areas it changed
(`mark_changed(session, Area.actions)`); when the block ends without error, the scope refreshes the
data derived from those areas (the computed indicators, from the actions and the surveys) and
bumps the data versions of every area that changed, in the same transaction. A writer that
changes nothing marks nothing, and no cached read is thrown away.

So no service calls `indicators.recompute` or `access.bump_data_version` itself, and a new
writer cannot leave computed indicators stale by forgetting to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session

from dashboard.permissions import Permission
from dashboard.services.access import Actor, bump_data_version, require
from models.db import session_scope
from models.vocab import Area

_CHANGED = "livinglab_changed_areas"
_RECOMPUTE = "livinglab_recompute"
# The areas the computed indicators are read from (shares of actions, actions on time; partner
# satisfaction): a change there refreshes them, which changes the evaluation area.
COMPUTED_FROM = frozenset({Area.actions, Area.partners})


def mark_changed(session: Session, *areas: Area, recompute: bool = False) -> None:
    """Record that the unit of work changed `areas` (none: every area, for writes every page
    shows, such as the project's settings or its members). `recompute`: the computed
    indicators must be refreshed although no source area changed (their definitions did)."""
    session.info.setdefault(_CHANGED, set()).update(areas or tuple(Area))
    if recompute:
        session.info[_RECOMPUTE] = True


@contextmanager
def write_scope(actor: Actor, permission: Permission, *, today: dt.date | None = None) -> Iterator[Session]:
    """One unit of work of `actor` needing `permission` (see the module docstring); `today`
    dates the refreshed computed indicators (tests pass it)."""
    require(actor, permission)
    with project_write_scope(actor.project_id, today=today) as session:
        yield session


@contextmanager
def project_write_scope(project_id: int, *, today: dt.date | None = None) -> Iterator[Session]:
    """A unit of work on a project with no acting user (the demo loader, the command line's
    account management), finished like `write_scope`."""
    with session_scope() as session:
        yield session
        finish(session, project_id, today)


def finish(session: Session, project_id: int, today: dt.date | None = None) -> None:
    """Refresh what the changed areas feed and bump their versions (before the commit)."""
    areas: set[Area] = session.info.pop(_CHANGED, set())
    if not areas:
        return
    if areas & COMPUTED_FROM or session.info.pop(_RECOMPUTE, False):
        # Imported here: the indicators service writes through this module too.
        from dashboard.services.evaluation import computed_indicators

        session.flush()
        computed_indicators.recompute(session, project_id, today)
        areas.add(Area.evaluation)
    bump_data_version(session, project_id, *areas)
