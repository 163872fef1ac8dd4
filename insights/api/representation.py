"""An insight as the API (and the web pages) show it, notes drawn from the knowledge base."""

from typing import Any

from insights.knowledge import DISCLAIMER, modifier_notes, notes_for
from insights.models import Insight


def pending() -> dict[str, Any]:
    return {"status": "pending", "disclaimer": DISCLAIMER}


def insight_to_dict(insight: Insight) -> dict[str, Any]:
    modalities = insight.qualifying or [insight.primary]
    return {
        "status": "ready",
        "classifier_version": insight.classifier_version,
        "primary": insight.primary,
        "modalities": insight.modalities,
        "rationale": insight.rationale,
        "features": insight.features,
        "tags": insight.tags,
        "exerkines": [note.as_dict() for note in notes_for(modalities)],
        "modifiers": [note.as_dict() for note in modifier_notes(insight.modifiers)],
        "disclaimer": DISCLAIMER,
    }
