// The workout being logged ("the draft") and every change a lifter makes to it, as plain
// functions over plain data: no DOM, no storage, no clock of their own (the caller passes
// `now`), so tests/js/ can run them in Node. Values are kept as typed (strings in the
// user's units) so nothing typed is ever lost, even when it is not a valid number yet;
// `buildPayload` turns the draft into the API's SI body and names every bad field.

import {
  formatDuration,
  isoWithOffset,
  loadFromDisplay,
  loadToDisplay,
  longDistanceFromDisplay,
  longDistanceToDisplay,
  parseDuration,
  parseNumber,
  plain,
  shortDistanceFromDisplay,
  shortDistanceToDisplay,
  defaultTitle,
} from "./format.js";
import { describeLimit, explainServerError } from "./messages.js";
import { endRest, startRest } from "./rest.js";

export const DRAFT_VERSION = 1;
export const SOURCE = "web";
export const MEASURES = ["reps", "time", "distance", "cardio"];
// The fields each kind of exercise shows in a set row, in order (effort is always last).
export const MEASURE_FIELDS = {
  reps: ["load", "reps"],
  time: ["load", "duration"],
  distance: ["load", "distance"],
  cardio: ["distance", "duration"],
};
export const SET_TYPES = ["normal", "warmup", "failure", "dropset"];
const FOLLOWING_FIELDS = ["load", "reps", "effort", "duration", "distance", "tempo"];

