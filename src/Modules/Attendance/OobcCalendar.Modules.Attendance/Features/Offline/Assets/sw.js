// The offline scanner's service worker (ADR 0030), scope /attendance/offline/. It keeps the page shell, its script,
// style, icons and the camera library in a cache so the scanner opens and reloads with no network. The list and the
// scans are the page's business (IndexedDB); API calls are never cached here.
const SHELL = 'oobc-offline-shell-v2';
const ASSETS = [
    '__ASSETS__/scanner.js',
    '__ASSETS__/scanner.css',
    '__ASSETS__/icon.svg',
    '__ASSETS__/icon-192.png',
    '__ASSETS__/icon-512.png',
    '/lib/html5-qrcode/html5-qrcode.min.js',
    '/lib/barcode-detector/barcode-detector.js',
    '/lib/barcode-detector/zxing_reader.wasm',
];

self.addEventListener('install', event => {
    event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
    event.waitUntil(caches.keys()
        .then(keys => Promise.all(keys.filter(k => k.startsWith('oobc-offline-') && k !== SHELL).map(k => caches.delete(k))))
        .then(() => self.clients.claim()));
});

// The page asks for its own address (and its manifest) to be kept once the worker is ready: the first visit's
// navigation happened before any worker existed, so it was not seen here.
self.addEventListener('message', event => {
    if (event.data?.type !== 'keep' || !Array.isArray(event.data.urls)) {
        return;
    }

    const reply = event.ports[0];
    event.waitUntil(caches.open(SHELL)
        .then(cache => Promise.all(event.data.urls.map(url => fetch(url, { credentials: 'same-origin' })
            .then(response => response.ok && !response.redirected ? cache.put(url, response) : Promise.reject(new Error(`${url}: ${response.status}`))))))
        .then(() => reply?.postMessage({ ok: true }), error => reply?.postMessage({ ok: false, error: String(error) })));
});

self.addEventListener('fetch', event => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
        return; // the network, as if there were no worker
    }

    if (request.mode === 'navigate' || url.pathname.startsWith('/attendance/offline/')) {
        // Pages and the manifest: the network first (a fresh shell and token), the kept copy when it fails.
        event.respondWith(fetch(request)
            .then(response => {
                if (response.ok && !response.redirected && response.type === 'basic') {
                    const copy = response.clone();
                    caches.open(SHELL).then(cache => cache.put(request, copy));
                }
                return response;
            })
            .catch(() => caches.match(request, { ignoreVary: true }).then(kept => kept ?? offlineFallback())));
        return;
    }

    if (ASSETS.includes(url.pathname)) {
        // Script, style, icons: the kept copy at once, refreshed in the background when online.
        event.respondWith(caches.open(SHELL).then(cache => cache.match(request).then(kept => {
            const fresh = fetch(request).then(response => {
                if (response.ok) {
                    cache.put(request, response.clone());
                }
                return response;
            });
            if (kept) {
                event.waitUntil(fresh.catch(() => undefined));
                return kept;
            }
            return fresh;
        })));
    }
});

function offlineFallback() {
    return new Response(
        '<!DOCTYPE html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Offline</title>'
        + '<p style="font-family:sans-serif;padding:1rem">This scanner page was not opened on this device while online, so it is not kept here. '
        + 'Open it once with a network connection.</p>',
        { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}
