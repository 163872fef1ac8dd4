// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Rest timer: counts up from the last "add set"; its value fills the previous set's rest.
  var started = null, timerEl = null, tick = null;
  function fmt(s) { var m = Math.floor(s / 60); return m + ":" + String(s % 60).padStart(2, "0"); }
  function showTimer() {
    timerEl = document.getElementById("rest-timer");
    if (!timerEl) return;
    clearInterval(tick);
    tick = setInterval(function () {
      if (!started) { timerEl.hidden = true; return; }
      timerEl.hidden = false;
      timerEl.querySelector("output").textContent = fmt(Math.round((Date.now() - started) / 1000));
    }, 500);
  }
  // In the capture phase: the rest is written before htmx reads the form for its request.
  var lastAction = "";
  document.addEventListener("click", function (e) {
    var button = e.target.closest("button[name=action]");
    if (!button) return;
    lastAction = button.value;
    if (/^add-set-/.test(button.value)) {
      if (started) {
        var rows = button.closest("fieldset").querySelectorAll("input[name$=-rest]");
        var last = rows[rows.length - 1];
        if (last && !last.value) last.value = Math.round((Date.now() - started) / 1000);
      }
      started = Date.now();
    }
    if (button.id === "rest-reset") { started = Date.now(); e.preventDefault(); }
  }, true);
  document.addEventListener("DOMContentLoaded", showTimer);
  document.addEventListener("htmx:afterSwap", function () {
    showTimer();
    // After "+ Add set" the new set's first field has the focus, else a new exercise's name.
    var added = /^add-set-(\d+)$/.exec(lastAction);
    var reps = added && document.querySelectorAll("input[name^='ex-" + added[1] + "-set-'][name$='-reps']");
    var focus = reps && reps.length ? reps[reps.length - 1] : document.querySelector("[data-focus-new]");
    if (focus) focus.focus();
  });

  // Removing a row asks first (hx-confirm), but only when it holds something typed.
  document.addEventListener("htmx:confirm", function (e) {
    var button = e.detail.elt;
    if (!button || !button.hasAttribute("hx-confirm")) return;
    var row = button.closest(".set-row, .interval-row, fieldset.exercise");
    var typed = row && [].some.call(row.querySelectorAll("input:not([type=hidden]):not([type=checkbox])"), function (input) {
      return input.value.trim() !== "";
    });
    if (!typed) {
      e.preventDefault();
      e.detail.issueRequest(true);
    }
  });

  // Destructive forms ask first (without JavaScript they simply submit).
  document.addEventListener("submit", function (e) {
    var question = e.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) e.preventDefault();
  });

  // The logging form: leaving it with changes not saved asks first.
  var dirty = false;
  document.addEventListener("input", function (e) {
    if (e.target.closest && e.target.closest("#workout-form")) dirty = true;
  });
  document.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });

  // The service worker (templates/logbook/sw.js) keeps the live logger for offline use.
  if ("serviceWorker" in navigator && document.body && document.body.dataset.sw) {
    navigator.serviceWorker.register(document.body.dataset.sw, { scope: "/" }).catch(function () {});
  }

  // Sign-up: preselect the browser's time zone.
  document.addEventListener("DOMContentLoaded", function () {
    var tz = document.querySelector("select[data-detect-timezone]");
    if (!tz || !window.Intl) return;
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && tz.querySelector('option[value="' + zone + '"]')) tz.value = zone;
  });
})();
