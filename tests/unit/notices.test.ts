import { describe, expect, it } from 'vitest';
import { NoticeStack } from '../../lib/notices';

describe('NoticeStack', () => {
  it('offers the newest first, runs an undo once and then forgets it', async () => {
    const s = new NoticeStack();
    const ran: string[] = [];
    let notified = 0;
    s.subscribe(() => notified++);
    s.push('first', async () => void ran.push('first'));
    const second = s.push('second', async () => void ran.push('second'));
    expect(s.snapshot().map((i) => i.label)).toEqual(['second', 'first']);
    await s.run(second.id);
    expect(ran).toEqual(['second']);
    expect(s.snapshot().map((i) => i.label)).toEqual(['first']);
    await expect(s.run(second.id)).rejects.toThrow('Nothing to undo');
    expect(notified).toBe(3);
  });

  it('keeps an item whose undo failed, so it can be retried', async () => {
    const s = new NoticeStack();
    let fail = true;
    const item = s.push('x', async () => {
      if (fail) throw new Error('disk full');
    });
    await expect(s.run(item.id)).rejects.toThrow('disk full');
    expect(s.snapshot()).toHaveLength(1);
    fail = false;
    await s.run(item.id);
    expect(s.snapshot()).toHaveLength(0);
  });

  it('keeps a bounded number and snapshots are stable between changes', () => {
    const s = new NoticeStack(3);
    for (let i = 0; i < 5; i++) s.push(`n${i}`, async () => {});
    expect(s.snapshot().map((i) => i.label)).toEqual(['n4', 'n3', 'n2']);
    expect(s.snapshot()).toBe(s.snapshot());
  });

  it('says what an undo did in its place, and a stack that keeps one never brings an older notice back', async () => {
    const s = new NoticeStack();
    s.keep(1);
    s.say('Saved the file.');
    const removed = s.say('Removed jane@example.com', { undo: async () => 'Undone: 1 entry removed.' });
    expect(s.snapshot().map((i) => i.label)).toEqual(['Removed jane@example.com']);
    await s.run(removed.id);
    expect(s.snapshot().map((i) => [i.label, i.tone, i.undo])).toEqual([
      ['Undone: 1 entry removed.', 'ok', undefined],
    ]);
    s.say('Could not save.', { tone: 'error' });
    expect(s.snapshot().map((i) => i.tone)).toEqual(['error']);
    s.clear();
    expect(s.snapshot()).toEqual([]);
  });
});
