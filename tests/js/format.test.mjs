import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDuration, formatPace, isoWithOffset, loadFromDisplay, loadToDisplay, parseDuration, parseNumber } from "../../static/js/logger/format.js";
import { describeLimit, explainServerError } from "../../static/js/logger/messages.js";

test("numbers as typed on phones", () => {
  assert.equal(parseNumber("102,5"), 102.5);
  assert.equal(parseNumber(" 80 "), 80);
  assert.equal(parseNumber(""), null);
  assert.ok(Number.isNaN(parseNumber("8o")));
});

test("times: seconds, m:ss and h:mm:ss both ways", () => {
  assert.equal(parseDuration("45"), 45);
  assert.equal(parseDuration("1:30"), 90);
  assert.equal(parseDuration("1:02:05"), 3725);
  assert.equal(parseDuration("90s"), 90);
  assert.ok(Number.isNaN(parseDuration("a minute")));
  assert.equal(formatDuration(3725), "1:02:05");
  assert.equal(formatDuration(95), "1:35");
});

test("pounds and kilograms round-trip as the server does", () => {
  assert.equal(loadToDisplay(102.058, "lb"), 225);
  assert.equal(loadFromDisplay(225, "lb"), 102.058);
  assert.equal(loadToDisplay(101.25, "kg"), 101.25);
});

test("pace per km or mile", () => {
  assert.equal(formatPace(300, 1000, "kg"), "5:00 /km");
  assert.equal(formatPace(480, 1609.344, "lb"), "8:00 /mi");
  assert.equal(formatPace(null, 1000, "kg"), "");
});

test("a datetime with the device's offset, as the API wants", () => {
  assert.match(isoWithOffset(Date.UTC(2026, 10, 16, 6, 30)), /^2026-11-1\dT\d\d:\d\d:00[+-]\d\d:\d\d$/);
});

test("limits in the user's unit, rounded to a number that is itself allowed", () => {
  const load = { min: 0, max: 1000 };
  assert.equal(describeLimit("load_kg", 1001, load, "lb"), "Weight must be at most 2,204 lb.");
  assert.equal(describeLimit("load_kg", 1001, load, "kg"), "Weight must be at most 1,000 kg.");
  assert.equal(describeLimit("load_kg", -1, load, "kg"), "Weight can't be negative.");
  assert.equal(describeLimit("rpe", 8.3, { min: 1, max: 10, step: 0.5 }, "kg"), "RPE goes in steps of 0.5, e.g. 8 or 8.5.");
  assert.equal(describeLimit("load_kg", 100, load, "kg"), null);
  assert.equal(explainServerError("load_kg", "Must be between 0 and 1000.", "lb"), "Weight must be between 0 lb and 2,204 lb.");
  assert.equal(explainServerError("reps", "Expected a whole number.", "kg"), "Reps must be a whole number.");
});
