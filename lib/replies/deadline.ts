import type { OptOutReason } from './phrases';

/** `day` (YYYY-MM-DD) plus `n` business days (Saturdays and Sundays skipped; public holidays are not known here). */
export function addBusinessDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** The lines a rep reads before recording: what the law gives them to honour the request. */
export function deadlineLines(since: string, reason: OptOutReason): string[] {
  return [
    `US (CAN-SPAM): honour by ${addBusinessDays(since, 10)}, 10 business days after the request — 15 U.S.C. §7704(a)(4).`,
    reason === 'objection'
      ? 'EU/UK (GDPR Art. 21(3)): an objection to direct marketing applies at once — without undue delay.'
      : 'EU/UK (GDPR Art. 21(3), Art. 12(3)): stop the marketing without undue delay.',
  ];
}

export const REASON_LABEL: Record<OptOutReason, string> = {
  objection: 'Objected to marketing',
  unsubscribe: 'Unsubscribed',
};
