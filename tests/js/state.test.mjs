import assert from "node:assert/strict";
import { test } from "node:test";

import {
  addExercise,
  addSet,
  applyServerErrors,
  buildPayload,
  countSets,
  newDraft,
  removeExercise,
  removeSet,
  setLabel,
  supersetGroups,
  templateFromWorkout,
  toggleDone,
  toggleLink,
  undo,
  updateSet,
  updateExercise,
  insertWarmups,
} from "../../static/js/logger/state.js";
import { HISTORY, LIMITS, SQUAT_DAY, set } from "./fixtures.mjs";

const T0 = Date.UTC(2026, 10, 16, 7, 30);
const now = (s) => T0 + s * 1000;
const repeat = (units = "kg") =>
  newDraft({ now: T0, user: 1, units, template: templateFromWorkout(SQUAT_DAY), from: { kind: "workout", id: 7 }, history: HISTORY });

test("a repeat prefills every set, the first included, in the user's unit", () => {
  const draft = repeat();
  const squat = draft.exercises[0];
  assert.deepEqual(squat.sets.map((s) => [s.load, s.reps, s.effort]), [["100", "5", "8"], ["100", "5", "8"], ["100", "5", "8.5"]]);
  const inPounds = repeat("lb").exercises[0].sets[0];
  assert.equal(inPounds.load, "220.5");
  assert.equal(draft.exercises[3].measure, "time");
  assert.equal(draft.exercises[3].sets[0].duration, "1:00");
});

test("a repeat links the superset and sends it back as one group", () => {
  const draft = repeat();
  const groups = supersetGroups(draft);
  assert.deepEqual(groups.map((g) => [g.letter, g.exercises.length]), [[null, 1], ["A", 2], [null, 1]]);
  for (const s of draft.exercises.flatMap((e) => e.sets)) toggleDone(draft, s.key, { now: now(1) });
  const { body } = buildPayload(draft, { now: now(600), limits: LIMITS });
  assert.deepEqual(body.exercises.map((e) => e.superset), [null, 1, 1, null]);
});

test("an untouched repeat is sent with the stored kilograms, not a rounded display value", () => {
  const lifter = newDraft({ now: T0, user: 1, units: "lb", template: { exercises: [{ exercise: "deadlift", name: "Deadlift", sets: [set(102.058, 5)] }] } });
  toggleDone(lifter, lifter.exercises[0].sets[0].key, { now: now(5) });
  const { body } = buildPayload(lifter, { now: now(60), limits: LIMITS });
  assert.equal(body.exercises[0].sets[0].load_kg, 102.058);
});

test("a new exercise starts with one set prefilled from last time", () => {
  const draft = newDraft({ now: T0, user: 1, units: "kg" });
  const ex = addExercise(draft, { exercise: "back-squat", name: "Back Squat" }, { now: now(1), history: HISTORY["back-squat"] });
  assert.equal(ex.sets.length, 1);
  assert.equal(ex.sets[0].load, "100");
  assert.equal(ex.sets[0].reps, "5");
  assert.equal(ex.restS, 180, "last time's median rest, to the nearest 15 s");
  const fresh = addExercise(draft, { exercise: "my-curl", name: "My Curl" }, { now: now(2) });
  assert.equal(fresh.sets.length, 1);
  assert.equal(fresh.sets[0].load, "");
});

test("added sets follow last time while the session repeats it, else copy this session's last set", () => {
  const draft = newDraft({ now: T0, user: 1, units: "kg" });
  const history = { last: { sets: [set(60, 10), set(80, 5), set(90, 3)] } };
  const ex = addExercise(draft, { exercise: "x", name: "X" }, { now: now(1), history });
  assert.equal(addSet(draft, ex.key, { now: now(2), history }).load, "80");
  assert.equal(addSet(draft, ex.key, { now: now(3), history }).load, "90");
  assert.equal(addSet(draft, ex.key, { now: now(4), history }).load, "90", "past last time's sets: a copy of the last one");
  updateSet(draft, ex.sets[0].key, "load", "65", { now: now(5) });
  assert.equal(addSet(draft, ex.key, { now: now(6), history }).load, "90");
});

