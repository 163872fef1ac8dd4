"""The knowledge base: coverage of the exerkine table, verdicts, references, wording rules.

Plain functions, no database: insights.knowledge must not need Django.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from insights import knowledge
from insights.knowledge import (
    DISCLAIMER,
    EVIDENCE_LEVELS,
    MODALITIES,
    MODALITY_NOTES,
    MODIFIER_NOTES,
    NEVER_SHOW,
    REFERENCES,
    ExerkineNote,
    ModifierNote,
    Reference,
    modifier_notes,
    notes_for,
)
from tests.docs import SCIENCE_MD

# The modality-to-exerkine table of docs/science.md, as the popular articles state it.
TABLE = {
    "heavy_resistance": {("IL-6", "up"), ("IGF-1", "up"), ("myostatin", "down")},
    "high_volume": {("IL-6", "up"), ("irisin", "up"), ("BDNF", "up")},
    "hiit": {("IGF-1", "up"), ("FGF21", "up"), ("irisin", "up")},
    "endurance": {("IL-6", "up"), ("BDNF", "up"), ("FGF21", "up")},
}

ALL_NOTES = knowledge.all_exerkine_notes()
ALL_ITEMS = ALL_NOTES + list(MODIFIER_NOTES.values())
ALL_REFERENCES = {ref for item in ALL_ITEMS for ref in item.references}


def _item_id(item):
    if isinstance(item, ModifierNote):
        return f"modifier:{item.code}"
    return f"{item.exerkine}:{item.claim}"


def _note(modality, exerkine):
    matches = [note for note in MODALITY_NOTES[modality] if note.exerkine == exerkine]
    assert len(matches) == 1, f"{modality} should have exactly one {exerkine} note"
    return matches[0]


def _section_4_lines():
    """{"R1": "- R1 ✔ Pedersen BK, ...", ...} from docs/science.md section 4."""
    text = SCIENCE_MD.read_text(encoding="utf-8")
    _, sep, section = text.partition("\n## 4. References")
    assert sep, "docs/science.md has no section 4"
    lines = {}
    for line in section.splitlines():
        match = re.match(r"- (R\d+) ", line)
        if match:
            lines[match.group(1)] = line
    return lines


# --- Coverage of the table --------------------------------------------------------------------


def test_every_modality_has_an_entry_and_nothing_else():
    assert set(MODALITY_NOTES) == set(MODALITIES)
    assert MODALITIES == ("heavy_resistance", "high_volume", "hiit", "endurance", "general")


@pytest.mark.parametrize("modality", sorted(TABLE))
def test_each_table_modality_lists_every_exerkine_the_table_names(modality):
    present = {(note.exerkine, note.direction) for note in MODALITY_NOTES[modality]}
    missing = TABLE[modality] - present
    assert not missing, f"{modality} lacks notes for {sorted(missing)}"


@pytest.mark.parametrize("modality", MODALITIES)
def test_no_modality_has_two_notes_for_the_same_exerkine_and_direction(modality):
    keys = [(note.exerkine, note.direction) for note in MODALITY_NOTES[modality]]
    assert len(keys) == len(set(keys))


def test_general_sessions_get_at_most_one_note():
    assert len(MODALITY_NOTES["general"]) <= 1


def test_modifier_codes_are_exactly_the_four_of_the_readme():
    assert set(MODIFIER_NOTES) == {"fasted", "eccentric", "short_rest", "compound"}
    for code, note in MODIFIER_NOTES.items():
        assert note.code == code


def test_notes_have_a_known_direction_and_are_frozen():
    for note in ALL_NOTES:
        assert note.direction in ("up", "down"), _item_id(note)
        assert note.exerkine, _item_id(note)
        assert note.exerkine.strip() == note.exerkine
    with pytest.raises(AttributeError):
        ALL_NOTES[0].evidence = "strong"


def test_each_claim_names_its_exerkine():
    for note in ALL_NOTES:
        assert note.exerkine.lower() in note.claim.lower(), _item_id(note)


# --- Verdicts and references -----------------------------------------------------------------


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_every_note_has_a_known_evidence_level_and_a_reference(item):
    assert item.evidence in EVIDENCE_LEVELS
    assert len(item.references) >= 1
    assert all(isinstance(ref, Reference) for ref in item.references)


@pytest.mark.parametrize(
    "ref", sorted(REFERENCES.values(), key=lambda r: r.key), ids=lambda r: r.key
)
def test_every_reference_has_well_formed_identifiers(ref):
    if ref.doi is not None:
        assert re.fullmatch(r"10\.\d{4,9}/\S+", ref.doi), ref.doi
    if ref.pmid is not None:
        assert re.fullmatch(r"\d+", ref.pmid), ref.pmid
    if ref.pmcid is not None:
        assert re.fullmatch(r"PMC\d+", ref.pmcid), ref.pmcid
    assert ref.citation.strip()
    assert (ref.url is None) == (not (ref.doi or ref.pmid or ref.pmcid))


def test_references_registry_holds_the_notes_references_and_is_keyed_by_them():
    assert set(REFERENCES.values()) >= ALL_REFERENCES
    for key, ref in REFERENCES.items():
        assert ref.key == key


@pytest.mark.parametrize(
    "ref", sorted(REFERENCES.values(), key=lambda r: r.key), ids=lambda r: r.key
)
def test_every_reference_is_verified_in_science_md_with_the_same_identifiers(ref):
    lines = _section_4_lines()
    assert ref.key in lines, f"{ref.key} is not in docs/science.md section 4"
    line = lines[ref.key]
    mark = line.split()[2]
    assert "✘" not in mark, f"{ref.key} is marked unverified: {mark}"
    assert mark in ("✔", "◐"), f"{ref.key} has an unexpected mark: {mark}"
    if ref.doi is not None:
        assert f"doi:{ref.doi}" in line, f"{ref.key}: DOI {ref.doi} not on its line"
    if ref.pmid is not None:
        assert f"PMID {ref.pmid}" in line, f"{ref.key}: PMID {ref.pmid} not on its line"
    if ref.pmcid is not None:
        assert f"PMCID {ref.pmcid}" in line, f"{ref.key}: PMCID {ref.pmcid} not on its line"
    # A reference shown by its citation alone has none that were seen: nothing is left out.
    seen = re.sub(r"\((?:[^()]|\([^()]*\))*\)", "", line.split("*", 2)[-1])
    if ref.doi is None:
        assert "doi:" not in seen, f"{ref.key}: section 4 gives a DOI the app leaves out"
    if ref.pmid is None:
        assert "PMID" not in seen, f"{ref.key}: section 4 gives a PMID the app leaves out"


def test_the_section_4_parser_sees_unverified_references():
    # Guards the test above: if parsing broke, a ✘ reference could slip through unnoticed.
    lines = _section_4_lines()
    assert "✘" in lines["R71"].split()[2]
    assert "✘" in lines["R92"].split()[2]
    assert lines["R1"].split()[2] == "✔"
    assert not {"R41", "R71", "R92"} & set(REFERENCES)


def test_science_md_has_its_numbered_sections_and_every_claim_with_a_verdict():
    text = SCIENCE_MD.read_text(encoding="utf-8")
    headings = re.findall(r"^(#{2,3} \d[a-e]?\.)", text, re.MULTILINE)
    for heading in ("## 1.", "### 1a.", "### 1b.", "### 1c.", "## 2.", "### 2a.", "### 2b."):
        assert heading in headings, heading
    for heading in ("### 2c.", "## 3.", "### 3a.", "### 3b.", "### 3c.", "### 3d.", "### 3e."):
        assert heading in headings, heading
    assert "\n## 4. References\n" in text
    claims = re.findall(r"^\*\*Claim (\d+)\..*?Verdict:", text, re.MULTILINE | re.DOTALL)
    assert [int(n) for n in claims] == list(range(1, 27))


def test_every_reference_key_science_md_cites_is_in_its_section_4():
    text = SCIENCE_MD.read_text(encoding="utf-8")
    body, _, _ = text.partition("\n## 4. References")
    cited = set(re.findall(r"\bR\d+\b", body))
    assert {"R1", "R55", "R98"} <= cited  # the pattern finds keys in text and tables
    assert cited <= set(_section_4_lines())
    assert _section_4_lines()["R98"].startswith("- R98 ◐ Tanaka H")


def test_verdicts_that_matter():
    assert _note("high_volume", "irisin").evidence == "disputed"
    assert _note("hiit", "irisin").evidence == "disputed"
    assert all(note.evidence == "disputed" for note in ALL_NOTES if note.exerkine == "irisin")
    assert knowledge.ENDURANCE_IL6_LONG.evidence == "strong"
    assert _note("endurance", "IL-6").evidence == "moderate"  # under an hour (1c)
    assert MODIFIER_NOTES["fasted"].evidence == "unsupported"
    assert MODIFIER_NOTES["eccentric"].evidence == "unsupported"
    assert _note("hiit", "IGF-1").evidence == "unsupported"
    assert _note("high_volume", "BDNF").evidence == "unsupported"


def test_weaker_verdicts_for_partly_supported_claims():
    # docs/science.md claims 1, 2 ("partly (weak)"), 15 (unsupported) and 19 (partly).
    assert _note("heavy_resistance", "IL-6").evidence == "limited"
    assert _note("heavy_resistance", "IGF-1").evidence == "limited"
    assert MODIFIER_NOTES["short_rest"].evidence == "unsupported"
    assert MODIFIER_NOTES["compound"].evidence == "limited"


# --- Wording ------------------------------------------------------------------------------


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_no_summary_matches_a_never_show_pattern(item):
    for pattern in NEVER_SHOW:
        match = re.search(pattern, item.summary, re.IGNORECASE)
        assert match is None, f"{pattern!r} matches {match.group(0)!r} in {item.summary!r}"


def test_never_show_patterns_compile_and_are_lowercase():
    assert NEVER_SHOW
    for pattern in NEVER_SHOW:
        re.compile(pattern)
        assert pattern == pattern.lower()


@pytest.mark.parametrize(
    "text",
    [
        "Irisin rises within 30 min of moderate exercise.",
        "Irisin stays elevated for 24 h.",
        "Fasting boosts FGF21 after exercise.",
        "Training fasted amplifies exercise-induced FGF21.",
        "HIIT gives systemic IGF-1.",
        "MICT = muscle IGF-1, HIIT = systemic IGF-1.",
        "Overtraining suppresses myokines.",
        "Eccentrics boost myokines.",
        "Your squats raised IL-6 20-fold.",
        "Blood IL-6 rose 100× after the session.",
        "Myostatin fell by 37% after training.",
        "Take 2 sets to raise irisin.",
        "IL-6 rose 3.5x in the blood.",
    ],
)
def test_never_show_catches_the_forbidden_claims(text):
    assert any(re.search(pattern, text, re.IGNORECASE) for pattern in NEVER_SHOW), text


FORBIDDEN_PHRASES = (
    "within 30 min",
    "24 h",
    "fasting boosts",
    "fasting amplifies",
    "systemic igf-1",
    "muscle igf-1",
    "overtraining suppresses",
    "eccentrics boost",
    "-fold",
    "fold-change",
)


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_no_summary_contains_a_forbidden_phrase(item):
    summary = item.summary.lower()
    for phrase in FORBIDDEN_PHRASES:
        assert phrase not in summary, f"{phrase!r} in {item.summary!r}"
    # No numbers at all (sizes, timings, doses) apart from the digits in molecule names.
    without_names = re.sub(r"\b(?:il-6|igf-1|fgf21)\b", "", summary)
    assert not re.search(r"\d", without_names), f"a number in {item.summary!r}"


def test_hiit_igf1_summary_says_intervals_and_steady_work_are_alike():
    summary = _note("hiit", "IGF-1").summary.lower()
    assert "interval" in summary
    assert "steady" in summary
    assert "similar" in summary or "same" in summary


def test_disputed_and_non_muscle_origins_are_said_plainly():
    for note in ALL_NOTES:
        if note.exerkine == "irisin":
            assert "debated" in note.summary or "disput" in note.summary, note.summary
        if note.exerkine == "FGF21":
            assert "liver" in note.summary, note.summary
    assert "brain" in _note("endurance", "BDNF").summary
    assert "brain" in _note("high_volume", "BDNF").summary


def test_fasted_summary_only_says_what_was_not_found_and_what_fasts_do():
    summary = MODIFIER_NOTES["fasted"].summary.lower()
    assert "we found no study" in summary
    assert not re.search(r"\b(boost|amplif|increas|rais|enhanc)", summary)


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_claims_and_summaries_are_short_sentences(item):
    assert len(item.summary) <= 300, len(item.summary)
    assert item.claim.endswith(".")
    assert item.summary.endswith(".")
    assert item.summary != item.claim


def test_summaries_are_the_apps_own_wording_not_sentences_of_science_md():
    evidence = " ".join(SCIENCE_MD.read_text(encoding="utf-8").split()).lower()
    for item in ALL_ITEMS:
        for sentence in re.split(r"(?<=\.)\s+", item.summary):
            if len(sentence) >= 40:
                assert sentence.lower().rstrip(".") not in evidence, sentence


def test_disclaimer_is_exactly_the_api_string():
    assert DISCLAIMER == "Educational, not medical advice."


# --- Look-ups --------------------------------------------------------------------------------


def test_notes_for_merges_modalities_without_repeating_an_exerkine():
    notes = notes_for(["heavy_resistance", "high_volume"])
    names = [note.exerkine for note in notes]
    assert names.count("IL-6") == 1
    assert {"IGF-1", "myostatin", "irisin", "BDNF"} <= set(names)
    # The primary modality's notes come first, then the new ones of the second.
    assert notes[: len(MODALITY_NOTES["heavy_resistance"])] == list(
        MODALITY_NOTES["heavy_resistance"]
    )
    assert names.index("myostatin") < names.index("irisin") < names.index("BDNF")


def test_notes_for_keeps_the_note_of_the_earlier_modality():
    def il6(modalities):
        return next(note for note in notes_for(modalities) if note.exerkine == "IL-6")

    il6_heavy_first = il6(["heavy_resistance", "endurance"])
    il6_endurance_first = il6(["endurance", "heavy_resistance"])
    assert il6_heavy_first is _note("heavy_resistance", "IL-6")
    assert il6_endurance_first is _note("endurance", "IL-6")
    assert il6_heavy_first.evidence == "limited"
    assert il6_endurance_first.evidence == "moderate"


def test_notes_for_covers_every_table_exerkine_of_all_modalities():
    notes = notes_for(MODALITIES)
    keys = [(note.exerkine, note.direction) for note in notes]
    assert len(keys) == len(set(keys))
    assert set().union(*TABLE.values()) <= set(keys)


def test_notes_for_ignores_repeats_and_handles_empty_input():
    assert notes_for([]) == []
    assert notes_for(["hiit", "hiit"]) == list(MODALITY_NOTES["hiit"])
    assert notes_for(iter(["general"])) == list(MODALITY_NOTES["general"])


def test_notes_for_rejects_unknown_modalities_and_a_bare_string():
    with pytest.raises(ValueError, match="crossfit"):
        notes_for(["crossfit"])
    with pytest.raises(TypeError):
        notes_for("hiit")


def test_modifier_notes_in_the_order_given():
    notes = modifier_notes(["short_rest", "fasted", "short_rest"])
    assert [note.code for note in notes] == ["short_rest", "fasted"]
    assert modifier_notes([]) == []
    with pytest.raises(ValueError, match="supersets"):
        modifier_notes(["supersets"])


# --- Serialisation (the API's shapes) --------------------------------------------------------


def test_reference_as_dict_leaves_out_missing_identifiers():
    assert REFERENCES["R1"].as_dict() == {
        "citation": "Pedersen & Febbraio 2008, Physiol Rev 88:1379",
        "doi": "10.1152/physrev.90100.2007",
        "pmid": "18923185",
        "url": "https://doi.org/10.1152/physrev.90100.2007",
    }
    only_pmid = Reference("R0", "Someone 2000, J Test", pmid="123")
    assert only_pmid.as_dict() == {
        "citation": "Someone 2000, J Test",
        "pmid": "123",
        "url": "https://pubmed.ncbi.nlm.nih.gov/123/",
    }
    assert Reference("R0", "Someone 2000").as_dict() == {"citation": "Someone 2000"}


def test_exerkine_note_as_dict_has_the_api_fields():
    note = knowledge.ENDURANCE_IL6_LONG
    data = note.as_dict()
    assert list(data) == [
        "exerkine",
        "direction",
        "claim",
        "summary",
        "evidence",
        "references",
        "science_url",
    ]
    assert data["exerkine"] == "IL-6"
    assert data["evidence"] == "strong"
    assert data["science_url"] == "/science/il-6/"
    assert data["references"] == [ref.as_dict() for ref in note.references]
    assert isinstance(note, ExerkineNote)


def test_modifier_note_as_dict_has_the_api_fields():
    data = MODIFIER_NOTES["fasted"].as_dict()
    assert list(data) == ["code", "claim", "summary", "evidence", "references", "science_url"]
    assert data["code"] == "fasted"
    assert data["evidence"] == "unsupported"
    assert all("citation" in ref for ref in data["references"])


def test_knowledge_module_imports_without_django():
    code = "import sys, insights.knowledge; sys.exit('django' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, check=False)
    assert result.returncode == 0, "importing insights.knowledge pulled in Django"


def test_knowledge_version_is_set():
    assert knowledge.KNOWLEDGE_VERSION == "2026.11.2"


# --- Every sentence backed, no verdict stronger than the evidence (issue 15) ------------------

LEVEL_CAP = {"supported": "strong", "partly": "moderate", "mixed": "moderate"}


def _claim_verdicts():
    """{10: "supported …", …}: each claim's verdict clause in docs/science.md section 1."""
    text = SCIENCE_MD.read_text(encoding="utf-8")
    found = re.findall(
        r"^\*\*Claim (\d+)\..*?\*\*\s*Verdict:\s*(.*?)(?:\.\s*$|\n-)",
        text,
        re.MULTILINE | re.DOTALL,
    )
    return {int(n): " ".join(v.split()).lower() for n, v in found}


