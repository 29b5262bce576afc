import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysUsedIn, PAGE_KEY_PREFIXES, pickCatalog } from '@/lib/i18n/background-catalog';
import { CATALOG, DYNAMIC_KEY_PREFIXES } from '@/lib/i18n/catalog';
import { LANGS } from '@/lib/i18n/define';
import { pageStringsFor } from '@/lib/i18n/page-table';

const KEYS = [
  'bg_toolbar_title',
  'bg_count__one',
  'bg_count__other',
  'common_level_high',
  'page_badge_title',
  'verdict_verb_send',
  'popup_optout_save',
  'lists_kind_email',
];

describe('the background catalog', () => {
  it('keeps the keys a source writes, plural forms by their base, and prefixes built in a template literal', () => {
    const used = keysUsedIn(
      [`t('bg_toolbar_title'); tn("bg_count", n);`, 'const w = `verdict_verb_$' + '{verb}`;'],
      KEYS,
      ['verdict_verb_', 'lists_kind_'],
      [],
    );
    expect([...used].sort()).toEqual([
      'bg_count__one',
      'bg_count__other',
      'bg_toolbar_title',
      'verdict_verb_send',
    ]);
  });

  it('keeps a dynamic prefix out when the source only names it, not builds keys from it', () => {
    const used = keysUsedIn(["const p = 'lists_kind_';"], KEYS, ['lists_kind_'], []);
    expect(used.has('lists_kind_email')).toBe(false);
  });

  it("always keeps what content scripts ask for, whatever the background's own code writes", () => {
    const used = keysUsedIn([''], Object.keys(CATALOG.en), DYNAMIC_KEY_PREFIXES, PAGE_KEY_PREFIXES);
    const page = Object.keys(pageStringsFor('de')).filter((k) => k !== 'lang');
    expect(page.length).toBeGreaterThan(20);
    for (const key of page) expect(used.has(key), key).toBe(true);
    expect([...used].every((k) => PAGE_KEY_PREFIXES.some((p) => k.startsWith(p)))).toBe(true);
  });

  it('picks the same keys in every language, with their own wording', () => {
    const keys = new Set(['bg_toolbar_title', 'common_level_blocked']);
    const picked = pickCatalog(CATALOG, keys);
    for (const lang of LANGS) {
      expect(Object.keys(picked[lang]).sort()).toEqual([...keys].sort());
      expect(picked[lang].common_level_blocked).toBe(CATALOG[lang].common_level_blocked);
    }
    expect(picked.de.common_level_blocked).not.toBe(picked.en.common_level_blocked);
  });

  it("covers the background's own words: the toolbar, the send check, reasons and plain verdicts", () => {
    const sources = [
      'lib/background/toolbar.ts',
      'lib/compose/verdicts.ts',
      'lib/verdict/plain.ts',
      'lib/i18n/reasons.ts',
    ].map((f) => readFileSync(join(__dirname, '../../..', f), 'utf8'));
    const used = keysUsedIn(sources, Object.keys(CATALOG.en), DYNAMIC_KEY_PREFIXES, PAGE_KEY_PREFIXES);
    for (const key of [
      'bg_toolbar_title',
      'bg_send_blocked',
      'verdict_blocked',
      'reason_suppressed_objection',
    ])
      expect(used.has(key), key).toBe(true);
    expect(used.has('popup_optout_save')).toBe(false);
  });
});
