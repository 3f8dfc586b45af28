"""`benchmarks.run` (issue 12) measures and reports: a tiny demo-scale run of two pages and of the
risk comparison writes every figure with its budget and verdict, and the baselines it compares
the app's risk suppression to build the very cells the app builds. The national runs are not
part of the test suite (`python -m benchmarks.run --scale national ...`)."""

import json

from benchmarks import run


def _run(tmp_path, *args: str) -> dict:
    output = tmp_path / "latest.json"
    code = run.main(
        ["--scale", "demo", "--repeat", "1", "--cold-repeat", "1", "--output", str(output), *args]
    )
    assert code in (0, 1)  # 1: a figure over budget (the machine is shared)
    result = json.loads(output.read_text())
    assert result["scale"] == "demo" and result["machine"]["cpus"]
    return result


def test_pages_warm_and_cold_with_budgets(tmp_path, capsys):
    result = _run(tmp_path, "--only", "pages", "--pages", "home,risk_map")
    names = {f["name"] for f in result["figures"]}
    assert names == {
        f"{project}/{page} {kind}"
        for project in ("empact", "scale-300")
        for page in ("home", "risk_map")
        for kind in ("warm", "cold")
    }
    for figure in result["figures"]:
        assert figure["part"] == "pages" and figure["unit"] == "ms"
        assert figure["value"] > 0 and figure["runs"] == 1
        assert figure["budget"] == (250 if figure["name"].endswith("warm") else 3000)
        assert figure["verdict"] == ("ok" if figure["value"] < figure["budget"] else "OVER")
    printed = capsys.readouterr().out
    assert "empact/risk_map cold" in printed and "budget" in printed


def test_risk_baselines_build_the_apps_cells(tmp_path):
    result = _run(tmp_path, "--only", "risk")
    figures = {f["name"]: f for f in result["figures"]}
    assert "same cells in all three" in figures["60 regions: pandas baseline"]["note"]
    ratio = figures["60 regions: pandas time / app time"]
    assert ratio["budget"] == 5 and ratio["at_least"] and ratio["value"] > 0
    app = figures["60 regions: app (polars, primary+secondary)"]
    assert app["budget"] == 1 and app["value"] > 0
    assert "empact: load_risk_data (DB)" in figures


def test_browser_benchmark_reads_the_servers_messages():
    """The drawn-time benchmark waits for the server's "script finished" message and measures
    the map from the message that carries it (Streamlit's own protobuf)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    from benchmarks.measure_browser import Frames

    frames = Frames()
    finished = ForwardMsg()
    finished.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    early = ForwardMsg()
    early.script_finished = ForwardMsg.FINISHED_EARLY_FOR_RERUN
    deck = ForwardMsg()
    deck.delta.new_element.deck_gl_json_chart.json = '{"layers": ["é"]}'
    for message in (finished, early, deck):
        frames.received(message.SerializeToString())
    frames.received("not a protobuf")
    assert frames.finished == 1
    assert frames.deck_sizes == [len('{"layers": ["é"]}'.encode())]


def test_a_failing_page_is_reported_with_its_error():
    """A page that raises is a FAIL naming the error (not a redacted message, not a crash)."""
    from streamlit import config
    from streamlit.testing.v1 import AppTest

    from benchmarks.harness import Figure
    from benchmarks.measure_pages import PageFailed, check

    config.set_option("client.showErrorDetails", "full")
    at = AppTest.from_string("raise ValueError('too many rows\\nhint')").run()
    try:
        check(at)
    except PageFailed as failure:
        message = str(failure)
    assert message == "ValueError: too many rows"
    figure = Figure("pages", "p cold", None, "ms", 3000, error=message)
    assert figure.verdict == "FAIL" and figure.ok is False
