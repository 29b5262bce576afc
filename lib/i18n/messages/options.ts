import { audit } from './options/audit';
import { backup } from './options/backup';
import { bulk } from './options/bulk';
import { policy } from './options/policy';
import { settings } from './options/settings';
import { sites } from './options/sites';
import { team } from './options/team';
import { teamErrors } from './options/team-errors';

// The options page's Settings, Audit log, Export & backup, Bulk check and Team sections, one file per section
// under ./options, merged into one area here.
type Area = { en: Record<string, string>; de: Record<string, string>; fr: Record<string, string> };
function merge<const A extends readonly Area[]>(...areas: A) {
  type E = A[number]['en'];
  const pick = (lang: 'en' | 'de' | 'fr') => Object.assign({}, ...areas.map((a) => a[lang]));
  return { en: pick('en') as UnionToIntersection<E>, de: pick('de'), fr: pick('fr') } as {
    en: UnionToIntersection<E>;
    de: { [K in keyof UnionToIntersection<E>]: string };
    fr: { [K in keyof UnionToIntersection<E>]: string };
  };
}
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

export const options = merge(settings, sites, policy, audit, backup, bulk, team, teamErrors);
