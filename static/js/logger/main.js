// The live logger's controller: loads what the device keeps, draws the page (views.js),
// turns taps and typing into changes of the draft (state.js), keeps every change on the
// device at once (store.js), runs the rest countdown (rest.js) and sends finished
// workouts through the outbox (outbox.js) whenever there is a connection.

import { h, morphChildren } from "./dom.js";
import { localInputValue, parseLocalInput, parseNumber, plain } from "./format.js";
import { enqueue, flush, reopen } from "./outbox.js";
import { DEFAULT_EQUIPMENT, warmupRamp } from "./plates.js";
import { adjustRest, skipRest, STEP_S, tick } from "./rest.js";
import { exactMatch, searchExercises } from "./search.js";
import {
  addExercise,
  addInterval,
  addSet,
  applyServerErrors,
  buildPayload,
  countSets,
  fillSet,
  findExercise,
  findSet,
  insertWarmups,
  isEmpty,
  MEASURE_FIELDS,
  moveExercise,
  newDraft,
  previousFor,
  removeExercise,
  removeInterval,
  removeSet,
  repeatIntervals,
  templateFromRoutine,
  templateFromWorkout,
  toggleDone,
  toggleLink,
  undo,
  updateExercise,
  updateInterval,
  updateSet,
  updateWorkout,
} from "./state.js";
import { createStore } from "./store.js";
import { mainView, nextSet, restBar, sheetView, toastView, topBar } from "./views.js";

const root = document.getElementById("log");
const barRoot = document.getElementById("topbar");
const restRoot = document.getElementById("rest");
const toastRoot = document.getElementById("toast");
const dialog = document.getElementById("sheet");
const dialogBody = document.getElementById("sheet-body");
const DATA_URL = root.dataset.dataUrl;
const SW_URL = root.dataset.swUrl;
const API_WORKOUTS = root.dataset.workoutsUrl;
const TOAST_MS = 8000;
const FLUSH_EVERY_MS = 20000;

const store = createStore(window.localStorage);
const app = {
  user: null,
  data: null,
  draft: null,
  outbox: [],
  saved: [],
  prefs: {},
  history: {},
  catalog: {},
  equipment: { ...DEFAULT_EQUIPMENT.kg, all: DEFAULT_EQUIPMENT.kg.plates },
  online: navigator.onLine,
  signedOut: false,
  loading: true,
  storageFailed: false,
  notifyAllowed: "Notification" in window && Notification.permission === "granted",
  notifyDenied: "Notification" in window && Notification.permission === "denied",
  now: Date.now(),
  localStart: "",
  ui: { openSet: null, notes: {}, sheet: null, toast: null, sessionOpen: false, showIntervals: false },
};
window.myologLogger = app; // for the browser tests and for curious lifters

// --- Keeping and loading --------------------------------------------------------------------

function loadLocal(user) {
  app.user = user;
  app.data = store.data(user);
  app.draft = store.draft(user);
  app.outbox = store.outbox(user);
  app.saved = store.saved(user);
  app.prefs = store.prefs(user);
  derive();
}

function derive() {
  app.history = app.data?.history || {};
  app.catalog = Object.fromEntries((app.data?.exercises || []).map((e) => [e.exercise, e]));
  const units = app.draft?.units || app.data?.user?.units || "kg";
  const defaults = DEFAULT_EQUIPMENT[units === "lb" ? "lb" : "kg"];
  const plates = Array.isArray(app.prefs[`plates_${units}`]) ? app.prefs[`plates_${units}`] : defaults.plates;
  const bar = typeof app.prefs[`bar_${units}`] === "number" ? app.prefs[`bar_${units}`] : defaults.bar;
  app.equipment = { bar, plates, all: [...new Set([...defaults.plates, ...plates])].sort((a, b) => b - a), units };
}

function persist() {
  if (!app.user) return;
  const ok = store.saveDraft(app.user, app.draft);
  app.storageFailed = !ok;
}

