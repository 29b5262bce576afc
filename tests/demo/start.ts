// `npm start`: Heed running on the demo pages with the demo data loaded. With a display it opens a Chromium
// window to use (close it to stop); without one it runs headless, screenshots each page into demo-screenshots/
// and prints each page's verdict. HEED_LANG=de or HEED_LANG=fr sets Heed's language setting (as a user would, in
// Options → Settings) before any page opens, and the screenshots carry the language in their file names.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { type HeedBrowser, launchHeed, loadDemoData, tabIdOf, waitForBadge } from '../e2e/support/browser';
import { readSendChecks } from '../e2e/support/send-check';

const PAGES = [
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/max-mustermann/',
  'https://www.linkedin.com/in/emma-tremblay/',
  'https://github.com/octo-ada',
  'https://www.linkedin.com/in/claire-dubois-42/',
  'https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/',
  'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz',
  // Not annotated by itself: open Heed from the toolbar there and press "Scan this page".
  'https://acme.example/team/',
];
// A Gmail compose box with a blocked recipient (Ada's address is on the vendor suppression list): press Send.
const COMPOSE = 'https://mail.google.com/mail/u/3/';

const LANGS = ['en', 'de', 'fr'] as const;
const lang = process.env.HEED_LANG?.trim().toLowerCase() || undefined;
if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
  console.error(
    `HEED_LANG=${process.env.HEED_LANG} is not a language Heed speaks: use one of ${LANGS.join(', ')}.`,
  );
  process.exit(2);
}
/** "-de" in a screenshot's name when a language was asked for. */
const langSuffix = lang ? `-${lang}` : '';

/** Sets Heed's language in Options → Settings, as a user does; the page reloads in it once saved. */
async function chooseLanguage(heed: HeedBrowser, choice: string): Promise<void> {
  const page = await heed.openExtensionPage('options.html#settings');
  // The select is found by its id-independent place (the first select of the form) so any current language works.
  const select = page.locator('form.ot-form select').first();
  await select.waitFor();
  await select.selectOption(choice);
  await Promise.all([page.waitForEvent('load'), page.locator('form.ot-form button[type="submit"]').click()]);
  await page.waitForFunction((l) => document.documentElement.lang === l, choice);
  await page.close();
}

const headed = Boolean(process.env.DISPLAY) && process.env.HEED_HEADLESS !== '1';
const heed = await launchHeed({ headless: !headed });
console.log(
  `Heed loaded as extension ${heed.extensionId}; demo pages are served locally at their real addresses.`,
);
await loadDemoData(heed);
console.log(
  'Demo data loaded (demo lists: Demo — Do not contact, Demo — Vendor suppression (MD5), Demo — Competitors; two demo contacts).\n',
);
if (lang) {
  await chooseLanguage(heed, lang);
  console.log(`Heed's language is set to ${lang} (Options → Settings → Language).\n`);
}

if (headed) {
  for (const url of [...PAGES, COMPOSE]) await (await heed.context.newPage()).goto(url);
  const options = await heed.openExtensionPage('options.html');
  await options.bringToFront();
  console.log('Chromium is open with a tab per demo page and the options page. Close the window to stop.');
  await new Promise<void>((resolve) => heed.context.on('close', () => resolve()));
  await heed.close().catch(() => undefined);
} else {
  const dir = fileURLToPath(new URL('../../demo-screenshots/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  for (const [i, url] of PAGES.entries()) {
    const page = await heed.context.newPage();
    await page.goto(url);
    const badge = await waitForBadge(page, undefined, 3000).catch(() => undefined);
    // Open the verdict panel for the picture.
    if (badge)
      await page
        .locator('h1 > span:last-child')
        .first()
        .click({ timeout: 2000 })
        .catch(() => undefined);
    const file = join(
      dir,
      `${String(i + 1).padStart(2, '0')}-${new URL(url).pathname.split('/').filter(Boolean).slice(0, 2).join('-') || 'page'}${langSuffix}.png`,
    );
    await page.screenshot({ path: file });
    if (i === 0) await popupShot(heed, page, join(dir, `popup${langSuffix}.png`));
    const summary = badge
      ? `${badge.level.padEnd(8)} ${badge.text.split(' Nothing recorded')[0]?.slice(0, 110)}`
      : 'not annotated by itself (a page Heed does not cover): use the popup\'s "Scan this page"';
    console.log(`${url}\n  → ${summary}\n  screenshot: ${file}`);
    await page.close();
  }
  const compose = await heed.context.newPage();
  await compose.goto(COMPOSE);
  let check = '';
  for (let i = 0; i < 50 && check !== 'blocked'; i++) {
    check = (await readSendChecks(compose))[0]?.state ?? '';
    if (check !== 'blocked') await compose.waitForTimeout(100);
  }
  await compose.click('#compose-1 [data-tooltip^="Send"]');
  await compose.waitForTimeout(300);
  const composeShot = join(
    dir,
    `${String(PAGES.length + 1).padStart(2, '0')}-gmail-compose${langSuffix}.png`,
  );
  await compose.screenshot({ path: composeShot });
  const sentCount = await compose.evaluate(() => (window as unknown as { __sent: unknown[] }).__sent.length);
  console.log(
    `${COMPOSE}\n  → send check ${check || 'missing'}; Send pressed: ${sentCount === 0 ? 'stopped by Heed' : 'sent'}\n  screenshot: ${composeShot}`,
  );
  await compose.close();
  const optionsShot = join(dir, `options${langSuffix}.png`);
  const options = await heed.openExtensionPage('options.html');
  await options.screenshot({ path: optionsShot, fullPage: true });
  console.log(`\nOptions page: ${optionsShot}`);
  const settingsShot = join(dir, `options-settings${langSuffix}.png`);
  const settings = await heed.openExtensionPage('options.html#settings');
  await settings.locator('form.ot-form').waitFor();
  await settings.screenshot({ path: settingsShot, fullPage: true });
  console.log(`Options → Settings: ${settingsShot}`);
  const myDataShot = join(dir, `mydata${langSuffix}.png`);
  const myData = await heed.openExtensionPage('mydata.html');
  await myData.locator('h1').first().waitFor();
  await myData.screenshot({ path: myDataShot, fullPage: true });
  console.log(`My data: ${myDataShot}`);
  console.log(`Requests the extension sent to the network: ${heed.extensionRequests.length}`);
  await heed.close();
}

/** The toolbar popup for the tab showing `page`, as the person on that page sees it. */
async function popupShot(heed: HeedBrowser, page: Page, file: string): Promise<void> {
  const popup = await heed.openExtensionPage(`popup.html?tabId=${await tabIdOf(heed, page)}`);
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup
    .locator('#person-h')
    .waitFor({ timeout: 5000 })
    .catch(() => undefined);
  await popup.screenshot({ path: file });
  console.log(`  popup: ${file}`);
  await popup.close();
}
