"""Inline `style="…"` attributes as a stylesheet the Content-Security-Policy allows.

The weekly report is written once, inline-styled, because mail clients ignore stylesheets;
on the web the same markup would need `style-src 'unsafe-inline'`. Instead each distinct
attribute becomes a rule of a `<style>` element carrying the request's CSP nonce, and the
element gets `data-style` naming the rule. `!important` keeps the attribute's precedence
over the site's stylesheet, as it had inline.
"""

import hashlib
import re
from html import unescape

# Django escapes `"` in every value it writes, so text a user entered never matches.
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')


def styles_as_sheet(html: str, nonce: str) -> tuple[str, str]:
    """(a `<style nonce>` element, `html` without style attributes); ("", html) if none."""
    rules: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        css = unescape(match[1])
        key = hashlib.sha256(css.encode()).hexdigest()[:10]
        rules[key] = css
        return f' data-style="{key}"'

    body = _STYLE_ATTRIBUTE.sub(swap, html)
    if not rules:
        return "", html
    sheet = "".join(f'[data-style="{key}"]{{{_important(css)}}}' for key, css in rules.items())
    sheet = sheet.replace("<", "\\3c ")  # never `</style>` inside the element
    return f'<style nonce="{nonce}">{sheet}</style>', body


def _important(css: str) -> str:
    declarations = (d.strip() for d in css.split(";"))
    return "".join(f"{d} !important;" for d in declarations if d)
