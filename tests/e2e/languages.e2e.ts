import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, loadDemoData, tabIdOf, waitForBadge } from './support/browser';

// The language setting reaches what content scripts draw on a page (issue 17): the background answers
// `page-strings` and builds its summaries in the settings' language.
describe('the badge in the language of the settings', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
    // The setting, stored as the options page stores it (its select is another area's work).
    await heed.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('heed');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('settings', 'readwrite');
            const store = tx.objectStore('settings');
            const get = store.get('settings');
            get.onsuccess = () => {
              const value = (get.result as { value?: object } | undefined)?.value ?? {};
              store.put({ key: 'settings', value: { ...value, language: 'de' } });
            };
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    // A page tells the background the store changed, as the options page does after saving.
    const options = await heed.openExtensionPage('options.html');
    await options.evaluate(() => chrome.runtime.sendMessage({ type: 'store-changed' }));
    await options.close();
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('German words on the badge, German reasons with their citations, and a German toolbar', async () => {
    const page = await heed.context.newPage();
    await page.goto('https://www.linkedin.com/in/jane-doe-1a2b3c/');
    const badge = await waitForBadge(page);
    expect(badge.level).toBe('blocked');
    for (const words of [
      'Gesperrt',
      'Kanäle',
      'Auf 1 Ihrer Listen',
      'Widerspruch erfassen',
      'Rechtliche Details',
    ])
      expect(badge.text).toContain(words);
    expect(badge.text).toContain('Art. 21'); // the citation stays as it is
    expect(badge.text).not.toMatch(/Channels|Record opt-out|of your lists|objected to direct marketing/);
    const tabId = await tabIdOf(heed, page);
    const toolbar = await heed.worker.evaluate(
      async (id) => ({
        text: await chrome.action.getBadgeText({ tabId: id }),
        title: await chrome.action.getTitle({ tabId: id }),
      }),
      tabId,
    );
    expect(toolbar.text).toBe('NEIN');
    expect(toolbar.title).toMatch(/^Heed: Gesperrt — /);
    await page.close();
  });
});
