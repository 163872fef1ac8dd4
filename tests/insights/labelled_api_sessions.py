"""A second labelled set, as API bodies: sessions new users really post (issue 15).

Written and committed before the classifier was changed for issue 15, and labelled from
the definitions alone (docs/science.md "Classification thresholds", i.e. the evidence
base's section 2b, with issue 15's readings of it):

- Heavy resistance needs evidence of %1RM or effort: ≥ 50% of hard sets at ≥ 80% of an
  estimated 1RM, where the estimate comes from logged effort (RPE/RIR, today or in the
  lifter's history), never from the same session's sets taken as if to failure; without
  an estimate, ≥ 50% of hard sets with ≤ 6 reps at a *logged* RIR ≤ 3. Nothing logged:
  not heavy. Loads that are light for the lift (an empty bar, a 10 kg bar) are never heavy.
- High volume: ≥ 15 hard sets (or ≥ 8 for one muscle group), reps mostly ≥ 8.
- HIIT: ≥ 3 work bouts of 10 s–4 min at ≥ 85% HRmax (or RPE ≥ 7; for bouts under ~60 s,
  RPE rather than heart rate), with easier recoveries; mixed-modal circuits with little
  rest and a high session RPE or heart rate are conditioning, i.e. HIIT.
- Endurance: an unbroken block of ≥ 20 min at ≥ moderate intensity (≥ 64% HRmax, CR-10
  ≥ 3); separate warm-up, cool-down and easy segments are not one block. A continuous race
  is endurance (tagged high intensity), not HIIT.
- General: none of these.

Each session is posted through the public API into a fresh account with no history, and
again into an account that already holds the lifter's history: by default the same session
logged one, two and three weeks earlier (what a person repeating their plan has), or the
history a session names. `labels` gives the expected primary per condition when history
legitimately changes it (an estimated 1RM from earlier RPE-logged sets). `never_heavy`
marks the sessions that must not read as heavy in any condition (light for the lift,
technique, deload, conditioning).
"""

from dataclasses import dataclass, field

HEAVY, VOLUME, HIIT, ENDURANCE, GENERAL = (
    "heavy_resistance",
    "high_volume",
    "hiit",
    "endurance",
    "general",
)
FRESH, HISTORY = "fresh", "history"
STARTED_AT = "2026-10-14T18:00:00+02:00"  # a Wednesday; history goes back from here


# --- Builders (API bodies, API.md) ------------------------------------------------------


def st(reps=None, kg=None, *, rpe=None, rir=None, rest=None, warmup=False, kind=None, secs=None):
    body = {"reps": reps, "load_kg": kg, "rpe": rpe, "rir": rir, "rest_s": rest}
    if warmup:
        body["set_type"] = "warmup"
    if kind:
        body["set_type"] = kind
    if secs is not None:
        body["duration_s"] = secs
    return {k: v for k, v in body.items() if v is not None or k in ("reps", "load_kg")}


def sets(n, reps=None, kg=None, **kw):
    return [st(reps, kg, **kw) for _ in range(n)]


def ex(slug, *groups, superset=None):
    flat = [s for g in groups for s in (g if isinstance(g, list) else [g])]
    return {"exercise": slug, "superset": superset, "sets": flat}


def iv(kind, secs, hr=None, rpe=None):
    body = {"kind": kind, "duration_s": secs}
    if hr is not None:
        body["avg_hr"] = hr
    if rpe is not None:
        body["rpe"] = rpe
    return body


def work(secs, hr=None, rpe=None):
    return iv("work", secs, hr, rpe)


def rec(secs, hr=None, rpe=None):
    return iv("recovery", secs, hr, rpe)


def steady(secs, hr=None, rpe=None):
    return iv("steady", secs, hr, rpe)


def repeat(n, *pattern):
    return [dict(p) for _ in range(n) for p in pattern]


def workout(activity, *, minutes=None, title="", srpe=None, avg_hr=None, max_hr=None, **kw):
    body = {
        "started_at": STARTED_AT,
        "title": title,
        "activity": activity,
        "exercises": kw.pop("exercises", []),
        "intervals": kw.pop("intervals", []),
    }
    if minutes is not None:
        body["duration_s"] = round(minutes * 60)
    for key, value in (("session_rpe", srpe), ("avg_hr", avg_hr), ("max_hr", max_hr)):
        if value is not None:
            body[key] = value
    body.update(kw)
    return body


