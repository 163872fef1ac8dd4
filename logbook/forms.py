"""Django forms for accounts and settings (the workout form is logbook.workout_form)."""

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


class SignupForm(UserCreationForm):
    email = forms.EmailField(help_text="For the weekly summary and password resets.")
    units = forms.ChoiceField(choices=Units.choices, initial=Units.KG)
    time_zone = forms.ChoiceField(choices=TIME_ZONES, initial="UTC")
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
                weekly_email_enabled=self.cleaned_data["weekly_email"],
            )
        return user


class SettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=TIME_ZONES)
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
            "hr_max": "Measured, if you know it; otherwise 220 − age is used, marked estimated.",
            "birth_year": "Only used to estimate max heart rate.",
        }


class TokenForm(forms.Form):
    name = forms.CharField(max_length=100, label="Token name", help_text="e.g. my watch")