test("changing a set's weight carries to the later untouched sets, not to done or hand-changed ones", () => {
  const draft = repeat();
  const [a, b, c] = draft.exercises[0].sets;
  updateSet(draft, c.key, "reps", "3", { now: now(1) });
  toggleDone(draft, a.key, { now: now(2) });
  updateSet(draft, b.key, "load", "102.5", { now: now(3) });
  assert.deepEqual(draft.exercises[0].sets.map((s) => s.load), ["100", "102.5", "102.5"]);
  assert.deepEqual(draft.exercises[0].sets.map((s) => s.reps), ["5", "5", "3"]);
  const d2 = repeat();
  updateSet(d2, d2.exercises[0].sets[0].key, "load", "102.5", { now: now(1) });
  assert.deepEqual(d2.exercises[0].sets.map((s) => s.load), ["102.5", "102.5", "102.5"]);
});

test("ticking records the rest of the set before and starts the exercise's countdown", () => {
  const draft = repeat();
  const [a, b, c] = draft.exercises[0].sets;
  assert.ok(toggleDone(draft, a.key, { now: now(10) }).ok);
  assert.deepEqual([draft.rest.setKey, draft.rest.targetS], [a.key, 180]);
  toggleDone(draft, b.key, { now: now(10 + 150) });
  assert.equal(a.restS, 150);
  assert.equal(draft.rest.setKey, b.key);
  toggleDone(draft, c.key, { now: now(160 + 200) });
  assert.equal(b.restS, 200);
  const { body } = buildPayload(draft, { now: now(400), limits: LIMITS });
  assert.deepEqual(body.exercises[0].sets.map((s) => s.rest_s ?? null), [150, 200, null]);
});

test("unticking a set gives the rest back to the set before, still running", () => {
  const draft = repeat();
  const [a, b] = draft.exercises[0].sets;
  toggleDone(draft, a.key, { now: now(0) });
  toggleDone(draft, b.key, { now: now(90) });
  toggleDone(draft, b.key, { now: now(95) });
  assert.equal(a.restS, null);
  assert.equal(draft.rest.setKey, a.key);
  toggleDone(draft, b.key, { now: now(130) });
  assert.equal(a.restS, 130);
});

test("an empty set can't be ticked and says what is missing", () => {
  const draft = newDraft({ now: T0, user: 1, units: "kg" });
  const ex = addExercise(draft, { exercise: "x", name: "X" }, { now: now(1) });
  const result = toggleDone(draft, ex.sets[0].key, { now: now(2) });
  assert.equal(result.ok, false);
  assert.match(draft.errors[`s-${ex.sets[0].key}-load`][0], /weight or reps/);
});

test("removing a set or an exercise can be undone in place", () => {
  const draft = repeat();
  const squat = draft.exercises[0];
  const middle = squat.sets[1];
  const token = removeSet(draft, middle.key, { now: now(1) });
  assert.equal(squat.sets.length, 2);
  undo(draft, token, { now: now(2) });
  assert.equal(squat.sets[1], middle);
  const exToken = removeExercise(draft, draft.exercises[1].key, { now: now(3) });
  assert.equal(draft.exercises.length, 3);
  undo(draft, exToken, { now: now(4) });
  assert.equal(draft.exercises[1].name, "Bench Press");
});

test("only ticked sets are saved unless the lifter says otherwise; blank sets never", () => {
  const draft = repeat();
  toggleDone(draft, draft.exercises[0].sets[0].key, { now: now(1) });
  addExercise(draft, { exercise: "x", name: "X" }, { now: now(2) });
  assert.equal(countSets(draft).unticked, 5);
  const dropped = buildPayload(draft, { now: now(60), limits: LIMITS });
  assert.equal(dropped.body.exercises.length, 1);
  assert.equal(dropped.body.exercises[0].sets.length, 1);
  const all = buildPayload(draft, { now: now(60), limits: LIMITS, unticked: "include" });
  assert.equal(all.body.exercises.reduce((n, e) => n + e.sets.length, 0), 6);
});

