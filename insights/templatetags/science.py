"""Filters for showing what backs a sentence: its reference numbers and its basis keys."""

from django import template

register = template.Library()


@register.filter
def cite(basis: tuple[str, ...], numbers: dict[str, int]) -> list[int]:
    """The page's reference numbers of a sentence's basis (R… keys only), in order."""
    return [numbers[key] for key in basis if key in numbers]


@register.filter
def basis(keys) -> str:
    """Basis keys as one attribute value (data-basis), for readers and tests alike."""
    return " ".join(keys or ())


@register.filter
def exerkine_path(name: str) -> str:
    """The science page of an exerkine, e.g. /science/il-6/."""
    from insights.knowledge import EXERKINE_SLUGS, science_path

    slug = EXERKINE_SLUGS.get(name)
    return science_path(slug) if slug else science_path("")


@register.filter
def lookup(mapping: dict | None, key: str):
    return (mapping or {}).get(key, "")


@register.filter
def zip_refs(lines: list, insight: dict) -> list:
    """Rationale lines with the references and basis keys of each (none for lines stored
    before they were kept)."""
    refs = list(insight.get("rationale_references") or [])
    keys = list(insight.get("rationale_basis") or [])
    return [
        (line, refs[i] if i < len(refs) else [], keys[i] if i < len(keys) else [])
        for i, line in enumerate(lines)
    ]


@register.filter
def rule_basis(code: str) -> str:
    """The basis keys of a weekly suggestion's rule (insights.weekly.RULE_BASIS)."""
    from insights.weekly import RULE_BASIS

    return " ".join(RULE_BASIS.get(code, ()))


@register.filter
def citation_keys(references: list[dict]) -> str:
    """The basis keys of references as the API shows them (by citation)."""
    from insights.knowledge import REFERENCES

    keys = {ref.citation: key for key, ref in REFERENCES.items()}
    return " ".join(keys.get(r.get("citation"), "?") for r in references or ())
