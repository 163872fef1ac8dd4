// Finished workouts waiting to reach the server, kept on the device until it has them.
//
// Saved exactly once: each workout is sent with an `Idempotency-Key` (the draft's id), so a
// retry after a lost answer gets the first answer back, and with `external_id` = "log-<id>",
// so a retry after the server forgot the key (24 h) answers 409 naming the workout it already
// has. Either way the item leaves the outbox as saved. A refusal (400) keeps the workout,
// with the server's errors, for the lifter to fix; anything else (no connection, a 5xx, a
// rate limit) is tried again later, a little later each time.

export const RETRY_BASE_MS = 5000;
export const RETRY_MAX_MS = 5 * 60 * 1000;

export function enqueue(outbox, { draft, body, paths, now }) {
  const item = {
    id: draft.id,
    key: draft.id,
    title: body.title,
    startedAt: body.started_at,
    sets: (body.exercises || []).reduce((n, e) => n + e.sets.length, 0),
    durationS: body.duration_s || null,
    volumeKg: (body.exercises || []).reduce(
      (v, e) => v + e.sets.filter((s) => s.set_type !== "warmup").reduce((w, s) => w + (s.load_kg || 0) * (s.reps || 0), 0),
      0,
    ),
    body: JSON.stringify(body),
    paths,
    draft,
    queuedMs: now,
    attempts: 0,
    nextTryMs: now,
    state: "waiting",
    errors: null,
    lastError: null,
  };
  return [...outbox.filter((i) => i.id !== item.id), item];
}

/** What an answer from `POST /api/v1/workouts/` means for the waiting workout. */
export function outcome(status, data) {
  if (status === 200 || status === 201) return { kind: "saved", workoutId: data?.id ?? null };
  if (status === 409) {
    const text = JSON.stringify(data?.errors || {});
    const match = text.match(/\(id (\d+)\)/);
    if (match) return { kind: "saved", workoutId: Number(match[1]), duplicate: true };
    return { kind: "refused", errors: data?.errors || { _form: ["The server refused this workout."] } };
  }
  if (status === 400 || status === 413 || status === 422) {
    return { kind: "refused", errors: data?.errors || { _form: [`The server refused this workout (${status}).`] } };
  }
  if (status === 401 || status === 403) {
    const text = JSON.stringify(data || {});
    return { kind: "signin", csrf: /csrf/i.test(text) };
  }
  return { kind: "retry", reason: `The server answered ${status}.` };
}

/** The items that may be sent at `now` (`force` ignores the back-off, e.g. when back online). */
export function due(outbox, now, force = false) {
  return outbox.filter((i) => (i.state === "waiting" || i.state === "signin") && (force || i.nextTryMs <= now));
}

export function backoffMs(attempts) {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Send what is due, one at a time, oldest first. `send(item)` performs the request and
 * resolves to {status, data} (it rejects when there is no connection); `refreshToken()`
 * gets a new CSRF token once when the server says the token is stale. Returns the new
 * outbox and what happened, for the page to show.
 */
export async function flush(outbox, { send, refreshToken = null, now, force = false }) {
  let list = outbox.slice();
  const events = [];
  for (const item of due(list, now, force)) {
    let result;
    try {
      let answer = await send(item);
      let verdict = outcome(answer.status, answer.data);
      if (verdict.kind === "signin" && verdict.csrf && refreshToken) {
        await refreshToken();
        answer = await send(item);
        verdict = outcome(answer.status, answer.data);
      }
      result = verdict;
    } catch (error) {
      result = { kind: "retry", reason: "No connection.", offline: true };
    }
    const attempts = item.attempts + 1;
    if (result.kind === "saved") {
      list = list.filter((i) => i.id !== item.id);
      events.push({
        type: "saved",
        id: item.id,
        title: item.title,
        workoutId: result.workoutId,
        duplicate: Boolean(result.duplicate),
        summary: { sets: item.sets, durationS: item.durationS, volumeKg: item.volumeKg },
      });
    } else if (result.kind === "refused") {
      list = list.map((i) => (i.id === item.id ? { ...i, attempts, state: "refused", errors: result.errors } : i));
      events.push({ type: "refused", id: item.id, title: item.title, errors: result.errors });
    } else if (result.kind === "signin") {
      list = list.map((i) => (i.id === item.id ? { ...i, attempts, state: "signin", nextTryMs: now + backoffMs(attempts) } : i));
      events.push({ type: "signin", id: item.id });
      break; // the others would be refused the same way
    } else {
      list = list.map((i) =>
        i.id === item.id ? { ...i, attempts, state: "waiting", lastError: result.reason, nextTryMs: now + backoffMs(attempts) } : i,
      );
      events.push({ type: "retry", id: item.id, offline: Boolean(result.offline), reason: result.reason });
      if (result.offline) break; // no connection: the rest would fail too
    }
  }
  return { outbox: list, events };
}

/** Take a refused workout back out of the outbox, to fix it as the draft. */
export function reopen(outbox, id) {
  const item = outbox.find((i) => i.id === id);
  if (!item) return { outbox, draft: null };
  return { outbox: outbox.filter((i) => i.id !== id), draft: item.draft, errors: item.errors, paths: item.paths };
}
