// Static check over the built extension: no network API and no remote address in any bundle, except the
// allowlisted strings below (each with the reason it cannot send anything). Also holds the content script to
// its size budget. Run after `npm run build`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIR = process.argv[2] ?? '.output/chrome-mv3';
const CONTENT_BUDGET = 15 * 1024;

const NETWORK_APIS = [
  /\bfetch\s*\(/g,
  /\bXMLHttpRequest\b/g,
  /\bWebSocket\b/g,
  /\bsendBeacon\b/g,
  /\bEventSource\b/g,
];
const REMOTE_URL = /\b(?:https?|wss?):\/\/[^\s"'`)\\<>]+/g;

/** [file pattern, exact match, why it cannot send anything] */
const ALLOW = [
  [
    /^background\.js$|^chunks\//,
    'XMLHttpRequest',
    "papaparse's URL-download mode (Papa.parse(url, { download: true })); Heed only parses Blobs and strings, and the CSP's connect-src 'self' would refuse it",
  ],
  [
    /./,
    'https://www.linkedin.com/in/',
    'the canonical form of a profile URL: a string compared, never requested',
  ],
  [/./, 'https://www.linkedin.com/sales/lead/', 'the canonical form of a Sales Navigator URL'],
  [/./, 'https://www.linkedin.com', 'host of canonical LinkedIn URLs'],
  [/./, 'https://www.linkedin.com/', 'host of canonical LinkedIn URLs'],
  [/./, 'https://github.com/', 'base for GitHub profile URLs read from the page'],
  [/./, 'https://github.com', 'base for GitHub profile URLs read from the page'],
  [
    /./,
    /^https:\/\/www\.linkedin\.com\/mypreferences\/d\/privacy\/(who-can-see-your-email|connections-download-email)$/,
    'LinkedIn settings pages the user may open from My data (links, never fetched)',
  ],
  [
    /./,
    /^https?:\/\/json-schema\.org\/draft[-/0-9a-z]+\/schema#?$/,
    "Zod's JSON-schema identifiers (strings, unused)",
  ],
  [
    /./,
    /^https?:\/\/(\[)?\$\{[a-z]+\}(\])?\/?$/,
    'a host put into a URL string so the URL API can parse and canonicalise it (identifiers)',
  ],
  [
    /./,
    /^https:\/\/www\.linkedin\.com(\$\{[a-z]+\}|\/in\/\$\{encodeURIComponent\(o|\/sales\/lead\/\$\{[a-z]+\}\/)$/,
    'building the canonical LinkedIn URL string (identifiers)',
  ],
  [
    /^chunks\/options-/,
    /^https:\/\/\$\{[a-zA-Z.]+\}\/\*?$/,
    'a site the user types in Settings, made into the origin pattern passed to permissions.request',
  ],
  [
    /^chunks\/options-/,
    /^https:\/\/(www\.linkedin\.com\/in\/[a-z0-9-]+\/|github\.com\/octo-ada)$/,
    "the demo data set's profile URLs (list entries and contacts, never requested)",
  ],
  [
    /^content-scripts\//,
    /^https:\/\/(www\.linkedin\.com|github\.com|mail\.google\.com|outlook\.(office|office365|live)\.com)\/\*$/,
    "the content scripts' own match patterns, kept by WXT",
  ],
  [/./, 'https://tinyurl.com/y2uuvskb', 'text of a Dexie error message'],
  [/./, 'http://bit.ly/2kdckMn', 'text of a Dexie error message'],
  [/./, 'https://react.dev/errors/', "text of React's error messages"],
  [/./, 'http://www.w3.org/1999/xlink', 'XML namespace name (React DOM)'],
  [/./, 'http://www.w3.org/2000/svg', 'XML namespace name (React DOM)'],
  [/./, 'http://www.w3.org/XML/1998/namespace', 'XML namespace name (React DOM)'],
  [/./, 'http://www.w3.org/1998/Math/MathML', 'XML namespace name (React DOM)'],
  [/./, 'http://www.w3.org/1999/xhtml', 'XML namespace name (React DOM)'],
  [/./, 'http://schema.org/Person', 'microdata type compared when reading GitHub profiles'],
  [/./, 'https://schema.org/Person', 'microdata type compared when reading GitHub profiles'],
];

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const problems = [];
let scanned = 0;
for (const file of files(DIR).filter((f) => /\.(m?js|html)$/.test(f))) {
  const rel = relative(DIR, file);
  const text = readFileSync(file, 'utf8');
  scanned++;
  const hits = [
    ...NETWORK_APIS.flatMap((re) => [...text.matchAll(re)].map((m) => m[0].replace(/\s+/g, ''))),
    ...[...text.matchAll(REMOTE_URL)].map((m) => m[0].replace(/[.,;]+$/, '')),
  ];
  for (const hit of hits) {
    const ok = ALLOW.some(
      ([where, what]) => where.test(rel) && (what instanceof RegExp ? what.test(hit) : hit === what),
    );
    if (!ok) problems.push(`${rel}: ${hit}`);
  }
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8'));
// Every script the manifest injects into pages has the budget (scan.js is injected only on a click).
const declared = [
  ...new Set(['content-scripts/annotate.js', ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? [])]),
];
const sizes = declared.map((file) => [file, gzipSync(readFileSync(join(DIR, file))).length]);
console.log(
  `bundle check: ${scanned} files scanned; content scripts ${sizes.map(([f, gz]) => `${f.replace('content-scripts/', '')} ${(gz / 1024).toFixed(1)} KB`).join(', ')} gzipped (budget ${CONTENT_BUDGET / 1024} KB each)`,
);
for (const [file, gz] of sizes)
  if (gz > CONTENT_BUDGET)
    problems.push(`${file} is ${gz} bytes gzipped, over the ${CONTENT_BUDGET}-byte budget`);
const csp = manifest.content_security_policy?.extension_pages ?? '';
if (!/connect-src 'self'/.test(csp)) problems.push(`manifest CSP lacks connect-src 'self': ${csp}`);
if (manifest.web_accessible_resources?.length) problems.push('manifest declares web_accessible_resources');
if (problems.length) {
  console.error(`✖ ${problems.length} problem(s):\n  ${[...new Set(problems)].join('\n  ')}`);
  process.exit(1);
}
console.log(
  '✔ no network API or remote address outside the allowlist; CSP connect-src self; no web-accessible resources',
);
