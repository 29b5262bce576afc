import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, waitForBadge } from './support/browser';

// Issue 20, item 8: the popup's quick check reads phones, names and GitHub profile URLs for what they are, and
// sits where the rep sees it without scrolling.

const JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';

describe('the popup quick check in Chromium', () => {
  let heed: HeedBrowser;
  let page: Page;
  let popup: Page;
  beforeAll(async () => {
    heed = await launchHeed();
    page = await heed.context.newPage();
    await page.goto(JANE);
    await waitForBadge(page, (b) => b.level !== 'pending');
    const tabId = await heed.worker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]?.id, JANE);
    popup = await heed.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('#person-h').waitFor();
  });
  afterAll(async () => {
    await heed?.close();
  });

  const box = () => popup.getByLabel('Email, domain or profile URL');
  const check = async (text: string) => {
    await box().fill(text);
    await box().press('Enter');
  };

  it('is seen without scrolling, above the person’s verdict', async () => {
    const input = await box().boundingBox();
    const person = await popup.locator('#person-h').boundingBox();
    expect(input).not.toBeNull();
    expect((input?.y ?? 1e9) + (input?.height ?? 0)).toBeLessThanOrEqual(600);
    expect(input?.y ?? 1e9).toBeLessThan(person?.y ?? 0);
  });

  it('checks +447700900123 as a UK phone number, not a domain', async () => {
    await check('+447700900123');
    const result = popup.locator('.quick-result');
    await expect.poll(() => result.textContent()).toContain('phone number: +447700900123');
    expect(await popup.locator('.quick .error').count()).toBe(0);
    await check('+44 20 7946 0958');
    await expect.poll(() => result.textContent()).toContain('Country GB, from the number.');
  });

  it('says a name alone cannot be checked', async () => {
    await check('Jane Doe');
    await expect
      .poll(() => popup.locator('.quick .error').textContent())
      .toMatch(/A name alone cannot be checked/);
  });

  it('does not check a GitHub profile URL as the domain github.com', async () => {
    await check('https://github.com/octo-ada');
    await expect
      .poll(() => popup.locator('.quick .error').textContent())
      .toMatch(/GitHub profile, not a company domain/);
    expect(await popup.locator('.quick-result').count()).toBe(0);
  });
});