@dataclass(frozen=True)
class Labelled:
    name: str
    label: str  # the expected primary in every condition unless `labels` says otherwise
    body: dict
    why: str  # the definition the label follows
    never_heavy: bool = False
    profile: dict = field(default_factory=dict)  # PATCH /api/v1/me/ before posting
    history: tuple = ()  # (days_before, body) pairs; empty: the same session 7/14/21 days before
    labels: dict = field(default_factory=dict)  # {"fresh"|"history": primary}
    rationale_excludes: tuple = ()
    rationale_includes_any: tuple = ()

    def expected(self, condition: str) -> str:
        return self.labels.get(condition, self.label)


SESSIONS: list[Labelled] = [
    # ---- First lifting sessions without effort ----
    Labelled(
        "empty_bar_5x5_first_session",
        GENERAL,
        workout(
            "strength",
            minutes=45,
            title="Stronglifts day 1",
            exercises=[
                ex("back-squat", sets(5, 5, 20, rest=90)),
                ex("bench-press", sets(5, 5, 20, rest=90)),
                ex("barbell-row", sets(5, 5, 20, rest=90)),
            ],
        ),
        "An empty 20 kg bar is light for any of these lifts; 15 sets of 5 are not high volume "
        "(reps mostly under 8); no effort logged.",
        never_heavy=True,
        rationale_includes_any=("RPE", "RIR"),
    ),
    Labelled(
        "three_by_five_10kg_first_session",
        GENERAL,
        workout(
            "strength",
            minutes=30,
            exercises=[
                ex("front-squat", sets(3, 5, 10, rest=90)),
                ex("overhead-press", sets(3, 5, 10, rest=90)),
                ex("romanian-deadlift", sets(3, 5, 10, rest=90)),
            ],
        ),
        "A 10 kg technique bar is light for every lift here; nine sets, no effort logged.",
        never_heavy=True,
    ),
    Labelled(
        "first_session_machines_no_effort",
        GENERAL,
        workout(
            "strength",
            minutes=40,
            title="First gym visit",
            exercises=[
                ex("leg-press", sets(3, 10, 60)),
                ex("lat-pulldown", sets(3, 10, 35)),
                ex("machine-chest-press", sets(3, 10, 25)),
                ex("seated-leg-curl", sets(3, 12, 20)),
            ],
        ),
        "Twelve machine sets of 10–12 with no effort: not heavy, not 15 hard sets.",
        never_heavy=True,
    ),
    Labelled(
        "first_session_5x5_100kg_no_effort",
        GENERAL,
        workout(
            "strength",
            minutes=60,
            exercises=[
                ex("back-squat", st(5, 20, warmup=True), st(5, 60, warmup=True), sets(5, 5, 100)),
                ex("bench-press", st(5, 20, warmup=True), sets(5, 5, 70, rest=180)),
            ],
        ),
        "Without logged effort and without history there is no estimated 1RM, and without RIR "
        "no set can be called hard by the no-estimate rule: not heavy; ten sets of 5 are not "
        "high volume.",
        rationale_includes_any=("RPE", "RIR"),
    ),
    Labelled(
        "first_session_heavy_with_rpe",
        HEAVY,
        workout(
            "strength",
            minutes=70,
            exercises=[
                ex(
                    "back-squat",
                    st(5, 60, warmup=True),
                    st(3, 90, warmup=True),
                    sets(5, 3, 120, rpe=8.5, rest=240),
                ),
                ex("bench-press", st(5, 40, warmup=True), sets(4, 4, 85, rpe=8, rest=180)),
            ],
        ),
        "With RPE, e1RM comes from reps + reps in reserve: 3 reps at RPE 8.5 ≈ 86% and 4 at "
        "RPE 8 ≈ 86%; every hard set ≥ 80%.",
    ),
    Labelled(
        "first_session_heavy_with_rir",
        HEAVY,
        workout(
            "strength",
            minutes=60,
            exercises=[
                ex("deadlift", st(5, 60, warmup=True), sets(4, 3, 150, rir=2, rest=240)),
                ex("overhead-press", sets(4, 5, 50, rir=2, rest=180)),
            ],
        ),
        "3 reps with 2 in reserve ≈ 89% e1RM, 5 with 2 in reserve ≈ 83%: heavy from the first "
        "session on.",
    ),
    Labelled(
        "first_session_hypertrophy_rpe",
        VOLUME,
        workout(
            "strength",
            minutes=70,
            exercises=[
                ex("bench-press", sets(4, 10, 60, rpe=8, rest=120)),
                ex("seated-cable-row", sets(4, 10, 50, rpe=8, rest=90)),
                ex("incline-dumbbell-press", sets(4, 12, 20, rpe=8, rest=90)),
                ex("lat-pulldown", sets(4, 12, 45, rpe=8.5, rest=90)),
                ex("dumbbell-lateral-raise", sets(4, 15, 8, rpe=8.5, rest=60)),
            ],
        ),
        "20 hard sets (RPE 8–8.5) of 10–15 reps: high volume; 10 reps at RIR 2 ≈ 75% e1RM, "
        "not heavy.",
    ),
    Labelled(
        "six_reps_rir3_is_moderate",
        GENERAL,
        workout(
            "strength",
            minutes=55,
            exercises=[
                ex("back-squat", sets(5, 6, 105, rir=3, rest=150)),
                ex("bench-press", sets(5, 6, 75, rir=3, rest=150)),
            ],
        ),
        "6 reps with 3 in reserve is ~78% of the e1RM those sets imply: the ≤ 6 reps at RIR ≤ 3 "
        "rule does not apply once an e1RM is known; ten hard sets are not high volume.",
    ),
    Labelled(
        "rir3_fours_heavy_unless_history_says_light",
        HEAVY,
        workout(
            "strength",
            minutes=50,
            exercises=[ex("back-squat", st(5, 60, warmup=True), sets(5, 4, 120, rir=3))],
        ),
        "4 reps with 3 in reserve ≈ 83% of today's e1RM: heavy in a fresh account. With a "
        "squat e1RM of ~164 kg from earlier RPE-logged sets, 120 kg is 73%: not heavy.",
        history=(
            (
                12,
                workout(
                    "strength",
                    minutes=40,
                    exercises=[ex("back-squat", sets(3, 3, 150, rpe=9, rest=300))],
                ),
            ),
        ),
        labels={HISTORY: GENERAL},
    ),
    Labelled(
        "no_effort_today_heavy_by_rpe_history",
        GENERAL,
        workout(
            "strength",
            minutes=45,
            exercises=[ex("back-squat", st(5, 60, warmup=True), sets(5, 3, 140, rest=240))],
        ),
        "Fresh: no effort, no history, so not heavy. With a squat e1RM of ~158 kg from sets "
        "logged at RPE 9 ten days earlier, 140 kg × 3 is 89%: heavy.",
        history=(
            (
                10,
                workout(
                    "strength",
                    minutes=40,
                    exercises=[ex("back-squat", sets(3, 3, 145, rpe=9, rest=300))],
                ),
            ),
        ),
        labels={HISTORY: HEAVY},
    ),
    Labelled(
        "light_bench_after_heavy_history",
        HEAVY,
        workout(
            "strength",
            minutes=35,
            exercises=[ex("bench-press", sets(5, 5, 50, rpe=8, rest=120))],
        ),
        "Fresh: 5 reps at RPE 8 ≈ 83% of today's e1RM, heavy. With a bench e1RM of ~120 kg "
        "from RPE-logged sets, 50 kg is ~42%: not heavy.",
        history=(
            (
                9,
                workout(
                    "strength",
                    minutes=40,
                    exercises=[ex("bench-press", sets(3, 5, 100, rpe=8, rest=240))],
                ),
            ),
        ),
        labels={HISTORY: GENERAL},
    ),
    # ---- Technique and deload ----
    Labelled(
        "snatch_technique_empty_bar",
        GENERAL,
        workout(
            "strength",
            minutes=45,
            title="Snatch technique",
            exercises=[
                ex("snatch", sets(8, 3, 20, rest=60)),
                ex("overhead-squat", sets(5, 3, 20, rest=60)),
            ],
        ),
        "Empty-bar technique work: light for the lifts, whatever the reps.",
        never_heavy=True,
    ),
    Labelled(
        "clean_technique_low_rpe",
        GENERAL,
        workout(
            "strength",
            minutes=40,
            exercises=[
                ex("power-clean", sets(6, 2, 40, rpe=5, rest=90)),
                ex("front-squat", sets(3, 3, 50, rpe=5, rest=90)),
            ],
        ),
        "RPE 5 is 5 reps in reserve: not hard sets, so neither heavy nor high volume.",
        never_heavy=True,
    ),
    Labelled(
        "deload_week_rpe_5",
        GENERAL,
        workout(
            "strength",
            minutes=45,
            title="Deload",
            exercises=[
                ex("back-squat", sets(3, 5, 90, rpe=5, rest=120)),
                ex("bench-press", sets(3, 5, 60, rpe=5, rest=120)),
                ex("romanian-deadlift", sets(3, 8, 70, rpe=5, rest=120)),
            ],
        ),
        "A deload at RPE 5: no hard sets.",
        never_heavy=True,
    ),
    Labelled(
        "deload_no_set_effort_easy_session",
        GENERAL,
        workout(
            "strength",
            minutes=40,
            title="Deload week",
            srpe=3,
            exercises=[
                ex("back-squat", sets(3, 5, 70, rest=120)),
                ex("bench-press", sets(3, 5, 50, rest=120)),
                ex("barbell-row", sets(3, 8, 40, rest=120)),
            ],
        ),
        "No set effort, a session rated 3 (moderate) and no estimate: not heavy.",
        never_heavy=True,
    ),
    Labelled(
        "rehab_light_dumbbells",
        GENERAL,
        workout(
            "strength",
            minutes=30,
            srpe=3,
            exercises=[
                ex("goblet-squat", sets(3, 10, 8, rpe=6)),
                ex("dumbbell-romanian-deadlift", sets(3, 10, 8, rpe=6)),
                ex("band-pull-apart", sets(3, 15, rpe=5)),
            ],
        ),
        "Light dumbbells at RPE 5–6: no hard sets.",
        never_heavy=True,
    ),
    # ---- Conditioning circuits ----
    Labelled(
        "amrap_light_thrusters_burpees",
        HIIT,
        workout(
            "hiit",
            minutes=20,
            title="AMRAP 20",
            srpe=9,
            exercises=[
                ex("thruster", sets(6, 10, 30), superset=1),
                ex("burpee", sets(6, 10), superset=1),
            ],
        ),
        "A mixed-modal AMRAP with no rest, session RPE 9, logged as HIIT: conditioning.",
        never_heavy=True,
    ),
    Labelled(
        "kettlebell_circuit_logged_as_strength",
        HIIT,
        workout(
            "strength",
            minutes=16,
            srpe=8,
            exercises=[
                ex("kettlebell-swing", sets(5, 15, 16, rest=15), superset=1),
                ex("push-up", sets(5, 10, rest=15), superset=1),
                ex("air-squat", sets(5, 15, rest=15), superset=1),
            ],
        ),
        "Light kettlebell, push-ups and air squats alternated with 15 s rests at session RPE "
        "8: a conditioning circuit, not lifting heavy or high-volume strength work.",
        never_heavy=True,
    ),
    Labelled(
        "emom_kettlebell_intervals",
        HIIT,
        workout(
            "hiit",
            title="EMOM 12",
            intervals=repeat(12, work(40, rpe=8), rec(20)),
            exercises=[ex("kettlebell-swing", sets(12, 15, 20))],
        ),
        "12 work bouts of 40 s at RPE 8 with easy recoveries: HIIT.",
        never_heavy=True,
    ),
    Labelled(
        "easy_bodyweight_circuit",
        GENERAL,
        workout(
            "other",
            minutes=25,
            srpe=3,
            exercises=[
                ex("air-squat", sets(3, 15, rest=30), superset=1),
                ex("push-up", sets(3, 10, rest=30), superset=1),
                ex("bodyweight-lunge", sets(3, 10, rest=30), superset=1),
                ex("plank", sets(3, secs=30, rest=30), superset=1),
            ],
        ),
        "A circuit with little rest but session RPE 3: not high intensity, not hard sets.",
        never_heavy=True,
    ),
    Labelled(
        "wall_ball_box_jump_circuit_hr",
        HIIT,
        workout(
            "hiit",
            minutes=24,
            avg_hr=164,
            max_hr=181,
            exercises=[
                ex("wall-ball", sets(5, 20, 9), superset=1),
                ex("box-jump", sets(5, 10), superset=1),
                ex("rowing-machine", sets(5, secs=120), superset=1),
            ],
        ),
        "A mixed-modal circuit averaging 89% of a measured max heart rate of 185: HIIT.",
        never_heavy=True,
        profile={"hr_max": 185},
    ),
    # ---- Races ----
    Labelled(
        "race_10k_hr",
        ENDURANCE,
        workout("run", minutes=45, title="Town 10K", avg_hr=172, max_hr=184, srpe=9),
        "A continuous 45 min race at 91% of HRmax: endurance (high intensity), no repeated bouts.",
        profile={"hr_max": 190},
    ),
    Labelled(
        "race_5k_rpe_only",
        ENDURANCE,
        workout("run", minutes=24, title="parkrun PB", srpe=9),
        "A 24 min continuous race at session RPE 9: endurance, not HIIT.",
    ),
    Labelled(
        "half_marathon_race_km_laps",
        ENDURANCE,
        workout(
            "run",
            title="Half marathon",
            intervals=[steady(300, hr=hr) for hr in (160, 164, 166, 167) + (168,) * 13],
        ),
        "Seventeen 5-min laps logged by a watch at 85–89% of HRmax: one continuous block.",
        profile={"hr_max": 188},
    ),
    Labelled(
        "race_5k_with_warmup_and_cooldown",
        ENDURANCE,
        workout(
            "run",
            title="5K race",
            intervals=[steady(900, hr=130), work(1320, hr=178), steady(600, hr=125)],
        ),
        "The race is one unbroken 22 min block at 94% HRmax: endurance with a high-intensity "
        "tag; warm-up and cool-down are separate blocks.",
        profile={"hr_max": 190},
    ),
    Labelled(
        "run_3k_time_trial_rpe",
        ENDURANCE,
        workout("run", title="3 km time trial", intervals=[work(720, rpe=9)]),
        "One continuous 12 min all-out effort: a race effort, not repeated bouts; endurance "
        "with a high-intensity tag.",
    ),
    # ---- Strides ----
    Labelled(
        "easy_run_relaxed_strides_hr",
        ENDURANCE,
        workout(
            "run",
            intervals=[
                steady(1800, hr=135),
                *repeat(6, work(20, hr=150), rec(60, hr=140)),
                steady(300, hr=132),
            ],
        ),
        "Relaxed strides reach 79% of HRmax (below 85%): not hard bouts; 30 min unbroken at "
        "moderate intensity: endurance.",
        profile={"hr_max": 190},
    ),
    Labelled(
        "easy_run_fast_strides_rpe",
        ENDURANCE,
        workout(
            "run",
            intervals=[
                steady(2100, rpe=3),
                *repeat(8, work(20, rpe=8), rec(40)),
                steady(300, rpe=2),
            ],
        ),
        "35 min unbroken easy-moderate running dominates 8 short strides.",
    ),
    Labelled(
        "short_jog_relaxed_strides",
        GENERAL,
        workout(
            "run",
            intervals=[steady(600, rpe=3), *repeat(6, work(15, rpe=6), rec(60))],
        ),
        "A 10 min jog with relaxed strides (RPE 6 < 7): no hard bouts and no 20 min block.",
    ),
    # ---- Runs with separate warm-up and cool-down ----
    Labelled(
        "intervals_with_long_warmup_cooldown",
        HIIT,
        workout(
            "run",
            intervals=[
                steady(720, hr=130),
                *repeat(5, work(180, hr=172), rec(120, hr=140)),
                steady(600, hr=128),
            ],
        ),
        "5 × 3 min at 91% HRmax: HIIT; the 12 min warm-up and 10 min cool-down are separate "
        "blocks, not 22 continuous minutes.",
        profile={"hr_max": 190},
    ),
    Labelled(
        "jog_walk_break_jog",
        GENERAL,
        workout(
            "run",
            intervals=[steady(600, hr=140), rec(600, hr=98), steady(600, hr=142)],
        ),
        "Two 10 min jogs separated by a 10 min walk at 53% HRmax: no unbroken 20 min block.",
        profile={"hr_max": 185},
    ),
    Labelled(
        "tempo_run_with_warmup_cooldown",
        ENDURANCE,
        workout(
            "run",
            intervals=[steady(600, hr=128), work(1200, hr=165), steady(600, hr=130)],
        ),
        "A 20 min tempo block at 88% HRmax between easy running: endurance, one block.",
        profile={"hr_max": 188},
    ),
    Labelled(
        "hill_sprints_with_warmup_cooldown",
        HIIT,
        workout(
            "run",
            intervals=[
                steady(900, hr=132),
                *repeat(8, work(12, rpe=10), rec(120, rpe=2)),
                steady(900, hr=128),
            ],
        ),
        "8 all-out 12 s hill sprints (RPE 10): HIIT (SIT); 15 + 15 min easy running are two "
        "blocks, not 30 continuous minutes.",
        profile={"hr_max": 190},
    ),
    # ---- Swims ----
    Labelled(
        "swim_continuous_1500",
        ENDURANCE,
        workout("swim", minutes=35, title="1500 m steady", srpe=5),
        "35 min continuous swimming at session RPE 5: endurance.",
    ),
    Labelled(
        "swim_8x50_sprints",
        HIIT,
        workout(
            "swim",
            intervals=[
                steady(480, rpe=3),
                *repeat(8, work(45, rpe=9), rec(30)),
                steady(240, rpe=2),
            ],
        ),
        "8 × 50 m at RPE 9 with 30 s rests: HIIT.",
    ),
    Labelled(
        "swim_drills_easy",
        GENERAL,
        workout("swim", minutes=30, title="Technique drills", srpe=2),
        "Easy drills at session RPE 2: below moderate.",
    ),
    Labelled(
        "swim_threshold_4x400",
        ENDURANCE,
        workout(
            "swim",
            intervals=[
                steady(360, rpe=3),
                *repeat(4, work(420, rpe=7), rec(20)),
                steady(240, rpe=2),
            ],
        ),
        "4 × 400 m of 7 min with 20 s on the wall: a near-continuous 28 min aerobic block; the "
        "bouts are longer than HIIT's 4 min.",
    ),
    # ---- Mixed sessions ----
    Labelled(
        "heavy_lifts_then_easy_bike",
        HEAVY,
        workout(
            "strength",
            exercises=[
                ex("back-squat", st(5, 60, warmup=True), sets(5, 3, 130, rpe=8.5, rest=240)),
                ex("bench-press", sets(5, 3, 90, rpe=8.5, rest=180)),
            ],
            intervals=[steady(900, hr=120)],
        ),
        "Ten hard sets at ~86% e1RM, then a 15 min easy spin: heavy.",
        profile={"hr_max": 185},
    ),
    Labelled(
        "short_pump_then_long_run",
        ENDURANCE,
        workout(
            "other",
            exercises=[
                ex("push-up", sets(3, 15, rpe=7, rest=60)),
                ex("dumbbell-row", sets(3, 12, 20, rpe=7, rest=60)),
                ex("plank", sets(3, secs=45, rest=45)),
            ],
            intervals=[steady(3000, hr=140)],
        ),
        "50 min unbroken run at 74% HRmax after a short bodyweight circuit: endurance.",
        profile={"hr_max": 190},
    ),
    Labelled(
        "bike_intervals_then_core",
        HIIT,
        workout(
            "ride",
            intervals=[
                steady(600, hr=120),
                *repeat(6, work(180, hr=165), rec(120, hr=130)),
                steady(300, hr=115),
            ],
            exercises=[ex("plank", sets(3, secs=45, rest=45)), ex("dead-bug", sets(3, 10))],
        ),
        "6 × 3 min at 89% HRmax: HIIT; the core work adds little.",
        profile={"hr_max": 185},
    ),
    # ---- Heart rate without a profile ----
    Labelled(
        "run_hr_on_every_lap_no_profile",
        ENDURANCE,
        workout(
            "run",
            max_hr=176,
            intervals=[steady(300, hr=hr) for hr in (138, 144, 146, 147, 148, 148, 149, 150)],
        ),
        "40 min of laps with heart rate on each: continuous endurance; the workout's own "
        "heart rate must be used, not ignored.",
        rationale_excludes=("No heart rate or RPE",),
    ),
    Labelled(
        "norwegian_4x4_birth_year_only",
        HIIT,
        workout(
            "run",
            max_hr=178,
            intervals=[
                steady(600, hr=130),
                *repeat(4, work(240, hr=170), rec(180, hr=140)),
                steady(300, hr=125),
            ],
        ),
        "4 × 4 min at 93% of an age-predicted HRmax (born 1990): HIIT.",
        profile={"birth_year": 1990},
    ),
    Labelled(
        "tabata_bike_rpe",
        HIIT,
        workout(
            "ride",
            intervals=[steady(600, rpe=3), *repeat(8, work(20, rpe=10), rec(10)), steady(300)],
        ),
        "8 × 20 s all-out: HIIT (SIT).",
    ),
    # ---- Plain activity ----
    Labelled(
        "easy_walk_duration_only",
        GENERAL,
        workout("walk", minutes=40),
        "A walk with nothing logged: light activity.",
    ),
    Labelled(
        "yoga_class",
        GENERAL,
        workout("mobility", minutes=60, srpe=2, exercises=[ex("yoga", st(secs=3600))]),
        "Mobility: none of the four apply.",
        never_heavy=True,
    ),
]
