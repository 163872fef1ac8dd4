import assert from "node:assert/strict";
import { test } from "node:test";

import { adjustRest, endRest, MAX_REST_S, remainingS, skipRest, startRest, tick } from "../../static/js/logger/rest.js";

const T0 = 1_700_000_000_000;
const at = (s) => T0 + s * 1000;

function draftWithSet() {
  const set = { key: "s1", restS: null, restBy: null, restManual: false };
  return { draft: { exercises: [{ key: "e1", sets: [set] }], rest: null }, set };
}

test("the countdown runs on the wall clock: a reload or a sleeping phone changes nothing", () => {
  const { draft } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 120 });
  const kept = JSON.parse(JSON.stringify(draft)); // as localStorage gives it back
  assert.equal(remainingS(kept.rest, at(45)), 75);
  assert.equal(remainingS(kept.rest, at(130)), -10, "time over shows as negative");
});

test("±15 s changes the running countdown, never below zero", () => {
  const { draft } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 20 });
  adjustRest(draft, 15);
  assert.equal(draft.rest.targetS, 35);
  adjustRest(draft, -15);
  adjustRest(draft, -15);
  adjustRest(draft, -15);
  assert.equal(draft.rest.targetS, 0);
});

test("the alarm sounds once when the countdown reaches zero", () => {
  const { draft } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 60 });
  assert.equal(tick(draft, at(59)), null);
  assert.equal(tick(draft, at(60)), "alarm");
  assert.equal(tick(draft, at(61)), null);
  adjustRest(draft, 15);
  assert.equal(tick(draft, at(75)), "alarm", "more time after the alarm: it sounds again at the new end");
});

test("a superset's countdown (target 0) never alarms", () => {
  const { draft } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 0 });
  assert.equal(tick(draft, at(100)), null);
});

test("the actual rest is recorded on the set when the next set is ticked or rest is skipped", () => {
  const { draft, set } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 90 });
  endRest(draft, at(137), "s2");
  assert.deepEqual([set.restS, set.restBy, draft.rest], [137, "s2", null]);
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(200), targetS: 90 });
  skipRest(draft, at(260));
  assert.deepEqual([set.restS, set.restBy], [60, "skip"]);
});

test("catching up on ticks or a forgotten phone records no rest instead of a wrong one", () => {
  const { draft, set } = draftWithSet();
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 90 });
  endRest(draft, at(3), "s2");
  assert.equal(set.restS, null);
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 90 });
  assert.equal(tick(draft, at(MAX_REST_S + 1)), "expire");
  assert.equal(draft.rest, null);
  assert.equal(set.restS, null);
});

test("a rest typed by hand is never overwritten", () => {
  const { draft, set } = draftWithSet();
  set.restS = "2:00";
  set.restManual = true;
  startRest(draft, { exKey: "e1", setKey: "s1", now: at(0), targetS: 90 });
  endRest(draft, at(200), "s2");
  assert.equal(set.restS, "2:00");
});
