import { afterEach, describe, expect, it, vi } from 'vitest';
import * as eventLoop from '../../../lib/event-loop';
import { RowStream } from '../../../lib/store/csv-rows';
import { type DataRowProgress, type DataRowsOptions, dataRows } from '../../../lib/store/data-rows';

const cancelled = () => new Error('cancelled by the test');

async function streamOf(text: string, chunkSize = 64) {
  const blob = new Blob([text]);
  const { sniff } = await import('../../../lib/store/text-source');
  return { blob, stream: new RowStream(blob, await sniff(blob), ',', { chunkSize, maxLineLength: 4096 }) };
}

function lines(n: number): string {
  return `${Array.from({ length: n }, (_, i) => `person${i}@example.org,${i}`).join('\n')}\n`;
}

async function collect(text: string, o: Partial<DataRowsOptions> = {}, chunkSize = 64) {
  const { blob, stream } = await streamOf(text, chunkSize);
  const batches: string[][][] = [];
  for await (const b of dataRows(stream, blob.size, { sepLine: false, hasHeader: false, cancelled, ...o }))
    batches.push(b.map((r) => r.cells));
  return batches;
}

afterEach(() => vi.restoreAllMocks());

describe('dataRows', () => {
  it('leaves out the sep= line, blank rows and the header, and keeps every data row in order', async () => {
    const text = 'sep=,\n\nemail,n\n  ,\na@example.org,1\n\n"b@example.org",2\r\nc@example.org,3';
    const batches = await collect(text, { sepLine: true, hasHeader: true }, 5);
    expect(batches.flat()).toEqual([
      ['a@example.org', '1'],
      ['b@example.org', '2'],
      ['c@example.org', '3'],
    ]);
  });

  it('hands out batches of batchRows, the last one shorter, whatever the chunk size', async () => {
    for (const chunk of [7, 100, 1 << 16]) {
      const batches = await collect(lines(25), { batchRows: 10 }, chunk);
      expect(batches.map((b) => b.length)).toEqual([10, 10, 5]);
      expect(batches.flat().map((c) => c[1])).toEqual(Array.from({ length: 25 }, (_, i) => String(i)));
    }
  });

  it('keeps a row with malformed quoting, marked, for the consumer to judge', async () => {
    const { blob, stream } = await streamOf('a@example.org,1\n"b@x"y",2\nc@example.org,3\n', 1 << 16);
    const rows = [];
    for await (const b of dataRows(stream, blob.size, { sepLine: false, hasHeader: false, cancelled }))
      rows.push(...b);
    expect(rows.map((r) => [r.line, r.error !== undefined])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
  });

  it('stops mid-file on cancel with the caller’s error, without reading the rest', async () => {
    const { blob, stream } = await streamOf(lines(5000), 1024);
    const ac = new AbortController();
    let handedOut = 0;
    const run = async () => {
      for await (const b of dataRows(stream, blob.size, {
        sepLine: false,
        hasHeader: false,
        batchRows: 100,
        signal: ac.signal,
        cancelled,
      })) {
        handedOut += b.length;
        if (handedOut >= 300) ac.abort();
      }
    };
    await expect(run()).rejects.toThrow('cancelled by the test');
    expect(handedOut).toBe(300);
    expect(stream.source.bytesRead).toBeLessThan(blob.size);
  });

  it('does not start when already cancelled', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(collect(lines(10), { signal: ac.signal })).rejects.toThrow('cancelled by the test');
  });

  it('reports progress that never goes back, from nothing to the whole file', async () => {
    const seen: DataRowProgress[] = [];
    const text = lines(3000);
    await collect(text, { batchRows: 50, progressMs: 0, onProgress: (p) => seen.push(p) }, 512);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen[0]).toEqual({ rows: 0, bytesRead: 0, totalBytes: text.length });
    expect(seen.at(-1)).toEqual({ rows: 3000, bytesRead: text.length, totalBytes: text.length });
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]?.rows).toBeGreaterThanOrEqual(seen[i - 1]?.rows ?? 0);
      expect(seen[i]?.bytesRead).toBeGreaterThanOrEqual(seen[i - 1]?.bytesRead ?? 0);
    }
  });

  it('throttles progress to progressMs but always sends the first and the last', async () => {
    const seen: DataRowProgress[] = [];
    await collect(lines(3000), { batchRows: 50, progressMs: 60_000, onProgress: (p) => seen.push(p) }, 512);
    expect(seen.map((p) => p.rows)).toEqual([0, 3000]);
  });

  it('yields to the event loop between batches once the slice is used up, and not before', async () => {
    const spy = vi.spyOn(eventLoop, 'yieldToEventLoop');
    await collect(lines(1000), { batchRows: 100, sliceMs: 60_000 }, 1 << 16);
    expect(spy).not.toHaveBeenCalled();
    await collect(lines(1000), { batchRows: 100, sliceMs: 0 }, 1 << 16);
    // After each of the 10 batches, and after the one chunk's parse.
    expect(spy.mock.calls.length).toBeGreaterThanOrEqual(10);
  });

  it('lets other work run while a slow consumer holds the page', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      const { blob, stream } = await streamOf(lines(400), 1 << 16);
      for await (const _ of dataRows(stream, blob.size, {
        sepLine: false,
        hasHeader: false,
        batchRows: 100,
        sliceMs: 5,
        cancelled,
      })) {
        const until = performance.now() + 10;
        while (performance.now() < until) {
          // A consumer that blocks the thread for 10 ms per batch.
        }
      }
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThanOrEqual(2);
  });
});
