import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

// Taking part (issue 23): an admin opens a meeting for registration; residents register
// (with and without JavaScript), one gets the last seat, the next the waiting list; the
// letters arrive at the real SMTP server the test command runs (aiosmtpd, Maildir in
// E2E_MAILDIR); a cancellation gives the seat to the waiting list; a person downloads
// and deletes their data. The accounts are made by .ci/test.sh.
const PASSWORD = process.env.E2E_STAFF_PASSWORD || 'e2e staff password 2026';
const ADMIN = 'admin@grensdiensten.test';
const IEPER = 'redactie@ieper.test';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MAILDIR = process.env.E2E_MAILDIR;

const S = {
  nl: {
    signIn: '/nl/beheer/aanmelden',
    newEvent: '/nl/beheer/agenda/nieuw',
    confirmed: 'Inschrijving bevestigd',
    waitingSubject: 'Op de wachtlijst',
    promoted: 'Er is een plaats voor u',
    waiting: 'op de wachtlijst, plaats 1',
    seats: 'Er is nog 1 plaats vrij.',
    registrationPage: '/nl/inschrijving/',
  },
  fr: {
    signIn: '/fr/gestion/connexion',
    newEvent: '/fr/gestion/agenda/nouveau',
    confirmed: 'Inscription confirmée',
    waitingSubject: 'Sur la liste d’attente',
    promoted: 'Une place vous attend',
    waiting: 'sur la liste d’attente, position 1',
    seats: 'Il reste 1 place.',
    registrationPage: '/fr/inscription/',
  },
} as const;

interface Letter {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Every letter the SMTP server has received. */
async function letters(): Promise<Letter[]> {
  if (!MAILDIR) throw new Error('E2E_MAILDIR is not set: run the suite with .ci/test.sh');
  const out: Letter[] = [];
  for (const sub of ['new', 'cur']) {
    let files: string[] = [];
    try {
      files = readdirSync(join(MAILDIR, sub));
    } catch {
      continue;
    }
    for (const file of files) {
      const parsed = await simpleParser(readFileSync(join(MAILDIR, sub, file)));
      const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
      out.push({
        to: to?.value[0]?.address ?? '',
        subject: parsed.subject ?? '',
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
      });
    }
  }
  return out;
}

/** Waits for the letter to `to` whose subject starts with `subject` (the mail task sends every few seconds). */
async function letterTo(to: string, subject: string): Promise<Letter> {
  let found: Letter | undefined;
  await expect
    .poll(async () => {
      found = (await letters()).find((l) => l.to === to && l.subject.startsWith(subject));
      return found !== undefined;
    }, { timeout: 20_000, message: `a letter "${subject}" to ${to}` })
    .toBe(true);
  return found!;
}

async function signIn(page: Page, lang: 'nl' | 'fr', email: string) {
  await page.goto(S[lang].signIn);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.locator('form[action^="/api/sign_in"] button[type="submit"]').click();
  await expect(page.getByTestId('staff-account')).toHaveText(email);
}

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations, JSON.stringify(violations.map((v) => [v.id, v.nodes.map((n) => n.target)]))).toEqual([]);
}

/** An admin publishes a meeting in Ieper two months ahead and opens it with one seat. */
async function openMeeting(page: Page, lang: 'nl' | 'fr', stamp: string): Promise<string> {
  await signIn(page, lang, ADMIN);
  await page.goto(S[lang].newEvent);
  await page.locator('#coop-title_nl').fill(`Grensoverleg ${stamp}`);
  await page.locator('#coop-title_fr').fill(`Concertation frontalière ${stamp}`);
  await page.locator('#coop-summary_nl').fill('Burgemeesters van beide kanten bespreken samen de gedeelde diensten.');
  await page.locator('#coop-summary_fr').fill('Les maires des deux côtés discutent ensemble des services partagés.');
  await page.locator('#coop-audience_nl').fill('Burgemeesters, schepenen en gemeentepersoneel');
  await page.locator('#coop-audience_fr').fill('Maires, adjoints et personnel communal');
  await page.locator('#coop-kind').selectOption({ index: 1 });
  const start = new Date(Date.now() + 60 * 24 * 3600 * 1000);
  const day = start.toISOString().slice(0, 10);
  await page.locator('#coop-starts_at').fill(`${day}T14:00`);
  await page.locator('#coop-place_name').fill('Stadhuis');
  await page.locator('#coop-place_address').fill('Grote Markt 1, 8900 Ieper');
  await page.locator('#coop-place_municipality').fill('33011');
  await page.getByTestId('action-publish').click();
  await expect(page.getByTestId('record-status')).toBeVisible();
  const id = page.url().split('/').pop()!.split('?')[0];
  await page.getByTestId('registrations-link').click();
  const settings = page.getByTestId('registration-settings');
  await settings.locator('input[name="f[open]"]').check();
  await settings.locator('#signup-capacity').fill('1');
  await settings.locator('#signup-deadline').fill(`${day}T12:00`);
  await settings.locator('input[name="f[question_role]"]').check();
  await settings.locator('input[name="f[question_municipality]"]').check();
  await settings.locator('input[name="f[language_nl]"]').check();
  await settings.locator('input[name="f[language_fr]"]').check();
  await page.getByTestId('registration-settings-save').click();
  await expect(page.getByTestId('staff-notice')).toBeVisible();
  await axe(page);
  return id;
}

