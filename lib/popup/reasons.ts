import type { AnswerReason } from '../messaging/types';

const ORDER: Record<AnswerReason['level'], number> = { blocked: 0, high: 1, caution: 2, ok: 3, info: 4 };

/**
 * Reasons as the popup lists them: worst first, and one line per distinct message (the engine may give the
 * same finding once per rule that raised it, with its channels split).
 */
export function reasonsToShow(reasons: readonly AnswerReason[]): AnswerReason[] {
  const byText = new Map<string, AnswerReason>();
  for (const r of reasons) {
    const key = `${r.message}\u0000${r.citation}`;
    const prev = byText.get(key);
    if (!prev) byText.set(key, { ...r, channels: [...r.channels] });
    else {
      if (ORDER[r.level] < ORDER[prev.level]) prev.level = r.level;
      for (const c of r.channels) if (!prev.channels.includes(c)) prev.channels.push(c);
    }
  }
  return [...byText.values()].sort((a, b) => ORDER[a.level] - ORDER[b.level]);
}
