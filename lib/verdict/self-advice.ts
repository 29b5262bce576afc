import { t } from '../i18n';
import type { Identifiers, LookupAnswer } from '../messaging/types';
import { linkedInSelfAdvice } from '../mydata/advice';
import type { SelfDb } from '../mydata/db';
import { matchMine } from '../mydata/identities';

/**
 * On the user's own LinkedIn profile (a profile URL recorded in My data), the answer also says what its contact
 * info shows to others and links the LinkedIn settings that control it.
 */
export async function withSelfAdvice(
  self: SelfDb,
  ids: Identifiers,
  answer: LookupAnswer,
  birthday?: string,
  /** Whether the page showed the contact-info overlay: before it is opened, nothing can be said about it. */
  contactInfoSeen = true,
): Promise<LookupAnswer> {
  if (ids.profileUrls.length === 0) return answer;
  const mine = await matchMine(self, { emails: [], phones: [], profileUrls: ids.profileUrls });
  if (!mine.some((m) => m.kind === 'profile' && m.certainty === 'exact')) return answer;
  const advice = linkedInSelfAdvice({
    emails: ids.emails,
    phones: ids.phones,
    ...(birthday ? { birthday } : {}),
  });
  // Issue 20, item 9: "no email is visible" is only true once the contact info was opened.
  const lines = contactInfoSeen
    ? advice.lines
    : [
        t('bg_self_open_contact_info'),
        ...advice.lines.filter((l) => !l.startsWith('No email address is visible')),
      ];
  return {
    ...answer,
    self: { lines, links: advice.links.map((l) => ({ label: l.label, href: l.href })) },
  };
}