function savePrefs() {
  if (app.user) store.savePrefs(app.user, app.prefs);
  derive();
}

// --- Drawing --------------------------------------------------------------------------------

function render() {
  app.now = Date.now();
  app.localStart = app.draft ? localInputValue(app.draft.startedMs) : "";
  document.body.classList.toggle("resting", Boolean(app.draft?.rest?.targetS));
  morphChildren(barRoot, h("div", {}, topBar(app)));
  morphChildren(root, h("div", {}, mainView(app)));
  renderRest();
  morphChildren(toastRoot, h("div", {}, toastView(app)));
  renderSheet();
  document.title = app.draft ? `${app.draft.title || "Workout"} · Myolog` : "Start a workout · Myolog";
}

function renderRest() {
  app.now = Date.now();
  const bar = restBar(app);
  morphChildren(restRoot, h("div", {}, bar));
  const clock = document.getElementById("clock");
  if (clock && app.draft) {
    const fresh = topBar(app)[1];
    if (clock.textContent !== fresh.textContent) clock.textContent = fresh.textContent;
  }
}

function renderSheet() {
  if (!app.ui.sheet) {
    if (dialog.open) dialog.close();
    return;
  }
  morphChildren(dialogBody, h("div", {}, sheetView(app)));
  if (!dialog.open) {
    dialog.showModal();
    const first = dialogBody.querySelector("input:not([type=checkbox]), select");
    (first || dialogBody.querySelector("button")).focus();
  }
}

function focusSoon(id, { select = false } = {}) {
  const el = document.getElementById(id);
  if (!el) return;
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: "center", behavior: "instant" });
  if (select && typeof el.select === "function") el.select();
}

function focusFirstError() {
  const ids = Object.keys(app.draft?.errors || {});
  if (!ids.length) return;
  // Errors on fields inside a set's options: open that set.
  for (const id of ids) {
    const match = id.match(/^s-(.+)-(type|tempo|restS|eccentric|reps|load|duration|distance)$/);
    if (match && !document.getElementById(id)) {
      app.ui.openSet = match[1];
      render();
      break;
    }
  }
  if (ids.some((id) => id.startsWith("w-"))) {
    app.ui.sessionOpen = true;
    render();
  }
  const first = [...document.querySelectorAll("[aria-invalid=true]")][0];
  if (first) {
    first.focus({ preventScroll: true });
    first.scrollIntoView({ block: "center", behavior: "instant" });
  } else {
    document.getElementById("errors")?.scrollIntoView({ block: "start" });
  }
}

function toast(text, undoToken = null) {
  clearTimeout(app.ui.toastTimer);
  app.ui.toast = { text, undo: undoToken };
  app.ui.toastTimer = setTimeout(() => {
    app.ui.toast = null;
    render();
  }, TOAST_MS);
}

// --- Starting -------------------------------------------------------------------------------

function units() {
  return app.data?.user?.units || "kg";
}

function start(template, from) {
  if (!app.user) return;
  app.draft = newDraft({
    now: Date.now(),
    user: app.user,
    units: units(),
    effort: app.prefs.effort || "rpe",
    template,
    from,
    catalog: app.catalog,
    history: app.history,
    restDefaults: app.prefs.rest || {},
  });
  app.ui = { ...app.ui, openSet: null, notes: {}, sessionOpen: false, showIntervals: Boolean(template?.intervals?.length) };
  persist();
  derive();
  render();
  window.scrollTo(0, 0);
}

