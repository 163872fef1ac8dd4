"""The examples of docs/api.md as data: parsed, sent to the app, compared with what it
answers, and checked against the served OpenAPI schema.

The conventions are the ones the page explains under "Reading the examples": an `http`
block is a request; the next line starting with `→ ` gives the status; a `json`, `text` or
`csv` block right after that line is the documented body. `$NAME` in a request is a
variable; in a body, `"<kind>"` matches any value of that kind, `"<kind as $NAME>"` also
remembers it, `"$NAME"` must equal a remembered value (inside a longer string, its text),
`"..."` ending a list means more items may follow, and objects may carry more keys.
"""

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email import message_from_bytes
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl, quote, urlsplit

from jsonschema import Draft202012Validator, FormatChecker

FENCE = re.compile(r"^```([a-z]*)[^\n]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
STATUS_LINE = re.compile(r"^→ (\d{3})\b", re.MULTILINE)
VARIABLE = re.compile(r"\$([A-Z][A-Z0-9_]*)")
PLACEHOLDER = re.compile(r"<(id|number|string|datetime|date|url|any)(?: as \$([A-Z][A-Z0-9_]*))?>")
MORE = "..."
BODY_KINDS = ("json", "text", "csv")
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


class GuideError(Exception):
    """The page breaks its own conventions (a request without a status, a stray body)."""


@dataclass(frozen=True)
class Request:
    line: int
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: str


@dataclass(frozen=True)
class Example:
    request: Request
    status: int
    kind: str | None  # json, text or csv; None when the page shows no body
    body: str


@dataclass
class Exchange:
    """One example as sent (variables filled in) and as answered."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    content_type: str
    body: bytes
    status: int = 0
    response_type: str = ""
    response_body: bytes = b""
    variables: dict[str, Any] = field(default_factory=dict)

    def response_json(self) -> Any:
        return json.loads(self.response_body) if self.response_body else None


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def examples(text: str) -> list[Example]:
    """Every request of the page with its documented answer, in page order."""
    fences = list(FENCE.finditer(text))
    found: list[Example] = []
    used: set[int] = set()
    for index, fence in enumerate(fences):
        if fence.group(1) != "http":
            continue
        line = line_of(text, fence.start())
        request = parse_request(fence.group(2), line)
        after = fences[index + 1] if index + 1 < len(fences) else None
        between = text[fence.end() : after.start() if after else len(text)]
        status = STATUS_LINE.search(between)
        if status is None:
            raise GuideError(f"line {line}: a request without a '→ <status>' line after it")
        rest = between[status.end() :].split("\n", 1)[1] if "\n" in between[status.end() :] else ""
        kind, body = None, ""
        if after is not None and after.group(1) in BODY_KINDS and not rest.strip():
            kind, body = after.group(1), after.group(2)
            used.add(index + 1)
        found.append(Example(request, int(status.group(1)), kind, body))
    for index, fence in enumerate(fences):
        if index not in used and fence.group(1) in BODY_KINDS:
            body = fence.group(2)
            if PLACEHOLDER.search(body) or re.search(r'"\$[A-Z]', body):
                line = line_of(text, fence.start())
                raise GuideError(f"line {line}: placeholders in a block that is no answer")
    return found


def parse_request(block: str, line: int) -> Request:
    head, _, body = block.partition("\n\n")
    first, *header_lines = head.strip("\n").split("\n")
    method, _, target = first.partition(" ")
    if method not in METHODS or not target.strip():
        raise GuideError(f"line {line}: expected 'METHOD /path' first, got {first!r}")
    headers = []
    for header in header_lines:
        name, sep, value = header.partition(":")
        if not sep:
            raise GuideError(f"line {line}: not a header: {header!r}")
        headers.append((name.strip(), value.strip()))
    return Request(line, method, target.strip(), tuple(headers), body.rstrip("\n"))


def fill(text: str, variables: dict[str, Any], *, encode: bool = False) -> str:
    def value(match: re.Match) -> str:
        name = match.group(1)
        if name not in variables:
            raise GuideError(f"${name} is used before an answer set it")
        raw = str(variables[name])
        return quote(raw, safe="") if encode else raw

    return VARIABLE.sub(value, text)


def prepare(request: Request, variables: dict[str, Any]) -> Exchange:
    """The request with its variables filled in; a variable in a query string is
    percent-encoded, and a full URL (a `next` link) keeps only its path and query."""
    path, sep, query = request.target.partition("?")
    target = fill(path, variables) + (sep + fill(query, variables, encode=True) if sep else "")
    url = urlsplit(target)
    headers = {name: fill(value, variables) for name, value in request.headers}
    content_type = headers.pop("Content-Type", "")
    body = fill(request.body, variables)
    if content_type.startswith("multipart/"):
        body = body.replace("\r\n", "\n").replace("\n", "\r\n") + "\r\n"
    return Exchange(
        method=request.method,
        path=url.path,
        query=parse_qsl(url.query, keep_blank_values=True),
        headers=headers,
        content_type=content_type,
        body=body.encode(),
        variables=variables,
    )


# --- Comparing a documented body with the real one ------------------------------------------


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_datetime(value: Any) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


def _is_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return isinstance(value, str) and len(value) == 10


KINDS = {
    "id": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1,
    "number": _is_number,
    "string": lambda v: isinstance(v, str),
    "datetime": _is_datetime,
    "date": _is_date,
    "url": lambda v: isinstance(v, str) and v.startswith(("http://", "https://")),
    "any": lambda v: True,
}


def match(expected: Any, actual: Any, variables: dict[str, Any], path: str = "") -> list[str]:
    """What differs between a documented JSON body and the real one (empty: they match).
    Placeholders that name a variable remember the real value in `variables`."""
    where = path or "the body"
    if isinstance(expected, str):
        placeholder = PLACEHOLDER.fullmatch(expected)
        if placeholder:
            kind, name = placeholder.groups()
            if not KINDS[kind](actual):
                return [f"{where}: expected {expected}, got {actual!r}"]
            if name:
                variables[name] = actual
            return []
        variable = re.fullmatch(r"\$([A-Z][A-Z0-9_]*)", expected)
        if variable:
            if variable.group(1) not in variables:
                return [f"{where}: {expected} was never set"]
            expected = variables[variable.group(1)]
        elif VARIABLE.search(expected):
            try:
                expected = fill(expected, variables)
            except GuideError as error:
                return [f"{where}: {error}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: expected an object, got {actual!r}"]
        problems = []
        for key, value in expected.items():
            if key not in actual:
                problems.append(f"{path}.{key}".lstrip(".") + ": missing")
            else:
                problems += match(value, actual[key], variables, f"{path}.{key}".lstrip("."))
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: expected a list, got {actual!r}"]
        more = bool(expected) and expected[-1] == MORE
        shown = expected[:-1] if more else expected
        if len(actual) < len(shown) or (not more and len(actual) != len(shown)):
            return [f"{where}: expected {len(shown)}{'+' if more else ''} items, got {len(actual)}"]
        problems = []
        for i, value in enumerate(shown):
            problems += match(value, actual[i], variables, f"{path}[{i}]")
        return problems
    if _is_number(expected):
        if _is_number(actual) and math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9):
            return []
    elif type(expected) is type(actual) and expected == actual:
        return []
    return [f"{where}: expected {expected!r}, got {actual!r}"]


def match_text(expected: str, actual: str) -> list[str]:
    """Line by line; `<kind>` placeholders match any text, a last line `...` allows more."""
    shown = expected.splitlines()
    more = bool(shown) and shown[-1] == MORE
    shown = shown[:-1] if more else shown
    lines = actual.splitlines()
    if len(lines) < len(shown) or (not more and len(lines) != len(shown)):
        return [f"expected {len(shown)}{'+' if more else ''} lines, got {len(lines)}"]
    problems = []
    for number, (want, got) in enumerate(zip(shown, lines, strict=False), start=1):
        pattern = ".*?".join(re.escape(part) for part in PLACEHOLDER.split(want)[::3])
        if not re.fullmatch(pattern, got):
            problems.append(f"line {number}: expected {want!r}, got {got!r}")
    return problems


# --- The OpenAPI schema as JSON Schema --------------------------------------------------------


def json_schema(node: Any) -> Any:
    """OpenAPI 3.0's `nullable` as JSON Schema's null type; the rest carries over."""
    if isinstance(node, list):
        return [json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    converted = {key: json_schema(value) for key, value in node.items() if key != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


FORMATS = FormatChecker(formats=())
FORMATS.checks("date-time")(lambda v: not isinstance(v, str) or _is_datetime(v))
FORMATS.checks("date")(lambda v: not isinstance(v, str) or _is_date(v))


def _leaves(error: Any) -> list[Any]:
    """A value that fits no branch of an anyOf/oneOf (a nullable list, say) is reported by
    the branch of its own type, down to the fields at fault, not as "not valid under any"."""
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    own = [e for e in error.context if not (e.validator == "type" and not e.relative_path)]
    return [leaf for e in own for leaf in _leaves(e)] or [error]


class Schema:
    """The served schema: which operation a request is, and whether bodies fit it."""

    def __init__(self, document: dict[str, Any]):
        self.document = document
        self.components = json_schema(document.get("components", {}))
        self.paths = {}
        for template, item in document["paths"].items():
            pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
            self.paths[template] = (re.compile(pattern), item)

    def operations(self) -> set[tuple[str, str]]:
        return {
            (method.upper(), template)
            for template, (_, item) in self.paths.items()
            for method in item
            if method.upper() in METHODS
        }

    def find(self, method: str, path: str) -> tuple[str, dict, dict[str, str]] | None:
        for template, (pattern, item) in self.paths.items():
            found = pattern.fullmatch(path)
            if found and method.lower() in item:
                return template, item[method.lower()], found.groupdict()
        return None

    def errors(self, schema: dict[str, Any], value: Any) -> list[str]:
        root = {"components": self.components, "allOf": [json_schema(schema)]}
        validator = Draft202012Validator(root, format_checker=FORMATS)
        return [
            f"{'.'.join(map(str, e.absolute_path)) or 'the body'}: {e.message}"
            for error in validator.iter_errors(value)
            for e in _leaves(error)
        ]

    def check_request(self, exchange: Exchange) -> list[str]:
        found = self.find(exchange.method, exchange.path)
        if found is None:
            return [f"{exchange.method} {exchange.path} is not in the schema"]
        template, operation, path_values = found
        parameters = {(p["in"], p["name"]): p for p in operation.get("parameters", [])}
        problems = []
        given = [("path", k, v) for k, v in path_values.items()]
        given += [("query", k, v) for k, v in exchange.query]
        given += [("header", k, v) for k, v in exchange.headers.items()]
        for place, name, raw in given:
            parameter = parameters.get((place, name))
            if parameter is None:
                if place != "header":
                    problems.append(f"{place} parameter {name} is not in the schema")
                continue
            value = _typed(raw, parameter.get("schema", {}))
            problems += [f"{name}: {e}" for e in self.errors(parameter.get("schema", {}), value)]
        if exchange.body:
            content = operation.get("requestBody", {}).get("content", {})
            media = exchange.content_type.split(";")[0].strip()
            if media not in content:
                problems.append(f"request body {media} is not in the schema for {template}")
            else:
                problems += self.errors(content[media]["schema"], _request_value(exchange))
        return problems

    def check_response(self, exchange: Exchange) -> list[str]:
        found = self.find(exchange.method, exchange.path)
        if found is None:
            return []  # reported by check_request
        template, operation, _ = found
        documented = operation["responses"].get(str(exchange.status))
        if documented is None:
            return [f"the schema gives no {exchange.status} for {exchange.method} {template}"]
        content = documented.get("content")
        if not content:
            return [] if not exchange.response_body else ["a body where the schema has none"]
        media = exchange.response_type.split(";")[0].strip()
        if media not in content:
            return [f"response type {media} is not in the schema for {template}"]
        if media != "application/json":
            return []
        return self.errors(content[media]["schema"], exchange.response_json())


def _typed(raw: str, schema: dict[str, Any]) -> Any:
    """A path, query or header value as the type its schema names."""
    kind = schema.get("type")
    try:
        if kind == "integer":
            return int(raw)
        if kind == "number":
            return float(raw)
    except ValueError:
        return raw
    if kind == "boolean":
        return {"true": True, "1": True, "false": False, "0": False}.get(raw.lower(), raw)
    return raw


def _request_value(exchange: Exchange) -> Any:
    if exchange.content_type.startswith("multipart/form-data"):
        head = f"Content-Type: {exchange.content_type}\r\n\r\n".encode()
        message = message_from_bytes(head + exchange.body, policy=HTTP)
        return {
            part.get_param("name", header="content-disposition"): (
                "<file>" if part.get_filename() else part.get_content().strip()
            )
            for part in message.iter_parts()
        }
    if exchange.content_type.startswith("application/octet-stream"):
        return exchange.body.decode()  # a chunk of a file: the schema's binary string
    return json.loads(exchange.body)
