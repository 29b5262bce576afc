// Characters that render as nothing (or reorder what is shown) but change what a string *is*: zero-width
// spaces and joiners, bidi marks/embeddings/overrides/isolates, word joiner and invisible operators, soft hyphen,
// BOM, Hangul fillers, variation selectors and tag characters. A page can use them to make two different
// strings look the same, or to hide a different address behind a familiar one.
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: each code point is removed on its own, combining or not
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}]/gu;

/**
 * Removes the characters above and nothing else: spaces stay as they are (cleanText folds them). Not
 * lib/identifiers' stripInvisible, which also turns Unicode spaces into ' ' for an identifier.
 */
export function stripHiddenChars(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Strip invisible characters, turn every kind of space (NBSP, thin space, ideographic space…) into one space, trim. */
export function cleanText(s: string | null | undefined): string {
  if (!s) return '';
  return stripHiddenChars(s).replace(/\s+/g, ' ').trim();
}

/** Case-, accent- and punctuation-insensitive form for comparing names and looking up places. */
export function fold(s: string): string {
  return cleanText(s)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Elements whose text is never shown as page text, or is the user's own input rather than the page's.
export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'IFRAME',
  'OBJECT',
  'HEAD',
  'TITLE',
]);

const OFFSCREEN_PX = -500;

function px(v: string): number {
  const n = Number.parseFloat(v);
  return Number.isFinite(n) ? n : Number.NaN;
}

function isClippedAway(clip: string, clipPath: string): boolean {
  if (/^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(clip)) return true;
  // rect(1px, 1px, 1px, 1px) and friends: a zero-area clip box, however it is spelled.
  const r =
    /^rect\(\s*([-\d.]+)(?:px)?[\s,]+([-\d.]+)(?:px)?[\s,]+([-\d.]+)(?:px)?[\s,]+([-\d.]+)(?:px)?\s*\)$/.exec(
      clip,
    );
  if (r && (px(r[1] ?? '') >= px(r[3] ?? '') || px(r[4] ?? '') >= px(r[2] ?? ''))) return true;
  return /^inset\(\s*(50|100)%\s*\)$/.test(clipPath) || /^circle\(\s*0(px|%)?/.test(clipPath);
}

/** Styles on the element itself (not inherited) that hide it and everything inside it. */
function hidesSubtree(el: Element, view: Window): boolean {
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const tag = el.tagName;
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  const parent = el.parentElement;
  if (parent?.tagName === 'DETAILS' && !parent.hasAttribute('open') && tag !== 'SUMMARY') return true;
  const cs = view.getComputedStyle(el);
  if (cs.display === 'none') return true;
  if (cs.opacity !== '' && px(cs.opacity) === 0) return true;
  const position = cs.position;
  if (position === 'absolute' || position === 'fixed') {
    if (px(cs.left) <= OFFSCREEN_PX || px(cs.top) <= OFFSCREEN_PX || px(cs.right) <= OFFSCREEN_PX)
      return true;
  }
  if (isClippedAway(cs.clip, cs.clipPath ?? '')) return true;
  const overflowHidden = /hidden|clip/.test(`${cs.overflow} ${cs.overflowX} ${cs.overflowY}`);
  if (overflowHidden) {
    const w = px(cs.width);
    const h = px(cs.height);
    if (w <= 1 || h <= 1 || px(cs.maxHeight) === 0 || px(cs.maxWidth) === 0) return true;
    if (px(cs.textIndent) <= OFFSCREEN_PX) return true;
  }
  if (/scale\(\s*0(\.0+)?\s*\)|matrix\(\s*0(\.0+)?,\s*0(\.0+)?,\s*0(\.0+)?,\s*0(\.0+)?,/.test(cs.transform))
    return true;
  return false;
}

/**
 * Inherited properties: the element's own computed value decides (a child may set visibility:visible again).
 * jsdom does not inherit font-size, so use the nearest element that declares one.
 */
function hiddenByInherited(el: Element, view: Window): boolean {
  const cs = view.getComputedStyle(el);
  if (cs.visibility === 'hidden' || cs.visibility === 'collapse') return true;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const fs = view.getComputedStyle(e).fontSize;
    if (fs) return px(fs) === 0;
  }
  return false;
}

type VisibilityCache = Map<Element, boolean>;

function subtreeHidden(el: Element, view: Window, cache: VisibilityCache | undefined): boolean {
  const path: Element[] = [];
  let hidden = false;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const known = cache?.get(e);
    if (known !== undefined) {
      hidden = known;
      break;
    }
    path.push(e);
    if (hidesSubtree(e, view)) {
      hidden = true;
      break;
    }
  }
  // Every element on the walked path shares the answer: hidden if it is (or is under) the hiding one.
  if (cache) for (const e of path) cache.set(e, hidden);
  return hidden;
}

