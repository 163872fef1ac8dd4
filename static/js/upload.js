// The import form in chunks (logbook/imports/uploads.py, /api/v1/imports/uploads/): a big
// export goes up a few MB at a time with a progress bar, a failed chunk is sent again with
// backoff, a lost connection waits to be back, and after a reload the same file (by name,
// size and date) resumes where the server's bytes end. Progressive enhancement only:
// without this file the form posts the whole file in one request, as before.
(function () {
  "use strict";

  var form = document.querySelector("form[data-upload-url]");
  if (!form || !window.fetch || !window.Blob || !Blob.prototype.slice || !window.Promise) return;
  var input = form.querySelector("input[type=file]");
  var button = form.querySelector("button[type=submit]");
  var panel = document.getElementById("upload-progress");
  var bar = panel.querySelector("progress");
  var text = panel.querySelector("[data-upload-text]");
  var note = panel.querySelector("[data-upload-note]");
  var offer = document.getElementById("upload-resume");
  var errorEl = form.querySelector("[data-upload-error]");
  var base = form.getAttribute("data-upload-url");
  var jobs = form.getAttribute("data-jobs-url");
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var MAX_WAIT_S = 30;
  var STALL_MS = 60000;
  var busy = false;

  // --- The upload id, remembered per file (a reload resumes it) -----------------------------
  function key(file) { return "myolog-upload:" + file.name + ":" + file.size + ":" + file.lastModified; }
  function remembered(file) {
    try { return JSON.parse(localStorage.getItem(key(file)) || "null"); } catch (e) { return null; }
  }
  function remember(file, id) {
    try { localStorage.setItem(key(file), JSON.stringify({ id: id })); } catch (e) { /* private mode */ }
  }
  function forget(file) {
    try { localStorage.removeItem(key(file)); } catch (e) { /* private mode */ }
  }

  // --- What the page shows ------------------------------------------------------------------
  function mb(n) {
    if (n < 1024) return n + " bytes";
    if (n < 1048576) return (n / 1024).toFixed(1) + " KB";
    return (n / 1048576).toFixed(1) + " MB";
  }
  function percent(done, total) { return total ? Math.floor((done * 100) / total) : 0; }
  function show(done, total) {
    bar.max = total;
    bar.value = done;
    text.textContent = mb(done) + " of " + mb(total) + " (" + percent(done, total) + "%)";
  }
  function say(message) { note.textContent = message; }
  function messages(answer) {
    var errors = answer && answer.body && answer.body.errors;
    if (!errors) return ["The upload failed (" + (answer ? answer.status : "no answer") + "). Try again."];
    return Object.keys(errors).reduce(function (all, field) { return all.concat(errors[field]); }, []);
  }
  function fail(answer) {
    busy = false;
    button.disabled = false;
    panel.hidden = true;
    errorEl.textContent = messages(answer).join(" ");
    errorEl.hidden = false;
  }

  // --- Requests -----------------------------------------------------------------------------
  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: "same-origin",
      headers: { Accept: "application/json", "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: body ? JSON.stringify(body) : undefined,
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, body: data };
      });
    });
  }

  // XMLHttpRequest, not fetch: it reports the bytes sent while a chunk goes up.
  function putChunk(id, file, start, end) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("PUT", base + id + "/");
      xhr.setRequestHeader("Accept", "application/json");
      xhr.setRequestHeader("Content-Type", "application/octet-stream");
      xhr.setRequestHeader("Content-Range", "bytes " + start + "-" + (end - 1) + "/" + file.size);
      xhr.setRequestHeader("X-CSRFToken", csrf);
      // A connection that stalls without failing is given up after a minute with no progress.
      var stalled;
      function arm() { clearTimeout(stalled); stalled = setTimeout(function () { xhr.abort(); }, STALL_MS); }
      xhr.upload.onprogress = function (e) { arm(); show(start + e.loaded, file.size); };
      xhr.upload.onload = function () { clearTimeout(stalled); };  // sent: the answer may take a while
      xhr.onloadend = function () { clearTimeout(stalled); };
      xhr.onload = function () {
        var data = null;
        try { data = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
        resolve({ status: xhr.status, body: data });
      };
      xhr.onerror = xhr.ontimeout = xhr.onabort = function () { reject(new Error("network")); };
      arm();
      xhr.send(file.slice(start, end));
    });
  }

  function transient(answer) {
    return !answer || answer.status >= 500 || answer.status === 408 || answer.status === 429;
  }

  function wait(ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); }

  // After the n-th failure in a row: 1, 2, 4 … 30 s, or until the browser is back online.
  function pause(failures) {
    var seconds = Math.min(MAX_WAIT_S, Math.pow(2, failures - 1));
    return new Promise(function (resolve) {
      var timer;
      function go() { clearTimeout(timer); window.removeEventListener("online", go); resolve(); }
      window.addEventListener("online", go);
      if (navigator.onLine === false) {
        say("You are offline. The upload goes on when the connection is back.");
      } else {
        say("The connection dropped. Trying again in " + seconds + " s…");
      }
      timer = setTimeout(go, seconds * 1000);
    });
  }

  // A request sent again until it gets an answer that is not a passing failure.
  function patiently(send) {
    var failures = 0;
    function attempt() {
      return send().catch(function () { return null; }).then(function (answer) {
        if (!transient(answer)) return answer;
        failures += 1;
        return pause(failures).then(attempt);
      });
    }
    return attempt();
  }

  // --- The upload ---------------------------------------------------------------------------
  function finished(file, job) {
    forget(file);
    say("Uploaded. Starting the import…");
    window.location.assign(jobs + job + "/");
  }

  function begin(file, saved) {
    var fields = { filename: file.name, size: file.size };
    var format = form.elements.format && form.elements.format.value;
    var unit = form.elements.weight_unit && form.elements.weight_unit.value;
    if (format) fields.format = format;
    if (unit) fields.weight_unit = unit;
    var resumed = saved
      ? patiently(function () { return api("GET", base + saved.id + "/"); })
      : Promise.resolve(null);
    return resumed.then(function (answer) {
      if (answer && answer.status === 200) return answer;
      forget(file);
      return patiently(function () { return api("POST", base, fields); }).then(function (started) {
        if (started.status === 201) remember(file, started.body.id);
        return started;
      });
    });
  }

  function send(file, upload) {
    var id = upload.id;
    var offset = upload.offset;
    var failures = 0;
    function where() {
      return patiently(function () { return api("GET", base + id + "/"); });
    }
    function step() {
      if (upload.job) return finished(file, upload.job);
      show(offset, file.size);
      if (offset >= file.size) {  // every byte is there; its request is still starting the job
        say("Uploaded. Starting the import…");
        return wait(2000).then(where).then(resume);
      }
      var end = Math.min(offset + upload.chunk_size, file.size);
      return putChunk(id, file, offset, end).catch(function () { return null; }).then(function (answer) {
        if (answer && answer.status === 200) {
          failures = 0;
          say("");
          upload = answer.body;
          offset = upload.offset;
          return step();
        }
        if (answer && answer.status === 503 && answer.body && answer.body.job) {
          return finished(file, answer.body.job);  // the job page says so, with Retry
        }
        if (answer && answer.status === 409 && answer.body && typeof answer.body.offset === "number") {
          // Another request is writing it (same offset): a moment, then where it stands.
          return wait(answer.body.offset === offset ? 500 : 0).then(where).then(resume);
        }
        if (!transient(answer)) {
          if (answer.status === 404 || answer.status === 413) forget(file);
          return fail(answer);
        }
        failures += 1;
        return pause(failures).then(where).then(resume);
      });
    }
    function resume(answer) {
      if (answer.status !== 200) {
        forget(file);
        return fail(answer);
      }
      say("");
      upload = answer.body;
      offset = upload.offset;
      return step();
    }
    return step();
  }

  form.addEventListener("submit", function (e) {
    var file = input.files && input.files[0];
    if (!file) return;  // the server says the file is missing, as without JavaScript
    e.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    errorEl.hidden = true;
    offer.hidden = true;
    panel.hidden = false;
    show(0, file.size);
    say("Starting the upload…");
    begin(file, remembered(file)).then(function (answer) {
      if (answer.status !== 200 && answer.status !== 201) return fail(answer);
      return send(file, answer.body);
    });
  });

  // Picking a file whose upload stopped (a reload, a closed tab) offers to resume it.
  input.addEventListener("change", function () {
    offer.hidden = true;
    var file = input.files && input.files[0];
    var saved = file && remembered(file);
    if (!saved) return;
    api("GET", base + saved.id + "/").then(function (answer) {
      if (answer.status === 404) return forget(file);
      if (answer.status !== 200 || answer.body.job || input.files[0] !== file) return;
      offer.querySelector("[data-upload-offer]").textContent =
        "The upload of this file stopped at " + mb(answer.body.offset) + " of " + mb(file.size) +
        " (" + percent(answer.body.offset, file.size) + "%). Import goes on from there.";
      offer.hidden = false;
    }).catch(function () { /* offline: Import will ask again */ });
  });

  offer.querySelector("[data-upload-restart]").addEventListener("click", function () {
    var file = input.files && input.files[0];
    var saved = file && remembered(file);
    offer.hidden = true;
    if (!saved) return;
    forget(file);
    api("DELETE", base + saved.id + "/").catch(function () { /* expires on its own */ });
  });
})();
