"""Opening a workout in the web form and saving it unchanged changes nothing: fields the
form has no input for (a set's time and distance, an interval's distance and max heart rate)
ride along in hidden fields, and shown values rounded for display keep their stored SI value."""

from datetime import datetime
from html.parser import HTMLParser

import pytest

from logbook.api.representation import workout_to_dict
from logbook.models import Profile, Workout
from tests.factories import ExercisePayload, IntervalPayload, SetPayload, make_workout

pytestmark = pytest.mark.django_db


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's form, as it was rendered."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("submit", "button"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.fields.append((name, a.get("value") or "on"))
            else:
                self.fields.append((name, a.get("value") or ""))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value") or ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.fields.append((name, ""))

    def handle_data(self, data):
        if self._textarea:
            name, text = self.fields[-1]
            self.fields[-1] = (name, text + data)

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def submitted(html: str) -> dict[str, str]:
    parser = FormFields()
    parser.feed(html)
    return dict(parser.fields)


@pytest.mark.parametrize("units", ["kg", "lb"])
def test_saving_an_edit_page_unchanged_keeps_every_field_of_the_workout(client, user, units):
    Profile.objects.filter(user=user).update(units=units, time_zone="Europe/Berlin")
    workout = make_workout(
        user,
        activity="strength",
        distance_m=5237.4,
        elapsed_s=4321,  # a device's time with pauses: the form has no input for it
        exercises=[
            ExercisePayload(sets=[SetPayload(load_kg=102.5), SetPayload(load_kg=61.2)]),
            ExercisePayload(
                exercise="plank",
                sets=[{"duration_s": 75}, {"duration_s": 60, "rir": 2}],
            ),
            ExercisePayload(
                exercise="farmers-walk",
                sets=[{"load_kg": 32, "distance_m": 40.5, "duration_s": 35}],
            ),
        ],
        intervals=[
            IntervalPayload(distance_m=1234.5, max_hr=181),
            {"kind": "recovery", "duration_s": 90, "distance_m": 150},
        ],
    )
    before = workout_to_dict(Workout.objects.with_details().get(pk=workout.pk))
    client.force_login(user)
    html = client.get(f"/workouts/{workout.pk}/edit/").content.decode()
    assert "1:15" in html  # the plank's time is on the page, not only in a hidden field

    response = client.post(f"/workouts/{workout.pk}/edit/", {**submitted(html), "action": "save"})

    assert response.status_code == 302, response.content.decode()[:2000]
    after = workout_to_dict(Workout.objects.with_details().get(pk=workout.pk))
    before.pop("updated_at"), after.pop("updated_at")
    # The form shows the start in the profile's zone: the same instant, written in that zone.
    assert datetime.fromisoformat(after.pop("started_at")) == datetime.fromisoformat(
        before.pop("started_at")
    )
    # RIR is shown (and saved) as the equivalent RPE; everything else is as it was.
    plank = before["exercises"][1]["sets"][1]
    plank["rpe"], plank["rir"] = 8.0, None
    assert after == before


def test_a_tampered_kept_field_is_judged_by_the_workout_rules(client, user):
    workout = make_workout(
        user, exercises=[ExercisePayload(exercise="plank", sets=[{"duration_s": 60}])]
    )
    client.force_login(user)
    fields = submitted(client.get(f"/workouts/{workout.pk}/edit/").content.decode())
    fields["ex-0-set-0-kept"] = '{"duration_s": -5}'
    response = client.post(f"/workouts/{workout.pk}/edit/", {**fields, "action": "save"})
    assert response.status_code == 200
    assert "Must be between 0 and 86400." in response.content.decode()
    assert Workout.objects.get(pk=workout.pk).exercises.get().sets.get().duration_s == 60
