"""One reader convention: every read of project data that pages and commands call takes the
actor and checks that it may read; a bare project id is only taken, with a session, inside a
service's own unit of work."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil

import polars as pl
import pytest

import dashboard.permissions as permissions
import dashboard.services as services
from dashboard.errors import PermissionDenied
from dashboard.services.governance import decisions as governance
from dashboard.services import overview as home
from dashboard.services.governance import since
from dashboard.services.evaluation import indicators
from dashboard.services.evaluation import maturity
from dashboard.services.actions import portfolio
from dashboard.services.population import risk
from dashboard.services.partners import surveys
from dashboard.services.partners import survey_comments
from dashboard.services.access import Actor
from models.vocab import Role

TODAY = dt.date(2026, 12, 7)

# Every read a page or a command makes, with arguments after the actor.
READS = [
    (portfolio.actions_frame, ()),
    (portfolio.changes_frame, ()),
    (portfolio.objectives_frame, ()),
    (portfolio.partners_frame, ()),
    (portfolio.care_regions_frame, ()),
    (portfolio.lead_partner_categories, (pl.DataFrame({"lead_partner_id": [1]}),)),
    (portfolio.action_detail, (1,)),
    (portfolio.action_id_by_code, ("1.1.1",)),
    (governance.verify_chain, ()),
    (governance.decisions_frame, ()),
    (governance.meetings_frame, ()),
    (governance.reviews, (TODAY,)),
    (governance.log_frame, ()),
    (risk.regions_frame, ()),
    (risk.years, ()),
    (risk.project_strata, (2025,)),
    (risk.load_risk_base, ()),
    (risk.load_risk_data, ()),
    (maturity.consensus_frame, ()),
    (maturity.maturity_view, (None,)),
    (surveys.response_rates, ()),
    (surveys.choices, ()),
    (survey_comments.comments, ()),
    (indicators.overview, ()),
    (indicators.indicator_detail, (1, TODAY)),
    (home.home_figures, (TODAY,)),
    (since.changes_since, ()),
]


@pytest.fixture
def reader_without_read(monkeypatch) -> Actor:
    """A viewer whose role has lost the read permission: every read must refuse it before it
    touches the database (there is none here)."""
    monkeypatch.setitem(permissions.ROLE_PERMISSIONS, Role.viewer, frozenset())
    return Actor("nobody", "Nobody", 1, "nowhere", Role.viewer)


@pytest.mark.parametrize(
    "read, args", READS, ids=[f"{r.__module__.rsplit('.', 1)[-1]}.{r.__name__}" for r, _ in READS]
)
def test_every_read_checks_that_the_actor_may_read(reader_without_read, read, args):
    with pytest.raises(PermissionDenied):
        read(reader_without_read, *args)


def test_no_public_service_function_takes_a_bare_project_id_outside_a_transaction():
    """A function taking `project_id` is a building block of a unit of work: it also takes the
    caller's session (or opens the unit of work itself); pages hold an actor, never an id."""
    offenders = []
    for module_info in pkgutil.iter_modules(services.__path__):
        module = importlib.import_module(f"{services.__name__}.{module_info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != module.__name__ or name.startswith("_"):
                continue
            parameters = inspect.signature(function).parameters
            if "project_id" in parameters and "session" not in parameters and name != "project_write_scope":
                offenders.append(f"{module_info.name}.{name}")
    assert offenders == []


def test_pages_never_pass_a_project_id():
    from pathlib import Path

    pages = Path(__file__).resolve().parents[2] / "pages"
    offenders = [p.name for p in pages.glob("*.py") if "project.id" in p.read_text(encoding="utf-8")]
    assert offenders == []
