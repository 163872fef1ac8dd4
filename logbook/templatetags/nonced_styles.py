"""`{% nonced_styles %}…{% endnonced_styles %}`: the enclosed markup's inline style
attributes as a stylesheet with the request's CSP nonce (logbook.common.styles)."""

from django import template
from django.utils.safestring import mark_safe

from logbook.common.styles import styles_as_sheet

register = template.Library()


@register.tag
def nonced_styles(parser: template.base.Parser, token: template.base.Token) -> template.Node:
    nodelist = parser.parse(("endnonced_styles",))
    parser.delete_first_token()
    return NoncedStylesNode(nodelist)


class NoncedStylesNode(template.Node):
    def __init__(self, nodelist: template.NodeList) -> None:
        self.nodelist = nodelist

    def render(self, context: template.Context) -> str:
        sheet, body = styles_as_sheet(self.nodelist.render(context), context["request"].csp_nonce)
        return mark_safe(sheet + body)  # the enclosed templates' own markup
