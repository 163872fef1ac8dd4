"""Routine pages: the list, the builder (a plain form, rows added without JavaScript), one
routine with its next session's plan and suggestions, and "save a workout as a routine".
Thin: the shape is schema.RoutineIn, writes go through services, reads through selectors.
Starting a session opens the live logger at /log/?routine=<id> (&suggested=1 for the
suggested loads)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from logbook import selectors, services
from logbook.common.errors import InvalidInput
from logbook.common.input import whole_number
from logbook.models import Routine, Workout
from logbook.schema import RoutineEntryIn, clean_routine, form_names
from logbook.selectors import get_profile
from logbook.units import load_from_input, load_to_display

ROW_FIELDS = form_names(RoutineEntryIn)  # API field -> the row's input name
INTEGERS = {"sets", "reps_min", "reps_max", "rest_s", "superset"}
BLANK_ROWS = 2


@login_required
def routine_list(request: HttpRequest) -> HttpResponse:
    routines = list(selectors.user_routines(request.user))
    return render(request, "logbook/routines.html", {"routines": routines})


@login_required
def routine_detail(request: HttpRequest, id: int) -> HttpResponse:
    routine = get_object_or_404(selectors.user_routines(request.user), pk=id)
    plan = selectors.routine_plans(request.user, [routine])[0]
    for planned, item in zip(plan["exercises"], routine.exercises.all(), strict=True):
        planned["exercise_id"] = item.exercise_id  # to link each name to its page
    suggested = any(e["suggestion"] and e["suggestion"]["progress"] for e in plan["exercises"])
    return render(
        request,
        "logbook/routine_detail.html",
        {"routine": routine, "plan": plan, "suggested": suggested},
    )


@login_required
def routine_new(request: HttpRequest) -> HttpResponse:
    return _builder(request, None)


@login_required
def routine_edit(request: HttpRequest, id: int) -> HttpResponse:
    return _builder(request, get_object_or_404(selectors.user_routines(request.user), pk=id))


@login_required
@require_POST
def routine_delete(request: HttpRequest, id: int) -> HttpResponse:
    routine = get_object_or_404(Routine, pk=id, user=request.user)
    services.delete_routine(routine)
    messages.success(request, f"Deleted the routine “{routine.name}”.")
    return redirect("routines")


@login_required
@require_POST
def routine_from_workout(request: HttpRequest, id: int) -> HttpResponse:
    workout = get_object_or_404(Workout.objects.alive(), pk=id, user=request.user)
    try:
        routine = services.routine_from_workout(workout)
    except InvalidInput:
        messages.error(request, "Only a workout with exercises can become a routine.")
        return redirect("workout", id=workout.pk)
    messages.success(request, "Saved as a routine. Adjust its targets here.")
    return redirect("routine-edit", id=routine.pk)


# --- The builder ---------------------------------------------------------------------------


def _builder(request: HttpRequest, routine: Routine | None) -> HttpResponse:
    units = get_profile(request.user).units
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        name, notes, rows = _from_post(request.POST)
        if request.POST.get("action") == "add":
            rows.append(_blank())
        else:
            payload, paths = _payload(name, notes, rows, units)
            try:
                data = clean_routine(payload)
                suggestions = _did_you_mean(request, data, rows, paths)
                if suggestions:
                    raise InvalidInput(suggestions)
                routine = services.save_routine(request.user, data, routine)
            except InvalidInput as invalid:
                errors = _form_errors(invalid.errors, paths)
            else:
                messages.success(request, "Routine saved.")
                return redirect("routine", id=routine.pk)
    elif routine is not None:
        name, notes = routine.name, routine.notes
        rows = [_row_of(item, units) for item in routine.exercises.all()] + [_blank()]
    else:
        name, notes, rows = "", "", [_blank() for _ in range(BLANK_ROWS)]
    for index, row in enumerate(rows):
        row["errors"] = {f: errors.get(f"ex-{index}-{f}", []) for f in (*ROW_FIELDS.values(), "")}
    return render(
        request,
        "logbook/routine_form.html",
        {
            "routine": routine,
            "name": name,
            "notes": notes,
            "rows": rows,
            "errors": errors,
            "unit": "lb" if units == "lb" else "kg",
            "exercise_names": selectors.exercise_names(request.user),
        },
    )


def _blank() -> dict:
    return dict.fromkeys(ROW_FIELDS.values(), "") | {"sets": "3", "keep": ""}


def _row_of(item, units: str) -> dict:
    values = {
        "exercise": item.exercise.name,
        "sets": item.sets,
        "reps_min": item.reps_min,
        "reps_max": item.reps_max,
        "load": load_to_display(item.load_kg, units),
        "percent": item.percent_1rm,
        "rpe": item.rpe,
        "rest": item.rest_s,
        "keep": "",
    }
    return {
        k: "" if v is None else f"{v:g}" if isinstance(v, float) else str(v)
        for k, v in values.items()
    }


def _from_post(post) -> tuple[str, str, list[dict]]:
    count = min(_int(post.get("rows")) or 0, 100)
    rows = []
    for index in range(count):
        row = {name: post.get(f"ex-{index}-{name}", "").strip() for name in ROW_FIELDS.values()}
        row["keep"] = post.get(f"ex-{index}-keep", "")
        if post.get(f"ex-{index}-remove"):
            continue
        rows.append(row)
    return post.get("name", "").strip(), post.get("notes", "").strip(), rows


def _payload(name: str, notes: str, rows: list[dict], units: str) -> tuple[dict, list[int]]:
    """The API's shape from the rows that say something; `paths[i]` is the form row of
    the payload's exercise i, for putting errors back beside their inputs."""
    exercises, paths = [], []
    for index, row in enumerate(rows):
        if not any(v for k, v in row.items() if k not in ("sets", "keep")):
            continue
        entry = {}
        for field, input_name in ROW_FIELDS.items():
            entry[field] = (
                _number(row[input_name], field) if field != "exercise" else row[input_name]
            )
        if isinstance(entry["load_kg"], float):
            entry["load_kg"] = load_from_input(entry["load_kg"], units)
        exercises.append(entry)
        paths.append(index)
    return {"name": name, "notes": notes, "exercises": exercises}, paths


def _number(text: str, field: str):
    if text == "":
        return None
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return text  # the schema words the refusal
    if field in INTEGERS and value.is_integer():
        return int(value)
    return value


def _int(text: str | None) -> int | None:
    return whole_number(text) if text else None


def _form_errors(errors: dict[str, list[str]], paths: list[int]) -> dict[str, list[str]]:
    """API paths (exercises.1.reps_max) -> the form's inputs (ex-3-reps_max)."""
    out: dict[str, list[str]] = {}
    for path, messages_ in errors.items():
        parts = path.split(".")
        if parts[0] == "exercises" and len(parts) >= 2 and parts[1].isdigit():
            row = paths[int(parts[1])] if int(parts[1]) < len(paths) else 0
            field = ROW_FIELDS.get(parts[2], parts[2]) if len(parts) > 2 else ""
            out[f"ex-{row}-{field}"] = messages_
        else:
            out[path] = messages_
    return out


def _did_you_mean(request: HttpRequest, data, rows: list[dict], paths: list[int]) -> dict:
    """A new name close to a catalog exercise is asked about before it becomes the user's
    own exercise, unless the row says to keep it."""
    found: dict[str, list[str]] = {}
    for position, entry in enumerate(data.exercises):
        if rows[paths[position]].get("keep"):
            continue
        match = selectors.did_you_mean(request.user, entry.exercise)
        if match is not None:
            found[f"exercises.{position}.exercise"] = [f"Did you mean {match.name}?"]
    return found
