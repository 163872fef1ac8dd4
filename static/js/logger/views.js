// What the logger looks like for a given state: functions from the app's state to elements
// (built with h(), put on the page by morph()). Every control names its action in
// data-action and its row in data-set / data-ex / data-interval; main.js handles them.

import { h, icon } from "./dom.js";
import {
  formatDuration,
  formatNumber,
  formatPace,
  friendlyDate,
  loadToDisplay,
  loadUnit,
  longDistanceFromDisplay,
  longDistanceUnit,
  parseDuration,
  parseNumber,
  plain,
  shortDistanceToDisplay,
  shortDistanceUnit,
  defaultTitle,
} from "./format.js";
import { groupPlates, platesPerSide, warmupRamp } from "./plates.js";
import { elapsedS, remainingS } from "./rest.js";
import { exactMatch, likelyMeant, searchExercises } from "./search.js";
import { MEASURE_FIELDS, countSets, previousFor, setLabel, setName, supersetGroups } from "./state.js";

const TYPE_NAMES = { normal: "Working", warmup: "Warm-up", failure: "To failure", dropset: "Drop set" };
const MEASURE_NAMES = {
  reps: "Weight × reps",
  time: "Time (planks, holds)",
  distance: "Distance (carries, sleds)",
  cardio: "Distance and time (cardio)",
};
const RPE_OPTIONS = ["10", "9.5", "9", "8.5", "8", "7.5", "7", "6.5", "6", "5", "4", "3", "2", "1"];
const RIR_OPTIONS = ["0", "0.5", "1", "1.5", "2", "2.5", "3", "4", "5", "6", "7", "8", "9", "10"];
const REST_CHOICES = [0, 30, 45, 60, 75, 90, 105, 120, 150, 180, 210, 240, 300, 360, 420, 480, 600];
const ACTIVITIES = [
  ["strength", "Strength"],
  ["hiit", "HIIT"],
  ["run", "Run"],
  ["ride", "Ride"],
  ["row", "Row"],
  ["swim", "Swim"],
  ["walk", "Walk"],
  ["mobility", "Mobility"],
  ["other", "Other"],
];

// --- Small pieces -------------------------------------------------------------------------

function errorsFor(app, id) {
  return (app.draft?.errors || {})[id] || [];
}

function fieldErrors(app, id) {
  const messages = errorsFor(app, id);
  if (!messages.length) return null;
  return h("p", { class: "field-error", id: `${id}-error` }, messages.join(" "));
}

function invalid(app, id) {
  return errorsFor(app, id).length ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {};
}

function button(label, props = {}) {
  return h("button", { type: "button", ...props }, label);
}

export function describeApiSet(s, units, measure = "reps", { short = false, long = false } = {}) {
  if (!s) return "";
  const x = long ? " × " : "×";
  const load = s.load_kg ? plain(loadToDisplay(s.load_kg, units)) + (long ? ` ${loadUnit(units)}` : "") : null;
  const rir = s.rir !== null && s.rir !== undefined ? `${plain(s.rir, 1)} RIR` : "";
  let effort = "";
  if (!short && s.rpe) effort = long ? ` · RPE ${plain(s.rpe, 1)}` : ` @${plain(s.rpe, 1)}`;
  else if (!short && rir) effort = long ? ` · ${rir}` : ` ${rir}`;
  const prefix = s.set_type === "warmup" ? (long ? "Warm-up " : "W ") : "";
  if (measure === "time" || (s.reps === null && s.duration_s && !s.distance_m)) {
    return `${prefix}${load ? `${load}${x}` : ""}${formatDuration(s.duration_s)}${effort}`;
  }
  if (measure === "distance" || measure === "cardio" || (s.reps === null && s.distance_m)) {
    const d = `${plain(shortDistanceToDisplay(s.distance_m, units), 1)} ${shortDistanceUnit(units)}`;
    if (s.duration_s && !load) return `${prefix}${d} in ${formatDuration(s.duration_s)}${effort}`;
    return `${prefix}${load ? `${load}${x}` : ""}${d}${effort}`;
  }
  if (load === null) return `${prefix}${s.reps ?? 0} reps${effort}`;
  return `${prefix}${load}${x}${s.reps ?? 0}${effort}`;
}

function effortOptions(draft, value) {
  const list = draft.effort === "rir" ? RIR_OPTIONS : RPE_OPTIONS;
  const options = [h("option", { value: "" }, "–")];
  for (const v of list) options.push(h("option", { value: v }, v));
  if (value && !list.includes(value)) options.push(h("option", { value }, value));
  return options;
}

function fieldInput(app, ex, set, field, n) {
  const units = app.draft.units;
  const id = `s-${set.key}-${field}`;
  const common = { id, "data-set": set.key, "data-field": field, "data-nav": "", ...invalid(app, id) };
  if (field === "effort") {
    const name = app.draft.effort === "rir" ? "reps in reserve" : "RPE";
    return h("select", { ...common, "aria-label": `Set ${n} ${name}`, value: set.effort }, effortOptions(app.draft, set.effort));
  }
  const spec = {
    load: { mode: "decimal", label: `Set ${n} weight in ${loadUnit(units)}` },
    reps: { mode: "numeric", label: `Set ${n} reps` },
    duration: { mode: "text", label: `Set ${n} time (seconds or m:ss)` },
    distance: { mode: "decimal", label: `Set ${n} distance in ${shortDistanceUnit(units)}` },
  }[field];
  return h("input", {
    ...common,
    value: set[field] ?? "",
    inputmode: spec.mode,
    autocomplete: "off",
    enterkeyhint: "next",
    "aria-label": spec.label,
    placeholder: field === "duration" ? "0:45" : "",
  });
}

