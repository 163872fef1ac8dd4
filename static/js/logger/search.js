// Exercise search on the device (it works offline), ranked as logbook/exercise_search.py
// ranks on the server: the exact name or alias ("squat", "squats", "benchpress"), a name
// starting with the query, a name with a word starting with each typed word, the same two
// for an alias, the query anywhere, then close spellings (the same Indel ratio as rapidfuzz).
// Among equals the list's own order is kept (the catalog's, staples first); exercises the
// lifter has done before come ahead of the rest once past the exact and prefix matches.
// tests/fixtures/exercise_search_cases.json holds the cases both are tested against.

export const TIER = { EXACT: 0, NAME_PREFIX: 1, NAME_WORD: 2, ALIAS_PREFIX: 3, ALIAS_WORD: 4, ANYWHERE: 5, CLOSE: 6 };
const FUZZY_CUTOFF = 80;
const FUZZY_MIN_LENGTH = 4;

export function words(text) {
  return String(text || "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) || [];
}

const singular = (word) => (word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word);
const starts = (word, token) => word.startsWith(token) || word.startsWith(singular(token));

function parse(query) {
  const tokens = words(query);
  const phrases = [...new Set([tokens.join(" "), tokens.map(singular).join(" ")])];
  return { tokens, phrases, squashed: phrases.map((p) => p.replaceAll(" ", "")) };
}

function textTier(text, q, alias) {
  const ws = words(text);
  const joined = ws.join(" ");
  const squashed = ws.join("");
  if (q.phrases.includes(joined) || q.squashed.includes(squashed)) return TIER.EXACT;
  if (q.phrases.some((p) => joined.startsWith(p))) return alias ? TIER.ALIAS_PREFIX : TIER.NAME_PREFIX;
  if (q.tokens.every((t) => ws.some((w) => starts(w, t)))) return alias ? TIER.ALIAS_WORD : TIER.NAME_WORD;
  if (q.tokens.every((t) => joined.includes(t)) || q.squashed.some((s) => squashed.includes(s))) return TIER.ANYWHERE;
  return null;
}

/** The Indel similarity in % (2 × longest common subsequence / both lengths), as rapidfuzz's ratio. */
export function ratio(a, b) {
  if (!a.length && !b.length) return 100;
  let prev = new Array(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    prev = row;
  }
  return (200 * prev[b.length]) / (a.length + b.length);
}

function closeness(text, q) {
  const ws = words(text);
  let best = Math.max(...q.squashed.map((s) => ratio(s, ws.join(""))));
  if (q.tokens.length > 1 && ws.length) {
    const perWord = q.tokens.map((t) => Math.max(...ws.map((w) => ratio(t, w))));
    best = Math.max(best, perWord.reduce((x, y) => x + y, 0) / perWord.length);
  }
  return best;
}

/** Each matching choice with its tier, best first, in the given order among equals. */
export function rank(choices, query, { close: withClose = true } = {}) {
  const q = parse(query);
  if (!q.tokens.length) return choices.map((c, i) => ({ c, tier: TIER.EXACT, i, score: 100, text: c.name }));
  const found = [];
  const close = [];
  choices.forEach((c, i) => {
    let tier = textTier(c.name, q, false);
    let text = c.name;
    for (const alias of c.aliases || []) {
      const t = textTier(alias, q, true);
      if (t !== null && (tier === null || t < tier)) [tier, text] = [t, alias];
    }
    if (tier !== null) found.push({ c, tier, i, score: 100, text });
    else if (withClose && q.squashed[0].length >= FUZZY_MIN_LENGTH) {
      const score = Math.max(...[c.name, ...(c.aliases || [])].map((t) => closeness(t, q)));
      if (score >= FUZZY_CUTOFF) close.push({ c, tier: TIER.CLOSE, i, score });
    }
  });
  found.sort((a, b) => a.tier - b.tier || a.i - b.i);
  close.sort((a, b) => b.score - a.score || a.i - b.i);
  return [...found, ...close];
}

/**
 * The exercises matching `query`, best first. With nothing typed: the ones done before,
 * most recent first. `history` is /log/data/'s history (by exercise key).
 */
export function searchExercises(choices, query, { history = {}, limit = 30 } = {}) {
  const lastDone = (c) => history[c.exercise]?.last?.date || "";
  if (!words(query).length) {
    return choices
      .filter((c) => lastDone(c))
      .sort((a, b) => (lastDone(b) > lastDone(a) ? 1 : lastDone(b) < lastDone(a) ? -1 : 0))
      .slice(0, limit);
  }
  const group = (r) => (r.tier <= TIER.NAME_PREFIX ? 0 : lastDone(r.c) ? 1 : 2);
  return rank(choices, query)
    .map((r, order) => ({ ...r, order }))
    .sort((a, b) => group(a) - group(b) || a.order - b.order)
    .slice(0, limit)
    .map((r) => r.c);
}

const SAME_WORDS = [TIER.NAME_PREFIX, TIER.NAME_WORD, TIER.ALIAS_PREFIX, TIER.ALIAS_WORD];

/** The catalog exercise a new name probably means, to ask "did you mean ...?" before it
 * becomes the lifter's own (as logbook/exercise_search.py's likely_meant): the same name but
 * for plural, spacing or punctuation ("Squats", "Benchpress"), the same words reordered or
 * shortened, or a close spelling word for word ("Romainan deadlift"); else null. */
export function likelyMeant(choices, query) {
  const typed = words(query);
  const catalog = choices.filter((c) => !c.custom);
  for (const r of rank(catalog, query, { close: false })) {
    if (r.tier === TIER.EXACT) return r.c;
    if (SAME_WORDS.includes(r.tier) && words(r.text).length === typed.length) return r.c;
  }
  if (!typed.length || typed.join("").length < FUZZY_MIN_LENGTH) return null;
  // A close spelling: only names with as many words can be one.
  let best = null;
  catalog.forEach((c, i) => {
    for (const text of [c.name, ...(c.aliases || [])]) {
      const ws = words(text);
      if (!wordForWord(typed, ws)) continue;
      const score = ratio(typed.join(""), ws.join(""));
      if (!best || score > best.score || (score === best.score && i < best.i)) best = { c, score, i };
    }
  });
  return best ? best.c : null;
}

const wordForWord = (typed, text) => typed.length === text.length && typed.every((t) => Math.max(...text.map((w) => ratio(t, w))) >= FUZZY_CUTOFF);

/** A catalog exercise whose name (or alias) is what was typed, ignoring case and punctuation. */
export function exactMatch(choices, query) {
  const key = words(query).join("-");
  if (!key) return null;
  return choices.find((c) => [c.name, c.exercise, ...(c.aliases || [])].some((n) => words(n).join("-") === key)) || null;
}
