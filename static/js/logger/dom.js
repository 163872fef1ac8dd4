// Building the page from the state: `h()` makes elements, `morph()` changes the page to
// match newly built ones in place, so focus, the caret and the on-screen keyboard stay where
// the lifter left them while everything around them is redrawn.

const PROPS = new Set(["value", "checked", "disabled"]);

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      if (name === "checked") el.checked = false;
      continue;
    }
    if (name === "key") el.setAttribute("data-key", value);
    else if (name === "value") el.value = value;
    else if (name === "checked") el.checked = Boolean(value);
    else if (name === "disabled") el.disabled = true;
    else if (name === "style") el.style.cssText = value; // the CSP refuses style attributes
    else el.setAttribute(name, value === true ? "" : String(value));
  }
  if (tag === "select" && props && props.value !== undefined) el.dataset.value = props.value;
  append(el, children);
  if (tag === "select" && props && props.value !== undefined) el.value = props.value;
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const keyOf = (node) => (node.nodeType === 1 ? node.getAttribute("data-key") : null);

/** Make `from` (on the page) look like `to` (just built); returns the node on the page. */
export function morph(from, to) {
  if (from.nodeType !== to.nodeType || from.nodeName !== to.nodeName || keyOf(from) !== keyOf(to)) {
    from.replaceWith(to);
    return to;
  }
  if (from.nodeType !== 1) {
    if (from.nodeValue !== to.nodeValue) from.nodeValue = to.nodeValue;
    return from;
  }
  syncAttributes(from, to);
  if (from.tagName !== "TEXTAREA") morphChildren(from, to);
  syncProperties(from, to);
  return from;
}

export function morphChildren(from, to) {
  const incoming = [...to.childNodes];
  const keyed = new Map();
  for (const child of from.childNodes) {
    const key = keyOf(child);
    if (key) keyed.set(key, child);
  }
  let i = 0;
  for (const next of incoming) {
    const current = from.childNodes[i] || null;
    const key = keyOf(next);
    let match = null;
    if (key) {
      match = keyed.get(key) || null;
      keyed.delete(key);
    } else if (current && !keyOf(current) && current.nodeName === next.nodeName) {
      match = current;
    }
    if (match) {
      if (match !== current) from.insertBefore(match, current);
      morph(match, next);
    } else {
      from.insertBefore(next, current);
    }
    i += 1;
  }
  while (from.childNodes.length > incoming.length) from.lastChild.remove();
}

function syncAttributes(from, to) {
  for (const { name } of [...from.attributes]) {
    if (!to.hasAttribute(name)) from.removeAttribute(name);
  }
  for (const { name, value } of [...to.attributes]) {
    if (from.getAttribute(name) !== value) from.setAttribute(name, value);
  }
}

function syncProperties(from, to) {
  const tag = from.tagName;
  if (tag === "INPUT" && (from.type === "checkbox" || from.type === "radio")) {
    if (from.checked !== to.checked) from.checked = to.checked;
  } else if (tag === "INPUT" || tag === "TEXTAREA") {
    // Never rewrite what the lifter is typing in.
    if (from.value !== to.value && from !== document.activeElement) from.value = to.value;
  } else if (tag === "SELECT") {
    const wanted = to.dataset.value ?? to.value;
    if (from.value !== wanted) from.value = wanted;
  }
  for (const name of PROPS) {
    if (name === "disabled" && from.disabled !== to.disabled) from.disabled = to.disabled;
  }
}

const SVG = "http://www.w3.org/2000/svg";
const ICONS = {
  timer: "M12 8v5l3 2M9 2h6M12 4a9 9 0 1 0 0 18a9 9 0 0 0 0-18z",
  trophy: "M8 21h8M12 17v4M7 4h10v5a5 5 0 0 1-10 0zM17 5h3v2a3 3 0 0 1-3 3M7 5H4v2a3 3 0 0 0 3 3",
  plate: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM12 9a3 3 0 1 0 0 6a3 3 0 0 0 0-6z",
  flame: "M12 3c1 4 5 6 5 10a5 5 0 0 1-10 0c0-3 2-4 2-7 2 1 3 3 3 3",
  note: "M5 4h10l4 4v12H5zM9 12h6M9 16h6",
};

/** A small line icon (decorative: hidden from screen readers). */
export function icon(name) {
  const el = document.createElementNS(SVG, "svg");
  el.setAttribute("viewBox", "0 0 24 24");
  el.setAttribute("class", "ico");
  el.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", ICONS[name]);
  el.appendChild(path);
  return el;
}