def _cap(verdict: str) -> str:
    """The strongest level a verdict clause allows: its most favourable word, "(weak)" and
    thin support capping "partly" at limited."""
    words = re.findall(r"\*\*(\w+)\*\*", verdict) or re.findall(r"\w+", verdict)[:1]
    caps = []
    for word in words:
        if word in ("supported", "partly", "mixed"):
            caps.append("limited" if word == "partly" and "(weak)" in verdict else LEVEL_CAP[word])
        elif word in ("disputed", "unsupported"):
            caps.append(word)
    return knowledge.strongest(caps)


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_no_note_carries_a_verdict_stronger_than_its_claim_in_science_md(item):
    verdicts = _claim_verdicts()
    assert item.claim_no in verdicts, f"{_item_id(item)} names no claim of science.md"
    cap = _cap(verdicts[item.claim_no])
    order = knowledge.LEVEL_ORDER
    assert order[item.evidence] <= order[cap], (item.evidence, verdicts[item.claim_no])


def test_the_verdict_parser_reads_what_science_md_says():
    verdicts = _claim_verdicts()
    assert len(verdicts) == 26
    assert _cap(verdicts[10]) == "strong"
    assert _cap(verdicts[1]) == "limited"
    assert _cap(verdicts[5]) == "disputed"
    assert _cap(verdicts[16]) == "unsupported"


