"""Myolog's knowledge base: what the research says about the popular exerkine claims.

Plain data, standard library only (no Django), so that the classifier, the API, the weekly
report and the science pages can all read it, and so that it can be tested without a database.

Source: ``docs/science.md`` (the modality-to-exerkine table and the modifiers, and the wording
rules, at its start; claims 1-26 with verdicts, section 1; references, section 4).
Each note names the science.md claim its verdict comes from (``claim_no``).

Wording rules (science.md, "Rules for the app's wording"): association, never promise; never
medical advice; short and plain; where a popular claim is disputed or unsupported, say so
kindly. ``claim`` restates the popular claim as the table gives it; ``summary`` is our own
wording of what the research supports, and must never match a pattern in ``NEVER_SHOW``.

Every sentence of a summary is backed (``basis``, one entry per sentence): by reference keys
of science.md section 4, or, for "we found no study", by the claim (``C16``) whose entry in
science.md says what was searched for and not found.

References: only ones marked ✔ or ◐ in science.md section 4, their identifiers copied exactly;
a reference section 4 gives no DOI, PMID or PMCID is shown by its citation alone. Citations
leave out volume/page details that science.md says were not seen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

KNOWLEDGE_VERSION = "2026.11.2"

EVIDENCE_LEVELS = ("strong", "moderate", "limited", "disputed", "unsupported")
MODALITIES = ("heavy_resistance", "high_volume", "hiit", "endurance", "general")
DIRECTIONS = ("up", "down")

DISCLAIMER = "Educational, not medical advice."

# The slugs of the science pages (/science/<slug>/).
EXERKINE_SLUGS = {
    "IL-6": "il-6",
    "IGF-1": "igf-1",
    "myostatin": "myostatin",
    "irisin": "irisin",
    "BDNF": "bdnf",
    "FGF21": "fgf21",
}
MODALITY_SLUGS = {
    "heavy_resistance": "heavy-resistance",
    "high_volume": "high-volume",
    "hiit": "hiit",
    "endurance": "endurance",
    "general": "general-activity",
}
MODIFIER_SLUGS = {
    "fasted": "fasted",
    "eccentric": "eccentric",
    "short_rest": "short-rest",
    "compound": "compound",
}


def science_path(slug: str) -> str:
    return f"/science/{slug}/"


@dataclass(frozen=True)
class Reference:
    key: str  # "R1" … the key in science.md section 4
    citation: str  # short: "Pedersen & Febbraio 2008, Physiol Rev 88:1379"
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None

    @property
    def url(self) -> str | None:
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        if self.pmcid:
            return f"https://pmc.ncbi.nlm.nih.gov/articles/{self.pmcid}/"
        return None

    def as_dict(self) -> dict:
        data = {
            "citation": self.citation,
            "doi": self.doi,
            "pmid": self.pmid,
            "pmcid": self.pmcid,
            "url": self.url,
        }
        return {name: value for name, value in data.items() if value is not None}


def sentences(text: str) -> list[str]:
    """A summary's sentences (they end in a full stop followed by a space or the end)."""
    return [s for s in re.split(r"(?<=\.)\s+", text.strip()) if s]


@dataclass(frozen=True)
class ExerkineNote:
    exerkine: str  # "IL-6" | "IGF-1" | "myostatin" | "irisin" | "BDNF" | "FGF21" | ...
    direction: str  # "up" | "down": the direction the popular claim asserts
    claim: str  # the popular claim, as the table states it, for this modality
    summary: str  # our own plain wording of what the research supports
    evidence: str  # one of EVIDENCE_LEVELS: the verdict on the claim for this kind of session
    references: tuple[Reference, ...]
    claim_no: int = 0  # the claim of science.md section 1 the verdict comes from
    basis: tuple[tuple[str, ...], ...] = ()  # per sentence of the summary: R… or C… keys
    scope: str = ""  # for whom it holds when a claim's level depends on the session

    @property
    def science_url(self) -> str:
        return science_path(EXERKINE_SLUGS[self.exerkine])

    def as_dict(self) -> dict:
        return {
            "exerkine": self.exerkine,
            "direction": self.direction,
            "claim": self.claim,
            "summary": self.summary,
            "evidence": self.evidence,
            "references": [ref.as_dict() for ref in self.references],
            "science_url": self.science_url,
        }


