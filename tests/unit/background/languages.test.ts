import { afterEach, describe, expect, it } from 'vitest';
import { toBadgeAnswer } from '@/lib/background/badge-answer';
import { toolbarFor } from '@/lib/background/toolbar';
import { sendVerdicts } from '@/lib/compose/verdicts';
import { DEMO_PEOPLE, loadDemoData } from '@/lib/demo/data';
import { setLanguage } from '@/lib/i18n';
import { openDb } from '@/lib/store/db';
import { answerFor } from '@/lib/verdict/answer';

const NOW = new Date('2026-11-29T10:00:00Z');
const none = { emails: [], profileUrls: [], salesNavUrls: [], phones: [] };

async function jane() {
  const db = await openDb(`bg-languages-${Math.random()}`);
  await loadDemoData(db, NOW);
  const full = await answerFor(
    db,
    { ...none, profileUrls: [DEMO_PEOPLE.jane.url] },
    { source: 'linkedin-profile', country: 'GB' },
    NOW,
  );
  return { db, full };
}

describe('what the background sends, in the language of the settings', () => {
  afterEach(() => setLanguage('en'));

  it('German: the badge gets a German plain sentence as summary, and German reasons with their citations', async () => {
    setLanguage('de');
    const { full } = await jane();
    const badge = toBadgeAnswer(full);
    expect(badge.plain).toMatch(/^Nicht /);
    expect(badge.summary).toBe(badge.plain);
    expect(badge.plain).not.toMatch(/\d/); // no opt-out date reaches the page, in any language
    expect(badge.reasons.length).toBeGreaterThan(0);
    const english = full.reasons.map((r) => r.message);
    for (const r of badge.reasons) {
      expect(english).not.toContain(r.message);
      expect(full.reasons.map((x) => x.citation)).toContain(r.citation); // citations stay as they are
    }
    const toolbar = toolbarFor(full, null);
    expect(toolbar.text).toBe('NEIN');
    expect(toolbar.title.startsWith('Heed: Gesperrt — Nicht ')).toBe(true);
    expect(toolbarFor(null, null).title).toBe('Heed: keine Person auf dieser Seite erkannt');
  });

  it('French: the send check summary names the reason in French; English keeps the engine text', async () => {
    const { db } = await jane();
    const recipient = [{ profileUrl: DEMO_PEOPLE.jane.url }];
    setLanguage('fr');
    const [fr] = await sendVerdicts(db, 'linkedin', recipient, NOW);
    expect(fr?.state).toBe('blocked');
    expect(fr?.summary).toMatch(/^Bloqué : /);
    setLanguage('en');
    const [en] = await sendVerdicts(db, 'linkedin', recipient, NOW);
    expect(en?.summary).toMatch(/^Blocked: /);
    expect(en?.reasons.map((r) => r.citation)).toEqual(fr?.reasons.map((r) => r.citation));
    // The list entry's reason too (the list's name is the user's own and stays as it is).
    expect(en?.matches[0]?.reason).toBe('objected');
    expect(fr?.matches[0]?.reason).toBe('opposition');
    expect(fr?.matches[0]?.listName).toBe(en?.matches[0]?.listName);
  });
});
