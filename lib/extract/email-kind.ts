import common from 'email-providers/common.json';
import type { EmailKind } from '../vocab';
import { tidyEmail } from './emails';

// email-providers' common.json (≈4.6 KB, 1.9 KB gzipped, 355 domains) rather than all.json (138 KB, far over the
// content-script budget). Its ranking is by popularity of the *site*, so it misses regional webmail reps meet
// every day; those are added here. A few entries are companies or placeholders whose addresses are work
// addresses (bt.com staff, facebook.com staff) or not mail at all; they are taken out.
const EXTRA_WEBMAIL =
  'googlemail.com hotmail.co.uk hotmail.de hotmail.fr hotmail.es hotmail.it hotmail.nl hotmail.be live.co.uk live.de live.fr live.nl live.it outlook.de outlook.fr outlook.es outlook.it outlook.be outlook.co.uk yahoo.es yahoo.it yahoo.co.in yahoo.com.au ymail.com rocketmail.com aol.de gmx.ch gmx.fr gmx.co.uk posteo.de posteo.net tutanota.com tutanota.de tuta.io pm.me protonmail.ch fastmail.com 1und1.de kpnmail.nl ziggo.nl xs4all.nl bbox.fr tim.it fastwebnet.it telia.com bredband.net online.no';
const NOT_WEBMAIL = new Set(
  'example.com test.com test.de yourdomain.com mydomain.com facebook.com bt.com nus.edu.sg catholic.org medscape.com discovery.com space.com ancestry.com techspot.com law.com casino.com geek.com clerk.com easypost.com dnsmadeeasy.com name.com alibaba.com about.com go.com berlin.de saudia.com'.split(
    ' ',
  ),
);

const WEBMAIL: ReadonlySet<string> = new Set(
  [...(common as string[]), ...EXTRA_WEBMAIL.split(' ')]
    .map((d) => d.toLowerCase())
    .filter((d) => !NOT_WEBMAIL.has(d)),
);

function domainOf(email: string): string | null {
  const ok = tidyEmail(email);
  if (!ok) return null;
  return ok
    .slice(ok.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');
}

const norm = (d: string) => d.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');

/**
 * Personal when the domain is a webmail provider (or one the user listed as personal); work when it is any other
 * well-formed domain; unknown when the address does not parse. `ownTeamDomains` wins over the webmail list: a
 * team at a company that also runs webmail (a telecom, say) must see its own colleagues' addresses as work.
 */
export function emailKind(
  email: string,
  extraPersonalDomains: readonly string[] = [],
  ownTeamDomains: readonly string[] = [],
): EmailKind {
  const domain = domainOf(email);
  if (!domain) return 'unknown';
  if (ownTeamDomains.some((d) => norm(d) === domain)) return 'work';
  if (WEBMAIL.has(domain) || extraPersonalDomains.some((d) => norm(d) === domain)) return 'personal';
  return 'work';
}
