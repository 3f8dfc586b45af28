"""Typed errors raised by services. Each carries a catalogue key and its parameters, so that a
page can show it translated and the CLI can print it in English."""

from __future__ import annotations

from data_loaders.problems import Problem


class DashboardError(Exception):
    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key, params)

    def message(self, lang: str = "en") -> str:
        from dashboard.i18n import message

        return message(self.key, lang=lang, **self.params)

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


def describe(problem: Problem, lang: str = "en") -> str:
    """A problem in words: where it is, then what is wrong and what was expected."""
    from dashboard.i18n import message, t

    where = []
    if problem.file:
        where.append(problem.file)
    if problem.line is not None:
        where.append(t("problem.line", lang=lang, line=problem.line))
    if problem.record:
        where.append(problem.record)
    if problem.column:
        where.append(t("problem.column", lang=lang, column=problem.column))
    text = message(problem.key, lang=lang, **problem.params)
    if problem.value != "":
        text = f"{text} {t('problem.value', lang=lang, value=problem.value)}"
    return f"{', '.join(where)}: {text}" if where else text


class ValidationFailed(DashboardError):
    """One or more problems with submitted data; nothing was written."""

    key = "error.validation_failed"

    def __init__(self, problems: list[Problem], key: str | None = None, **params: object) -> None:
        self.problems = problems
        super().__init__(key, count=len(problems), **params)

    def message(self, lang: str = "en") -> str:
        head = super().message(lang)
        return "\n".join([head, *(f"- {describe(p, lang)}" for p in self.problems)])
