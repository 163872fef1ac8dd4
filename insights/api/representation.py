"""An insight as the API (and the web pages) show it, notes drawn from the knowledge base."""

from typing import Any

from insights.knowledge import (
    DISCLAIMER,
    MODALITY_SLUGS,
    modifier_notes,
    notes_for,
    references_for,
    science_path,
)
from insights.models import Insight

CLASSIFICATION_PAGE = science_path("classification")


def pending() -> dict[str, Any]:
    return {"status": "pending", "disclaimer": DISCLAIMER}


def insight_to_dict(insight: Insight) -> dict[str, Any]:
    modalities = insight.qualifying or [insight.primary]
    refs = insight.rationale_refs or [[] for _ in insight.rationale]
    return {
        "status": "ready",
        "classifier_version": insight.classifier_version,
        "primary": insight.primary,
        "modalities": insight.modalities,
        "rationale": insight.rationale,
        # Per rationale line, what backs it: the references, and the page of the rules.
        "rationale_references": [[ref.as_dict() for ref in references_for(keys)] for keys in refs],
        # The same as keys of docs/science.md: R… references, §… the sections of its rules.
        "rationale_basis": refs,
        "features": insight.features,
        "tags": insight.tags,
        "exerkines": [
            note.as_dict() for note in notes_for(modalities, long="long" in insight.tags)
        ],
        "modifiers": [note.as_dict() for note in modifier_notes(insight.modifiers)],
        "science_url": science_path(MODALITY_SLUGS[insight.primary]),
        "classification_url": CLASSIFICATION_PAGE,
        "disclaimer": DISCLAIMER,
    }
