import { describe, expect, it, vi } from 'vitest';
import { type HandlerDeps, handleMessage } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';
import type { BadgeAnswer, LookupAnswer, TabPerson } from '@/lib/messaging/types';
import { parseParams, replyPerson, replyQuery } from '@/lib/popup/params';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const content = { id: ID, url: 'https://www.linkedin.com/search/results/people/', tab: { id: 7 } };
const mail = { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 9 } };

const answerFor = (level: LookupAnswer['level']): LookupAnswer => ({
  level,
  summary: level,
  channels: { email: 'check', sms: 'check', phone: 'check', post: 'check', inmail: 'check' },
  reasons: [],
  deadlines: [],
  matches: [],
  toRecord: [],
  hasContact: false,
  fromDefaults: true,
});

function deps(over: Partial<HandlerDeps> = {}): HandlerDeps {
  return {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    // The level says which row was asked, so the order of the answers can be checked.
    lookup: vi.fn(async (ids) => answerFor(ids.profileUrls[0]?.includes('jane') ? 'blocked' : 'unknown')),
    scanPage: vi.fn(),
    refreshReminder: vi.fn(async () => undefined),
    getTabState: vi.fn(),
    setTabState: vi.fn(async () => undefined),
    tabsWithPeople: vi.fn(async () => []),
    showOnToolbar: vi.fn(async () => undefined),
    sendToTab: vi.fn(async () => true),
    openRecord: vi.fn(async () => undefined),
    injectScan: vi.fn(),
    // The production limiter counts identifiers (a 50-row batch costs 50), with the same capacity.
    limiter: new RateLimiter(500, 2, () => 0),
    ...over,
  } as HandlerDeps;
}

const row = (slug: string): TabPerson => ({
  identifiers: {
    emails: [],
    profileUrls: [`https://www.linkedin.com/in/${slug}/`],
    salesNavUrls: [],
    phones: [],
  },
  hints: { source: 'linkedin-profile', name: slug },
});

describe('lookup-rows', () => {
  it('answers every row in order, in one message, and notes the tab for refreshes', async () => {
    const noteRowsTab = vi.fn(async () => undefined);
    const d = deps({ noteRowsTab });
    const reply = await handleMessage(
      { type: 'lookup-rows', rows: [row('claire'), row('jane-doe'), row('max')] },
      content,
      d,
    );
    expect(reply.ok && (reply.value as BadgeAnswer[]).map((a) => a.level)).toEqual([
      'unknown',
      'blocked',
      'unknown',
    ]);
    expect(d.lookup).toHaveBeenCalledTimes(3);
    expect(noteRowsTab).toHaveBeenCalledWith(7);
  });

  it('refuses more than 50 rows, and an empty batch', async () => {
    const d = deps();
    const many = Array.from({ length: 51 }, (_, i) => row(`p-${i}`));
    const r = await handleMessage({ type: 'lookup-rows', rows: many }, content, d);
    expect(r.ok).toBe(false);
    expect((await handleMessage({ type: 'lookup-rows', rows: [] }, content, d)).ok).toBe(false);
    expect(d.lookup).not.toHaveBeenCalled();
    const fifty = await handleMessage({ type: 'lookup-rows', rows: many.slice(0, 50) }, content, d);
    expect(fifty.ok).toBe(true);
  });
});

describe('open-reply-opt-out', () => {
  const offer = {
    sender: { email: 'jane.doe@gmail.com' },
    since: '2026-11-28',
    phraseId: 'en.remove-me',
    reason: 'unsubscribe',
  };

  it('opens the popup for the sender; nothing is written', async () => {
    const openReplyOptOut = vi.fn(async () => undefined);
    const d = deps({ openReplyOptOut });
    const r = await handleMessage({ type: 'open-reply-opt-out', offer }, mail, d);
    expect(r).toEqual({ ok: true, value: { opened: true } });
    expect(openReplyOptOut).toHaveBeenCalledWith(9, offer);
    expect(d.setTabState).not.toHaveBeenCalled();
  });

  it.each([
    ['message text alongside', { ...offer, text: 'Please remove me from your list' }],
    ['a sender field too many', { ...offer, sender: { email: 'a@b.example', body: 'x' } }],
    ['no sender', { ...offer, sender: {} }],
    ['a free-text phrase', { ...offer, phraseId: 'Please remove me' }],
    ['a bad date', { ...offer, since: '28/11/2026' }],
    ['another reason', { ...offer, reason: 'erasure' }],
  ])('refuses an offer with %s', async (_, bad) => {
    const openReplyOptOut = vi.fn(async () => undefined);
    const r = await handleMessage(
      { type: 'open-reply-opt-out', offer: bad },
      mail,
      deps({ openReplyOptOut }),
    );
    expect(r.ok).toBe(false);
    expect(openReplyOptOut).not.toHaveBeenCalled();
  });

  it('is not an extension page message', async () => {
    const r = await handleMessage(
      { type: 'open-reply-opt-out', offer },
      { id: ID, url: `${ORIGIN}popup.html` },
      deps(),
    );
    expect(r.ok).toBe(false);
  });

  it('round-trips through the popup URL, and the popup makes the sender the person', () => {
    const q = replyQuery(9, offer as never);
    const params = parseParams(`?${q}`);
    expect(params).toEqual({ tabId: 9, action: 'opt-out', ticket: null, reply: offer });
    expect(replyPerson(offer as never).identifiers).toEqual({
      emails: ['jane.doe@gmail.com'],
      profileUrls: [],
      salesNavUrls: [],
      phones: [],
    });
    const li = parseParams(
      '?tabId=1&action=opt-out&from=reply&profile=https%3A%2F%2Fwww.linkedin.com%2Fin%2Fclaire%2F&since=2026-11-27&reason=objection&phrase=fr.ne-plus-contacter',
    );
    expect(li.reply?.sender).toEqual({ profileUrl: 'https://www.linkedin.com/in/claire/' });
    // Malformed reply parameters are ignored, not trusted.
    expect(parseParams(`?${q.replace('since=2026-11-28', 'since=yesterday')}`).reply).toBeUndefined();
    expect(parseParams(`?${q.replace('reason=unsubscribe', 'reason=erasure')}`).reply).toBeUndefined();
    expect(
      parseParams('?tabId=1&from=reply&since=2026-11-28&reason=objection&phrase=en.x').reply,
    ).toBeUndefined();
  });
});