let counter = 0;
/** A key for a row, unique within a draft (and good enough across drafts). */
export function newKey(prefix = "k") {
  counter += 1;
  return `${prefix}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export function newId() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === "function") {
    return globalThis.crypto.randomUUID();
  }
  const hex = () => Math.floor(Math.random() * 0x10000).toString(16).padStart(4, "0");
  return `${hex()}${hex()}-${hex()}-4${hex().slice(1)}-a${hex().slice(1)}-${hex()}${hex()}${hex()}`;
}

// --- Making drafts -------------------------------------------------------------------------

/**
 * A new workout. `template` (optional) is what it starts from, in the API's shape:
 * `{title, activity, exercises: [{exercise, name, superset, sets: [API set]}], intervals}` —
 * a past workout ("repeat") is one as `GET /api/v1/workouts/{id}/` returns it; a routine
 * becomes one the same way (see templateFromRoutine).
 */
export function newDraft({ now, user, units, effort = "rpe", template = null, from = null, catalog = {}, history = {}, restDefaults = {} }) {
  const draft = {
    v: DRAFT_VERSION,
    id: newId(),
    user,
    units,
    effort,
    startedMs: now,
    updatedMs: now,
    from: from || { kind: "empty" },
    title: template?.title || "",
    activity: template?.activity && template.activity !== "other" ? template.activity : "strength",
    notes: "",
    sessionRpe: "",
    fasted: false,
    avgHr: "",
    maxHr: "",
    distance: "",
    duration: "", // typed only to correct the clock (a workout logged after it ended)
    exercises: [],
    intervals: [],
    rest: null,
    errors: {},
  };
  for (const item of template?.exercises || []) {
    const ex = exerciseFrom(draft, item, catalog[item.exercise], history[item.exercise], restDefaults);
    ex.sets = (item.sets || []).map((s) => setFromApi(s, units, effort));
    if (!ex.sets.length) ex.sets.push(firstSet(draft, ex, history[item.exercise]));
    draft.exercises.push(ex);
  }
  linkSupersets(draft.exercises, (template?.exercises || []).map((e) => e.superset));
  draft.intervals = (template?.intervals || []).map((i) => intervalFromApi(i, units));
  return draft;
}

export function templateFromWorkout(workout) {
  return {
    title: workout.title,
    activity: workout.activity,
    exercises: workout.exercises.map((e) => ({
      exercise: e.exercise,
      name: e.name,
      superset: e.superset,
      sets: e.sets,
    })),
    intervals: workout.intervals || [],
  };
}

/**
 * A routine's plan (`/log/data/`'s routines, `GET /api/v1/routines/{id}/plan/`) as a template
 * like a past workout's: each exercise with its planned sets, or with `suggested`, the sets
 * of its progression suggestion where it has one (the lifter chose them).
 */
export function templateFromRoutine(routine, { suggested = false } = {}) {
  return {
    title: routine.title || routine.name || "",
    activity: routine.activity || "strength",
    exercises: (routine.exercises || []).map((e) => ({
      exercise: e.exercise,
      name: e.name,
      superset: e.superset ?? null,
      sets: (suggested && e.suggestion?.sets) || e.sets || [],
    })),
    intervals: routine.intervals || [],
  };
}

function linkSupersets(exercises, groups) {
  exercises.forEach((ex, i) => {
    const group = groups[i];
    ex.link = group !== null && group !== undefined && groups[i + 1] === group;
  });
}

/** How an exercise is measured: by what was logged last time, else by what it is. */
export function measureFor(info, last) {
  const sets = last?.sets || [];
  if (sets.length) {
    const s = sets[0];
    if (s.reps === null || s.reps === undefined) {
      if (s.duration_s && s.distance_m) return "cardio";
      if (s.duration_s) return "time";
      if (s.distance_m) return "distance";
    }
    return "reps";
  }
  const text = `${info?.name || ""} ${info?.exercise || ""}`.toLowerCase();
  if (/carry|sled|yoke|farmer|prowler/.test(text)) return "distance";
  if (/plank|hold|hang|wall.sit|l-sit|hollow/.test(text)) return "time";
  if (info?.kind === "cardio") return "cardio";
  if (info?.kind === "mobility") return "time";
  return "reps";
}

/** The rest a countdown starts from: what the lifter chose for this exercise, else what
 * he rested last time, else a default by the kind of exercise. */
export function restFor(info, history, restDefaults = {}) {
  const key = info?.exercise;
  if (key && restDefaults[key] !== undefined) return restDefaults[key];
  if (history?.rest_s) return roundTo(history.rest_s, 15);
  if (info?.kind === "cardio" || info?.kind === "mobility") return 60;
  if (info?.mechanic === "compound" && ["barbell", "trap_bar", "smith_machine"].includes(info?.equipment)) return 180;
  if (info?.mechanic === "compound") return 120;
  return 90;
}

function roundTo(value, step) {
  return Math.max(step, Math.round(value / step) * step);
}

function exerciseFrom(draft, item, info, history, restDefaults) {
  const merged = { ...(info || {}), exercise: item.exercise, name: item.name || info?.name || item.exercise };
  return {
    key: newKey("e"),
    exercise: item.exercise,
    name: merged.name,
    measure: measureFor(merged, history?.last),
    restS: restFor(merged, history, restDefaults),
    notes: "",
    link: false,
    sets: [],
  };
}

export function blankSet() {
  return {
    key: newKey("s"),
    type: "normal",
    load: "",
    loadKg: null,
    reps: "",
    effort: "",
    duration: "",
    distance: "",
    tempo: "",
    eccentric: false,
    restS: null,
    restBy: null,
    restManual: false,
    done: false,
    doneMs: null,
    edited: {},
  };
}

/** A set as the API gives it (SI), as the logger shows it (typed strings, user's units). */
export function setFromApi(s, units, effort = "rpe") {
  const set = blankSet();
  set.type = SET_TYPES.includes(s.set_type) ? s.set_type : "normal";
  if (s.load_kg !== null && s.load_kg !== undefined) {
    set.loadKg = s.load_kg;
    set.load = plain(loadToDisplay(s.load_kg, units));
  }
  set.reps = s.reps === null || s.reps === undefined ? "" : String(s.reps);
  set.effort = effortText(s, effort);
  set.duration = s.duration_s ? formatDuration(s.duration_s) : "";
  set.distance = s.distance_m ? plain(shortDistanceToDisplay(s.distance_m, units), 1) : "";
  set.tempo = s.tempo || "";
  set.eccentric = Boolean(s.eccentric_emphasis) && !tempoIsEccentric(s.tempo);
  return set;
}

function effortText(s, effort) {
  if (effort === "rir") {
    if (s.rir !== null && s.rir !== undefined) return plain(s.rir, 1);
    if (s.rpe !== null && s.rpe !== undefined) return plain(10 - s.rpe, 1);
    return "";
  }
  if (s.rpe !== null && s.rpe !== undefined) return plain(s.rpe, 1);
  if (s.rir !== null && s.rir !== undefined && s.rir <= 9) return plain(10 - s.rir, 1);
  return "";
}

function tempoIsEccentric(tempo) {
  const first = (tempo || "").split("-")[0];
  return /^\d+$/.test(first) && Number(first) >= 3;
}

function intervalFromApi(i, units) {
  return {
    key: newKey("i"),
    kind: i.kind || "work",
    duration: i.duration_s ? formatDuration(i.duration_s) : "",
    distance: i.distance_m ? plain(longDistanceToDisplay(i.distance_m, units), 3) : "",
    avgHr: i.avg_hr ? String(i.avg_hr) : "",
    rpe: i.rpe !== null && i.rpe !== undefined ? plain(i.rpe, 1) : "",
  };
}

function copySet(source) {
  return {
    ...blankSet(),
    type: source.type === "warmup" ? "normal" : source.type,
    load: source.load,
    loadKg: source.loadKg,
    reps: source.reps,
    effort: source.effort,
    duration: source.duration,
    distance: source.distance,
    tempo: source.tempo,
    eccentric: source.eccentric,
  };
}

/** A new exercise's first row: last time's first working set (warm-ups come from the ramp). */
function firstSet(draft, ex, history) {
  const last = history?.last?.sets || [];
  const first = last.find((s) => s.set_type !== "warmup") || last[0];
  return first ? setFromApi(first, draft.units, draft.effort) : blankSet();
}

// --- Finding things -----------------------------------------------------------------------

export function findExercise(draft, exKey) {
  return draft.exercises.find((e) => e.key === exKey) || null;
}

export function findSet(draft, setKey) {
  for (const ex of draft.exercises) {
    const set = ex.sets.find((s) => s.key === setKey);
    if (set) return { ex, set };
  }
  return null;
}

/** Set number as a lifter counts: warm-ups are "W", working sets 1, 2, 3… */
export function setLabel(ex, set) {
  if (set.type === "warmup") return "W";
  if (set.type === "failure") return "F";
  if (set.type === "dropset") return "D";
  let n = 0;
  for (const s of ex.sets) {
    if (s.type !== "warmup") n += 1;
    if (s === set) break;
  }
  return String(n);
}

/** The set as labels name it: "1", "2"… or "warm-up 1", "warm-up 2"… */
export function setName(ex, set) {
  if (set.type !== "warmup") return setLabel(ex, set);
  return `warm-up ${ex.sets.filter((s) => s.type === "warmup").indexOf(set) + 1}`;
}

/** Last time's set at the same place (warm-ups against warm-ups, working against working). */
export function previousFor(ex, set, history) {
  const last = history?.last?.sets || [];
  const warm = set.type === "warmup";
  const mine = ex.sets.filter((s) => (s.type === "warmup") === warm);
  const theirs = last.filter((s) => (s.set_type === "warmup") === warm);
  return theirs[mine.indexOf(set)] || null;
}

// --- Changing the workout -----------------------------------------------------------------

function touch(draft, now) {
  draft.updatedMs = now;
}

/** Add an exercise with one set prefilled from last time; returns the new exercise. */
export function addExercise(draft, item, { now, info = null, history = null, restDefaults = {} }) {
  const ex = exerciseFrom(draft, item, info, history, restDefaults);
  ex.sets.push(firstSet(draft, ex, history));
  draft.exercises.push(ex);
  touch(draft, now);
  return ex;
}

/** Add a set: last time's set at this place while the session repeats last time so far,
 * else a copy of this session's last set. Returns the new set. */
export function addSet(draft, exKey, { now, history = null, type = null }) {
  const ex = findExercise(draft, exKey);
  if (!ex) return null;
  const last = history?.last?.sets || [];
  let set;
  if (!ex.sets.length) {
    set = firstSet(draft, ex, history);
  } else if (last.length > ex.sets.length && sameAsLastTime(ex, last, draft)) {
    set = setFromApi(last[ex.sets.length], draft.units, draft.effort);
  } else {
    set = copySet(ex.sets[ex.sets.length - 1]);
  }
  if (type) set.type = type;
  ex.sets.push(set);
  touch(draft, now);
  return set;
}

function sameAsLastTime(ex, last, draft) {
  return ex.sets.every((s, i) => {
    const l = setFromApi(last[i], draft.units, draft.effort);
    return s.load === l.load && s.reps === l.reps && s.type === l.type && s.duration === l.duration && s.distance === l.distance;
  });
}

/** Change one field of a set. Later sets of the exercise that are not done, not changed by
 * hand and showed the same value follow the change: put set 1 up 2.5 kg and the rest come too. */
export function updateSet(draft, setKey, field, value, { now }) {
  const found = findSet(draft, setKey);
  if (!found) return;
  const { ex, set } = found;
  const old = set[field];
  set[field] = value;
  if (field === "load") set.loadKg = null;
  if (field === "restS") set.restManual = true;
  if (FOLLOWING_FIELDS.includes(field)) {
    set.edited = { ...set.edited, [field]: true };
    if (!set.done) {
      for (const later of ex.sets.slice(ex.sets.indexOf(set) + 1)) {
        if (later.done || later.edited[field] || later[field] !== old) continue;
        later[field] = value;
        if (field === "load") later.loadKg = null;
      }
    }
  }
  clearError(draft, `s-${setKey}-${field}`);
  clearError(draft, `s-${setKey}`);
  touch(draft, now);
}

export function updateExercise(draft, exKey, field, value, { now }) {
  const ex = findExercise(draft, exKey);
  if (!ex) return;
  ex[field] = value;
  clearError(draft, `e-${exKey}-${field}`);
  touch(draft, now);
}

export function updateWorkout(draft, field, value, { now }) {
  draft[field] = value;
  clearError(draft, `w-${field}`);
  touch(draft, now);
}

export function updateInterval(draft, key, field, value, { now }) {
  const row = draft.intervals.find((i) => i.key === key);
  if (!row) return;
  row[field] = value;
  clearError(draft, `i-${key}-${field}`);
  touch(draft, now);
}

function clearError(draft, id) {
  if (draft.errors && draft.errors[id]) {
    const { [id]: _, ...rest } = draft.errors;
    draft.errors = rest;
  }
}

export function setHasValues(ex, set) {
  return MEASURE_FIELDS[ex.measure].some((f) => String(set[f] ?? "").trim() !== "");
}

/**
 * One tap: the set is done (or not any more). Ticking records the rest after the set
 * before it (the one whose countdown was running) and starts this set's countdown;
 * unticking undoes both. Returns {ok, error?}.
 */
export function toggleDone(draft, setKey, { now }) {
  const found = findSet(draft, setKey);
  if (!found) return { ok: false };
  const { ex, set } = found;
  if (!set.done) {
    if (!setHasValues(ex, set)) {
      const field = MEASURE_FIELDS[ex.measure][0];
      draft.errors = { ...draft.errors, [`s-${set.key}-${field}`]: [emptySetMessage(ex)] };
      return { ok: false, error: emptySetMessage(ex) };
    }
    endRest(draft, now, set.key);
    set.done = true;
    set.doneMs = now;
    clearError(draft, `s-${set.key}`);
    startRest(draft, { exKey: ex.key, setKey: set.key, now, targetS: restTarget(draft, ex, set) });
  } else {
    set.done = false;
    set.doneMs = null;
    if (draft.rest && draft.rest.setKey === set.key) draft.rest = null;
    for (const other of draft.exercises) {
      for (const s of other.sets) {
        if (s.restBy !== set.key) continue;
        if (!s.restManual) s.restS = null;
        s.restBy = null;
        // That set's rest never ended: its countdown goes on.
        const targetS = restTarget(draft, other, s);
        draft.rest = { exKey: other.key, setKey: s.key, startedMs: s.doneMs, targetS, alerted: !targetS || now - s.doneMs >= targetS * 1000 };
      }
    }
  }
  touch(draft, now);
  return { ok: true };
}

/** The countdown after a set: none between the exercises of a superset (the rest comes
 * after the round), at most a minute after a warm-up, else the exercise's rest. */
export function restTarget(draft, ex, set) {
  const i = draft.exercises.indexOf(ex);
  if (ex.link && i < draft.exercises.length - 1) return 0;
  if (set.type === "warmup") return Math.min(ex.restS, WARMUP_REST_S);
  return ex.restS;
}

export const WARMUP_REST_S = 60;

function emptySetMessage(ex) {
  const names = MEASURE_FIELDS[ex.measure].map((f) => LABEL_WORDS[f]).join(" or ");
  return `Enter the ${names} first.`;
}

const LABEL_WORDS = { load: "weight", reps: "reps", duration: "time", distance: "distance" };

/** Removing returns what undo needs to put it back where it was. */
export function removeSet(draft, setKey, { now }) {
  const found = findSet(draft, setKey);
  if (!found) return null;
  const { ex, set } = found;
  const index = ex.sets.indexOf(set);
  ex.sets.splice(index, 1);
  forgetRestOf(draft, [set.key]);
  touch(draft, now);
  return { kind: "set", exKey: ex.key, index, item: set };
}

export function removeExercise(draft, exKey, { now }) {
  const index = draft.exercises.findIndex((e) => e.key === exKey);
  if (index < 0) return null;
  const [ex] = draft.exercises.splice(index, 1);
  if (index > 0 && !ex.link) draft.exercises[index - 1].link = false;
  forgetRestOf(draft, ex.sets.map((s) => s.key));
  touch(draft, now);
  return { kind: "exercise", index, item: ex };
}

export function removeInterval(draft, key, { now }) {
  const index = draft.intervals.findIndex((i) => i.key === key);
  if (index < 0) return null;
  const [item] = draft.intervals.splice(index, 1);
  touch(draft, now);
  return { kind: "interval", index, item };
}

function forgetRestOf(draft, keys) {
  if (draft.rest && keys.includes(draft.rest.setKey)) draft.rest = null;
  for (const ex of draft.exercises) {
    for (const s of ex.sets) if (keys.includes(s.restBy)) s.restBy = null;
  }
}

export function undo(draft, token, { now }) {
  if (!token) return;
  if (token.kind === "set") {
    const ex = findExercise(draft, token.exKey);
    if (ex) ex.sets.splice(Math.min(token.index, ex.sets.length), 0, token.item);
  } else if (token.kind === "exercise") {
    draft.exercises.splice(Math.min(token.index, draft.exercises.length), 0, token.item);
  } else if (token.kind === "interval") {
    draft.intervals.splice(Math.min(token.index, draft.intervals.length), 0, token.item);
  }
  touch(draft, now);
}

export function moveExercise(draft, exKey, delta, { now }) {
  const i = draft.exercises.findIndex((e) => e.key === exKey);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= draft.exercises.length) return false;
  const list = draft.exercises;
  [list[i], list[j]] = [list[j], list[i]];
  list.forEach((e, k) => {
    if (k === list.length - 1) e.link = false;
  });
  list[Math.min(i, j)].link = false;
  if (Math.min(i, j) > 0) list[Math.min(i, j) - 1].link = false;
  touch(draft, now);
  return true;
}

/** Supersets are linked exercises: "superset with the next one" toggles the link. */
export function toggleLink(draft, exKey, { now }) {
  const i = draft.exercises.findIndex((e) => e.key === exKey);
  if (i < 0 || i >= draft.exercises.length - 1) return false;
  draft.exercises[i].link = !draft.exercises[i].link;
  touch(draft, now);
  return true;
}

/** Exercises grouped as the page shows them: [{letter, exercises}] where a lone exercise
 * has no letter and linked ones share A, B, C… */
export function supersetGroups(draft) {
  const groups = [];
  let letter = 0;
  let current = null;
  draft.exercises.forEach((ex, i) => {
    const previousLinked = i > 0 && draft.exercises[i - 1].link;
    if (!previousLinked) {
      current = { letter: null, exercises: [] };
      groups.push(current);
    }
    current.exercises.push(ex);
    if (ex.link && !current.letter) {
      current.letter = String.fromCharCode(65 + (letter % 26));
      letter += 1;
    }
  });
  return groups;
}

export function addInterval(draft, kind, { now }) {
  const same = draft.intervals.filter((i) => i.kind === kind);
  const row = same.length
    ? { ...same[same.length - 1], key: newKey("i") }
    : { key: newKey("i"), kind, duration: "", distance: "", avgHr: "", rpe: "" };
  draft.intervals.push(row);
  touch(draft, now);
  return row;
}

export function repeatIntervals(draft, { now }) {
  const pair = draft.intervals.slice(-2);
  for (const row of pair) draft.intervals.push({ ...row, key: newKey("i") });
  touch(draft, now);
}

/** Warm-up sets go before the first working set of the exercise. */
export function insertWarmups(draft, exKey, ramp, { now }) {
  const ex = findExercise(draft, exKey);
  if (!ex) return [];
  const at = Math.max(0, ex.sets.findIndex((s) => s.type !== "warmup"));
  const sets = ramp.map((step) => ({
    ...blankSet(),
    type: "warmup",
    load: plain(step.load),
    reps: String(step.reps),
    edited: { load: true, reps: true },
  }));
  ex.sets.splice(at === -1 ? ex.sets.length : at, 0, ...sets);
  touch(draft, now);
  return sets;
}

/** Fill the not-done sets of an exercise with last time's (or the best) numbers. */
export function fillSet(draft, setKey, apiSet, { now }) {
  const found = findSet(draft, setKey);
  if (!found || !apiSet) return;
  const filled = setFromApi(apiSet, draft.units, draft.effort);
  for (const f of ["load", "loadKg", "reps", "effort", "duration", "distance", "tempo", "eccentric"]) {
    found.set[f] = filled[f];
  }
  found.set.edited = { ...found.set.edited, load: true, reps: true };
  touch(draft, now);
}

export function countSets(draft) {
  let done = 0;
  let total = 0;
  let unticked = 0;
  for (const ex of draft.exercises) {
    for (const s of ex.sets) {
      total += 1;
      if (s.done) done += 1;
      else if (setHasValues(ex, s)) unticked += 1;
    }
  }
  return { done, total, unticked };
}

export function isEmpty(draft) {
  return !draft.exercises.length && !draft.intervals.length && !draft.notes && !draft.title;
}

// --- To the API ---------------------------------------------------------------------------

/**
 * The API body for the draft, or the errors that keep it from being sent, keyed by the
 * page's field ids (all of them at once, in plain words, limits in the user's units).
 * `unticked`: "include" saves sets that have numbers but were not ticked, "drop" leaves
 * them out. `paths` maps the body's dotted paths back to field ids for the server's errors.
 */
export function buildPayload(draft, { now, limits, unticked = "drop" }) {
  const errors = {};
  const paths = {};
  const units = draft.units;
  const add = (id, message) => {
    (errors[id] ||= []).push(message);
  };
  const body = {
    started_at: isoWithOffset(draft.startedMs),
    duration_s: Math.max(1, Math.round((now - draft.startedMs) / 1000)),
    title: (draft.title || "").trim() || defaultTitle(draft.startedMs),
    activity: draft.activity || "strength",
    fasted: Boolean(draft.fasted),
    notes: "",
    source: SOURCE,
    external_id: `log-${draft.id}`,
  };
  paths.started_at = "w-startedMs";
  paths.duration_s = "w-duration";
  paths.distance_m = "w-distance";
  if (String(draft.duration || "").trim()) {
    const text = String(draft.duration).trim();
    const seconds = /^\d+$/.test(text) ? Number(text) * 60 : parseDuration(text);
    if (Number.isNaN(seconds) || !seconds) add("w-duration", "Enter the duration in minutes, or like 1:05:00.");
    else body.duration_s = seconds;
  }
  const distance = measured(draft.distance, "w-distance", "distance_m", limits?.workout, add, units, "long");
  if (distance !== null) body.distance_m = distance;
  paths.title = "w-title";
  paths.notes = "w-notes";
  paths.activity = "w-activity";
  for (const [field, api] of [["sessionRpe", "session_rpe"], ["avgHr", "avg_hr"], ["maxHr", "max_hr"]]) {
    paths[api] = `w-${field}`;
    const value = number(draft[field], `w-${field}`, api, limits?.workout, add, units);
    if (value !== null) body[api] = value;
  }
  const notes = [(draft.notes || "").trim()];
  const exercises = [];
  let group = 0;
  const supersets = draft.exercises.map((ex, i) => {
    const previousLinked = i > 0 && draft.exercises[i - 1].link;
    if (ex.link && !previousLinked) group += 1;
    return ex.link || previousLinked ? group : null;
  });
  draft.exercises.forEach((ex, i) => {
    const superset = supersets[i];
    if ((ex.notes || "").trim()) notes.push(`${ex.name}: ${ex.notes.trim()}`);
    const sets = ex.sets.filter((s) => setHasValues(ex, s) && (s.done || unticked === "include"));
    if (!sets.length) return;
    const index = exercises.length;
    paths[`exercises.${index}`] = `e-${ex.key}-name`;
    paths[`exercises.${index}.exercise`] = `e-${ex.key}-name`;
    paths[`exercises.${index}.superset`] = `e-${ex.key}-name`;
    exercises.push({
      exercise: ex.exercise,
      superset,
      sets: sets.map((s, j) => setPayload(ex, s, `exercises.${index}.sets.${j}`, { paths, add, limits, units, effort: draft.effort })),
    });
  });
  if (exercises.length) body.exercises = exercises;
  const intervals = [];
  for (const row of draft.intervals) {
    if (![row.duration, row.distance, row.avgHr, row.rpe].some((v) => String(v || "").trim())) continue;
    const path = `intervals.${intervals.length}`;
    const id = (f) => `i-${row.key}-${f}`;
    paths[path] = id("duration");
    const item = { kind: row.kind };
    paths[`${path}.duration_s`] = id("duration");
    const duration = parseDuration(row.duration);
    if (duration === null) add(id("duration"), "Enter how long it lasted, e.g. 0:30 or 4:00.");
    else if (Number.isNaN(duration)) add(id("duration"), "Enter a time like 45, 1:30 or 1:02:05.");
    else item.duration_s = duration;
    paths[`${path}.distance_m`] = id("distance");
    const distance = measured(row.distance, id("distance"), "distance_m", limits?.interval, add, units, "long");
    if (distance !== null) item.distance_m = distance;
    paths[`${path}.avg_hr`] = id("avgHr");
    const hr = number(row.avgHr, id("avgHr"), "avg_hr", limits?.interval, add, units);
    if (hr !== null) item.avg_hr = hr;
    paths[`${path}.rpe`] = id("rpe");
    const rpe = number(row.rpe, id("rpe"), "rpe", limits?.interval, add, units);
    if (rpe !== null) item.rpe = rpe;
    intervals.push(item);
  }
  if (intervals.length) body.intervals = intervals;
  body.notes = notes.filter(Boolean).join("\n\n");
  if (!exercises.length && !intervals.length) {
    add("_form", "Tick at least one set (or add an interval) before finishing.");
  }
  if (body.activity === "strength" && !exercises.length && intervals.length) body.activity = "hiit";
  return { body, errors, paths, ok: Object.keys(errors).length === 0 };
}

function setPayload(ex, s, path, { paths, add, limits, units, effort }) {
  const id = (f) => `s-${s.key}-${f}`;
  const item = { set_type: s.type || "normal" };
  paths[path] = id(MEASURE_FIELDS[ex.measure][0]);
  paths[`${path}.set_type`] = id("type");
  const fields = MEASURE_FIELDS[ex.measure];
  const rules = limits?.set;
  // Fields the exercise does not show still count when they hold a value (a repeat may carry them).
  if (fields.includes("reps") || s.reps) {
    paths[`${path}.reps`] = id("reps");
    const reps = number(s.reps, id("reps"), "reps", rules, add, units);
    if (reps !== null) item.reps = reps;
  }
  paths[`${path}.load_kg`] = id("load");
  const shownKg = s.loadKg !== null && s.loadKg !== undefined ? plain(loadToDisplay(s.loadKg, units)) : null;
  if (shownKg !== null && shownKg === String(s.load).trim()) {
    item.load_kg = s.loadKg;
  } else {
    const load = measured(s.load, id("load"), "load_kg", rules, add, units, "load");
    if (load !== null) item.load_kg = load;
  }
  paths[`${path}.duration_s`] = id("duration");
  const duration = parseDuration(s.duration);
  if (Number.isNaN(duration)) add(id("duration"), "Enter a time like 45 or 1:30.");
  else if (duration !== null) {
    const problem = describeLimit("duration_s", duration, rules?.duration_s, units);
    if (problem) add(id("duration"), problem);
    else item.duration_s = duration;
  }
  paths[`${path}.distance_m`] = id("distance");
  const distance = measured(s.distance, id("distance"), "distance_m", rules, add, units, "short");
  if (distance !== null) item.distance_m = distance;
  const effortField = effort === "rir" ? "rir" : "rpe";
  paths[`${path}.${effortField}`] = id("effort");
  const value = number(s.effort, id("effort"), effortField, rules, add, units);
  if (value !== null) item[effortField] = value;
  paths[`${path}.rest_s`] = id("restS");
  if (s.restS !== null && s.restS !== undefined && s.restS !== "") {
    const rest = typeof s.restS === "number" ? s.restS : parseDuration(s.restS);
    if (Number.isNaN(rest)) add(id("restS"), "Enter the rest like 90 or 2:00.");
    else if (rest !== null) item.rest_s = rest;
  }
  paths[`${path}.tempo`] = id("tempo");
  const tempo = (s.tempo || "").trim().toUpperCase();
  if (tempo) {
    if (!/^(\d{1,2}|X)-(\d{1,2}|X)-(\d{1,2}|X)-(\d{1,2}|X)$/.test(tempo) && !/^[\dX]{4}$/.test(tempo)) {
      add(id("tempo"), "Tempo is four numbers of seconds: lowering-pause-lifting-pause, e.g. 3-1-1-0 (X = explosive).");
    } else {
      item.tempo = tempo;
    }
  }
  paths[`${path}.eccentric_emphasis`] = id("eccentric");
  if (s.eccentric) item.eccentric_emphasis = true;
  return item;
}

function number(text, id, apiField, rules, add, units) {
  const value = parseNumber(text);
  if (value === null) return null;
  if (Number.isNaN(value)) {
    add(id, "Enter a number.");
    return null;
  }
  const problem = describeLimit(apiField, value, rules?.[apiField], units);
  if (problem) {
    add(id, problem);
    return null;
  }
  return value;
}

/** A value typed in the user's unit, checked against the SI limit, returned in SI. */
function measured(text, id, apiField, rules, add, units, kind) {
  const value = parseNumber(text);
  if (value === null) return null;
  if (Number.isNaN(value)) {
    add(id, "Enter a number.");
    return null;
  }
  const si =
    kind === "load" ? loadFromDisplay(value, units) : kind === "short" ? shortDistanceFromDisplay(value, units) : longDistanceFromDisplay(value, units);
  const problem = describeLimit(apiField, si, rules?.[apiField], units, kind);
  if (problem) {
    add(id, problem);
    return null;
  }
  return si;
}

/** The server's refusal (`{"errors": {"exercises.0.sets.2.reps": [...]}}`) on the fields. */
export function applyServerErrors(draft, errors, paths) {
  const out = {};
  for (const [path, messages] of Object.entries(errors || {})) {
    const id = paths[path] || closest(path, paths) || "_form";
    const field = path.split(".").pop();
    for (const message of [].concat(messages)) {
      (out[id] ||= []).push(explainServerError(field, String(message), draft.units));
    }
  }
  draft.errors = out;
  return out;
}

function closest(path, paths) {
  let p = path;
  while (p.includes(".")) {
    p = p.slice(0, p.lastIndexOf("."));
    if (paths[p]) return paths[p];
  }
  return null;
}
