"""Streaming XML for the readers of TCX and Apple Health files (both can be large)."""

from collections.abc import Iterator
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError, iterparse

from logbook.imports.readers.common import ImportContext, ImportFailed


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
    source: BinaryIO, root_name: str, wanted: str, what: str, ctx: ImportContext
) -> Iterator[Element]:
    """Yield each complete `wanted` element, then free it, in constant memory.

    Elements are cleared once their parent's child is done, so a file of millions of
    records never sits in memory; expat neither fetches external entities nor expands
    nested entities without limit.
    """
    size = _size(source)
    depth = 0
    root: Element | None = None
    try:
        for event, element in iterparse(source, events=("start", "end")):
            if event == "start":
                depth += 1
                if root is None:
                    root = element
                    if local_name(element.tag) != root_name:
                        raise ImportFailed(f"Not {what}: the document is <{element.tag}>.")
                continue
            depth -= 1
            if local_name(element.tag) == wanted:
                yield element
                element.clear()
            if depth == 1 and root is not None:
                root.clear()  # drop finished top-level children (records, activities)
                if size:
                    ctx.report(min(source.tell() / size, 1.0))
    except (ParseError, LookupError, ValueError) as error:  # LookupError: unknown encoding
        raise ImportFailed(f"Not well-formed XML ({what}): {error}.") from None
    if root is None:
        raise ImportFailed(f"The file is empty, not {what}.")


def _size(source: BinaryIO) -> int:
    try:
        position = source.tell()
        end = source.seek(0, 2)
        source.seek(position)
        return end
    except (OSError, AttributeError):
        return 0
