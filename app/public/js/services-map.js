/* Services map: the results of the services search (or one service on its page) on a
 * Leaflet map with marker clustering, kept in sync with the list, plus "search this
 * area" and the opt-in "use my location" of the search form.
 * Plain ES2017, no external requests. Words come from data-label-* (the app translates).
 * The list is the accessible equivalent of the map: markers are not tab stops. */
(function () {
  'use strict';

  function h(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  function parsePoints(el) {
    try { return JSON.parse(el.dataset.points || '[]'); } catch (e) { return []; }
  }

  /* The points of a search come from data-points-url (the page stays small); one
   * service's page carries its point inline in data-points. Only the newest answer
   * is drawn when searches overlap. */
  let asked = 0;
  function loadPoints(el, then) {
    const url = el.dataset.pointsUrl;
    if (!url) { then(parsePoints(el)); return; }
    const ticket = ++asked;
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .catch(function () { return []; })
      .then(function (points) { if (ticket === asked) then(Array.isArray(points) ? points : []); });
  }

  function listItem(id) {
    return document.querySelector('.service-list [data-service-id="' + CSS.escape(id) + '"]');
  }

  function searchForm() { return document.getElementById('service-search'); }

  function submit(form) {
    if (typeof form.requestSubmit === 'function') form.requestSubmit(); else form.submit();
  }

  function setField(form, name, value) {
    const input = form.querySelector('[name="' + name + '"]');
    if (input) input.value = value;
  }

  let layersCache = null;
  function layers(url) {
    if (!layersCache) {
      layersCache = fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
        return r.json();
      });
    }
    return layersCache;
  }

  function mount(el) {
    if (el.servicesMap || !window.L) return;
    const L = window.L;
    const d = el.dataset;
    const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const canvas = h('div', { class: 'map-canvas' });
    el.append(canvas);
    const map = L.map(canvas, {
      zoomControl: false, scrollWheelZoom: false, minZoom: 6, maxZoom: 18,
      zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still
    });
    L.control.zoom(Object.assign({}, d.labelZoomIn && { zoomInTitle: d.labelZoomIn }, d.labelZoomOut && { zoomOutTitle: d.labelZoomOut })).addTo(map);
    const tiles = (document.querySelector('meta[name="map-tiles"]') || {}).content;
    if (tiles) {
      const attribution = (document.querySelector('meta[name="map-tiles-attribution"]') || {}).content || '';
      L.tileLayer(tiles, { attribution: attribution, maxZoom: 19 }).addTo(map);
    }
    canvas.addEventListener('focusin', function () { map.scrollWheelZoom.enable(); });
    canvas.addEventListener('focusout', function () { map.scrollWheelZoom.disable(); });
    map.setView([50.6, 3.2], 8);

    if (d.layersUrl) {
      layers(d.layersUrl).then(function (data) {
        L.geoJSON(data, {
          filter: function (f) { return f.properties.kind === 'country'; }, className: 'map-country', interactive: false
        }).addTo(map).bringToBack();
        L.geoJSON(data, {
          filter: function (f) { return f.properties.kind === 'border'; }, className: 'map-border', interactive: false
        }).addTo(map);
      }).catch(function (err) { if (window.console) console.error('servicesMap:', err); });
    }

    const clustered = typeof L.markerClusterGroup === 'function';
    const group = clustered
      ? L.markerClusterGroup({
        showCoverageOnHover: false, maxClusterRadius: 45, animate: !still,
        iconCreateFunction: function (cluster) {
          const n = cluster.getChildCount();
          return L.divIcon({ html: '<span>' + n + '</span>', className: 'map-cluster', iconSize: L.point(36, 36) });
        }
      })
      : L.featureGroup();
    group.addTo(map);
    let circle = null;
    const markers = {};
    let selected = null;

    function icon() {
      return L.divIcon({ className: 'map-marker map-marker--service', iconSize: null, html: '' });
    }
    // A class on the marker's element, not a new icon: replacing the element under the
    // pointer would fire mouseover again (and lose keyboard focus).
    function mark(marker, active) {
      const node = marker && marker.getElement();
      if (node) node.classList.toggle('map-marker--active', active);
    }

    function select(id, fromMap) {
      document.querySelectorAll('.service-list .is-selected').forEach(function (n) { n.classList.remove('is-selected'); });
      if (selected) mark(markers[selected], false);
      selected = id;
      mark(markers[id], true);
      const item = listItem(id);
      if (item) {
        item.classList.add('is-selected');
        if (fromMap) item.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
      }
    }

    function draw() { loadPoints(el, drawPoints); }

    function drawPoints(points) {
      group.clearLayers();
      Object.keys(markers).forEach(function (k) { delete markers[k]; });
      if (circle) { circle.remove(); circle = null; }
      points.forEach(function (p) {
        const marker = L.marker([p.lat, p.lon], { icon: icon(), title: p.name, keyboard: false });
        // Markers leave the DOM inside clusters; keep the highlight when they come back.
        marker.on('add', function () { mark(marker, selected === p.id); });
        marker.serviceId = p.id;
        const popup = [h('strong', {}, [p.name])];
        if (d.detailBase && d.labelOpen) {
          popup.push(h('br'), h('a', { href: d.detailBase + encodeURIComponent(p.id) }, [d.labelOpen]));
        }
        marker.bindPopup(h('div', { class: 'map-popup' }, popup));
        marker.on('click', function () { select(p.id, true); });
        marker.on('mouseover', function () { select(p.id, false); });
        markers[p.id] = marker;
        group.addLayer(marker);
      });
      const center = (d.center || '').split(',').map(Number);
      if (center.length === 3 && center.every(isFinite)) {
        circle = L.circle([center[0], center[1]], { radius: center[2] * 1000, className: 'map-radius', interactive: false }).addTo(map);
      }
      const bounds = circle ? circle.getBounds() : (points.length ? group.getBounds() : null);
      if (bounds && bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16], maxZoom: points.length === 1 ? 15 : 13, animate: false });
      }
      el.dataset.mapReady = 'true';
      el.dataset.markers = String(points.length);
    }

    // "Search this area": the map's bounds become the search's bbox.
    if (d.labelSearchArea) {
      const Control = L.Control.extend({
        onAdd: function () {
          const button = h('button', { type: 'button', class: 'map-search-area', 'data-testid': 'search-area' }, [d.labelSearchArea]);
          L.DomEvent.disableClickPropagation(button);
          button.addEventListener('click', function () {
            const form = searchForm();
            if (!form) return;
            const b = map.getBounds();
            const r = function (n) { return Math.round(n * 10000) / 10000; };
            setField(form, 'bbox', [r(b.getWest()), r(b.getSouth()), r(b.getEast()), r(b.getNorth())].join(','));
            setField(form, 'near', '');
            setField(form, 'lat', '');
            setField(form, 'lon', '');
            submit(form);
          });
          return button;
        }
      });
      new Control({ position: 'topright' }).addTo(map);
    }

    draw();
    el.servicesMap = map;
    // The app changes data-points-url after each search; redraw then.
    new MutationObserver(draw).observe(el, { attributes: true, attributeFilter: ['data-points', 'data-points-url', 'data-center'] });
    if ('ResizeObserver' in window) new ResizeObserver(function () { map.invalidateSize(); }).observe(canvas);

    // List → map: pointing at or focusing a result highlights its marker.
    function fromList(e) {
      const item = e.target.closest && e.target.closest('.service-list [data-service-id]');
      if (item) select(item.getAttribute('data-service-id'), false);
    }
    document.addEventListener('mouseover', fromList);
    document.addEventListener('focusin', fromList);
  }

  /* A map is drawn when it comes near the viewport, once Leaflet is loaded (leaflet-loader.js). */
  function mountAll() {
    document.querySelectorAll('[data-services-map]').forEach(function (el) {
      window.grensLeaflet.whenNear(el, function () {
        window.grensLeaflet.load().then(function () { mount(el); }, function (err) {
          el.dataset.mapError = String((err && err.message) || err);
        });
      });
    });
  }

  // "Use my location": opt-in, only where the browser offers it; rounded to ~100 m.
  if ('geolocation' in navigator) document.documentElement.classList.add('can-locate');
  document.addEventListener('click', function (e) {
    const button = e.target.closest && e.target.closest('[data-locate]');
    if (!button) return;
    const form = button.form || searchForm();
    navigator.geolocation.getCurrentPosition(function (pos) {
      const r = function (n) { return String(Math.round(n * 1000) / 1000); };
      setField(form, 'lat', r(pos.coords.latitude));
      setField(form, 'lon', r(pos.coords.longitude));
      setField(form, 'near', '');
      setField(form, 'bbox', '');
      submit(form);
    }, function () {
      let status = form.querySelector('.locate-status');
      if (!status) {
        status = h('p', { class: 'field-error locate-status', role: 'alert' });
        button.after(status);
      }
      status.textContent = button.dataset.labelError || '';
    }, { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 });
  });

  window.servicesMap = { mountAll: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  if ('MutationObserver' in window) {
    new MutationObserver(function (records) {
      if (records.some(function (r) { return r.addedNodes.length; })) mountAll();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
