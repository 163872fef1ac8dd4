// Plate maths in the lifter's unit: what to put on each side of the bar, and a warm-up ramp
// up to the first working set, every step a weight that can be loaded with his plates.

export const DEFAULT_EQUIPMENT = {
  kg: { bar: 20, plates: [25, 20, 15, 10, 5, 2.5, 1.25] },
  lb: { bar: 45, plates: [45, 35, 25, 10, 5, 2.5] },
};

const SCALE = 1000; // work in grams (or thousandths of a pound): no floating-point drift

/** Plates for one side, heaviest first, using as many of each as needed. */
export function platesPerSide(target, bar, plates) {
  const available = [...new Set(plates.filter((p) => p > 0))].sort((a, b) => b - a);
  const wanted = Math.round(((target - bar) / 2) * SCALE);
  if (!Number.isFinite(wanted) || wanted <= 0) {
    return { perSide: [], achieved: Math.max(bar, 0), remainder: target < bar ? target - bar : 0 };
  }
  let left = wanted;
  const perSide = [];
  for (const plate of available) {
    const p = Math.round(plate * SCALE);
    while (left >= p) {
      perSide.push(plate);
      left -= p;
    }
  }
  const loaded = (wanted - left) / SCALE;
  return { perSide, achieved: bar + 2 * loaded, remainder: (2 * left) / SCALE };
}

/** Group a side's plates for display: [{plate: 20, count: 2}, …]. */
export function groupPlates(perSide) {
  const out = [];
  for (const plate of perSide) {
    const last = out[out.length - 1];
    if (last && last.plate === plate) last.count += 1;
    else out.push({ plate, count: 1 });
  }
  return out;
}

/** The heaviest weight at or under `target` that the bar and plates can make. */
export function loadable(target, bar, plates) {
  return platesPerSide(target, bar, plates).achieved;
}

// Percentages of the working weight and reps: a common ramp (the empty bar, then fewer reps
// as the weight climbs), a suggestion the lifter can change before ticking.
export const RAMP = [
  { pct: 0, reps: 10 },
  { pct: 0.4, reps: 5 },
  { pct: 0.6, reps: 3 },
  { pct: 0.8, reps: 2 },
];

/**
 * Warm-up sets before `work`. With a bar, every step is loadable with the plates; without
 * one (dumbbells, machines: bar 0) steps are rounded down to `increment`.
 */
export function warmupRamp(work, { bar = 0, plates = [], increment = 2.5 } = {}) {
  if (!(work > 0)) return [];
  const steps = [];
  for (const { pct, reps } of RAMP) {
    let load;
    if (pct === 0) {
      if (!bar || bar >= work) continue;
      load = bar;
    } else if (bar) {
      load = loadable(work * pct, bar, plates);
      if (load <= bar) continue;
    } else {
      load = Math.floor((work * pct) / increment) * increment;
      if (load <= 0) continue;
    }
    if (load >= work) continue;
    if (steps.length && steps[steps.length - 1].load === load) continue;
    steps.push({ load: Math.round(load * 100) / 100, reps });
  }
  return steps;
}
