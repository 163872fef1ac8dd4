"""Serializers that only document the insight API for drf-spectacular."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

from insights.knowledge import EVIDENCE_LEVELS, MODALITIES, MODIFIER_NOTES


class ReferenceOut(serializers.Serializer):
    citation = serializers.CharField()
    doi = serializers.CharField(required=False)
    pmid = serializers.CharField(required=False)
    pmcid = serializers.CharField(required=False)
    url = serializers.URLField(required=False, help_text="DOI, PubMed or PMC link, if known.")


class ExerkineNoteOut(serializers.Serializer):
    exerkine = serializers.CharField()
    direction = serializers.ChoiceField(choices=["up", "down"])
    claim = serializers.CharField(help_text="The popular claim, as the table states it.")
    summary = serializers.CharField(help_text="What the research supports, in plain words.")
    evidence = serializers.ChoiceField(choices=EVIDENCE_LEVELS)
    references = ReferenceOut(many=True)
    science_url = serializers.CharField(help_text="The page explaining this molecule.")


class ModifierNoteOut(serializers.Serializer):
    code = serializers.ChoiceField(choices=sorted(MODIFIER_NOTES))
    claim = serializers.CharField()
    summary = serializers.CharField()
    evidence = serializers.ChoiceField(choices=EVIDENCE_LEVELS)
    references = ReferenceOut(many=True)
    science_url = serializers.CharField()


class ModalityScoreOut(serializers.Serializer):
    modality = serializers.ChoiceField(choices=MODALITIES)
    score = serializers.FloatField(min_value=0, max_value=1)


class InsightOut(serializers.Serializer):
    status = serializers.ChoiceField(choices=["pending", "ready"])
    classifier_version = serializers.CharField(required=False)
    primary = serializers.ChoiceField(choices=MODALITIES, required=False)
    modalities = ModalityScoreOut(many=True, required=False)
    rationale = serializers.ListField(child=serializers.CharField(), required=False)
    rationale_references = serializers.ListField(
        child=ReferenceOut(many=True),
        required=False,
        help_text="Per rationale line, the references its rule rests on.",
    )
    rationale_basis = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per rationale line, its basis as docs/science.md keys (R…, §2b …).",
    )
    features = serializers.DictField(required=False)
    tags = serializers.ListField(child=serializers.CharField(), required=False)
    exerkines = ExerkineNoteOut(many=True, required=False)
    modifiers = ModifierNoteOut(many=True, required=False)
    science_url = serializers.CharField(required=False, help_text="The page on this kind.")
    classification_url = serializers.CharField(
        required=False, help_text="How Myolog classifies sessions, with the evidence."
    )
    disclaimer = serializers.CharField()


WEEK = OpenApiParameter(
    "week",
    {"type": "string", "pattern": r"^(\d{4}-W\d{2}|current)$"},
    OpenApiParameter.PATH,
    description="ISO week such as 2026-W47, or `current`.",
)
WEEK_CURSOR = OpenApiParameter(
    "cursor",
    # ASCII digits ([0-9], not \d: a generator may read \d as any Unicode digit), weeks 01-53.
    {"type": "string", "pattern": r"^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$"},
    description="From the previous page's `next`.",
)


class Variety(serializers.Serializer):
    distinct_modalities = serializers.IntegerField()
    score = serializers.FloatField()


class Minutes(serializers.Serializer):
    moderate = serializers.IntegerField()
    vigorous = serializers.IntegerField()
    who_equivalent = serializers.IntegerField()
    strength_days = serializers.IntegerField()


class Load(serializers.Serializer):
    weekly = serializers.IntegerField()
    monotony = serializers.FloatField(allow_null=True, help_text="null when not defined (SD 0)")
    strain = serializers.FloatField(allow_null=True)
    acwr = serializers.FloatField(
        allow_null=True, help_text="This week against the 4-week average; descriptive only."
    )
    four_week_average = serializers.FloatField(
        allow_null=True, help_text="Of the trained weeks among the previous four (≥ 3 needed)."
    )
    to_date_average = serializers.FloatField(
        allow_null=True, help_text="While the week is in progress: their load by the same day."
    )
    compared = serializers.ChoiceField(
        choices=["to_date", "week"], allow_null=True, help_text="What `acwr` compares."
    )
    estimated = serializers.BooleanField()
    daily = serializers.ListField(child=serializers.IntegerField())


class RecommendationOut(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()
    references = ReferenceOut(many=True, required=False)


class WeekOut(serializers.Serializer):
    week = serializers.CharField()
    start = serializers.DateField()
    status = serializers.ChoiceField(choices=["pending", "ready"])
    in_progress = serializers.BooleanField(help_text="The week you are in: figures to date.")
    days_elapsed = serializers.IntegerField(min_value=1, max_value=7)
    sessions = serializers.IntegerField()
    modalities = serializers.DictField(child=serializers.IntegerField())
    variety = Variety()
    exerkines_touched = serializers.ListField(child=serializers.CharField())
    exerkine_evidence = serializers.DictField(
        child=serializers.ChoiceField(choices=EVIDENCE_LEVELS),
        help_text="The research's verdict for each molecule, the strongest of the week.",
    )
    minutes = Minutes()
    hard_sets_by_muscle = serializers.DictField(
        child=serializers.IntegerField(),
        help_text="Hard sets per primary muscle (docs/science.md 2a), most first.",
    )
    load = Load()
    recovery = serializers.DictField()
    block = serializers.ChoiceField(
        choices=["meet", "race", "taper", "deload"],
        allow_null=True,
        help_text="A deliberate block named by a session's title or notes.",
    )
    recommendations = RecommendationOut(many=True)


class WeekPage(serializers.Serializer):
    next = serializers.URLField(allow_null=True)
    results = WeekOut(many=True)
