"""The science pages (/science/<slug>/): one for each exerkine, each kind of session and each
modifier, one on how Myolog classifies and one on the week. Plain data, no Django.

Every paragraph is a `Para` with its basis: reference keys of docs/science.md section 4
(R…), claims whose search found nothing (C…), or sections of science.md (§2b …) whose rule,
often a convention, it states. The page template shows the references, with links, and the
tests check every key against docs/science.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from insights.knowledge import (
    DISCLAIMER,
    ENDURANCE_IL6_LONG,
    EXERKINE_SLUGS,
    MODALITY_NOTES,
    MODALITY_SLUGS,
    MODIFIER_NOTES,
    MODIFIER_SLUGS,
    REFERENCES,
    ExerkineNote,
    ModifierNote,
    Reference,
    science_path,
)
from insights.thresholds import DEFAULT as T

MODALITY_TITLES = {
    "heavy_resistance": "Heavy resistance training",
    "high_volume": "High-volume resistance training",
    "hiit": "High-intensity interval training (HIIT)",
    "endurance": "Endurance training",
    "general": "General activity",
}
MODIFIER_TITLES = {
    "fasted": "Training fasted",
    "eccentric": "Eccentric (lowering-phase) emphasis",
    "short_rest": "Short rests between sets",
    "compound": "Multi-joint (compound) lifts",
}
LEVEL_WORDS = {
    "strong": "the claim is well supported",
    "moderate": "the claim has moderate support",
    "limited": "the claim has limited support",
    "disputed": "the evidence is disputed",
    "unsupported": "the claim is not supported",
}


@dataclass(frozen=True)
class Para:
    text: str
    basis: tuple[str, ...]
    level: str = ""  # an evidence level shown with it
    link: str = ""  # a page it points to
    link_text: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    paras: tuple[Para, ...]


@dataclass(frozen=True)
class Page:
    slug: str
    kind: str  # exerkine | modality | modifier | guide
    title: str
    lead: Para
    sections: tuple[Section, ...]
    related: tuple[tuple[str, str], ...] = field(default=())  # (title, path)

    @property
    def path(self) -> str:
        return science_path(self.slug)

    def basis_keys(self) -> list[str]:
        paras = [self.lead] + [p for s in self.sections for p in s.paras]
        return list(dict.fromkeys(k for p in paras for k in p.basis))

    def references(self) -> list[Reference]:
        return [REFERENCES[k] for k in self.basis_keys() if k in REFERENCES]


CAVEATS = Section(
    "Read with care",
    (
        Para(
            "Most of these findings come from small studies of single sessions, and blood "
            "levels rise for minutes to hours before falling back.",
            ("§caveats",),
        ),
        Para(
            "A rise in the blood does not by itself show a benefit: in people, only a few of "
            "the signals muscle sends have a known job.",
            ("R2",),
        ),
        Para(
            "Exerkine is the umbrella name for signalling molecules released with exercise, "
            "whichever organ makes them; not all of them come from muscle.",
            ("R3",),
        ),
    ),
)

EXERKINE_LEADS = {
    "IL-6": Para(
        "IL-6 (interleukin-6) is a signalling protein that working muscles release into the "
        "blood during exercise, in amounts that grow with how long and how much muscle works.",
        ("R4", "R1", "R5"),
    ),
    "IGF-1": Para(
        "IGF-1 (insulin-like growth factor 1) is one of the hormones long thought to drive "
        "muscle growth; after a session its blood level shifts briefly and inconsistently.",
        ("R47", "R49"),
    ),
    "myostatin": Para(
        "Myostatin is a protein that holds muscle growth back; exercise studies mostly measure "
        "the activity of its gene inside the trained muscle.",
        ("R42", "R43"),
    ),
    "irisin": Para(
        "Irisin was first described in mice as a signal from exercising muscle; whether the "
        "usual tests measure it properly in human blood is still argued.",
        ("R15", "R18", "R20"),
    ),
    "BDNF": Para(
        "BDNF (brain-derived neurotrophic factor) is a growth factor for nerve cells; muscle "
        "makes some, but most of the BDNF that rises in the blood with exercise comes from the "
        "brain.",
        ("R27", "R26"),
    ),
    "FGF21": Para(
        "FGF21 (fibroblast growth factor 21) is a hormone made mainly by the liver that helps "
        "the body draw on stored fuel; hard or long aerobic exercise raises it for a while.",
        ("R38", "R34"),
    ),
}

# How Myolog recognises each kind (docs/science.md 2a–2b), in words, with the numbers in use.
RULES = {
    "heavy_resistance": (
        Para(
            f"At least half of the hard sets at {T.heavy_pct:.0%} or more of an estimated "
            "one-rep max (1RM).",
            ("§2b", "R57", "R66", "R60"),
        ),
        Para(
            "The estimate comes from reps plus the reps in reserve you log (as RPE or RIR), in "
            f"this session or in your last {T.e1rm_history_days // 7} weeks. A session's own "
            "sets logged without effort are never read as if they went to failure, so without "
            "effort and without history a session is not called heavy.",
            ("§2a", "R67", "R68", "R69"),
        ),
        Para(
            f"Without an estimate, sets of {T.heavy_max_reps} reps or fewer with "
            f"{T.hard_set_max_rir:g} or fewer in reserve count as heavy. Once an estimate "
            f"exists, the {T.heavy_pct:.0%} line decides: 6 reps with 3 in reserve is a 9-rep "
            "maximum, just under that line.",
            ("§2b", "R66"),
        ),
        Para(
            f"Loads that are light for the lift, such as the empty {T.light_bar_kg:g} kg bar, "
            "never count as heavy, whatever the reps or effort. This line is our convention.",
            ("§2b",),
        ),
    ),
    "high_volume": (
        Para(
            f"{T.high_volume_session_sets} or more hard sets in the session, or "
            f"{T.high_volume_muscle_sets} or more for one muscle group, mostly of "
            f"{T.high_volume_min_reps} reps or more.",
            ("§2b", "R61", "R57"),
        ),
        Para(
            "These cut-offs are our convention: research ties muscle growth to the number of "
            "hard sets per week, not to a per-session count.",
            ("§2b", "R61"),
        ),
    ),
    "hiit": (
        Para(
            f"{T.hiit_min_bouts} or more work bouts of {T.hiit_bout_min_s} seconds to "
            f"{T.hiit_bout_max_s // 60} minutes at {T.hiit_hr_frac:.0%} or more of your max "
            f"heart rate, or RPE {T.hiit_rpe10:g} or more, with easier recoveries between them.",
            ("§2b", "R79", "R77"),
        ),
        Para(
            "Heart rate lags behind bouts shorter than about a minute, so for those the effort "
            "you rate is read first; the heart-rate line is not lowered.",
            ("§2b",),
        ),
        Para(
            "A mixed-modal circuit (lifts, jumps or cardio moves alternated with little rest) at "
            "a high session RPE or heart rate counts here as conditioning, not as heavy lifting.",
            ("§2b", "R82"),
        ),
        Para(
            "One continuous race or time trial has no repeated bouts, so it is endurance at high "
            "intensity rather than intervals.",
            ("§2b",),
        ),
    ),
    "endurance": (
        Para(
            f"At least {T.endurance_min:g} minutes without a break at moderate intensity or "
            f"more: {T.moderate_hr_frac:.0%} of max heart rate, or RPE {T.moderate_rpe10:g} on "
            "the 0–10 scale.",
            ("§2b", "R56"),
        ),
        Para(
            "Continuous means one unbroken stretch: a warm-up and a cool-down around intervals, "
            "or two jogs either side of a long walk, are separate pieces.",
            ("§2b",),
        ),
        Para(
            f"Sessions of {T.endurance_full_min:g} minutes or more are tagged long, because "
            "IL-6 grows with duration; a continuous race is tagged high intensity.",
            ("§2b", "R5"),
        ),
    ),
    "general": (
        Para(
            "Anything below the other lines: an easy walk, mobility work, technique practice with "
            "light loads, a deload at low effort.",
            ("§2b",),
        ),
    ),
}

EXAMPLES = {
    "heavy_resistance": "A squat and bench day of 5 × 3 at RPE 8–9, or a powerlifting meet.",
    "high_volume": "A bodybuilding split of 16–20 sets of 8–12 reps taken close to failure.",
    "hiit": "Norwegian 4 × 4 minutes, 10 × 1 minute hard, Tabata, or a hard AMRAP circuit.",
    "endurance": "A steady run, ride, row or swim of 20 minutes or more, or a 10K race.",
    "general": "A stroll, a yoga class, empty-bar technique work.",
}

MODIFIER_RULES = {
    "fasted": Para("Shown when you mark a session as fasted.", ("§2b",)),
    "eccentric": Para(
        f"Shown when {T.eccentric_min_sets} or more sets, or a third of the working sets, have "
        "a lowering phase of 3 seconds or more or are marked as eccentric.",
        ("§2b",),
    ),
    "short_rest": Para(
        f"Shown when the median logged rest between sets is {T.short_rest_s} seconds or less.",
        ("§2b", "R64", "R63", "R14"),
    ),
    "compound": Para("Shown when multi-joint lifts make up most of the working sets.", ("§2b",)),
}


def _note_para(note: ExerkineNote | ModifierNote, heading: str, link: str = "") -> Para:
    keys = tuple(dict.fromkeys(k for keys in note.basis for k in keys))
    return Para(
        f"{heading}: {note.summary}",
        keys,
        level=note.evidence,
        link=link,
        link_text="More on this molecule" if link else "",
    )


def _exerkine_page(name: str) -> Page:
    notes: list[tuple[str, ExerkineNote]] = []
    for modality, modality_notes in MODALITY_NOTES.items():
        for note in modality_notes:
            if note.exerkine == name:
                notes.append((modality, note))
                if note.scope and name == "IL-6" and modality == "endurance":
                    notes.append((modality, ENDURANCE_IL6_LONG))
    claims = tuple(
        Para(
            f"“{note.claim}”",
            ("§1",),
            link=science_path(MODALITY_SLUGS[modality]),
            link_text=MODALITY_TITLES[modality],
        )
        for modality, note in notes
        if note is not ENDURANCE_IL6_LONG
    )
    research = tuple(
        _note_para(note, MODALITY_TITLES[modality] + (f", {note.scope}" if note.scope else ""))
        for modality, note in notes
    )
    sessions = tuple(
        Para(
            f"{MODALITY_TITLES[modality]}{f' ({note.scope})' if note.scope else ''}: "
            f"{LEVEL_WORDS[note.evidence]}.",
            (f"C{note.claim_no}",),
            level=note.evidence,
            link=science_path(MODALITY_SLUGS[modality]),
            link_text=MODALITY_TITLES[modality],
        )
        for modality, note in notes
    )
    return Page(
        slug=EXERKINE_SLUGS[name],
        kind="exerkine",
        title=name,
        lead=EXERKINE_LEADS[name],
        sections=(
            Section("The popular claim", claims),
            Section("What the research says, and how strongly", research),
            Section("Sessions it relates to", sessions),
            CAVEATS,
        ),
        related=tuple(
            (MODALITY_TITLES[m], science_path(MODALITY_SLUGS[m]))
            for m in dict.fromkeys(m for m, _ in notes)
        ),
    )


def _modality_page(modality: str) -> Page:
    notes = MODALITY_NOTES[modality]
    if modality == "endurance":
        notes = (ENDURANCE_IL6_LONG, *notes)
    names = [n.exerkine for n in MODALITY_NOTES[modality]]
    sections = [Section("How Myolog recognises it", RULES[modality])]
    if names:
        claimed = ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]
        sections.append(
            Section(
                "The popular claim",
                (
                    Para(
                        f"Popular articles say that {MODALITY_TITLES[modality].lower()} sends "
                        f"particular signals from muscle: {claimed}.",
                        ("§1",),
                    ),
                ),
            )
        )
        sections.append(
            Section(
                "What the research says, and how strongly",
                tuple(
                    _note_para(
                        n,
                        n.exerkine + (f", {n.scope}" if n.scope else ""),
                        science_path(EXERKINE_SLUGS[n.exerkine]),
                    )
                    for n in notes
                ),
            )
        )
    else:
        sections.append(
            Section(
                "The popular claim",
                (
                    Para(
                        "The popular table names no signals for light activity, so Myolog adds "
                        "no notes to these sessions rather than stretch findings from weeks of "
                        "training onto one easy session.",
                        ("§1",),
                    ),
                ),
            )
        )
    sections.append(Section("What kinds of session relate", (Para(EXAMPLES[modality], ("§2b",)),)))
    sections.append(CAVEATS)
    return Page(
        slug=MODALITY_SLUGS[modality],
        kind="modality",
        title=MODALITY_TITLES[modality],
        lead=Para(
            f"What Myolog calls {MODALITY_TITLES[modality].lower()}, and what research says "
            "about the signals popular articles link to it.",
            ("§2b", "§1"),
        ),
        sections=tuple(sections),
        related=tuple((n.exerkine, science_path(EXERKINE_SLUGS[n.exerkine])) for n in notes),
    )


def _modifier_page(code: str) -> Page:
    note = MODIFIER_NOTES[code]
    return Page(
        slug=MODIFIER_SLUGS[code],
        kind="modifier",
        title=MODIFIER_TITLES[code],
        lead=Para(f"The popular claim: “{note.claim}”", ("§1",)),
        sections=(
            Section("What the research says, and how strongly", (_note_para(note, "In short"),)),
            Section("When Myolog shows this note", (MODIFIER_RULES[code],)),
            CAVEATS,
        ),
    )


CLASSIFICATION = Page(
    slug="classification",
    kind="guide",
    title="How Myolog reads a session",
    lead=Para(
        "Each session gets one main kind (heavy resistance, high volume, HIIT, endurance or "
        "general activity) and may meet the line of a second; every line below comes from "
        "our evidence document, and the ones that are our own choice say so.",
        ("§2",),
    ),
    sections=(
        Section(
            "Effort and the one-rep max",
            (
                RULES["heavy_resistance"][1],
                Para(
                    "A hard set is one with 3 or fewer reps in reserve (RPE 7 or more); without "
                    "a logged effort, one at 60% or more of the estimate with at least half the "
                    "reps possible at that load, or one at the 80% line.",
                    ("§2a", "R68", "R60"),
                ),
                Para(
                    "A missed attempt says the day's 1RM was below its load, so the completed "
                    "sets near it were at least that share of your maximum.",
                    ("§2a",),
                ),
            ),
        ),
        Section("Heavy resistance", tuple(RULES["heavy_resistance"][i] for i in (0, 2, 3))),
        Section("High volume", RULES["high_volume"]),
        Section("Intervals and circuits", RULES["hiit"]),
        Section("Endurance", RULES["endurance"]),
        Section(
            "Your max heart rate",
            (
                Para(
                    "Heart rate is judged against your measured max when you set one in Settings.",
                    ("§2b",),
                ),
                Para(
                    "Otherwise Myolog uses the highest heart rate in your workouts of the last "
                    f"{T.hr_recorded_days // 7} weeks, a floor for your true max, when it is above "
                    "the age estimate 208 − 0.7 × age: for your age if you give your birth year, "
                    f"else for an adult of {T.hr_assumed_age}. The insight says which it used, "
                    "marked estimated.",
                    ("§2b", "R98"),
                ),
                Para(
                    "Any age formula can be far off for one person, which is why a measured max "
                    "is best; changing it updates your sessions.",
                    ("§2b", "R98"),
                ),
            ),
        ),
        Section(
            "Intensity bands",
            (
                Para(
                    f"Moderate from {T.moderate_hr_frac:.0%} of max heart rate, vigorous from "
                    f"{T.vigorous_hr_frac:.0%}; on the 0–10 scale, moderate from "
                    f"{T.moderate_rpe10:g} and vigorous from {T.vigorous_rpe10:g} (our "
                    "mapping).",
                    ("§2b", "R56"),
                ),
            ),
        ),
    ),
)

WEEK = Page(
    slug="week",
    kind="guide",
    title="How Myolog reads a week",
    lead=Para(
        "The week page and the weekly email hold your week against the WHO guidelines first, "
        "and describe your training load without turning it into a risk score.",
        ("§2c", "§3", "R55"),
    ),
    sections=(
        Section(
            "The WHO guideline",
            (
                Para(
                    "150–300 minutes of moderate or 75–150 minutes of vigorous aerobic activity "
                    "a week, or a mix (a vigorous minute counts as two), plus "
                    "muscle-strengthening activity on 2 or more days.",
                    ("R55",),
                ),
                Para(
                    "A muscle-strengthening day is one with at least 4 working sets, at a "
                    "moderate effort or more and not light for the lift, for 2 or more of the "
                    "major muscle groups (legs, hips, back, abdomen, chest, shoulders, arms). "
                    "The set and group counts are our convention.",
                    ("§2c", "R55", "R56"),
                ),
            ),
        ),
        Section(
            "Suggestions",
            (
                Para(
                    "What is missing for health comes first. A kind of training the week did "
                    "not have is then offered as an option for variety, never as a quota: the "
                    "guidelines ask for aerobic and strength work, not for every kind of session.",
                    ("§2c", "R55"),
                ),
                Para(
                    "A week whose sessions you named as a meet, a race, a taper or a deload gets "
                    "no suggestion to add training.",
                    ("§2c",),
                ),
                Para(
                    "A week still in progress is marked as such and compared with the same days "
                    "of earlier weeks, never judged as if it were over.",
                    ("§2c", "§3c"),
                ),
            ),
        ),
        Section(
            "Training load",
            (
                Para(
                    "Load is session RPE (0–10) times minutes, a measure that agrees with "
                    "heart-rate based load for many kinds of training.",
                    ("R82",),
                ),
                Para(
                    "This week is compared with your average only when at least 3 of the 4 weeks "
                    "before had training; a marked jump is named, since changes in training are "
                    "usually best made gradually. It is no injury prediction: the ratio has "
                    "well-known flaws.",
                    ("§3c", "R89", "R90", "R91"),
                ),
                Para(
                    "Monotony and strain (Foster) are shown against your own history, not "
                    "against a universal cut-off.",
                    ("R83",),
                ),
            ),
        ),
    ),
)


def _build() -> dict[str, Page]:
    pages = [_exerkine_page(name) for name in EXERKINE_SLUGS]
    pages += [_modality_page(m) for m in MODALITY_SLUGS]
    pages += [_modifier_page(code) for code in MODIFIER_SLUGS]
    pages += [CLASSIFICATION, WEEK]
    return {page.slug: page for page in pages}


PAGES: dict[str, Page] = _build()
INDEX_GROUPS = (
    ("The molecules", [PAGES[s] for s in EXERKINE_SLUGS.values()]),
    ("Kinds of session", [PAGES[s] for s in MODALITY_SLUGS.values()]),
    ("Details of a session", [PAGES[s] for s in MODIFIER_SLUGS.values()]),
    ("How Myolog decides", [CLASSIFICATION, WEEK]),
)
__all__ = ["DISCLAIMER", "INDEX_GROUPS", "PAGES", "Page", "Para", "Section"]
