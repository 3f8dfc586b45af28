"""Previous / next page in the menu's order, for the keyboard's page steps."""

from dashboard.navigation import neighbours, visible_pages


def test_the_first_page_has_no_previous_and_the_last_no_next():
    pages = visible_pages("viewer")
    assert neighbours("viewer", pages[0].url_path) == (None, pages[1])
    assert neighbours("viewer", pages[-1].url_path) == (pages[-2], None)


def test_a_page_the_role_does_not_see_is_skipped():
    admin_only = [p for p in visible_pages("admin") if p not in visible_pages("viewer")]
    assert admin_only
    for page in visible_pages("viewer"):
        before, after = neighbours("viewer", page.url_path)
        assert before not in admin_only and after not in admin_only


def test_a_page_outside_the_menu_has_no_neighbours():
    assert neighbours("viewer", "no-such-page") == (None, None)
