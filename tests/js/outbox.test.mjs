import assert from "node:assert/strict";
import { test } from "node:test";

import { backoffMs, due, enqueue, flush, outcome, reopen } from "../../static/js/logger/outbox.js";

const NOW = 1_700_000_000_000;
const body = { title: "Squat day", started_at: "2026-11-16T07:30:00+01:00", exercises: [{ exercise: "back-squat", sets: [{ reps: 5 }, { reps: 5 }] }] };
const queued = () => enqueue([], { draft: { id: "d-1" }, body, paths: {}, now: NOW });

/** A fake server: answers in turn; "offline" rejects like fetch without a connection. */
function server(...answers) {
  const calls = [];
  const send = async (item) => {
    calls.push(item);
    const next = answers.shift();
    if (next === "offline") throw new TypeError("Failed to fetch");
    return next;
  };
  return { send, calls };
}

test("a queued workout keeps its exact body and an idempotency key", () => {
  const [item] = queued();
  assert.equal(item.key, "d-1");
  assert.equal(item.body, JSON.stringify(body));
  assert.equal(item.sets, 2);
  assert.equal(item.state, "waiting");
});

test("saved: a 201 empties the outbox", async () => {
  const { send, calls } = server({ status: 201, data: { id: 42 } });
  const result = await flush(queued(), { send, now: NOW });
  assert.deepEqual(result.outbox, []);
  assert.deepEqual(result.events, [
    { type: "saved", id: "d-1", title: "Squat day", workoutId: 42, duplicate: false, summary: { sets: 2, durationS: null, volumeKg: 0 } },
  ]);
  assert.equal(calls.length, 1);
});

test("offline: kept, and sent with the same key and body when the connection is back", async () => {
  const { send, calls } = server("offline", { status: 201, data: { id: 42 } });
  const first = await flush(queued(), { send, now: NOW });
  assert.equal(first.outbox.length, 1);
  assert.equal(first.outbox[0].state, "waiting");
  assert.equal(first.events[0].offline, true);
  assert.deepEqual(due(first.outbox, NOW), [], "backs off");
  const second = await flush(first.outbox, { send, now: NOW, force: true });
  assert.deepEqual(second.outbox, []);
  assert.equal(calls[0].key, calls[1].key);
  assert.equal(calls[0].body, calls[1].body);
});

test("already saved (409 naming the workout, after the key expired): counted as saved, not sent again", async () => {
  const { send } = server({ status: 409, data: { errors: { external_id: ["A workout with this source and external_id exists (id 42)."] } } });
  const result = await flush(queued(), { send, now: NOW });
  assert.deepEqual(result.outbox, []);
  assert.equal(result.events[0].workoutId, 42);
  assert.equal(result.events[0].duplicate, true);
});

test("a refusal keeps the workout with the server's errors, and stops retrying it", async () => {
  const errors = { "exercises.0.sets.1.reps": ["Must be between 0 and 1000."] };
  const { send, calls } = server({ status: 400, data: { errors } });
  const result = await flush(queued(), { send, now: NOW });
  assert.equal(result.outbox[0].state, "refused");
  assert.deepEqual(result.outbox[0].errors, errors);
  await flush(result.outbox, { send, now: NOW + 3600_000, force: true });
  assert.equal(calls.length, 1);
  const opened = reopen(result.outbox, "d-1");
  assert.deepEqual(opened.outbox, []);
  assert.deepEqual(opened.draft, { id: "d-1" });
  assert.deepEqual(opened.errors, errors);
});

test("a stale CSRF token is refreshed once; signed out waits for sign-in", async () => {
  let refreshed = 0;
  const csrf = { status: 403, data: { errors: { detail: ["CSRF Failed: CSRF token missing."] } } };
  const { send } = server(csrf, { status: 201, data: { id: 9 } });
  const result = await flush(queued(), { send, refreshToken: async () => (refreshed += 1), now: NOW });
  assert.equal(refreshed, 1);
  assert.deepEqual(result.outbox, []);
  const out = server({ status: 403, data: { errors: { detail: ["Authentication credentials were not provided."] } } });
  const signedOut = await flush(queued(), { send: out.send, now: NOW });
  assert.equal(signedOut.outbox[0].state, "signin");
});

test("server trouble (5xx, 429) is retried later, a little later each time", async () => {
  const { send } = server({ status: 503, data: null });
  const result = await flush(queued(), { send, now: NOW });
  assert.equal(result.outbox[0].state, "waiting");
  assert.equal(result.outbox[0].nextTryMs, NOW + backoffMs(1));
  assert.ok(backoffMs(2) > backoffMs(1));
  assert.equal(backoffMs(50), 5 * 60 * 1000);
  assert.equal(outcome(429, null).kind, "retry");
});

test("queueing the same draft twice keeps one item", () => {
  const once = queued();
  const twice = enqueue(once, { draft: { id: "d-1" }, body, paths: {}, now: NOW + 1 });
  assert.equal(twice.length, 1);
});