def test_endurance_il6_is_strong_only_for_long_sessions():
    # science.md 1c: high confidence for sessions of 60 min or more, moderate below.
    long = next(n for n in notes_for(["endurance"], long=True) if n.exerkine == "IL-6")
    short = next(n for n in notes_for(["endurance"]) if n.exerkine == "IL-6")
    assert (long.evidence, short.evidence) == ("strong", "moderate")
    assert "modest" in short.summary


@pytest.mark.parametrize("item", ALL_ITEMS, ids=_item_id)
def test_every_sentence_of_a_note_is_backed_by_its_references_or_its_claim(item):
    parts = knowledge.sentences(item.summary)
    assert len(item.basis) == len(parts), (len(item.basis), parts)
    own = {ref.key for ref in item.references}
    for sentence, keys in zip(parts, item.basis, strict=True):
        assert keys, sentence
        for key in keys:
            if key.startswith("C"):
                assert int(key[1:]) == item.claim_no, (key, sentence)
            else:
                assert key in own, f"{key} backs {sentence!r} but is not among the references"
    cited = {key for keys in item.basis for key in keys}
    assert own <= cited, f"references backing no sentence: {sorted(own - cited)}"


def test_we_say_what_we_did_not_find_rather_than_that_nothing_exists():
    for item in ALL_ITEMS:
        for sentence, keys in zip(knowledge.sentences(item.summary), item.basis, strict=True):
            if any(k.startswith("C") for k in keys):
                assert sentence.lower().startswith("we found no study"), sentence


def test_the_issue_15_reference_fixes():
    def refs(item):
        return {r.key for r in item.references}

    assert "R8" in refs(_note("high_volume", "IL-6"))  # the volume study, not R7
    assert "R7" not in refs(_note("high_volume", "IL-6"))
    assert "R7" not in refs(knowledge.ENDURANCE_IL6_LONG) | refs(knowledge.ENDURANCE_IL6_SHORT)
    assert "R48" in refs(_note("heavy_resistance", "IGF-1"))  # muscle and strength gains
    assert "R11" in refs(MODIFIER_NOTES["eccentric"])  # soreness and damage
    assert "R5" in refs(MODIFIER_NOTES["compound"])  # muscle mass and IL-6
    for note in ALL_NOTES:
        if note.exerkine == "FGF21":
            assert "mainly" in note.summary
            assert "not from muscle" not in note.summary
