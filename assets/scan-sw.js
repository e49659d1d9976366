// certsite: the service worker of the offline verifier, /scan/ (DESIGN §4, §5). The build
// writes it at <language>/scan/sw.js (the same file in every language; its scope is its
// folder) with the three values below filled in.
//   PRECACHE       the page in each language, its stylesheet, scripts, vendored libraries,
//                  words, icons, manifests and the paper/ files (contexts, type table): cache
//                  first, fetched again only when a new build changes VERSION.
//   NETWORK_FIRST  the DID document and the status list: the network first when there is one
//                  (the copy in the cache is then replaced), else the copy in the cache. The
//                  latest DID document is the one kept: a key retired from it is refused.
//   VERSION        a hash of the precached files as this build wrote them: a new build gives a
//                  new cache and the old one is deleted.
"use strict";
var VERSION = "__VERSION__";
var PRECACHE = __PRECACHE__;
var NETWORK_FIRST = __NETWORK_FIRST__;
var CACHE = "certsite-scan-" + VERSION;
var LISTS = "certsite-scan-lists";

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Past the HTTP cache: a new version takes the new build's files.
      return cache.addAll(PRECACHE.map(function (url) { return new Request(url, { cache: "reload" }); }));
    }).then(function () {
      // The DID document and the lists when they can be had; a copy of them is not required.
      return caches.open(LISTS).then(function (cache) {
        return Promise.all(NETWORK_FIRST.map(function (url) {
          return fetch(url, { cache: "no-cache" }).then(function (response) {
            if (response.ok) return cache.put(url, response);
          }, function () {});
        }));
      });
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("certsite-scan-") === 0 && k !== CACHE && k !== LISTS; })
        .map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NETWORK_FIRST.indexOf(url.pathname) >= 0) {
    event.respondWith(
      fetch(request, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        var copy = response.clone();
        return caches.open(LISTS).then(function (cache) { return cache.put(url.pathname, copy); }).then(function () { return response; });
      }).catch(function () {
        return caches.open(LISTS).then(function (cache) { return cache.match(url.pathname); }).then(function (cached) {
          return cached || Response.error();
        });
      })
    );
    return;
  }
  var key = request.mode === "navigate" ? url.pathname.replace(/index\.html$/, "") : url.pathname;
  if (PRECACHE.indexOf(key) < 0) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) { return cache.match(key); }).then(function (cached) {
      return cached || fetch(request);
    })
  );
});
