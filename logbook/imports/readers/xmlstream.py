"""Streaming XML for the readers of TCX, GPX and Apple Health files (all can be large).

Parsing goes through defusedxml: a file that declares entities (billion laughs, quadratic
blow-up, external ones naming a file on the server or a URL) is refused as soon as the
declaration is read, before anything is expanded or fetched; an external DTD is never
fetched (expat does not load it). Nesting deeper than
`ImportContext.max_xml_depth` is refused as it is read, so no path of a million open
elements is built. A file cut short or damaged gives what was read before the damage and
a note saying so (`stream_elements`).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import iterparse

from logbook.imports.readers.common import ImportContext, ImportFailed, RowError, file_size

ENTITIES_REFUSED = (
    "The file declares XML entities, which Myolog neither expands nor fetches (they are how "
    "'billion laughs' files exhaust a server and external entities read its files); "
    "export the file again from the app."
)


def local_name(tag: str) -> str:
    """ "{http://www.garmin.com/...}Lap" → "Lap"."""
    return tag.rsplit("}", 1)[-1]


def child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def child_text(element: Element, *path: str) -> str:
    """The text at a path of local names below `element`, or ""."""
    node: Element | None = element
    for name in path:
        node = child(node, name) if node is not None else None
    return (node.text or "").strip() if node is not None else ""


def stream_elements(
    source: BinaryIO,
    root_name: str,
    wanted: str,
    what: str,
    ctx: ImportContext,
    shrink: dict[str, Callable[[Element], None]] | None = None,
) -> Iterator[Element | RowError]:
    """Yield each complete `wanted` element, then free it, in bounded memory.

    Top-level children are cleared once finished, so a file of millions of records never
    sits in memory. `shrink` maps local names of elements inside a wanted one (a track
    point) to a function that reduces the finished element to what the reader needs, so
    an activity of 100,000 points keeps 100,000 small elements, not their subtrees.

    A file cut short or damaged (not well-formed past some point) gives what was read
    before the damage: the finished elements, then the one being read when it came (its
    start tag and finished children: an activity cut mid-track keeps the track so far),
    then a `CutShort` note saying so, as a truncated FIT file does. Damage before any wanted
    element began refuses the file, and so does the job when nothing before the damage
    made a workout (`CutShort.refusal`).
    """
    size = file_size(source)
    _skip_leading_space(source)
    limit = ctx.max_xml_depth
    depth = 0
    root: Element | None = None
    current: Element | None = None  # the wanted element being read
    yielded = False
    try:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                depth += 1
                if depth > limit:
                    raise ImportFailed(
                        f"The XML is nested more than {limit} levels deep, the limit "
                        f"(IMPORT_MAX_XML_DEPTH); {what} is never that deep."
                    )
                if root is None:
                    root = element
                    if local_name(element.tag) != root_name:
                        raise ImportFailed(f"Not {what}: the document is <{element.tag}>.")
                elif current is None and local_name(element.tag) == wanted:
                    current = element
                continue
            depth -= 1
            name = local_name(element.tag)
            if element is current:
                current = None
                yielded = True
                yield element
                element.clear()
            elif shrink and name in shrink:
                shrink[name](element)
            if depth == 1 and root is not None:
                root.clear()  # drop finished top-level children (records, activities)
                if size:
                    ctx.report(min(source.tell() / size, 1.0))
    except EntitiesForbidden:
        raise ImportFailed(ENTITIES_REFUSED) from None
    except DefusedXmlException as error:
        raise ImportFailed(f"The XML uses a feature Myolog refuses: {error}.") from None
    except ParseError as error:
        if root is None or not (yielded or current is not None):
            raise ImportFailed(f"Not well-formed XML ({what}): {error}.") from None
        if current is not None:
            yield current
        line, column = getattr(error, "position", (0, 0))
        yield CutShort(
            None,
            f"The file ({what}) is cut short or damaged at line {line}, column {column + 1}: "
            "what could be read before that point is imported.",
            refused=False,
            refusal=f"Not well-formed XML ({what}): cut short or damaged at line {line}, "
            f"column {column + 1}, before any workout in it could be read.",
        )
        return
    except (LookupError, ValueError) as error:  # LookupError: unknown encoding
        raise ImportFailed(f"Not well-formed XML ({what}): {error}.") from None
    if root is None:
        raise ImportFailed(f"The file is empty, not {what}.")


@dataclass(frozen=True)
class CutShort(RowError):
    """The note of a file cut short or damaged, where expat stopped; `refusal` is the
    file's refusal when nothing before that point made a workout (`jobs._read_file`)."""

    refusal: str = ""


def _skip_leading_space(source: BinaryIO) -> None:
    """Strava writes its TCX files with spaces before the XML declaration, which XML forbids;
    start the parse at the first other byte."""
    head = source.read(4096)
    source.seek(len(head) - len(head.lstrip(b" \t\r\n")) if head.strip() else 0)