function columnHeads(app, ex) {
  const units = app.draft.units;
  const names = {
    load: loadUnit(units),
    reps: "Reps",
    duration: "Time",
    distance: shortDistanceUnit(units),
  };
  return h(
    "div",
    { class: "set-row head", "aria-hidden": "true" },
    h("span", {}, "Set"),
    h("span", {}, "Previous"),
    MEASURE_FIELDS[ex.measure].map((f) => h("span", {}, names[f])),
    h("span", {}, app.draft.effort === "rir" ? "RIR" : "RPE"),
    h("span", { class: "center" }, "✓"),
  );
}

// --- The workout ----------------------------------------------------------------------------

function setRow(app, ex, set) {
  const label = setLabel(ex, set);
  const n = setName(ex, set);
  const history = app.history[ex.exercise];
  const previous = previousFor(ex, set, history);
  const open = app.ui.openSet === set.key;
  const rowErrors = [`s-${set.key}`, ...MEASURE_FIELDS[ex.measure].map((f) => `s-${set.key}-${f}`), `s-${set.key}-effort`];
  const moreErrors = ["type", "tempo", "restS", "reps", "load", "duration", "distance", "eccentric"]
    .filter((f) => !MEASURE_FIELDS[ex.measure].includes(f))
    .map((f) => `s-${set.key}-${f}`);
  return h(
    "div",
    { class: `set${set.done ? " done" : ""}${open ? " open" : ""}`, key: set.key, id: `s-${set.key}` },
    h(
      "div",
      { class: "set-row" },
      button(label, {
        class: `setno t-${set.type}`,
        "data-action": "set-menu",
        "data-set": set.key,
        "aria-expanded": open ? "true" : "false",
        "aria-label": `Set ${n}: ${TYPE_NAMES[set.type]}. More for this set`,
      }),
      previous
        ? button(describeApiSet(previous, app.draft.units, ex.measure, { short: true }), {
            class: "prev",
            "data-action": "use-prev",
            "data-set": set.key,
            "aria-label": `Use last time's set ${n}: ${describeApiSet(previous, app.draft.units, ex.measure)}`,
          })
        : h("span", { class: "prev none", "aria-hidden": "true" }, "–"),
      MEASURE_FIELDS[ex.measure].map((f) => fieldInput(app, ex, set, f, n)),
      fieldInput(app, ex, set, "effort", n),
      button(set.done ? "✓" : "✓", {
        class: "tick",
        "data-action": "done",
        "data-set": set.key,
        "aria-pressed": set.done ? "true" : "false",
        "aria-label": `Set ${n} done`,
      }),
    ),
    rowErrors.map((id) => fieldErrors(app, id)),
    moreErrors.some((id) => errorsFor(app, id).length) && !open ? h("p", { class: "field-error" }, "Open this set's options to fix: ", moreErrors.flatMap((id) => errorsFor(app, id)).join(" ")) : null,
    open ? setMore(app, ex, set, n) : null,
  );
}

function setMore(app, ex, set, n) {
  const units = app.draft.units;
  const id = (f) => `s-${set.key}-${f}`;
  const extra = ["reps", "load", "duration", "distance"].filter((f) => !MEASURE_FIELDS[ex.measure].includes(f));
  const extraLabels = {
    reps: "Reps",
    load: `Weight (${loadUnit(units)})`,
    duration: "Time (m:ss)",
    distance: `Distance (${shortDistanceUnit(units)})`,
  };
  const rest = set.restS === null || set.restS === undefined ? "" : typeof set.restS === "number" ? formatDuration(set.restS) : set.restS;
  return h(
    "div",
    { class: "set-more", key: `${set.key}-more` },
    h(
      "div",
      { class: "more-grid" },
      h("label", { for: id("type") }, "Set type",
        h("select", { id: id("type"), "data-set": set.key, "data-field": "type", value: set.type, ...invalid(app, id("type")) },
          Object.entries(TYPE_NAMES).map(([v, name]) => h("option", { value: v }, name)))),
      h("label", { for: id("tempo") }, "Tempo",
        h("input", { id: id("tempo"), "data-set": set.key, "data-field": "tempo", "data-nav": "", value: set.tempo, placeholder: "3-1-1-0", autocomplete: "off", enterkeyhint: "next", ...invalid(app, id("tempo")) })),
      h("label", { for: id("restS") }, "Rest after",
        h("input", { id: id("restS"), "data-set": set.key, "data-field": "restS", "data-nav": "", value: rest, placeholder: "auto", inputmode: "text", autocomplete: "off", enterkeyhint: "next", ...invalid(app, id("restS")) })),
      extra.map((f) =>
        h("label", { for: id(f) }, extraLabels[f],
          h("input", { id: id(f), "data-set": set.key, "data-field": f, "data-nav": "", value: set[f] ?? "", inputmode: f === "duration" ? "text" : "decimal", autocomplete: "off", enterkeyhint: "next", ...invalid(app, id(f)) })),
      ),
    ),
    h("label", { class: "check" },
      h("input", { type: "checkbox", id: id("eccentric"), "data-set": set.key, "data-field": "eccentric", checked: set.eccentric }),
      " Slow lowering (eccentric emphasis)"),
    ["type", "tempo", "restS", "eccentric", ...extra].map((f) => fieldErrors(app, id(f))),
    h("p", { class: "hint" }, "Rest is recorded when you tick the next set; type it to change it."),
    h("div", { class: "row-actions" },
      button(`Remove set ${n}`, { class: "danger-link", "data-action": "remove-set", "data-set": set.key })),
  );
}

