"""Read-only SQL over the catalogue's frames (polars' SQLContext, never the database).

Only SELECT / WITH, only the catalogue's tables, a row limit and a time limit. The frames hold
counts already suppressed with their margins; the result is checked once more: when the query
names a column of persons or respondents, every integer (or whole-number) value of 1-4 in the
result becomes null, since it may be a sum or difference of such counts."""

from __future__ import annotations

import concurrent.futures
import re

import polars as pl

from dashboard.errors import InvalidInput
from dashboard.services.access import Actor
from dashboard.services.explore.catalogue import SurveyLabels, catalogue
from models.vocab import SMALL_CELL_THRESHOLD

ROW_LIMIT = 10_000
TIME_LIMIT_SECONDS = 10.0
_LEADING = re.compile(r"^\s*(select|with)\b", re.IGNORECASE)
_WRITES = re.compile(
    r"\b(insert|update|delete|drop|create|alter|copy|attach|pragma|install|load|truncate|explain|show)\b",
    re.I,
)
_FILE_READERS = re.compile(r"\bread_\w+\s*\(", re.IGNORECASE)
_MISSING_TABLE = re.compile(r"relation '([^']+)' was not found", re.IGNORECASE)
_EXECUTOR = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="explore-sql")


class QueryError(InvalidInput):
    """A query refused or failed; its message is one line for the user."""


def _check_statement(query: str) -> str:
    statement = query.strip().rstrip(";").strip()
    if not statement or not _LEADING.match(statement):
        raise QueryError("explore.sql.only_select")
    if ";" in statement:
        raise QueryError("explore.sql.one_statement")
    if _WRITES.search(_without_strings(statement)):
        raise QueryError("explore.sql.only_select")
    if _FILE_READERS.search(_without_strings(statement)):
        raise QueryError("explore.sql.no_files")
    return statement


def _without_strings(statement: str) -> str:
    return re.sub(r"'(?:[^']|'')*'", "''", statement)


_TABLE_REF = re.compile(r"\b(?:from|join)\s+([A-Za-z_][\w.]*|\"[^\"]+\")", re.IGNORECASE)
_CTE = re.compile(r"(?:\bwith|,)\s*([A-Za-z_]\w*)\s+as\s*\(", re.IGNORECASE)


def _tables_of(statement: str) -> set[str]:
    text = _without_strings(statement)
    ctes = {name.lower() for name in _CTE.findall(text)}
    refs = {name.strip('"').lower() for name in _TABLE_REF.findall(text)}
    return refs - ctes


def names_counts(statement: str, count_columns: set[str]) -> bool:
    words = {word.lower() for word in re.findall(r"[A-Za-z_]\w*", _without_strings(statement))}
    return bool(words & {column.lower() for column in count_columns})


def _small_number(column: str, threshold: int) -> pl.Expr:
    value = pl.col(column)
    return value.is_between(1, threshold - 1) & (value == value.round(0))


def hide_small_counts(result: pl.DataFrame, threshold: int = SMALL_CELL_THRESHOLD) -> pl.DataFrame:
    """Null every whole-number value of 1 to threshold-1 in the result's numeric columns."""
    numeric = [name for name, dtype in result.schema.items() if dtype.is_numeric()]
    return result.with_columns(
        pl.when(_small_number(c, threshold)).then(None).otherwise(pl.col(c)).alias(c) for c in numeric
    )


def _collect(context: pl.SQLContext, statement: str, row_limit: int) -> pl.DataFrame:
    return context.execute(statement, eager=False).limit(row_limit + 1).collect()


def run_query(
    frames: dict[str, pl.DataFrame],
    query: str,
    count_columns: set[str],
    row_limit: int = ROW_LIMIT,
    time_limit: float = TIME_LIMIT_SECONDS,
) -> tuple[pl.DataFrame, bool]:
    """The query's result and whether it was cut at `row_limit` rows; small counts hidden when
    the query names one of `count_columns`."""
    statement = _check_statement(query)
    tables = set(frames)
    for table in sorted(_tables_of(statement) - tables):
        _refuse_table(table, tables)
    context = pl.SQLContext(frames=frames)
    future = _EXECUTOR.submit(_collect, context, statement, row_limit)
    try:
        result = future.result(timeout=time_limit)
    except concurrent.futures.TimeoutError as exc:
        raise QueryError("explore.sql.too_slow", seconds=int(time_limit)) from exc
    except (pl.exceptions.PolarsError, ValueError, TypeError) as exc:
        missing = _MISSING_TABLE.search(str(exc))
        if missing:
            _refuse_table(missing.group(1), tables)
        raise QueryError("explore.sql.bad_sql", detail=_first_line(exc)) from exc
    shown = result.head(row_limit)
    if names_counts(statement, count_columns):
        shown = hide_small_counts(shown)
    return shown, result.height > row_limit


def _refuse_table(table: str, tables: set[str]) -> None:
    raise QueryError("explore.sql.unknown_table", table=table, tables=", ".join(sorted(tables)))


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def query(
    actor: Actor,
    text: str,
    lang: str = "en",
    row_limit: int = ROW_LIMIT,
    label_surveys: SurveyLabels | None = None,
) -> tuple[pl.DataFrame, bool]:
    """Run `text` over the actor's catalogue (Permission.explore; `label_surveys` as in `catalogue`)."""
    datasets = catalogue(actor, lang, label_surveys)
    frames = {name: dataset.frame for name, dataset in datasets.items()}
    counts = {column for dataset in datasets.values() for column in dataset.count_columns}
    return run_query(frames, text, counts, row_limit=row_limit)