/**
 * A resident registers through the meeting's page. The form answers the same whether the
 * address was new or already registered ("a letter is on its way"), so the person's page
 * is reached through the link in their letter (`subject`); returns that page's URL.
 */
async function register(browser: Browser, js: boolean, lang: 'nl' | 'fr', id: string, name: string, email: string, subject: string) {
  const context = await browser.newContext({ javaScriptEnabled: js });
  const page = await context.newPage();
  await page.goto(`/${lang}/agenda/${id}`);
  await page.getByTestId('register-link').click();
  await page.locator('#registration-name').fill(name);
  await page.locator('#registration-email').fill(email);
  await page.locator('input[name="f[role]"][value="resident"]').check();
  await page.locator('#registration-municipality').selectOption('59350');
  await page.locator(`input[name="f[language]"][value="${lang}"]`).check();
  await page.locator('input[name="f[consent]"]').check();
  await page.getByTestId('registration-submit').click();
  await expect(page.getByTestId('registration-sent')).toBeVisible();
  expect(page.url()).toMatch(/\?sent=1$/);
  const letter = await letterTo(email, subject);
  const link = new URL(letter.text.match(/https?:\/\/\S+/)![0]).pathname;
  expect(link).toMatch(new RegExp(`^${S[lang].registrationPage}[A-Za-z0-9_-]{20,}$`));
  await page.goto(link);
  await expect(page.getByTestId('registration-standing')).toBeVisible();
  return { page, context, url: page.url() };
}

