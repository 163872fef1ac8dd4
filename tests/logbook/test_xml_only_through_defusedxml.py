"""Every XML the app parses goes through defusedxml: no module parses with the standard
library's parsers (or a library that does, such as gpxpy's `parse`) directly."""

import re
from pathlib import Path

import logbook

STDLIB_PARSING = re.compile(
    r"from xml\.etree\.ElementTree import .*\b(parse|iterparse|fromstring|XML\w*Parser)\b"
    r"|import xml\.(dom|sax)|from xml\.(dom|sax)|ElementTree\.(parse|iterparse|fromstring)\("
    r"|gpxpy\.parse\(|import lxml|from lxml"
)


def test_no_module_parses_xml_without_defusedxml():
    root = Path(logbook.__file__).parent
    offenders = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if STDLIB_PARSING.search(line)
    ]
    assert offenders == []
