import { describe, expect, it } from 'vitest';
import { employerDiffers, employerKey } from '../../../lib/risk/employer';

describe('employer names compared after folding case, accents, punctuation and legal form', () => {
  it.each([
    ['Acme Ltd', 'acme'],
    ['ACME Limited', 'acme'],
    ['Acme GmbH & Co. KG', 'acme'],
    ['Widgets & Co', 'widgets'],
    ['Société Générale S.A.', 'societe generale'],
    ['Contoso S.A.S.', 'contoso'],
    ['Maple Procurement Inc.', 'maple procurement'],
    ['The Acme Company', 'acme'],
    ['Fabrikam B.V.', 'fabrikam'],
    ["O'Brien & Sons plc", 'obrien sons'],
    // The first word is the name even when it looks like a legal form.
    ['SE Systems', 'se systems'],
    ['AB InBev SA/NV', 'ab inbev'],
  ])('%s → %s', (name, key) => {
    expect(employerKey(name)).toBe(key);
  });

  it('tells different employers apart, and never reads a missing one as a change', () => {
    expect(employerDiffers('Acme Ltd', 'Globex Corporation')).toBe(true);
    expect(employerDiffers('Acme Ltd', 'Acme Logistics Ltd')).toBe(true);
    expect(employerDiffers('Acme Ltd', 'ACME LIMITED')).toBe(false);
    expect(employerDiffers(undefined, 'Acme')).toBe(false);
    expect(employerDiffers('Acme', undefined)).toBe(false);
    expect(employerDiffers('Acme', '  ')).toBe(false);
  });
});