async function startFromQuery() {
  const params = new URLSearchParams(window.location.search);
  const repeat = params.get("repeat");
  const routine = params.get("routine");
  if (!repeat && !routine) return;
  window.history.replaceState(null, "", window.location.pathname);
  if (app.draft) {
    toast("Finish or discard the workout in progress before starting another.");
    render();
    return;
  }
  if (routine) {
    const found = (app.data?.routines || []).find((r) => String(r.id) === routine);
    const suggested = params.get("suggested") === "1";
    if (found) start(templateFromRoutine(found, { suggested }), { kind: "routine", id: found.id, title: found.name || found.title, suggested });
    else {
      toast("That routine isn't on this phone yet; open the logger online once.");
      render();
    }
    return;
  }
  let workout = (app.data?.recent || []).find((w) => String(w.id) === repeat);
  if (!workout && /^\d+$/.test(repeat)) {
    try {
      const response = await fetch(`${API_WORKOUTS}${repeat}/`, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) workout = await response.json();
    } catch (error) {
      workout = null;
    }
  }
  if (workout) start(templateFromWorkout(workout), { kind: "workout", id: workout.id, title: workout.title || "workout" });
  else {
    toast("That workout isn't on this phone; start it again when you're online.");
    render();
  }
}

// --- Finishing and uploading ----------------------------------------------------------------

function finish(choice = null) {
  const draft = app.draft;
  if (!draft) return;
  const counts = countSets(draft);
  if (counts.unticked && !choice) {
    openSheet({
      kind: "confirm",
      purpose: "finish",
      title: "Finish workout",
      text: counts.unticked === 1 ? "1 set has numbers but isn't ticked." : `${counts.unticked} sets have numbers but aren't ticked.`,
      choices: [
        { label: counts.done ? "Leave them out and save" : "Save them as done", value: counts.done ? "drop" : "include", style: "finish" },
        { label: counts.done ? "Save them as done too" : "Leave them out", value: counts.done ? "include" : "drop" },
        { label: "Keep logging", value: "keep" },
      ],
    });
    return;
  }
  if (choice === "keep") return;
  const result = buildPayload(draft, { now: Date.now(), limits: app.data?.limits, unticked: choice || "drop" });
  if (!result.ok) {
    draft.errors = result.errors;
    persist();
    render();
    focusFirstError();
    return;
  }
  draft.rest = null;
  const next = enqueue(app.outbox, { draft: { ...draft, errors: {} }, body: result.body, paths: result.paths, now: Date.now() });
  if (!store.saveOutbox(app.user, next)) {
    app.storageFailed = true;
    render();
    return; // keep the draft: it is the only copy
  }
  app.outbox = next;
  app.draft = null;
  persist();
  app.ui = { ...app.ui, openSet: null, notes: {}, sheet: null, toast: null, sessionOpen: false, showIntervals: false };
  render();
  window.scrollTo(0, 0);
  flushOutbox(true);
}

let flushing = null;

function flushOutbox(force = false) {
  if (!app.user) return Promise.resolve();
  if (flushing) return flushing.then(() => (force ? flushOutbox(true) : null));
  const user = app.user;
  const run = async () => {
    const before = store.outbox(user);
    if (!before.some((i) => i.state === "waiting" || i.state === "signin")) return;
    const send = async (item) => {
      const response = await fetch(API_WORKOUTS, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          "X-CSRFToken": app.data?.csrf_token || "",
          "Idempotency-Key": item.key,
        },
        body: item.body,
      });
      let data = null;
      try {
        data = await response.json();
      } catch (error) {
        data = null;
      }
      return { status: response.status, data };
    };
    const { outbox, events } = await flush(before, { send, refreshToken: refreshData, now: Date.now(), force });
    const known = new Set(before.map((i) => i.id));
    const merged = [...outbox, ...store.outbox(user).filter((i) => !known.has(i.id))];
    store.saveOutbox(user, merged);
    if (app.user !== user) return;
    app.outbox = merged;
    handleEvents(events);
  };
  const locked = navigator.locks ? navigator.locks.request("myolog-outbox", run) : run();
  flushing = locked.catch(() => null).finally(() => {
    flushing = null;
  });
  return flushing;
}

