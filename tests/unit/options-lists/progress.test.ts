import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../lib/options/progress';
import type { ImportProgress } from '../../../lib/store/import';

const parse = (bytes: number, rows: number, total = 1000): ImportProgress => ({
  phase: 'parse',
  bytesRead: bytes,
  totalBytes: total,
  rows,
  done: bytes,
  total,
});

describe('ProgressMeter', () => {
  it('says nothing about speed or time left until it has seen enough', () => {
    const m = new ProgressMeter();
    const v = m.update(parse(0, 0), 0);
    expect(v.fraction).toBe(0);
    expect(v.rowsPerSecond).toBeNull();
    expect(v.msLeft).toBeNull();
  });

  it('computes rows per second and time left from a steady read', () => {
    const m = new ProgressMeter();
    m.update(parse(0, 0), 0);
    m.update(parse(100, 1000), 500);
    const v = m.update(parse(200, 2000), 1000);
    expect(v.fraction).toBeCloseTo(0.2);
    expect(v.rowsPerSecond).toBeCloseTo(2000);
    // 200 bytes a second with 800 to go.
    expect(v.msLeft).toBeCloseTo(4000);
  });

  it('follows the recent rate, not the average since the start', () => {
    const m = new ProgressMeter();
    m.update(parse(0, 0), 0);
    // A slow start (10 bytes in 5 s), then fast: 100 bytes/s.
    m.update(parse(10, 10), 5000);
    for (let t = 6000, b = 110; t <= 10_000; t += 1000, b += 100) m.update(parse(b, b), t);
    const v = m.update(parse(510, 510), 10_000);
    // 490 bytes left at ~100 bytes/s is ~4.9 s; the start-to-now average would say ~9.6 s.
    expect(v.msLeft).toBeGreaterThan(4000);
    expect(v.msLeft).toBeLessThan(6000);
  });

  it('starts the estimate again in the write phase and reaches zero at the end', () => {
    const m = new ProgressMeter();
    m.update(parse(1000, 5000), 1000);
    const w0 = m.update(
      { phase: 'write', bytesRead: 1000, totalBytes: 1000, rows: 5000, done: 0, total: 40 },
      2000,
    );
    expect(w0.phase).toBe('write');
    expect(w0.fraction).toBe(0);
    expect(w0.msLeft).toBeNull();
    const w1 = m.update(
      { phase: 'write', bytesRead: 1000, totalBytes: 1000, rows: 5000, done: 10, total: 40 },
      3000,
    );
    expect(w1.msLeft).toBeCloseTo(3000);
    const end = m.update(
      { phase: 'write', bytesRead: 1000, totalBytes: 1000, rows: 5000, done: 40, total: 40 },
      4000,
    );
    expect(end.fraction).toBe(1);
    expect(end.msLeft).toBe(0);
  });
});
