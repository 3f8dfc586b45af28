"""Charts in the presentation view: larger type, as wide as the screen, data untouched."""

from dashboard.charts.theme import MIN_FONT_SIZE, PRESENTATION_SCALE, for_presentation


def _spec() -> dict:
    return {
        "width": 760,
        "config": {"axis": {"labelFontSize": 16, "titleFontSize": 17}, "title": {"fontSize": 20}},
        "layer": [{"mark": {"type": "text", "fontSize": 11}}],
        "datasets": {"d": [{"fontSize": 3}]},
    }


def test_every_font_size_grows_and_the_data_stays():
    shown = for_presentation(_spec())
    assert shown["config"]["axis"]["labelFontSize"] == round(16 * PRESENTATION_SCALE)
    assert shown["config"]["title"]["fontSize"] == round(20 * PRESENTATION_SCALE)
    assert shown["layer"][0]["mark"]["fontSize"] == round(MIN_FONT_SIZE * PRESENTATION_SCALE)
    assert shown["datasets"] == {"d": [{"fontSize": 3}]}


def test_a_fixed_width_chart_fills_the_screen():
    assert for_presentation(_spec())["width"] == "container"
    assert for_presentation({"width": 400, "height": 400})["width"] == 400