function handleEvents(events) {
  let saved = false;
  for (const event of events) {
    if (event.type === "saved") {
      saved = true;
      app.online = true;
      const record = { id: event.id, title: event.title, workoutId: event.workoutId, savedMs: Date.now(), ...event.summary };
      app.saved = [record, ...app.saved.filter((s) => s.id !== event.id)].slice(0, 5);
      store.saveSaved(app.user, app.saved);
    } else if (event.type === "refused" && !app.draft) {
      reopenRefused(event.id);
    } else if (event.type === "retry" && event.offline) {
      app.online = false;
    } else if (event.type === "signin") {
      app.online = true;
      app.signedOut = true;
    }
  }
  render();
  if (saved) refreshData();
}

function reopenRefused(id) {
  const result = reopen(app.outbox, id);
  if (!result.draft) return;
  app.outbox = result.outbox;
  store.saveOutbox(app.user, app.outbox);
  app.draft = result.draft;
  applyServerErrors(app.draft, result.errors, result.paths || {});
  persist();
  render();
  focusFirstError();
}

async function refreshData() {

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10000);
  try {
    const response = await fetch(DATA_URL, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store", signal: controller.signal });
    if (response.status === 403 || response.status === 401) {
      app.signedOut = true;
      app.online = true;
      render();
      return false;
    }
    if (!response.ok || !(response.headers.get("content-type") || "").includes("json")) throw new Error(String(response.status));
    const data = await response.json();
    app.online = true;
    app.signedOut = false;
    if (data.user.id !== app.user) {
      store.setLastUser(data.user.id);
      loadLocal(data.user.id);
    }
    app.data = data;
    store.saveData(app.user, data);
    derive();
    render();
    return true;
  } catch (error) {
    app.online = navigator.onLine && error.name !== "AbortError" ? app.online : false;
    if (error instanceof TypeError) app.online = false;
    render();
    return false;
  } finally {
    clearTimeout(timer);
    if (app.loading) {
      app.loading = false;
      render();
    }
  }
}

// --- The rest alarm -------------------------------------------------------------------------

let audio = null;

function unlockAudio() {
  if (app.prefs.sound === false) return;
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    if (audio.state === "suspended") audio.resume();
  } catch (error) {
    audio = null;
  }
}

function beep() {
  if (!audio) return;
  const t = audio.currentTime;
  for (const offset of [0, 0.25, 0.5]) {
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, t + offset);
    gain.gain.exponentialRampToValueAtTime(0.4, t + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + offset + 0.18);
    osc.connect(gain).connect(audio.destination);
    osc.start(t + offset);
    osc.stop(t + offset + 0.2);
  }
}

function nextSetText() {
  const next = app.draft && nextSet(app.draft);
  return next ? `Next: ${next.ex.name} · ${next.text}` : "Time for the next set.";
}

function alarm() {
  if (app.prefs.vibrate !== false && navigator.vibrate) navigator.vibrate([250, 120, 250]);
  if (app.prefs.sound !== false) beep();
  if (document.hidden && app.prefs.notify && "Notification" in window && Notification.permission === "granted" && navigator.serviceWorker) {
    navigator.serviceWorker.ready
      .then((reg) => reg.showNotification("Rest is over", { body: nextSetText(), tag: "myolog-rest", renotify: true, icon: root.dataset.icon }))
      .catch(() => null);
  }
  const live = document.getElementById("announce");
  if (live) live.textContent = `Rest is over. ${nextSetText()}`;
}

setInterval(() => {
  if (!app.draft) return;
  const event = tick(app.draft, Date.now());
  if (event) {
    persist();
    if (event === "alarm") alarm();
    render();
  } else {
    renderRest();
  }
}, 1000);

// Waiting workouts are tried again on a timer too (with back-off): a connection can come back
// without the browser noticing, and a lost answer is no lost connection.
setInterval(() => {
  if (navigator.onLine && app.outbox.some((i) => i.state === "waiting" || i.state === "signin")) flushOutbox();
}, FLUSH_EVERY_MS);

// --- What the lifter does -------------------------------------------------------------------

function openSheet(sheet) {
  app.ui.sheetOpener = document.activeElement?.id || null;
  app.ui.sheet = sheet;
  render();
}

