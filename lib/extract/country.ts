import { fold } from './text';

// Names are stored already folded (lower case, no accents, ß→ss, punctuation→space) so the table stays small and
// lookups need no further work. One line per country: code, then names in English, German, French, Spanish,
// Dutch, Italian and Portuguese (duplicates across languages written once), then regions and cities that
// LinkedIn shows on their own. Only unambiguous names belong here: a wrong country picks the wrong law, an
// unknown one asks the rep, so "Georgia" is the country, "Cambridge" and "Birmingham" are left out.
const TABLE = `
GB|united kingdom|uk|u k|great britain|britain|england|scotland|wales|northern ireland|vereinigtes konigreich|grossbritannien|royaume uni|angleterre|ecosse|pays de galles|reino unido|inglaterra|escocia|verenigd koninkrijk|engeland|schotland|regno unito|inghilterra|scozia|schottland|london|manchester|edinburgh|glasgow|belfast
DE|germany|deutschland|allemagne|alemania|duitsland|germania|alemanha|bayern|bavaria|berlin|munchen|muenchen|munich|hamburg|frankfurt|koln|cologne|cologne bonn|frankfurt rhine main|stuttgart|dusseldorf|nrw|ruhrgebiet
FR|france|frankreich|francia|frankrijk|franca|ile de france|paris|lyon|marseille|toulouse|bordeaux|lille|nantes
US|united states|united states of america|usa|u s a|us|u s|vereinigte staaten|etats unis|estados unidos|verenigde staten|stati uniti|eua|new york|nyc|new york city|san francisco|los angeles|chicago|boston|seattle|austin|dallas|houston|atlanta|denver|miami|philadelphia|phoenix|san diego|san jose|palo alto|silicon valley|washington dc|washington d c|dallas fort worth|miami fort lauderdale|washington dc baltimore|alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|district of columbia|nova iorque
CA|canada|kanada|ontario|quebec|british columbia|colombie britannique|alberta|manitoba|saskatchewan|nova scotia|nouvelle ecosse|new brunswick|nouveau brunswick|newfoundland and labrador|prince edward island|yukon|northwest territories|nunavut|toronto|gta|montreal|vancouver|calgary|ottawa
NL|netherlands|the netherlands|nederland|niederlande|pays bas|paises bajos|paesi bassi|paises baixos|holland|holanda|olanda|amsterdam|rotterdam|den haag|the hague|utrecht|eindhoven|randstad
ES|spain|espana|spanien|espagne|spanje|spagna|espanha|madrid|barcelona|valencia|sevilla|seville|catalonia|cataluna|catalunya
IT|italy|italia|italien|italie|itali|rome|roma|milan|milano|turin|torino|naples|napoli|florence|firenze|bologna
IE|ireland|republic of ireland|irland|irlande|irlanda|ierland|dublin|cork|galway
AT|austria|osterreich|oesterreich|autriche|oostenrijk|wien|vienna
CH|switzerland|schweiz|suisse|svizzera|suiza|zwitserland|suica|zurich|geneva|geneve|basel|bern|lausanne
BE|belgium|belgique|belgie|belgien|belgica|belgio|brussels|bruxelles|brussel|antwerp|antwerpen|ghent|gent
PT|portugal|portogallo|lisbon|lisboa|porto
PL|poland|polska|polen|pologne|polonia|warsaw|warszawa|krakow
SE|sweden|sverige|schweden|suede|suecia|zweden|svezia|stockholm|gothenburg|goteborg
DK|denmark|danmark|danemark|dinamarca|denemarken|danimarca|copenhagen|kobenhavn
NO|norway|norge|norwegen|norvege|noruega|noorwegen|norvegia|oslo
FI|finland|suomi|finnland|finlande|finlandia|helsinki
IS|iceland|island|islande|islandia|ijsland|islanda
LI|liechtenstein
LU|luxembourg|luxemburg|lussemburgo|luxemburgo
GR|greece|griechenland|grece|grecia|griekenland|athens
CY|cyprus|zypern|chypre|chipre|cipro
MT|malta|malte
CZ|czech republic|czechia|tschechien|republique tcheque|tchequie|republica checa|chequia|tsjechie|repubblica ceca|prague|praha
SK|slovakia|slowakei|slovaquie|eslovaquia|slowakije|slovacchia
HU|hungary|ungarn|hongrie|hungria|hongarije|ungheria|budapest
RO|romania|rumanien|roumanie|rumania|roemenie|bucharest
BG|bulgaria|bulgarien|bulgarie|bulgarije
HR|croatia|kroatien|croatie|croacia|kroatie|croazia
SI|slovenia|slowenien|slovenie|eslovenia|slovenije
EE|estonia|estland|estonie
LV|latvia|lettland|lettonie|letonia|letland|lettonia
LT|lithuania|litauen|lituanie|lituania|litouwen
AU|australia|australien|australie|sydney|melbourne|brisbane|new south wales|queensland
NZ|new zealand|neuseeland|nouvelle zelande|nueva zelanda|nieuw zeeland|nuova zelanda|nova zelandia|auckland
IN|india|indien|inde|indie|bangalore|bengaluru|mumbai|new delhi|delhi|hyderabad|chennai|pune|gurgaon|gurugram|karnataka|maharashtra
SG|singapore|singapur|singapour|singapura
IL|israel|tel aviv
AE|united arab emirates|uae|vereinigte arabische emirate|emirats arabes unis|emiratos arabes unidos|dubai
ZA|south africa|sudafrika|afrique du sud|sudafrica|zuid afrika|africa do sul
BR|brazil|brasilien|bresil|brasil|brazilie|brasile|sao paulo
MX|mexico|mexiko|mexique|messico|mexico city
AR|argentina|argentinien|argentine|argentinie
JP|japan|japon|giappone|japao|tokyo
CN|china|chine|cina|beijing|shanghai
HK|hong kong
TR|turkey|turkiye|turkei|turquie|turquia|turkije|turchia|istanbul
UA|ukraine|ucrania|oekraine|ucraina|kyiv
GE|georgia|georgien|georgie|tbilisi
`;