@dataclass(frozen=True)
class ModifierNote:
    code: str  # "fasted" | "eccentric" | "short_rest" | "compound"
    claim: str
    summary: str
    evidence: str
    references: tuple[Reference, ...]
    claim_no: int = 0
    basis: tuple[tuple[str, ...], ...] = ()

    @property
    def science_url(self) -> str:
        return science_path(MODIFIER_SLUGS[self.code])

    def as_dict(self) -> dict:
        return {
            "code": self.code,
            "claim": self.claim,
            "summary": self.summary,
            "evidence": self.evidence,
            "references": [ref.as_dict() for ref in self.references],
            "science_url": self.science_url,
        }


# --- References (science.md section 4; the ones the app shows) -----------------------------

_REFS = (
    # Myokines, exerkines and IL-6
    Reference(
        "R1",
        "Pedersen & Febbraio 2008, Physiol Rev 88:1379",
        doi="10.1152/physrev.90100.2007",
        pmid="18923185",
    ),
    Reference("R2", "Severinsen & Pedersen 2020, Endocr Rev 41:594", pmcid="PMC7288608"),
    Reference(
        "R3", "Chow et al. 2022, Nat Rev Endocrinol 18:273", doi="10.1038/s41574-022-00641-2"
    ),
    Reference(
        "R4",
        "Steensberg et al. 2000, J Physiol 529:237",
        doi="10.1111/j.1469-7793.2000.00237.x",
        pmid="11080265",
    ),
    Reference("R5", "Fischer 2006, Exerc Immunol Rev 12:6"),  # ◐: no identifier seen
    Reference("R6", "Ostrowski et al. 1999, J Physiol 515:287"),  # ◐: no DOI seen
    Reference(
        "R7",
        "Ostrowski et al. 2000, Eur J Appl Physiol 83:512",
        doi="10.1007/s004210000312",
        pmid="11192058",
    ),
    Reference("R8", "Raines et al. 2020, Int J Kinesiol Sports Sci 8:37"),  # ◐: finding checked
    Reference("R9", "Cornish et al. 2017, J Aging Phys Act", pmid="29091530"),  # ◐, Epub year
    Reference("R10", "Croisier et al. 1999, Muscle Nerve 22:208", pmid="10024133"),
    Reference("R11", "Willoughby, VanEnk & Taylor 2003, J Exerc Physiol Online 6:8"),
    # ◐: journal and year not seen, so the citation gives the title instead.
    Reference(
        "R12",
        "Willoughby et al., Interleukin-6 expression after repeated bouts of eccentric exercise",
        pmid="12582947",
    ),
    Reference("R14", "Senna et al. 2022, Front Physiol 13:827847", doi="10.3389/fphys.2022.827847"),
    # Irisin
    Reference("R15", "Boström et al. 2012, Nature 481", doi="10.1038/nature10777", pmid="22237023"),
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
    Reference("R27", "Matthews et al. 2009, Diabetologia 52:1409", doi="10.1007/s00125-009-1364-1"),
    Reference("R31", "Szuhany, Bugatti & Otto 2015, J Psychiatr Res 60:56", pmcid="PMC4314337"),
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
        "R43",
        "Roth et al. 2003, Exp Biol Med 228:706",
        doi="10.1177/153537020322800609",
        pmid="12773702",
    ),
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
        "R48",
        "West et al. 2010, J Appl Physiol 108:60",
        doi="10.1152/japplphysiol.01147.2009",
        pmcid="PMC2885075",
    ),
    Reference(
        "R49",
        "Kraemer, Ratamess & Nindl 2017, J Appl Physiol 122:549",
        doi="10.1152/japplphysiol.00599.2016",
    ),
    Reference("R50", "Copeland & Heggie 2008, Int J Sports Med", doi="10.1055/s-2007-965114"),
    # Guidelines, prescription, intensity (rationales, weekly suggestions, science pages)
    Reference(
        "R55",
        "Bull et al. 2020 (WHO guidelines), Br J Sports Med 54:1451",
        doi="10.1136/bjsports-2020-102955",
        pmcid="PMC7719906",
    ),
    Reference(
        "R56",
        "Garber et al. 2011 (ACSM), Med Sci Sports Exerc 43:1334",
        doi="10.1249/MSS.0b013e318213fefb",
    ),
    Reference("R57", "ACSM (Ratamess et al.) 2009, Med Sci Sports Exerc 41:687"),  # DOI not seen
    Reference(
        "R60",
        "Schoenfeld et al. 2017, J Strength Cond Res 31:3508",
        doi="10.1519/JSC.0000000000002200",
    ),
    Reference(
        "R61",
        "Schoenfeld, Ogborn & Krieger 2017, J Sports Sci 35:1073",
        doi="10.1080/02640414.2016.1210197",
        pmid="27433992",
    ),
    Reference(
        "R62",
        "Schoenfeld, Ogborn & Krieger 2016, Sports Med 46:1689",
        doi="10.1007/s40279-016-0543-8",
    ),
    Reference("R63", "Schoenfeld et al. 2016, J Strength Cond Res 30:1805"),
    Reference("R64", "Grgic et al. 2018, Sports Med 48:137", doi="10.1007/s40279-017-0788-x"),
    Reference("R66", "Lovegrove et al. 2022, J Strength Cond Res 36:2696"),
    Reference("R67", "Zourdos et al. 2016, J Strength Cond Res"),  # ◐: title and authors seen
    Reference(
        "R68",
        "Helms et al. 2016, Strength Cond J 38:42",
        doi="10.1519/SSC.0000000000000218",
        pmid="27531969",
    ),
    Reference(
        "R69",
        "Hackett et al. 2017, J Strength Cond Res 31:2162",
        doi="10.1519/JSC.0000000000001683",
    ),
    Reference(
        "R74",
        "Morán-Navarro et al. 2017, Eur J Appl Physiol 117:2387",
        doi="10.1007/s00421-017-3725-7",
        pmid="28965198",
    ),
    Reference(
        "R75",
        "González-Badillo et al. 2016, Int J Sports Med 37:295",
        doi="10.1055/s-0035-1564254",
        pmid="26667923",
    ),
    Reference("R77", "MacInnis & Gibala 2017, J Physiol 595:2915"),  # DOI recalled, not seen
    Reference("R79", "Gibala 2015, Gatorade Sports Science Exchange 139"),
    Reference(
        "R80", "Seiler 2010, Int J Sports Physiol Perform 5:276", doi="10.1123/ijspp.5.3.276"
    ),
    Reference("R81", "Seiler & Tønnessen 2009, Sportscience 13:32"),
    Reference("R82", "Foster et al. 2001, J Strength Cond Res 15:109"),
    Reference("R83", "Foster 1998, Med Sci Sports Exerc 30:1164"),
    Reference(
        "R89", "Lolli et al. 2019, Br J Sports Med 53:921", doi="10.1136/bjsports-2017-098110"
    ),
    Reference(
        "R90",
        "Impellizzeri et al. 2020, J Athl Train 55:893",
        doi="10.4085/1062-6050-501-19",
        pmid="32991699",
    ),
    Reference(
        "R91",
        "Impellizzeri et al. 2021, Sports Med 51:581",
        doi="10.1007/s40279-020-01378-6",
    ),
    Reference(
        "R98",
        "Tanaka, Monahan & Seals 2001, J Am Coll Cardiol 37:153",
        doi="10.1016/S0735-1097(00)01054-8",
        pmid="11153730",
    ),
)

