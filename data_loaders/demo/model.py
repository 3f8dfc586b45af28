"""Plain records of the demo consortium, as built by data_loaders.demo.builder and written by
dashboard.services.admin.demo. Codes and names refer to each other; the writer resolves them to ids."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class HistoryEntry:
    at: dt.datetime
    by: str
    field: str
    old: str | None
    new: str | None
    source: str  # vocab.ChangeSource
    decision_ref: int | None = None  # index into DemoProject.decisions


@dataclass
class DemoAction:
    code: str
    title: str
    objective_code: str
    status: str
    planned_start: dt.date | None
    planned_end: dt.date | None
    created_at: dt.datetime
    description: str = ""
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    lead_partner: str | None = None
    partners: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # region codes
    target_stratum: int | None = None
    social_entrepreneurship: bool = False
    budget_eur: float | None = None
    time_bank_hours: float | None = None
    review_date: dt.date | None = None
    maturity_dimensions: list[int] = field(default_factory=list)
    history: list[HistoryEntry] = field(default_factory=list)


@dataclass
class DemoMeeting:
    held_on: dt.date
    title: str
    status: str  # vocab.MeetingStatus
    quorum_min: int
    attendees: list[tuple[str, str | None, bool, bool]]  # name, partner, voting, present
    agenda: list[tuple[str, str, str]] = field(default_factory=list)  # action code, reason, note
    location: str = ""
    notes: str = ""


@dataclass
class DemoDecision:
    action_code: str
    meeting_ref: int  # index into DemoProject.meetings
    outcome: str
    recorded_at: dt.datetime
    recorded_by: str
    conditions: str = ""
    rationale: str = ""
    review_date: dt.date | None = None
    evidence: dict = field(default_factory=dict)
    supersedes_ref: int | None = None
    correction_reason: str = ""
    conditions_met: bool | None = None  # a later condition review, when there was one


@dataclass
class DemoRegion:
    code: str
    name: str
    canton_ids: list[str]
    populations: dict[int, int]  # year -> persons
    municipality_nis: list[str] = field(default_factory=list)


@dataclass
class DemoRespondent:
    key: str
    category: str
    submitted_at: dt.datetime
    answers: dict[str, int]  # item code -> value on the 1-5 scale, as answered
    comments: list[tuple[str, str]] = field(default_factory=list)  # dimension code, text


@dataclass
class DemoWave:
    name: str
    opened_on: dt.date
    closed_on: dt.date
    invitations: dict[str, int]  # partner category -> invited
    respondents: list[DemoRespondent]


@dataclass
class DemoIndicatorSetup:
    code: str
    baseline_value: float | None
    baseline_period: str
    target_value: float | None
    target_period: str
    owner: str
    linked_actions: list[str] = field(default_factory=list)


@dataclass
class DemoIndicatorValue:
    code: str
    period: str
    period_end: dt.date
    value: float
    region_code: str | None = None
    numerator: float | None = None
    denominator: float | None = None


@dataclass
class DemoMaturityRound:
    name: str
    held_on: dt.date
    scores: list[tuple[str, int, int, str]]  # assessor, dimension, score, justification
    consensus: list[tuple[int, int, str]]  # dimension, score, note


@dataclass
class DemoProject:
    slug: str
    name: str
    region_label: str
    population: int
    target_group_size: int | None
    level_names: dict[str, list[str]]
    stratum_labels: dict[str, dict[str, str]] | None
    social_entrepreneurship_target: float | None
    starts_on: dt.date
    ends_on: dt.date
    regions: list[DemoRegion]
    partners: list[tuple[str, str]]  # name, category
    objectives: list[tuple[str, int, str, str | None]]  # code, level, title, parent code
    actions: list[DemoAction]
    meetings: list[DemoMeeting]
    decisions: list[DemoDecision]
    waves: list[DemoWave]
    risk_counts: list[
        tuple[str, int, int, str, str, str, int]
    ]  # region, year, stratum, age, sex, condition, persons
    indicators: list[DemoIndicatorSetup]
    indicator_values: list[DemoIndicatorValue]
    indicator_comments: list[tuple[str, str, dt.datetime, str]]  # code, author, at, text
    maturity_rounds: list[DemoMaturityRound]
