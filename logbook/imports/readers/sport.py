"""The sport of a GPS track that does not say: from the app or device that wrote it, or its
name, else from how fast it moved. Pure functions; the readers say what they inferred.

Speed thresholds, on the median speed while moving (stops left out, so traffic lights and
pauses do not pull a ride down to a jog):

- below 7.2 km/h a walk: people switch from walking to running at about 2.0 m/s
  (Hreljac 1993, "Preferred and energetically optimal gait transition speeds in human
  locomotion", Med Sci Sports Exerc 25:1158); comfortable walking is 4.5–5.5 km/h;
- from 7.2 to 16 km/h a run: 16 km/h is a 3:45 min/km pace, which few runners hold for a
  whole run, while a leisurely ride already moves at 15–20 km/h (a convention: the two
  overlap, and below 16 km/h the run is the likelier);
- 16 km/h and above a ride.
"""

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

WALK_BELOW_KMH = 7.2
RIDE_FROM_KMH = 16.0
MOVING_KMH = 1.0  # slower than this between two points is standing still (GPS drift)
MIN_MOVING_S = 60  # less moving time than this says nothing about the sport

INFERRED = "Sport inferred as"  # how each message about an inferred sport begins, after its row
NAMES = {
    "run": "running",
    "ride": "cycling",
    "walk": "walking",
    "swim": "swimming",
    "row": "rowing",
}

# Devices and apps that record one sport only (bike computers, a rowing erg's app…),
# matched as words, case-insensitively. Watches and general apps say nothing.
CREATORS = (
    (r"wahoo elemnt|elemnt|garmin edge|edge \d{3,4}|bryton|hammerhead|karoo", "ride"),
    (r"nike run club|nike\+ running", "run"),
    (r"concept ?2|ergdata", "row"),
    (r"form swim|myswimpro", "swim"),
)
# Words in a track's name ("Morning Run", Strava's defaults; "Evening Ride", "Hike"), and
# sport names in the languages apps write them ("Radfahren", "Course à pied", "Carrera").
WORDS = (
    (r"run|running|jog|jogging|parkrun|lauf|laufen|laufband|course (?:à pied|sur \w+)"
     r"|carrera|corsa|corrida|hardlopen", "run"),
    (r"ride|cycling|bike|biking|velo|vélo|radfahrt|\w*radfahren|cyclisme|ciclismo|fietsen"
     r"|wielrennen|mtb|gravel", "ride"),
    (r"walk|walking|hike|hiking|wandern|gehen|randonnée|marche|caminata|caminar|camminata"
     r"|wandelen", "walk"),
    (r"swim|swimming|\w*schwimmen|natation|natación|natacion|natação|nuoto|zwemmen", "swim"),
    (r"row|rowing|rudern", "row"),
)  # fmt: skip


# Sport names as apps write them ("trail_running", "Strength Training", "INDOOR_CYCLING"):
# these first, then the WORDS of track names.
KINDS = (
    (
        r"strength|weight training|weights|crossfit|krafttraining|musculation|krachttraining"
        r"|entrenamiento de fuerza|allenamento di forza|musculação",
        "strength",
    ),
    (r"hiit|cardio|circuit training|boot ?camp", "hiit"),
    (r"yoga|pilates|mobility|stretching|flexibility|breathing|breathwork", "mobility"),
    *WORDS,
)


def activity_named(kind: str) -> str | None:
    """The activity a sport's name in a file says, or None when it names none of ours."""
    words = kind.replace("_", " ")
    for pattern, activity in KINDS:
        if re.search(rf"\b(?:{pattern})\b", words, re.IGNORECASE):
            return activity
    return None


def activity_of_sets(exercises: Sequence[dict]) -> str:
    """A set-logging app's workout (Strong, Hevy, FitNotes) is strength training unless every
    set is cardio, a time or a distance with no reps or weight, of exercises whose names all
    say one sport ("Running (Treadmill)", "Rowing Machine", "Yoga"): then it is that sport."""
    named = set()
    for entry in exercises:
        for values in entry.get("sets") or []:
            cardio = values.get("distance_m") or values.get("duration_s")
            if values.get("reps") or values.get("load_kg") or not cardio:
                return "strength"
        named.add(activity_named(str(entry.get("exercise") or "")))
    return named.pop() if len(named) == 1 and None not in named else "strength"


@dataclass(frozen=True)
class Inferred:
    activity: str
    how: str  # "from its creator, Zwift", "from speed (median 11.2 km/h while moving)"

    def message(self) -> str:
        return f"{INFERRED} {NAMES[self.activity]} {self.how}."


def infer_sport(creator: str, name: str, speed_kmh: float | None) -> Inferred | None:
    """The likeliest sport: the creator first, the name next, speed last; None when
    nothing tells."""
    for text, patterns, said in ((creator, CREATORS, "its creator"), (name, WORDS, "its name")):
        for pattern, activity in patterns:
            if text and re.search(rf"\b(?:{pattern})\b", text, re.IGNORECASE):
                return Inferred(activity, f"from {said}, {text.strip()[:60]!r}")
    if speed_kmh is None:
        return None
    activity = (
        "walk" if speed_kmh < WALK_BELOW_KMH else "run" if speed_kmh < RIDE_FROM_KMH else "ride"
    )
    return Inferred(activity, f"from speed (median {speed_kmh:.1f} km/h while moving)")


def sport_from_speed(
    points: Sequence[tuple[datetime, float]], distance_m: float | None, duration_s: float | None
) -> Inferred | None:
    """The sport of a recording that names none: by its median moving speed, else by its
    average speed (distance over time) when it has no samples to measure."""
    speed = moving_speed_kmh(points)
    if speed is None and distance_m and duration_s:
        speed = round(distance_m / duration_s * 3.6, 1)
    return infer_sport("", "", speed)


def named_or_inferred(
    named: str | None,
    points: Sequence[tuple[datetime, float]],
    distance_m: float | None,
    duration_s: float | None,
) -> tuple[str, Inferred | None]:
    """The activity a file names, else the one its speed says (with how, for the job's
    messages), else "other"."""
    if named is not None:
        return named, None
    inferred = sport_from_speed(points, distance_m, duration_s)
    return (inferred.activity if inferred else "other"), inferred


def moving_speed_kmh(points: Sequence[tuple[datetime, float]]) -> float | None:
    """The time-weighted median speed while moving, from (time, metres so far) points in
    time order; None with under a minute of moving."""
    steps = []
    for (t1, d1), (t2, d2) in itertools.pairwise(points):
        seconds = (t2 - t1).total_seconds()
        if seconds <= 0 or not math.isfinite(d2 - d1):
            continue
        kmh = (d2 - d1) / seconds * 3.6
        if kmh >= MOVING_KMH:
            steps.append((kmh, seconds))
    moving = sum(seconds for _, seconds in steps)
    if moving < MIN_MOVING_S:
        return None
    steps.sort()
    elapsed = 0.0
    for kmh, seconds in steps:
        elapsed += seconds
        if elapsed >= moving / 2:
            return round(kmh, 1)
    return round(steps[-1][0], 1)  # not reached: the halfway point is always passed
