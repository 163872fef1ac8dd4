"""Myolog's knowledge base: what the research says about the popular exerkine claims.

Plain data, standard library only (no Django), so that the classifier, the API and the
weekly report can all read it, and so that it can be tested without a database.

Source: ``docs/science.md`` (the modality-to-exerkine table and the modifiers, and the wording
rules, at its start; claims 1-26 with verdicts, section 1; references, section 4).
Each note carries a comment naming the science.md claim its verdict comes from.

Wording rules (science.md, "Rules for the app's wording"): association, never promise; never
medical advice; short and plain; where a popular claim is disputed or unsupported, say so
kindly. ``claim`` restates the popular claim as the table gives it; ``summary`` is our own
wording of what the research supports, and must never match a pattern in ``NEVER_SHOW``.

References: only ones marked ✔ or ◐ in science.md section 4 that carry a DOI or a PMID there,
copied exactly. Citations leave out volume/page details that science.md says were not seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

KNOWLEDGE_VERSION = "2026.11.1"

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "disputed", "unsupported")
MODALITIES = ("heavy_resistance", "high_volume", "hiit", "endurance", "general")
DIRECTIONS = ("up", "down")

DISCLAIMER = "Educational, not medical advice."


@dataclass(frozen=True)
class Reference:
    key: str  # "R1" … the key in science.md section 4
    citation: str  # short: "Pedersen & Febbraio 2008, Physiol Rev 88:1379"
    doi: str | None = None
    pmid: str | None = None

    def as_dict(self) -> dict:
        data = {"citation": self.citation, "doi": self.doi, "pmid": self.pmid}
        return {name: value for name, value in data.items() if value is not None}


@dataclass(frozen=True)
class ExerkineNote:
    exerkine: str  # "IL-6" | "IGF-1" | "myostatin" | "irisin" | "BDNF" | "FGF21" | ...
    direction: str  # "up" | "down": the direction the popular claim asserts
    claim: str  # the popular claim, as the table states it, for this modality
    summary: str  # our own plain wording of what the research supports
    evidence: str  # one of EVIDENCE_LEVELS: the verdict on the claim for this kind of session
    references: tuple[Reference, ...]

    def as_dict(self) -> dict:
        return {
            "exerkine": self.exerkine,
            "direction": self.direction,
            "claim": self.claim,
            "summary": self.summary,
            "evidence": self.evidence,
            "references": [ref.as_dict() for ref in self.references],
        }


@dataclass(frozen=True)
class ModifierNote:
    code: str  # "fasted" | "eccentric" | "short_rest" | "compound"
    claim: str
    summary: str
    evidence: str
    references: tuple[Reference, ...]

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "claim": self.claim,
            "summary": self.summary,
            "evidence": self.evidence,
            "references": [ref.as_dict() for ref in self.references],
        }


# --- References (science.md section 4; only the ones used below) -------------------------

_REFS = (
    # IL-6
    Reference(
        "R1",
        "Pedersen & Febbraio 2008, Physiol Rev 88:1379",
        doi="10.1152/physrev.90100.2007",
        pmid="18923185",
    ),
    Reference(
        "R4",
        "Steensberg et al. 2000, J Physiol 529:237",
        doi="10.1111/j.1469-7793.2000.00237.x",
        pmid="11080265",
    ),
    Reference(
        "R7",
        "Ostrowski et al. 2000, Eur J Appl Physiol 83:512",
        doi="10.1007/s004210000312",
        pmid="11192058",
    ),
    Reference("R9", "Cornish et al. 2017, J Aging Phys Act", pmid="29091530"),  # ◐, Epub year
    Reference("R10", "Croisier et al. 1999, Muscle Nerve 22:208", pmid="10024133"),
    # ◐: journal and year not seen, so the citation gives the title instead.
    Reference(
        "R12",
        "Willoughby et al., Interleukin-6 expression after repeated bouts of eccentric exercise",
        pmid="12582947",
    ),
    Reference("R14", "Senna et al. 2022, Front Physiol 13:827847", doi="10.3389/fphys.2022.827847"),
    # Irisin
    Reference(
        "R18", "Albrecht et al. 2015, Sci Rep 5:8889", doi="10.1038/srep08889", pmid="25749243"
    ),
    Reference("R20", "Albrecht et al. 2020, Mol Metab 34:124", doi="10.1016/j.molmet.2020.01.016"),
    Reference(
        "R21",
        "Jandova et al. 2021, Healthcare (Basel) 9:1438",
        doi="10.3390/healthcare9111438",
        pmid="34828485",
    ),
    Reference(
        "R24",
        "Archundia-Herrera et al. 2017, Diabetol Metab Syndr 9:101",
        doi="10.1186/s13098-017-0302-5",
        pmid="29299068",
    ),
    # BDNF (R26 ◐: volume/pages from memory, left out)
    Reference("R26", "Rasmussen et al. 2009, Exp Physiol", doi="10.1113/expphysiol.2009.048512"),
    Reference(
        "R32", "Dinoff et al. 2016, PLoS One 11:e0163037", doi="10.1371/journal.pone.0163037"
    ),
    Reference(
        "R33",
        "Babiarz, Laskowski & Grzywacz 2022, Int J Environ Res Public Health 19:13795",
        doi="10.3390/ijerph192113795",
        pmid="36360677",
    ),
    # FGF21
    Reference("R34", "Kim et al. 2013, PLoS One 8:e63517", doi="10.1371/journal.pone.0063517"),
    Reference(
        "R35", "Cuevas-Ramos et al. 2012, PLoS One 7:e38022", doi="10.1371/journal.pone.0038022"
    ),
    Reference(
        "R36",
        "Tanimura et al. 2016, Physiol Rep 4:e12828",
        doi="10.14814/phy2.12828",
        pmid="27335433",
    ),
    Reference(
        "R38",
        "Hansen & Plomgaard 2016, Cardiovasc Endocrinol Metab 5:112",
        doi="10.1097/XCE.0000000000000084",
    ),
    Reference(
        "R39",
        "Gälman et al. 2008, Cell Metab 8:169",
        doi="10.1016/j.cmet.2008.06.014",
        pmid="18680716",
    ),
    Reference("R40", "Fazeli et al. 2015, J Clin Invest 125:4601", doi="10.1172/JCI83349"),
    # Myostatin, IGF-1, hormones (R42 ◐ and R50 ◐: volume/pages not seen, left out)
    Reference("R42", "Louis et al. 2007, J Appl Physiol", doi="10.1152/japplphysiol.00679.2007"),
    Reference(
        "R44",
        "Hulmi et al. 2007, Med Sci Sports Exerc 39:289",
        doi="10.1249/01.mss.0000241650.15006.6e",
        pmid="17277593",
    ),
    Reference(
        "R45",
        "Willoughby 2004, Med Sci Sports Exerc 36:574",
        doi="10.1249/01.MSS.0000121952.71533.EA",
    ),
    Reference(
        "R47",
        "West et al. 2009, J Physiol 587:5239",
        doi="10.1113/jphysiol.2009.177220",
        pmid="19736298",
    ),
    Reference(
        "R49",
        "Kraemer, Ratamess & Nindl 2017, J Appl Physiol 122:549",
        doi="10.1152/japplphysiol.00599.2016",
    ),
    Reference("R50", "Copeland & Heggie 2008, Int J Sports Med", doi="10.1055/s-2007-965114"),
)

REFERENCES: dict[str, Reference] = {ref.key: ref for ref in _REFS}


def _refs(*keys: str) -> tuple[Reference, ...]:
    return tuple(REFERENCES[key] for key in keys)


# --- Notes per modality ---------------------------------------------------------------------
# The modality-to-exerkine table (science.md, "The popular claims Myolog answers"):
#   heavy_resistance: IL-6, IGF-1, myostatin suppression
#   high_volume:      greater IL-6, irisin, BDNF
#   hiit:             systemic IGF-1, FGF21, irisin
#   endurance:        IL-6, BDNF, FGF21
# Verdict mapping: Supported -> "strong" ("moderate" where 1c gives moderate confidence);
# Partly -> "moderate" or "limited" by strength; Disputed -> "disputed"; Unsupported ->
# "unsupported".

# Both irisin claims (5 and 9) share the measurement dispute, so the notes share a reason.
_IRISIN_REFS = ("R18", "R20")

MODALITY_NOTES: dict[str, tuple[ExerkineNote, ...]] = {
    "heavy_resistance": (
        ExerkineNote(  # science.md claim 1: Partly (weak) -> limited
            exerkine="IL-6",
            direction="up",
            claim="Heavy resistance training raises IL-6.",
            summary=(
                "Lifting switches on IL-6 genes inside the worked muscle, but blood IL-6 after a "
                "gym session usually changes little or not at all. Big rises come from long "
                "endurance efforts."
            ),
            evidence="limited",
            references=_refs("R42", "R9", "R1"),
        ),
        ExerkineNote(  # science.md claim 2: Partly (weak) -> limited
            exerkine="IGF-1",
            direction="up",
            claim="Heavy resistance training raises IGF-1.",
            summary=(
                "Blood IGF-1 goes up after lifting in some studies and not in others, and these "
                "short hormone changes haven't been shown to add to muscle or strength gains."
            ),
            evidence="limited",
            references=_refs("R49", "R47"),
        ),
        # science.md claim 3 (and 17): Supported for muscle mRNA after a session, mixed beyond
        # that; 1c gives "moderate" confidence for the local mRNA change -> moderate.
        ExerkineNote(
            exerkine="myostatin",
            direction="down",
            claim="Heavy resistance training suppresses myostatin.",
            summary=(
                "In the trained muscle, the gene for myostatin, a brake on muscle growth, is "
                "usually turned down for about a day after a session. Whether that shapes "
                "long-term gains is unclear, and some studies found the opposite."
            ),
            evidence="moderate",
            references=_refs("R42", "R44", "R45"),
        ),
    ),
    "high_volume": (
        # science.md claim 4: Partly for endurance, unsupported for resistance training. In
        # Myolog high_volume is a resistance-session class (science.md 2b), so the verdict for
        # this kind of session is the resistance one -> unsupported. R5/R8 carry no DOI/PMID;
        # R7 (endurance IL-6) and R9 (little IL-6 after lifting, claims 1 and 13) stand in.
        ExerkineNote(
            exerkine="IL-6",
            direction="up",
            claim="High-volume training gives a greater IL-6 response.",
            summary=(
                "IL-6 responds mostly to how long you work and how much muscle is involved, "
                "which shows clearly in long endurance sessions. Adding sets in the gym hasn't "
                "reliably raised blood IL-6."
            ),
            evidence="unsupported",
            references=_refs("R7", "R9"),
        ),
        ExerkineNote(  # science.md claim 5: Disputed -> disputed
            exerkine="irisin",
            direction="up",
            claim="High-volume training raises irisin.",
            summary=(
                "Irisin is still debated: researchers disagree about whether the usual blood "
                "tests measure it properly in people, so nobody can yet say how a session like "
                "this affects it."
            ),
            evidence="disputed",
            references=_refs(*_IRISIN_REFS, "R21"),
        ),
        ExerkineNote(  # science.md claim 6: Unsupported for resistance volume -> unsupported
            exerkine="BDNF",
            direction="up",
            claim="High-volume training raises BDNF.",
            summary=(
                "BDNF is a growth factor for nerve cells, and the blood rise seen with exercise "
                "comes mostly from the brain. Aerobic training raises it, but lifting more sets "
                "hasn't been shown to."
            ),
            evidence="unsupported",
            references=_refs("R32", "R33", "R26"),
        ),
    ),
    "hiit": (
        # science.md claim 7 (and 18): Unsupported as a HIIT-specific effect -> unsupported.
        # The summary must not affirm "HIIT gives systemic IGF-1".
        ExerkineNote(
            exerkine="IGF-1",
            direction="up",
            claim="HIIT raises systemic IGF-1.",
            summary=(
                "When interval and steady sessions last about as long, blood IGF-1 shifts by a "
                "similar, short-lived amount, so intervals don't look special for IGF-1."
            ),
            evidence="unsupported",
            references=_refs("R50", "R49"),
        ),
        # science.md claim 8: Partly -> limited: acute aerobic exercise does raise plasma
        # FGF21, but it is a liver hormone, no human HIIT-versus-continuous trial was found, and
        # the one intensity comparison (R41) is unverified, so it is neither cited nor used.
        ExerkineNote(
            exerkine="FGF21",
            direction="up",
            claim="HIIT raises FGF21.",
            summary=(
                "Hard aerobic work briefly raises blood FGF21, a hormone made by the liver rather "
                "than by muscle that helps release stored fuel. No study in people has compared "
                "intervals with steady work for it."
            ),
            evidence="limited",
            references=_refs("R34", "R36", "R38"),
        ),
        ExerkineNote(  # science.md claim 9: Disputed -> disputed
            exerkine="irisin",
            direction="up",
            claim="HIIT raises irisin.",
            summary=(
                "Irisin is still debated, because the usual blood tests may not measure it "
                "properly in people. In one study, intervals raised it inside muscle but not in "
                "the blood."
            ),
            evidence="disputed",
            references=_refs(*_IRISIN_REFS, "R24"),
        ),
        # Not added: a BDNF note for HIIT (1c, "Blood BDNF rises acutely"). 1c's refs for that
        # row are R41 (unverified), R31 (PMCID only) and R5 (no identifier), so no citable
        # reference backs it for interval sessions.
    ),
    "endurance": (
        ExerkineNote(  # science.md claim 10: Supported (strongest), 1c confidence high -> strong
            exerkine="IL-6",
            direction="up",
            claim="Endurance training raises IL-6.",
            summary=(
                "In long endurance sessions, working muscles release IL-6 into the blood, more "
                "the longer you go and the more muscle you use. Here it acts as a messenger that "
                "helps mobilise fuel and is followed by anti-inflammatory signals."
            ),
            evidence="strong",
            references=_refs("R4", "R1", "R7"),
        ),
        # science.md claim 11: Partly (true in blood, not a muscle signal); 1c confidence
        # moderate for BDNF -> moderate. R31 (best acute evidence) has only a PMCID.
        ExerkineNote(
            exerkine="BDNF",
            direction="up",
            claim="Endurance training raises BDNF.",
            summary=(
                "Aerobic exercise raises blood BDNF for a while, but most of it comes from the "
                "brain itself rather than from muscle. Regular aerobic training nudges resting "
                "levels up a little."
            ),
            evidence="moderate",
            references=_refs("R26", "R32"),
        ),
        # science.md claim 12: Supported (as a hepatokine); 1c confidence moderate for
        # FGF21 -> moderate. R37 (liver origin) has no DOI; R38 covers the same point.
        ExerkineNote(
            exerkine="FGF21",
            direction="up",
            claim="Endurance training raises FGF21.",
            summary=(
                "Longer or harder aerobic sessions briefly raise blood FGF21. It comes from the "
                "liver, not from muscle, and helps the body draw on stored fuel."
            ),
            evidence="moderate",
            references=_refs("R34", "R35", "R36", "R38"),
        ),
    ),
    # general (an easy walk, mobility work): the table names nothing, so there is no popular
    # claim to answer. The only candidate, 1c's "any regular training" row, describes changes
    # over weeks to months of structured training (resting BDNF from aerobic programmes, R32;
    # adiponectin in type 2 diabetes, R53), not what one easy session does; attaching it to a
    # stroll or a stretch would overstate it. So: no notes.
    "general": (),
}


# --- Modifiers (science.md: the modifier table at its start; 1b) ----------------------------

MODIFIER_NOTES: dict[str, ModifierNote] = {
    # science.md claim 16: Unsupported (not tested in humans) -> unsupported. Never say that
    # fasting boosts FGF21; at most, that this hasn't been studied in people.
    "fasted": ModifierNote(
        code="fasted",
        claim="Training fasted amplifies exercise-induced FGF21.",
        summary=(
            "How meals affect the FGF21 response to exercise hasn't been well studied in people, "
            "so there's no good evidence either way about training fasted."
        ),
        evidence="unsupported",
        references=_refs("R39", "R40"),
    ),
    # science.md claim 20: Unsupported -> unsupported. R11 has no DOI/PMID; R10 and R12 show
    # the IL-6 response does not follow muscle damage.
    "eccentric": ModifierNote(
        code="eccentric",
        claim="Emphasising eccentric (lowering-phase) work boosts myokine release.",
        summary=(
            "Slow or heavy lowering phases mostly add soreness and muscle damage. In studies, the "
            "IL-6 response didn't follow muscle damage, so this isn't a proven way to raise "
            "helpful muscle signals."
        ),
        evidence="unsupported",
        references=_refs("R10", "R12"),
    ),
    # science.md claim 15: Unsupported for irisin -> unsupported; short rests do raise
    # muscle-damage and inflammatory markers (R14).
    "short_rest": ModifierNote(
        code="short_rest",
        claim="Shorter rests and higher volume give larger irisin responses.",
        summary=(
            "No study in people has tested rest length and irisin. What is known: short rests "
            "between sets caused more muscle damage and inflammatory markers than longer rests "
            "with the same total work."
        ),
        evidence="unsupported",
        references=_refs("R14"),
    ),
    # science.md claim 19: Partly (shown for working muscle mass in endurance IL-6, untested
    # for lifts) -> limited. R5 has no identifier; R47 (leg vs arm work) is the cited study.
    "compound": ModifierNote(
        code="compound",
        claim="Multi-joint lifts recruit more muscle and release more myokines.",
        summary=(
            "Exercise that works more muscle tends to give bigger IL-6 responses in endurance "
            "studies, and leg work raised some hormones more than arm work. Multi-joint and "
            "single-joint lifts haven't been compared directly."
        ),
        evidence="limited",
        references=_refs("R47"),
    ),
}


# --- Never show ------------------------------------------------------------------------------
# Regular expressions (lowercase; match with re.IGNORECASE) that no summary may match
# (science.md end of 1c, and its "Rules for the app's wording"). Claims restate
# the popular claims and are exempt. Patterns work within one sentence ([^.]*) so an honest
# sentence can still name the molecule.
NEVER_SHOW: tuple[str, ...] = (
    # Any numeric fold-change or percentage change. (?<![\w-])\d is a number standing alone,
    # not a digit inside a name such as IL-6, IGF-1 or FGF21.
    r"\bfold\b",
    r"(?<![\w-])\d+(?:\.\d+)?\s*[x×]",
    r"(?<![\w-])\d+(?:\.\d+)?\s*(?:%|percent\b)",
    r"\btimes (?:higher|more|greater|bigger|larger)\b",
    # Irisin timing or dosing: irisin and any number in one sentence, or the popular windows.
    r"irisin[^.]*(?<![\w-])\d",
    r"(?<![\w-])\d[^.]*irisin",
    r"within \d+\s*min",
    r"\b24\s*-?\s*h(?:ours?)?\b",
    r"\b(?:dose|doses|dosing|dosage)\b",
    # "Fasting boosts / amplifies FGF21".
    r"\bfast(?:ing|ed)\b[^.]*\b(?:boost|amplif|increas|rais|enhanc|magnif)\w*[^.]*fgf21",
    r"\b(?:boost|amplif|enhanc|magnif)\w*[^.]*fgf21[^.]*\bfast(?:ing|ed)\b",
    # "HIIT gives systemic IGF-1" / "MICT = muscle IGF-1".
    r"systemic igf",
    r"muscle igf",
    r"\bmict\b",
    # "Overtraining suppresses myokines".
    r"overtrain\w*[^.]*suppress",
    r"suppress\w*[^.]*myokine",
    # "Eccentrics boost myokines".
    r"eccentric\w*[^.]*\b(?:boost|amplif|maximi[sz])\w*",
    # Promises and medical advice.
    r"\bguarantee",
    r"\bwill (?:boost|raise|increase|build|burn|improve|make)\b",
    r"\b(?:cures?|treats?|diagnos\w*)\b",
)


# --- Look-ups --------------------------------------------------------------------------------


def _unique(values: Iterable[str], known: Iterable[str], what: str) -> list[str]:
    if isinstance(values, str):
        raise TypeError(f"expected an iterable of {what}s, not a single string: {values!r}")
    known = set(known)
    seen: list[str] = []
    for value in values:
        if value not in known:
            raise ValueError(f"unknown {what}: {value!r}")
        if value not in seen:
            seen.append(value)
    return seen


def notes_for(modalities: Iterable[str]) -> list[ExerkineNote]:
    """Union of the notes of the given modalities, in the order given.

    The caller passes modalities ranked, primary first. When two modalities name the same
    exerkine in the same direction, only one note is kept: the one of the earlier modality.
    Raises ValueError for a modality not in MODALITIES.
    """
    notes: list[ExerkineNote] = []
    seen: set[tuple[str, str]] = set()
    for modality in _unique(modalities, MODALITY_NOTES, "modality"):
        for note in MODALITY_NOTES[modality]:
            key = (note.exerkine, note.direction)
            if key not in seen:
                seen.add(key)
                notes.append(note)
    return notes


def modifier_notes(codes: Iterable[str]) -> list[ModifierNote]:
    """The notes of the given modifier codes, in the order given, each once.

    Raises ValueError for a code not in MODIFIER_NOTES.
    """
    return [MODIFIER_NOTES[code] for code in _unique(codes, MODIFIER_NOTES, "modifier code")]
