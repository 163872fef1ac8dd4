"""Serializers that only document the insight API for drf-spectacular."""

from rest_framework import serializers

from insights.knowledge import EVIDENCE_LEVELS, MODALITIES, MODIFIER_NOTES


class ReferenceOut(serializers.Serializer):
    citation = serializers.CharField()
    doi = serializers.CharField(required=False)
    pmid = serializers.CharField(required=False)


class ExerkineNoteOut(serializers.Serializer):
    exerkine = serializers.CharField()
    direction = serializers.ChoiceField(choices=["up", "down"])
    claim = serializers.CharField(help_text="The popular claim, as the table states it.")
    summary = serializers.CharField(help_text="What the research supports, in plain words.")
    evidence = serializers.ChoiceField(choices=EVIDENCE_LEVELS)
    references = ReferenceOut(many=True)


class ModifierNoteOut(serializers.Serializer):
    code = serializers.ChoiceField(choices=sorted(MODIFIER_NOTES))
    claim = serializers.CharField()
    summary = serializers.CharField()
    evidence = serializers.ChoiceField(choices=EVIDENCE_LEVELS)
    references = ReferenceOut(many=True)


class ModalityScoreOut(serializers.Serializer):
    modality = serializers.ChoiceField(choices=MODALITIES)
    score = serializers.FloatField(min_value=0, max_value=1)


class InsightOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["pending", "ready"])
    classifier_version = serializers.CharField(required=False)
    primary = serializers.ChoiceField(choices=MODALITIES, required=False)
    modalities = ModalityScoreOut(many=True, required=False)
    rationale = serializers.ListField(child=serializers.CharField(), required=False)
    features = serializers.DictField(required=False)
    tags = serializers.ListField(child=serializers.CharField(), required=False)
    exerkines = ExerkineNoteOut(many=True, required=False)
    modifiers = ModifierNoteOut(many=True, required=False)
    disclaimer = serializers.CharField()
