import type { ReasonCode } from './codes';
import type { ChannelStatus, ReasonLevel } from './schema';

/** What a rule does to a channel: set its status, or only warn or inform. */
export type Effect = ChannelStatus | 'warn' | 'info';

export interface Finding {
  readonly effect: Effect;
  readonly code: ReasonCode;
  readonly message: string;
  readonly citation: string;
}

const STRICTNESS: Readonly<Record<ChannelStatus, number>> = { allowed: 0, check: 1, blocked: 2 };

export function stricter(a: ChannelStatus, b: ChannelStatus): ChannelStatus {
  return STRICTNESS[a] >= STRICTNESS[b] ? a : b;
}

export function isStatus(effect: Effect): effect is ChannelStatus {
  return effect === 'allowed' || effect === 'check' || effect === 'blocked';
}

/** The strictest status the findings set, or undefined when none sets one. */
export function statusOf(findings: readonly Finding[]): ChannelStatus | undefined {
  let status: ChannelStatus | undefined;
  for (const f of findings) {
    if (isStatus(f.effect)) status = status === undefined ? f.effect : stricter(status, f.effect);
  }
  return status;
}

export function levelOf(effect: Effect): ReasonLevel {
  switch (effect) {
    case 'blocked':
      return 'blocked';
    case 'check':
    case 'warn':
      return 'caution';
    case 'allowed':
      return 'ok';
    case 'info':
      return 'info';
  }
}

export function finding(effect: Effect, code: ReasonCode, message: string, citation: string): Finding {
  return { effect, code, message, citation };
}

/**
 * The rule for a fact we do not know: when every possible value gives the same status, so does the unknown;
 * otherwise the channel needs a check, with the reason that says what to record and any checks the
 * possibilities share.
 */
export function whicheverHolds(possibilities: readonly (readonly Finding[])[], unknown: Finding): Finding[] {
  const statuses = possibilities.map(statusOf);
  if (statuses.every((s) => s === statuses[0])) return dedupe(possibilities.flat());
  return dedupe([unknown, ...possibilities.flat().filter((f) => f.effect === 'check')]);
}

function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
