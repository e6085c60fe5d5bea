import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { LANGS } from './helpers';

const PLATFORM = 'kennisplatform-intergemeentelijk-samenwerken-2015-12-03';

/** What each language shows of the knowledge platform's meeting (facts of its seed page). */
const AGENDA = {
  nl: {
    nav: 'Agenda',
    title: 'Kennisplatform Intergemeentelijk Samenwerken – eerste bijeenkomst',
    when: '3 december 2015, 14:00–17:00',
    firstItem: 'Brugse regio: situering van het Burgemeestersoverleg',
    firstSpeaker: 'door Renaat Landuyt',
    registration: 'Inschrijven kon tot 23 november 2015',
    recurring: 'Lokaal overleg van de grensgemeenten',
  },
  fr: {
    nav: 'Agenda',
    title: 'Plateforme de connaissances sur la coopération intercommunale – première réunion',
    when: '3 décembre 2015, 14:00–17:00',
    firstItem: 'Région de Bruges : présentation de la concertation des bourgmestres',
    firstSpeaker: 'par Renaat Landuyt',
    registration: 'Les inscriptions étaient ouvertes jusqu’au 23 novembre 2015',
    recurring: 'Concertation locale des communes frontalières',
  },
} as const;

for (const l of LANGS) {
  const a = AGENDA[l.lang];
  for (const js of [true, false]) {
    test.describe(`${l.lang}: agenda${js ? '' : ' without JavaScript'}`, () => {
      test.use({ javaScriptEnabled: js });

      test('open the agenda, the Beernem meeting and its agenda items', async ({ page }) => {
        await page.goto(l.home);
        await page.locator('.site-nav').getByRole('link', { name: a.nav, exact: true }).click();
        await expect(page).toHaveURL(new RegExp(`/${l.lang}/agenda$`));
        await expect(page.getByTestId('past').getByTestId('event')).toHaveCount(1);
        await expect(page.getByTestId('recurring').getByTestId('event')).toHaveCount(2);
        await expect(page.getByTestId('recurring')).toContainText(a.recurring);
        await expect(page.getByTestId('past').getByTestId('event-when')).toHaveText(a.when);
        await page.getByRole('link', { name: a.title }).click();
        await expect(page).toHaveURL(new RegExp(`/${l.lang}/agenda/${PLATFORM}$`));
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(a.title);
        await expect(page.getByTestId('event-when')).toContainText(a.when);
        await expect(page.getByTestId('place')).toContainText('OC De Kleine Beer');
        await expect(page.getByTestId('place')).toContainText('8730 Beernem');
        await expect(page.getByTestId('organiser')).toContainText('WVI');
        await expect(page.getByTestId('registration')).toContainText(a.registration);
        const items = page.getByTestId('agenda-item');
        await expect(items).toHaveCount(6);
        await expect(items.first()).toContainText(a.firstItem);
        await expect(items.first()).toContainText(a.firstSpeaker);
        await expect(items.last()).toContainText('Peter Sellenslagh (CIPAL)');
        // The language switch keeps the meeting.
        await page.getByTestId('lang-switch').click();
        await expect(page).toHaveURL(new RegExp(`/${l.other}/agenda/${PLATFORM}$`));
      });

      test('download the agenda as iCalendar', async ({ page }) => {
        await page.goto(`/${l.lang}/agenda`);
        const download = page.waitForEvent('download');
        await page.getByTestId('agenda-ics').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe('agenda.ics');
        const ics = await readFile((await file.path())!, 'utf8');
        expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
        expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n');
        expect(ics).toContain('DTSTART;TZID=Europe/Brussels:20151203T140000\r\n');
        expect(ics).toContain(`UID:${PLATFORM}@`);
        // Unfolded, the summary is in the page's language.
        expect(ics.replace(/\r\n /g, '')).toContain(`SUMMARY:${a.title}\r\n`);
        expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      });

      test('download one meeting as iCalendar', async ({ page }) => {
        await page.goto(`/${l.lang}/agenda/${PLATFORM}`);
        const download = page.waitForEvent('download');
        await page.getByTestId('event-ics').click();
        const file = await download;
        expect(file.suggestedFilename()).toBe(`${PLATFORM}.ics`);
        const ics = await readFile((await file.path())!, 'utf8');
        expect(ics).toContain('BEGIN:VCALENDAR');
        expect(ics).toContain('DTEND;TZID=Europe/Brussels:20151203T170000\r\n');
      });
    });
  }

  test(`${l.lang}: a recurring meeting has no download and a missing one is 404`, async ({ page }) => {
    await page.goto(`/${l.lang}/agenda/elsene-burgerontmoetingen-per-wijk`);
    await expect(page.getByTestId('agenda-item')).toHaveCount(3);
    await expect(page.getByTestId('event-ics')).toHaveCount(0);
    const missing = await page.goto(`/${l.lang}/agenda/bestaat-niet`);
    expect(missing?.status()).toBe(404);
  });
}
