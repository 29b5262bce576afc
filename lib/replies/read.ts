import { linkedInProfileRef, slugKey } from '../extract/linkedin';
import { cleanText, isVisible, visibleTextNodes } from '../extract/text';

/** One message of an open thread, written by the other person. Its text is read only to look for a phrase. */
export interface ReplyMessage {
  /** The message element: one offer per message. */
  container: Element;
  /** The offer goes after this element (the message body). */
  anchor: Element;
  sender: { email?: string; profileUrl?: string };
  /** The day the reply was sent, YYYY-MM-DD (today when the page shows no readable date). */
  date: string;
  text: string;
}

const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9.-]+\.[a-z]{2,}/i;
const BLOCK = /^(ADDRESS|ARTICLE|BLOCKQUOTE|DIV|H[1-6]|LI|P|PRE|SECTION|TABLE|TR|UL|OL)$/;
// Quoted history and signatures, as the mail sites mark them; the text check cuts what these miss.
const NOT_OWN_WORDS =
  'blockquote, .gmail_signature, [data-smartmail="gmail_signature"], [id*="Signature" i], a';
// Where the quoted history starts: everything from here on is earlier mail, the rep's own included.
const HISTORY = '.gmail_quote, .gmail_extra, #divRplyFwdMsg, #appendonsend, [id*="divRplyFwdMsg"]';

function isoDay(d: Date): string {
  const off = d.getTimezoneOffset() * 60_000;
  return new Date(d.getTime() - off).toISOString().slice(0, 10);
}

