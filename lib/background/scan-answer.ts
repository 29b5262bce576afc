import type { ScanAnswer } from '../messaging/types';
import type { SelfDb } from '../self/db';
import { matchMine } from '../self/identities';
import type { HeedDb } from '../store/db';
import { answerForEmails } from '../verdict/answer';

/**
 * Answers a page scan: each address's verdict, flagged when it is one of the user's own identities, and which of
 * the page's phone numbers are the user's. Other people's numbers are never looked at beyond that comparison.
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
  const verdicts = await answerForEmails(db, emails, now);
  return {
    emails: verdicts.map((v) => (myEmails.has(v.email) ? { ...v, mine: true } : v)),
    myPhones: [...new Set(mine.filter((m) => m.kind === 'phone').map((m) => m.value))],
  };
}