function closeSheet() {
  app.ui.sheet = null;
  render();
  if (app.ui.sheetOpener) document.getElementById(app.ui.sheetOpener)?.focus({ preventScroll: true });
}

function firstOpenSet(ex) {
  return ex.sets.find((s) => !s.done) || ex.sets[ex.sets.length - 1] || null;
}

function focusSet(set, ex) {
  if (set && ex) focusSoon(`s-${set.key}-${MEASURE_FIELDS[ex.measure][0]}`, { select: true });
}

function pick(item, info) {
  const ex = addExercise(app.draft, item, { now: Date.now(), info, history: app.history[item.exercise], restDefaults: app.prefs.rest || {} });
  app.ui.sheet = null;
  persist();
  render();
  focusSet(ex.sets[0], ex);
}

const actions = {
  "start-empty": () => {
    start(null, { kind: "empty" });
    if (app.draft) openSheet({ kind: "pick", query: "" });
  },
  "start-repeat": (el) => {
    const w = (app.data?.recent || []).find((x) => String(x.id) === el.dataset.id);
    if (w) start(templateFromWorkout(w), { kind: "workout", id: w.id, title: w.title || "workout" });
  },
  "start-routine": (el) => {
    const r = (app.data?.routines || []).find((x) => String(x.id) === el.dataset.id);
    if (r) start(templateFromRoutine(r), { kind: "routine", id: r.id, title: r.name || r.title });
  },
  "add-exercise": () => openSheet({ kind: "pick", query: "" }),
  pick: (el) => {
    const info = app.catalog[el.dataset.exercise];
    pick({ exercise: info.exercise, name: info.name }, info);
  },
  "pick-new": () => {
    const name = (app.ui.sheet?.query || "").trim().replace(/\s+/g, " ");
    if (name) pick({ exercise: name, name }, null);
  },
  "add-set": (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const set = addSet(app.draft, el.dataset.ex, { now: Date.now(), history: app.history[ex?.exercise] });
    persist();
    render();
    focusSet(set, ex);
  },
  done: (el) => {
    unlockAudio();
    const result = toggleDone(app.draft, el.dataset.set, { now: Date.now() });
    persist();
    render();
    if (!result.ok) focusFirstError();
  },
  "use-prev": (el) => {
    const found = findSet(app.draft, el.dataset.set);
    if (!found) return;
    fillSet(app.draft, found.set.key, previousFor(found.ex, found.set, app.history[found.ex.exercise]), { now: Date.now() });
    persist();
    render();
  },
  "set-menu": (el) => {
    app.ui.openSet = app.ui.openSet === el.dataset.set ? null : el.dataset.set;
    render();
    if (app.ui.openSet) document.getElementById(`s-${app.ui.openSet}-type`)?.focus({ preventScroll: true });
  },
  "remove-set": (el) => {
    const found = findSet(app.draft, el.dataset.set);
    const token = removeSet(app.draft, el.dataset.set, { now: Date.now() });
    app.ui.openSet = null;
    persist();
    toast("Set removed.", token);
    render();
    if (found) focusSoon(`e-${found.ex.key}-add`);
  },
  "ex-menu": (el) => openSheet({ kind: "exmenu", exKey: el.dataset.ex }),
  link: (el) => {
    toggleLink(app.draft, el.dataset.ex, { now: Date.now() });
    persist();
    closeSheet();
  },
  "move-up": (el) => {
    moveExercise(app.draft, el.dataset.ex, -1, { now: Date.now() });
    persist();
    closeSheet();
  },
  "move-down": (el) => {
    moveExercise(app.draft, el.dataset.ex, 1, { now: Date.now() });
    persist();
    closeSheet();
  },
  "remove-exercise": (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const token = removeExercise(app.draft, el.dataset.ex, { now: Date.now() });
    persist();
    app.ui.sheet = null;
    toast(`${ex ? ex.name : "Exercise"} removed.`, token);
    render();
    document.getElementById("add-exercise")?.focus({ preventScroll: true });
  },
  "show-history": (el) => openSheet({ kind: "history", exKey: el.dataset.ex }),
  "use-last": (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const last = app.history[ex?.exercise]?.last?.sets || [];
    last.forEach((s, i) => {
      if (!ex.sets[i]) addSet(app.draft, ex.key, { now: Date.now() });
      if (!ex.sets[i].done) fillSet(app.draft, ex.sets[i].key, s, { now: Date.now() });
    });
    persist();
    closeSheet();
  },
  "use-best": (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const best = app.history[ex?.exercise]?.best;
    const set = ex && firstOpenSet(ex);
    if (set && best && !set.done) fillSet(app.draft, set.key, { ...best, set_type: set.type }, { now: Date.now() });
    persist();
    closeSheet();
  },
  plates: (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const set = ex && firstOpenSet(ex);
    openSheet({ kind: "plates", exKey: el.dataset.ex, target: set?.load || "" });
  },
  warmup: (el) => {
    const ex = findExercise(app.draft, el.dataset.ex);
    const work = ex?.sets.find((s) => s.type !== "warmup");
    openSheet({ kind: "warmup", exKey: el.dataset.ex, work: work?.load || "" });
  },
  "add-warmups": (el) => {
    const sheet = app.ui.sheet;
    const ex = findExercise(app.draft, el.dataset.ex);
    const barbell = app.catalog[ex?.exercise]?.equipment === "barbell" || !app.catalog[ex?.exercise];
    const ramp = warmupRamp(parseNumber(sheet.work), barbell ? { bar: app.equipment.bar, plates: app.equipment.plates } : { increment: app.draft.units === "lb" ? 5 : 2.5 });
    const sets = insertWarmups(app.draft, el.dataset.ex, ramp, { now: Date.now() });
    persist();
    closeSheet();
    if (sets[0]) focusSoon(`s-${sets[0].key}-load`);
  },
  note: (el) => {
    app.ui.notes[el.dataset.ex] = true;
    app.ui.sheet = null;
    render();
    focusSoon(`e-${el.dataset.ex}-notes`);
  },
  "show-intervals": () => {
    app.ui.showIntervals = true;
    const row = addInterval(app.draft, "work", { now: Date.now() });
    persist();
    render();
    focusSoon(`i-${row.key}-duration`);
  },
  "add-interval": (el) => {
    const row = addInterval(app.draft, el.dataset.kind, { now: Date.now() });
    persist();
    render();
    focusSoon(`i-${row.key}-duration`);
  },
  "repeat-intervals": () => {
    repeatIntervals(app.draft, { now: Date.now() });
    persist();
    render();
  },
  "remove-interval": (el) => {
    const token = removeInterval(app.draft, el.dataset.interval, { now: Date.now() });
    persist();
    toast("Interval removed.", token);
    render();
  },
  "toggle-session": () => {
    app.ui.sessionOpen = !app.ui.sessionOpen;
    render();
  },
  finish: () => finish(),
  discard: () =>
    openSheet({
      kind: "confirm",
      purpose: "discard",
      title: "Discard this workout?",
      text: "Everything logged in it is removed from this phone. You can undo this for a few seconds.",
      choices: [
        { label: "Discard workout", value: "discard", style: "danger" },
        { label: "Keep logging", value: "keep" },
      ],
    }),
  confirm: (el) => {
    const sheet = app.ui.sheet;
    const choice = el.dataset.choice;
    app.ui.sheet = null;
    if (sheet.purpose === "finish") {
      render();
      if (choice !== "keep") finish(choice);
    } else if (sheet.purpose === "discard" && choice === "discard") {
      const token = { kind: "draft", item: app.draft };
      app.draft = null;
      persist();
      toast("Workout discarded.", token);
      render();
    } else {
      render();
    }
  },
  "rest-minus": () => {
    adjustRest(app.draft, -STEP_S);
    persist();
    render();
  },
  "rest-plus": () => {
    adjustRest(app.draft, STEP_S);
    persist();
    render();
  },
  "rest-skip": () => {
    skipRest(app.draft, Date.now());
    persist();
    render();
  },
  undo: () => {
    const token = app.ui.toast?.undo;
    app.ui.toast = null;
    if (token?.kind === "draft") {
      if (!app.draft) app.draft = token.item;
    } else if (app.draft) {
      undo(app.draft, token, { now: Date.now() });
    }
    persist();
    render();
  },
  flush: () => flushOutbox(true),
  reopen: (el) => {
    if (app.draft) {
      toast("Finish or discard the workout in progress first, then fix this one.");
      render();
      return;
    }
    reopenRefused(el.dataset.id);
  },
  "dismiss-saved": () => {
    app.saved = [];
    store.saveSaved(app.user, app.saved);
    render();
  },
  settings: () => openSheet({ kind: "settings" }),
  "close-sheet": () => closeSheet(),
};

