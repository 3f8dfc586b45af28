"""Projects (consortia): listing, creation, and their per-project vocabulary (level names,
stratum labels)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import func, select

from dashboard.errors import ConflictError, InvalidInput, NotFound
from dashboard.i18n import current_language, t
from dashboard.permissions import Permission
from dashboard.services.unit_of_work import mark_changed, write_scope
from dashboard.services.access import Actor, require
from data_loaders.fields import is_one_line
from models.db import session_scope
from models.tables import Membership, Project, User
from models.vocab import LANGUAGES, Area, RiskStratum

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,62}$")


@dataclass(frozen=True)
class ProjectInfo:
    id: int
    slug: str
    name: str
    region_label: str
    population: int | None
    target_group_size: int | None
    social_entrepreneurship_target: float | None
    starts_on: dt.date | None
    ends_on: dt.date | None
    is_demo: bool
    data_version: int
    level_names: dict | None
    stratum_labels: dict | None
    area_versions: dict[str, int]  # {area: its data version}, see vocab.Area
    settings_version: int = 1  # the project row's version (optimistic locking of the settings)

    def version(self, *areas: Area) -> tuple[int, ...]:
        """The data versions of `areas`: the key under which a page caches a read that shows
        those areas' data (a write elsewhere leaves it cached)."""
        return tuple(self.area_versions[area] for area in areas)

    def level_name(self, level: int, lang: str | None = None) -> str:
        """Name of hierarchy level 1 (strategic), 2 (operational) or 3 (action)."""
        lang = lang or current_language()
        if self.level_names and lang in self.level_names:
            return self.level_names[lang][level - 1]
        return t(f"level.{level}", lang=lang)

    def stratum_label(self, stratum: int, lang: str | None = None) -> str:
        lang = lang or current_language()
        custom = (self.stratum_labels or {}).get(str(stratum))
        if custom and custom.get(lang):
            return custom[lang]
        return t(f"stratum.{stratum}", lang=lang)


def _info(project: Project) -> ProjectInfo:
    return ProjectInfo(
        id=project.id,
        slug=project.slug,
        name=project.name,  # type: ignore[arg-type]
        region_label=project.region_label,
        population=project.population,
        target_group_size=project.target_group_size,
        social_entrepreneurship_target=project.social_entrepreneurship_target,
        starts_on=project.starts_on,
        ends_on=project.ends_on,
        is_demo=project.is_demo,
        data_version=project.data_version,
        level_names=project.level_names,
        stratum_labels=project.stratum_labels,
        area_versions={area.value: getattr(project, f"{area}_version") for area in Area},
        settings_version=project.version,
    )


def list_projects() -> list[ProjectInfo]:
    with session_scope() as session:
        return [_info(p) for p in session.exec(select(Project).order_by(Project.name))]


def get_project(slug: str) -> ProjectInfo:
    with session_scope() as session:
        project = session.exec(select(Project).where(Project.slug == slug)).first()
        if project is None:
            raise NotFound("error.unknown_project", project=slug)
        return _info(project)


def count_projects() -> int:
    with session_scope() as session:
        return session.exec(select(func.count()).select_from(Project)).one()


def create_project(
    slug: str, name: str, *, region_label: str = "", population: int | None = None
) -> ProjectInfo:
    """Create an empty project. Run from the command line (server administration)."""
    if not SLUG_PATTERN.match(slug):
        raise InvalidInput("error.bad_slug", slug=slug)
    if not name.strip():
        raise InvalidInput("error.empty_name")
    if not is_one_line(name.strip()):
        raise InvalidInput("admin.error.label_line_break", label=name.strip())
    with session_scope() as session:
        if session.exec(select(Project).where(Project.slug == slug)).first():
            raise InvalidInput("error.project_exists", project=slug)
        project = Project(slug=slug, name=name.strip(), region_label=region_label, population=population)
        session.add(project)
        session.flush()
        return _info(project)


LABEL_MAX_LENGTH = 80


def update_project_settings(
    actor: Actor,
    *,
    social_entrepreneurship_target: float | None,
    target_group_size: int | None,
    stratum_labels: dict[int, dict[str, str]],
    version: int | None = None,
) -> ProjectInfo:
    """Set the project's social-entrepreneurship target (a share, 0..1), the size of its target
    group and its own names of the risk strata ({stratum: {language: label}}; a blank label
    keeps the catalogue's). Admins only. `version`: the settings' version the user saw
    (`ProjectInfo.settings_version`); a save over newer settings is refused (ConflictError)."""
    require(actor, Permission.manage_project)
    if social_entrepreneurship_target is not None and not 0 <= social_entrepreneurship_target <= 1:
        raise InvalidInput("admin.error.bad_share", value=social_entrepreneurship_target)
    if target_group_size is not None and target_group_size < 0:
        raise InvalidInput("admin.error.negative_count", value=target_group_size)
    labels: dict[str, dict[str, str]] = {}
    for stratum, by_language in stratum_labels.items():
        if stratum not in {s.value for s in RiskStratum}:
            raise InvalidInput("admin.error.unknown_stratum", stratum=stratum)
        kept = {
            lang: text.strip()
            for lang, text in by_language.items()
            if lang in LANGUAGES and text and text.strip()
        }
        for text in kept.values():
            if len(text) > LABEL_MAX_LENGTH:
                raise InvalidInput("admin.error.label_too_long", label=text, limit=LABEL_MAX_LENGTH)
            if not is_one_line(text):
                raise InvalidInput("admin.error.label_line_break", label=text)
        if kept:
            labels[str(stratum)] = kept
    # Each stratum's name is a column heading and a legend entry: two strata named alike in a
    # language could not be told apart (and a table cannot have two columns of one name).
    for lang in LANGUAGES:
        names = [
            labels.get(str(s.value), {}).get(lang) or t(f"stratum.{s.value}", lang=lang) for s in RiskStratum
        ]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise InvalidInput("admin.error.stratum_twice", label=twice[0])
    try:
        with write_scope(actor, Permission.manage_project) as session:
            project = session.get(Project, actor.project_id)
            if project is None:
                raise NotFound("error.unknown_project", project=actor.project_slug)
            if version is not None and project.version != version:
                raise ConflictError("error.settings_conflict", project=project.name)
            wanted = (social_entrepreneurship_target, target_group_size, labels or None)
            if wanted != (
                project.social_entrepreneurship_target,
                project.target_group_size,
                project.stratum_labels,
            ):
                project.social_entrepreneurship_target = social_entrepreneurship_target
                project.target_group_size = target_group_size
                project.stratum_labels = labels or None
                session.add(project)
                session.flush()  # the version check happens here
                mark_changed(session)
    except StaleDataError:  # saved by someone else between our read and our write
        raise ConflictError("error.settings_conflict", project=actor.project_slug) from None
    return get_project(actor.project_slug)  # as committed, with its new data versions


@dataclass(frozen=True)
class MembershipInfo:
    project: ProjectInfo
    role: str


def memberships_of(username: str) -> list[MembershipInfo]:
    """The projects a user belongs to, with the user's role in each, by project name."""
    with session_scope() as session:
        rows = session.exec(
            select(Project, Membership.role)
            .join(Membership, Membership.project_id == Project.id)
            .join(User, User.id == Membership.user_id)
            .where(User.username == username, User.is_active == True)  # noqa: E712
            .order_by(Project.name)
        ).all()
        return [MembershipInfo(_info(project), role) for project, role in rows]
