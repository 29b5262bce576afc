import { t } from '../i18n/index';
import { LINKEDIN_SETTINGS } from './exposure';

// Kept out of ./exposure, which the scan content script imports: the translated advice needs the whole catalog,
// and only the background builds it (in the settings' language) and sends it to the page.

export interface SelfAdvice {
  lines: string[];
  links: { label: string; href: string }[];
}

/**
 * What the user's own LinkedIn contact info shows to the people allowed to see it, and the settings that control
 * it. The links are LinkedIn's own settings pages; Heed never opens them itself, the user follows them.
 */
export function linkedInSelfAdvice(person: {
  emails: readonly string[];
  phones: readonly string[];
  birthday?: string;
}): SelfAdvice {
  const lines: string[] = [];
  const links: SelfAdvice['links'] = [];
  if (person.emails.length > 0) {
    lines.push(t('mydata_advice_email', person.emails.join(', ')), t('mydata_advice_download'));
    links.push(
      { label: t('mydata_advice_link_visibility'), href: LINKEDIN_SETTINGS.emailVisibility },
      { label: t('mydata_advice_link_download'), href: LINKEDIN_SETTINGS.emailDownload },
    );
  } else {
    lines.push(t('mydata_advice_no_email'));
  }
  if (person.phones.length > 0) lines.push(t('mydata_advice_phone', person.phones.join(', ')));
  if (person.birthday) lines.push(t('mydata_advice_birthday', person.birthday));
  return { lines, links };
}
