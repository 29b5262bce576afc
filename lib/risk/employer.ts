/*
 * Employer names as people write them differ in case, punctuation, accents and legal form: "Acme Ltd",
 * "ACME Limited" and "Acme" are one employer. Only a difference that survives this folding means the person
 * may have moved on (issue 20, item 10), so a spelling difference never raises a warning.
 */

// Legal forms across the countries Heed covers, written without dots (dots are dropped first: "S.A.S." → "sas").
const LEGAL_FORMS = new Set([
  'ltd',
  'limited',
  'plc',
  'llp',
  'lp',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'cie',
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'kgaa',
  'ohg',
  'ug',
  'ev',
  'se',
  'sa',
  'sas',
  'sasu',
  'sarl',
  'eurl',
  'sca',
  'scs',
  'snc',
  'bv',
  'nv',
  'vof',
  'srl',
  'spa',
  'sl',
  'slu',
  'ab',
  'as',
  'asa',
  'aps',
  'oy',
  'oyj',
  'pty',
  'pc',
  'kk',
  'sp',
  'zoo',
]);
// Words that join a name to its legal form ("Acme GmbH & Co. KG", "Smith and Co", "The Acme Company").
const GLUE = new Set(['and', 'the', 'und', 'et', 'y']);

/** The words of an employer name that identify it: lower case, no accents or punctuation, no legal form. */
export function employerKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.'’]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // The first word is always the name itself ("SE Systems", "AB Foods"): only later words may be a legal form.
  const kept = words.filter((w, i) => i === 0 || !(LEGAL_FORMS.has(w) || GLUE.has(w)));
  // "The Acme Company": a leading article is not part of the name either, unless it is all there is.
  if (kept.length > 1 && GLUE.has(kept[0] ?? '')) kept.shift();
  return kept.join(' ');
}

/**
 * Whether a recorded employer and the one a page shows are different employers. Either missing, or reducing to
 * nothing after folding, is no evidence of a change.
 */
export function employerDiffers(recorded: string | undefined, onPage: string | undefined): boolean {
  const a = recorded ? employerKey(recorded) : '';
  const b = onPage ? employerKey(onPage) : '';
  return a !== '' && b !== '' && a !== b;
}