/** A date as the site shows it ("Sat, Nov 28, 2026, 10:15 AM", "2026-11-28T10:15", "Nov 28", "Today"). */
export function dayOf(shown: string | null | undefined, now = new Date()): string {
  const s = cleanText(shown ?? '')
    .replace(/\(.*\)$/, '')
    .trim();
  if (!s || /^(today|heute|aujourd'hui|hoy|vandaag|oggi)\b/i.test(s) || /^\d{1,2}:\d{2}/.test(s))
    return isoDay(now);
  if (/^(yesterday|gestern|hier|ayer|gisteren|ieri)\b/i.test(s))
    return isoDay(new Date(now.getTime() - 86_400_000));
  // Numeric dates ("27/11/2026", "27.11.2026"): day first, as most locales write it, unless that cannot be.
  const num = /\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b/.exec(s);
  if (num) {
    let [day, month] = [Number(num[1]), Number(num[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    const d = new Date(Number(num[3]), month - 1, day);
    return Number.isNaN(d.getTime()) ? isoDay(now) : isoDay(d);
  }
  if (!/\d/.test(s)) return isoDay(now);
  // "Nov 28" without a year: this year, or last year when that would be in the future.
  let t = /\b\d{4}\b/.test(s) ? Date.parse(s) : Date.parse(`${s} ${now.getFullYear()}`);
  if (Number.isNaN(t)) t = Date.parse(s);
  if (Number.isNaN(t)) return isoDay(now);
  let d = new Date(t);
  if (d.getTime() > now.getTime() + 86_400_000) d = new Date(d.setFullYear(d.getFullYear() - 1));
  return isoDay(d);
}

/** The visible words of a message body, one line per block, without quotes, signatures and link texts. */
export function messageText(body: Element, maxChars = 5_000): string {
  let out = '';
  let lastBlock: Element | null = null;
  for (const n of visibleTextNodes(body, 2_000)) {
    const parent = n.parentElement;
    if (!parent) continue;
    if (parent.closest(HISTORY)) break;
    if (parent.closest(NOT_OWN_WORDS)) continue;
    let block: Element | null = parent;
    while (block && block !== body && !BLOCK.test(block.tagName)) block = block.parentElement;
    if (block !== lastBlock || n.previousSibling?.nodeName === 'BR') out += '\n';
    lastBlock = block;
    out += n.nodeValue ?? '';
    if (out.length >= maxChars) break;
  }
  return out.slice(0, maxChars);
}

function emailIn(s: string | null | undefined): string | undefined {
  return s ? EMAIL.exec(s)?.[0]?.toLowerCase() : undefined;
}

/** Gmail: each expanded message carries its sender on a span with an `email` attribute; its body is `.a3s`. */
export function gmailReplies(doc: Document, now = new Date()): ReplyMessage[] {
  // The signed-in address: in the title ("Inbox - me@x - Gmail") or on the account button.
  const me =
    emailIn(/ - ([^\s]+@[^\s]+) - /.exec(doc.title)?.[1]) ??
    emailIn(doc.querySelector('[aria-label^="Google Account:" i]')?.getAttribute('aria-label'));
  const out: ReplyMessage[] = [];
  const bodies = Array.from(doc.querySelectorAll('.a3s, [data-message-id] .ii')).slice(0, 100);
  for (const body of bodies) {
    const container = body.closest('[data-message-id], .adn, [role="listitem"]');
    if (!container || out.some((m) => m.container === container) || !isVisible(body)) continue;
    // The first address in the header is the sender's; later ones are recipients ("to me, Bob").
    const senderEl = Array.from(container.querySelectorAll('[email]')).find((e) => !body.contains(e));
    const email = emailIn(senderEl?.getAttribute('email'));
    if (!email || email === me) continue;
    const dateEl = container.querySelector('.g3[title], span[title][role="gridcell"], time[datetime]');
    const date = dayOf(
      dateEl?.getAttribute('datetime') ?? dateEl?.getAttribute('title') ?? dateEl?.textContent,
      now,
    );
    out.push({ container, anchor: body, sender: { email }, date, text: messageText(body) });
  }
  return out;
}

/** Outlook on the web: reading-pane items with a "Message body" and a sender persona above it. */
export function outlookReplies(doc: Document, now = new Date()): ReplyMessage[] {
  const me = emailIn(doc.querySelector('#mectrl_currentAccount_secondary')?.textContent);
  const out: ReplyMessage[] = [];
  const bodies = Array.from(
    doc.querySelectorAll(
      '[aria-label="Message body" i], [aria-label="Nachrichtentext" i], .allowTextSelection, #UniqueMessageBody',
    ),
  ).slice(0, 100);
  for (const body of bodies) {
    if (bodies.some((b) => b !== body && b.contains(body)) || !isVisible(body)) continue;
    // The item is the nearest ancestor that also shows who sent it.
    let container: Element | null = body.parentElement;
    let email: string | undefined;
    for (let i = 0; container && i < 10 && !email; i++) {
      // Past the item: a box that holds another message would lend this one that message's sender.
      const box: Element = container;
      if (bodies.some((b) => b !== body && box.contains(b))) {
        container = null;
        break;
      }
      email = senderEmailOutside(container, body);
      if (!email) container = container.parentElement;
    }
    if (!container || !email || email === me || out.some((m) => m.container === container)) continue;
    const dateEl = container.querySelector('[data-testid="SentReceivedSavedTime"], time[datetime]');
    const date = dayOf(dateEl?.getAttribute('datetime') ?? dateEl?.textContent, now);
    out.push({ container, anchor: body, sender: { email }, date, text: messageText(body) });
  }
  return out;
}

/** The first address shown in `box` before `body`: a persona's title or label, or "Name <address>" text. */
function senderEmailOutside(box: Element, body: Element): string | undefined {
  for (const e of Array.from(box.querySelectorAll('[title], [aria-label], span')).slice(0, 200)) {
    if (body.contains(e) || e.contains(body)) continue;
    if (!(e.compareDocumentPosition(body) & 4)) continue; // only what comes before the body
    const found =
      emailIn(e.getAttribute('title')) ?? emailIn(e.getAttribute('aria-label')) ?? emailIn(e.textContent);
    if (found) return found;
  }
  return undefined;
}

/**
 * LinkedIn messaging (the page and the chat overlay): message list items; a sender's profile link opens each group
 * and later items of the group are by the same person. The thread header links the other participant(s).
 */
export function linkedInReplies(doc: Document, now = new Date()): ReplyMessage[] {
  const out: ReplyMessage[] = [];
  const meLink = doc.querySelector('.global-nav__me a[href*="/in/"], a.global-nav__me[href*="/in/"]');
  const meRef = meLink ? linkedInProfileRef(meLink.getAttribute('href') ?? '', doc.URL) : null;
  const me = meRef ? slugKey(meRef.slug) : '';
  const BODY = '.msg-s-event-listitem__body, [class*="event-listitem__body"]';
  const lists = [
    ...new Set(
      Array.from(doc.querySelectorAll(BODY))
        .slice(0, 500)
        .map((b) => b.closest('ul'))
        .filter((ul): ul is HTMLUListElement => ul !== null),
    ),
  ];
  for (const list of lists.slice(0, 10)) {
    const thread =
      list.closest('.msg-convo-wrapper, .msg-overlay-conversation-bubble, [class*="msg-thread"], main') ??
      doc.body;
    const others = new Set<string>();
    for (const a of Array.from(thread.querySelectorAll('a[href*="/in/"]'))) {
      if (list.contains(a)) continue;
      const ref = linkedInProfileRef(a.getAttribute('href') ?? '', doc.URL);
      if (ref && slugKey(ref.slug) !== me) others.add(slugKey(ref.slug));
    }
    let sender: { slug: string; url: string } | null = null;
    let day = dayOf('', now);
    for (const li of Array.from(list.children).slice(0, 500)) {
      const heading = li.querySelector('time[class*="time-heading"], time[datetime]');
      if (heading) day = dayOf(heading.getAttribute('datetime') ?? heading.textContent, now);
      const link = li.querySelector('a[href*="/in/"]');
      const ref = link ? linkedInProfileRef(link.getAttribute('href') ?? '', doc.URL) : null;
      if (ref) sender = { slug: slugKey(ref.slug), url: ref.profileUrl };
      const body = li.querySelector(BODY);
      if (!body || !sender || !isVisible(body)) continue;
      const fromOther = others.size > 0 ? others.has(sender.slug) : sender.slug !== me;
      if (!fromOther || sender.slug === me) continue;
      out.push({
        container: li,
        anchor: body,
        sender: { profileUrl: sender.url },
        date: day,
        text: messageText(body),
      });
    }
  }
  return out;
}

/** The other person's messages in the thread open on this page, by site; [] elsewhere. */
export function readReplies(doc: Document, url: string, now = new Date()): ReplyMessage[] {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  try {
    if (host === 'mail.google.com') return gmailReplies(doc, now);
    if (/^outlook\.(office|office365|live)\.com$/.test(host)) return outlookReplies(doc, now);
    if (host === 'www.linkedin.com' || host === 'linkedin.com') return linkedInReplies(doc, now);
  } catch {
    // A page in the middle of re-rendering: nothing this time, the next change reads it again.
  }
  return [];
}
