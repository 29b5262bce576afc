// Finds open compose boxes, their recipients and their Send controls on Gmail, Outlook on the web and LinkedIn
// messaging. The sites' class names are obfuscated and change often, so this reads roles, ARIA labels, form names
// and email-shaped attributes; LinkedIn's `msg-*` BEM names are its public-facing structure and are used there.
// It never reads the message body: every element inside the body editor is skipped.
import type { SendRecipient, SendSite } from '../messaging/types';

export interface FoundRecipient {
  /** 'email:…', 'profile:…', 'salesnav:…' or 'name:…' (no address: shown as unknown). */
  key: string;
  /** What the background looks up; absent for a name without an address. */
  lookup?: SendRecipient;
  /** What the user sees: the address, or the name. */
  label: string;
  /** The page's own control to take this recipient out (Gmail's chip × button), when there is one. */
  remove?: HTMLElement;
}

export interface ComposeBox {
  root: Element;
  recipients: FoundRecipient[];
  /** Where Heed's element goes: next to the recipients. */
  place: { parent: Node; before: Node | null };
}

const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;
const EMAIL = /^[^\s@<>(),;:"'[\]]+@[^\s@<>(),;:"'[\]]+\.[^\s@<>(),;:"'[\]]{2,}$/;
const EMAIL_IN = /[^\s@<>(),;:"'[\]]+@[^\s@<>(),;:"'[\]]+\.[^\s@<>(),;:"'[\]]{2,}/;

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** The address in a value such as "ada@x.example", "Ada <ada@x.example>" or "mailto:ada@x.example". */
export function emailIn(value: string | null | undefined): string | undefined {
  const v = clean(value).replace(/^mailto:/i, '');
  if (EMAIL.test(v)) return v.toLowerCase();
  const m = EMAIL_IN.exec(v);
  return m ? m[0].toLowerCase() : undefined;
}

// "Send" in the UI languages Heed's users run these sites in; the label may carry the shortcut: "Send (Ctrl-Enter)".
const SEND_WORDS = [
  'send',
  'senden',
  'envoyer',
  'enviar',
  'verzenden',
  'invia',
  'inviare',
  'skicka',
  'wyślij',
];
const SEND_LABEL = new RegExp(`^(?:${SEND_WORDS.join('|')})(?:\\s*[(\\[].*)?$`, 'i');
const SEND_SELECTOR = SEND_WORDS.flatMap((w) =>
  ['aria-label', 'data-tooltip', 'title'].map((a) => `[role=button][${a}^="${w}" i], button[${a}^="${w}" i]`),
).join(',');

function isSendLabelled(el: Element): boolean {
  return ['aria-label', 'data-tooltip', 'title'].some((a) => {
    const v = el.getAttribute(a);
    return v !== null && SEND_LABEL.test(clean(v));
  });
}

