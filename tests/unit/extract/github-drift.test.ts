import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractPerson } from '../../../lib/extract';

type JsdomCtor = new (html: string, options: { url: string }) => { window: Window };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };
const DIR = new URL('../../fixtures/pages/', import.meta.url);
const at = (name: string, url: string) =>
  extractPerson(new JSDOM(readFileSync(new URL(name, DIR), 'utf8'), { url }).window.document, url);

describe('GitHub profile recognition across markup generations', () => {
  it.each(['github-profile-ada.html', 'github-profile-ada-unwrapped.html', 'github-profile-ada-react.html'])(
    '%s is Ada’s profile, with her email read from the profile column',
    (file) => {
      const p = at(file, 'https://github.com/octo-ada');
      expect(p).toMatchObject({
        source: 'github',
        githubLogin: 'octo-ada',
        emails: ['ada@adaworks.example'],
      });
      expect(p?.anchor?.className).toBe('vcard-names');
      expect(p?.country).toBe('GB');
    },
  );

  it('the unwrapped column is not a profile on a non-user URL', () => {
    expect(at('github-profile-ada-unwrapped.html', 'https://github.com/octo-ada/heed-demo')).toBeNull();
    expect(at('github-profile-ada-unwrapped.html', 'https://github.com/settings')).toBeNull();
  });

  it('an organisation page stays excluded by its own markers, even with a name heading like a user’s', () => {
    expect(at('github-org-acme.html', 'https://github.com/acme-team')).toBeNull();
  });

  it('a heading without the itemprop name is not enough', () => {
    const html = readFileSync(new URL('github-profile-ada-unwrapped.html', DIR), 'utf8').replace(
      'itemprop="name"',
      'data-x="name"',
    );
    const doc = new JSDOM(html, { url: 'https://github.com/octo-ada' }).window.document;
    expect(extractPerson(doc, 'https://github.com/octo-ada')).toBeNull();
  });
});
