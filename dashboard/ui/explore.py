"""What the Explore page draws: the dataset chooser, the pivot (its state in the URL), the SQL
tab, and the downloads (CSV, XLSX, Parquet) of what is shown, small counts suppressed."""

from __future__ import annotations

import io

import polars as pl
import streamlit as st

from dashboard.presenters.partners import results_labelled
from dashboard.charts.explore import pivot_chart
from dashboard.errors import DashboardError
from dashboard.i18n import t
from dashboard.permissions import Permission
from dashboard.presenters import explore as presenter
from dashboard.services.explore import sql
from dashboard.services.explore.catalogue import NAMES, Dataset
from dashboard.services.explore.pivot import (
    AGGREGATES,
    ROWS_COUNT,
    VALUE,
    PivotSpec,
    filter_options,
    groupable,
    measures,
    pivot_frame,
    valid_spec,
)
from dashboard.services.exports import to_csv_bytes, to_xlsx_bytes
from dashboard.ui.components import (
    XLSX_MIME,
    chart,
    chart_downloads,
    chart_spec,
    logged_export,
    show_error,
    show_table,
)
from dashboard.ui.context import PageContext

PARAMS = ("ds", "rows", "cols", "measure", "agg", "fcol", "fval")


def _param(name: str) -> str | None:
    value = st.query_params.get(name)
    return value if isinstance(value, str) and len(value) < 200 else None


def choose_dataset(context: PageContext) -> str:
    asked = _param("ds")
    name = st.selectbox(
        t("explore.dataset"),
        NAMES,
        index=NAMES.index(asked) if asked in NAMES else 0,
        format_func=lambda n: presenter.dataset_label(n, context.lang),
    )
    st.query_params["ds"] = name
    return name


def _index(options: list, value: object) -> int:
    return options.index(value) if value in options else 0


def choose_pivot(context: PageContext, dataset: Dataset) -> PivotSpec:
    """The pivot's choices, read from and written back to the URL (a link reopens the view)."""
    lang = context.lang
    asked = valid_spec(
        dataset,
        PivotSpec(
            _param("rows") or "",
            _param("cols"),
            _param("measure") or ROWS_COUNT,
            _param("agg") or "count",
            _param("fcol"),
            tuple(v for v in st.query_params.get_all("fval") if len(v) < 200),
        ),
    )
    keys = groupable(dataset)
    label = lambda c: presenter.column_label(c, lang) if c else t("explore.none")  # noqa: E731
    left, middle, right, last = st.columns(4)
    rows = left.selectbox(t("explore.rows"), keys, index=_index(keys, asked.rows), format_func=label)
    others = [None, *[k for k in keys if k != rows]]
    columns = middle.selectbox(
        t("explore.columns"), others, index=_index(others, asked.columns), format_func=label
    )
    options = measures(dataset)
    measure = right.selectbox(
        t("explore.measure"), options, index=_index(options, asked.measure), format_func=label
    )
    aggregates = ["count"] if measure == ROWS_COUNT else [a for a in AGGREGATES if a != "count"]
    aggregate = last.selectbox(
        t("explore.aggregate"),
        aggregates,
        index=_index(aggregates, asked.aggregate),
        format_func=lambda a: t(f"explore.agg.{a}"),
    )
    fleft, fright = st.columns([1, 3])
    filters = [None, *keys]
    filter_column = fleft.selectbox(
        t("explore.filter"), filters, index=_index(filters, asked.filter_column), format_func=label
    )
    values: tuple[str, ...] = ()
    if filter_column:
        choices = filter_options(dataset, filter_column)
        values = tuple(
            fright.multiselect(
                t("explore.filter_values"),
                choices,
                default=[v for v in asked.filter_values if v in choices],
                format_func=lambda v: presenter.value_label(dataset.name, filter_column, v, lang) or "–",
            )
        )
    spec = valid_spec(dataset, PivotSpec(rows, columns, measure, aggregate, filter_column, values))
    _write_params(spec)
    return spec


def _write_params(spec: PivotSpec) -> None:
    wanted = {
        "rows": spec.rows,
        "cols": spec.columns,
        "measure": spec.measure,
        "agg": spec.aggregate,
        "fcol": spec.filter_column,
    }
    for name, value in wanted.items():
        if value:
            st.query_params[name] = value
        else:
            st.query_params.pop(name, None)
    if spec.filter_values:
        st.query_params["fval"] = list(spec.filter_values)
    else:
        st.query_params.pop("fval", None)


def pivot_view(context: PageContext, dataset: Dataset, spec: PivotSpec) -> None:
    lang = context.lang
    result = pivot_frame(dataset, spec)
    keys = spec.keys
    if result.height == 0:
        st.caption(t("common.empty"))
        return
    titles = {k: presenter.column_label(k, lang) for k in keys}
    measure = presenter.column_label(spec.measure, lang)
    titles[VALUE] = (
        measure if spec.measure == ROWS_COUNT else f"{t(f'explore.agg.{spec.aggregate}')} · {measure}"
    )
    spec_dict = chart_spec(pivot_chart(presenter.chart_frame(result, dataset.name, keys, lang), keys, titles))
    chart(spec_dict, key="explore_chart")
    basename = f"explore-{dataset.name}"
    chart_downloads(context, spec_dict, basename, key="explore_chart_files")
    table = presenter.pivot_table(result, dataset.name, keys, lang)
    show_table(table, hide_index=True, width="stretch")
    file_downloads(context, table, basename, "explore_pivot")


def file_downloads(context: PageContext, frame: pl.DataFrame, basename: str, key: str) -> None:
    """CSV, XLSX and Parquet of a frame already suppressed by the service."""
    if not context.can(Permission.download) or frame.height == 0:
        return
    row = st.container(horizontal=True, wrap=True)
    formats = (
        ("csv", t("common.download_csv"), "text/csv", to_csv_bytes),
        ("xlsx", t("common.download_xlsx"), XLSX_MIME, to_xlsx_bytes),
        ("parquet", t("explore.download_parquet"), "application/vnd.apache.parquet", _parquet),
    )
    for extension, label, mime, encode in formats:
        row.download_button(
            label,
            lambda extension=extension, encode=encode: logged_export(
                context, basename, extension, encode(frame)
            ),
            f"{basename}.{extension}",
            mime=mime,
            key=f"{key}_{extension}",
            icon=":material/download:",
            width="content",
        )


def _parquet(frame: pl.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.write_parquet(buffer)
    return buffer.getvalue()


def sql_view(context: PageContext, dataset: Dataset) -> None:
    st.caption(t("explore.sql.tables", tables=", ".join(NAMES), rows=f"{sql.ROW_LIMIT:_}".replace("_", ".")))
    example = f"SELECT * FROM {dataset.name} LIMIT 20"
    with st.form("explore_sql"):
        text = st.text_area(t("explore.sql.label"), value=example, height=120)
        run = st.form_submit_button(t("explore.sql.run"), icon=":material/play_arrow:")
    if not run and "explore_sql_result" not in st.session_state:
        return
    if run:
        try:
            st.session_state["explore_sql_result"] = sql.query(
                context.actor, text, context.lang, label_surveys=results_labelled
            )
        except DashboardError as error:
            st.session_state.pop("explore_sql_result", None)
            show_error(error)
            return
    result, cut = st.session_state["explore_sql_result"]
    if cut:
        st.caption(t("explore.sql.cut", rows=result.height))
    show_table(result, hide_index=True, width="stretch")
    file_downloads(context, result, "explore-sql", "explore_sql")