function restChoice(ex) {
  const options = REST_CHOICES.includes(ex.restS) ? REST_CHOICES : [...REST_CHOICES, ex.restS].sort((a, b) => a - b);
  return h(
    "label",
    { class: "chip rest-chip" },
    icon("timer"),
    h(
      "select",
      { "data-ex": ex.key, "data-ex-field": "restS", "aria-label": `Rest timer for ${ex.name}`, value: String(ex.restS) },
      options.map((s) => h("option", { value: String(s) }, s ? formatDuration(s) : "Off")),
    ),
  );
}

function exerciseCard(app, ex) {
  const history = app.history[ex.exercise];
  const last = history?.last;
  const best = history?.best;
  const units = app.draft.units;
  const hasLoad = ex.measure === "reps" || ex.measure === "distance";
  const nameId = `e-${ex.key}-name`;
  const noteOpen = app.ui.notes[ex.key] || ex.notes;
  return h(
    "section",
    { class: "exercise", key: ex.key, "aria-labelledby": `${nameId}-h`, id: nameId, tabindex: "-1" },
    h(
      "div",
      { class: "ex-head" },
      h("h2", { id: `${nameId}-h` }, ex.name),
      button("⋯", { class: "icon", "data-action": "ex-menu", "data-ex": ex.key, "aria-label": `More for ${ex.name}` }),
    ),
    fieldErrors(app, nameId),
    h(
      "div",
      { class: "chips" },
      restChoice(ex),
      best || last
        ? button([icon("trophy"), best ? describeApiSet(best, units, ex.measure, { short: true }) : "History"], {
            class: "chip", "data-action": "show-history", "data-ex": ex.key,
            "aria-label": best ? `Best set and last time of ${ex.name}: best ${describeApiSet(best, units, ex.measure)}` : `Last time's ${ex.name}`,
          })
        : null,
      hasLoad ? button([icon("plate"), "Plates"], { class: "chip", "data-action": "plates", "data-ex": ex.key, "aria-label": `Plate calculator for ${ex.name}` }) : null,
      ex.measure === "reps" ? button([icon("flame"), "Warm-up"], { class: "chip", "data-action": "warmup", "data-ex": ex.key, "aria-label": `Warm-up sets for ${ex.name}` }) : null,
    ),
    noteOpen
      ? h("label", { class: "ex-note" }, h("span", { class: "sr" }, `Note on ${ex.name}`),
          h("textarea", { id: `e-${ex.key}-notes`, "data-ex": ex.key, "data-ex-field": "notes", rows: "2", placeholder: "e.g. belt from set 3, seat at 4", value: ex.notes }))
      : null,
    h("div", { class: "sets" }, columnHeads(app, ex), ex.sets.map((s) => setRow(app, ex, s))),
    button("+ Add set", { class: "add-set", id: `e-${ex.key}-add`, "data-action": "add-set", "data-ex": ex.key }),
  );
}

function intervalsCard(app) {
  const draft = app.draft;
  const units = draft.units;
  if (!draft.intervals.length && !app.ui.showIntervals) return null;
  const rows = draft.intervals.map((row, k) => {
    const id = (f) => `i-${row.key}-${f}`;
    const duration = parseDuration(row.duration);
    const distance = parseNumber(row.distance);
    const pace = formatPace(duration, distance ? longDistanceFromDisplay(distance, units) : null, units);
    return h(
      "div",
      { class: "interval", key: row.key },
      h("div", { class: "interval-row" },
        h("span", { class: "setno t-interval", "aria-hidden": "true" }, String(k + 1)),
        h("select", { id: id("kind"), "data-interval": row.key, "data-field": "kind", "aria-label": `Interval ${k + 1} kind`, value: row.kind },
          h("option", { value: "work" }, "Work"), h("option", { value: "recovery" }, "Recovery"), h("option", { value: "steady" }, "Steady")),
        h("input", { id: id("duration"), "data-interval": row.key, "data-field": "duration", "data-nav": "", value: row.duration, placeholder: "0:30", autocomplete: "off", "aria-label": `Interval ${k + 1} time (m:ss)`, ...invalid(app, id("duration")) }),
        h("input", { id: id("distance"), "data-interval": row.key, "data-field": "distance", "data-nav": "", value: row.distance, inputmode: "decimal", placeholder: longDistanceUnit(units), autocomplete: "off", "aria-label": `Interval ${k + 1} distance in ${longDistanceUnit(units)}`, ...invalid(app, id("distance")) }),
        button("✕", { class: "icon", "data-action": "remove-interval", "data-interval": row.key, "aria-label": `Remove interval ${k + 1}` }),
      ),
      h("div", { class: "interval-row second" },
        h("span", { class: "pace", "aria-live": "off" }, pace ? `Pace ${pace}` : ""),
        h("input", { id: id("avgHr"), "data-interval": row.key, "data-field": "avgHr", "data-nav": "", value: row.avgHr, inputmode: "numeric", placeholder: "HR", autocomplete: "off", "aria-label": `Interval ${k + 1} average heart rate (bpm)`, ...invalid(app, id("avgHr")) }),
        h("input", { id: id("rpe"), "data-interval": row.key, "data-field": "rpe", "data-nav": "", value: row.rpe, inputmode: "decimal", placeholder: "RPE", autocomplete: "off", "aria-label": `Interval ${k + 1} RPE (0–10)`, ...invalid(app, id("rpe")) }),
      ),
      ["duration", "distance", "avgHr", "rpe", "kind"].map((f) => fieldErrors(app, id(f))),
    );
  });
  return h(
    "section",
    { class: "exercise intervals", key: "intervals", "aria-labelledby": "intervals-h" },
    h("div", { class: "ex-head" }, h("h2", { id: "intervals-h" }, "Intervals")),
    rows,
    h("div", { class: "row-actions" },
      button("+ Work", { class: "add-set", "data-action": "add-interval", "data-kind": "work" }),
      button("+ Recovery", { class: "add-set", "data-action": "add-interval", "data-kind": "recovery" }),
      button("+ Steady", { class: "add-set", "data-action": "add-interval", "data-kind": "steady" }),
      draft.intervals.length >= 2 ? button("Repeat last two", { class: "add-set", "data-action": "repeat-intervals" }) : null,
    ),
  );
}

