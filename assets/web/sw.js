// The offline app shell. scripts/lib/package_web.py fills in the build id and the build's
// files; the served /sw.js therefore changes with every build, which is how browsers learn
// of a new one. Each build's files live in a cache of their own, so the page shell and the
// scripts and WebAssembly it names always come from the same build.
'use strict';

const BUILD = '{{build}}';
const FILES = {{files}};
const CACHE_PREFIX = 'madoguchi-build-';
const CACHE = CACHE_PREFIX + BUILD;
// A slow network should not keep the app from opening; a coherent cached build is better.
const NAVIGATION_TIMEOUT_MS = 3000;

const urlOf = (path) => new URL(path, self.location).href;
const SHELL = urlOf('index.html');
const PRECACHED = new Set(FILES.map(urlOf));

// Fetches every file of this build; a page shell from another build (the server switched
// while we were downloading) fails the install rather than caching a mix.
async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(FILES.map(async (path) => {
    const response = await fetch(urlOf(path));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    if (urlOf(path) === SHELL) {
      const page = await response.clone().text();
      if (!page.includes(`name="madoguchi-build" content="${BUILD}"`)) throw new Error('index.html is from another build');
    }
    await cache.put(urlOf(path), response);
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

// Activation happens when no page runs an older build any more, or when a page asks for it
// (below); an old page then already holds everything it loads at start.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// The page asks which build a worker holds, and tells a waiting worker to take over when
// the user reloads for the new version (or when the page already runs this build).
self.addEventListener('message', (event) => {
  const message = event.data || {};
  if (message.type === 'build' && event.ports[0]) event.ports[0].postMessage({ build: BUILD });
  if (message.type === 'activate') self.skipWaiting();
});

// caches.open would create the cache again after a newer build's worker deleted it.
// ignoreVary: the server varies on Accept-Encoding, which the browser adds out of sight.
function fromCache(url) {
  return caches.match(url, { cacheName: CACHE, ignoreVary: true });
}

// The network's page shell when it answers in time, else this build's own.
async function navigate(request) {
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAVIGATION_TIMEOUT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response && response.ok) return response;
    const cached = await fromCache(SHELL);
    if (cached) return cached;
    return response || network;
  } catch (error) {
    const cached = await fromCache(SHELL);
    if (cached) return cached;
    throw error;
  }
}

async function hashedFile(request, url) {
  return (await fromCache(url)) || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && (url.pathname === '/' || url.pathname === '/index.html')) {
    event.respondWith(navigate(request));
    return;
  }
  const file = url.origin + url.pathname;
  if (PRECACHED.has(file) && file !== SHELL) event.respondWith(hashedFile(request, file));
});