for (const lang of ['nl', 'fr'] as const) {
  for (const js of [true, false]) {
    test(`${lang}${js ? '' : ' without JavaScript'}: register for a meeting, the waiting list, letters, cancel and delete`, async ({ page, browser }) => {
      test.slow();
      const stamp = `${lang}${js ? 'js' : 'nojs'}${Date.now()}`;
      const id = await openMeeting(page, lang, stamp);

      // The meeting's page says one seat is left.
      const visitor = await browser.newContext({ javaScriptEnabled: js });
      const look = await visitor.newPage();
      await look.goto(`/${lang}/agenda/${id}`);
      await expect(look.getByTestId('registration-state')).toContainText(S[lang].seats);
      await look.getByTestId('register-link').click();
      // axe runs in the page: only where JavaScript is on (the same pages are checked there).
      if (js) await axe(look);
      // An empty form: every field at fault is named, nothing is stored.
      await look.locator('#registration-name').fill('Zoë');
      await look.getByTestId('registration-submit').click();
      await expect(look.getByTestId('registration-error')).toBeVisible();
      await expect(look.locator('#registration-email')).toHaveAttribute('aria-invalid', 'true');
      await expect(look.locator('#registration-consent-error, #registration-role-error')).toHaveCount(2);
      await expect(look.locator('#registration-name')).toHaveValue('Zoë');
      // What was typed comes back from the server, never through the URL.
      expect(look.url()).not.toContain('name=');
      if (js) await axe(look);
      await visitor.close();

      const first = `first-${stamp}@example.be`;
      const second = `second-${stamp}@example.fr`;
      const one = await register(browser, js, lang, id, `Anna ${stamp}`, first, S[lang].confirmed);
      await expect(one.page.getByTestId('registration-standing')).toHaveAttribute('data-standing', 'confirmed');
      if (js) await axe(one.page);
      const two = await register(browser, js, lang, id, `Bruno ${stamp}`, second, S[lang].waitingSubject);
      await expect(two.page.getByTestId('registration-standing')).toHaveText(S[lang].waiting);

      // The confirmation letter carries the person's link (it opened their page).
      const confirmation = await letterTo(first, S[lang].confirmed);
      expect(confirmation.html).toContain(new URL(one.url).pathname);

      // The first cancels: the second has the seat and a letter saying so.
      await one.page.goto(one.url);
      await one.page.getByTestId('registration-cancel').getByRole('button').click();
      await expect(one.page.getByTestId('registration-done')).toBeVisible();
      await expect(one.page.getByTestId('registration-standing')).toHaveAttribute('data-standing', 'cancelled');
      await two.page.goto(two.url);
      await expect(two.page.getByTestId('registration-standing')).toHaveAttribute('data-standing', 'confirmed');
      await letterTo(second, S[lang].promoted);

      // The staff list counts them; an editor of Ieper (the meeting's municipality) sees it too.
      await page.goto(`/${lang}/${lang === 'nl' ? 'beheer/agenda' : 'gestion/agenda'}/${id}/${lang === 'nl' ? 'inschrijvingen' : 'inscriptions'}`);
      await expect(page.getByTestId('registrant')).toHaveCount(2);
      await expect(page.getByTestId('counts-by-country')).toContainText('1');

      // Their data, downloaded, then deleted.
      const download = await two.page.request.get(await two.page.getByTestId('registration-download').getAttribute('href') as string);
      expect(download.headers()['cache-control']).toBe('no-store');
      expect((await download.json()).email).toBe(second);
      await two.page.getByTestId('registration-delete').getByRole('button').click();
      await expect(two.page).toHaveURL(new RegExp(`/${lang}/agenda/${id}\\?deleted=1$`));
      await expect(two.page.getByTestId('registration-deleted')).toBeVisible();
      const gone = await two.page.goto(two.url);
      expect(gone?.status()).toBe(404);
      await one.context.close();
      await two.context.close();
    });
  }

  test(`${lang}: the editor of the meeting's municipality manages its registrations`, async ({ page, browser }) => {
    test.slow();
    const id = await openMeeting(page, lang, `${lang}scope${Date.now()}`);
    const editor = await browser.newContext();
    const editorPage = await editor.newPage();
    await signIn(editorPage, lang, IEPER);
    const path = `/${lang}/${lang === 'nl' ? 'beheer/agenda' : 'gestion/agenda'}/${id}/${lang === 'nl' ? 'inschrijvingen' : 'inscriptions'}`;
    // Ieper's editor: the meeting is in Ieper.
    const allowed = await editorPage.goto(path);
    expect(allowed?.status()).toBe(200);
    await expect(editorPage.getByTestId('registration-settings')).toBeVisible();
    await editor.close();
  });
}

const CALLS = {
  nl: { staff: '/nl/beheer/oproepen', idea: '/nl/idee/', received: 'Idee ontvangen', info: 'Uw idee: meer informatie gevraagd', accepted: 'Uw idee: aanvaard' },
  fr: { staff: '/fr/gestion/appels', idea: '/fr/idee/', received: 'Idée reçue', info: 'Votre idée : informations demandées', accepted: 'Votre idée : retenue' },
} as const;

