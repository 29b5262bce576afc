import { pt, ptn } from '../i18n/page';
import type { BadgeAnswer, RecordAction } from '../messaging/types';
import { CHANNELS } from '../vocab';
import { closeOnEscapeOrOutside, SHOWN_STYLE, shown } from './shown';
import { channelLabel, channelVerdictWord, LEVEL_COLOUR, levelWord } from './words';

/** What the badge shows: nothing known yet, a failure, or the background's answer. */
export type BadgeView =
  | { state: 'pending' }
  | { state: 'error'; message: string }
  | { state: 'answer'; answer: BadgeAnswer };

export interface Badge {
  /** The element inserted into the page: the same bare `span` whatever the verdict. */
  readonly host: HTMLElement;
  update(view: BadgeView): void;
  remove(): void;
}

// The host's box is fixed so the page cannot tell a blocked person from an unknown one by measuring it; the panel
// is positioned outside the flow, and has one fixed size for every verdict (its content scrolls inside), for the
// same reason: a page can probe the open panel's extent with elementFromPoint. It is always a scroller that never
// hands a wheel on to the page, or the page could see its own scroll events come only when the content is short.
const STYLE = `${SHOWN_STYLE}
:host{all:initial !important;display:inline-block !important;position:relative !important;width:7.5em !important;height:1.6em !important;vertical-align:middle !important;margin:0 0 0 .5em !important;font:13px/1.2 system-ui,sans-serif !important}
.pill{all:unset;box-sizing:border-box;display:flex;align-items:center;gap:.35em;width:100%;height:100%;padding:0 .6em;border-radius:999px;color:#fff;background:#667085;cursor:pointer;overflow:hidden;white-space:nowrap;font-weight:600}
.pill:focus-visible{outline:3px solid #2e90fa;outline-offset:2px}
.dot{width:.55em;height:.55em;border-radius:50%;background:#fff;flex:none}
.panel{position:fixed;inset:auto;margin:0;top:0;left:0;z-index:2147483647;width:26em;height:28em;overscroll-behavior:contain;overflow-y:scroll;box-sizing:border-box;padding:.8em 1em;border-radius:8px;background:#fff;color:#101828;border:1px solid #d0d5dd;box-shadow:0 8px 24px rgba(16,24,40,.18);font-weight:400;white-space:normal}
.panel[hidden]{display:none}
.inner{min-height:calc(100% + 1px)}
.plain{font-size:1.05em;font-weight:600}
.detail-toggle{all:unset;cursor:pointer;color:#175cd3;margin-top:.8em;display:inline-block}
.detail-toggle:focus-visible,.detail-toggle[aria-expanded="false"]::after{content:" ▸"}.detail-toggle[aria-expanded="true"]::after{content:" ▾"}
.panel h2{font-size:1em;margin:0 0 .3em}
.panel h3{font-size:.85em;margin:.8em 0 .3em;text-transform:uppercase;letter-spacing:.04em;color:#475467}
.panel p{margin:0 0 .4em}
.panel ul{margin:0;padding-left:1.1em}
.panel li{margin:.2em 0}
.panel a{color:#175cd3}
.panel table{border-collapse:collapse;width:100%}
.panel td{padding:.15em .3em;border-bottom:1px solid #eaecf0}
.panel li>span+span{margin-left:.3em}
.cite{color:#475467;font-size:.9em}
.v-blocked,.v-check{font-weight:600}.v-blocked{color:#b42318}.v-check{color:#93370d}.v-allowed{color:#067647}
.actions{display:flex;gap:.5em;margin-top:.8em}
.actions button{font:inherit;padding:.35em .7em;border-radius:6px;border:1px solid #98a2b3;background:#f9fafb;color:#101828;cursor:pointer}
@media (prefers-color-scheme:dark){
.panel{background:#161b26;color:#f5f5f6;border-color:#333741}
.panel h3,.cite{color:#94969c}
.panel td{border-color:#333741}
.panel a,.detail-toggle{color:#84caff}
.actions button{background:#1f242f;color:#f5f5f6;border-color:#61646c}
.v-blocked{color:#f97066}.v-check{color:#fdb022}.v-allowed{color:#47cd89}
}`;

function focusVisible(node: Element): boolean {
  try {
    return node.matches(':focus-visible');
  } catch {
    return false; // engines without :focus-visible: leave opening to the click
  }
}

