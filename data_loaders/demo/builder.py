"""Builds the SYNTHETIC demo consortium: Chronicopôle (its real plan) and EMPACT.

Everything is drawn from a seeded random generator, so a build is reproducible for a given
`today`. The plan and its history sit in 2018-2022 (the pilots' execution period); the latest
meetings, pending reviews and actions about to start are placed relative to `today`, so that the
demo looks alive whenever it is loaded.

Each action's life is simulated as dated changes (status, dates, decisions) and replayed, so its
current state, its change history, its baseline and the evidence stored with each decision agree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import random
from dataclasses import dataclass, field

from data_loaders.catalogues.questionnaire import DIMENSIONS, ITEMS
from data_loaders.demo import chronicopole_plan, empact_plan
from data_loaders.demo.model import (
    DemoAction,
    DemoDecision,
    DemoIndicatorSetup,
    DemoIndicatorValue,
    DemoMaturityRound,
    DemoMeeting,
    DemoProject,
    DemoRegion,
    DemoRespondent,
    DemoWave,
    HistoryEntry,
)
from models.history import to_history_value
from models.vocab import status_after_decision

COORDINATOR = "demo-coordinator"
STEERING = "demo-steering"
PLAN_APPROVED = dt.date(2018, 1, 15)
RISK_YEARS = range(2018, 2025)
AGE_BANDS = ("0-17", "18-44", "45-64", "65-74", "75+")
DATE_FIELDS = ("planned_start", "planned_end", "actual_start", "actual_end", "review_date")


def build_demo(today: dt.date) -> list[DemoProject]:
    return [build_chronicopole(today), build_empact(today)]


def _at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=dt.UTC)


def _days(n: float) -> dt.timedelta:
    return dt.timedelta(days=int(n))


_iso = to_history_value


# ---------------------------------------------------------------- action lives


@dataclass
class _Change:
    at: dt.datetime
    field: str
    value: object
    source: str = "edit"
    by: str = COORDINATOR
    decision_ref: int | None = None


@dataclass
class _Life:
    """The dated changes of one action from its creation; `replay` turns them into history."""

    action: DemoAction
    initial: dict
    changes: list[_Change] = field(default_factory=list)

    def set(self, day: dt.date | dt.datetime, field_name: str, value: object, **kw: object) -> None:
        at = day if isinstance(day, dt.datetime) else _at(day)
        self.changes.append(_Change(at, field_name, value, **kw))  # type: ignore[arg-type]

    def state_at(self, moment: dt.datetime) -> dict:
        """The action's fields just before `moment`."""
        state = dict(self.initial)
        for change in sorted(self.changes, key=lambda c: c.at):
            if change.at >= moment:
                break
            state[change.field] = change.value
        return state

    def replay(self) -> None:
        state = dict(self.initial)
        action = self.action
        action.history = [
            HistoryEntry(action.created_at, COORDINATOR, "created", None, action.code, "created")
        ]
        for change in sorted(self.changes, key=lambda c: c.at):
            old = state.get(change.field)
            if old == change.value:
                continue
            state[change.field] = change.value
            action.history.append(
                HistoryEntry(
                    change.at,
                    change.by,
                    change.field,
                    _iso(old),
                    _iso(change.value),
                    change.source,
                    change.decision_ref,
                )
            )
        for name, value in state.items():
            setattr(action, name, value)


def _new_life(action: DemoAction) -> _Life:
    initial = {
        "status": action.status,
        "planned_start": action.planned_start,
        "planned_end": action.planned_end,
        "actual_start": None,
        "actual_end": None,
        "review_date": None,
    }
    return _Life(action, initial)


def _apply_fate(life: _Life, fate: str, rng: random.Random, today: dt.date) -> None:
    """Dated changes for an action of the plan, by what became of it."""
    start, end = life.action.planned_start, life.action.planned_end
    assert start and end
    begun = start + _days(rng.randint(0, 45))

    def begin() -> None:
        life.set(begun, "status", "in_progress")
        life.set(begun, "actual_start", begun)

    if fate == "done_on_time":
        finished = min(end - _days(rng.randint(0, 40)), today - _days(60))
        begin()
        life.set(finished, "status", "done")
        life.set(finished, "actual_end", finished)
    elif fate == "done_late":
        begin()
        new_end = end + _days(rng.randint(90, 300))
        if rng.random() < 0.6:  # rescheduled before it ended; otherwise simply finished late
            life.set(end - _days(rng.randint(20, 80)), "planned_end", new_end)
        finished = min(new_end + _days(rng.randint(-20, 30)), today - _days(30))
        life.set(finished, "status", "done")
        life.set(finished, "actual_end", finished)
    elif fate == "extended":  # carried into the transition period and beyond
        begin()
        life.set(
            dt.date(2022, 9, 1) + _days(rng.randint(0, 400)),
            "planned_end",
            today + _days(rng.randint(45, 600)),
        )
    elif fate == "late":  # still running after its planned end, never rescheduled
        begin()
        if end > today - _days(30):
            life.set(end - _days(30), "planned_end", today - _days(rng.randint(20, 400)))
    elif fate == "on_hold":
        begin()
        life.set(min(begun + _days(rng.randint(120, 700)), today - _days(40)), "status", "on_hold")
    elif fate == "stopped":
        begin()
        stopped = min(begun + _days(rng.randint(90, 500)), today - _days(60))
        life.set(stopped, "status", "stopped")
        life.set(stopped, "actual_end", stopped)
    elif fate == "starting_soon":  # postponed, now about to start
        moved = today - _days(rng.randint(30, 200))
        new_start = today + _days(rng.randint(7, 85))
        life.set(moved, "planned_start", new_start)
        life.set(moved, "planned_end", new_start + _days(rng.randint(180, 540)))
    elif fate != "as_planned":
        raise ValueError(fate)


@dataclass
class _Script:
    """A scripted decision: meeting index, action code, outcome, and what follows it."""

    meeting: int
    code: str
    outcome: str
    rationale: str
    conditions: str = ""
    review_in_days: int | None = None  # relative to today
    review_on: dt.date | None = None
    supersedes: int | None = None  # index of an earlier script
    correction_reason: str = ""
    conditions_met: bool | None = None
    then: list[tuple[int, str, object]] = field(default_factory=list)  # days after, field, value


