"""A project at scale for the benchmarks: N actions over 6 care regions, created through the real
plan importer, then edited so that they have history (reschedulings and status changes)."""

from __future__ import annotations

import datetime as dt
import random

from dashboard.services.actions import edits as commands
from dashboard.services.access import cli_actor
from dashboard.services.actions.plan_import import apply_plan_import
from dashboard.services.actions.portfolio import actions_frame
from dashboard.services.admin.projects import create_project
from models.db import session_scope
from models.tables import CareRegion, Partner

REGIONS = ["Ieper", "Poperinge", "Diksmuide", "Roeselare", "Izegem", "Tielt"]
STATUSES = ["planned", "in_progress", "in_progress", "done", "done", "on_hold", "idea", "stopped"]


def create_scaled_project(slug: str, actions: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    project = create_project(slug, f"Scale test ({actions} actions)")
    with session_scope() as session:
        session.add_all(
            CareRegion(project_id=project.id, code=name[:3].upper(), name=name) for name in REGIONS
        )
        session.add_all(
            Partner(project_id=project.id, name=f"Partner {n}", category="first_line") for n in range(60)
        )
    lines = [
        "code,title,status,start,end,actual_start,actual_end,lead_partner,care_regions,"
        "social_entrepreneurship,target_stratum,budget_eur"
    ]
    per_objective = 6
    for n in range(actions):
        strategic = n // (per_objective * 5) + 1
        operational = (n // per_objective) % 5 + 1
        code = f"{strategic}.{operational}.{n % per_objective + 1}"
        start = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
        end = start + dt.timedelta(days=rng.randint(90, 1000))
        regions = "; ".join(rng.sample(REGIONS, rng.randint(1, 3)))
        status = rng.choice(STATUSES)
        # The plan importer wants the actual dates of what started or ended.
        actual_start = start if status not in {"idea", "planned"} else ""
        actual_end = end if status in {"done", "stopped"} else ""
        lines.append(
            f"{code},Action {code} with a title of a believable length for the "
            f"committee,{status},{start},{end},{actual_start},{actual_end},Partner "
            f'{rng.randint(0, 59)},"{regions}",{rng.choice(["yes", "no"])},'
            f"{rng.randint(0, 3)},{rng.randint(1, 60) * 500}"
        )
    actor = cli_actor(slug)
    apply_plan_import(actor, "\n".join(lines).encode(), f"{slug}.csv")
    frame = actions_frame(actor)
    edits = []
    for row in frame.sample(fraction=0.4, seed=seed).iter_rows(named=True):
        if row["planned_end"] is not None:
            edits.append(
                commands.ActionEdit(
                    row["id"],
                    row["version"],
                    {"planned_end": row["planned_end"] + dt.timedelta(days=rng.randint(30, 400))},
                )
            )
    commands.update_actions(actor, edits)