/** A container element (no words of its own: those are `shown` children). */
function box<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string | undefined,
  ...children: (Node | null)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  for (const c of children) if (c) node.append(c);
  return node;
}

/**
 * Creates the badge: a bare host with a closed shadow root. Every word inside is generated content from an
 * attribute (see ./shown), so the page can neither find nor select it, and text scraped from the page can never
 * become markup.
 */
export function createBadge(doc: Document, onRecord: (action: RecordAction) => void): Badge {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = box(doc, 'button', 'pill');
  pill.type = 'button';
  const panel = box(doc, 'div', 'panel');
  panel.hidden = true;
  panel.id = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', pt('page_verdict_label'));
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', 'panel');
  root.append(style, pill, panel);

  // The panel lives in the top layer (a manual popover) at viewport coordinates taken from the pill, so no page
  // container with `overflow: hidden`, a transform or a z-index can clip or cover it (issue 20, item 3).
  const topLayer = typeof (panel as { showPopover?: unknown }).showPopover === 'function';
  if (topLayer) panel.setAttribute('popover', 'manual');
  const place = () => {
    const view = doc.defaultView;
    if (!view || panel.hidden) return;
    const pr = pill.getBoundingClientRect();
    const w = panel.offsetWidth;
    const h = panel.offsetHeight;
    const vw = doc.documentElement.clientWidth || view.innerWidth;
    const vh = doc.documentElement.clientHeight || view.innerHeight;
    const below = pr.bottom + 6;
    const top = below + h <= vh - 4 ? below : Math.max(4, Math.min(pr.top - 6 - h, vh - h - 4));
    const left = Math.max(4, Math.min(pr.left, vw - w - 4));
    panel.style.top = `${Math.round(top)}px`;
    panel.style.left = `${Math.round(left)}px`;
  };
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    if (topLayer) {
      try {
        if (open) (panel as HTMLElement & { showPopover(): void }).showPopover();
        else (panel as HTMLElement & { hidePopover(): void }).hidePopover();
      } catch {
        // already in that state
      }
    }
    if (open) place();
    pill.setAttribute('aria-expanded', String(open));
  };
  const view = doc.defaultView;
  const onMove = () => place();
  view?.addEventListener('scroll', onMove, { capture: true, passive: true });
  view?.addEventListener('resize', onMove, { passive: true });
  pill.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    setOpen(panel.hidden);
  });
  // Keyboard focus opens the panel; a mouse click focuses first and then toggles, so focus from a pointer must
  // not open it (the click would close it again at once).
  pill.addEventListener('focus', () => {
    if (focusVisible(pill)) setOpen(true);
  });
  const stopClosing = closeOnEscapeOrOutside(doc, host, root, pill, setOpen);

  // The content is always a little taller than the panel, so the panel is always a scroller that keeps the wheel
  // (overscroll-behavior), short verdict or long: the page cannot tell them apart by its own scroll events.
  const setPanel = (...nodes: Node[]) => panel.replaceChildren(box(doc, 'div', 'inner', ...nodes));
  const update = (view: BadgeView) => {
    // The pill has the same two children in every state; only attributes inside the closed root change.
    const word =
      view.state === 'pending'
        ? pt('page_pending')
        : view.state === 'error'
          ? pt('page_badge_error')
          : levelWord(view.answer.level);
    pill.replaceChildren(box(doc, 'span', 'dot'), shown(doc, 'span', word));
    if (view.state === 'pending') {
      pill.removeAttribute('data-level');
      pill.style.background = '#667085';
      pill.setAttribute('aria-label', pt('page_badge_checking'));
      setPanel(shown(doc, 'p', pt('page_checking_lists')));
      return;
    }
    if (view.state === 'error') {
      pill.removeAttribute('data-level');
      pill.style.background = '#667085';
      const problem = pt('page_could_not_check', view.message);
      pill.setAttribute('aria-label', problem);
      setPanel(shown(doc, 'p', problem));
      return;
    }
    const a = view.answer;
    pill.dataset.level = a.level;
    pill.style.background = LEVEL_COLOUR[a.level];
    pill.setAttribute('aria-label', pt('page_pill_label', levelWord(a.level), a.summary));
    setPanel(...renderPanel(doc, a, onRecord));
  };

  update({ state: 'pending' });
  return {
    host,
    update,
    remove() {
      stopClosing();
      view?.removeEventListener('scroll', onMove, { capture: true });
      view?.removeEventListener('resize', onMove);
      host.remove();
    },
  };
}

