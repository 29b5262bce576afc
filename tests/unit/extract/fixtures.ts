import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// @types/jsdom is not installed; this is the little of its API the tests use.
type JsdomCtor = new (html: string, options: { url: string }) => { window: Window };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };

const DIR = new URL('../../fixtures/pages/', import.meta.url);

/** The fixtures and the real URLs they are served at in end-to-end tests. */
export const FIXTURE_URLS = {
  'linkedin-profile-jane.html': 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'linkedin-contact-info-jane.html': 'https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/',
  'linkedin-profile-max.html': 'https://www.linkedin.com/in/max-mustermann/',
  'linkedin-profile-claire.html': 'https://www.linkedin.com/in/claire-dubois-42/',
  'linkedin-profile-minimal.html': 'https://www.linkedin.com/in/sam-lee-99/',
  'linkedin-profile-john.html': 'https://www.linkedin.com/in/john-smith-us/',
  'linkedin-profile-emma.html': 'https://www.linkedin.com/in/emma-tremblay/',
  'salesnav-lead-jane.html': 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz',
  'github-profile-ada.html': 'https://github.com/octo-ada',
  'github-repo.html': 'https://github.com/octo-ada/heed-demo',
  'team-page.html': 'https://acme.example/team/',
} as const;

export type FixtureName = keyof typeof FIXTURE_URLS;

export function fixtureHtml(name: FixtureName): string {
  return readFileSync(new URL(name, DIR), 'utf8');
}

/** A fixture as the browser would see it at its real URL (scripts are not run). */
export function loadFixture(name: FixtureName, url: string = FIXTURE_URLS[name]): Document {
  return new JSDOM(fixtureHtml(name), { url }).window.document;
}

/** A small page for targeted tests. */
export function page(body: string, opts: { url?: string; head?: string } = {}): Document {
  const html = `<!DOCTYPE html><html><head>${opts.head ?? ''}</head><body>${body}</body></html>`;
  return new JSDOM(html, { url: opts.url ?? 'https://www.linkedin.com/in/jane-doe-1a2b3c/' }).window.document;
}

/** A variant of a fixture (its HTML edited by the test) as the browser would see it at the fixture's URL. */
export function loadVariant(name: FixtureName, edit: (html: string) => string): Document {
  return new JSDOM(edit(fixtureHtml(name)), { url: FIXTURE_URLS[name] }).window.document;
}
