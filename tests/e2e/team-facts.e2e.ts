import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HeedBrowser, launchHeed, waitForBadge } from './support/browser';
import { fixturePage, servePage } from './support/sites';

// Issue 20, item 2: the team lead records the organisation's facts once; a fresh B2B prospect then gets an
// actionable verdict with the duty it implies, instead of "Check before any contact".

const TOM = 'https://www.linkedin.com/in/tom-teamfacts/overlay/contact-info/';

describe('team facts in settings (issue 20, item 2)', () => {
  let heed: HeedBrowser;
  beforeAll(async () => {
    heed = await launchHeed();
    servePage(
      TOM,
      fixturePage('linkedin-contact-info-jane.html')
        .replaceAll('jane-doe-1a2b3c', 'tom-teamfacts')
        .replaceAll('Jane Doe', 'Tom Teamfacts')
        .replaceAll('jane.doe@gmail.com', 'tom@tomco.example')
        .replace('2nd degree connection', '3rd degree connection')
        .replace('<span aria-hidden="true"> · 2nd</span>', '<span aria-hidden="true"> · 3rd</span>'),
    );
  });
  afterAll(async () => {
    await heed?.close();
  });

  async function badgeText(): Promise<string> {
    const page = await heed.context.newPage();
    await page.goto(TOM);
    const b = await waitForBadge(page, (x) => x.level !== 'pending');
    await page.close();
    return b.text;
  }

  it('a fresh B2B prospect: "Check" without them, email OK with its duty once they are recorded', async () => {
    const options = await heed.openExtensionPage('options.html#/settings');
    await options.getByLabel('Default country').selectOption('GB');
    await options.getByLabel('Default subscriber').selectOption('corporate');
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText(/Settings saved/).waitFor();

    const before = await badgeText();
    expect(before).toContain('Check before any contact — no legitimate-interest assessment on record.');

    await options.getByLabel('Legitimate-interest assessment for B2B prospecting (date)').fill('2026-01-15');
    await options.getByLabel('Our first message carries the Art. 14 privacy notice and an opt-out').check();
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options.getByText(/Settings saved/).waitFor();
    await options.close();

    const after = await badgeText();
    expect(after).toContain('Email OK if it is about their job and has an opt-out link.');
    expect(after).toContain('Include the Art. 14 privacy notice and an opt-out in your first message.');
    expect(after).not.toContain('no legitimate-interest assessment on record');
  });
});
