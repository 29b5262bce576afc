import { describe, expect, it } from 'vitest';
import { countryFromLocation } from '../../../lib/extract/country';

const ROWS: [string, string | undefined][] = [
  // LinkedIn's English UI
  ['London, England, United Kingdom', 'GB'],
  ['Edinburgh, Scotland, United Kingdom', 'GB'],
  ['Cardiff, Wales, United Kingdom', 'GB'],
  ['Belfast, Northern Ireland, United Kingdom', 'GB'],
  ['Greater London', 'GB'],
  ['London Area, United Kingdom', 'GB'],
  ['Cambridge, UK', 'GB'],
  ['Scotland', 'GB'],
  ['Austin, Texas, United States', 'US'],
  ['San Francisco Bay Area', 'US'],
  ['New York City Metropolitan Area', 'US'],
  ['Dallas-Fort Worth Metroplex', 'US'],
  ['Austin, TX', 'US'],
  ['Seattle, WA', 'US'],
  ['San Francisco, CA', 'US'],
  ['Toronto, Ontario', 'CA'],
  ['Toronto, Ontario, Canada', 'CA'],
  ['Vancouver, BC', 'CA'],
  ['Montréal, Québec, Canada', 'CA'],
  ['London, Ontario, Canada', 'CA'],
  ['Greater Paris Metropolitan Region', 'FR'],
  ['Paris, Île-de-France, France', 'FR'],
  ['Berlin Metropolitan Area', 'DE'],
  ['Dublin, County Dublin, Ireland', 'IE'],
  ['Sydney, New South Wales, Australia', 'AU'],
  ['Bengaluru, Karnataka, India', 'IN'],
  ['Lisbon, Portugal', 'PT'],
  ['Warsaw, Mazowieckie, Poland', 'PL'],
  ['Stockholm, Stockholm County, Sweden', 'SE'],
  ['Copenhagen, Capital Region of Denmark, Denmark', 'DK'],
  ['Oslo, Norway', 'NO'],
  ['Helsinki, Uusimaa, Finland', 'FI'],
  ['Vilnius, Lithuania', 'LT'],
  ['Valletta, Malta', 'MT'],
  ['Bratislava, Slovakia', 'SK'],
  ['Luxembourg', 'LU'],
  ['Nicosia, Cyprus', 'CY'],
  ['Tallinn, Harju County, Estonia', 'EE'],
  ['Athens, Attiki, Greece', 'GR'],
  ['Zagreb, Croatia', 'HR'],
  ['Ljubljana, Slovenia', 'SI'],
  ['Riga, Latvia', 'LV'],
  ['Sofia, Bulgaria', 'BG'],
  ['Bucharest, Romania', 'RO'],
  ['Budapest, Hungary', 'HU'],
  ['Prague, Czechia', 'CZ'],
  // German UI
  ['München, Bayern, Deutschland', 'DE'],
  ['München', 'DE'],
  ['Großraum München', 'DE'],
  ['London, England, Vereinigtes Königreich', 'GB'],
  ['New York, New York, Vereinigte Staaten', 'US'],
  ['Wien, Österreich', 'AT'],
  ['Zürich, Schweiz', 'CH'],
  ['Amsterdam, Nordholland, Niederlande', 'NL'],
  ['Toronto, Ontario, Kanada', 'CA'],
  ['Dublin, Irland', 'IE'],
  ['Brüssel, Belgien', 'BE'],
  ['Warschau, Polen', 'PL'],
  ['Stockholm, Schweden', 'SE'],
  ['Kopenhagen, Dänemark', 'DK'],
  ['Madrid, Spanien', 'ES'],
  ['Rom, Italien', 'IT'],
  ['Paris, Frankreich', 'FR'],
  // French UI
  ['Londres, Angleterre, Royaume-Uni', 'GB'],
  ['Berlin, Allemagne', 'DE'],
  ['New York, États-Unis', 'US'],
  ['Genève, Suisse', 'CH'],
  ['Bruxelles, Région de Bruxelles-Capitale, Belgique', 'BE'],
  ['Amsterdam, Pays-Bas', 'NL'],
  ['Madrid, Espagne', 'ES'],
  ['Milan, Italie', 'IT'],
  ['Dublin, Irlande', 'IE'],
  // Spanish UI
  ['Londres, Inglaterra, Reino Unido', 'GB'],
  ['Berlín, Alemania', 'DE'],
  ['París, Francia', 'FR'],
  ['Miami, Florida, Estados Unidos', 'US'],
  ['Madrid, Comunidad de Madrid, España', 'ES'],
  ['Área metropolitana de Madrid', 'ES'],
  // Dutch UI
  ['Amsterdam, Noord-Holland, Nederland', 'NL'],
  ['Antwerpen, Vlaanderen, België', 'BE'],
  ['Londen, Engeland, Verenigd Koninkrijk', 'GB'],
  // Italian UI
  ['Milano, Lombardia, Italia', 'IT'],
  ['Lugano, Ticino, Svizzera', 'CH'],
  ['Londra, Inghilterra, Regno Unito', 'GB'],
  // Portuguese UI
  ['Lisboa, Lisboa, Portugal', 'PT'],
  ['São Paulo, São Paulo, Brasil', 'BR'],
  ['Nova Iorque, Nova Iorque, Estados Unidos', 'US'],
  // Codes and case
  ['Berlin, DE', 'DE'],
  ['Amsterdam, NL', 'NL'],
  ['Toronto, ON', 'CA'],
  ['Paris, FR', 'FR'],
  ['LONDON, UNITED KINGDOM', 'GB'],
  ['london area, united kingdom', 'GB'],
  ['  munchen  ', 'DE'],
  // Unknown or ambiguous: better to ask than to guess the wrong law
  ['Wilmington, DE', undefined],
  ['Cupertino, CA', undefined],
  ['Atlanta, Georgia', 'US'],
  ['Tbilisi, Georgia', 'GE'],
  ['Rome, Georgia', undefined],
  ['San José, Costa Rica', undefined],
  ['Valencia, Venezuela', undefined],
  ['Remote', undefined],
  ['Cambridge', undefined],
  ['', undefined],
  ['   ', undefined],
  [',,,', undefined],
  ['Earth 🌍', undefined],
];

describe('countryFromLocation', () => {
  it('has a table of at least 40 rows over seven languages', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(ROWS)('%j → %s', (location, country) => {
    expect(countryFromLocation(location)).toBe(country);
  });

  it('ignores invisible characters and does not throw on junk', () => {
    expect(countryFromLocation('Ber\u200Blin, Deutsch\u00ADland')).toBe('DE');
    expect(countryFromLocation('x'.repeat(10_000))).toBeUndefined();
    expect(countryFromLocation(null as unknown as string)).toBeUndefined();
  });
});
