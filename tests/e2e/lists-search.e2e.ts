import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, loadDemoData } from './support/browser';

// Issue 20, item 12: a list's entries are found by part of their value, not only by the exact value.

describe('list entry search in Chromium', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    await loadDemoData(heed);
  });
  afterAll(async () => {
    await heed?.close();
  });

  it('finds a domain entry by part of its name and a hash by its first digits', async () => {
    const page = await heed.openExtensionPage('options.html#/lists');
    const search = async (q: string) => {
      await page.getByLabel('Find an entry (email, hash, domain, profile URL or phone)').fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
    };
    const results = page.getByRole('table', { name: /Search results/ });

    await page.getByRole('button', { name: 'Demo — Competitors (email only)' }).click();
    await search('rival');
    await results.waitFor();
    expect(await results.locator('tbody tr').allTextContents()).toEqual([
      expect.stringContaining('rival.example'),
    ]);

    await page.getByRole('button', { name: 'Demo — Vendor suppression (MD5)' }).click();
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Demo — Vendor suppression (MD5)' }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    // md5('ada@adaworks.example') starts with these digits; a middle run of digits finds nothing.
    const first = (await page.locator('.ol-scroll tbody tr td.ol-value').first().textContent()) ?? '';
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    await search(first.slice(0, 6).toUpperCase());
    await expect.poll(() => results.locator('tbody tr td.ol-value').allTextContents()).toContain(first);
    await page.close();
  });
});
