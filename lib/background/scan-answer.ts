import type { MarkVerdict, ScanAnswer } from '../messaging/types';
import type { SelfDb } from '../mydata/db';
import { matchMine } from '../mydata/identities';
import type { HeedDb } from '../store/db';
import { getSettings } from '../store/settings';
import { answerFor, answerForEmails } from '../verdict/answer';
import { pageSummary } from '../verdict/plain';

/**
 * Answers a page scan: one verdict per address and per number, in the order asked, each flagged when it is one
 * of the user's own identities. Numbers get verdicts too, so every identifier the scan found gets a marker of the
 * same kind: marking only the user's own numbers would show a page which of its numbers are the user's.
 */
export async function answerScan(
  db: HeedDb,
  self: SelfDb,
  emails: string[],
  phones: string[],
  now: Date,
): Promise<ScanAnswer> {
  const mine = await matchMine(self, { emails, phones, profileUrls: [] });
  const myEmails = new Set(mine.filter((m) => m.kind === 'email').map((m) => m.value));
  const myPhones = new Set(mine.filter((m) => m.kind === 'phone').map((m) => m.value));
  const mark = (v: { level: MarkVerdict['level']; summary: string }, isMine: boolean): MarkVerdict =>
    isMine ? { level: v.level, summary: v.summary, mine: true } : { level: v.level, summary: v.summary };
  const emailVerdicts = await answerForEmails(db, emails, now);
  const phoneVerdicts: MarkVerdict[] = [];
  const settings = phones.length > 0 ? await getSettings(db) : undefined;
  for (const phone of phones) {
    const a = await answerFor(
      db,
      { emails: [], profileUrls: [], salesNavUrls: [], phones: [phone] },
      { source: 'generic' },
      now,
      settings,
    );
    phoneVerdicts.push(mark({ level: a.level, summary: pageSummary(a, now) }, myPhones.has(phone)));
  }
  return {
    emails: emailVerdicts.map((v) => mark(v, myEmails.has(v.email))),
    phones: phoneVerdicts,
  };
}
