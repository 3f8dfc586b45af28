"""Reading a table of any spelling (data_loaders.tabular), the crashes the importer property
tests found (tests/db/test_importer_properties.py): each is now a located refusal or a read."""

from __future__ import annotations

import pytest

from data_loaders.population import parse_population_table
from data_loaders.problems import UnreadableFile
from data_loaders.tabular import CELL_LIMIT, decode, read_table


def test_a_cell_over_the_limit_is_refused_naming_its_line():
    content = b"code,title\n1,ok\n2," + b"x" * (CELL_LIMIT + 1) + b"\n"
    with pytest.raises(UnreadableFile) as refused:
        read_table(content, "plan.csv")
    assert refused.value.key == "problem.cell_too_long"
    assert refused.value.params == {"file": "plan.csv", "line": 3, "limit": CELL_LIMIT}


def test_a_header_cell_over_the_limit_is_refused_too():
    with pytest.raises(UnreadableFile) as refused:
        read_table(b"x" * (CELL_LIMIT + 1) + b"\n1\n", "plan.csv")
    assert refused.value.key == "problem.cell_too_long" and refused.value.params["line"] == 1


def test_a_population_table_with_a_cell_over_the_limit_is_refused():
    content = b"NIS code;Totaal\n33011;" + b"9" * (CELL_LIMIT + 1) + b"\n"
    with pytest.raises(UnreadableFile) as refused:
        parse_population_table(content, "pop.csv")
    assert refused.value.key == "problem.cell_too_long" and refused.value.params["line"] == 2


def test_a_utf16_table_with_its_byte_order_mark_is_read():
    """Excel's 'Unicode text' export: UTF-16 LE with a BOM, tab separated."""
    content = "code\ttitle\n1.1.1\tBuurtteam Kessel-Lo é\n".encode("utf-16")
    table = read_table(content, "plan.txt")
    assert table.columns == ["code", "title"]
    assert table.rows == [{"code": "1.1.1", "title": "Buurtteam Kessel-Lo é"}]
    assert decode(b"\xfe\xff\x00a") == ("a", "utf-16")  # big-endian


def test_a_utf8_byte_order_mark_followed_by_other_bytes_is_not_a_crash():
    text, encoding = decode(b"\xef\xbb\xbfcode\xe9\n")
    assert encoding == "cp1252" and text.endswith("codeé\n")
