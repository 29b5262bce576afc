import { EEA_COUNTRIES } from '../vocab';

export type Jurisdiction = 'GB' | 'DE' | 'EU' | 'US' | 'CA' | 'AU' | 'NZ' | 'CH' | 'other' | 'unknown';

// Germany is in the EEA too but has its own rules (UWG §7): jurisdictionOf answers 'DE' before it asks this.
const EEA = new Set<string>(EEA_COUNTRIES);

/** Member states whose own transposition of the ePrivacy Directive Heed encodes (rules rows 21–30). */
export const MEMBER_STATES_WITH_ROWS = ['FR', 'NL', 'AT', 'PL', 'ES', 'IT', 'IE', 'BE', 'SE', 'DK'] as const;
export type MemberStateWithRow = (typeof MEMBER_STATES_WITH_ROWS)[number];

// Places with their own ISO 3166-1 code whose marketing law is another country's: the US territories are
// covered by CAN-SPAM and the TCPA; the French outermost regions and Saint-Martin are EU territory under French
// law (TFEU Art. 349, 355(1)); Åland is EU territory under Finnish law (Protocol No 2 of the 1994 Act of Accession).
const TERRITORY_OF: Readonly<Record<string, string>> = {
  PR: 'US',
  GU: 'US',
  VI: 'US',
  AS: 'US',
  MP: 'US',
  UM: 'US',
  RE: 'FR',
  GP: 'FR',
  MQ: 'FR',
  GF: 'FR',
  YT: 'FR',
  MF: 'FR',
  AX: 'FI',
};

/** The country whose law applies: a territory maps to its state. */
export function legalCountryOf(country: string | undefined): string | undefined {
  if (country === undefined) return undefined;
  return TERRITORY_OF[country] ?? country;
}

export function jurisdictionOf(country: string | undefined): Jurisdiction {
  const c = legalCountryOf(country);
  if (c === undefined) return 'unknown';
  if (c === 'GB' || c === 'DE' || c === 'US' || c === 'CA' || c === 'AU' || c === 'NZ' || c === 'CH')
    return c;
  return EEA.has(c) ? 'EU' : 'other';
}

export function memberStateRowOf(country: string | undefined): MemberStateWithRow | undefined {
  const c = legalCountryOf(country);
  return (MEMBER_STATES_WITH_ROWS as readonly string[]).includes(c ?? '')
    ? (c as MemberStateWithRow)
    : undefined;
}

/**
 * Whether the GDPR may govern the person's data, judged by where they are. An unknown country may be in the
 * UK or EU, so it counts. (A controller established in the UK or EU is bound whoever it processes: Art. 3(1).)
 */
export function gdprMayApply(j: Jurisdiction): boolean {
  return j === 'GB' || j === 'DE' || j === 'EU' || j === 'unknown';
}

/** "UK GDPR" for the UK, "GDPR" elsewhere: a UK reason must cite the UK's own law. */
export function gdprName(j: Jurisdiction): string {
  return j === 'GB' ? 'UK GDPR' : 'GDPR';
}
