"""Django forms for accounts and settings (the workout form is logbook.workout_form)."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from logbook.models import Profile, TokenScope, Units
from logbook.schema import PROFILE_FORM_FIELDS, profile_change, profile_column
from logbook.timezones import known_time_zones

TIME_ZONES = [(name, name.replace("_", " ")) for name in sorted(known_time_zones())]
DAYS = [
    (1, "Monday"),
    (2, "Tuesday"),
    (3, "Wednesday"),
    (4, "Thursday"),
    (5, "Friday"),
    (6, "Saturday"),
    (7, "Sunday"),
]
HOURS = [(h, f"{h:02d}:00") for h in range(24)]


HR_MAX_HELP = (
    "Measured, if you know it (from a lab or field test). Without it, Myolog uses the highest "
    "heart rate in your recent workouts, or an estimate from your age, and says which."
)
BIRTH_YEAR_HELP = (
    "Only used to estimate max heart rate (208 − 0.7 × age, Tanaka), marked estimated, when "
    "no measured max is set."
)


def _birth_year_field() -> forms.IntegerField:
    return forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=date.today().year,
        label="Year of birth (optional)",
        help_text=BIRTH_YEAR_HELP,
    )


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For the weekly summary and password resets.")
    units = forms.ChoiceField(choices=Units.choices, initial=Units.KG)
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="UTC")
    hr_max = forms.IntegerField(
        required=False,
        min_value=100,
        max_value=240,
        label="Max heart rate in bpm (optional)",
        help_text=HR_MAX_HELP,
    )
    birth_year = _birth_year_field()
    weekly_email = forms.BooleanField(
        required=False, initial=True, label="Send me a weekly summary by email"
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")

    def profile_change(self) -> dict:
        """The preferences chosen at sign-up, as the profile's one schema takes them (the
        view hands them to services.update_profile, like every other door)."""
        data = self.cleaned_data
        return {
            "units": data["units"],
            "time_zone": data["time_zone"],
            "hr_max": data.get("hr_max"),
            "birth_year": data.get("birth_year"),
            "weekly_email": {"enabled": data["weekly_email"]},
        }


class SettingsForm(forms.ModelForm):
    """Shows the profile; its rules are the schema's (services.update_profile judges the
    change as PATCH /api/v1/me/ does), so the form only parses what was typed."""

    time_zone = forms.ChoiceField(choices=TIME_ZONES)
    hr_max = forms.IntegerField(
        required=False,
        label="Max heart rate (bpm)",
        help_text=HR_MAX_HELP + " Changing it updates your sessions' insights.",
    )
    birth_year = forms.IntegerField(
        required=False, label="Year of birth", help_text=BIRTH_YEAR_HELP
    )
    weekly_email_day = forms.TypedChoiceField(choices=DAYS, coerce=int, label="Day")
    weekly_email_hour = forms.TypedChoiceField(choices=HOURS, coerce=int, label="Hour")

    class Meta:
        model = Profile
        fields = PROFILE_FORM_FIELDS
        labels = {
            "units": "Units",
            "weekly_email_enabled": "Send me the weekly summary",
            "weekly_email_nudges": "Also after a week without sessions (a short nudge)",
        }

    def _post_clean(self) -> None:
        """Not the model's validators: the schema's rules, applied by the service."""

    def profile_change(self) -> dict:
        """The cleaned fields as the profile's one schema takes them (schema.ProfileIn)."""
        return profile_change(self.cleaned_data)

    def add_profile_errors(self, errors: dict[str, list[str]]) -> None:
        add_profile_errors(self, errors)


def add_profile_errors(form: forms.BaseForm, errors: dict[str, list[str]]) -> None:
    """The schema's errors (by path, e.g. weekly_email.day) beside the form's fields."""
    for path, messages in errors.items():
        field = profile_column(path)
        for message in messages:
            form.add_error(field if field in form.fields else None, message)


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="Token name", help_text="e.g. my watch")
    scope = forms.ChoiceField(
        choices=TokenScope.choices,
        initial=TokenScope.WRITE,
        required=False,  # absent: read and write, as the API
        label="Access",
        help_text="A tracker that sends workouts needs read and write; read only can only read.",
    )
    expires_in_days = forms.TypedChoiceField(
        choices=[("", "Never"), (30, "In 30 days"), (90, "In 90 days"), (365, "In a year")],
        coerce=int,
        empty_value=None,
        required=False,
        label="Expires",
    )
