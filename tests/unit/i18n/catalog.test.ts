import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, DYNAMIC_KEY_PREFIXES, localeFile } from '@/lib/i18n/catalog';
import { LANGS } from '@/lib/i18n/define';
import { hardCodedText } from './jsx-text';

const ROOT = join(__dirname, '../../..');

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return files(path, ext);
    return ext.test(name) ? [path] : [];
  });
}

const SOURCES = ['lib', 'components', 'entrypoints']
  .flatMap((d) => files(d, /\.(ts|tsx)$/))
  .filter((f) => !f.startsWith(join('lib', 'i18n', 'messages')))
  .concat(['wxt.config.ts']);
const SOURCE_TEXT = SOURCES.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');

const placeholders = (m: string) => [...new Set(m.match(/\$[1-9]/g) ?? [])].sort();

describe('message catalog', () => {
  it('has every key in every language, none empty, with the same substitutions as English', () => {
    const en = Object.keys(CATALOG.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(CATALOG[lang]).sort(), `keys of ${lang}`).toEqual(en);
      for (const key of en) {
        const message = CATALOG[lang][key as keyof (typeof CATALOG)['en']];
        expect(message.trim(), `${lang}.${key} is empty`).not.toBe('');
        expect(placeholders(message), `${lang}.${key} substitutions`).toEqual(
          placeholders(CATALOG.en[key as keyof (typeof CATALOG)['en']]),
        );
      }
    }
  });

  it("uses only keys Chrome's _locales accepts, and plurals always have an __other form", () => {
    for (const key of Object.keys(CATALOG.en)) {
      expect(key, key).toMatch(/^[a-z0-9_]+$/);
      const plural = key.match(/^(.*)__(zero|one|two|few|many|other)$/);
      if (plural) expect(`${plural[1]}__other` in CATALOG.en, `${key} without __other`).toBe(true);
    }
  });

  it('has no unused key: each is written in the source, or is built from a prefix the source uses', () => {
    const usedPrefixes = DYNAMIC_KEY_PREFIXES.filter(
      (p) => SOURCE_TEXT.includes(`\`${p}\${`) || p === 'manifest_',
    );
    const unused = Object.keys(CATALOG.en).filter((key) => {
      const base = key.replace(/__(zero|one|two|few|many|other)$/, '');
      if (SOURCE_TEXT.includes(`'${base}'`) || SOURCE_TEXT.includes(`"${base}"`)) return false;
      if (key.startsWith('manifest_')) return !SOURCE_TEXT.includes(`__MSG_${key}__`);
      return !usedPrefixes.some((p) => key.startsWith(p));
    });
    expect(unused).toEqual([]);
  });

  it('writes valid _locales files', () => {
    for (const lang of LANGS) {
      const parsed = JSON.parse(localeFile(lang)) as Record<string, { message: string }>;
      expect(Object.keys(parsed).length).toBe(Object.keys(CATALOG.en).length);
    }
  });
});

describe('components', () => {
  it('render no hard-coded English sentence (every user-facing text goes through lib/i18n)', () => {
    const offenders: string[] = [];
    for (const file of [...files('components', /\.tsx$/), ...files('entrypoints', /\.tsx$/)]) {
      for (const hit of hardCodedText(file, readFileSync(join(ROOT, file), 'utf8')))
        offenders.push(`${file}:${hit.line} ${JSON.stringify(hit.text.slice(0, 60))}`);
    }
    expect(offenders).toEqual([]);
  });
});