const WELL_LABEL = /^(?:to|cc|bcc|an|à|para|aan|kopie|copie)(?=$|[\s:(\-–])/i;
const FROM_LABEL = /^(?:from|von|de|van|da)\b/i;
const REMOVE_LABEL = /^(?:remove|delete|entfernen|supprimer|quitar|eliminar|verwijderen|rimuovi)\b/i;
const NAMED_FIELDS = 'to,cc,bcc'.split(',');

/** Elements where the user writes the message: never read, and their contents are never recipients. */
function bodiesIn(root: Element): Element[] {
  return [
    ...root.querySelectorAll(
      '[contenteditable]:not([contenteditable=false]), [role=textbox][aria-multiline=true], textarea:not([name=to]):not([name=cc]):not([name=bcc])',
    ),
  ].filter((el) => !isWell(el) && !inWell(el));
}

const wellSelector =
  ':is([role=listbox],[role=textbox],[role=combobox],[role=group],[role=list],input,div,span)';

function isWell(el: Element): boolean {
  const label = clean(el.getAttribute('aria-label'));
  return label !== '' && WELL_LABEL.test(label) && el.matches(wellSelector);
}

function inWell(el: Element): boolean {
  for (let p = el.parentElement; p; p = p.parentElement)
    if (p.hasAttribute('aria-label') && isWell(p)) return true;
  return false;
}

function inside(el: Element, containers: readonly Element[]): boolean {
  return containers.some((c) => c !== el && c.contains(el));
}

function excluded(el: Element, bodies: readonly Element[]): boolean {
  if (inside(el, bodies)) return true;
  const labelled = el.closest('[aria-label]');
  if (labelled && FROM_LABEL.test(clean(labelled.getAttribute('aria-label')))) return true;
  return el.closest('[name=from], select, [role=tooltip], [role=dialog][aria-label*="card" i]') !== null;
}

// ---- Mail (Gmail, Outlook) ---------------------------------------------------------------------------------

const MAIL_INDICATOR =
  'input[name=to],input[name=cc],input[name=bcc],textarea[name=to],[data-hovercard-id],[email],[aria-label]';

function hasRecipientField(el: Element): boolean {
  for (const c of el.querySelectorAll(MAIL_INDICATOR)) {
    if (c.hasAttribute('aria-label') && !c.matches('[name],[data-hovercard-id],[email]')) {
      if (isWell(c)) return true;
      continue;
    }
    return true;
  }
  return false;
}

/** The compose box a Send control belongs to: its nearest ancestor that also holds a recipient field. */
function mailRootOf(send: Element): Element | null {
  let el = send.parentElement;
  for (let depth = 0; el && depth < 30; depth++, el = el.parentElement) {
    if (el === el.ownerDocument.body) return null;
    if (hasRecipientField(el)) return el;
  }
  return null;
}

function chipRemove(chip: Element): HTMLElement | undefined {
  const scope = chip.closest('[role=option],[role=listitem],[role=button][data-hovercard-id]') ?? chip;
  const candidates = [scope, scope.parentElement].filter((x): x is Element => x !== null);
  for (const c of candidates) {
    for (const b of c.querySelectorAll<HTMLElement>('[aria-label],[data-tooltip]')) {
      if (REMOVE_LABEL.test(clean(b.getAttribute('aria-label') ?? b.getAttribute('data-tooltip')))) return b;
    }
    if (c !== scope) break;
  }
  return undefined;
}

/** A chip's own words: not its remove button's, nor hidden decorations'. */
function chipText(el: Element): string {
  let out = '';
  for (const n of el.childNodes) {
    if (n.nodeType === 3) out += n.textContent ?? '';
    else if (
      n.nodeType === 1 &&
      !(n as Element).matches('button,[role=button],[aria-hidden=true],style,script')
    )
      out += ` ${chipText(n as Element)}`;
  }
  return out;
}

function mailRecipients(root: Element): FoundRecipient[] {
  const bodies = bodiesIn(root);
  const out = new Map<string, FoundRecipient>();
  const addressed: Element[] = [];
  const addEmail = (email: string, el: Element | null) => {
    const key = `email:${email}`;
    const prev = out.get(key);
    const remove = el ? chipRemove(el) : undefined;
    if (prev) {
      if (!prev.remove && remove) prev.remove = remove;
      return;
    }
    out.set(key, { key, lookup: { email }, label: email, ...(remove ? { remove } : {}) });
  };
  // Hidden form fields hold what was added (typed text still being written lives in visible fields: not yet added).
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type=hidden]')) {
    if (!NAMED_FIELDS.includes(input.name.toLowerCase())) continue;
    for (const part of input.value.split(/[,;]/)) {
      const email = emailIn(part);
      if (email) addEmail(email, null);
    }
  }
  // Chips: Gmail's [data-hovercard-id] / [email]; any recipient well's items with an address in an attribute.
  const chips = [
    ...root.querySelectorAll('[data-hovercard-id],[email],[data-email],[data-address]'),
    ...[...root.querySelectorAll('[aria-label]')]
      .filter(isWell)
      .flatMap((w) => [...w.querySelectorAll('[aria-label],[title]')]),
  ];
  for (const el of chips) {
    if (excluded(el, bodies)) continue;
    const label = clean(el.getAttribute('aria-label'));
    if (REMOVE_LABEL.test(label) || isWell(el)) continue;
    const email =
      emailIn(el.getAttribute('data-hovercard-id')) ??
      emailIn(el.getAttribute('email')) ??
      emailIn(el.getAttribute('data-email')) ??
      emailIn(el.getAttribute('data-address')) ??
      emailIn(el.getAttribute('title')) ??
      emailIn(label);
    if (email) {
      addEmail(email, el);
      addressed.push(el);
    }
  }
  // Names without an address: chips in a recipient well (or Gmail chips whose id is not an address).
  const named = [
    ...root.querySelectorAll('[data-hovercard-id]'),
    ...[...root.querySelectorAll('[aria-label]')]
      .filter(isWell)
      .flatMap((w) => [
        ...w.querySelectorAll('[role=option],[role=listitem],[role=button],[data-name],[title]'),
      ]),
  ].filter((el, i, all) => all.indexOf(el) === i && !excluded(el, bodies));
  for (const el of named) {
    if (addressed.some((a) => a === el || a.contains(el) || el.contains(a))) continue;
    if (named.some((o) => o !== el && o.contains(el))) continue; // the chip, not its parts
    const label = clean(el.getAttribute('aria-label'));
    if (REMOVE_LABEL.test(label)) continue;
    const name = clean(el.getAttribute('data-name') ?? el.getAttribute('title') ?? (label || chipText(el)));
    if (!name || REMOVE_LABEL.test(name)) continue;
    // An address not yet resolved to a person shows as its own text.
    const shown = emailIn(name) ?? emailIn(chipText(el));
    if (shown) {
      addEmail(shown, el);
      continue;
    }
    const key = `name:${name.toLowerCase()}`;
    if (!out.has(key)) {
      const remove = chipRemove(el);
      out.set(key, { key, label: name.slice(0, 120), ...(remove ? { remove } : {}) });
    }
  }
  return [...out.values()];
}