test("the body has everything the API takes, in SI, with an external id from the draft", () => {
  const draft = repeat("lb");
  const squat = draft.exercises[0];
  const s = squat.sets[0];
  updateSet(draft, s.key, "load", "225", { now: now(1) });
  updateSet(draft, s.key, "tempo", "3110", { now: now(1) });
  updateSet(draft, s.key, "type", "failure", { now: now(1) });
  updateExercise(draft, squat.key, "notes", "belt on", { now: now(1) });
  draft.sessionRpe = "8";
  draft.fasted = true;
  draft.notes = "Good day";
  draft.avgHr = "120";
  toggleDone(draft, s.key, { now: now(2) });
  const { body, ok } = buildPayload(draft, { now: now(3600), limits: LIMITS });
  assert.ok(ok);
  assert.equal(body.external_id, `log-${draft.id}`);
  assert.equal(body.source, "web");
  assert.equal(body.duration_s, 3600);
  assert.match(body.started_at, /^2026-11-16T\d\d:30:00[+-]\d\d:\d\d$/);
  assert.deepEqual([body.session_rpe, body.fasted, body.avg_hr], [8, true, 120]);
  assert.equal(body.notes, "Good day\n\nBack Squat: belt on");
  const sent = body.exercises[0].sets[0];
  assert.equal(sent.load_kg, 102.058);
  assert.equal(sent.tempo, "3110");
  assert.equal(sent.set_type, "failure");
  assert.equal(sent.rpe, 8);
});

test("timed and distance sets go out as duration_s and distance_m", () => {
  const draft = newDraft({ now: T0, user: 1, units: "kg" });
  const carry = addExercise(draft, { exercise: "farmers-carry", name: "Farmer's Carry" }, { now: now(1) });
  assert.equal(carry.measure, "distance");
  updateSet(draft, carry.sets[0].key, "load", "32", { now: now(2) });
  updateSet(draft, carry.sets[0].key, "distance", "40", { now: now(2) });
  toggleDone(draft, carry.sets[0].key, { now: now(3) });
  const plank = addExercise(draft, { exercise: "plank", name: "Plank" }, { now: now(4) });
  updateSet(draft, plank.sets[0].key, "duration", "1:30", { now: now(5) });
  toggleDone(draft, plank.sets[0].key, { now: now(6) });
  const { body } = buildPayload(draft, { now: now(60), limits: LIMITS });
  assert.deepEqual(body.exercises.map((e) => e.sets[0]), [
    { set_type: "normal", load_kg: 32, distance_m: 40 },
    { set_type: "normal", duration_s: 90 },
  ]);
});

test("every bad field is named at once, in plain words and the user's unit", () => {
  const draft = repeat("lb");
  const [a, b, c] = draft.exercises[0].sets;
  updateSet(draft, a.key, "load", "2300", { now: now(1) });
  updateSet(draft, b.key, "reps", "5.5", { now: now(1) });
  updateSet(draft, c.key, "tempo", "slow", { now: now(1) });
  draft.avgHr = "300";
  for (const s of [a, b, c]) toggleDone(draft, s.key, { now: now(2) });
  const { ok, errors } = buildPayload(draft, { now: now(60), limits: LIMITS });
  assert.equal(ok, false);
  assert.deepEqual(errors[`s-${a.key}-load`], ["Weight must be at most 2,204 lb."]);
  assert.deepEqual(errors[`s-${b.key}-reps`], ["Reps must be a whole number."]);
  assert.match(errors[`s-${c.key}-tempo`][0], /3-1-1-0/);
  assert.deepEqual(errors["w-avgHr"], ["Average heart rate must be at most 250 bpm."]);
});

