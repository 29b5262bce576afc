import { describe, expect, it, vi } from 'vitest';
import { type HandlerDeps, handleMessage, type SendDeps } from '@/lib/background/handler';
import { RateLimiter } from '@/lib/background/rate-limit';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const content = {
  id: ID,
  url: 'https://mail.google.com/mail/u/0/',
  tab: { id: 4, url: 'https://mail.google.com/mail/u/0/' },
};
const extensionPage = { id: ID, url: `${ORIGIN}options.html` };

function deps(send?: SendDeps): HandlerDeps {
  const unused = vi.fn(async () => {
    throw new Error('not used');
  });
  return {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    lookup: unused,
    scanPage: unused,
    refreshReminder: vi.fn(async () => undefined),
    getTabState: unused,
    setTabState: unused,
    tabsWithPeople: vi.fn(async () => []),
    showOnToolbar: vi.fn(async () => undefined),
    sendToTab: vi.fn(async () => true),
    openRecord: unused,
    injectScan: unused,
    pageStrings: unused,
    contentMode: vi.fn(async () => ({ sidePanelOnly: false })),
    applyContentMode: vi.fn(async () => false),
    allTabs: vi.fn(async () => []),
    limiter: new RateLimiter(30, 2, () => 0),
    ...(send ? { send } : {}),
  };
}

function sendDeps() {
  return {
    config: vi.fn(async () => ({ enabled: true, stopOnCheck: false })),
    verdicts: vi.fn(async (_site: string, rs: unknown[]) =>
      rs.map(() => ({ state: 'ok' as const, summary: 'OK', reasons: [], matches: [] })),
    ),
    override: vi.fn(async () => 1),
  };
}

describe('send-check messages', () => {
  it("answers a content script's batch of recipients and config", async () => {
    const send = sendDeps();
    const d = deps(send);
    const r = await handleMessage(
      {
        type: 'send-recipients',
        site: 'gmail',
        recipients: [{ email: 'a@b.example' }, { profileUrl: 'https://www.linkedin.com/in/x/' }],
      },
      content,
      d,
    );
    expect(r).toEqual({
      ok: true,
      value: [expect.objectContaining({ state: 'ok' }), expect.objectContaining({ state: 'ok' })],
    });
    expect(await handleMessage({ type: 'send-config', site: 'outlook' }, content, d)).toEqual({
      ok: true,
      value: { enabled: true, stopOnCheck: false },
    });
    expect(send.config).toHaveBeenCalledWith('outlook');
  });

  it('holds a batch to its limits and a recipient to one identifier', async () => {
    const send = sendDeps();
    const d = deps(send);
    const many = Array.from({ length: 51 }, (_, i) => ({ email: `p${i}@x.example` }));
    for (const bad of [
      { type: 'send-recipients', site: 'gmail', recipients: many },
      { type: 'send-recipients', site: 'gmail', recipients: [] },
      {
        type: 'send-recipients',
        site: 'gmail',
        recipients: [{ email: 'a@b.example', profileUrl: 'https://www.linkedin.com/in/x/' }],
      },
      { type: 'send-recipients', site: 'gmail', recipients: [{}] },
      { type: 'send-recipients', site: 'yahoo', recipients: [{ email: 'a@b.example' }] },
    ]) {
      const r = await handleMessage(bad, content, d);
      expect(r.ok).toBe(false);
    }
    expect(send.verdicts).not.toHaveBeenCalled();
  });

  it("logs an override only with a reason of 10 characters or more, and only from a page's content script", async () => {
    const send = sendDeps();
    const d = deps(send);
    const msg = { type: 'send-override', site: 'gmail', recipients: [{ email: 'a@b.example' }] };
    expect((await handleMessage({ ...msg, reason: '   short   ' }, content, d)).ok).toBe(false);
    expect(await handleMessage({ ...msg, reason: 'asked for it in writing' }, content, d)).toEqual({
      ok: true,
      value: { logged: 1 },
    });
    expect(send.override).toHaveBeenCalledWith(
      'gmail',
      [{ email: 'a@b.example' }],
      'asked for it in writing',
    );
    const fromPage = await handleMessage({ ...msg, reason: 'asked for it in writing' }, extensionPage, d);
    expect(fromPage).toEqual({ ok: false, error: expect.stringMatching(/^refused/) });
    expect(send.override).toHaveBeenCalledTimes(1);
  });

  it('remembers tabs with a compose box and tells them to look again when the store changes', async () => {
    const remembered = new Set<number>();
    const send = {
      ...sendDeps(),
      rememberTab: vi.fn(async (t: number) => void remembered.add(t)),
      tabs: vi.fn(async () => [...remembered]),
    };
    const d = deps(send);
    await handleMessage(
      { type: 'send-recipients', site: 'gmail', recipients: [{ email: 'a@b.example' }] },
      content,
      d,
    );
    const r = await handleMessage({ type: 'store-changed' }, extensionPage, d);
    expect(r).toEqual({ ok: true, value: { refreshed: 1 } });
    expect(d.sendToTab).toHaveBeenCalledWith(4, { type: 'refresh' });
  });

  it('refuses send messages when the background has no send check', async () => {
    const r = await handleMessage({ type: 'send-config', site: 'gmail' }, content, deps());
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/^refused/) });
  });
});