REFERENCES: dict[str, Reference] = {ref.key: ref for ref in _REFS}


def _refs(*keys: str) -> tuple[Reference, ...]:
    return tuple(REFERENCES[key] for key in keys)


def references_for(keys: Iterable[str]) -> list[Reference]:
    """The showable references among basis keys (R…), in order, each once; § and C keys
    point into science.md itself and are left out."""
    return [REFERENCES[k] for k in dict.fromkeys(keys) if k in REFERENCES]


# --- Notes per modality ---------------------------------------------------------------------
# The modality-to-exerkine table (science.md, "The popular claims Myolog answers"):
#   heavy_resistance: IL-6, IGF-1, myostatin suppression
#   high_volume:      greater IL-6, irisin, BDNF
#   hiit:             systemic IGF-1, FGF21, irisin
#   endurance:        IL-6, BDNF, FGF21
# Verdict mapping (science.md "Evidence levels in the app"): Supported -> "strong" ("moderate"
# where 1c gives moderate confidence); Partly -> "moderate" or "limited" by strength;
# Disputed -> "disputed"; Unsupported -> "unsupported".

# Both irisin claims (5 and 9) share the measurement dispute, so the notes share a reason.
_IRISIN_REFS = ("R18", "R20")

# Endurance IL-6 (claim 10): high confidence for long sessions (60 min or more), moderate for
# shorter ones (1c). The insight of a session tagged "long" shows the first, others the second.
ENDURANCE_IL6_LONG = ExerkineNote(
    exerkine="IL-6",
    direction="up",
    claim="Endurance training raises IL-6.",
    summary=(
        "In long endurance sessions, working muscles release IL-6 into the blood, more the "
        "longer you go and the more muscle you use. Here it acts as a messenger that helps "
        "mobilise fuel and is followed by anti-inflammatory signals."
    ),
    evidence="strong",
    references=_refs("R4", "R5", "R6", "R1"),
    claim_no=10,
    basis=(("R4", "R5", "R6"), ("R1", "R6")),
    scope="sessions of about an hour or more",
)
ENDURANCE_IL6_SHORT = ExerkineNote(
    exerkine="IL-6",
    direction="up",
    claim="Endurance training raises IL-6.",
    summary=(
        "Working muscles release IL-6 into the blood during endurance exercise, and the rise "
        "grows with how long you go and how much muscle you use. In a session shorter than "
        "about an hour it stays modest, well below what long efforts bring."
    ),
    evidence="moderate",
    references=_refs("R4", "R5", "R1"),
    claim_no=10,
    basis=(("R4", "R5"), ("R5", "R1")),
    scope="sessions under about an hour",
)

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
            references=_refs("R42", "R8", "R9", "R1", "R4"),
            claim_no=1,
            basis=(("R42", "R8", "R9"), ("R1", "R4")),
        ),
        ExerkineNote(  # science.md claim 2: Partly (weak) -> limited
            exerkine="IGF-1",
            direction="up",
            claim="Heavy resistance training raises IGF-1.",
            summary=(
                "Blood IGF-1 goes up after lifting in some studies and not in others. These "
                "short hormone changes added nothing to muscle protein synthesis, nor, over weeks "
                "of training, to muscle size or strength."
            ),
            evidence="limited",
            references=_refs("R49", "R47", "R48"),
            claim_no=2,
            basis=(("R49",), ("R47", "R48")),
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
            claim_no=3,
            basis=(("R42",), ("R44", "R45")),
        ),
    ),
    "high_volume": (
        # science.md claim 4: Partly for endurance, unsupported for resistance training. In
        # Myolog high_volume is a resistance-session class (science.md 2b), so the verdict for
        # this kind of session is the resistance one -> unsupported. R5 (duration and muscle
        # mass) and R8 (volume loads in lifting) are what the sentences say; R7, about running
        # intensity, is not cited for them.
        ExerkineNote(
            exerkine="IL-6",
            direction="up",
            claim="High-volume training gives a greater IL-6 response.",
            summary=(
                "IL-6 responds mostly to how long you work and how much muscle is involved, "
                "which shows most clearly in long endurance sessions. In lifting, low, medium and "
                "high volumes gave the same blood IL-6, so adding sets hasn't been shown to "
                "raise it."
            ),
            evidence="unsupported",
            references=_refs("R5", "R8"),
            claim_no=4,
            basis=(("R5",), ("R8",)),
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
            claim_no=5,
            basis=(("R18", "R20", "R21"),),
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
            references=_refs("R26", "R32", "R33"),
            claim_no=6,
            basis=(("R26",), ("R32", "R33")),
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
            claim_no=7,
            basis=(("R50", "R49"),),
        ),
        # science.md claim 8: Partly -> limited: acute aerobic exercise does raise plasma
        # FGF21, but it is mainly a liver hormone, no human HIIT-versus-continuous trial was
        # found, and the one intensity comparison (R41) is unverified, so it is not cited.
        ExerkineNote(
            exerkine="FGF21",
            direction="up",
            claim="HIIT raises FGF21.",
            summary=(
                "Hard aerobic work briefly raises blood FGF21, a hormone made mainly by the "
                "liver that helps release stored fuel. We found no study in people comparing "
                "intervals with steady work for it."
            ),
            evidence="limited",
            references=_refs("R34", "R36", "R38"),
            claim_no=8,
            basis=(("R34", "R36", "R38"), ("C8",)),
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
            claim_no=9,
            basis=(_IRISIN_REFS, ("R24",)),
        ),
        # Not added: a BDNF note for HIIT (1c, "Blood BDNF rises acutely"): the table names no
        # BDNF claim for HIIT, and 1c's reference for the interval case (R41) is unverified.
    ),
    "endurance": (
        ENDURANCE_IL6_SHORT,  # claim 10; the long variant replaces it for sessions tagged long
        # science.md claim 11: Partly (true in blood, not a muscle signal); 1c confidence
        # moderate for BDNF -> moderate.
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
            references=_refs("R31", "R26", "R32"),
            claim_no=11,
            basis=(("R31", "R26"), ("R32",)),
        ),
        # science.md claim 12: Supported (as a hepatokine); 1c confidence moderate for
        # FGF21 -> moderate. R37 (liver origin) has no DOI; R38 covers the same point.
        ExerkineNote(
            exerkine="FGF21",
            direction="up",
            claim="Endurance training raises FGF21.",
            summary=(
                "Longer or harder aerobic sessions briefly raise blood FGF21. It comes mainly "
                "from the liver and helps the body draw on stored fuel."
            ),
            evidence="moderate",
            references=_refs("R34", "R35", "R36", "R38"),
            claim_no=12,
            basis=(("R34", "R35", "R36"), ("R38",)),
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
    # fasting boosts FGF21; the sentences say what was not found, and what fasts of a day or
    # two do (R39, R40), which is what those two studies show.
    "fasted": ModifierNote(
        code="fasted",
        claim="Training fasted amplifies exercise-induced FGF21.",
        summary=(
            "We found no study in people on whether training fasted changes how much FGF21 "
            "exercise brings, so there's no good evidence either way. Going without food for a "
            "day or two leaves FGF21 unchanged in people; only far longer fasts move it."
        ),
        evidence="unsupported",
        references=_refs("R39", "R40"),
        claim_no=16,
        basis=(("C16",), ("R39", "R40")),
    ),
    # science.md claim 20: Unsupported -> unsupported. R11: eccentric work adds damage and
    # soreness; R10 and R12: the IL-6 response does not follow muscle damage.
    "eccentric": ModifierNote(
        code="eccentric",
        claim="Emphasising eccentric (lowering-phase) work boosts myokine release.",
        summary=(
            "Slow or heavy lowering phases mostly add soreness and muscle damage. In studies, the "
            "IL-6 response didn't follow muscle damage, so this isn't a proven way to raise "
            "helpful muscle signals."
        ),
        evidence="unsupported",
        references=_refs("R11", "R10", "R12"),
        claim_no=20,
        basis=(("R11",), ("R10", "R12")),
    ),
    # science.md claim 15: Unsupported for irisin -> unsupported; short rests do raise
    # muscle-damage and inflammatory markers (R14).
    "short_rest": ModifierNote(
        code="short_rest",
        claim="Shorter rests and higher volume give larger irisin responses.",
        summary=(
            "We found no study in people testing rest length and irisin. What is known: short "
            "rests between sets caused more muscle damage and inflammatory markers than longer "
            "rests with the same total work."
        ),
        evidence="unsupported",
        references=_refs("R14"),
        claim_no=15,
        basis=(("C15",), ("R14",)),
    ),
    # science.md claim 19: Partly (shown for working muscle mass in endurance IL-6, untested
    # for lifts) -> limited. R5: muscle mass and IL-6 in endurance work; R47: leg vs arm work.
    "compound": ModifierNote(
        code="compound",
        claim="Multi-joint lifts recruit more muscle and release more myokines.",
        summary=(
            "Exercise that works more muscle tends to give bigger IL-6 responses in endurance "
            "studies, and leg work raised some hormones more than arm work. We found no study "
            "comparing multi-joint with single-joint lifts directly."
        ),
        evidence="limited",
        references=_refs("R5", "R47"),
        claim_no=19,
        basis=(("R5", "R47"), ("C19",)),
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
    # Absence stated as fact: say "we found no study" (science.md checked what it could find).
    r"\bno (?:study|studies|trial|trials) (?:in people )?(?:has|have)\b",
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


def notes_for(modalities: Iterable[str], *, long: bool = False) -> list[ExerkineNote]:
    """Union of the notes of the given modalities, in the order given.

    The caller passes modalities ranked, primary first. When two modalities name the same
    exerkine in the same direction, only one note is kept: the one of the earlier modality.
    `long` (the session is tagged long, ≥ 60 min of endurance) picks the high-confidence
    endurance IL-6 note. Raises ValueError for a modality not in MODALITIES.
    """
    notes: list[ExerkineNote] = []
    seen: set[tuple[str, str]] = set()
    for modality in _unique(modalities, MODALITY_NOTES, "modality"):
        for note in MODALITY_NOTES[modality]:
            if note is ENDURANCE_IL6_SHORT and long:
                note = ENDURANCE_IL6_LONG
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


def all_exerkine_notes() -> list[ExerkineNote]:
    """Every exerkine note the app can show, both endurance IL-6 variants included."""
    notes = [n for modality in MODALITIES for n in MODALITY_NOTES[modality]]
    return [*notes, ENDURANCE_IL6_LONG]


LEVEL_ORDER = {level: i for i, level in enumerate(reversed(EVIDENCE_LEVELS))}


def strongest(levels: Iterable[str]) -> str:
    """The strongest of some evidence levels (strong > moderate > limited > disputed >
    unsupported)."""
    return max(levels, key=LEVEL_ORDER.__getitem__)
