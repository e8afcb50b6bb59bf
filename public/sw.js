// Entraide's service worker: the app opens without a network.
//
// - Every same-origin GET goes to the network first, so an online visitor always gets the
//   current page and the bundle that matches it; the copy kept here is only used offline.
// - Kept: the app shell (bundle, styles, Leaflet, icons, the "Pas de réseau" page), the last
//   list viewed and the posts opened, always as an anonymous visitor sees them (a phone may be
//   shared: a page rendered for a logged-in person, marked no-store, is never kept). Personal
//   pages (messages, account, moderation) are never kept. Logging out clears everything
//   (Clear-Site-Data); the page asks for the same when the session ended or the account changed.
// - Offline, a page that was not kept, or a form sent without a network, leads to
//   /hors-ligne. An unsent post itself is kept as a draft by the page (ui/components/draft.rs).
// - The bundle's and the catalogues' names below are the plain ones; the server fills in this
//   build's hashed names (server/assets.rs), so a new build is a new worker, which drops the old
//   bundle's files.
'use strict';

const VERSION = 'entraide-v1';
const OFFLINE = '/hors-ligne';
const LAST_LIST = '/__derniere-liste';
/** The message a page sends when the person on this device changed (ui/pwa.rs). */
const FORGET = '__oublier-les-pages';
const SHELL = [
  OFFLINE,
  '/pkg/entraide.js',
  '/pkg/entraide.wasm',
  '/pkg/entraide.css',
  // The words of the page, in both languages (server/catalogues.rs): it is not hydrated without them.
  '/i18n/fr.ftl',
  '/i18n/en.ftl',
  // The link module of the pages' own files (ui/lazy_pages.rs); those files are kept when first
  // loaded, like any static file.
  '/pkg/__wasm_split.______________________.js',
  '/leaflet/leaflet.js',
  '/leaflet/leaflet.css',
  '/favicon.svg',
  '/manifest.webmanifest',
  '/icons/icon-192.png',
  '/icons/icon.svg',
];
/** Pages kept for offline reading: the list (any filter) and a post's page. */
const KEPT_PAGE = /^\/(posts\/\d+)?$/;
/** Static files: the shell and what it loads. */
const ASSET = /^\/(pkg|leaflet|icons|i18n)\/|^\/(favicon\.svg|manifest\.webmanifest)$/;
/** A navigation waits this long for the network before a kept copy is shown. */
const NAVIGATION_TIMEOUT_MS = 6000;

self.addEventListener('install', (event) => {
  // The "Pas de réseau" page must be kept; a missing shell file only means less offline.
  // Kept as anyone sees it (a phone may be shared): fetched without cookies.
  const fetchAndKeep = (cache, url) => fetch(url, { credentials: 'omit' }).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return cache.put(url, r);
  });
  event.waitUntil(
    caches.open(VERSION)
      .then((cache) => Promise.all([
        fetchAndKeep(cache, OFFLINE),
        ...SHELL.filter((u) => u !== OFFLINE).map((u) => fetchAndKeep(cache, u).catch(() => {})),
      ]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
      .then(forgetOldBundles)
      .then(() => self.clients.claim()),
  );
});

/** Drops the bundle files of earlier builds (their names are not in this worker's shell). */
async function forgetOldBundles() {
  const cache = await caches.open(VERSION);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if ((path.startsWith('/pkg/') || path.startsWith('/i18n/')) && !SHELL.includes(path)) await cache.delete(request);
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(request.method === 'GET' ? navigate(request, url) : send(request));
  } else if (request.method === 'GET' && ASSET.test(url.pathname)) {
    event.respondWith(asset(request));
  } else if (url.pathname === '/livez') {
    // The page asks whether the network is really back (ui/components/draft.rs): the answer
    // must come through this worker's network, the one a post will be sent through.
    event.respondWith(fetch(request));
  }
  // Everything else (server functions, the GeoJSON API, health checks) is left to the network.
});

/** A page: the network; offline, the kept copy, else the last list (for the home page), else
 *  the "Pas de réseau" page. On a slow network a kept copy is shown after a few seconds. */