@dataclass
class _Plan:
    """What the builder needs to know about a project beyond its static plan."""

    slug: str
    strategic: list[tuple[str, str]]
    operational: list[tuple[str, str, int | None]]
    actions: list[tuple[str, str, bool | None]]  # code, title, SE component (None: draw)
    ideas: list[tuple[str, str, bool]]  # new proposals, with days since proposed
    idea_ages: list[int]
    fates: dict[str, str]  # forced fates by code
    fate_weights: dict[str, float]
    meetings: list[tuple[dt.date | int, str]]  # date or days relative to today, title
    scripts: list[_Script]
    late_on_agenda: int = 2


def _draw(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


_DIMENSIONS_BY_OBJECTIVE = {
    "1": [2, 1, 12],
    "2": [8, 7, 4],
    "3": [3, 4],
    "4": [9, 11],
    "5": [5, 6],
}


def _build_portfolio(
    plan: _Plan,
    regions: list[DemoRegion],
    partners: list[tuple[str, str]],
    rng: random.Random,
    today: dt.date,
    se_share: float,
) -> tuple[list[tuple[str, int, str, str | None]], list[DemoAction], list[_Life]]:
    objectives: list[tuple[str, int, str, str | None]] = [
        (code, 1, title, None) for code, title in plan.strategic
    ]
    strata = {}
    for code, title, stratum in plan.operational:
        objectives.append((code, 2, title, code.split(".")[0]))
        strata[code] = stratum
    region_codes = [r.code for r in regions]
    partner_names = [name for name, _ in partners]
    leads = [name for name, cat in partners if cat not in ("academic", "private")]

    def new_action(
        code: str, title: str, se: bool | None, status: str, created: dt.date, start: dt.date, end: dt.date
    ) -> DemoAction:
        objective = code.rsplit(".", 1)[0]
        stratum = strata.get(objective)
        if stratum is None and rng.random() < 0.35:
            stratum = rng.randint(0, 3)
        if len(region_codes) <= 4 or rng.random() < 0.3:
            chosen = region_codes if rng.random() < 0.6 else rng.sample(region_codes, 2)
        else:  # EMPACT launches most actions in one or a few care regions
            chosen = rng.sample(region_codes, rng.randint(1, 3))
        if se is None:
            se = rng.random() < se_share
        dims = _DIMENSIONS_BY_OBJECTIVE.get(code.split(".")[0], [1])
        return DemoAction(
            code=code,
            title=title,
            objective_code=objective,
            status=status,
            planned_start=start,
            planned_end=end,
            created_at=_at(created, 9),
            lead_partner=rng.choice(leads),
            partners=rng.sample(partner_names, rng.randint(1, 4)),
            regions=sorted(chosen),
            target_stratum=stratum,
            social_entrepreneurship=se,
            budget_eur=float(rng.randrange(2_000, 60_000, 500)) if rng.random() < 0.8 else None,
            time_bank_hours=float(rng.randrange(20, 400, 10)) if se and rng.random() < 0.7 else None,
            maturity_dimensions=sorted(rng.sample(dims, min(len(dims), rng.randint(1, 2)))),
        )

    actions: list[DemoAction] = []
    lives: dict[str, _Life] = {}
    for code, title, se in plan.actions:
        start = dt.date(2018, 3, 1) + _days(rng.randint(0, 3 * 365))
        end = min(start + _days(rng.randint(180, 1100)), dt.date(2022, 12, 31))
        if end <= start + _days(90):
            end = start + _days(180)
        action = new_action(code, title, se, "planned", PLAN_APPROVED, start, end)
        actions.append(action)
        lives[code] = _new_life(action)
    for (code, title, se), age in zip(plan.ideas, plan.idea_ages, strict=True):
        proposed = today - _days(age)
        start = today + _days(rng.randint(100, 250))
        action = new_action(code, title, se, "idea", proposed, start, start + _days(rng.randint(200, 500)))
        actions.append(action)
        lives[code] = _new_life(action)

    scripted = {s.code for s in plan.scripts}
    for action in actions:
        if action.status == "idea" or action.code in scripted and action.code not in plan.fates:
            continue
        fate = plan.fates.get(action.code) or _draw(rng, plan.fate_weights)
        _apply_fate(lives[action.code], fate, rng, today)
    return objectives, actions, list(lives.values())


def _decision_effects(life: _Life, moment: dt.datetime, script: _Script, ref: int, today: dt.date) -> None:
    state = life.state_at(moment)
    decided = {"source": "decision", "by": STEERING, "decision_ref": ref}
    life.set(moment, "status", status_after_decision(script.outcome, state["status"]), **decided)
    if script.outcome == "postponed":
        review = script.review_on or today + _days(script.review_in_days or 30)
        life.set(moment, "review_date", review, **decided)
    for offset, field_name, value in script.then:
        if value == "__day__":
            value = (moment + _days(offset)).date()
        life.set(moment + _days(offset), field_name, value)


def _evidence(
    action: DemoAction, state: dict, moment: dt.datetime, previous: list[dict], region_names: dict[str, str]
) -> dict:
    """What the committee saw, in the shape dashboard.services.governance.decisions.action_state gives
    (the demo does not replay indicator values, so no indicator is listed)."""
    end = state["planned_end"]
    late = bool(end and end < moment.date() and state["status"] in ("planned", "in_progress", "on_hold"))
    return {
        "code": action.code,
        "title": action.title,
        "status": state["status"],
        "planned_start": _iso(state["planned_start"]),
        "planned_end": _iso(end),
        "actual_start": _iso(state["actual_start"]),
        "actual_end": _iso(state["actual_end"]),
        "review_date": _iso(state["review_date"]),
        "late": late,
        "lead_partner": action.lead_partner,
        "care_regions": sorted(region_names[code] for code in action.regions),
        "target_stratum": action.target_stratum,
        "social_entrepreneurship": action.social_entrepreneurship,
        "budget_eur": action.budget_eur,
        "indicators": [],
        "previous_decisions": list(previous),
    }


def _build_governance(
    plan: _Plan,
    actions: list[DemoAction],
    lives: list[_Life],
    attendees: list[tuple[str, str]],
    rng: random.Random,
    today: dt.date,
    region_names: dict[str, str],
) -> tuple[list[DemoMeeting], list[DemoDecision]]:
    by_code = {life.action.code: life for life in lives}
    meetings = []
    for when, title in plan.meetings:
        day = when if isinstance(when, dt.date) else today + _days(when)
        held = day <= today
        voting = attendees[:9]
        people = [(name, partner, True, (not held) or rng.random() < 0.85) for name, partner in voting]
        people += [(name, partner, False, True) for name, partner in attendees[9:11]]
        meetings.append(
            DemoMeeting(
                day, title, "held" if held else "planned", quorum_min=5, attendees=people, location=""
            )
        )
    decisions: list[DemoDecision] = []
    earlier: dict[str, list[dict]] = {}
    for ref, script in enumerate(plan.scripts):
        meeting = meetings[script.meeting]
        moment = _at(meeting.held_on, 15, 10 + ref % 40)
        life = by_code[script.code]
        starts = [offset for offset, name, _ in script.then if name == "actual_start"]
        if starts:  # an action decided on, then started: its plan starts when it was meant to
            duration = life.initial["planned_end"] - life.initial["planned_start"]
            planned_start = meeting.held_on + _days(min(starts))
            life.initial["planned_start"] = planned_start
            life.initial["planned_end"] = planned_start + duration
            life.action.planned_start, life.action.planned_end = (
                life.initial["planned_start"],
                life.initial["planned_end"],
            )
        state = life.state_at(moment)
        decisions.append(
            DemoDecision(
                action_code=script.code,
                meeting_ref=script.meeting,
                outcome=script.outcome,
                recorded_at=moment,
                recorded_by=STEERING,
                conditions=script.conditions,
                rationale=script.rationale,
                review_date=(script.review_on or today + _days(script.review_in_days))
                if script.outcome == "postponed"
                else None,
                evidence=_evidence(life.action, state, moment, earlier.get(script.code, []), region_names),
                supersedes_ref=script.supersedes,
                correction_reason=script.correction_reason,
                conditions_met=script.conditions_met,
            )
        )
        earlier.setdefault(script.code, []).append(
            {
                "sequence": ref + 1,
                "outcome": script.outcome,
                "recorded_at": moment.replace(microsecond=0).isoformat(),
                "review_date": _iso(decisions[-1].review_date),
            }
        )
        if all(code != script.code for code, _, _ in meeting.agenda):
            reason = (
                "proposed" if state["status"] == "idea" else "review_due" if state["review_date"] else "other"
            )
            meeting.agenda.append((script.code, reason, ""))
        _decision_effects(life, moment, script, ref, today)
    for life in lives:
        life.replay()
    # The coming meeting's agenda: reviews falling due, open proposals, late actions.
    upcoming = next((i for i, m in enumerate(meetings) if m.status == "planned"), None)
    if upcoming is not None:
        meeting = meetings[upcoming]
        agenda = []
        for action in actions:
            if action.review_date and action.review_date <= meeting.held_on + _days(7):
                agenda.append((action.code, "review_due", ""))
        decided = {d.action_code for d in decisions}
        agenda += [(a.code, "proposed", "") for a in actions if a.status == "idea" and a.code not in decided]
        late = [
            a
            for a in actions
            if a.planned_end and a.planned_end < today and a.status in ("in_progress", "planned")
        ]
        agenda += [(a.code, "late", "") for a in late[: plan.late_on_agenda]]
        meeting.agenda = agenda
    return meetings, decisions


# ---------------------------------------------------------------- population and risk


def _largest_remainder(total: int, shares: list[float]) -> list[int]:
    """Split `total` by `shares` into integers that add up to `total` exactly."""
    raw = [total * s / sum(shares) for s in shares]
    parts = [math.floor(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[i] += 1
    return parts


_STRATUM_SHARES = [0.635, 0.265, 0.081, 0.019]
_AGE_BY_STRATUM = [
    [0.27, 0.38, 0.25, 0.06, 0.04],
    [0.05, 0.22, 0.38, 0.20, 0.15],
    [0.01, 0.08, 0.28, 0.28, 0.35],
    [0.003, 0.03, 0.14, 0.25, 0.577],
]
_FEMALE_BY_STRATUM = [0.50, 0.53, 0.56, 0.60]
_CONDITION_PREVALENCE = {  # persons with the condition, as a share of the stratum (1, 2, 3)
    "diabetes": (0.12, 0.25, 0.35),
    "copd": (0.05, 0.12, 0.22),
    "asthma": (0.06, 0.05, 0.04),
    "heart_failure": (0.02, 0.08, 0.25),
    "renal_failure": (0.01, 0.05, 0.18),
    "polypharmacy": (0.10, 0.35, 0.70),
    "dementia": (0.005, 0.04, 0.15),
    "mental_health": (0.08, 0.12, 0.15),
}


def _risk_counts(
    regions: list[DemoRegion], rng: random.Random, ageing: dict[str, float]
) -> list[tuple[str, int, int, str, str, str, int]]:
    rows = []
    for region in regions:
        tilt = ageing.get(region.code, 0.0)
        for year in RISK_YEARS:
            drift = (year - 2018) * 0.0025
            shares = [
                _STRATUM_SHARES[0] - tilt - 1.4 * drift,
                _STRATUM_SHARES[1] + tilt * 0.6 + drift,
                _STRATUM_SHARES[2] + tilt * 0.3 + drift * 0.3,
                _STRATUM_SHARES[3] + tilt * 0.1 + drift * 0.1,
            ]
            shares = [s * rng.uniform(0.98, 1.02) for s in shares]
            by_stratum = _largest_remainder(region.populations[year], shares)
            for stratum, persons in enumerate(by_stratum):
                rows.append((region.code, year, stratum, "", "", "", persons))
                by_age = _largest_remainder(persons, _AGE_BY_STRATUM[stratum])
                for band, in_band in zip(AGE_BANDS, by_age, strict=True):
                    female_share = _FEMALE_BY_STRATUM[stratum] + (0.08 if band == "75+" else 0)
                    female, male = _largest_remainder(in_band, [female_share, 1 - female_share])
                    rows.append((region.code, year, stratum, band, "female", "", female))
                    rows.append((region.code, year, stratum, band, "male", "", male))
                if stratum == 0:
                    continue
                for condition, prevalence in _CONDITION_PREVALENCE.items():
                    share = prevalence[stratum - 1] * rng.uniform(0.9, 1.1)
                    rows.append((region.code, year, stratum, "", "", condition, round(persons * share)))
    return rows


def _populations(pop_2020: int, growth: float) -> dict[int, int]:
    return {year: round(pop_2020 * (1 + growth) ** (year - 2020)) for year in RISK_YEARS}


# ---------------------------------------------------------------- partner surveys

_BASE = {
    "synergy": 3.7,
    "governance": 3.4,
    "decision_making": 3.1,
    "communication": 3.0,
    "added_value": 3.6,
    "workload": 3.2,
    "satisfaction": 3.6,
}
_WAVE_SHIFT = [
    {},
    {"communication": 0.45, "governance": 0.2, "workload": -0.35, "satisfaction": 0.1},
    {
        "communication": 0.6,
        "governance": 0.25,
        "decision_making": 0.35,
        "workload": -0.1,
        "satisfaction": 0.35,
        "added_value": 0.2,
    },
]
_CATEGORY_SHIFT = {
    "second_line": {"*": -0.4},
    "patient_association": {"added_value": 0.3, "decision_making": 0.2},
    "mutuality": {"decision_making": -0.3},
    "home_care": {"workload": -0.3},
}
_COMMENTS = {
    "fr": {
        "synergy": [
            "Les groupes de travail mélangent enfin hôpital et première ligne.",
            "On se connaît mieux entre secteurs, c'est le principal acquis.",
        ],
        "governance": [
            "Le rôle des relais n'est pas encore clair pour tout le monde.",
            "Le comité de pilotage suit bien l'avancement des actions.",
        ],
        "decision_making": [
            "Les décisions sur les actions arrivent parfois trop tard.",
            "On ne sait pas toujours pourquoi une action est reportée.",
        ],
        "communication": [
            "La newsletter aide beaucoup à suivre le projet.",
            "Trop de mails, une plateforme commune serait utile.",
        ],
        "added_value": [
            "Nos patients ont accès plus vite à un case manager.",
            "Peu d'effet visible pour notre service jusqu'ici.",
        ],
        "workload": [
            "Difficile de libérer du temps pour les réunions en journée.",
            "La charge administrative des appels à projets est lourde.",
        ],
        "satisfaction": [
            "Nous souhaitons continuer après la phase pilote.",
            "Projet utile, mais il faut consolider le financement.",
        ],
    },
    "nl": {
        "synergy": [
            "Eindelijk zitten ziekenhuis en eerste lijn samen in de werkgroepen.",
            "We kennen elkaar beter over de sectoren heen.",
        ],
        "governance": ["De stuurgroep volgt de acties goed op.", "Wie wat beslist is niet altijd duidelijk."],
        "decision_making": [
            "Beslissingen over nieuwe acties duren soms te lang.",
            "Het is niet altijd duidelijk waarom een actie wordt uitgesteld.",
        ],
        "communication": [
            "De nieuwsbrief helpt om het project te volgen.",
            "Te veel mails, een gedeeld platform zou helpen.",
        ],
        "added_value": [
            "Onze cliënten vinden sneller de juiste hulp.",
            "Voor onze dienst is het effect nog beperkt.",
        ],
        "workload": [
            "Moeilijk om tijd vrij te maken voor vergaderingen overdag.",
            "De administratie rond de tijdsbank is zwaar.",
        ],
        "satisfaction": [
            "We willen graag verder na de pilootfase.",
            "Nuttig project, maar de financiering moet zekerder.",
        ],
    },
}


# Contact persons invited per partner organisation: hospitals and home-care services answer
# through several departments, so those categories are large enough to be shown, while
# several small categories stay under 5 respondents (and show "< 5").
_CONTACTS_PER_PARTNER = {"second_line": 3, "home_care": 2, "coordination": 2}


def _build_waves(partners: list[tuple[str, str]], lang: str, years: tuple[int, ...]) -> list[DemoWave]:
    # Its own random sequence: changing the surveys leaves the rest of the demo as it is.
    rng = random.Random(f"partner-survey-{lang}-{years}")
    invited: dict[str, int] = {}
    for _, category in partners:
        invited[category] = invited.get(category, 0) + _CONTACTS_PER_PARTNER.get(category, 1)
    waves = []
    for index, year in enumerate(years):
        opened = dt.date(year, 10, 5)
        closed = dt.date(year, 11, 16)
        respondents = []
        for category, count in sorted(invited.items()):
            rate = rng.uniform(0.55, 0.85)
            for n in range(round(count * rate)):
                person = rng.gauss(0, 0.45)
                answers = {}
                for code, dimension, reversed_, *_ in ITEMS:
                    shift = _CATEGORY_SHIFT.get(category, {})
                    mean = (
                        _BASE[dimension]
                        + _WAVE_SHIFT[index].get(dimension, 0)
                        + shift.get(dimension, shift.get("*", 0))
                        + person
                    )
                    favourable = min(5, max(1, round(rng.gauss(mean, 0.75))))
                    answers[code] = 6 - favourable if reversed_ else favourable
                comments = []
                if rng.random() < 0.3:
                    dimension = rng.choice([d for d, *_ in DIMENSIONS])
                    comments.append((dimension, rng.choice(_COMMENTS[lang][dimension])))
                key = hashlib.sha256(f"demo-{year}-{category}-{n}".encode()).hexdigest()
                submitted = _at(
                    opened + _days(rng.randint(0, (closed - opened).days)),
                    rng.randint(8, 18),
                    rng.randint(0, 59),
                )
                respondents.append(DemoRespondent(key, category, submitted, answers, comments))
        waves.append(DemoWave(str(year), opened, closed, dict(invited), respondents))
    return waves


# ---------------------------------------------------------------- self-evaluation


def _series(
    start: float, end: float, years: range, rng: random.Random, noise: float, decimals: int = 1
) -> dict[int, float]:
    span = years[-1] - years[0]
    return {
        year: round(start + (end - start) * (year - years[0]) / span + rng.gauss(0, noise), decimals)
        for year in years
    }


def _indicator_values(
    setups: list[DemoIndicatorSetup],
    trends: dict[str, tuple[float, float, float]],
    regions: list[DemoRegion],
    regional: set[str],
    rng: random.Random,
) -> list[DemoIndicatorValue]:
    """Yearly values 2018-2025 for the imported indicators, with counts where they are rates."""
    years = range(2018, 2026)
    values = []
    total_population = {y: sum(r.populations[min(y, 2024)] for r in regions) for y in years}
    for setup in setups:
        if setup.code not in trends:
            continue
        start, end, noise = trends[setup.code]
        for year, value in _series(start, end, years, rng, noise, 2).items():
            numerator = denominator = None
            if setup.code == "CASE_MANAGED":
                denominator = float(round(total_population[year] * 0.019))
                numerator = float(round(denominator * value / 100))
            values.append(
                DemoIndicatorValue(
                    setup.code, str(year), dt.date(year, 12, 31), value, None, numerator, denominator
                )
            )
            if setup.code not in regional:
                continue
            for region in regions:
                regional_value = round(value + rng.gauss(0, max(noise, 0.8) * 1.5), 2)
                numerator = denominator = None
                if setup.code == "CASE_MANAGED":
                    denominator = float(round(region.populations[min(year, 2024)] * 0.019))
                    numerator = float(round(denominator * regional_value / 100))
                values.append(
                    DemoIndicatorValue(
                        setup.code,
                        str(year),
                        dt.date(year, 12, 31),
                        regional_value,
                        region.code,
                        numerator,
                        denominator,
                    )
                )
    return values


_ASSESSORS = {
    "fr": [
        "Coordination",
        "Médecin généraliste",
        "Hôpital",
        "Mutualité",
        "Association de patients",
        "Pôle scientifique",
    ],
    "nl": ["Coördinatie", "Huisarts", "Ziekenhuis", "Ziekenfonds", "Patiëntenvereniging", "Kennisinstelling"],
}
_JUSTIFICATIONS = {
    "fr": [
        "Pas encore abordé dans le consortium.",
        "Quelques initiatives isolées.",
        "Plan défini, mise en œuvre débutante.",
        "Mis en œuvre dans une partie de la zone.",
        "Mis en œuvre dans toute la zone, suivi régulier.",
        "Pratique établie et évaluée.",
    ],
    "nl": [
        "Nog niet aangepakt in het consortium.",
        "Enkele losse initiatieven.",
        "Plan bepaald, uitvoering gestart.",
        "Uitgevoerd in een deel van de regio.",
        "Uitgevoerd in de hele regio, regelmatig opgevolgd.",
        "Gevestigde en geëvalueerde praktijk.",
    ],
}


def _maturity_rounds(
    rounds: list[tuple[str, dt.date, list[int]]], split: set[int], rng: random.Random, lang: str
) -> list[DemoMaturityRound]:
    result = []
    for name, held_on, levels in rounds:
        scores = []
        consensus = []
        for dimension, level in enumerate(levels, start=1):
            spread = 2 if dimension in split else 1
            dimension_scores = []
            for assessor in _ASSESSORS[lang]:
                score = min(5, max(0, level + rng.randint(-spread, spread)))
                dimension_scores.append(score)
                scores.append((assessor, dimension, score, _JUSTIFICATIONS[lang][score]))
            consensus.append((dimension, level, ""))
        result.append(DemoMaturityRound(name, held_on, scores, consensus))
    return result


def _attendees(
    names: list[str], partners: list[tuple[str, str]], rng: random.Random
) -> list[tuple[str, str]]:
    chosen = rng.sample([p for p, c in partners if c not in ("private",)], len(names))
    return list(zip(names, chosen, strict=True))


# ---------------------------------------------------------------- the two projects


def build_chronicopole(today: dt.date) -> DemoProject:
    rng = random.Random(2017_10_19)
    regions = [
        DemoRegion("HUY", "Huy – Condroz", ["huy-1"], _populations(61_402, 0.003)),
        DemoRegion("AMAY", "Amay – Meuse", ["huy-2"], _populations(52_118, 0.004)),
        DemoRegion("OURTHE", "Ourthe-Amblève", ["sprimont"], _populations(63_870, 0.005)),
        DemoRegion("VESDRE", "Fléron – Vesdre", ["fleron"], _populations(55_416, 0.001)),
    ]
    partners = list(chronicopole_plan.PARTNERS) + [
        (f"CPAS de {m}", "local_authority") for m in chronicopole_plan.CPAS_MUNICIPALITIES
    ]
    plan = _Plan(
        slug="chronicopole",
        strategic=chronicopole_plan.STRATEGIC_OBJECTIVES,
        operational=chronicopole_plan.OPERATIONAL_OBJECTIVES,
        actions=[(code, title, None) for code, title in chronicopole_plan.ACTIONS],
        ideas=[
            ("2.9.3", "Bilan de médication partagé entre médecin généraliste et pharmacien", False),
            ("2.5.4", "Application mobile propre au Chronicopôle pour le suivi des patients", True),
            ("2.10.5", "Repas à domicile préparés par une entreprise d'économie sociale", True),
            ("1.2.6", "Formation commune « BelRAI screener » pour les relais", False),
        ],
        idea_ages=[230, 220, 75, 40],
        fates={
            "5.1.1": "on_hold",
            "5.1.2": "stopped",
            "5.1.3": "late",
            "2.6.3": "on_hold",
            "2.7.2": "extended",
            "2.10.3": "as_planned",
            "2.5.3": "as_planned",
            "3.2.1": "done_late",
        },
        fate_weights={
            "done_on_time": 0.30,
            "done_late": 0.24,
            "extended": 0.17,
            "late": 0.09,
            "on_hold": 0.05,
            "stopped": 0.05,
            "starting_soon": 0.10,
        },
        meetings=[
            (dt.date(2018, 3, 15), "Comité de pilotage – lancement du plan d'action"),
            (dt.date(2019, 6, 13), "Comité de pilotage – juin 2019"),
            (dt.date(2021, 3, 18), "Comité de pilotage – révision du plan"),
            (dt.date(2023, 10, 19), "Comité de pilotage – transition"),
            (-150, "Comité de pilotage – printemps"),
            (-30, "Comité de pilotage – automne"),
            (16, "Comité de pilotage – décembre"),
        ],
        scripts=[
            _Script(0, "3.2.1", "go", "La plateforme TETRYS est retenue comme outil commun."),
            _Script(
                1,
                "2.5.3",
                "conditional_go",
                "Dépistage utile pour la strate 1; dépend de la convention hospitalière.",
                conditions="Convention avec le service de pneumologie du CHRH signée.",
                conditions_met=True,
                then=[(90, "status", "in_progress"), (90, "actual_start", "__day__")],
            ),
            _Script(
                2, "5.2.1", "no_go", "Doublon de l'action 5.1.1 : la redistribution est traitée dans 5.1."
            ),
            _Script(
                2, "5.2.2", "no_go", "Doublon de l'action 5.1.2 : la redistribution est traitée dans 5.1."
            ),
            _Script(
                2, "5.2.3", "no_go", "Doublon de l'action 5.1.3 : la redistribution est traitée dans 5.1."
            ),
            _Script(
                3,
                "5.1.3",
                "postponed",
                "En attente du cadre fédéral de financement après la phase pilote.",
                review_on=dt.date(2024, 6, 30),
            ),
            _Script(
                3,
                "2.10.3",
                "conditional_go",
                "Besoin confirmé par la stratification; financement encore incertain.",
                conditions="Cofinancement régional (AViQ) confirmé par écrit.",
            ),
            _Script(4, "2.9.3", "go", "Réponse directe à la polymédication, priorité de la stratification."),
            _Script(4, "2.5.4", "no_go", "Les applications existantes (Helena, Cozo) couvrent le besoin."),
            _Script(4, "2.6.3", "go", "Relance de la fédération des associations de patients."),
            _Script(
                4,
                "2.6.3",
                "postponed",
                "Le comité attend le plan de la LUSS avant de relancer l'action.",
                review_in_days=16,
                supersedes=9,
                correction_reason="Erreur d'encodage : le comité a reporté l'action, il n'a pas donné de go.",
            ),
            _Script(
                5,
                "2.7.2",
                "postponed",
                "Plan de mobilité à revoir avec les communes après les élections.",
                review_in_days=12,
            ),
            _Script(
                5,
                "2.10.5",
                "conditional_go",
                "Projet d'économie sociale soutenu par le CPAS.",
                conditions="Accord de la cuisine de collectivité du CPAS de Huy.",
            ),
        ],
    )
    objectives, actions, lives = _build_portfolio(plan, regions, partners, rng, today, 0.2)
    attendees = _attendees(
        [
            "Anne Lambert",
            "Marc Dubois",
            "Sophie Renard",
            "Jean-Luc Hennen",
            "Nathalie Collard",
            "Pierre Lejeune",
            "Isabelle Marchal",
            "Olivier Thiry",
            "Catherine Wauters",
            "Julie Gérard",
            "Thomas Delvaux",
        ],
        partners,
        rng,
    )
    meetings, decisions = _build_governance(
        plan, actions, lives, attendees, rng, today, {r.code: r.name for r in regions}
    )
    setups = [
        DemoIndicatorSetup(
            "POLYPHARMACY", 24.8, "2018", 20.0, "2026", "Pôle scientifique", ["2.9.1", "2.9.2", "2.9.3"]
        ),
        DemoIndicatorSetup("GMD_COVERAGE", 79.5, "2018", 90.0, "2026", "Cercles MG", ["1.2.4", "2.11.1"]),
        DemoIndicatorSetup(
            "GP_AFTER_DISCHARGE", 41.0, "2018", 60.0, "2026", "Coordination", ["1.3.1", "1.3.2", "2.10.1"]
        ),
        DemoIndicatorSetup("CASE_MANAGED", 12.0, "2018", 45.0, "2026", "Coordination", ["2.11.1"]),
        DemoIndicatorSetup("PACIC", 3.1, "2018", 3.6, "2026", "Pôle scientifique", ["2.3.2"]),
        DemoIndicatorSetup(
            "AVOIDABLE_ADMISSIONS", 14.2, "2018", 12.0, "2026", "Coordination", ["2.10.1", "2.11.1"]
        ),
        DemoIndicatorSetup(
            "WORK_DISABILITY", 8.9, "2018", 8.0, "2026", "Pôle scientifique", ["2.8.2", "2.8.3"]
        ),
        DemoIndicatorSetup("PROVIDER_WORKLOAD", 38.0, "2019", 30.0, "2026", "Pôle scientifique"),
        # Computed by the app: the loader sets the baseline to its computed 2018 value.
        DemoIndicatorSetup("SE_SHARE", 23.4, "2018", 25.0, "2026", "Coordination"),
        DemoIndicatorSetup("ACTIONS_ON_TIME", None, "", 70.0, "2026", "Coordination"),
        DemoIndicatorSetup("PARTNER_SATISFACTION", 3.5, "2020", 4.0, "2026", "Coordination"),
    ]
    trends = {  # first value, last value (2025), noise
        "POLYPHARMACY": (24.8, 20.7, 0.3),
        "GMD_COVERAGE": (79.5, 88.6, 0.5),
        "GP_AFTER_DISCHARGE": (41.0, 52.0, 1.2),
        "CASE_MANAGED": (12.0, 41.0, 1.5),
        "PACIC": (3.1, 3.56, 0.04),
        "AVOIDABLE_ADMISSIONS": (14.2, 13.6, 0.25),
        "WORK_DISABILITY": (8.9, 9.3, 0.1),
        "PROVIDER_WORKLOAD": (38.0, 35.0, 1.0),
    }
    return DemoProject(
        slug="chronicopole",
        name="Chronicopôle",
        region_label="Liège-Huy-Waremme",
        population=232_806,
        target_group_size=22_640,
        level_names={
            "fr": ["Objectif stratégique", "Objectif opérationnel", "Action"],
            "nl": ["Strategische doelstelling", "Operationele doelstelling", "Actie"],
            "en": ["Strategic objective", "Operational objective", "Action"],
        },
        stratum_labels=None,
        social_entrepreneurship_target=0.25,
        starts_on=dt.date(2018, 1, 1),
        ends_on=dt.date(2024, 12, 31),
        regions=regions,
        partners=partners,
        objectives=objectives,
        actions=actions,
        meetings=meetings,
        decisions=decisions,
        waves=_build_waves(partners, "fr", (2020, 2022, 2024)),
        risk_counts=_risk_counts(regions, rng, {"OURTHE": 0.01, "HUY": 0.006, "VESDRE": 0.012}),
        indicators=setups,
        indicator_values=_indicator_values(
            setups, trends, regions, {"GMD_COVERAGE", "POLYPHARMACY", "CASE_MANAGED"}, rng
        ),
        indicator_comments=[
            (
                "POLYPHARMACY",
                "Pôle scientifique",
                _at(dt.date(2024, 3, 12)),
                "La baisse est plus lente que prévu : STOPP/START n'est appliqué que dans deux "
                "cercles. Proposition : bilan de médication partagé MG-pharmacien (action 2.9.3).",
            ),
            (
                "POLYPHARMACY",
                "Coordination",
                _at(today - _days(140)),
                "Action 2.9.3 approuvée; premiers bilans attendus au printemps.",
            ),
            (
                "CASE_MANAGED",
                "Coordination",
                _at(dt.date(2023, 11, 2)),
                "Progression nette depuis l'orientation systématique vers les case managers.",
            ),
        ],
        maturity_rounds=_maturity_rounds(
            [
                ("2019", dt.date(2019, 5, 16), [2, 2, 1, 1, 1, 1, 2, 1, 1, 2, 1, 1]),
                ("2023", dt.date(2023, 5, 25), [3, 3, 2, 2, 1, 2, 3, 2, 3, 2, 2, 3]),
            ],
            {3, 5},
            rng,
            "fr",
        ),
    )


def build_empact(today: dt.date) -> DemoProject:
    rng = random.Random(2016_04_19)
    regions = [
        DemoRegion("IEP", "Ieper", ["ieper"], _populations(62_400, 0.002)),
        DemoRegion("POP", "Poperinge", ["poperinge"], _populations(41_800, 0.001)),
        DemoRegion("DIK", "Diksmuide", ["veurne"], _populations(38_600, 0.000)),
        DemoRegion("ROE", "Roeselare", ["roeselare"], _populations(97_300, 0.006)),
        DemoRegion("IZE", "Izegem", ["izegem"], _populations(58_900, 0.003)),
        DemoRegion("TIE", "Tielt", ["tielt"], _populations(61_000, 0.002)),
    ]
    plan = _Plan(
        slug="empact",
        strategic=empact_plan.STRATEGIC_OBJECTIVES,
        operational=empact_plan.OPERATIONAL_OBJECTIVES,
        actions=list(empact_plan.ACTIONS),
        ideas=[
            ("3.3.5", "Tijdsbank uitbreiden naar vrijwilligers uit de buurt", True),
            ("1.3.5", "Gedeeld zorgplan toegankelijk voor mantelzorgers", False),
            ("2.4.5", "Sociale onderneming voor vervoer van mantelzorgers", True),
            ("3.1.6", "Buurtzorgteam Ieper-Centrum", True),
        ],
        idea_ages=[210, 200, 60, 25],
        fates={
            "1.2.4": "as_planned",
            "3.2.2": "as_planned",
            "1.3.4": "stopped",
            "2.2.4": "late",
            "3.4.2": "extended",
            "1.1.5": "extended",
        },
        fate_weights={
            "done_on_time": 0.27,
            "done_late": 0.22,
            "extended": 0.22,
            "late": 0.08,
            "on_hold": 0.05,
            "stopped": 0.05,
            "starting_soon": 0.11,
        },
        meetings=[
            (dt.date(2018, 2, 22), "Stuurgroep – opstart actieprogramma's"),
            (dt.date(2019, 9, 19), "Stuurgroep – september 2019"),
            (dt.date(2021, 5, 20), "Stuurgroep – tussentijdse evaluatie"),
            (dt.date(2023, 6, 15), "Stuurgroep – overgangsfase"),
            (-160, "Stuurgroep – voorjaar"),
            (-35, "Stuurgroep – najaar"),
            (18, "Stuurgroep – december"),
        ],
        scripts=[
            _Script(
                0,
                "1.2.4",
                "conditional_go",
                "Nachtzorg is een duidelijke nood; sociale onderneming moet nog opgericht worden.",
                conditions="Oprichting van de vzw en een businessplan voor 3 jaar.",
                conditions_met=True,
                then=[(120, "status", "in_progress"), (120, "actual_start", "__day__")],
            ),
            _Script(
                1,
                "3.2.2",
                "go",
                "Domotica-pilot in twee zorgregio's.",
                then=[(45, "status", "in_progress"), (45, "actual_start", "__day__")],
            ),
            _Script(
                2, "1.3.4", "no_go", "Het Vitalink-platform wordt uitgefaseerd; koppeling niet meer zinvol."
            ),
            _Script(
                3,
                "2.2.4",
                "postponed",
                "Wachten op de terugbetalingsregeling voor telemonitoring.",
                review_on=dt.date(2024, 3, 31),
            ),
            _Script(
                3,
                "3.4.2",
                "conditional_go",
                "Verlenging in de overgangsfase.",
                conditions="Engagement van twee maatwerkbedrijven voor 2025.",
            ),
            _Script(4, "3.3.5", "go", "Tijdsbank werkt; uitbreiding naar buurtvrijwilligers."),
            _Script(4, "1.3.5", "no_go", "Valt onder het Vlaamse project rond het gedeelde zorgplan."),
            _Script(4, "1.1.5", "go", "Verlenging van het mobiel transmuraal team."),
            _Script(
                4,
                "1.1.5",
                "postponed",
                "De stuurgroep wacht op de evaluatie van het eerste jaar.",
                review_in_days=18,
                supersedes=7,
                correction_reason="Verkeerd geregistreerd: de stuurgroep heeft uitgesteld.",
            ),
            _Script(
                5,
                "2.4.5",
                "conditional_go",
                "Vervoer is de grootste drempel voor mantelzorgers.",
                conditions="Samenwerking met de vrijwilligerspool vervoer.",
            ),
        ],
    )
    objectives, actions, lives = _build_portfolio(plan, regions, empact_plan.PARTNERS, rng, today, 0.45)
    attendees = _attendees(
        [
            "Els Vandenberghe",
            "Pieter Declercq",
            "Lieve Desmet",
            "Koen Verhaeghe",
            "Ann Vanhoutte",
            "Bart Demeyere",
            "Sofie Vermeulen",
            "Wim Lefevere",
            "Katrien Debruyne",
            "Joris Maes",
            "Griet Coussens",
        ],
        empact_plan.PARTNERS,
        rng,
    )
    meetings, decisions = _build_governance(
        plan, actions, lives, attendees, rng, today, {r.code: r.name for r in regions}
    )
    setups = [
        # Computed by the app: the loader sets the baseline to its computed 2018 value.
        DemoIndicatorSetup("SE_SHARE", 42.3, "2018", 50.0, "2026", "Coördinatie"),
        DemoIndicatorSetup(
            "GP_AFTER_DISCHARGE", 47.0, "2018", 65.0, "2026", "Coördinatie", ["1.1.1", "1.1.2", "1.1.3"]
        ),
        DemoIndicatorSetup(
            "POLYPHARMACY", 23.1, "2018", 19.0, "2026", "Kennisinstelling", ["1.4.1", "1.4.2", "1.4.3"]
        ),
        DemoIndicatorSetup("GMD_COVERAGE", 84.0, "2018", 92.0, "2026", "Huisartsenkringen"),
        DemoIndicatorSetup("CASE_MANAGED", 18.0, "2018", 50.0, "2026", "Coördinatie", ["1.2.1", "1.2.3"]),
        DemoIndicatorSetup(
            "AVOIDABLE_ADMISSIONS", 13.1, "2018", 11.5, "2026", "Coördinatie", ["1.1.4", "2.2.1", "2.2.2"]
        ),
        DemoIndicatorSetup("PACIC", 3.2, "2018", 3.7, "2026", "Kennisinstelling", ["2.1.1", "2.1.3"]),
        DemoIndicatorSetup("PROVIDER_WORKLOAD", 35.0, "2019", 28.0, "2026", "Kennisinstelling"),
        DemoIndicatorSetup("ACTIONS_ON_TIME", None, "", 70.0, "2026", "Coördinatie"),
        DemoIndicatorSetup("PARTNER_SATISFACTION", 3.5, "2020", 4.0, "2026", "Coördinatie"),
    ]
    trends = {
        "GP_AFTER_DISCHARGE": (47.0, 63.5, 1.0),
        "POLYPHARMACY": (23.1, 20.2, 0.3),
        "GMD_COVERAGE": (84.0, 87.5, 0.6),
        "CASE_MANAGED": (18.0, 46.0, 1.5),
        "AVOIDABLE_ADMISSIONS": (13.1, 13.3, 0.2),
        "PACIC": (3.2, 3.62, 0.04),
        "PROVIDER_WORKLOAD": (35.0, 39.0, 1.0),
    }
    return DemoProject(
        slug="empact",
        name="EMPACT",
        region_label="Midden-West-Vlaanderen",
        population=360_000,
        target_group_size=None,
        level_names={
            "fr": ["Programme d'action", "Ligne d'action", "Action"],
            "nl": ["Actieprogramma", "Actielijn", "Actie"],
            "en": ["Action programme", "Action line", "Action"],
        },
        stratum_labels={
            "0": {
                "fr": "Cat. 1 · Autonome, sans soins",
                "nl": "Cat. 1 · Zelfstandig, geen zorg",
                "en": "Cat. 1 · Independent, no care",
            },
            "1": {
                "fr": "Cat. 2 · Autonome, peu de soins",
                "nl": "Cat. 2 · Zelfstandig, weinig zorg",
                "en": "Cat. 2 · Independent, little care",
            },
            "2": {
                "fr": "Cat. 3 · À domicile avec soins",
                "nl": "Cat. 3 · Thuis met zorg",
                "en": "Cat. 3 · At home with care",
            },
            "3": {
                "fr": "Cat. 4 · Très dépendant, résidentiel",
                "nl": "Cat. 4 · Zwaar zorgafhankelijk, residentieel",
                "en": "Cat. 4 · Highly dependent, residential",
            },
        },
        social_entrepreneurship_target=0.5,
        starts_on=dt.date(2018, 1, 1),
        ends_on=dt.date(2024, 12, 31),
        regions=regions,
        partners=list(empact_plan.PARTNERS),
        objectives=objectives,
        actions=actions,
        meetings=meetings,
        decisions=decisions,
        waves=_build_waves(empact_plan.PARTNERS, "nl", (2020, 2022, 2024)),
        risk_counts=_risk_counts(regions, rng, {"DIK": 0.012, "POP": 0.009, "IEP": 0.004}),
        indicators=setups,
        indicator_values=_indicator_values(
            setups, trends, regions, {"GP_AFTER_DISCHARGE", "POLYPHARMACY", "CASE_MANAGED"}, rng
        ),
        indicator_comments=[
            (
                "PROVIDER_WORKLOAD",
                "Kennisinstelling",
                _at(dt.date(2024, 2, 8)),
                "Werkdruk stijgt, vooral in de thuisverpleging. Voorstel: minder vergaderingen, "
                "meer digitaal overleg.",
            ),
            (
                "GP_AFTER_DISCHARGE",
                "Coördinatie",
                _at(dt.date(2023, 9, 14)),
                "Ontslagcoördinatoren in de drie ziekenhuizen maken het verschil.",
            ),
        ],
        maturity_rounds=_maturity_rounds(
            [
                ("2019", dt.date(2019, 4, 25), [2, 2, 2, 1, 1, 2, 2, 2, 1, 3, 2, 1]),
                ("2023", dt.date(2023, 4, 27), [3, 3, 3, 2, 2, 2, 3, 3, 2, 4, 3, 2]),
            ],
            {5, 6},
            rng,
            "nl",
        ),
    )
