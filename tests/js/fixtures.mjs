// Shared data for the logger's unit tests: limits as /log/data/ sends them
// (logbook.schema.input_limits), and a past workout as the API returns it.
export const LIMITS = {
  workout: { session_rpe: { min: 0, max: 10 }, avg_hr: { min: 30, max: 250, integer: true }, max_hr: { min: 30, max: 250, integer: true } },
  set: {
    reps: { min: 0, max: 1000, integer: true },
    load_kg: { min: 0, max: 1000 },
    rpe: { min: 1, max: 10, step: 0.5 },
    rir: { min: 0, max: 10, step: 0.5 },
    rest_s: { min: 0, max: 14400, integer: true },
    duration_s: { min: 0, max: 86400, integer: true },
    distance_m: { min: 0, max: 1000000 },
  },
  interval: { duration_s: { min: 1, max: 86400, integer: true }, distance_m: { min: 0, max: 1000000 }, avg_hr: { min: 30, max: 250, integer: true }, rpe: { min: 0, max: 10, step: 0.5 } },
};

export const set = (load_kg, reps, extra = {}) => ({
  reps, load_kg, rpe: null, rir: null, rest_s: null, tempo: "", set_type: "normal", duration_s: null, distance_m: null, eccentric_emphasis: false, ...extra,
});

export const SQUAT_DAY = {
  id: 7,
  title: "Squat day",
  activity: "strength",
  started_at: "2026-11-10T07:30:00+01:00",
  exercises: [
    { exercise: "back-squat", name: "Back Squat", superset: null, sets: [set(100, 5, { rpe: 8 }), set(100, 5, { rpe: 8 }), set(100, 5, { rpe: 8.5 })] },
    { exercise: "bench-press", name: "Bench Press", superset: 1, sets: [set(80, 8)] },
    { exercise: "barbell-row", name: "Barbell Row", superset: 1, sets: [set(70, 10)] },
    { exercise: "plank", name: "Plank", superset: null, sets: [set(null, null, { duration_s: 60 })] },
  ],
  intervals: [],
};

export const HISTORY = {
  "back-squat": { last: { date: "2026-11-10T06:30:00+00:00", sets: SQUAT_DAY.exercises[0].sets }, best: set(120, 3, { date: "2026-10-01T06:30:00+00:00" }), rest_s: 175 },
};