export function isVisibleCached(el: Element, cache?: VisibilityCache): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  try {
    // Browsers know about rendering that computed style alone cannot show (closed popovers,
    // content-visibility:hidden); jsdom lacks the method, so it can only add strictness.
    // An element with display:contents has no box of its own, so checkVisibility calls it invisible even
    // though its children render; leave those to the style checks below.
    const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
    if (
      typeof check === 'function' &&
      view.getComputedStyle(el).display !== 'contents' &&
      !check.call(el, { opacityProperty: true, visibilityProperty: true })
    ) {
      return false;
    }
    if (subtreeHidden(el, view, cache)) return false;
    return !hiddenByInherited(el, view);
  } catch {
    // A detached or exotic node: treat as not visible rather than trust it.
    return false;
  }
}

export function isVisible(el: Element): boolean {
  return isVisibleCached(el);
}

const BLOCK =
  /^(ADDRESS|ARTICLE|ASIDE|BLOCKQUOTE|DD|DIV|DL|DT|FIGCAPTION|FIGURE|FOOTER|FORM|H[1-6]|HEADER|HR|LI|MAIN|NAV|OL|P|PRE|SECTION|TABLE|TD|TH|TR|UL|BODY)$/;

function blockOf(n: Node, root: Element): Node {
  for (let e = n.parentElement; e && e !== root; e = e.parentElement) if (BLOCK.test(e.tagName)) return e;
  return root;
}

/** Visible, non-blank text nodes under `el` in document order (hidden subtrees are pruned, not just filtered). */
export function visibleTextNodes(el: Element, maxNodes = 5_000): Text[] {
  const doc = el.ownerDocument;
  const view = doc.defaultView;
  if (!view || !isVisible(el)) return [];
  const out: Text[] = [];
  const walker = doc.createTreeWalker(el, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 3) return 1;
      const e = node as Element;
      if (SKIP_TAGS.has(e.tagName.toUpperCase()) || hidesSubtree(e, view)) return 2; // reject the whole subtree
      return e.tagName.toUpperCase() === 'BR' ? 1 : 3; // 3: skip the element itself, keep walking its children
    },
  });
  for (let n = walker.nextNode(); n && out.length < maxNodes; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (n.nodeType === 1 || !parent || hiddenByInherited(parent, view)) continue;
    if (cleanText(n.nodeValue) !== '') out.push(n as Text);
  }
  return out;
}

/** Text of the visible parts of `el`, walking text nodes so that hidden descendants contribute nothing. */
export function visibleText(el: Element, maxChars = 20_000): string {
  const parts: string[] = [];
  let total = 0;
  let lastBlock: Node | null = null;
  for (const n of visibleTextNodes(el)) {
    if (total >= maxChars) break;
    // Block boundaries would otherwise glue words together ("Jane DoeHead of…").
    const block = blockOf(n, el);
    if (block !== lastBlock || n.previousSibling?.nodeName === 'BR') parts.push(' ');
    lastBlock = block;
    const t = n.nodeValue ?? '';
    parts.push(t);
    total += t.length;
  }
  return cleanText(parts.join('')).slice(0, maxChars);
}