function section(doc: Document, heading: string, items: Node[]): Node[] {
  return [shown(doc, 'h3', heading), box(doc, 'ul', undefined, ...items)];
}

/** The user's own profile (issue 20, item 9): what it exposes, not a prospecting verdict about themselves. */
function renderSelf(doc: Document, self: NonNullable<BadgeAnswer['self']>): Node[] {
  const links = self.links.map((l) => {
    const link = shown(doc, 'a', l.label);
    link.href = l.href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
    return box(doc, 'li', undefined, link);
  });
  return [
    shown(doc, 'h2', pt('page_self_heading'), 'plain'),
    box(doc, 'ul', undefined, ...self.lines.map((t) => shown(doc, 'li', t)), ...links),
  ];
}

function renderPanel(doc: Document, a: BadgeAnswer, onRecord: (action: RecordAction) => void): Node[] {
  if (a.self) return renderSelf(doc, a.self);
  // The plain sentence first (issue 20, item 1); rules and citations only behind "Legal detail".
  const out: Node[] = [
    shown(doc, 'h2', a.plain ?? pt('page_level_summary', levelWord(a.level), a.summary), 'plain'),
  ];
  if (a.fromDefaults) out.push(shown(doc, 'p', pt('page_from_defaults'), 'cite'));
  const rows = CHANNELS.map((c) =>
    box(
      doc,
      'tr',
      undefined,
      shown(doc, 'td', channelLabel(c)),
      shown(doc, 'td', channelVerdictWord(a.channels[c]), `v-${a.channels[c]}`),
    ),
  );
  out.push(
    shown(doc, 'h3', pt('page_channels')),
    box(doc, 'table', undefined, box(doc, 'tbody', undefined, ...rows)),
  );
  const { exact, possible } = a.onLists;
  if (exact + possible > 0) {
    // Which lists, and since when, stay in the extension's own pages: the page's renderer never holds them.
    const lines = [
      ...(exact > 0 ? [pt('page_on_lists_exact', exact)] : []),
      ...(possible > 0 ? [ptn('page_possible_lists', possible)] : []),
      pt('page_which_lists'),
    ];
    out.push(
      ...section(
        doc,
        pt('page_on_lists'),
        lines.map((t) => shown(doc, 'li', t)),
      ),
    );
  }
  const detail: Node[] = [];
  if (a.reasons.length > 0) {
    detail.push(
      ...section(
        doc,
        pt('page_why'),
        a.reasons.map((r) =>
          box(doc, 'li', undefined, shown(doc, 'span', r.message), shown(doc, 'span', r.citation, 'cite')),
        ),
      ),
    );
  }
  if (a.deadlines > 0)
    detail.push(
      ...section(doc, pt('page_deadlines'), [shown(doc, 'li', ptn('page_deadlines_count', a.deadlines))]),
    );
  if (a.toRecord.length > 0)
    detail.push(
      ...section(
        doc,
        pt('page_to_record'),
        a.toRecord.map((t) => shown(doc, 'li', t)),
      ),
    );
  const optOut = shown(doc, 'button', pt('page_record_optout'));
  const basis = shown(doc, 'button', pt('page_record_basis'));
  for (const [button, action] of [
    [optOut, 'opt-out'],
    [basis, 'lawful-basis'],
  ] as const) {
    button.type = 'button';
    button.addEventListener('click', () => onRecord(action));
  }
  out.push(box(doc, 'div', 'actions', optOut, basis));
  if (detail.length > 0) {
    const toggle = shown(doc, 'button', pt('page_legal_detail'), 'detail-toggle');
    toggle.type = 'button';
    const body = box(doc, 'div', 'detail', ...detail);
    body.id = 'legal-detail';
    body.hidden = true;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.setAttribute('aria-controls', 'legal-detail');
    toggle.addEventListener('click', () => {
      body.hidden = !body.hidden;
      toggle.setAttribute('aria-expanded', String(!body.hidden));
    });
    out.push(toggle, body);
  }
  return out;
}