function mailPlace(root: Element): ComposeBox['place'] {
  const well =
    [...root.querySelectorAll('[aria-label]')].find(isWell) ??
    root.querySelector('[data-hovercard-id],[email]')?.parentElement ??
    root.querySelector('input[name=to]');
  const anchor = well?.closest('[role=listbox],[role=textbox],[role=combobox]') ?? well;
  if (anchor?.parentNode) return { parent: anchor.parentNode, before: anchor.nextSibling };
  return { parent: root, before: root.firstChild };
}

function mailBoxes(doc: Document): ComposeBox[] {
  const roots = new Set<Element>();
  for (const send of doc.querySelectorAll(SEND_SELECTOR)) {
    if (!isSendLabelled(send)) continue;
    const root = mailRootOf(send);
    if (root) roots.add(root);
  }
  return [...roots].map((root) => ({ root, recipients: mailRecipients(root), place: mailPlace(root) }));
}

// ---- LinkedIn messaging --------------------------------------------------------------------------------------

const LI_FORM = 'form.msg-form, form[class*="msg-form"], form[class*="compose" i], form[class*="inmail" i]';
const PROFILE_LINK = 'a[href*="/in/"], a[href*="/sales/lead/"], a[href*="/sales/people/"]';
const MESSAGE_LIST = '[class*="message-list"], [class*="msg-s-"], [class*="event-list"], [class*="typing"]';
const HEADERISH =
  'header, h1, h2, h3, [class*="header"], [class*="title-bar"], [class*="topcard"], [class*="entity-lockup"], [class*="recipient"]';

function isComposeForm(form: Element): boolean {
  return (
    form.querySelector(
      '.msg-form__contenteditable, [contenteditable=true], [role=textbox], textarea[name=message], textarea',
    ) !== null
  );
}

// Canonical profile URLs are compared by the background, never requested.
const LINKEDIN = 'https://www.linkedin.com';

function profileOf(a: HTMLAnchorElement): SendRecipient | undefined {
  let url: URL;
  try {
    url = new URL(a.getAttribute('href') ?? '', a.ownerDocument.location?.href ?? LINKEDIN);
  } catch {
    return undefined;
  }
  const path = url.pathname;
  if (/^\/in\/[^/]+/.test(path)) {
    const slug = path.split('/')[2] ?? '';
    return { profileUrl: `${LINKEDIN}/in/${slug}/` };
  }
  if (/^\/sales\/(lead|people)\/[^/]+/.test(path)) {
    return { salesNavUrl: LINKEDIN + path.split('/').slice(0, 4).join('/') };
  }
  return undefined;
}

