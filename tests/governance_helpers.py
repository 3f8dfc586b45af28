"""Test set-up shared by the governance tests (services, pages)."""

from __future__ import annotations


from dashboard.services.governance import meetings
from dashboard.services.access import Actor
from dashboard import clock


def meeting_held_today(actor: Actor) -> int:
    """The demo's coming meeting, moved to today: decisions are only recorded on the day of
    their meeting, and the demo's next meeting is still to come."""
    today = clock.today()
    upcoming = meetings.default_meeting(meetings.meetings_list(actor), today)
    view = meetings.meeting_view(actor, upcoming)
    meetings.update_meeting(
        actor,
        upcoming,
        held_on=today,
        title=view.meeting["title"],
        location=view.meeting["location"],
        quorum_min=view.meeting["quorum_min"],
        attendees=view.attendees,
    )
    return upcoming
