import assert from "node:assert/strict";
import { test } from "node:test";

import { exactMatch, searchExercises } from "../../static/js/logger/search.js";

const CHOICES = [
  { exercise: "clean", name: "Clean", aliases: [] },
  { exercise: "front-squat", name: "Front Squat", aliases: [] },
  { exercise: "back-squat", name: "Back Squat", aliases: ["Squat (Barbell)", "Squat"] },
  { exercise: "goblet-squat", name: "Goblet Squat", aliases: [] },
  { exercise: "bench-press", name: "Bench Press", aliases: ["Bench Press (Barbell)"] },
  { exercise: "My Curl", name: "My Curl", aliases: [], custom: true },
];

test("exact and prefix matches first; aliases count", () => {
  const names = searchExercises(CHOICES, "squat").map((c) => c.name);
  assert.equal(names[0], "Back Squat", "its alias is exactly 'Squat'");
  assert.ok(!names.includes("Clean"));
  assert.deepEqual(searchExercises(CHOICES, "bench").map((c) => c.name), ["Bench Press"]);
});

test("a plural finds the singular", () => {
  assert.ok(searchExercises(CHOICES, "squats").some((c) => c.name === "Front Squat"));
  assert.ok(searchExercises(CHOICES, "curls").some((c) => c.name === "My Curl"));
});

test("exercises done before rank ahead; nothing typed lists them, newest first", () => {
  const history = { "goblet-squat": { last: { date: "2026-11-01" } }, "bench-press": { last: { date: "2026-11-09" } } };
  assert.equal(searchExercises(CHOICES, "sq", { history })[0].name, "Goblet Squat");
  assert.deepEqual(searchExercises(CHOICES, "", { history }).map((c) => c.name), ["Bench Press", "Goblet Squat"]);
});

test("an exact name, slug or alias is recognised whatever its case or punctuation", () => {
  assert.equal(exactMatch(CHOICES, "squat (barbell)").exercise, "back-squat");
  assert.equal(exactMatch(CHOICES, "BENCH-PRESS").exercise, "bench-press");
  assert.equal(exactMatch(CHOICES, "Zercher squat"), null);
});
