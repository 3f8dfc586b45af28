"""The suppression benchmark runs (a tiny size here; `python -m benchmarks.bench_suppression`
measures the real ones) and its generated table is what the risk service suppresses: every
margin is the sum of its parts."""

import polars as pl

from benchmarks import bench_suppression


def test_generated_table_margins_add_up():
    table, totals = bench_suppression.stratum_table(3, years=2)
    inner = table.filter(
        pl.col("region_id") >= 0, pl.col("stratum") >= 0, pl.col("age_band") != "", pl.col("sex") != ""
    )
    grand = table.filter(
        pl.col("region_id") == -1, pl.col("stratum") == -1, pl.col("age_band") == "", pl.col("sex") == ""
    )
    assert inner.height == 3 * 4 * 10 * 2 * 2
    assert grand.sort("year")["persons"].to_list() == (
        inner.group_by("year").agg(pl.col("persons").sum()).sort("year")["persons"].to_list()
    )


def test_benchmark_prints_its_table(monkeypatch, capsys):
    monkeypatch.setattr("sys.argv", ["bench_suppression", "--regions", "2,4", "--repeat", "1"])
    assert bench_suppression.main() == 0
    out = capsys.readouterr().out
    assert "regions" in out.splitlines()[0]
    assert len(out.splitlines()) == 3
