import { expect, type Locator, type Page } from '@playwright/test';

export type LangCode = 'nl' | 'fr';

/** One row per language, with the localized slugs of every page the suite visits. */
export interface Lang {
  lang: LangCode;
  other: LangCode;
  home: string;
  list: string;
  about: string;
  missing: string;
}

export const LANGS: readonly Lang[] = [
  { lang: 'nl', other: 'fr', home: '/nl', list: '/nl/gemeenten', about: '/nl/over-de-gegevens', missing: '/nl/bestaat-niet' },
  { lang: 'fr', other: 'nl', home: '/fr', list: '/fr/communes', about: '/fr/a-propos-des-donnees', missing: '/fr/nexiste-pas' },
];

export const langOf = (code: LangCode): Lang => LANGS.find((l) => l.lang === code)!;

export const profilePath = (l: Lang, code: string): string => `${l.list}/${code}`;

/** Municipalities the suite relies on (codes and names from shared/data/municipalities.csv). */
export const M = {
  ieper: { code: '33011', nl: 'Ieper', fr: 'Ypres' },
  wervik: { code: '33029', nl: 'Wervik', fr: 'Wervicq' },
  menen: { code: '34027', nl: 'Menen', fr: 'Menin' },
  cominesWarneton: { code: '57097', nl: 'Komen-Waasten', fr: 'Comines-Warneton' },
  armentieres: { code: '59017', nl: 'Armentiers', fr: 'Armentières' },
  comines: { code: '59152', nl: 'Comines', fr: 'Comines' },
  halluin: { code: '59279', nl: 'Halewijn', fr: 'Halluin' },
  lille: { code: '59350', nl: 'Rijsel', fr: 'Lille', population: '238246' },
  wervicqSud: { code: '59656', nl: 'Zuid-Wervik', fr: 'Wervicq-Sud' },
} as const;

export const COUNTS = { total: 258, BE: 105, FR: 153, services: 413 } as const;

/** Pages that exist in both languages, so a page can be matched with its translation. */
export type PageKey = 'home' | 'list' | 'profile' | 'about';
export const PAGE_KEYS: readonly PageKey[] = ['home', 'list', 'profile', 'about'];
export const pagePath = (l: Lang, key: PageKey, code: string = M.ieper.code): string =>
  key === 'profile' ? profilePath(l, code) : l[key];

/** A distance such as "2,8 km" or "2.8 km". */
export const KM = /\d+(?:[.,]\d+)?\s*km\b/;

export const ROW = '[data-testid="municipality-row"]';

/** Codes of the listed municipalities in display order, read from each row's profile link. */
export function rowCodes(page: Page): Promise<string[]> {
  return page.locator(ROW).evaluateAll((rows) =>
    rows.map((row) => {
      for (const a of Array.from(row.querySelectorAll('a'))) {
        const m = a.pathname.match(/\/(?:gemeenten|communes)\/([0-9A-Za-z]{5})\/?$/);
        if (m) return m[1];
      }
      return '';
    }),
  );
}

/** The number shown in `[data-testid="result-count"]` (its first run of digits). */
export async function resultCount(page: Page): Promise<number> {
  const text = await page.getByTestId('result-count').innerText();
  const m = text.match(/\d+/);
  expect(m, `no number in result count "${text}"`).not.toBeNull();
  return Number(m![0]);
}

/** Only the digits of a text ("238.246" or "238 246" -> "238246"). */
export const digits = (text: string): string => text.replace(/\D/g, '');

/** Path of an href, resolved against the page (hrefs may be absolute or relative). */
export const pathOf = (href: string | null, base: string): string => new URL(href ?? '', base).pathname.replace(/(.)\/$/, '$1');

export const mapLocator = (page: Page): Locator => page.locator('div.map[data-map]');

/** Scrolls the (first) map into view, as a reader would: maps are drawn, and Leaflet loaded, only
 *  when they come near the viewport. Then waits until map.js has drawn it. */
export async function waitForMap(page: Page, timeout = 15_000): Promise<Locator> {
  await mapLocator(page).first().scrollIntoViewIfNeeded();
  const map = page.locator('div.map[data-map-ready="true"]').first();
  await expect(map, 'map did not get data-map-ready="true"').toBeAttached({ timeout });
  return map;
}

/** Scrolls the (first) services map into view and waits until services-map.js has drawn it. */
export async function waitForServicesMap(page: Page, timeout = 15_000): Promise<Locator> {
  await page.locator('[data-services-map]').first().scrollIntoViewIfNeeded();
  const map = page.locator('[data-services-map][data-map-ready="true"]').first();
  await expect(map, 'services map did not get data-map-ready="true"').toBeAttached({ timeout });
  return map;
}

/** Waits until the page's islands have hydrated (the live-search island sets `window.__hydrated = true`).
 *  Only the search pages have an island; every other page is plain HTML and loads no wasm. */
export async function waitForHydration(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true, null, { timeout });
}

/** Waits for the islands if the page has any (it is plain HTML otherwise). */
export async function waitForIslands(page: Page): Promise<void> {
  if ((await page.locator('leptos-island').count()) > 0) await waitForHydration(page);
}