test("a server refusal lands on the field it names, reworded in the user's unit", () => {
  const draft = repeat("lb");
  for (const s of draft.exercises[0].sets) toggleDone(draft, s.key, { now: now(1) });
  const { paths } = buildPayload(draft, { now: now(60), limits: LIMITS });
  applyServerErrors(draft, { "exercises.0.sets.2.load_kg": ["Must be between 0 and 1000."], "exercises.0.exercise": ["At most 120 characters."], odd: ["?"] }, paths);
  const third = draft.exercises[0].sets[2];
  assert.deepEqual(draft.errors[`s-${third.key}-load`], ["Weight must be between 0 lb and 2,204 lb."]);
  assert.deepEqual(draft.errors[`e-${draft.exercises[0].key}-name`], ["Exercise: At most 120 characters."]);
  assert.ok(draft.errors._form);
});

test("set labels count working sets and mark warm-ups; warm-ups go before the first working set", () => {
  const draft = repeat();
  const squat = draft.exercises[0];
  insertWarmups(draft, squat.key, [{ load: 20, reps: 10 }, { load: 60, reps: 3 }], { now: now(1) });
  assert.deepEqual(squat.sets.map((s) => setLabel(squat, s)), ["W", "W", "1", "2", "3"]);
});

test("linking an exercise to the next makes a superset; unlinking ends it", () => {
  const draft = newDraft({ now: T0, user: 1, units: "kg" });
  const a = addExercise(draft, { exercise: "a", name: "A" }, { now: now(1) });
  addExercise(draft, { exercise: "b", name: "B" }, { now: now(1) });
  toggleLink(draft, a.key, { now: now(2) });
  assert.equal(supersetGroups(draft)[0].letter, "A");
  toggleLink(draft, a.key, { now: now(3) });
  assert.equal(supersetGroups(draft).length, 2);
});

test("the duration comes from the clock unless typed; a workout's distance goes out in metres", () => {
  const draft = repeat("lb");
  toggleDone(draft, draft.exercises[0].sets[0].key, { now: now(5) });
  draft.distance = "2";
  assert.equal(buildPayload(draft, { now: now(1800), limits: LIMITS }).body.duration_s, 1800);
  draft.duration = "45";
  const { body } = buildPayload(draft, { now: now(99999), limits: LIMITS });
  assert.equal(body.duration_s, 2700);
  assert.equal(body.distance_m, 3218.7);
  draft.duration = "1:05:00";
  assert.equal(buildPayload(draft, { now: now(1), limits: LIMITS }).body.duration_s, 3900);
  draft.duration = "a while";
  assert.ok(buildPayload(draft, { now: now(1), limits: LIMITS }).errors["w-duration"]);
});

test("a routine starts with its planned sets, or with its suggestion's when chosen", async () => {
  const { templateFromRoutine } = await import("../../static/js/logger/state.js");
  const plan = {
    id: 3,
    name: "Upper A",
    exercises: [
      {
        exercise: "bench-press",
        name: "Bench Press",
        sets: [{ reps: 12, load_kg: 60, rpe: 8, rest_s: 120 }, { reps: 12, load_kg: 60, rpe: 8, rest_s: 120 }],
        suggestion: { progress: true, sets: [{ reps: 8, load_kg: 62.5, rpe: 8, rest_s: 120 }, { reps: 8, load_kg: 62.5, rpe: 8, rest_s: 120 }] },
      },
      { exercise: "Ring row", name: "Ring row", sets: [{ reps: 10, load_kg: null }], suggestion: null },
    ],
  };
  const planned = newDraft({ now: T0, user: 1, units: "kg", template: templateFromRoutine(plan), history: {} });
  const suggested = newDraft({ now: T0, user: 1, units: "kg", template: templateFromRoutine(plan, { suggested: true }), history: {} });

  assert.equal(planned.title, "Upper A");
  assert.deepEqual(planned.exercises[0].sets.map((s) => [s.reps, s.load]), [["12", "60"], ["12", "60"]]);
  assert.deepEqual(suggested.exercises[0].sets.map((s) => [s.reps, s.load]), [["8", "62.5"], ["8", "62.5"]]);
  assert.deepEqual(suggested.exercises[1].sets.map((s) => s.reps), ["10"]);
});
