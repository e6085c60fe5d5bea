/* Grensdiensten map glue (SPEC §4, CONTRACT "Map element and data").
 * Plain ES2017, no modules, no external requests: Leaflet and the GeoJSON come from the app.
 * Every user-facing word comes from the element's data-label-* attributes (the app translates). */
(function () {
  'use strict';

  // Build DOM nodes instead of HTML strings: names come from data, never trust them as markup.
  function h(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { node.append(c); });
    return node;
  }

  async function getJson(url) {
    const res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/geo+json, application/json' } });
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    return res.json();
  }

  function pick(props, lang) {
    const own = lang === 'fr' ? props.name_fr : props.name_nl;
    const other = lang === 'fr' ? props.name_nl : props.name_fr;
    return { name: own || other || props.code, other: own && other && other !== own ? other : null };
  }

  // Optional per-municipality figures (the observatory's choropleth): "code:km code:km …",
  // with bucket limits "5 10 20"; a code without a figure gets the "none" class.
  function parseValues(d) {
    const values = {};
    (d.values || '').split(' ').forEach(function (pair) {
      const i = pair.indexOf(':');
      if (i > 0) values[pair.slice(0, i)] = Number(pair.slice(i + 1));
    });
    const limits = (d.buckets || '').split(' ').filter(Boolean).map(Number);
    return {
      any: !!d.values,
      of: function (code) { return Object.prototype.hasOwnProperty.call(values, code) ? values[code] : null; },
      bucket: function (code) {
        const v = this.of(code);
        if (v === null || isNaN(v)) return 'none';
        let b = 0;
        while (b < limits.length && v > limits[b]) b++;
        return String(b);
      }
    };
  }

  function popupContent(props, d) {
    const lang = d.lang === 'fr' ? 'fr' : 'nl';
    const locale = lang === 'nl' ? 'nl-BE' : 'fr-BE';
    const names = pick(props, lang);
    const facts = h('dl', { class: 'map-popup__facts' });
    function fact(label, value) { facts.append(h('div', {}, [h('dt', {}, [label]), h('dd', {}, [value])])); }
    if (props.population !== null && props.population !== undefined && props.population !== '') {
      fact(d.labelPopulation || '', Number(props.population).toLocaleString(locale));
    }
    if (d.values && d.labelValue) {
      const v = parseValues(d).of(props.code);
      fact(d.labelValue, v === null ? (d.labelNoValue || '') : v.toLocaleString(locale, { maximumFractionDigits: 1 }) + '\u00a0' + (d.labelKm || ''));
    }
    if (typeof props.distance_to_border_km === 'number') {
      const km = props.distance_to_border_km.toLocaleString(locale, { maximumFractionDigits: 1 });
      fact(d.labelDistance || '', km + '\u00a0' + (d.labelKm || ''));
    }
    const body = [h('strong', { class: 'map-popup__name' }, [names.name])];
    if (names.other) body.push(h('span', { class: 'map-popup__alt', lang: lang === 'nl' ? 'fr' : 'nl' }, [names.other]));
    if (facts.children.length) body.push(facts);
    body.push(h('a', { class: 'map-popup__link', href: (d.profileBase || '') + encodeURIComponent(props.code) }, [d.labelOpen || '']));
    return h('div', { class: 'map-popup' }, body);
  }

  function draw(el, canvas, data) {
    const L = window.L;
    const d = el.dataset;
    const lang = d.lang === 'fr' ? 'fr' : 'nl';
    const focus = d.focus || '';
    // A set to show (cluster members, partner candidates, compared municipalities).
    const highlight = (d.highlight || '').split(' ').filter(Boolean);
    const lit = function (code) { return highlight.indexOf(code) !== -1; };
    const values = parseValues(d);
    const valueClass = function (code) { return values.any ? ' map-value map-value--' + values.bucket(code) : ''; };
    const still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    // scrollWheelZoom is switched on only while the map has focus (below): page scrolling is never captured.
    const map = L.map(canvas, {
      keyboard: true, zoomControl: false, attributionControl: true, scrollWheelZoom: false,
      zoomSnap: 0.25, minZoom: 6, maxZoom: 18, zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still
    });
    // Leaflet's own button titles are English: use the app's words when it gives them.
    L.control.zoom(Object.assign({}, d.labelZoomIn && { zoomInTitle: d.labelZoomIn }, d.labelZoomOut && { zoomOutTitle: d.labelZoomOut })).addTo(map);
    // Tiles only when the server is configured with MAP_TILE_URL (rendered as <meta> in the shell).
    const meta = function (name) { const m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ''; };
    const tiles = d.tiles || meta('map-tiles');
    if (tiles) L.tileLayer(tiles, { attribution: d.tilesAttribution || meta('map-tiles-attribution'), maxZoom: 19 }).addTo(map);

    // Colours live in map.css; here only the classes and what must not react to the pointer.
    function outline(kinds, className) {
      return L.geoJSON(data.layers, {
        filter: function (f) { return kinds.indexOf(f.properties.kind) !== -1; },
        className: className, interactive: false
      }).addTo(map);
    }
    outline(['country'], 'map-country');
    outline(['be_province', 'fr_departement'], 'map-admin');

    const markers = {};
    let focusPolygon = null;
    const boundaries = L.geoJSON(data.boundaries, {
      style: function (f) {
        const code = f.properties.code;
        return { className: 'map-boundary' + (code === focus ? ' map-boundary--focus' : '') + (lit(code) ? ' map-boundary--highlight' : '') + valueClass(code) };
      },
      onEachFeature: function (f, layer) {
        if (f.properties.code === focus) focusPolygon = layer;
        // Same popup as the marker: open the marker's (it carries population and distance).
        layer.on('click', function () {
          const m = markers[f.properties.code];
          if (m) m.openPopup(); else layer.bindPopup(popupContent(f.properties, d)).openPopup();
        });
      }
    }).addTo(map);
    const border = outline(['border'], 'map-border');

    // One Tab stop for all 258 markers (roving tabindex): Tab moves past the map in one step, arrow
    // keys go to the nearest marker in that direction, Home/End to the first/last by name.
    const list = [];
    let current = null;
    function setCurrent(m) {
      if (current && current.getElement()) current.getElement().tabIndex = -1;
      current = m;
      if (m.getElement()) m.getElement().tabIndex = 0;
    }
    const STEP = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    function nearest(from, dir) {
      const a = map.latLngToContainerPoint(from.getLatLng());
      let best = null, bestScore = Infinity;
      list.forEach(function (m) {
        const b = map.latLngToContainerPoint(m.getLatLng());
        const along = (b.x - a.x) * dir[0] + (b.y - a.y) * dir[1];
        const score = along + 2 * Math.abs((b.x - a.x) * dir[1] - (b.y - a.y) * dir[0]);
        if (m !== from && along > 0 && score < bestScore) { best = m; bestScore = score; }
      });
      return best;
    }

    // Markers in name order, so Home/End and the DOM order are predictable.
    const points = data.points.features.slice().sort(function (a, b) {
      return pick(a.properties, lang).name.localeCompare(pick(b.properties, lang).name, lang);
    });
    const markerLayer = L.featureGroup().addTo(map);
    points.forEach(function (f) {
      const p = f.properties;
      const name = pick(p, lang).name;
      const isFocus = p.code === focus;
      const marker = L.marker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
        icon: L.divIcon({
          className: 'map-marker map-marker--' + String(p.country).toLowerCase() + (isFocus ? ' map-marker--focus' : '') + (lit(p.code) ? ' map-marker--highlight' : '') + valueClass(p.code),
          iconSize: null, html: '' // size and anchor in map.css, so it can follow the zoom level
        }),
        title: name, alt: name, keyboard: true, riseOnHover: true, zIndexOffset: isFocus ? 1000 : 0
      });
      marker.on('add', function () {
        const icon = marker.getElement();
        // Leaflet puts alt only on <img> icons; give the div (role=button) an explicit accessible name.
        icon.setAttribute('aria-label', name);
        if (d.labelKeys) icon.setAttribute('aria-describedby', canvas.id + '-keys');
        icon.tabIndex = marker === current ? 0 : -1;
        icon.addEventListener('focus', function () { setCurrent(marker); });
      });
      marker.on('keydown', function (e) {
        const k = e.originalEvent.key;
        // Leaflet opens the popup on Enter (keypress); Space is the other key a role=button answers to.
        if (k === ' ') { e.originalEvent.preventDefault(); marker.openPopup(); return; }
        const next = STEP[k] ? nearest(marker, STEP[k]) : k === 'Home' ? list[0] : k === 'End' ? list[list.length - 1] : null;
        if (!next) return;
        e.originalEvent.preventDefault();
        setCurrent(next);
        next.getElement().focus({ preventScroll: true }); // Leaflet's autoPanOnFocus brings it into view
      });
      marker.bindPopup(function () { return popupContent(p, d); }, { autoPanPadding: [24, 24], minWidth: 160, maxWidth: 280 });
      marker.on('popupopen', function (e) {
        const box = e.popup.getElement();
        const close = box.querySelector('.leaflet-popup-close-button');
        if (close && d.labelClose) { close.setAttribute('aria-label', d.labelClose); close.title = d.labelClose; }
        // Opened from the keyboard: move focus into the popup, which sits after the marker pane in the DOM.
        if (document.activeElement === marker.getElement()) box.querySelector('.map-popup__link').focus({ preventScroll: true });
      });
      marker.on('popupclose', function (e) {
        // Give focus back to the marker when it was in the popup (or lost with it), never steal it elsewhere.
        const active = document.activeElement;
        if (!active || active === document.body || e.popup.getElement().contains(active)) marker.getElement().focus({ preventScroll: true });
      });
      markers[p.code] = marker.addTo(markerLayer);
      list.push(marker);
    });
    if (list.length) setCurrent(markers[focus] || list[0]);
    canvas.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') map.closePopup(); // works when focus is on a marker or in the popup too
    });
    canvas.addEventListener('focusin', function () { map.scrollWheelZoom.enable(); });
    canvas.addEventListener('focusout', function (e) {
      if (!canvas.contains(e.relatedTarget)) map.scrollWheelZoom.disable();
    });

    // Smaller dots when zoomed out: 258 markers otherwise bury the border line.
    function density() { canvas.classList.toggle('map-canvas--far', map.getZoom() < 9); }
    map.on('zoomend', density);

    const region = border.getBounds().extend(markerLayer.getBounds()).extend(boundaries.getBounds());
    map.setMaxBounds(region.pad(0.6));
    const shown = highlight.map(function (c) { return markers[c]; }).filter(Boolean);
    if (shown.length > 1) {
      map.fitBounds(L.featureGroup(shown).getBounds(), { padding: [32, 32], maxZoom: 12 });
    } else if (focusPolygon) {
      map.fitBounds(focusPolygon.getBounds(), { padding: [24, 24], maxZoom: 13 });
    } else if (markers[focus]) {
      map.setView(markers[focus].getLatLng(), 12);
    } else {
      map.fitBounds(region, { padding: [8, 8] });
    }
    density();
    // Layout changes (hidden tab, resized window) otherwise leave grey, unloaded areas.
    if ('ResizeObserver' in window) new ResizeObserver(function () { map.invalidateSize(); }).observe(canvas);
    return map;
  }

  let counter = 0;
  async function mount(el) {
    if (!el || el.grensMapMounting) return el && el.grensMapMounting; // idempotent: one map per element
    el.grensMapMounting = (async function () {
      const d = el.dataset;
      let canvas = null;
      try {
        const all = await Promise.all([d.layersUrl, d.boundariesUrl, d.pointsUrl].map(getJson).concat([window.grensLeaflet.load()]));
        // Leaflet gets its own child: the server-rendered fallback (and Leptos' hydration of it) stays
        // untouched, and is only hidden by CSS once the map is ready.
        canvas = h('div', { class: 'map-canvas', id: 'grens-map-' + (++counter) });
        el.append(canvas);
        // Optional how-to for the arrow keys, read by screen readers with each marker.
        if (d.labelKeys) el.append(h('span', { class: 'map-keys', id: canvas.id + '-keys' }, [d.labelKeys]));
        const map = draw(el, canvas, { layers: all[0], boundaries: all[1], points: all[2] });
        el.grensMap = map;
        el.dataset.mapReady = 'true';
        return map;
      } catch (err) {
        // Leave the fallback text visible; the attribute lets tests and styles see what happened.
        el.dataset.mapError = String((err && err.message) || err);
        Array.prototype.slice.call(el.querySelectorAll('.map-canvas, .map-keys')).forEach(function (n) { n.remove(); });
        if (window.console) console.error('grensMap:', err);
        return null;
      }
    })();
    return el.grensMapMounting;
  }

  /* A map is drawn when it comes near the viewport (leaflet-loader.js). */
  function mountAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-map]'), function (el) { window.grensLeaflet.whenNear(el, mount); });
  }

  window.grensMap = { mount: mount, mountAll: mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountAll);
  else mountAll();
  // Client-side navigation (Leptos router) inserts new map elements later; mount() skips known ones.
  if ('MutationObserver' in window) {
    new MutationObserver(function (records) {
      if (records.some(function (r) { return r.addedNodes.length; })) mountAll();
    }).observe(document.documentElement, { childList: true, subtree: true });
  }
})();
