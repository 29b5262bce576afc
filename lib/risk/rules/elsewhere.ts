import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import { postUnderLegitimateInterest } from './common';

// A country Heed does not know, or no country at all. Never read as permission: without consent every
// channel needs a check, except post for an unknown country, which is at worst the UK/EU rule (row 8).

export function elsewhereFindings(f: Facts, channel: Channel): Finding[] {
  if (f.jurisdiction === 'unknown') {
    if (channel === 'post') return postUnderLegitimateInterest(f);
    return [
      finding(
        'check',
        'country-unknown',
        'The person’s country is not recorded, so Heed cannot tell which law applies: the UK and EU need consent from private persons, Germany and Canada from everyone, the US lets you email until they opt out. Record their country.',
        'PECR reg. 22; UWG §7(2); ePrivacy Directive Art. 13; CAN-SPAM 15 U.S.C. §7704; CASL s. 6',
      ),
    ];
  }
  return [
    finding(
      'check',
      'country-not-covered',
      `Heed has no rules for ${f.input.country ?? 'this country'}. Rely on recorded consent, or check local law with your privacy officer.`,
      'Not encoded: see docs/rules.md',
    ),
  ];
}
