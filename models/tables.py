"""SQLModel tables: the whole data model of the dashboard.

Every record belongs to one project (directly or through its parent). Enumerated columns hold the
keys of models.vocab; services validate them before writing. Timestamps are aware, in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import JSON, Index, Text, UniqueConstraint
from sqlalchemy.orm import declared_attr
from sqlmodel import Field, SQLModel

# Stable constraint names, so that Alembic's batch mode on SQLite can find and alter them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Table(SQLModel):
    """Base of every table: snake_case table names (`CareRegion` -> `care_region`)."""

    @declared_attr  # type: ignore[misc]
    def __tablename__(cls) -> str:  # noqa: N805
        if cls.__name__ == "User":
            return "app_user"  # "user" is reserved in PostgreSQL
        return re.sub(r"(?<!^)(?=[A-Z])", "_", cls.__name__).lower()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Any:
    """An indexed foreign key; children go with their parent unless told otherwise."""
    if nullable:
        return Field(default=None, foreign_key=target, ondelete=ondelete, index=True, nullable=True)
    return Field(foreign_key=target, ondelete=ondelete, index=True)


# ---------------------------------------------------------------- projects, places, partners


class Project(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True, index=True, max_length=64)
    name: str
    region_label: str = ""
    population: int | None = None
    target_group_size: int | None = None
    # {"fr": [strategic, operational, action], "nl": [...], "en": [...]}; None: catalogue defaults.
    level_names: dict | None = Field(default=None, sa_type=JSON)
    # {"0": {"fr": ..., "nl": ..., "en": ...}, ...}; None: catalogue defaults (Kaiser pyramid).
    stratum_labels: dict | None = Field(default=None, sa_type=JSON)
    social_entrepreneurship_target: float | None = None  # share of actions, 0..1
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    is_demo: bool = False
    # Incremented by every write to the project's data, in the same transaction: pages cache
    # their reads under (project id, data_version) instead of hashing frames. The area versions
    # count the writes to one area (vocab.Area), so that an action's status change does not
    # throw away the risk map's cached figures.
    data_version: int = 0
    actions_version: int = 0
    governance_version: int = 0
    population_version: int = 0
    partners_version: int = 0
    evaluation_version: int = 0
    created_at: dt.datetime = Field(default_factory=utcnow)
    # The version of the project's row as users edit it (its settings): optimistic locking, like
    # actions. The data versions above are bumped by Core UPDATEs, which leave it alone.
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class CareRegion(Table, table=True):
    __table_args__ = (
        UniqueConstraint("project_id", "code"),
        UniqueConstraint("project_id", "name"),
    )
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    code: str = Field(max_length=64)
    name: str
    municipality_nis: list | None = Field(default=None, sa_type=JSON)
    population: int | None = None  # latest known; per year in RegionPopulation
    # A GeoJSON geometry (Polygon or MultiPolygon, WGS84), already simplified for the browser.
    geometry: dict | None = Field(default=None, sa_type=JSON)
    geometry_source: str = ""  # attribution shown on the map


class RegionPopulation(Table, table=True):
    __table_args__ = (UniqueConstraint("region_id", "year"),)
    id: int | None = Field(default=None, primary_key=True)
    region_id: int = _fk("care_region.id")
    year: int
    population: int


class Partner(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    name: str
    category: str  # vocab.PartnerCategory
    created_at: dt.datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------- portfolio of actions


class Objective(Table, table=True):
    """A strategic objective (level 1, code "2") or an operational one (level 2, code "2.3")."""

    __table_args__ = (UniqueConstraint("project_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    parent_id: int | None = _fk("objective.id", nullable=True)
    code: str = Field(max_length=32)
    level: int  # 1 strategic, 2 operational
    title: str
    description: str = Field(default="", sa_type=Text)


class Action(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    objective_id: int = _fk("objective.id")
    code: str = Field(max_length=32)
    title: str
    description: str = Field(default="", sa_type=Text)
    status: str  # vocab.ActionStatus
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    lead_partner_id: int | None = _fk("partner.id", nullable=True, ondelete="SET NULL")
    target_stratum: int | None = None  # vocab.RiskStratum
    social_entrepreneurship: bool = False
    budget_eur: float | None = None
    time_bank_hours: float | None = None
    review_date: dt.date | None = None  # set by a postponement, shown on the agenda
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by: str = ""
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class ActionPartner(Table, table=True):
    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")
    partner_id: int = Field(foreign_key="partner.id", primary_key=True, ondelete="CASCADE")


class ActionRegion(Table, table=True):
    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")
    region_id: int = Field(foreign_key="care_region.id", primary_key=True, ondelete="CASCADE")


class ActionMaturityDimension(Table, table=True):
    """Which SCIROCCO dimensions (vocab.MaturityDimension) an action addresses."""

    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")
    dimension: int = Field(primary_key=True)


class ImportLog(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    kind: str  # actions, risk, geo, survey, indicators
    file_name: str
    file_sha256: str = Field(max_length=64)
    imported_by: str
    imported_at: dt.datetime = Field(default_factory=utcnow)
    summary: dict | None = Field(default=None, sa_type=JSON)


class ActionChange(Table, table=True):
    """One field of one action changed: who, when, old and new value, and what caused it."""

    id: int | None = Field(default=None, primary_key=True)
    action_id: int = _fk("action.id")
    changed_at: dt.datetime = Field(default_factory=utcnow, index=True)
    changed_by: str
    field: str
    old_value: str | None = None
    new_value: str | None = None
    source: str  # vocab.ChangeSource
    decision_id: int | None = _fk("decision.id", nullable=True, ondelete="SET NULL")
    import_id: int | None = _fk("import_log.id", nullable=True, ondelete="SET NULL")


# ---------------------------------------------------------------- governance


class Meeting(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    held_on: dt.date
    title: str
    location: str = ""
    quorum_min: int = 1  # voting members present needed to record decisions
    status: str = "planned"  # vocab.MeetingStatus
    notes: str = Field(default="", sa_type=Text)
    created_by: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)
    closed_by: str = ""  # who closed it (status closed); see services.meetings.is_closed
    closed_at: dt.datetime | None = None
    # Bumped by every change of the meeting, its attendance or its agenda (optimistic locking).
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class MeetingAttendee(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = _fk("meeting.id")
    name: str
    partner_id: int | None = _fk("partner.id", nullable=True, ondelete="SET NULL")
    is_voting: bool = True
    present: bool = True


class MeetingCorrection(Table, table=True):
    """A change made to a closed meeting (attendance, quorum rule, agenda, date, title,
    location): appended, never edited, and shown in the minutes, like a decision's correction.
    One row per thing changed; the rows of one correction share `corrected_at` and `reason`."""

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = _fk("meeting.id")
    field: str = Field(max_length=32)  # held_on, title, location, quorum_min, attendee, agenda
    old_value: str = Field(default="", sa_type=Text)
    new_value: str = Field(default="", sa_type=Text)
    reason: str = Field(sa_type=Text)
    corrected_by: str
    corrected_at: dt.datetime = Field(default_factory=utcnow, index=True)


class AgendaItem(Table, table=True):
    __table_args__ = (UniqueConstraint("meeting_id", "action_id"),)
    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = _fk("meeting.id")
    action_id: int = _fk("action.id")
    position: int = 0
    reason: str = "proposed"  # vocab.AgendaReason
    note: str = ""


class Decision(Table, table=True):
    """An entry of the governance log. Never updated or deleted: corrections supersede.

    `entry_hash` is a keyed MAC (HMAC-SHA256, key outside the database: models.log_key) over the
    entry's content and `previous_hash` (the MAC of the project's previous entry), so an edit made
    behind the application's back breaks the chain and cannot be re-sealed without the key.
    """

    __table_args__ = (UniqueConstraint("project_id", "sequence"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    sequence: int  # 1, 2, ... per project
    action_id: int = _fk("action.id", ondelete="RESTRICT")
    meeting_id: int | None = _fk("meeting.id", nullable=True, ondelete="RESTRICT")
    outcome: str  # vocab.DecisionOutcome
    conditions: str = Field(default="", sa_type=Text)
    rationale: str = Field(default="", sa_type=Text)
    review_date: dt.date | None = None
    recorded_by: str
    recorded_at: dt.datetime = Field(default_factory=utcnow)
    evidence: dict | None = Field(default=None, sa_type=JSON)  # what the committee saw
    supersedes_id: int | None = _fk("decision.id", nullable=True, ondelete="RESTRICT")
    correction_reason: str = Field(default="", sa_type=Text)
    previous_hash: str = Field(default="", max_length=64)
    entry_hash: str = Field(default="", max_length=64)


class DecisionConditionReview(Table, table=True):
    """A later check of a conditional go's conditions (appended, never edited).

    Reviews form their own chain per project (`sequence` 1, 2, ...): `mac` seals the review's
    content, its decision's sequence and MAC, and `previous_mac` (the project's previous review).
    """

    id: int | None = Field(default=None, primary_key=True)
    decision_id: int = _fk("decision.id", ondelete="RESTRICT")
    met: bool
    note: str = Field(default="", sa_type=Text)
    recorded_by: str
    recorded_at: dt.datetime = Field(default_factory=utcnow)
    sequence: int = 0  # 1, 2, ... per project
    previous_mac: str = Field(default="", max_length=64)
    mac: str = Field(default="", max_length=64)


class DecisionLogHead(Table, table=True):
    """The sealed end of a project's log: how many entries and reviews it holds and the MAC of
    the last of each, sealed by `mac`. Updated in the transaction of every append, so deleting the
    newest entries (or reviews) leaves a head that counts more than the log holds."""

    project_id: int = Field(foreign_key="project.id", primary_key=True, ondelete="CASCADE")
    entries: int = 0
    last_mac: str = Field(default="", max_length=64)
    reviews: int = 0
    last_review_mac: str = Field(default="", max_length=64)
    mac: str = Field(default="", max_length=64)


# ---------------------------------------------------------------- partner surveys


class SurveyDimension(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    code: str = Field(max_length=64)
    label_fr: str
    label_nl: str
    label_en: str
    position: int = 0


class SurveyItem(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    dimension_id: int = _fk("survey_dimension.id")
    code: str = Field(max_length=64)
    text_fr: str = Field(sa_type=Text)
    text_nl: str = Field(sa_type=Text)
    text_en: str = Field(sa_type=Text)
    scale_min: int = 1
    scale_max: int = 5
    # {"fr": [label for scale_min, ..., label for scale_max], "nl": [...], "en": [...]}
    scale_labels: dict | None = Field(default=None, sa_type=JSON)
    reversed: bool = False
    position: int = 0


class SurveyWave(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    name: str
    opened_on: dt.date | None = None
    closed_on: dt.date | None = None
    # Bumped by every change of the wave or of its invitations (optimistic locking).
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class SurveyInvitation(Table, table=True):
    """How many partners of a category were invited to a wave (for response rates)."""

    __table_args__ = (UniqueConstraint("wave_id", "partner_category"),)
    id: int | None = Field(default=None, primary_key=True)
    wave_id: int = _fk("survey_wave.id")
    partner_category: str  # vocab.PartnerCategory
    invited: int


class SurveyRespondent(Table, table=True):
    """One completed questionnaire. `respondent_key` is a hash used to recognise re-imports;
    it is never shown."""

    __table_args__ = (UniqueConstraint("wave_id", "respondent_key"),)
    id: int | None = Field(default=None, primary_key=True)
    wave_id: int = _fk("survey_wave.id")
    respondent_key: str = Field(max_length=64)
    partner_category: str | None = None
    submitted_at: dt.datetime | None = None


class SurveyAnswer(Table, table=True):
    __table_args__ = (UniqueConstraint("respondent_id", "item_id"),)
    id: int | None = Field(default=None, primary_key=True)
    respondent_id: int = _fk("survey_respondent.id")
    item_id: int = _fk("survey_item.id")
    value: int  # on the item's scale, as answered (not yet reversed)


class SurveyComment(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    respondent_id: int = _fk("survey_respondent.id")
    dimension_id: int | None = _fk("survey_dimension.id", nullable=True, ondelete="SET NULL")
    text: str = Field(sa_type=Text)


# ---------------------------------------------------------------- stratified risk


class RiskCount(Table, table=True):
    """Persons of a care region in a risk stratum in a year, optionally broken down.

    Empty strings in age_band / sex / condition mean "all" (not NULL, so that the unique
    constraint holds on every database).
    """

    __table_args__ = (
        UniqueConstraint("region_id", "year", "stratum", "age_band", "sex", "condition"),
        # The Risk map reads a project's counts of one year without condition, or of one
        # condition: without it, a national table is scanned row by row (1.4 s for a year).
        Index("ix_risk_count_project_condition_year", "project_id", "condition", "year"),
    )
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    region_id: int = _fk("care_region.id")
    year: int = Field(index=True)
    stratum: int  # vocab.RiskStratum
    age_band: str = Field(default="", max_length=16)
    sex: str = Field(default="", max_length=16)
    condition: str = Field(default="", max_length=32)
    persons: int


class NationalRiskReference(Table, table=True):
    """Share of the Belgian population per stratum (for comparison pyramids)."""

    __table_args__ = (UniqueConstraint("year", "stratum"),)
    id: int | None = Field(default=None, primary_key=True)
    year: int
    stratum: int
    share: float  # 0..1
    source: str = ""


# ---------------------------------------------------------------- self-evaluation


class Indicator(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "code"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    code: str = Field(max_length=64)
    name_fr: str
    name_nl: str
    name_en: str
    aim: str  # vocab.QuadrupleAim
    component: int | None = None  # 1..14, vocab.INTEGRATED_CARE_COMPONENTS
    kind: str  # vocab.IndicatorKind
    definition_fr: str = Field(default="", sa_type=Text)
    definition_nl: str = Field(default="", sa_type=Text)
    definition_en: str = Field(default="", sa_type=Text)
    numerator_definition_fr: str = Field(default="", sa_type=Text)
    numerator_definition_nl: str = Field(default="", sa_type=Text)
    numerator_definition_en: str = Field(default="", sa_type=Text)
    denominator_definition_fr: str = Field(default="", sa_type=Text)
    denominator_definition_nl: str = Field(default="", sa_type=Text)
    denominator_definition_en: str = Field(default="", sa_type=Text)
    unit: str = ""  # "%", "per 1,000", "EUR", "score 1-5", ...
    polarity: str = "higher_is_better"  # vocab.Polarity
    baseline_value: float | None = None
    baseline_period: str = ""
    target_value: float | None = None
    target_period: str = ""
    data_source: str = ""
    owner: str = ""
    # Key of a computation done by the app from its own data (dashboard/services/indicators.py);
    # None for indicators whose values are imported or entered.
    computation: str | None = None
    decimals: int = 1
    version: int = Field(default=1, nullable=False)  # of the definition (optimistic locking)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class IndicatorAction(Table, table=True):
    indicator_id: int = Field(foreign_key="indicator.id", primary_key=True, ondelete="CASCADE")
    action_id: int = Field(foreign_key="action.id", primary_key=True, ondelete="CASCADE")


class IndicatorValue(Table, table=True):
    """A value of an indicator for a period ("2021", "2021-Q3", "2021-06"), for the whole
    project (region_id NULL) or one care region. Uniqueness of (indicator, period, region) is
    enforced by the service, since NULL regions are distinct in SQL unique constraints."""

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = _fk("indicator.id")
    period: str = Field(max_length=16)
    period_end: dt.date  # last day of the period, for ordering and trajectories
    region_id: int | None = _fk("care_region.id", nullable=True)
    value: float | None = None
    numerator: float | None = None
    denominator: float | None = None
    source: str = "entered"  # vocab.ValueSource
    entered_by: str = ""
    entered_at: dt.datetime = Field(default_factory=utcnow)


class IndicatorValueChange(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = _fk("indicator.id")
    period: str = Field(max_length=16)
    region_id: int | None = _fk("care_region.id", nullable=True)
    old_value: float | None = None
    new_value: float | None = None
    changed_by: str
    changed_at: dt.datetime = Field(default_factory=utcnow)
    source: str = "entered"


class IndicatorComment(Table, table=True):
    """ "Turn the curve" commentary on an indicator."""

    id: int | None = Field(default=None, primary_key=True)
    indicator_id: int = _fk("indicator.id")
    author: str
    created_at: dt.datetime = Field(default_factory=utcnow)
    text: str = Field(sa_type=Text)


class MaturityRound(Table, table=True):
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    project_id: int = _fk("project.id")
    name: str
    held_on: dt.date
    # Bumped by every change of the round's consensus (optimistic locking of the consensus form).
    version: int = Field(default=1, nullable=False)

    @declared_attr
    def __mapper_args__(cls) -> dict:  # noqa: N805 - SQLAlchemy's declared_attr signature
        # Optimistic locking: an UPDATE whose version no longer matches raises StaleDataError.
        return {"version_id_col": cls.__table__.c.version}


class MaturityScore(Table, table=True):
    """One assessor's score of one SCIROCCO dimension in a round."""

    __table_args__ = (UniqueConstraint("round_id", "assessor", "dimension"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("maturity_round.id")
    assessor: str
    dimension: int  # vocab.MaturityDimension
    score: int  # 0..5
    justification: str = Field(default="", sa_type=Text)


class MaturityConsensus(Table, table=True):
    __table_args__ = (UniqueConstraint("round_id", "dimension"),)
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = _fk("maturity_round.id")
    dimension: int
    score: int
    note: str = Field(default="", sa_type=Text)
    recorded_by: str = ""
    recorded_at: dt.datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------- users


class User(Table, table=True):
    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(unique=True, index=True, max_length=64)
    display_name: str = ""
    email: str = ""
    password_hash: str
    language: str = "fr"  # vocab.LANGUAGES
    # Pages drawn for a projector read from across a room (larger type, high contrast).
    presentation_view: bool = Field(default=False, nullable=False)
    is_active: bool = True
    # Set by an administrator's reset (a one-time password) and for invited accounts: the user
    # must choose a password of their own before anything else.
    must_change_password: bool = Field(default=False, nullable=False)
    created_at: dt.datetime = Field(default_factory=utcnow)


class Membership(Table, table=True):
    __table_args__ = (UniqueConstraint("user_id", "project_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = _fk("app_user.id")
    project_id: int = _fk("project.id")
    role: str  # vocab.Role


# ---------------------------------------------------------------- sign-in


class LoginSession(Table, table=True):
    """A signed-in browser: the cookie carries a random token, the database its SHA-256. Ending
    the row (logout, log out everywhere, a password change, a deactivation, inactivity) ends the
    session wherever the cookie was copied."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(unique=True, index=True, max_length=64)
    user_id: int = _fk("app_user.id")
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_seen_at: dt.datetime = Field(default_factory=utcnow)
    ended_at: dt.datetime | None = None
    end_reason: str = ""  # services.sessions.EndReason
    client: str = ""


class LoginThrottle(Table, table=True):
    """Consecutive failed sign-ins of one account ("user:NAME") or one client ("client:IP"),
    each within the lockout period of the previous one."""

    key: str = Field(primary_key=True, max_length=200)
    failures: int = 0
    last_failure_at: dt.datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------- audit log


class AuditEvent(Table, table=True):
    """Who did what, when: logins and their failures, lockouts, logouts, account and role
    changes, password changes and resets, imports, exports, corrections. Append-only: the
    migration makes the database refuse UPDATE and DELETE. No foreign keys, so that an event
    outlives what it names (the names are kept as text)."""

    __table_args__ = (Index("ix_audit_event_project_at", "project_id", "at"),)
    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(default="", max_length=64)  # username, "cli", or "" (a visitor)
    event: str = Field(max_length=40, index=True)  # services.admin.audit.AuditKind
    subject: str = Field(default="", max_length=64, index=True)  # the account concerned, if any
    project_id: int | None = None
    project_slug: str = Field(default="", max_length=64)
    detail: dict | None = Field(default=None, sa_type=JSON)
    client: str = Field(default="", max_length=200)
