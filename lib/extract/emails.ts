import { cleanText, isVisibleCached, SKIP_TAGS } from './text';

const LOCAL = "[\\p{L}\\p{N}._%+'-]";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,62})';
const TLD = '(?:\\p{L}{2,24}|xn--[\\p{L}\\p{N}-]{1,59})';
const CORE = `${LOCAL}{1,64}@${LABEL}(?:\\.${LABEL})*\\.${TLD}`;
// Lookbehind keeps matches starting at a word boundary, which also keeps the scan linear on long text.
const EMAIL_IN_TEXT = new RegExp(`(?<!${LOCAL})${CORE}(?![\\p{L}\\p{N}-]|\\.[\\p{L}\\p{N}])`, 'gu');
const EMAIL_EXACT = new RegExp(`^${CORE}$`, 'u');

export const MAX_EMAILS = 500;

/** Trim what text around an address tends to leave on it (leading dots from "…", quotes) and reject the absurd. */
export function tidyEmail(raw: string): string | null {
  const s = cleanText(raw).replace(/^[.'"]+/, '');
  if (s.length > 254 || !EMAIL_EXACT.test(s)) return null;
  const local = s.slice(0, s.indexOf('@'));
  if (local.endsWith('.') || local.includes('..')) return null;
  // Retina asset names (logo@2x.png) look like addresses; no real top-level domain is a file extension.
  if (/\.(png|jpe?g|gif|svg|webp|avif|ico|css|js)$/i.test(s)) return null;
  return s;
}

/** Every address in a mailto: href (`mailto:a@x,b@y?subject=…`), cleaned. */
export function emailsFromMailto(href: string): string[] {
  const m = /^\s*mailto:([^?#]*)/i.exec(href);
  if (!m) return [];
  let body = m[1] ?? '';
  try {
    body = decodeURIComponent(body);
  } catch {
    // A malformed escape: use the address as written.
  }
  const out: string[] = [];
  for (const part of body.split(/[,;]/)) {
    const e = tidyEmail(part);
    if (e) out.push(e);
  }
  return out;
}

/** Plain-text addresses in a string, after invisible characters are removed (so they cannot split or alter one). */
export function emailsInText(text: string): string[] {
  const clean = cleanText(text);
  if (!clean.includes('@')) return [];
  const out: string[] = [];
  for (const m of clean.matchAll(EMAIL_IN_TEXT)) {
    const e = tidyEmail(m[0]);
    if (e) out.push(e);
  }
  return out;
}

function isEditable(el: Element): boolean {
  const ce = el.closest('[contenteditable]');
  return ce !== null && ce.getAttribute('contenteditable') !== 'false';
}

/**
 * Every visible address in `root`, in document order, first occurrence only (case-insensitive). `element` is where a
 * marker may go: the link for mailto:, the text's parent otherwise. Hidden nodes, form fields, scripts and editable
 * areas are skipped: a page can hide someone else's address to make us look it up.
 */
export function findEmailsOnPage(
  root: ParentNode,
  limit = MAX_EMAILS,
): { email: string; element: Element }[] {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  if (!doc) return [];
  const cache = new Map<Element, boolean>();
  const seen = new Set<string>();
  const found: { email: string; element: Element }[] = [];
  const add = (email: string, element: Element) => {
    const key = email.toLowerCase();
    if (seen.has(key) || found.length >= limit) return;
    seen.add(key);
    found.push({ email, element });
  };
  const walker = doc.createTreeWalker(root as Node, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 3) return (node.nodeValue ?? '').includes('@') ? 1 : 3;
      const el = node as Element;
      // Cheap structural checks prune whole subtrees; style checks wait until there is a candidate.
      if (SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden')) return 2;
      if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) return 2;
      return 1;
    },
  });
  for (let n = walker.nextNode(); n && found.length < limit; n = walker.nextNode()) {
    if (n.nodeType === 1) {
      const el = n as Element;
      if (el.tagName.toUpperCase() !== 'A') continue;
      const href = el.getAttribute('href');
      if (!href || !/^\s*mailto:/i.test(href)) continue;
      if (!isVisibleCached(el, cache)) continue;
      for (const e of emailsFromMailto(href)) add(e, el);
      continue;
    }
    const parent = n.parentElement;
    if (!parent || isEditable(parent) || !isVisibleCached(parent, cache)) continue;
    for (const e of emailsInText(n.nodeValue ?? '')) add(e, parent);
  }
  return found;
}