const WITHOUT_DRAFT = new Set(["start-empty", "start-repeat", "start-routine", "flush", "reopen", "dismiss-saved", "settings", "close-sheet", "undo", "confirm"]);

document.addEventListener("click", (event) => {
  const el = event.target.closest("[data-action]");
  if (!el || el.disabled) return;
  const action = actions[el.dataset.action];
  if (!action) return;
  if (!app.draft && !WITHOUT_DRAFT.has(el.dataset.action)) return;
  event.preventDefault();
  action(el, event);
});

function onField(event) {
  const el = event.target;
  const now = Date.now();
  const value = el.type === "checkbox" ? el.checked : el.value;
  if (el.dataset.sheetField && app.ui.sheet) {
    app.ui.sheet = { ...app.ui.sheet, [el.dataset.sheetField]: value };
    render();
    return;
  }
  if (el.dataset.pref) return onPref(el);
  if (el.dataset.equipment) {
    const bar = parseNumber(value);
    if (bar !== null && !Number.isNaN(bar) && bar >= 0) app.prefs[`bar_${app.equipment.units}`] = bar;
    savePrefs();
    render();
    return;
  }
  if (el.dataset.plate) {
    const plate = Number(el.dataset.plate);
    const plates = new Set(app.equipment.plates);
    if (el.checked) plates.add(plate);
    else plates.delete(plate);
    app.prefs[`plates_${app.equipment.units}`] = [...plates].sort((a, b) => b - a);
    savePrefs();
    render();
    return;
  }
  if (!app.draft) return;
  if (el.dataset.set && el.dataset.field) {
    updateSet(app.draft, el.dataset.set, el.dataset.field, value, { now });
  } else if (el.dataset.exField) {
    if (el.dataset.exField === "restS") {
      const seconds = Number(value);
      updateExercise(app.draft, el.dataset.ex, "restS", seconds, { now });
      const ex = findExercise(app.draft, el.dataset.ex);
      app.prefs.rest = { ...(app.prefs.rest || {}), [ex.exercise]: seconds };
      savePrefs();
      if (app.draft.rest && app.draft.rest.exKey === ex.key) app.draft.rest.targetS = seconds;
    } else {
      updateExercise(app.draft, el.dataset.ex, el.dataset.exField, value, { now });
    }
  } else if (el.dataset.w) {
    if (el.dataset.w === "startedMs") {
      const ms = parseLocalInput(value);
      if (ms) updateWorkout(app.draft, "startedMs", ms, { now });
    } else {
      updateWorkout(app.draft, el.dataset.w, value, { now });
    }
  } else if (el.dataset.interval) {
    updateInterval(app.draft, el.dataset.interval, el.dataset.field, value, { now });
  } else {
    return;
  }
  persist();
  render();
}