for (const lang of ['nl', 'fr'] as const) {
  for (const js of [true, false]) {
    test(`${lang}${js ? '' : ' without JavaScript'}: a call for ideas, an idea, a question answered through the link, a pilot project`, async ({ page, browser }) => {
      test.slow();
      const c = CALLS[lang];
      const stamp = `${lang}${js ? 'js' : 'nojs'}${Date.now()}`;
      const today = new Date().toISOString().slice(0, 10);
      const later = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      await signIn(page, lang, ADMIN);
      await page.goto(c.staff);
      const form = page.getByTestId('call-form');
      await form.locator('#call-title_nl').fill(`Oproep ${stamp}`);
      await form.locator('#call-title_fr').fill(`Appel ${stamp}`);
      await form.locator('#call-text_nl').fill('Stel een idee voor dat inwoners van beide kanten samenbrengt.');
      await form.locator('#call-text_fr').fill('Proposez une idée qui rassemble les habitants des deux côtés.');
      await form.locator('#call-criteria_nl').fill('Grensoverschrijdend en haalbaar binnen een jaar.');
      await form.locator('#call-criteria_fr').fill('Transfrontalier et réalisable en un an.');
      await form.locator('#call-theme').fill('participation');
      await form.locator('#call-opens_on').fill(today);
      await form.locator('#call-closes_on').fill(later);
      await form.locator('#call-project').fill('partons-2-0');
      await form.locator('input[name="f[published]"]').check();
      await page.getByTestId('call-save').click();
      await expect(page.getByTestId('staff-notice')).toBeVisible();
      const callId = page.url().split('/').pop()!.split('?')[0];
      await axe(page);

      // A resident finds the call from the projects page and submits an idea.
      const resident = await browser.newContext({ javaScriptEnabled: js });
      const r = await resident.newPage();
      await r.goto(lang === 'nl' ? '/nl/projecten' : '/fr/projets');
      await r.getByTestId('calls-link').click();
      await r.getByRole('link', { name: lang === 'nl' ? `Oproep ${stamp}` : `Appel ${stamp}` }).click();
      if (js) await axe(r);
      const email = `idea-${stamp}@example.be`;
      await r.locator('#idea-title').fill(`Grensmarkt ${stamp}`);
      await r.locator('#idea-summary').fill('Een wekelijkse markt met producenten van beide kanten van de grens.');
      await r.locator('#idea-municipalities').fill('33029, 99999');
      await r.locator('input[name="f[submitter]"][value="association"]').check();
      await r.locator('#idea-name').fill('Vzw Grensmarkt');
      await r.locator('#idea-email').fill(email);
      await r.locator('input[name="f[consent]"]').check();
      await r.getByTestId('idea-submit').click();
      // The unknown code is named; what was typed is kept (not the address).
      await expect(r.locator('#idea-municipalities')).toHaveAttribute('aria-invalid', 'true');
      await expect(r.locator('#idea-title')).toHaveValue(`Grensmarkt ${stamp}`);
      expect(r.url()).not.toContain('title=');
      if (js) await axe(r);
      await r.locator('#idea-municipalities').fill('33029, 59656');
      await r.locator('#idea-email').fill(email);
      await r.locator('input[name="f[consent]"]').check();
      await r.getByTestId('idea-submit').click();
      await expect(r).toHaveURL(new RegExp(`${c.idea}[A-Za-z0-9_-]{20,}\\?new=1$`));
      await expect(r.getByTestId('idea-status')).toHaveAttribute('data-status', 'received');
      if (js) await axe(r);
      const received = await letterTo(email, c.received);
      const link = new URL(received.text.match(/https?:\/\/\S+/)![0]).pathname;

      // Staff ask a question; the resident answers through the link from the letter.
      await page.goto(`${c.staff}/${callId}`);
      const card = page.getByTestId('staff-idea').filter({ hasText: `Grensmarkt ${stamp}` });
      await card.locator('textarea[name="f[text]"]').first().fill('Wie zorgt voor de vergunning?');
      await card.getByTestId('idea-info').click();
      await expect(page.getByTestId('staff-notice')).toBeVisible();
      await letterTo(email, c.info);
      await r.goto(link);
      await expect(r.getByTestId('idea-messages')).toContainText('Wie zorgt voor de vergunning?');
      await r.locator('#idea-answer-text').fill('De stad en de mairie samen.');
      await r.getByTestId('idea-answer').getByRole('button').click();
      await expect(r.getByTestId('idea-answered')).toBeVisible();

      // Accepted: a draft pilot project; the idea is public on the call's page.
      await page.goto(`${c.staff}/${callId}`);
      await page.getByTestId('staff-idea').filter({ hasText: `Grensmarkt ${stamp}` }).getByTestId('idea-accept').click();
      await expect(page.getByTestId('idea-project')).toBeVisible();
      await letterTo(email, c.accepted);
      await r.goto(`/${lang}/${lang === 'nl' ? 'oproepen' : 'appels'}/${callId}`);
      await expect(r.getByTestId('accepted-idea')).toContainText(`Grensmarkt ${stamp}`);
      await expect(r.getByTestId('accepted-idea')).toContainText(lang === 'nl' ? 'Zuid-Wervik' : 'Wervicq-Sud');
      await resident.close();
    });
  }
}

test.describe('personal data pages', () => {
  for (const [path, link, heading] of [
    ['/nl/privacy', 'Privacy', 'Privacy'],
    ['/fr/confidentialite', 'Vie privée', 'Vie privée'],
    ['/nl/toegankelijkheid', 'Toegankelijkheid', 'Toegankelijkheidsverklaring'],
    ['/fr/accessibilite', 'Accessibilité', 'Déclaration d’accessibilité'],
    ['/nl/juridische-informatie', 'Juridische informatie', 'Juridische informatie'],
    ['/fr/mentions-legales', 'Mentions légales', 'Mentions légales'],
  ] as const) {
    test(`${path} is linked from every page's footer and has no axe violations`, async ({ page }) => {
      await page.goto(path.startsWith('/nl') ? '/nl/agenda' : '/fr/services');
      await page.locator('.site-footer').getByRole('link', { name: link, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await axe(page);
    });
  }
});