function linkedinRoot(form: Element, forms: readonly Element[]): Element {
  let best: Element = form;
  let el = form.parentElement;
  for (let depth = 0; el && depth < 12 && el !== el.ownerDocument.body; depth++, el = el.parentElement) {
    if (forms.some((f) => f !== form && el?.contains(f))) break; // the next level holds another conversation
    best = el;
    if (headerLinks(el, form).length > 0) return el;
  }
  return best;
}

function headerLinks(root: Element, form: Element): HTMLAnchorElement[] {
  const links = [...root.querySelectorAll<HTMLAnchorElement>(PROFILE_LINK)].filter(
    (a) => !form.contains(a) && !a.closest(MESSAGE_LIST) && profileOf(a) !== undefined,
  );
  const inHeader = links.filter((a) => a.closest(HEADERISH) !== null && root.contains(a.closest(HEADERISH)));
  return inHeader.length > 0 ? inHeader : links;
}

function linkedinRecipients(root: Element, form: Element): FoundRecipient[] {
  const out = new Map<string, FoundRecipient>();
  for (const a of headerLinks(root, form)) {
    const lookup = profileOf(a);
    if (!lookup) continue;
    const id = lookup.profileUrl ?? lookup.salesNavUrl ?? '';
    const key = lookup.profileUrl ? `profile:${id}` : `salesnav:${id}`;
    const name = clean(a.textContent) || clean(a.getAttribute('aria-label')) || id;
    if (!out.has(key)) out.set(key, { key, lookup, label: name.slice(0, 120) });
  }
  // A new message: the people picked in the "To" typeahead are pills with a name and no profile link.
  for (const pill of root.querySelectorAll(
    '[class*="typeahead"] [class*="pill"], [class*="recipient"] [class*="pill"], [class*="artdeco-pill"]',
  )) {
    if (pill.parentElement?.closest('[class*="pill"]')) continue;
    const name = clean(pill.textContent ?? pill.getAttribute('aria-label'));
    if (name && !REMOVE_LABEL.test(name))
      out.set(`name:${name.toLowerCase()}`, { key: `name:${name.toLowerCase()}`, label: name.slice(0, 120) });
  }
  if (out.size === 0 && !root.querySelector('[class*="typeahead"], input[role=combobox]')) {
    // A header with a name but no link (a group, or markup Heed does not know): unknown, never ok.
    const title = root.querySelector(HEADERISH);
    const name = title && !form.contains(title) ? clean(title.textContent).slice(0, 120) : '';
    if (name) out.set(`name:${name.toLowerCase()}`, { key: `name:${name.toLowerCase()}`, label: name });
  }
  return [...out.values()];
}

function linkedinBoxes(doc: Document): ComposeBox[] {
  const forms = [...doc.querySelectorAll(LI_FORM)].filter(isComposeForm);
  return forms.map((form) => {
    const root = linkedinRoot(form, forms);
    return {
      root,
      recipients: linkedinRecipients(root, form),
      place: { parent: form, before: form.firstChild },
    };
  });
}

/** Every open compose box on the page. */
export function findComposeBoxes(doc: Document, site: SendSite): ComposeBox[] {
  return site === 'linkedin' ? linkedinBoxes(doc) : mailBoxes(doc);
}

/** Whether `el` is (inside) this site's Send control. Returns the control. */
export function sendControlAt(el: Element | null, site: SendSite): HTMLElement | null {
  if (!el) return null;
  if (site === 'linkedin') {
    const b = el.closest<HTMLElement>('button, [role=button]');
    if (!b) return null;
    const form = b.closest(LI_FORM);
    if (!form) return null;
    if (
      b.matches('.msg-form__send-button, [class*="send-button"], button[type=submit]') ||
      isSendLabelled(b) ||
      SEND_LABEL.test(clean(b.textContent))
    )
      return b;
    return null;
  }
  const b = el.closest<HTMLElement>('[role=button], button');
  return b && isSendLabelled(b) ? b : null;
}
