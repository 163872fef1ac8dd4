import assert from "node:assert/strict";
import { test } from "node:test";

import { createStore } from "../../static/js/logger/store.js";

function memory({ full = false } = {}) {
  const data = new Map();
  return {
    getItem: (k) => (data.has(k) ? data.get(k) : null),
    setItem: (k, v) => {
      if (full) throw new Error("QuotaExceededError");
      data.set(k, String(v));
    },
    removeItem: (k) => data.delete(k),
    data,
  };
}

test("each user's draft and outbox are kept apart", () => {
  const storage = memory();
  const store = createStore(storage);
  store.saveDraft(1, { id: "a" });
  store.saveDraft(2, { id: "b" });
  store.saveOutbox(1, [{ id: "x" }]);
  assert.deepEqual(store.draft(1), { id: "a" });
  assert.deepEqual(store.draft(2), { id: "b" });
  assert.deepEqual(store.outbox(2), []);
  store.saveDraft(1, null);
  assert.equal(store.draft(1), null);
});

test("a full or broken storage says so instead of failing silently", () => {
  const store = createStore(memory({ full: true }));
  assert.equal(store.saveDraft(1, { id: "a" }), false);
  const broken = memory();
  broken.data.set("myolog:v1:1:draft", "{not json");
  assert.equal(createStore(broken).draft(1), null);
});
