// Errors in plain words, with limits in the lifter's own units: "Weight must be at most
// 2,204 lb", whether the logger finds the problem itself or the server does.

import {
  formatDuration,
  formatNumber,
  loadToDisplay,
  loadUnit,
  longDistanceToDisplay,
  longDistanceUnit,
  shortDistanceToDisplay,
  shortDistanceUnit,
} from "./format.js";

export const LABELS = {
  reps: "Reps",
  load_kg: "Weight",
  rpe: "RPE",
  rir: "Reps in reserve",
  rest_s: "Rest",
  tempo: "Tempo",
  set_type: "Set type",
  duration_s: "Time",
  distance_m: "Distance",
  eccentric_emphasis: "Slow lowering",
  session_rpe: "Session effort",
  avg_hr: "Average heart rate",
  max_hr: "Maximum heart rate",
  title: "Title",
  notes: "Notes",
  started_at: "Start time",
  exercise: "Exercise",
  superset: "Superset",
  kind: "Interval kind",
  activity: "Activity",
};

/** A bound as the lifter reads it: kilograms shown in his unit, rounded inward so the
 * number said is itself allowed. `kind` tells which distance a `distance_m` is. */
function shown(apiField, value, units, kind, inward) {
  const round = inward === "down" ? Math.floor : Math.ceil;
  if (apiField === "load_kg") return `${formatNumber(round(loadToDisplay(value, units)))} ${loadUnit(units)}`;
  if (apiField === "distance_m") {
    if (kind === "long") return `${formatNumber(round(longDistanceToDisplay(value, units)))} ${longDistanceUnit(units)}`;
    return `${formatNumber(round(shortDistanceToDisplay(value, units)))} ${shortDistanceUnit(units)}`;
  }
  if (apiField === "duration_s" || apiField === "rest_s") return formatDuration(value);
  if (apiField === "avg_hr" || apiField === "max_hr") return `${formatNumber(value)} bpm`;
  return formatNumber(value);
}

/** The message for a value (in SI) outside its rule, or null when it is fine. */
export function describeLimit(apiField, value, rule, units, kind = "short") {
  if (!rule || value === null || value === undefined) return null;
  const label = LABELS[apiField] || apiField;
  if (rule.max !== undefined && value > rule.max) {
    return `${label} must be at most ${shown(apiField, rule.max, units, kind, "down")}.`;
  }
  if (rule.min !== undefined && value < rule.min) {
    if (rule.min === 0) return `${label} can't be negative.`;
    return `${label} must be at least ${shown(apiField, rule.min, units, kind, "up")}.`;
  }
  if (rule.integer && !Number.isInteger(value)) return `${label} must be a whole number.`;
  if (rule.step && Math.abs(value / rule.step - Math.round(value / rule.step)) > 1e-9) {
    return `${label} goes in steps of ${formatNumber(rule.step)}, e.g. 8 or 8.5.`;
  }
  return null;
}

/** A server message about `field`, reworded for the lifter (bounds in his units). */
export function explainServerError(field, message, units) {
  const label = LABELS[field] || (field === "_form" || /^\d+$/.test(field) ? "" : field);
  const between = message.match(/^Must be between (-?[\d.]+) and (-?[\d.]+)\.?$/);
  if (between) {
    const [low, high] = [Number(between[1]), Number(between[2])];
    return `${label} must be between ${shown(field, low, units, "short", "up")} and ${shown(field, high, units, "short", "down")}.`;
  }
  if (/^Expected a whole number\.?$/.test(message)) return `${label} must be a whole number.`;
  if (/^Expected a number\.?$/.test(message)) return `${label}: enter a number.`;
  if (/^Must be a multiple of/.test(message)) return `${label} ${message.replace(/^Must/, "must")}`;
  return label ? `${label}: ${message}` : message;
}
