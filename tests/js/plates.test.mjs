import assert from "node:assert/strict";
import { test } from "node:test";

import { DEFAULT_EQUIPMENT, groupPlates, platesPerSide, warmupRamp } from "../../static/js/logger/plates.js";

const KG = DEFAULT_EQUIPMENT.kg;
const LB = DEFAULT_EQUIPMENT.lb;

test("plates per side for kilograms and pounds", () => {
  assert.deepEqual(platesPerSide(142.5, KG.bar, KG.plates).perSide, [25, 25, 10, 1.25]);
  assert.deepEqual(platesPerSide(315, LB.bar, LB.plates).perSide, [45, 45, 45]);
  assert.deepEqual(groupPlates([45, 45, 10]), [{ plate: 45, count: 2 }, { plate: 10, count: 1 }]);
});

test("a weight the plates can't make says how close they get", () => {
  const result = platesPerSide(101, KG.bar, KG.plates);
  assert.equal(result.achieved, 100);
  assert.equal(result.remainder, 1);
  assert.deepEqual(platesPerSide(20, KG.bar, KG.plates).perSide, []);
  assert.deepEqual(platesPerSide(102.5, KG.bar, [20, 10]).achieved, 100, "only the plates the lifter has");
});

test("the warm-up ramp climbs from the empty bar in loadable steps below the working weight", () => {
  const ramp = warmupRamp(140, { bar: 20, plates: KG.plates });
  assert.deepEqual(ramp, [
    { load: 20, reps: 10 },
    { load: 55, reps: 5 },
    { load: 82.5, reps: 3 },
    { load: 110, reps: 2 },
  ]);
  assert.deepEqual(warmupRamp(25, { bar: 20, plates: KG.plates }), [{ load: 20, reps: 10 }]);
  assert.deepEqual(warmupRamp(0, { bar: 20, plates: KG.plates }), []);
});

test("without a bar (dumbbells, machines) steps round down to the increment", () => {
  assert.deepEqual(warmupRamp(30, { increment: 2.5 }), [
    { load: 10, reps: 5 },
    { load: 17.5, reps: 3 },
    { load: 22.5, reps: 2 },
  ]);
});
