"""Web pages of the logbook: sign-up, settings and tokens, the workout form. Thin: read with
a selector, write through logbook.services. Pages that show insights (the dashboard, the
history, a workout) live in insights.workout_views."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from logbook import selectors, services, workout_form
from logbook.common.errors import InvalidInput
from logbook.common.input import whole_number
from logbook.forms import SettingsForm, SignupForm, TokenForm, add_profile_errors
from logbook.models import Activity, TokenScope, Workout
from logbook.schema import clean_workout
from logbook.selectors import get_profile
from logbook.tokens import TOO_MANY_TOKENS, TooManyTokens, issue_token, revoke_token
from logbook.units import load_to_display


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():  # the account and its preferences, or neither
                user = form.save()
                services.update_profile(user, form.profile_change())
        except InvalidInput as invalid:
            add_profile_errors(form, invalid.errors)
        except IntegrityError:  # the same name signed up a moment ago (the form checked first)
            form.add_error("username", "A user with that username already exists.")
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, "Welcome to Myolog. Log your first workout when you're ready."
            )
            return redirect("home")
    return render(request, "registration/signup.html", {"form": form})


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    profile = get_profile(request.user)
    form = SettingsForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_profile(request.user, form.profile_change())
        except InvalidInput as invalid:
            form.add_profile_errors(invalid.errors)
        else:
            messages.success(request, "Settings saved.")
            return redirect("settings")
    return render(request, "logbook/settings.html", _settings_context(request, form))


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if form.is_valid():
        days = form.cleaned_data["expires_in_days"]
        try:
            token, raw = issue_token(
                request.user,
                form.cleaned_data["name"],
                form.cleaned_data["scope"] or TokenScope.WRITE,
                timezone.now() + timedelta(days=days) if days else None,
            )
        except TooManyTokens:
            form.add_error(None, TOO_MANY_TOKENS)
    if not form.is_valid():
        context = _settings_context(request, SettingsForm(instance=get_profile(request.user)))
        context["token_form"] = form
        return render(request, "logbook/settings.html", context)
    # Shown once, on the page the redirect lands on; a reload can't make a second token.
    request.session["new_token"] = {"name": token.name, "token": raw}
    return redirect("settings")


@login_required
@require_POST
def token_revoke(request: HttpRequest, id: int) -> HttpResponse:
    if revoke_token(request.user, id):
        messages.success(request, "Token revoked.")
    return redirect("settings")


def _settings_context(request: HttpRequest, form: SettingsForm) -> dict:
    new = request.session.pop("new_token", None) or {}
    return {
        "new_token": new.get("token"),
        "new_token_name": new.get("name"),
        "form": form,
        "token_form": TokenForm(),
        "tokens": request.user.access_tokens.all(),
    }


# --- Workouts ----------------------------------------------------------------------------------

# Sent after the web form saved a workout, with `request` and `workout`: insights adds the
# records it broke to the flash (logbook never imports insights).
workout_saved_on_web = Signal()


@login_required
def workout_new(request: HttpRequest) -> HttpResponse:
    return _workout_form(request, None)


@login_required
def workout_edit(request: HttpRequest, id: int) -> HttpResponse:
    workout = get_object_or_404(Workout.objects.alive().with_details(), pk=id, user=request.user)
    return _workout_form(request, workout)


@login_required
@require_POST
def workout_delete(request: HttpRequest, id: int) -> HttpResponse:
    workout = get_object_or_404(Workout.objects.alive(), pk=id, user=request.user)
    services.delete_workout(workout)
    messages.success(request, f"Deleted “{workout}”.")
    return redirect("history")


def _workout_form(request: HttpRequest, workout: Workout | None) -> HttpResponse:
    profile = get_profile(request.user)
    zone = ZoneInfo(profile.time_zone)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        form = workout_form.from_post(request.POST)
        action = request.POST.get("action", "save")
        if workout_form.take_suggestion(form, action):
            action = "save"
        if action != "save":
            form = workout_form.apply_action(form, action, lambda name: _last_sets(request, name))
            template = "logbook/_workout_form.html" if request.htmx else "logbook/workout_form.html"
            return render(request, template, _form_context(request, form, workout, errors))
        conversion = workout_form.to_payload(form, profile.units, zone)
        errors = conversion.errors or workout_form.ask_about_names(
            form, lambda name: _meant(request, name)
        )
        if not errors:
            try:
                data = clean_workout(conversion.payload, default_source="web")
                if workout is None:
                    workout = services.create_workout(request.user, data)
                else:
                    data.source, data.external_id = workout.source, workout.external_id
                    services.update_workout(workout, data)
            except InvalidInput as exc:
                errors = workout_form.field_errors(exc.errors, conversion.paths)
            else:
                messages.success(request, "Workout saved.")
                workout_saved_on_web.send(sender=Workout, request=request, workout=workout)
                return redirect("workout", id=workout.pk)
    elif workout is not None:
        form = workout_form.from_workout(workout, profile.units, zone)
    else:
        form = _new_form(request, profile.units, zone)
    return render(
        request, "logbook/workout_form.html", _form_context(request, form, workout, errors)
    )


def _meant(request: HttpRequest, name: str) -> str | None:
    match = selectors.did_you_mean(request.user, name)
    return match.name if match is not None else None


def _new_form(request: HttpRequest, units: str, zone: ZoneInfo) -> workout_form.WorkoutForm:
    repeat = request.GET.get("repeat", "")
    source = (
        Workout.objects.alive().with_details().filter(user=request.user, pk=repeat).first()
        if whole_number(repeat) is not None
        else None
    )
    if source is not None:
        form = workout_form.from_workout(source, units, zone, repeat=True)
    else:
        form = workout_form.WorkoutForm(
            activity=request.GET.get("activity", "strength"),
            exercises=[workout_form.ExerciseRow(sets=[workout_form.SetRow()])],
        )
        if form.activity not in Activity.values:
            form.activity = "strength"
        if form.activity in ("run", "ride", "row", "swim", "walk", "hiit"):
            form.exercises = []
            form.intervals = [workout_form.IntervalRow()] if form.activity == "hiit" else []
    form.started_at = timezone.now().astimezone(zone).strftime("%Y-%m-%dT%H:%M")
    return form


def _form_context(request: HttpRequest, form, workout, errors) -> dict:
    return {
        "form": workout_form.attach_errors(form, errors),
        "exercise_names": selectors.exercise_names(request.user),
        "workout": workout,
        "errors": errors,
        "activities": Activity.choices,
        "effort_choices": workout_form.EFFORT_CHOICES,
        "set_types": workout_form.SET_TYPES,
        "interval_kinds": workout_form.INTERVAL_KINDS,
    }


def _last_sets(request: HttpRequest, name: str) -> list[workout_form.SetRow]:
    """Last time's working sets of an exercise, to prefill a new set."""
    units = get_profile(request.user).units
    return [
        workout_form.SetRow(
            reps=workout_form.as_text(s.reps),
            load=workout_form.as_text(load_to_display(s.load_kg, units)),
            rpe=workout_form.as_text(s.rpe),
            set_type=s.set_type,
            tempo=s.tempo,
        )
        for s in selectors.last_sets(request.user, name)
        if s.set_type != "warmup"
    ]


@login_required
def exercise_options(request: HttpRequest) -> HttpResponse:
    """Search-as-you-type suggestions over the catalog and the user's own exercises."""
    # htmx sends the exercise field under its own name, e.g. ex-2-name.
    typed = [v for k, v in request.GET.items() if k == "q" or k.endswith("-name")]
    query = (typed[0] if typed else "").strip()
    exercises = []
    if len(query) >= 2:
        exercises = [m.item for m in selectors.ranked_exercises(request.user, query)[:12]]
    return render(request, "logbook/_exercise_options.html", {"exercises": exercises})
