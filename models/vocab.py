"""The closed vocabularies of the data model.

Each enum's values are the keys stored in the database and accepted in files; their labels in
French, Dutch and English live in the i18n catalogue under `<enum key>.<value>`
(e.g. `status.in_progress`), never here.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum


class Role(StrEnum):
    """A user's role in one project; see dashboard/permissions.py for what each may do."""

    admin = "admin"
    steering = "steering"
    coordinator = "coordinator"
    academic = "academic"
    viewer = "viewer"


class Area(StrEnum):
    """The app's five areas, as the navigation's sections name them. Each has its own data
    version on the project (`Project.<area>_version`), so a write in one area leaves the
    cached reads of the others in place."""

    actions = "actions"
    governance = "governance"
    population = "population"
    partners = "partners"
    evaluation = "evaluation"


class ActionStatus(StrEnum):
    idea = "idea"
    planned = "planned"
    in_progress = "in_progress"
    on_hold = "on_hold"
    done = "done"
    stopped = "stopped"


# Statuses after which an action no longer needs to meet its planned end date.
CLOSED_STATUSES = frozenset({ActionStatus.done, ActionStatus.stopped})


class DecisionOutcome(StrEnum):
    go = "go"
    no_go = "no_go"
    conditional_go = "conditional_go"
    postponed = "postponed"


class PartnerCategory(StrEnum):
    first_line = "first_line"
    second_line = "second_line"
    home_care = "home_care"
    coordination = "coordination"
    patient_association = "patient_association"
    social_sector = "social_sector"
    mutuality = "mutuality"
    local_authority = "local_authority"
    non_profit = "non_profit"
    academic = "academic"
    private = "private"


class RiskStratum(IntEnum):
    """Kaiser Permanente pyramid with the pilots' level 0 (prevention)."""

    healthy_at_risk = 0
    chronic_low = 1
    chronic_moderate = 2
    chronic_high = 3


class Sex(StrEnum):
    female = "female"
    male = "male"


class Condition(StrEnum):
    diabetes = "diabetes"
    copd = "copd"
    asthma = "asthma"
    heart_failure = "heart_failure"
    renal_failure = "renal_failure"
    polypharmacy = "polypharmacy"
    dementia = "dementia"
    mental_health = "mental_health"


class QuadrupleAim(StrEnum):
    population_health = "population_health"
    patient_experience = "patient_experience"
    cost_efficiency = "cost_efficiency"
    provider_wellbeing = "provider_wellbeing"


class IndicatorKind(StrEnum):
    structure = "structure"
    process = "process"
    outcome = "outcome"


class Polarity(StrEnum):
    higher_is_better = "higher_is_better"
    lower_is_better = "lower_is_better"


class ValueSource(StrEnum):
    """Where an indicator value came from."""

    imported = "imported"
    entered = "entered"
    computed = "computed"


class ChangeSource(StrEnum):
    """What caused a change to an action (shown in its history)."""

    created = "created"
    edit = "edit"
    import_ = "import"
    decision = "decision"


class AgendaReason(StrEnum):
    proposed = "proposed"
    review_due = "review_due"
    late = "late"
    other = "other"


class MeetingStatus(StrEnum):
    planned = "planned"
    held = "held"
    closed = "closed"  # closed by the committee: changes only by a recorded correction


# The 14 components of the Belgian joint plan "Integrated care for a better health" (2015),
# numbered as in the plan; labels in the catalogue under `component.<n>`.
INTEGRATED_CARE_COMPONENTS = tuple(range(1, 15))


class MaturityDimension(IntEnum):
    """The 12 dimensions of the SCIROCCO / B3 maturity model for integrated care, numbered as
    the SCIROCCO tool numbers them (stored by number; migration 0003 put 4 and 5 in this
    order)."""

    readiness_to_change = 1
    structure_governance = 2
    information_ehealth = 3
    standardisation_simplification = 4
    finance_funding = 5
    removal_of_inhibitors = 6
    population_approach = 7
    citizen_empowerment = 8
    evaluation_methods = 9
    breadth_of_ambition = 10
    innovation_management = 11
    capacity_building = 12


MATURITY_SCORE_RANGE = (0, 5)
LANGUAGES = ("fr", "nl", "en")

# Smallest count of persons or respondents that may be shown as a number (DESIGN.md, Privacy).
SMALL_CELL_THRESHOLD = 5


def status_after_decision(outcome: str, status: str) -> str:
    """What a committee decision does to an action's status: a go (conditional or not) on an idea
    plans it; a no-go stops it; anything else leaves the status as it is (a postponement sets a
    review date instead)."""
    if outcome in (DecisionOutcome.go, DecisionOutcome.conditional_go) and status == ActionStatus.idea:
        return ActionStatus.planned
    if outcome == DecisionOutcome.no_go:
        return ActionStatus.stopped
    return status
