import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HeedBrowser,
  launchHeed,
  loadDemoData,
  readBadges,
  tabIdOf,
  waitForBadge,
  waitForHeedIdle,
} from './support/browser';
import { fixturePage, servePage } from './support/sites';

describe('annotating contact pages with demo data loaded', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('shows blocked, with its reason, for a profile on the Do not contact list', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('blocked');
    expect(badge.text).toContain('objected to direct marketing');
    expect(badge.text).toContain('GDPR Art. 21');
    // Which list, and since when, stay in the popup: the page's renderer never holds them (issue 19, finding 9).
    expect(badge.text).toContain('On 1 of your lists');
    expect(badge.text).toContain('open the Heed popup');
    expect(badge.text).not.toContain('Do not contact');
    // The toolbar icon carries the level too.
    const tabId = await tabIdOf(heed, page);
    const text = await heed.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(text).toBe('NO');
    await page.close();
  });

  it('shows the recorded lawful basis for a German client with consent to email', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/max-mustermann/');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('caution');
    expect(badge.text).toMatch(/Email Allowed/);
    expect(badge.text).toContain('UWG');
    await page.close();
  });

  it('shows unknown, with the default-policy verdict, for a person nobody recorded', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/claire-dubois-42/');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('unknown');
    expect(badge.text).toContain('verdict from your defaults');
    await page.close();
  });

  it('follows the contact-info overlay: its email is looked up and the verdict follows', async () => {
    const page = await heed.context.newPage();
    // Ada's address is on the MD5 vendor list (email only); serve an overlay that shows it on a clean profile.
    const html = fixturePage('linkedin-contact-info-jane.html')
      .replaceAll('jane-doe-1a2b3c', 'ada-octo-77')
      .replaceAll('Jane Doe', 'Ada Octo')
      .replaceAll('jane.doe@gmail.com', 'ada@adaworks.example');
    servePage('https://www.linkedin.com/in/ada-octo-77/overlay/contact-info/', html);
    await page.goto('https://www.linkedin.com/in/ada-octo-77/overlay/contact-info/');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('high');
    expect(badge.text).toContain('On 1 of your lists');
    expect(badge.text).not.toContain('Vendor suppression (MD5)');
    expect(badge.text).toMatch(/Email Blocked/);
    await page.close();
  });

  it('marks each email and phone in the contact-info overlay, with bare, identical hosts (issue 20, item 4)', async () => {
    const page = await heed.context.newPage();
    // Ada's address is on the MD5 vendor list (email only); her number is on no list.
    const html = fixturePage('linkedin-contact-info-jane.html')
      .replaceAll('jane-doe-1a2b3c', 'ada-marks-78')
      .replaceAll('Jane Doe', 'Ada Marks')
      .replaceAll('jane.doe@gmail.com', 'ada@adaworks.example');
    servePage('https://www.linkedin.com/in/ada-marks-78/overlay/contact-info/', html);
    await page.goto('https://www.linkedin.com/in/ada-marks-78/overlay/contact-info/');
    await waitForBadge(page);
    const markers = async () => (await readBadges(page)).filter((b) => b.marker);
    await expect.poll(async () => (await markers()).length).toBe(2);
    // Each its own verdict, in page order (the overlay lists the number first): the number is on no list, the
    // address is on one for email, so some channel is blocked.
    expect((await markers()).map((m) => [m.level, m.text])).toEqual([
      ['unknown', 'Unknown'],
      ['high', 'High risk'],
    ]);
    // The page sees two bare hosts, right after the link and inside the number's element, and no words.
    const seen = await page.evaluate(() => {
      const link = document.querySelector('a[href^="mailto:ada@"]');
      const hosts = [link?.nextElementSibling, document.querySelector('.Tn1uU2mm')?.lastElementChild];
      return hosts.map((h) => [h?.tagName, h?.attributes.length, h?.shadowRoot, h?.textContent]);
    });
    expect(seen).toEqual([
      ['SPAN', 0, null, ''],
      ['SPAN', 0, null, ''],
    ]);
    // The overlay closes: its markers go with it, and the badge stays.
    await page.evaluate(() => document.querySelector('[role="dialog"]')?.remove());
    await expect.poll(async () => (await markers()).length).toBe(0);
    // (The person changed, so the badge asks again: wait for its answer.)
    await waitForBadge(page);
    expect(await readBadges(page)).toHaveLength(1);
    await page.close();
  });

  it('re-annotates on in-app navigation between two profiles and never leaves a stale badge', async () => {
    const jane = fixturePage('linkedin-profile-jane.html');
    const max = fixturePage('linkedin-profile-max.html');
    // A single-page-app shell: clicking swaps the DOM to Max's profile and pushes his URL, without a page load.
    const spa = jane.replace(
      '</body>',
      `<script>
        window.__maxHtml = ${JSON.stringify(max)};
        document.addEventListener('keydown', (e) => {
          if (e.key !== 'n') return;
          const doc = new DOMParser().parseFromString(window.__maxHtml, 'text/html');
          document.title = doc.title;
          document.body.replaceWith(doc.body);
          history.pushState({}, '', '/in/max-mustermann/');
        });
      </script></body>`,
    );
    servePage('https://www.linkedin.com/in/jane-doe-1a2b3c/?spa=1', spa);
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/?spa=1');
    expect((await waitForBadge(page)).level).toBe('blocked');
    await page.keyboard.press('n');
    await expect.poll(() => page.url()).toBe('https://www.linkedin.com/in/max-mustermann/');
    const after = await waitForBadge(page, (b) => b.level === 'caution');
    expect(after.text).not.toContain('objected to direct marketing');
    expect(await readBadges(page)).toHaveLength(1);
    await page.close();
  });

  it('annotates a Sales Navigator lead through the public profile it links to', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('blocked');
    expect(badge.text).toContain('objected to direct marketing');
    await page.close();
  });

  it('annotates a GitHub user profile and leaves a repository page alone', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://github.com/octo-ada');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('high');
    await page.goto('https://github.com/octo-ada/heed-demo');
    // The content script runs on the repository page and has looked: only then is "no badge" news.
    await waitForHeedIdle(page);
    expect(await readBadges(page)).toEqual([]);
    await page.close();
  });

  it('puts a marker on every visible address when a page is scanned, and none on hidden ones', async () => {
    // A team page on a host Heed may script (github.com); on other sites the popup's click grants activeTab.
    servePage('https://github.com/acme-team/people', fixturePage('team-page.html'));
    const page = await heed.context.newPage();
    await page.goto('https://github.com/acme-team/people');
    const tabId = await tabIdOf(heed, page);
    const popup = await heed.openExtensionPage('popup.html');
    const result = await popup.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'scan-tab', tabId: id }),
      tabId,
    );
    expect(result).toEqual({
      ok: true,
      value: { injected: true, summary: { emails: 4, phones: 0, mine: [] } },
    });
    await expect.poll(async () => (await readBadges(page)).length).toBe(4);
    const levels = (await readBadges(page)).map((b) => b.level).sort();
    // Four visible addresses (the hidden, off-screen, form and script ones get none): Max's is on his contact
    // record (a German client: caution), the other three are unknown to the demo data.
    expect(levels).toEqual(['caution', 'unknown', 'unknown', 'unknown']);
    await popup.close();
    await page.close();
  });

  it('sent nothing from the extension to the network', () => {
    expect(heed.extensionRequests).toEqual([]);
  });
});
