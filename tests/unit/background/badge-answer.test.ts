import { describe, expect, it } from 'vitest';
import { toBadgeAnswer } from '@/lib/background/badge-answer';
import { answerScan } from '@/lib/background/scan-answer';
import { DEMO_LIST_NAMES, DEMO_PEOPLE, loadDemoData } from '@/lib/demo/data';
import { addIdentity } from '@/lib/mydata/commands';
import { openSelfDb } from '@/lib/mydata/db';
import { openDb } from '@/lib/store/db';
import { answerFor } from '@/lib/verdict/answer';

const NOW = new Date('2026-11-29T10:00:00Z');
const none = { emails: [], profileUrls: [], salesNavUrls: [], phones: [] };

describe('what a content script receives (issue 19, finding 9)', () => {
  it('gives the badge the verdict, channels and reasons, but no list names, match records or deadline dates', async () => {
    const db = await openDb(`badge-answer-${Math.random()}`);
    await loadDemoData(db, NOW);
    const full = await answerFor(
      db,
      { ...none, profileUrls: [DEMO_PEOPLE.jane.url] },
      { source: 'linkedin-profile', country: 'GB' },
      NOW,
    );
    expect(full.matches[0]?.listName).toBe(DEMO_LIST_NAMES.dnc);
    const badge = toBadgeAnswer(full);
    expect(badge).toMatchObject({ level: 'blocked', summary: full.summary, channels: full.channels });
    expect(badge.reasons).toEqual(full.reasons.map((r) => ({ message: r.message, citation: r.citation })));
    expect(badge.onLists).toEqual({ exact: 1, possible: 0 });
    const sent = JSON.stringify(badge);
    expect(sent).not.toContain(DEMO_LIST_NAMES.dnc);
    // Reasons are the legal engine's own sentences and are shown as they are (one may name the objection's date);
    // the match records themselves (list, kind, via, since) and the deadlines' dates are not sent.
    expect(Object.keys(badge).sort()).toEqual(
      [
        'channels',
        'deadlines',
        'fromDefaults',
        'level',
        'onLists',
        'plain',
        'reasons',
        'summary',
        'toRecord',
      ].sort(),
    );
    // The plain sentence (issue 20, item 1) is rebuilt without the matches: no opt-out date reaches the page.
    expect(badge.plain).toMatch(/^Don't/);
    expect(badge.plain).not.toMatch(/\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/);
    expect(sent).not.toMatch(/"(listName|via|since|due|code|kind)"/);

    const ada = toBadgeAnswer(
      await answerFor(db, { ...none, emails: ['ada@adaworks.example'] }, { source: 'github' }, NOW),
    );
    expect(JSON.stringify(ada)).not.toContain(DEMO_LIST_NAMES.hashed);
    expect(ada.onLists.exact).toBeGreaterThan(0);
  });

  it('does not name the lists of a possible match in the summary or the reasons either', () => {
    const possible = (listName: string) => ({
      listName,
      kind: 'email',
      match: 'possible' as const,
      via: 'email',
      reason: 'objected',
      since: '2026-01-02',
    });
    const badge = toBadgeAnswer({
      level: 'caution',
      summary: 'Possible match on Acme opt-outs, Old CRM export, Post — Check before using any channel',
      channels: { email: 'check', sms: 'check', phone: 'check', post: 'check', inmail: 'check' },
      reasons: [
        {
          code: 'possible-match',
          level: 'caution',
          channels: [],
          message:
            'A variant of this address (Gmail dots or a +tag) is on Acme opt-outs, Old CRM export, Post: check it.',
          citation: 'GDPR Art. 21(3)',
        },
        {
          code: 'post-not-regulated',
          level: 'info',
          channels: ['post'],
          message: 'Post is not covered by PECR.',
          citation: 'x',
        },
      ],
      deadlines: [],
      matches: [possible('Acme opt-outs'), possible('Old CRM export'), possible('Post')],
      toRecord: [],
      hasContact: false,
      fromDefaults: false,
    });
    expect(badge.summary).toBe('Possible match on one of your lists — Check before using any channel');
    expect(badge.reasons[0]?.message).toBe(
      'A variant of this address (Gmail dots or a +tag) is on one of your lists: check it.',
    );
    // Only the phrase answer.ts writes is replaced: a list named like a common word leaves other reasons alone.
    expect(badge.reasons[1]?.message).toBe('Post is not covered by PECR.');
    expect(badge.onLists).toEqual({ exact: 0, possible: 3 });
    expect(JSON.stringify(badge)).not.toMatch(/Acme|CRM/);
  });

  it('answers a scan with one verdict per address and per number, in order, naming none of them', async () => {
    const db = await openDb(`scan-answer-${Math.random()}`);
    await loadDemoData(db, NOW);
    const self = await openSelfDb(`scan-answer-self-${Math.random()}`);
    await addIdentity(self, { kind: 'email', raw: 'me@mine.example' });
    await addIdentity(self, { kind: 'phone', raw: '+44 20 7946 0958' });
    const emails = ['max.mustermann@beispiel.example', 'me@mine.example', 'nobody@else.example'];
    const phones = ['+1 415 555 0134', '+44 20 7946 0958'];
    const answer = await answerScan(db, self, emails, phones, NOW);
    expect(answer.emails.map((v) => [v.level, v.mine ?? false])).toEqual([
      ['caution', false],
      ['unknown', true],
      ['unknown', false],
    ]);
    // Every number gets a verdict, not only the user's own: the content script marks them all alike.
    expect(answer.phones).toHaveLength(2);
    expect(answer.phones.map((v) => v.mine ?? false)).toEqual([false, true]);
    expect(answer.phones.every((v) => typeof v.level === 'string' && typeof v.summary === 'string')).toBe(
      true,
    );
    const sent = JSON.stringify(answer);
    for (const value of [...emails, ...phones]) expect(sent).not.toContain(value);
  });
});
