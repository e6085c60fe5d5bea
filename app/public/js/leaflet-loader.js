/* Leaflet on demand (issue 8, Lighthouse): pages load Leaflet, its marker clusters and
 * their styles only when one of their maps comes near the viewport. Pages without a
 * map, and maps below the fold until the reader scrolls to them, cost no script time.
 * Plain ES2017; everything comes from the app's origin (CSP script-src 'self'). */
(function () {
  'use strict';

  const ASSETS = [
    ['link', '/vendor/leaflet/leaflet.css'],
    ['link', '/vendor/leaflet/MarkerCluster.css'],
    ['script', '/vendor/leaflet/leaflet.js'],
    // Needs window.L: loaded after leaflet.js.
    ['script', '/vendor/leaflet/leaflet.markercluster.js']
  ];

  function add(kind, url) {
    return new Promise(function (resolve, reject) {
      const node = document.createElement(kind);
      if (kind === 'link') { node.rel = 'stylesheet'; node.href = url; } else { node.src = url; }
      node.onload = resolve;
      node.onerror = function () { reject(new Error(url + ' did not load')); };
      document.head.append(node);
    });
  }

  let loading = null;
  /* Resolves with window.L once Leaflet, the clusters and both stylesheets are loaded. */
  function load() {
    if (!loading) {
      loading = ASSETS.reduce(function (previous, asset) {
        // Stylesheets load alongside; scripts one after the other, in order.
        return asset[0] === 'link' ? Promise.all([previous, add(asset[0], asset[1])]) : previous.then(function () { return add(asset[0], asset[1]); });
      }, Promise.resolve()).then(function () { return window.L; });
      // A failed load may be retried by the next map.
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  const watched = new WeakSet();
  /* Calls `then(el)` once, when `el` comes within 200 px of the viewport (at once where
   * the browser cannot tell). A whole screen of margin was measured to cost the mobile
   * services page 450 ms of blocking time: its map sits one screen below the form. */
  function whenNear(el, then) {
    if (watched.has(el)) return;
    watched.add(el);
    if (!('IntersectionObserver' in window)) { then(el); return; }
    const observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (e) { return e.isIntersecting; })) return;
      observer.disconnect();
      then(el);
    }, { rootMargin: '200px 0px' });
    observer.observe(el);
  }

  window.grensLeaflet = { load: load, whenNear: whenNear };
})();
