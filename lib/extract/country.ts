import { fold } from './text';

// Names are stored already folded (lower case, no accents, ß→ss, punctuation→space) so the table stays small and
// lookups need no further work. One line per country: code, then names in English, German, French, Spanish,
// Dutch, Italian and Portuguese (duplicates across languages written once), then regions and cities that
// LinkedIn shows on their own. Only unambiguous names belong here: a wrong country picks the wrong law, an
// unknown one asks the rep, so "Georgia" is the country, "Cambridge" and "Birmingham" are left out.
const TABLE = `
GB|united kingdom|uk|u k|great britain|britain|england|scotland|wales|northern ireland|vereinigtes konigreich|grossbritannien|royaume uni|angleterre|ecosse|pays de galles|reino unido|inglaterra|escocia|gales|verenigd koninkrijk|groot brittannie|engeland|schotland|regno unito|inghilterra|scozia|galles|schottland|irlanda del norte|london|londres|londra|londen|manchester|edinburgh|glasgow|bristol|leeds|liverpool|cardiff|belfast
DE|germany|deutschland|allemagne|alemania|duitsland|germania|alemanha|bayern|bavaria|baviere|baviera|berlin|berlino|munchen|muenchen|munich|monaco di baviera|hamburg|hambourg|frankfurt|francfort|koln|cologne|cologne bonn|frankfurt rhine main|stuttgart|dusseldorf|hessen|hesse|nordrhein westfalen|north rhine westphalia|nrw|baden wurttemberg|niedersachsen|lower saxony|sachsen|saxony|brandenburg|rheinland pfalz|schleswig holstein|thuringen|leipzig|dresden|hannover|nurnberg|nuremberg|bremen|ruhrgebiet
FR|france|frankreich|francia|frankrijk|franca|ile de france|paris|parigi|parijs|lyon|marseille|toulouse|bordeaux|lille|nantes|nice|strasbourg|auvergne rhone alpes|provence alpes cote d azur|occitanie|nouvelle aquitaine|bretagne|hauts de france
US|united states|united states of america|usa|u s a|us|u s|vereinigte staaten|vereinigte staaten von amerika|etats unis|estados unidos|verenigde staten|stati uniti|eua|new york|nyc|san francisco|los angeles|chicago|boston|seattle|austin|dallas|houston|atlanta|denver|miami|philadelphia|phoenix|san diego|san jose|palo alto|mountain view|silicon valley|washington dc|washington d c|dallas fort worth|miami fort lauderdale|washington dc baltimore|new york city|sacramento|alabama|alaska|arizona|arkansas|california|kalifornien|californie|colorado|connecticut|delaware|florida|floride|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|louisiane|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|district of columbia
CA|canada|kanada|ontario|quebec|british columbia|colombie britannique|alberta|manitoba|saskatchewan|nova scotia|nouvelle ecosse|new brunswick|nouveau brunswick|newfoundland and labrador|prince edward island|yukon|northwest territories|nunavut|toronto|gta|montreal|vancouver|calgary|ottawa|edmonton
NL|netherlands|the netherlands|nederland|niederlande|pays bas|paises bajos|paesi bassi|paises baixos|holland|holanda|olanda|amsterdam|rotterdam|den haag|the hague|utrecht|eindhoven|randstad|noord holland|zuid holland|noord brabant
ES|spain|espana|spanien|espagne|spanje|spagna|espanha|madrid|barcelona|barcelone|valencia|sevilla|seville|malaga|bilbao|cataluna|catalunya|catalonia|andalucia|comunidad de madrid
IT|italy|italia|italien|italie|itali|italia|rome|roma|rom|milan|milano|mailand|turin|torino|naples|napoli|florence|firenze|bologna|lombardia|lombardy|lazio|piemonte
IE|ireland|republic of ireland|irland|irlande|irlanda|ierland|dublin|cork|galway|county dublin|co dublin
AT|austria|osterreich|oesterreich|autriche|oostenrijk|wien|vienna|vienne|graz|linz|salzburg
CH|switzerland|schweiz|suisse|svizzera|suiza|zwitserland|suica|zurich|geneva|geneve|genf|ginevra|basel|bale|bern|berne|lausanne|lugano
BE|belgium|belgique|belgie|belgien|belgica|belgio|brussels|bruxelles|brussel|brussel|antwerp|antwerpen|anvers|ghent|gent|gand|liege|leuven|flanders|vlaanderen|wallonia|wallonie
PT|portugal|portogallo|lisbon|lisboa|lissabon|lisbonne|porto|oporto
PL|poland|polska|polen|pologne|polonia|polonie|warsaw|warszawa|warschau|varsovie|krakow|cracow|wroclaw|gdansk|poznan
SE|sweden|sverige|schweden|suede|suecia|zweden|svezia|stockholm|gothenburg|goteborg|malmo
DK|denmark|danmark|danemark|dinamarca|denemarken|danimarca|copenhagen|kobenhavn|kopenhagen|copenhague|aarhus
NO|norway|norge|norwegen|norvege|noruega|noorwegen|norvegia|oslo
FI|finland|suomi|finnland|finlande|finlandia|finlandia|helsinki|helsingfors|espoo|tampere
IS|iceland|island|islande|islandia|ijsland|islanda|reykjavik
LI|liechtenstein
LU|luxembourg|luxemburg|lussemburgo|luxemburgo
GR|greece|griechenland|grece|grecia|griekenland|grecia|athens|athen|athenes|atenas|atene
CY|cyprus|zypern|chypre|chipre|cipro|nicosia|limassol
MT|malta|malte|valletta
CZ|czech republic|czechia|tschechien|tschechische republik|republique tcheque|tchequie|republica checa|chequia|tsjechie|repubblica ceca|prague|praha|prag
SK|slovakia|slowakei|slovaquie|eslovaquia|slowakije|slovacchia|bratislava
HU|hungary|ungarn|hongrie|hungria|hongarije|ungheria|budapest
RO|romania|rumanien|roumanie|rumania|roemenie|bucharest|bucuresti|bukarest
BG|bulgaria|bulgarien|bulgarie|bulgarije|sofia
HR|croatia|kroatien|croatie|croacia|kroatie|croazia|zagreb
SI|slovenia|slowenien|slovenie|eslovenia|slovenije|ljubljana
EE|estonia|estland|estonie|tallinn
LV|latvia|lettland|lettonie|letonia|letland|lettonia|riga
LT|lithuania|litauen|lituanie|lituania|litouwen|vilnius
AU|australia|australien|australie|sydney|melbourne|brisbane|adelaide|canberra|new south wales|queensland
NZ|new zealand|neuseeland|nouvelle zelande|nueva zelanda|nieuw zeeland|nuova zelanda|nova zelandia|auckland|wellington
IN|india|indien|inde|indie|bangalore|bengaluru|mumbai|new delhi|delhi|hyderabad|chennai|pune|kolkata|gurgaon|gurugram|noida|karnataka|maharashtra
SG|singapore|singapur|singapour|singapura
IL|israel|tel aviv|jerusalem
AE|united arab emirates|uae|vereinigte arabische emirate|emirats arabes unis|emiratos arabes unidos|dubai|abu dhabi
ZA|south africa|sudafrika|afrique du sud|sudafrica|zuid afrika|africa do sul|cape town|johannesburg
BR|brazil|brasilien|bresil|brasil|brazilie|brasile|sao paulo|rio de janeiro
MX|mexico|mexiko|mexique|mejico|messico|mexico city|ciudad de mexico
AR|argentina|argentinien|argentine|argentinie|buenos aires
JP|japan|japon|giappone|japao|tokyo|tokio|osaka
CN|china|chine|cina|beijing|shanghai|shenzhen
HK|hong kong
TR|turkey|turkiye|turkei|turquie|turquia|turkije|turchia|istanbul|ankara
UA|ukraine|ucrania|oekraine|ucraina|kyiv|kiev|lviv
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