async function navigate(request, url) {
  const cache = await caches.open(VERSION);
  const key = url.href;
  const network = fetch(request).then(async (response) => {
    await keep(cache, url, response);
    return response;
  });
  const slow = new Promise((resolve) => {
    setTimeout(() => cache.match(key, { ignoreVary: true }).then((kept) => kept && resolve(kept)), NAVIGATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([network, slow]);
  } catch (_) {
    const kept = await cache.match(key, { ignoreVary: true });
    if (kept) return kept;
    if (url.pathname === '/') {
      const last = await cache.match(LAST_LIST);
      if (last) return Response.redirect(await last.text(), 302);
    }
    if (url.pathname === OFFLINE) {
      const page = await cache.match(OFFLINE, { ignoreSearch: true, ignoreVary: true });
      if (page) return page;
    }
    return Response.redirect(OFFLINE, 303);
  }
}

/** Whether `response` was rendered for a logged-in person (the server marks those no-store). */
function personal(response) {
  return /no-store|private/i.test(response.headers.get('Cache-Control') || '');
}

/** Keeps a copy of a list or a post's page, if `response` is one rendered for anyone. A page
 *  rendered for a logged-in person is fetched again as an anonymous visitor, and that is kept. */
async function keep(cache, url, response) {
  if (!response.ok || response.type !== 'basic' || response.redirected || !KEPT_PAGE.test(url.pathname)) return;
  if (personal(response)) {
    keepAnonymous(cache, url);
    return;
  }
  await cache.put(url.href, response.clone());
  if (url.pathname === '/') await cache.put(LAST_LIST, new Response(url.pathname + url.search));
}

/** Fetches `url` without cookies and keeps it (in the background: a failure only means less offline). */
function keepAnonymous(cache, url) {
  return fetch(url.href, { credentials: 'omit' })
    .then((r) => (personal(r) ? undefined : keep(cache, url, r)))
    .catch(() => {});
}

/** Forgets every kept page (the shell stays): the session ended or another person logged in. */
async function forgetPages() {
  const cache = await caches.open(VERSION);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (KEPT_PAGE.test(path) || path === LAST_LIST) await cache.delete(request);
  }
}

// A page asks to keep a page it is leaving (the router moves between pages without loading
// them, so this worker would not see them).
self.addEventListener('message', (event) => {
  if (typeof event.data !== 'string') return;
  if (event.data === FORGET) {
    event.waitUntil(forgetPages());
    return;
  }
  const url = new URL(event.data, self.location.origin);
  if (url.origin !== self.location.origin || !KEPT_PAGE.test(url.pathname)) return;
  event.waitUntil(caches.open(VERSION).then((cache) => keepAnonymous(cache, url)));
});

/** A form sent without a network: the page keeps what was typed; say so. */
async function send(request) {
  try {
    return await fetch(request);
  } catch (_) {
    return Response.redirect(OFFLINE, 303);
  }
}

/** A static file: the network (refreshing the kept copy), else the kept copy. */
async function asset(request) {
  const cache = await caches.open(VERSION);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

/** A push from the server (an alert: a new post near the person), decrypted by the browser:
 *  shown as a notification; its tag keeps one per post. */
self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch (_) {
    data = {};
  }
  const url = typeof data.url === 'string' && data.url.startsWith('/') && !data.url.startsWith('//') ? data.url : '/';
  event.waitUntil(self.registration.showNotification(data.title || 'Entraide', {
    body: typeof data.body === 'string' ? data.body : '',
    tag: typeof data.tag === 'string' ? data.tag : undefined,
    icon: '/icons/icon-192.png',
    badge: '/icons/icon-192.png',
    lang: 'fr',
    data: { url },
  }));
});

/** A tap on the notification opens its post (in a window of the app if one is open). */
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = new URL(event.notification.data?.url || '/', self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const w of windows) {
      if (new URL(w.url).origin === self.location.origin && 'navigate' in w) {
        await w.focus();
        return w.navigate(url);
      }
    }
    return self.clients.openWindow(url);
  })());
});
