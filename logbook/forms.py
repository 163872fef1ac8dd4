"""Django forms for accounts and settings (the workout form is logbook.workout_form)."""

from datetime import date

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm

from logbook.models import Profile, Units
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

    def save(self, commit: bool = True):
        user = super().save(commit=commit)
        if commit:
            Profile.objects.filter(user=user).update(
                units=self.cleaned_data["units"],
                time_zone=self.cleaned_data["time_zone"],
                hr_max=self.cleaned_data.get("hr_max"),
                birth_year=self.cleaned_data.get("birth_year"),
                weekly_email_enabled=self.cleaned_data["weekly_email"],
            )
        return user


class SettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONES)
    birth_year = _birth_year_field()
    weekly_email_day = forms.TypedChoiceField(choices=DAYS, coerce=int, label="Day")
    weekly_email_hour = forms.TypedChoiceField(choices=HOURS, coerce=int, label="Hour")

    class Meta:
        model = Profile
        fields = [
            "units",
            "time_zone",
            "hr_max",
            "birth_year",
            "weekly_email_enabled",
            "weekly_email_day",
            "weekly_email_hour",
            "weekly_email_nudges",
        ]
        labels = {
            "units": "Units",
            "hr_max": "Max heart rate (bpm)",
            "birth_year": "Year of birth",
            "weekly_email_enabled": "Send me the weekly summary",
            "weekly_email_nudges": "Also after a week without sessions (a short nudge)",
        }
        help_texts = {
            "hr_max": HR_MAX_HELP + " Changing it updates your sessions' insights.",
            "birth_year": BIRTH_YEAR_HELP,
        }


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="Token name", help_text="e.g. my watch")
