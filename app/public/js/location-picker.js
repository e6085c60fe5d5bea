/* Location picker of the staff service form (app/src/staff/location_picker.rs).
 * The lat/lon inputs work on their own; this script adds a map beside them: a click on
 * the map or dragging the marker fills them, typing in them moves the marker, and the
 * "municipality's centre" button fills them in one go. Loaded by the staff form only,
 * so neither this nor Leaflet weighs on the public pages or the wasm bundle.
 * Plain ES2017, no modules, no external requests: Leaflet comes through
 * leaflet-loader.js, the outlines from the app's map API, tiles only when the server is
 * configured with MAP_TILE_URL. Every word comes from data-label-* (the app translates). */
(function () {
  'use strict';

  const DECIMALS = 5;
  // Marker steps for the arrow keys, in screen pixels (Shift: coarse).
  const STEP = 4, COARSE_STEP = 40;
  const ARROWS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };

  /* A typed coordinate (a decimal comma is fine), or null. */
  function num(text) {
    const t = String(text == null ? '' : text).trim().replace(',', '.');
    const v = Number(t);
    return t === '' || !isFinite(v) ? null : v;
  }

  function meta(name) {
    const m = document.querySelector('meta[name="' + name + '"]');
    return m ? m.content : '';
  }

  async function getJson(url) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } });
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    return res.json();
  }

  function mount(el) {
    if (el.locationPickerMounted) return;
    el.locationPickerMounted = true;
    const d = el.dataset;
    const latInput = document.getElementById(d.latInput || '');
    const lonInput = document.getElementById(d.lonInput || '');
    if (!latInput || !lonInput) return;
    const button = d.centreButton ? document.getElementById(d.centreButton) : null;
    const hint = d.hint ? document.getElementById(d.hint) : null;
    const centre = num(d.municipalityLat) !== null && num(d.municipalityLon) !== null
      ? [num(d.municipalityLat), num(d.municipalityLon)] : null;
    const b = (d.bounds || '49 1.5 51.6 6.5').split(' ').map(Number); // south west north east

    // Announces where the point went, for screen readers (the inputs change silently).
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    el.parentNode.insertBefore(status, el.nextSibling);

    let map = null;
    let marker = null;
    let writing = false;

    function typed() {
      const lat = num(latInput.value), lon = num(lonInput.value);
      return lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180 ? null : [lat, lon];
    }

    /* Fills the inputs and tells the form (other scripts, validity) as if typed. */
    function write(lat, lon, announce) {
      writing = true;
      [[latInput, lat], [lonInput, lon]].forEach(function (pair) {
        pair[0].value = pair[1].toFixed(DECIMALS);
        pair[0].dispatchEvent(new Event('input', { bubbles: true }));
        pair[0].dispatchEvent(new Event('change', { bubbles: true }));
      });
      writing = false;
      if (announce) status.textContent = (d.labelSet || '') + ' ' + latInput.value + ', ' + lonInput.value;
    }

    function placeMarker(latlng, pan) {
      if (!map) return;
      if (!latlng) {
        if (marker) { marker.remove(); marker = null; }
        return;
      }
      if (!marker) marker = newMarker(latlng).addTo(map);
      else marker.setLatLng(latlng);
      if (pan && !map.getBounds().contains(marker.getLatLng())) map.panTo(marker.getLatLng());
    }

    function newMarker(latlng) {
      const L = window.L;
      const m = L.marker(latlng, {
        icon: L.divIcon({ className: 'location-picker__marker', iconSize: [24, 24], iconAnchor: [12, 12], html: '' }),
        draggable: true, keyboard: true, title: d.labelMarker || '', autoPanOnFocus: true
      });
      m.on('drag', function () { const p = m.getLatLng(); write(p.lat, p.lng, false); });
      m.on('dragend', function () { const p = m.getLatLng(); write(p.lat, p.lng, true); });
      m.on('add', function () {
        const icon = m.getElement();
        // A div icon has no alt: give the marker (role=button) its name explicitly.
        icon.setAttribute('aria-label', d.labelMarker || '');
        icon.addEventListener('keydown', function (e) {
          const dir = ARROWS[e.key];
          if (!dir || e.altKey || e.ctrlKey || e.metaKey) return;
          // Not the map's too: Leaflet would pan it under the marker.
          e.preventDefault();
          e.stopPropagation();
          const step = e.shiftKey ? COARSE_STEP : STEP;
          const p = map.latLngToContainerPoint(m.getLatLng()).add([dir[0] * step, dir[1] * step]);
          const to = map.containerPointToLatLng(p);
          m.setLatLng(to);
          write(to.lat, to.lng, true);
          if (!map.getBounds().pad(-0.1).contains(to)) map.panTo(to);
        });
      });
      return m;
    }

    function fromInputs() {
      if (writing) return;
      const p = typed();
      if (p || (latInput.value === '' && lonInput.value === '')) placeMarker(p && window.L.latLng(p), true);
    }
    latInput.addEventListener('input', fromInputs);
    lonInput.addEventListener('input', fromInputs);

    // The button needs no map: it only fills the inputs.
    if (button && centre) {
      button.hidden = false;
      button.addEventListener('click', function () {
        write(centre[0], centre[1], true);
        if (map) {
          placeMarker(window.L.latLng(centre), false);
          map.setView(centre, Math.max(map.getZoom(), meta('map-tiles') ? 14 : 11));
        }
      });
    }

    function draw(L, layers, boundaries) {
      const canvas = document.createElement('div');
      canvas.className = 'map-canvas location-picker__canvas';
      canvas.id = (latInput.id || 'location') + '-map';
      canvas.setAttribute('aria-label', d.labelMap || '');
      el.append(canvas);
      if (d.labelKeys) {
        const keys = document.createElement('span');
        keys.className = 'visually-hidden';
        keys.id = canvas.id + '-keys';
        keys.textContent = d.labelKeys;
        el.append(keys);
        canvas.setAttribute('aria-describedby', keys.id);
      }
      const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      // Scroll-wheel zoom only while the map has focus: page scrolling is never captured.
      map = L.map(canvas, {
        keyboard: true, zoomControl: false, scrollWheelZoom: false, zoomSnap: 0.5, minZoom: 6, maxZoom: 18,
        zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still
      });
      // The view first: layers added to a map without one are drawn nowhere.
      const region = L.latLngBounds([b[0], b[1]], [b[2], b[3]]);
      // Closer with tiles: without them only outlines guide the eye.
      const tiles = meta('map-tiles');
      const start = typed();
      if (start) map.setView(start, tiles ? 16 : 12);
      else if (centre) map.setView(centre, tiles ? 14 : 11);
      else map.fitBounds(region);
      map.setMaxBounds(region.pad(0.3));
      L.control.zoom(Object.assign({}, d.labelZoomIn && { zoomInTitle: d.labelZoomIn }, d.labelZoomOut && { zoomOutTitle: d.labelZoomOut })).addTo(map);
      if (tiles) L.tileLayer(tiles, { attribution: meta('map-tiles-attribution'), maxZoom: 19 }).addTo(map);
      // The app's own outlines (the same classes as map.js): the map works without tiles.
      const outline = function (kinds, className) {
        L.geoJSON(layers, { filter: function (f) { return kinds.indexOf(f.properties.kind) !== -1; }, className: className, interactive: false }).addTo(map);
      };
      outline(['country'], 'map-country');
      outline(['be_province', 'fr_departement'], 'map-admin');
      if (boundaries) L.geoJSON(boundaries, { className: 'map-boundary', interactive: false }).addTo(map);
      outline(['border'], 'map-border');
      if (centre) L.circleMarker(centre, { className: 'location-picker__centre-dot', radius: 5, interactive: false }).addTo(map);

      placeMarker(start && L.latLng(start), false);

      map.on('click', function (e) {
        placeMarker(e.latlng, false);
        write(e.latlng.lat, e.latlng.lng, true);
      });
      canvas.addEventListener('keydown', function (e) {
        // Enter or Space on the map itself: the point at its centre.
        if (e.target !== canvas || (e.key !== 'Enter' && e.key !== ' ')) return;
        e.preventDefault();
        const c = map.getCenter();
        placeMarker(c, false);
        write(c.lat, c.lng, true);
      });
      canvas.addEventListener('focusin', function () { map.scrollWheelZoom.enable(); });
      canvas.addEventListener('focusout', function (e) {
        if (!canvas.contains(e.relatedTarget)) map.scrollWheelZoom.disable();
      });
      if ('ResizeObserver' in window) new ResizeObserver(function () { map.invalidateSize(); }).observe(canvas);
    }

    async function load() {
      try {
        const all = await Promise.all([
          window.grensLeaflet.load(),
          getJson(d.layersUrl),
          // French communes only; the map is still useful without them.
          d.boundariesUrl ? getJson(d.boundariesUrl).catch(function () { return null; }) : null
        ]);
        draw(all[0], all[1], all[2]);
        el.dataset.mapReady = 'true';
      } catch (err) {
        // The inputs (and the button) still work: put the map and its hint away again.
        el.dataset.mapError = String((err && err.message) || err);
        el.hidden = true;
        if (hint) hint.hidden = true;
        Array.prototype.slice.call(el.children).forEach(function (n) { n.remove(); });
        if (map) { map.remove(); map = null; marker = null; }
        if (window.console) console.error('locationPicker:', err);
      }
    }

    if (!window.grensLeaflet) return; // leaflet-loader.js missing: the inputs are enough
    el.hidden = false;
    if (hint) hint.hidden = false;
    window.grensLeaflet.whenNear(el, load);
  }

  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('.location-picker[data-lat-input]'), mount);
  }

  window.grensLocationPicker = { mount: mount, mountAll: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  // A form inserted later (client-side navigation) is picked up too; mount() skips known ones.
  if ('MutationObserver' in window) {
    new MutationObserver(function (records) {
      if (records.some(function (r) { return r.addedNodes.length; })) mountAll();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
