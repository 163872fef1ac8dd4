// Myolog's service worker, rendered by logbook.views_log.service_worker (served at /sw.js so
// that its scope is the whole site). It keeps the logger's page and files for offline use;
// workouts themselves are kept by the page (localStorage) and sent by it, never cached here.
"use strict";

const VERSION = "{{ version }}";
const CACHE = `myolog-shell-${VERSION}`;
const LOGGER = "{% url 'log' %}";
const OFFLINE = "{% url 'offline' %}";
const MANIFEST = "{% url 'manifest' %}";
const ASSETS = [{% for asset in assets %}"{{ asset|escapejs }}", {% endfor %}MANIFEST, OFFLINE];
const NETWORK_WAIT_MS = 4000; // then the kept page: a gym basement's one bar of signal is no signal

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(ASSETS);
      // The logger page needs a session: kept now only if the user is signed in (else on
      // the first visit that is).
      try {
        const response = await fetch(LOGGER, { credentials: "same-origin", redirect: "manual" });
        if (isPage(response)) await cache.put(LOGGER, response);
      } catch (error) {
        // offline while installing: the page is kept on the next visit
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("myolog-shell-") && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

function isPage(response) {
  return response && response.ok && response.type === "basic" && !response.redirected;
}

async function loggerPage(request) {
  const cache = await caches.open(CACHE);
  const network = fetch(request).then(async (response) => {
    if (isPage(response)) await cache.put(LOGGER, response.clone());
    return response;
  });
  const kept = await cache.match(LOGGER, { ignoreVary: true });
  if (!kept) return network.catch(() => cache.match(OFFLINE));
  const timeout = new Promise((resolve) => setTimeout(() => resolve(kept), NETWORK_WAIT_MS));
  return Promise.race([network.catch(() => kept), timeout]);
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/api/") || url.pathname.startsWith(`${LOGGER}data/`)) return;
  if (request.mode === "navigate") {
    if (url.pathname === LOGGER) {
      event.respondWith(loggerPage(request));
    } else {
      event.respondWith(
        fetch(request).catch(async () => (await caches.match(OFFLINE, { ignoreVary: true })) || Response.error()),
      );
    }
    return;
  }
  if (ASSETS.includes(url.pathname)) {
    event.respondWith(
      caches.match(url.pathname, { ignoreVary: true }).then((kept) => kept || fetch(request)),
    );
  }
});

// The rest timer's notification: a tap brings the logger back.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).pathname === LOGGER);
      if (open) return open.focus();
      return self.clients.openWindow(LOGGER);
    })(),
  );
});
