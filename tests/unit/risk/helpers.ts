import { expect } from 'vitest';
import { type AssessInput, assess, type Verdict } from '../../../lib/risk';
import type { Channel } from '../../../lib/vocab';

export const NOW = '2026-11-29';

export type Expect = Partial<Record<Channel, 'allowed' | 'check' | 'blocked'>>;

export interface Case {
  readonly name: string;
  readonly input: Omit<AssessInput, 'now'> & { now?: string };
  readonly channels: Expect;
  /** Codes that must be among the reasons, with the channels they must name (a subset check). */
  readonly codes?: Readonly<Record<string, readonly Channel[]>>;
  /** Codes that must not appear. */
  readonly absent?: readonly string[];
  readonly citation?: string;
  readonly deadlines?: Readonly<Record<string, string>>;
  readonly level?: Verdict['level'];
}

export function run(c: Case): Verdict {
  const v = assess({ now: NOW, ...c.input });
  expect(v.channels).toMatchObject(c.channels);
  for (const [code, channels] of Object.entries(c.codes ?? {})) {
    const found = v.reasons.filter((r) => r.code === code);
    expect(found, `reason ${code} in ${JSON.stringify(v.reasons.map((r) => r.code))}`).not.toHaveLength(0);
    const named = new Set(found.flatMap((r) => r.channels));
    for (const ch of channels) expect(named.has(ch), `${code} names ${ch}`).toBe(true);
  }
  for (const code of c.absent ?? []) expect(v.reasons.map((r) => r.code)).not.toContain(code);
  if (c.citation !== undefined) expect(v.reasons.map((r) => r.citation).join(' | ')).toContain(c.citation);
  for (const [code, due] of Object.entries(c.deadlines ?? {})) {
    expect(v.deadlines).toContainEqual(expect.objectContaining({ code, due }));
  }
  if (c.level !== undefined) expect(v.level).toBe(c.level);
  return v;
}

export const consent = (channel: Channel, givenAt = '2026-01-10', extra: { withdrawnAt?: string } = {}) => ({
  channel,
  givenAt,
  evidence: 'web form, double opt-in',
  ...extra,
});
