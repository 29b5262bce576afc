export type Jurisdiction = 'GB' | 'DE' | 'EU' | 'US' | 'CA' | 'other' | 'unknown';

// EU member states plus the EEA states (IS, LI, NO), which apply the GDPR and the ePrivacy Directive through
// the EEA Agreement. Germany is listed here too but has its own rules (UWG §7).
const EEA = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

export function jurisdictionOf(country: string | undefined): Jurisdiction {
  if (country === undefined) return 'unknown';
  if (country === 'GB' || country === 'DE' || country === 'US' || country === 'CA') return country;
  return EEA.has(country) ? 'EU' : 'other';
}

/**
 * Whether the GDPR may govern the person's data, judged by where they are. An unknown country may be in the
 * UK or EU, so it counts. (A controller established in the UK or EU is bound whoever it processes: Art. 3(1).)
 */
export function gdprMayApply(j: Jurisdiction): boolean {
  return j === 'GB' || j === 'DE' || j === 'EU' || j === 'unknown';
}
