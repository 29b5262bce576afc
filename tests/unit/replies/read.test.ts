import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectOptOut, ownWords } from '../../../lib/replies/phrases';
import { dayOf, readReplies } from '../../../lib/replies/read';

type JsdomCtor = new (html: string, options: { url: string }) => { window: Window };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };
const DIR = new URL('../../fixtures/pages/', import.meta.url);
const NOW = new Date('2026-11-30T12:00:00');

function replies(file: string, url: string) {
  const doc = new JSDOM(readFileSync(new URL(file, DIR), 'utf8'), { url }).window.document;
  return readReplies(doc, url, NOW).map((m) => ({
    sender: m.sender,
    date: m.date,
    phrase: detectOptOut(m.text)?.id ?? null,
    text: m.text,
  }));
}

describe('readReplies: only the other person’s messages, their own words', () => {
  it('Gmail: Jane’s reply (not the rep’s messages, not the quoted history or the signature link)', () => {
    const got = replies('gmail-thread-optout.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcg');
    expect(got.map((m) => m.sender.email)).toEqual(['jane.doe@gmail.com', 'max.mustermann@beispiel.example']);
    expect(got[0]).toMatchObject({ date: '2026-11-28', phrase: 'en.remove-me' });
    expect(got[0]?.text).not.toMatch(/unsubscribe|stop contacting/i);
    // Max asks how to unsubscribe his team: a support question, not an opt-out.
    expect(got[1]?.phrase).toBeNull();
  });

  it('Gmail: knows the user from the account button when the title does not say', () => {
    const html = readFileSync(new URL('gmail-thread-optout.html', DIR), 'utf8').replace(
      /<title>.*<\/title>/,
      '<title>Re: Privacy-first prospecting</title>',
    );
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcg';
    const got = readReplies(new JSDOM(html, { url }).window.document, url, NOW);
    expect(got.map((m) => m.sender.email)).toEqual(['jane.doe@gmail.com', 'max.mustermann@beispiel.example']);
  });

  it('Outlook: Max’s reply, dated from the reading pane, without the quoted original', () => {
    const got = replies(
      'outlook-thread-optout.html',
      'https://outlook.office.com/mail/inbox/id/AAQkAD-optout',
    );
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      sender: { email: 'max.mustermann@beispiel.example' },
      date: '2026-11-27',
      phrase: 'de.nicht-kontaktieren',
    });
    // The quoted original ("wenn Sie keine Werbung möchten") is cut at its "Von:" header.
    expect(ownWords(got[0]?.text ?? '')).not.toContain('sehr geehrter');
    expect(ownWords(got[0]?.text ?? '')).toContain('bitte nicht mehr kontaktieren');
  });

  it('Outlook: a message whose item shows no address never borrows the sender of the message before it', () => {
    const html = readFileSync(new URL('outlook-thread-optout.html', DIR), 'utf8')
      .replaceAll('title="sam.rep@acme-sales.example"', '')
      .replace('<p>Verstanden, ich werde Sie nicht mehr kontaktieren.</p>', '<p>Bitte keine Werbung.</p>')
      .replace('Sam Rep &lt;sam.rep@acme-sales.example&gt;', 'Sam Rep');
    const url = 'https://outlook.office.com/mail/inbox/id/AAQkAD-optout';
    const got = readReplies(new JSDOM(html, { url }).window.document, url, NOW);
    expect(got.map((m) => m.sender.email)).toEqual(['max.mustermann@beispiel.example']);
  });

  it('LinkedIn: Claire’s messages (the group continues without a link), never the rep’s own', () => {
    const got = replies(
      'linkedin-messaging-thread-optout.html',
      'https://www.linkedin.com/messaging/thread/2-optout/',
    );
    expect(got.map((m) => m.sender.profileUrl)).toEqual([
      'https://www.linkedin.com/in/claire-dubois-42/',
      'https://www.linkedin.com/in/claire-dubois-42/',
    ]);
    expect(got.map((m) => m.phrase)).toEqual([null, 'fr.ne-plus-contacter']);
    expect(got[1]?.date).toBe('2026-11-27');
  });

  it('LinkedIn chat overlay on any page: the bubble’s member, not the feed around it', () => {
    const got = replies('linkedin-overlay-thread-optout.html', 'https://www.linkedin.com/feed/');
    expect(got).toEqual([
      {
        sender: { profileUrl: 'https://www.linkedin.com/in/max-mustermann/' },
        date: '2026-11-30',
        phrase: 'de.keine-werbung',
        text: expect.any(String),
      },
    ]);
  });

  it('nothing on other sites', () => {
    expect(replies('gmail-thread-optout.html', 'https://acme.example/mail')).toEqual([]);
  });
});

describe('dayOf', () => {
  it.each([
    ['Sat, Nov 28, 2026, 10:15 AM', '2026-11-28'],
    ['Fri 27/11/2026 16:40', '2026-11-27'],
    ['11/27/2026', '2026-11-27'],
    ['27.11.2026', '2026-11-27'],
    ['Nov 27', '2026-11-27'],
    ['Dec 24', '2025-12-24'],
    ['Today', '2026-11-30'],
    ['10:15 AM', '2026-11-30'],
    ['Yesterday', '2026-11-29'],
    ['', '2026-11-30'],
    ['gibberish', '2026-11-30'],
  ])('%s → %s', (shown, want) => {
    expect(dayOf(shown, NOW)).toBe(want);
  });
});