function onPref(el) {
  const name = el.dataset.pref;
  if (name === "effort") {
    const next = el.value;
    if (app.draft && app.draft.effort !== next) {
      for (const ex of app.draft.exercises) {
        for (const s of ex.sets) {
          const v = parseNumber(s.effort);
          if (v !== null && !Number.isNaN(v)) s.effort = plain(Math.min(10, Math.max(0, 10 - v)), 1);
        }
      }
      app.draft.effort = next;
      persist();
    }
    app.prefs.effort = next;
  } else if (name === "notify") {
    if (el.checked && "Notification" in window) {
      Notification.requestPermission().then((permission) => {
        app.notifyAllowed = permission === "granted";
        app.notifyDenied = permission === "denied";
        app.prefs.notify = app.notifyAllowed;
        savePrefs();
        render();
      });
      return;
    }
    app.prefs.notify = false;
  } else {
    app.prefs[name] = el.checked;
  }
  savePrefs();
  render();
}

document.addEventListener("input", onField);
document.addEventListener("change", onField);

// Enter never submits or removes anything: it moves on to the next field, and from a set's
// last field to "+ Add set" (where Enter adds one).
document.addEventListener("keydown", (event) => {
  if (event.key !== "Enter" || event.isComposing) return;
  const el = event.target;
  if (el.id === "pick-query") {
    event.preventDefault();
    const choices = app.data?.exercises || [];
    const query = app.ui.sheet?.query || el.value;
    const first = searchExercises(choices, query, { history: app.history })[0];
    const exact = exactMatch(choices, query);
    if (exact || first) pick({ exercise: (exact || first).exercise, name: (exact || first).name }, exact || first);
    else if (query.trim()) actions["pick-new"]();
    return;
  }
  if (el.tagName === "TEXTAREA" || el.tagName === "BUTTON" || el.tagName === "A") return;
  if (!(el.tagName === "INPUT" || el.tagName === "SELECT")) return;
  if (el.type === "checkbox") {
    event.preventDefault();
    return;
  }
  event.preventDefault();
  const scope = el.closest("#sheet") || root;
  const fields = [...scope.querySelectorAll("input:not([type=checkbox]):not([type=hidden]), select")].filter((f) => f.offsetParent !== null);
  const next = fields[fields.indexOf(el) + 1];
  const card = el.closest("section.exercise");
  if (card && (!next || next.closest("section.exercise") !== card || !next.closest(".set"))) {
    const add = card.querySelector(".add-set");
    if (el.closest(".set") && add) {
      add.focus();
      return;
    }
  }
  if (next) {
    next.focus();
    if (typeof next.select === "function" && next.tagName === "INPUT") next.select();
  }
});