// Two-letter codes people write after a city ("Austin, TX", "Berlin, DE"). A code that is both a US state or
// Canadian province and a country (CA, DE, IN, NL…) is ambiguous: it only counts when the city settles it.
const US_STATES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC';
const CA_PROVINCES = 'ON QC BC AB MB SK NS NB NL PE YT NT NU';

const NAMES = new Map<string, string>();
for (const line of TABLE.trim().split('\n')) {
  const [code, ...names] = line.split('|');
  if (!code) continue;
  for (const n of names) {
    const key = fold(n);
    if (!NAMES.has(key)) NAMES.set(key, code);
  }
}
const COUNTRY_CODES = new Set(
  TABLE.trim()
    .split('\n')
    .map((l) => l.slice(0, 2)),
);
COUNTRY_CODES.delete('US'); // "US" is already a name above; as a code it would read as a state abbreviation
const SUBDIVISION_CODES = new Map<string, string>([
  ...US_STATES.split(' ').map((c): [string, string] => [c, 'US']),
  ...CA_PROVINCES.split(' ').map((c): [string, string] => [c, 'CA']),
]);

// Words LinkedIn and people wrap around a place name ("Greater Paris Metropolitan Region", "Berlin und Umgebung",
// "Área metropolitana de Madrid"). Removed only after the exact lookup failed.
const NOISE = new Set(
  'greater metropolitan metro metroplex area areas region bay the of city grossraum metropolregion und umgebung et environs peripherie agglomeration grand gran metropolitana metropolitano de di del da do la le les regione zona omgeving regio grande area county and'.split(
    ' ',
  ),
);

function lookupName(folded: string): string | undefined {
  // No partial matches beyond dropping noise words: "Valencia Venezuela" must not become Spain.
  return (
    NAMES.get(folded) ??
    NAMES.get(
      folded
        .split(' ')
        .filter((w) => !NOISE.has(w))
        .join(' '),
    )
  );
}

function lookupCode(part: string, before: string | undefined): string | undefined {
  const raw = part.trim().replace(/\./g, '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(raw)) return undefined;
  const sub = SUBDIVISION_CODES.get(raw);
  const country = COUNTRY_CODES.has(raw) ? raw : undefined;
  if (sub && country && sub !== country) {
    const fromCity = before ? lookupName(fold(before)) : undefined;
    return fromCity === sub || fromCity === country ? fromCity : undefined;
  }
  return sub ?? country;
}

/**
 * ISO 3166-1 alpha-2 country for a free-text location ("London, England, United Kingdom", "Austin, TX",
 * "Greater Paris Metropolitan Region"), or undefined when it is unknown or ambiguous.
 */
export function countryFromLocation(location: string): string | undefined {
  if (typeof location !== 'string' || location.length > 300) return undefined;
  const parts = location
    .split(/[,·|/()]|\s[-–—]\s/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  const last = parts[parts.length - 1] ?? '';
  if (parts.length > 1) {
    const code = lookupCode(last, parts[0]);
    if (code) return code;
  }
  const fromLast = lookupName(fold(last));
  if (fromLast === 'GE' && parts.length > 1) {
    // "Tbilisi, Georgia" or "Atlanta, Georgia": only the city can tell.
    const city = lookupName(fold(parts[0] ?? ''));
    return city === 'US' || city === 'GE' ? city : undefined;
  }
  // Earlier parts are not tried on their own: in "San José, Costa Rica" the city would name the wrong country.
  return fromLast ?? lookupName(fold(location));
}
