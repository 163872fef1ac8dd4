// What the logger keeps on the device, per user: the draft (written on every change,
// synchronously, so a crash a moment later loses nothing), the outbox, the data from
// /log/data/ for offline use, and the lifter's device preferences (bar, plates, alerts).
// localStorage rather than IndexedDB because its writes are synchronous: there is no
// moment between a change and its being kept.

const PREFIX = "myolog:v1";

export function createStore(storage) {
  const key = (user, name) => `${PREFIX}:${user}:${name}`;
  const read = (k, fallback) => {
    try {
      const text = storage.getItem(k);
      return text === null ? fallback : JSON.parse(text);
    } catch (error) {
      return fallback;
    }
  };
  /** Returns false when the device refused to keep it (storage full or disabled). */
  const write = (k, value) => {
    try {
      if (value === null || value === undefined) storage.removeItem(k);
      else storage.setItem(k, JSON.stringify(value));
      return true;
    } catch (error) {
      return false;
    }
  };
  return {
    lastUser: () => read(`${PREFIX}:last-user`, null),
    setLastUser: (user) => write(`${PREFIX}:last-user`, user),
    draft: (user) => read(key(user, "draft"), null),
    saveDraft: (user, draft) => write(key(user, "draft"), draft),
    outbox: (user) => read(key(user, "outbox"), []),
    saveOutbox: (user, items) => write(key(user, "outbox"), items),
    data: (user) => read(key(user, "data"), null),
    saveData: (user, data) => write(key(user, "data"), data),
    prefs: (user) => read(key(user, "prefs"), {}),
    savePrefs: (user, prefs) => write(key(user, "prefs"), prefs),
    saved: (user) => read(key(user, "saved"), []),
    saveSaved: (user, items) => write(key(user, "saved"), items),
  };
}