dialog.addEventListener("close", () => {
  if (app.ui.sheet) {
    app.ui.sheet = null;
    render();
  }
});
dialog.addEventListener("click", (event) => {
  if (event.target === dialog) closeSheet(); // a tap outside the sheet
});

window.addEventListener("beforeunload", (event) => {
  persist();
  if (app.draft && !isEmpty(app.draft)) {
    event.preventDefault();
    event.returnValue = ""; // the browser asks "Leave site?"; the workout is kept either way
  }
});
window.addEventListener("online", () => {
  app.online = true;
  render();
  refreshData().then(() => flushOutbox(true));
});
window.addEventListener("offline", () => {
  app.online = false;
  render();
});
// Another tab changed the workout: show its version instead of overwriting it.
window.addEventListener("storage", (event) => {
  if (!app.user || !event.key || !event.key.startsWith(`myolog:v1:${app.user}:`)) return;
  app.draft = store.draft(app.user);
  app.outbox = store.outbox(app.user);
  app.saved = store.saved(app.user);
  render();
});
document.addEventListener("visibilitychange", () => {
  if (!document.hidden) render();
});

// --- Boot -----------------------------------------------------------------------------------

if ("serviceWorker" in navigator && SW_URL) {
  navigator.serviceWorker.register(SW_URL, { scope: "/" }).catch(() => null);
}

const known = store.lastUser();
if (known !== null) loadLocal(known);
render();
refreshData().then(async () => {
  await startFromQuery();
  flushOutbox(true);
});
