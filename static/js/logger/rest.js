// The rest countdown and the rest it records. Ticking a set starts a countdown from the
// exercise's rest; the rest after that set is the time until the next set is ticked (or
// "Skip" is tapped) and is stored on the set as `rest_s`. Times come from the wall clock
// (`now`), so a reload, a sleeping phone or a throttled background tab changes nothing.

// Ticks closer together than this are catching up on sets already done: no rest is known.
export const MIN_REST_S = 10;
// A gap longer than this was no rest between sets (the phone was put away): not recorded.
export const MAX_REST_S = 30 * 60;
export const STEP_S = 15;
export const MAX_TARGET_S = 60 * 60;

/** Start the countdown after a set. A target of 0 (within a superset) counts without alarm. */
export function startRest(draft, { exKey, setKey, now, targetS }) {
  draft.rest = { exKey, setKey, startedMs: now, targetS: Math.max(0, targetS || 0), alerted: !targetS };
  return draft.rest;
}

export function elapsedS(rest, now) {
  return rest ? Math.max(0, Math.round((now - rest.startedMs) / 1000)) : 0;
}

/** Seconds left; negative once the rest is over (shown as time over). */
export function remainingS(rest, now) {
  return rest ? rest.targetS - elapsedS(rest, now) : 0;
}

/** ±15 s on the running countdown. */
export function adjustRest(draft, deltaS) {
  if (!draft.rest) return null;
  draft.rest.targetS = Math.min(MAX_TARGET_S, Math.max(0, draft.rest.targetS + deltaS));
  if (draft.rest.targetS > 0 && draft.rest.alerted && deltaS > 0) draft.rest.alerted = false;
  return draft.rest;
}

/**
 * End the running rest at `now`: the set it followed gets its `rest_s` (unless typed by
 * hand, or the gap says it was no rest), remembering what ended it (`by`: the next set's
 * key or "skip") so that unticking that set can give the rest back.
 */
export function endRest(draft, now, by) {
  const rest = draft.rest;
  if (!rest) return null;
  draft.rest = null;
  const seconds = elapsedS(rest, now);
  for (const ex of draft.exercises) {
    const set = ex.sets.find((s) => s.key === rest.setKey);
    if (!set) continue;
    if (set.restManual) return set;
    if (seconds >= MIN_REST_S && seconds <= MAX_REST_S) {
      set.restS = seconds;
      set.restBy = by;
    } else {
      set.restS = null;
      set.restBy = null;
    }
    return set;
  }
  return null;
}

export function skipRest(draft, now) {
  return endRest(draft, now, "skip");
}

/**
 * What the page must do at this moment: "alarm" once when the countdown reaches zero,
 * "expire" when the rest has run so long it is no rest any more (nothing is recorded).
 */
export function tick(draft, now) {
  const rest = draft.rest;
  if (!rest) return null;
  if (elapsedS(rest, now) > MAX_REST_S) {
    draft.rest = null;
    return "expire";
  }
  if (!rest.alerted && rest.targetS > 0 && remainingS(rest, now) <= 0) {
    rest.alerted = true;
    return "alarm";
  }
  return null;
}