function sessionCard(app) {
  const d = app.draft;
  const open = app.ui.sessionOpen;
  const field = (name, label, input) => h("div", { class: "field" }, h("label", { for: `w-${name}` }, label), input, fieldErrors(app, `w-${name}`));
  const srpe = h("select", { id: "w-sessionRpe", "data-w": "sessionRpe", value: d.sessionRpe, ...invalid(app, "w-sessionRpe") },
    h("option", { value: "" }, "–"),
    ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"].map((v) => h("option", { value: v }, v === "10" ? "10 · maximal" : v === "0" ? "0 · rest" : v)));
  return h(
    "section",
    { class: "card session", key: "session", "aria-labelledby": "session-h" },
    h("h2", { id: "session-h" },
      button(open ? "Session details ▴" : "Session details ▾", { class: "disclosure", "data-action": "toggle-session", "aria-expanded": open ? "true" : "false", "aria-controls": "session-fields" })),
    !open
      ? h("p", { class: "hint" }, [d.sessionRpe ? `Effort ${d.sessionRpe}/10` : "How hard was it?", d.fasted ? "fasted" : null, d.notes ? "notes" : null].filter(Boolean).join(" · "))
      : h(
          "div",
          { id: "session-fields", class: "session-grid" },
          field("title", "Title", h("input", { id: "w-title", "data-w": "title", "data-nav": "", value: d.title, placeholder: defaultTitle(d.startedMs), maxlength: "200", autocomplete: "off", ...invalid(app, "w-title") })),
          field("activity", "Activity", h("select", { id: "w-activity", "data-w": "activity", value: d.activity }, ACTIVITIES.map(([v, n]) => h("option", { value: v }, n)))),
          field("sessionRpe", "Session effort (0–10)", srpe),
          field("startedMs", "Started", h("input", { id: "w-startedMs", type: "datetime-local", "data-w": "startedMs", value: app.localStart, ...invalid(app, "w-startedMs") })),
          field("duration", "Duration (minutes or h:mm:ss)", h("input", { id: "w-duration", "data-w": "duration", "data-nav": "", value: d.duration, placeholder: `the clock: ${formatDuration(Math.round((app.now - d.startedMs) / 1000))}`, inputmode: "text", autocomplete: "off", ...invalid(app, "w-duration") })),
          field("distance", `Distance (${longDistanceUnit(d.units)})`, h("input", { id: "w-distance", "data-w": "distance", "data-nav": "", value: d.distance, inputmode: "decimal", autocomplete: "off", ...invalid(app, "w-distance") })),
          field("avgHr", "Average heart rate (bpm)", h("input", { id: "w-avgHr", "data-w": "avgHr", "data-nav": "", value: d.avgHr, inputmode: "numeric", autocomplete: "off", ...invalid(app, "w-avgHr") })),
          field("maxHr", "Maximum heart rate (bpm)", h("input", { id: "w-maxHr", "data-w": "maxHr", "data-nav": "", value: d.maxHr, inputmode: "numeric", autocomplete: "off", ...invalid(app, "w-maxHr") })),
          h("label", { class: "check wide" }, h("input", { type: "checkbox", id: "w-fasted", "data-w": "fasted", checked: d.fasted }), " Trained fasted"),
          h("div", { class: "field wide" }, h("label", { for: "w-notes" }, "Notes"),
            h("textarea", { id: "w-notes", "data-w": "notes", rows: "3", value: d.notes, placeholder: "How it went, what to change next time" }), fieldErrors(app, "w-notes")),
        ),
  );
}

function workoutView(app) {
  const d = app.draft;
  const counts = countSets(d);
  const volume = d.exercises.reduce(
    (sum, ex) => sum + ex.sets.filter((s) => s.done && s.type !== "warmup").reduce((v, s) => v + (parseNumber(s.load) || 0) * (parseNumber(s.reps) || 0), 0),
    0,
  );
  const formErrors = errorsFor(app, "_form");
  const errorCount = Object.values(d.errors || {}).reduce((n, list) => n + list.length, 0);
  return [
    h(
      "div",
      { class: "workout-head", key: "head" },
      h("h1", { id: "workout-title" }, (d.title || "").trim() || defaultTitle(d.startedMs)),
      h("p", { class: "summary" },
        h("span", { id: "set-count" }, `${counts.done} of ${counts.total} sets`),
        volume ? ` · ${formatNumber(Math.round(volume))} ${loadUnit(d.units)} lifted` : "",
        d.from?.kind === "workout" ? ` · repeating “${d.from.title}”` : "",
        d.from?.kind === "routine" ? ` · from routine “${d.from.title}”` : ""),
    ),
    errorCount
      ? h("div", { class: "alert", role: "alert", key: "errors", id: "errors" },
          h("strong", {}, errorCount === 1 ? "1 thing to fix before saving:" : `${errorCount} things to fix before saving:`),
          formErrors.length ? h("p", {}, formErrors.join(" ")) : h("p", {}, "They are marked in red below. Your workout is kept on this phone."))
      : null,
    supersetGroups(d).map((group) =>
      group.letter
        ? h("div", { class: "superset", key: `g-${group.exercises[0].key}` },
            h("p", { class: "superset-label" }, `Superset ${group.letter}`),
            group.exercises.map((ex) => exerciseCard(app, ex)))
        : exerciseCard(app, group.exercises[0]),
    ),
    h("div", { class: "big-actions", key: "add" },
      button("+ Add exercise", { class: "primary-outline", id: "add-exercise", "data-action": "add-exercise" }),
      !d.intervals.length && !app.ui.showIntervals ? button("+ Intervals", { class: "secondary", "data-action": "show-intervals" }) : null,
    ),
    intervalsCard(app),
    sessionCard(app),
    h("div", { class: "big-actions end", key: "end" },
      button("Finish workout", { class: "finish big", "data-action": "finish" }),
      button("Discard workout", { class: "danger-link", "data-action": "discard" }),
    ),
  ];
}

// --- Start ----------------------------------------------------------------------------------

function workoutSummary(w) {
  const names = w.exercises.map((e) => e.name);
  const sets = w.exercises.reduce((n, e) => n + e.sets.length, 0);
  const shown = names.slice(0, 3).join(", ") + (names.length > 3 ? ` +${names.length - 3}` : "");
  const parts = [shown || (w.intervals.length ? `${w.intervals.length} intervals` : w.activity)];
  if (sets) parts.push(`${sets} sets`);
  return parts.join(" · ");
}

function startView(app) {
  if (!app.user) {
    return [
      h("h1", { key: "h1" }, "Start a workout"),
      app.loading
        ? h("p", { class: "hint", key: "wait" }, "Loading your exercises and last sessions…")
        : app.signedOut
          ? h("p", { key: "signin" }, h("a", { class: "button finish big", href: "/accounts/login/?next=/log/" }, "Log in to start logging"))
          : h("p", { class: "banner wait", key: "first" }, "Connect to the internet once on this device: the logger then works without a connection."),
    ];
  }
  const recent = app.data?.recent || [];
  const routines = app.data?.routines || [];
  return [
    h("h1", { key: "h1" }, "Start a workout"),
    h("div", { class: "big-actions", key: "empty" },
      button("Start an empty workout", { class: "finish big", "data-action": "start-empty", id: "start-empty" })),
    routines.length
      ? h("section", { class: "start-list", key: "routines", "aria-labelledby": "routines-h" },
          h("h2", { id: "routines-h" }, "From a routine"),
          h("ul", {}, routines.map((r) => h("li", { key: `r-${r.id}` },
            button(h("span", { class: "t" }, r.name || r.title), { class: "pick", "data-action": "start-routine", "data-id": String(r.id) })))))
      : null,
    h(
      "section",
      { class: "start-list", key: "recent", "aria-labelledby": "recent-h" },
      h("h2", { id: "recent-h" }, "Repeat a recent workout"),
      recent.length
        ? h("ul", {}, recent.map((w) => h("li", { key: `w-${w.id}` },
            button([
              h("span", { class: "t" }, w.title || "Workout"),
              h("span", { class: "d" }, friendlyDate(w.started_at, app.now)),
              h("span", { class: "s" }, workoutSummary(w)),
            ], { class: "pick", "data-action": "start-repeat", "data-id": String(w.id), "aria-label": `Repeat ${w.title || "workout"} of ${friendlyDate(w.started_at, app.now)}` }))))
        : h("p", { class: "hint" }, app.data ? "Your finished workouts show here, to repeat them with one tap." : "Connect once to see your recent workouts."),
    ),
    app.data ? h("p", { class: "hint", key: "form" }, "Logging a session after the fact? ", h("a", { href: app.data.urls.form }, "Use the workout form"), ".") : null,
  ];
}

// --- Status: connection, outbox, last save ----------------------------------------------------

export function statusView(app) {
  const out = [];
  const waiting = app.outbox.filter((i) => i.state === "waiting" || i.state === "sending");
  const signin = app.outbox.filter((i) => i.state === "signin");
  const refused = app.outbox.filter((i) => i.state === "refused");
  if (app.storageFailed) {
    out.push(h("div", { class: "banner bad", role: "alert", key: "storage" }, "This browser refused to keep the workout on this device (storage is full or blocked). Don't close this page until it is saved."));
  }
  for (const item of waiting) {
    out.push(h("div", { class: "banner wait", key: `o-${item.id}`, "data-outbox": item.id },
      h("strong", {}, `Waiting to upload: “${item.title}”`),
      h("span", {}, `${item.sets} sets, kept on this phone. ${app.online ? "Uploading…" : "It uploads by itself when you're back online."}`),
      button("Try now", { class: "link", "data-action": "flush" })));
  }
  for (const item of signin) {
    out.push(h("div", { class: "banner wait", key: `o-${item.id}`, "data-outbox": item.id },
      h("strong", {}, `Waiting to upload: “${item.title}”`),
      "You're signed out. ",
      h("a", { href: `${app.data?.urls?.login || "/accounts/login/"}?next=/log/` }, "Log in"), " and it uploads by itself."));
  }
  for (const item of refused) {
    const messages = Object.values(item.errors || {}).flat().slice(0, 3).join(" ");
    out.push(h("div", { class: "banner bad", role: "alert", key: `o-${item.id}` },
      h("strong", {}, `Not saved: “${item.title}”`), `The server refused it: ${messages} `,
      button("Fix it", { class: "link", "data-action": "reopen", "data-id": item.id })));
  }
  for (const saved of app.saved.slice(0, 1)) {
    if (app.now - saved.savedMs > 10 * 60 * 1000) continue;
    const units = app.data?.user?.units || "kg";
    const facts = [
      saved.sets ? `${saved.sets} sets` : null,
      saved.durationS ? formatDuration(saved.durationS) : null,
      saved.volumeKg ? `${formatNumber(Math.round(loadToDisplay(saved.volumeKg, units)))} ${loadUnit(units)} lifted` : null,
    ].filter(Boolean);
    out.push(h("div", { class: "banner ok", role: "status", key: `saved-${saved.id}` },
      h("strong", {}, `Saved: “${saved.title}”`),
      facts.length ? h("span", { class: "facts" }, `${facts.join(" · ")} `) : " ",
      saved.workoutId ? h("a", { href: `/workouts/${saved.workoutId}/` }, "See it and its insight") : null,
      button("✕", { class: "icon small", "data-action": "dismiss-saved", "aria-label": "Dismiss" })));
  }
  if (app.signedOut && !signin.length) {
    out.push(h("div", { class: "banner wait", key: "signedout" }, "You're signed out. You can keep logging; ",
      h("a", { href: `${app.data?.urls?.login || "/accounts/login/"}?next=/log/` }, "log in"), " to upload."));
  }
  return out;
}

// --- The rest bar and the undo toast --------------------------------------------------------

/** The first set not ticked yet, for "Next: Back Squat · 100 kg × 5". */
export function nextSet(draft) {
  for (const ex of draft.exercises) {
    const set = ex.sets.find((s) => !s.done);
    if (!set) continue;
    const units = { load: ` ${loadUnit(draft.units)}`, reps: "", duration: "", distance: ` ${shortDistanceUnit(draft.units)}` };
    const parts = MEASURE_FIELDS[ex.measure].filter((f) => set[f]).map((f) => `${set[f]}${units[f]}`);
    return { ex, set, text: `${setLabel(ex, set) === "W" ? "warm-up " : ""}${parts.join(" × ") || "set " + setLabel(ex, set)}` };
  }
  return null;
}

export function restBar(app) {
  const rest = app.draft?.rest;
  if (!rest || !rest.targetS) return null;
  const left = remainingS(rest, app.now);
  const over = left <= 0;
  const pct = rest.targetS ? Math.min(100, (elapsedS(rest, app.now) / rest.targetS) * 100) : 100;
  const next = nextSet(app.draft);
  return h(
    "div",
    { class: `restbar${over ? " over" : ""}`, id: "restbar", role: "timer", "aria-label": "Rest timer" },
    h("div", { class: "track", "aria-hidden": "true" }, h("div", { class: "fill", style: `width:${pct.toFixed(1)}%` })),
    h("div", { class: "rest-main" },
      h("span", { class: "rest-label" }, over ? "Rest over" : "Rest",
        next ? h("span", { class: "rest-next" }, `Next: ${next.ex.name} · ${next.text}`) : null),
      h("output", { id: "rest-left", class: "rest-left", "aria-live": "off" }, over ? `+${formatDuration(-left)}` : formatDuration(left))),
    h("div", { class: "rest-actions" },
      button("−15", { class: "pill", "data-action": "rest-minus", "aria-label": "15 seconds less rest" }),
      button("+15", { class: "pill", "data-action": "rest-plus", "aria-label": "15 seconds more rest" }),
      button("Skip", { class: "pill", "data-action": "rest-skip", "aria-label": "Skip the rest" })),
  );
}

export function toastView(app) {
  if (!app.ui.toast) return null;
  return h("div", { class: "toast", key: "toast" },
    h("span", {}, app.ui.toast.text),
    app.ui.toast.undo ? button("Undo", { class: "pill light", "data-action": "undo" }) : null);
}

export function topBar(app) {
  const d = app.draft;
  return [
    h("a", { class: "brand", href: "/", "aria-label": "Myolog home" }, "Myolog"),
    d ? h("span", { class: "clock", id: "clock", role: "timer", "aria-label": "Workout time" }, formatDuration(elapsedS({ startedMs: d.startedMs }, app.now))) : h("span", { class: "clock" }, ""),
    h("span", { class: `net ${app.online ? "on" : "off"}`, id: "net", role: "status", title: app.online ? null : "Everything is kept on this phone and uploads when you're back online." }, app.online ? "" : "Offline"),
    button("⚙", { class: "icon light", "data-action": "settings", "aria-label": "Logger settings" }),
    d ? button("Finish", { class: "finish small", "data-action": "finish", id: "finish-top" }) : h("a", { class: "bar-link", href: "/workouts/" }, "History"),
  ];
}

export function mainView(app) {
  return [
    ...statusView(app),
    ...(app.draft ? workoutView(app) : startView(app)),
  ];
}

// --- Sheets (dialogs) ----------------------------------------------------------------------

export function sheetView(app) {
  const sheet = app.ui.sheet;
  if (!sheet) return [];
  const builders = { pick: pickSheet, history: historySheet, plates: platesSheet, warmup: warmupSheet, exmenu: exerciseMenu, confirm: confirmSheet, settings: settingsSheet };
  return builders[sheet.kind](app, sheet);
}

function sheetHead(title) {
  return h("div", { class: "sheet-head" }, h("h2", { id: "sheet-title" }, title),
    button("Close", { class: "link", "data-action": "close-sheet" }));
}

const labelOf = (code) => (code.charAt(0).toUpperCase() + code.slice(1)).replaceAll("_", " ");

function filterSelect(id, field, label, codes, value) {
  return h("label", { for: id }, label,
    h("select", { id, "data-sheet-field": field, value: value || "" },
      h("option", { value: "" }, "Any"),
      codes.map((code) => h("option", { value: code }, labelOf(code)))));
}

function pickSheet(app, sheet) {
  const choices = app.data?.exercises || [];
  const typed = (sheet.query || "").trim();
  // Filters by primary muscle and equipment, as /exercises/ and the API have.
  const muscles = [...new Set(choices.flatMap((c) => c.muscles || []))].sort();
  const equipment = [...new Set(choices.map((c) => c.equipment).filter(Boolean))].sort();
  const filtered = Boolean(sheet.muscle || sheet.equipment);
  const pool = choices.filter((c) => (!sheet.muscle || (c.muscles || []).includes(sheet.muscle)) && (!sheet.equipment || c.equipment === sheet.equipment));
  const found = !typed && filtered ? pool.slice(0, 30) : searchExercises(pool, sheet.query, { history: app.history });
  const exact = exactMatch(choices, sheet.query);
  // Before a new name becomes the lifter's own: is it a catalog exercise spelt otherwise?
  const meant = typed && !exact ? likelyMeant(choices, typed) : null;
  return [
    sheetHead("Add an exercise"),
    h("label", { for: "pick-query", class: "sr" }, "Search exercises"),
    h("input", { id: "pick-query", type: "search", "data-sheet-field": "query", value: sheet.query || "", placeholder: "Search, e.g. squat", autocomplete: "off", enterkeyhint: "search" }),
    meant
      ? h("p", { class: "did-you-mean", role: "status" }, "Did you mean ",
          button(meant.name, { class: "link", "data-action": "pick", "data-exercise": meant.exercise }), "?")
      : null,
    h("div", { class: "pick-filters" },
      filterSelect("pick-muscle", "muscle", "Muscle", muscles, sheet.muscle),
      filterSelect("pick-equipment", "equipment", "Equipment", equipment, sheet.equipment)),
    !typed ? h("p", { class: "hint" }, filtered ? (found.length ? "In the catalog:" : "Nothing matches these filters.") : found.length ? "Done before, most recent first:" : "Type a name: the catalog has over 300 exercises.") : null,
    h("ul", { class: "pick-list" },
      found.map((c) => h("li", { key: `p-${c.exercise}` },
        button([h("span", { class: "t" }, c.name), h("span", { class: "s" }, [c.custom ? "your exercise" : c.equipment?.replace("_", " "), ...(c.muscles || []).slice(0, 2)].filter(Boolean).join(" · ").replaceAll("_", " "))],
          { class: "pick", "data-action": "pick", "data-exercise": c.exercise })))),
    typed && !exact
      ? button(`${meant ? "No, create" : "Create"} “${typed}” as your own exercise`, { class: "secondary wide", "data-action": "pick-new" })
      : null,
  ];
}

function historySheet(app, sheet) {
  const ex = app.draft.exercises.find((e) => e.key === sheet.exKey);
  const history = app.history[ex?.exercise] || {};
  const units = app.draft.units;
  return [
    sheetHead(ex ? ex.name : "History"),
    history.last
      ? h("section", {}, h("h3", {}, `Last time · ${friendlyDate(history.last.date, app.now)}`),
          h("ol", { class: "plain" }, history.last.sets.map((s) => h("li", {}, describeApiSet(s, units, ex.measure, { long: true })))),
          button("Use last time's numbers for the sets not done", { class: "secondary wide", "data-action": "use-last", "data-ex": ex.key }))
      : h("p", {}, "No earlier sessions of this exercise."),
    history.best
      ? h("section", {}, h("h3", {}, `Best set · ${friendlyDate(history.best.date, app.now)}`),
          h("p", { class: "big-number" }, describeApiSet(history.best, units, ex.measure, { long: true })),
          button("Put the best set in the next set", { class: "secondary wide", "data-action": "use-best", "data-ex": ex.key }))
      : null,
  ];
}

function platesSheet(app, sheet) {
  const units = app.draft.units;
  const eq = app.equipment;
  const target = parseNumber(sheet.target);
  const result = target ? platesPerSide(target, eq.bar, eq.plates) : null;
  const max = Math.max(...eq.plates);
  return [
    sheetHead("Plate calculator"),
    h("div", { class: "more-grid" },
      h("label", { for: "plates-target" }, `Target (${loadUnit(units)})`,
        h("input", { id: "plates-target", "data-sheet-field": "target", value: sheet.target || "", inputmode: "decimal", autocomplete: "off" })),
      h("label", { for: "plates-bar" }, `Bar (${loadUnit(units)})`,
        h("input", { id: "plates-bar", "data-equipment": "bar", value: plain(eq.bar), inputmode: "decimal", autocomplete: "off" }))),
    result
      ? h("div", { class: "plates-result", role: "status" },
          h("p", { class: "big-number" }, result.perSide.length ? `Each side: ${groupPlates(result.perSide).map((g) => (g.count > 1 ? `${g.count} × ${plain(g.plate)}` : plain(g.plate))).join(" + ")} ${loadUnit(units)}` : target <= eq.bar ? "Just the bar" : "No plates"),
          h("div", { class: "bar-drawing", "aria-hidden": "true" },
            h("span", { class: "sleeve" }),
            result.perSide.map((p) => h("span", { class: "plate", style: `height:${Math.round(40 + (p / max) * 60)}px` }, plain(p)))),
          result.remainder > 0.001
            ? h("p", { class: "field-error" }, `${plain(result.achieved)} ${loadUnit(units)} is as close as your plates get (${plain(result.remainder)} ${loadUnit(units)} short).`)
            : h("p", { class: "hint" }, `${plain(result.achieved)} ${loadUnit(units)} with a ${plain(eq.bar)} ${loadUnit(units)} bar.`))
      : h("p", { class: "hint" }, "Type a weight to see the plates."),
    h("fieldset", { class: "plates-have" }, h("legend", {}, "Your plates"),
      eq.all.map((p) => h("label", { class: "chip toggle" },
        h("input", { type: "checkbox", "data-plate": String(p), checked: eq.plates.includes(p) }), ` ${plain(p)}`))),
  ];
}

function warmupSheet(app, sheet) {
  const units = app.draft.units;
  const ex = app.draft.exercises.find((e) => e.key === sheet.exKey);
  const work = parseNumber(sheet.work);
  const barbell = app.catalog[ex?.exercise]?.equipment === "barbell" || !app.catalog[ex?.exercise];
  const ramp = work ? warmupRamp(work, barbell ? { bar: app.equipment.bar, plates: app.equipment.plates } : { increment: units === "lb" ? 5 : 2.5 }) : [];
  return [
    sheetHead(`Warm-up for ${ex ? ex.name : ""}`),
    h("label", { for: "warm-work" }, `First working set (${loadUnit(units)})`),
    h("input", { id: "warm-work", "data-sheet-field": "work", value: sheet.work || "", inputmode: "decimal", autocomplete: "off" }),
    ramp.length
      ? h("ol", { class: "plain ramp" }, ramp.map((s) => h("li", {}, `${plain(s.load)} ${loadUnit(units)} × ${s.reps}`)))
      : h("p", { class: "hint" }, work ? "That is light enough to start with." : "Type the working weight."),
    ramp.length ? button(`Add ${ramp.length} warm-up sets`, { class: "finish wide", "data-action": "add-warmups", "data-ex": ex.key }) : null,
  ];
}

function exerciseMenu(app, sheet) {
  const d = app.draft;
  const i = d.exercises.findIndex((e) => e.key === sheet.exKey);
  const ex = d.exercises[i];
  if (!ex) return [sheetHead("Exercise")];
  return [
    sheetHead(ex.name),
    h("label", { for: "ex-measure" }, "Log it as"),
    h("select", { id: "ex-measure", "data-ex": ex.key, "data-ex-field": "measure", value: ex.measure },
      Object.entries(MEASURE_NAMES).map(([v, n]) => h("option", { value: v }, n))),
    h("div", { class: "menu-list" },
      i < d.exercises.length - 1
        ? button(ex.link ? "Unlink from the next exercise (no superset)" : `Superset with ${d.exercises[i + 1].name}`, { class: "secondary wide", "data-action": "link", "data-ex": ex.key })
        : null,
      ex.notes || app.ui.notes[ex.key] ? null : button("Add a note", { class: "secondary wide", "data-action": "note", "data-ex": ex.key }),
      i > 0 ? button("Move up", { class: "secondary wide", "data-action": "move-up", "data-ex": ex.key }) : null,
      i < d.exercises.length - 1 ? button("Move down", { class: "secondary wide", "data-action": "move-down", "data-ex": ex.key }) : null,
      button(`Remove ${ex.name}`, { class: "danger wide", "data-action": "remove-exercise", "data-ex": ex.key }),
    ),
  ];
}

function confirmSheet(app, sheet) {
  return [
    sheetHead(sheet.title),
    h("p", {}, sheet.text),
    h("div", { class: "menu-list" },
      sheet.choices.map((c) => button(c.label, { class: `${c.style || "secondary"} wide`, "data-action": "confirm", "data-choice": c.value }))),
  ];
}

function settingsSheet(app) {
  const prefs = app.prefs;
  const units = app.data?.user?.units || app.draft?.units || "kg";
  const toggle = (name, label) =>
    h("label", { class: "check" }, h("input", { type: "checkbox", "data-pref": name, checked: prefs[name] !== false }), ` ${label}`);
  return [
    sheetHead("Logger settings"),
    h("label", { for: "pref-effort" }, "Effort as"),
    h("select", { id: "pref-effort", "data-pref": "effort", value: app.draft?.effort || prefs.effort || "rpe" },
      h("option", { value: "rpe" }, "RPE (1–10)"), h("option", { value: "rir" }, "Reps in reserve (RIR)")),
    h("fieldset", {}, h("legend", {}, "When a rest is over"),
      toggle("sound", "Play a sound"),
      toggle("vibrate", "Vibrate"),
      h("label", { class: "check" }, h("input", { type: "checkbox", "data-pref": "notify", checked: prefs.notify === true && app.notifyAllowed }),
        " Show a notification when the app is in the background"),
      app.notifyDenied ? h("p", { class: "hint" }, "Notifications are blocked for this site in the browser's settings.") : null),
    h("p", { class: "hint" }, `Weights in ${loadUnit(units)}: change units in `, h("a", { href: "/settings/" }, "Settings"), ". Bar and plates are set in the plate calculator."),
  ];
}
