"""Typed errors raised by services. Each carries a catalogue key and its parameters, so that a
page can show it translated and the CLI can print it in English."""

from __future__ import annotations

from dataclasses import dataclass, field


class DashboardError(Exception):
    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)

    def message(self, lang: str = "en") -> str:
        from dashboard.i18n import t

        return t(self.key, lang=lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class PermissionDenied(DashboardError):
    key = "error.permission_denied"


class NotFound(DashboardError):
    key = "error.not_found"


class InvalidInput(DashboardError):
    """Bad input to a command (CLI argument, form field) that is not a file."""

    key = "error.invalid_input"


class ConflictError(DashboardError):
    """Someone else changed the record since it was read (optimistic locking)."""

    key = "error.conflict"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a submitted value: where it is, what it was, what was expected.

    For files, `file`, `line` and `column` locate it; for forms, `record` names the record
    (e.g. an action's code) and `column` the field.
    """

    key: str  # catalogue key of the explanation
    params: dict = field(default_factory=dict)
    file: str = ""
    line: int | None = None
    column: str = ""
    record: str = ""
    value: str = ""

    def message(self, lang: str = "en") -> str:
        from dashboard.i18n import t

        where = []
        if self.file:
            where.append(self.file)
        if self.line is not None:
            where.append(t("problem.line", lang=lang, line=self.line))
        if self.record:
            where.append(self.record)
        if self.column:
            where.append(t("problem.column", lang=lang, column=self.column))
        text = t(self.key, lang=lang, **self.params)
        if self.value != "":
            text = f"{text} {t('problem.value', lang=lang, value=self.value)}"
        return f"{', '.join(where)}: {text}" if where else text


class ValidationFailed(DashboardError):
    """One or more problems with submitted data; nothing was written."""

    key = "error.validation_failed"

    def __init__(self, problems: list[Problem], key: str | None = None, **params: object) -> None:
        self.problems = problems
        super().__init__(key, count=len(problems), **params)

    def message(self, lang: str = "en") -> str:
        head = super().message(lang)
        return "\n".join([head, *(f"- {p.message(lang)}" for p in self.problems)])
