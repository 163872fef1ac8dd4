import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { exactMatch, likelyMeant, rank, ratio, searchExercises } from "../../static/js/logger/search.js";

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

// The cases logbook/exercise_search.py is tested against, on the real catalog.
const ROOT = new URL("../../", import.meta.url);
const CATALOG = JSON.parse(readFileSync(new URL("logbook/data/exercises.json", ROOT), "utf8")).map((e) => ({ exercise: e.slug, name: e.name, aliases: e.aliases }));
const CASES = JSON.parse(readFileSync(new URL("tests/fixtures/exercise_search_cases.json", ROOT), "utf8"));

for (const c of CASES) {
  test(`ranked as on the server: ${c.query}`, () => {
    const found = rank(CATALOG, c.query).map((r) => r.c.name);
    assert.deepEqual(found.slice(0, c.first.length), c.first);
    for (const [better, worse] of c.before || []) assert.ok(found.indexOf(better) < found.indexOf(worse), `${better} before ${worse}`);
    if ("count" in c) assert.equal(found.length, c.count);
  });
}

test("the Indel ratio is rapidfuzz's", () => {
  assert.equal(ratio("sqaut", "squat"), 80);
  assert.equal(ratio("", ""), 100);
});

const MEANT = JSON.parse(readFileSync(new URL("tests/fixtures/did_you_mean_cases.json", ROOT), "utf8"));

for (const c of MEANT) {
  test(`did you mean, as on the server: ${c.typed}`, () => {
    assert.equal(likelyMeant(CATALOG, c.typed)?.name ?? null, c.meant);
  });
}

test("your own exercises are never suggested as what you meant", () => {
  assert.equal(likelyMeant([{ exercise: "Squat", name: "Squat", aliases: [], custom: true }], "Squats"), null);
});
