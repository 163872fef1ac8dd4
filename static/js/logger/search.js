// Exercise search on the device (it works offline): whole-name and prefix matches first,
// exercises the lifter has done before ahead of the rest, aliases count ("Squat (Barbell)").

export function words(text) {
  return String(text || "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function wordMatches(word, token) {
  if (word.startsWith(token)) return true;
  // "squats", "curls": a plural finds the singular.
  return token.length > 3 && token.endsWith("s") && word.startsWith(token.slice(0, -1));
}

/** How well one name matches the typed tokens: 0 exact, 1 prefix, 2 the first word, 3 any
 * word, 4 anywhere; null when it does not match. */
function nameScore(name, tokens, phrase) {
  const lower = name.toLowerCase();
  const ws = words(name);
  if (lower === phrase || ws.join(" ") === tokens.join(" ")) return 0;
  if (lower.startsWith(phrase)) return 1;
  if (tokens.every((t) => ws.some((w) => wordMatches(w, t)))) return ws.length && wordMatches(ws[0], tokens[0]) ? 2 : 3;
  if (tokens.every((t) => lower.includes(t))) return 4;
  return null;
}

/** The exercise's score (lower is better): its name counts fully; an alias counts as much
 * only when it is exactly what was typed ("Squat"), else after every name match. */
function score(choice, tokens, phrase) {
  const own = nameScore(choice.name, tokens, phrase);
  let best = own === null ? null : own * 2;
  for (const alias of choice.aliases || []) {
    const s = nameScore(alias, tokens, phrase);
    if (s === null) continue;
    const value = s === 0 ? 1 : 10 + s;
    if (best === null || value < best) best = value;
  }
  return best;
}

/**
 * The exercises matching `query`, best first. With nothing typed: the ones done before,
 * most recent first. `history` is /log/data/'s history (by exercise key).
 */
export function searchExercises(choices, query, { history = {}, limit = 30 } = {}) {
  const phrase = String(query || "").trim().toLowerCase();
  const tokens = words(phrase);
  const lastDone = (c) => history[c.exercise]?.last?.date || "";
  if (!tokens.length) {
    return choices
      .filter((c) => lastDone(c))
      .sort((a, b) => (lastDone(b) > lastDone(a) ? 1 : lastDone(b) < lastDone(a) ? -1 : 0))
      .slice(0, limit);
  }
  const ranked = [];
  for (const c of choices) {
    const s = score(c, tokens, phrase);
    // An exact name first, then what the lifter has done before, then how well it matches.
    if (s !== null) ranked.push({ c, s, tier: s <= 1 ? 0 : lastDone(c) ? 1 : 2 });
  }
  ranked.sort((a, b) => a.tier - b.tier || a.s - b.s || a.c.name.length - b.c.name.length || a.c.name.localeCompare(b.c.name));
  return ranked.slice(0, limit).map((r) => r.c);
}

/** A catalog exercise whose name (or alias) is what was typed, ignoring case and punctuation. */
export function exactMatch(choices, query) {
  const key = words(query).join("-");
  if (!key) return null;
  return choices.find((c) => [c.name, c.exercise, ...(c.aliases || [])].some((n) => words(n).join("-") === key)) || null;
}
