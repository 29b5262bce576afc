import type { LookupAnswer, RecordAction } from '../messaging/types';
import { CHANNEL_LABEL, CHANNEL_ORDER, CHANNEL_WORD, LEVEL_COLOUR, LEVEL_WORD } from './words';

/** What the badge shows: nothing known yet, a failure, or the background's answer. */
export type BadgeView =
  | { state: 'pending' }
  | { state: 'error'; message: string }
  | { state: 'answer'; answer: LookupAnswer };

export interface Badge {
  /** The element inserted into the page: the same bare `span` whatever the verdict. */
  readonly host: HTMLElement;
  update(view: BadgeView): void;
  remove(): void;
}

// The host's box is fixed so the page cannot tell a blocked person from an unknown one by measuring it;
// the panel is positioned outside the flow for the same reason.
const STYLE = `
:host { all: initial !important; display: inline-block !important; position: relative !important;
  width: 7.5em !important; height: 1.6em !important; vertical-align: middle !important; margin: 0 0 0 .5em !important;
  font: 13px/1.2 system-ui, sans-serif !important; }
.pill { all: unset; box-sizing: border-box; display: flex; align-items: center; gap: .35em; width: 100%; height: 100%;
  padding: 0 .6em; border-radius: 999px; color: #fff; background: #667085; cursor: pointer; overflow: hidden;
  white-space: nowrap; font-weight: 600; }
.pill:focus-visible { outline: 3px solid #2e90fa; outline-offset: 2px; }
.dot { width: .55em; height: .55em; border-radius: 50%; background: #fff; flex: none; }
.panel { position: absolute; top: calc(100% + 6px); left: 0; z-index: 2147483647; width: 26em; max-height: 28em;
  overflow: auto; box-sizing: border-box; padding: .8em 1em; border-radius: 8px; background: #fff; color: #101828;
  border: 1px solid #d0d5dd; box-shadow: 0 8px 24px rgba(16,24,40,.18); font-weight: 400; white-space: normal; }
.panel[hidden] { display: none; }
.panel h2 { font-size: 1em; margin: 0 0 .3em; }
.panel h3 { font-size: .85em; margin: .8em 0 .3em; text-transform: uppercase; letter-spacing: .04em; color: #475467; }
.panel p { margin: 0 0 .4em; }
.panel ul { margin: 0; padding-left: 1.1em; }
.panel li { margin: .2em 0; }
.panel a { color: #175cd3; }
.panel table { border-collapse: collapse; width: 100%; }
.panel td { padding: .15em .3em; border-bottom: 1px solid #eaecf0; }
.cite { color: #475467; font-size: .9em; }
.v-blocked { color: #b42318; font-weight: 600; } .v-check { color: #93370d; font-weight: 600; } .v-allowed { color: #067647; }
.actions { display: flex; gap: .5em; margin-top: .8em; }
.actions button { font: inherit; padding: .35em .7em; border-radius: 6px; border: 1px solid #98a2b3; background: #f9fafb;
  color: #101828; cursor: pointer; }
.actions button:focus-visible { outline: 3px solid #2e90fa; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #161b26; color: #f5f5f6; border-color: #333741; }
  .panel h3, .cite { color: #94969c; }
  .panel td { border-color: #333741; }
  .panel a { color: #84caff; }
  .actions button { background: #1f242f; color: #f5f5f6; border-color: #61646c; }
  .v-blocked { color: #f97066; } .v-check { color: #fdb022; } .v-allowed { color: #47cd89; }
}`;

function focusVisible(node: Element): boolean {
  try {
    return node.matches(':focus-visible');
  } catch {
    return false; // engines without :focus-visible: leave opening to the click
  }
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { text?: string; className?: string } = {},
  ...children: (Node | null)[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.className) node.className = props.className;
  for (const c of children) if (c) node.append(c);
  return node;
}

/**
 * Creates the badge: a bare host with a closed shadow root. Everything inside is built with textContent,
 * so text scraped from the page can never become markup.
 */
export function createBadge(doc: Document, onRecord: (action: RecordAction) => void): Badge {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = el(doc, 'style', { text: STYLE });
  const pill = el(doc, 'button', { className: 'pill' });
  pill.type = 'button';
  const panel = el(doc, 'div', { className: 'panel' });
  panel.hidden = true;
  panel.id = 'panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Heed verdict');
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', 'panel');
  root.append(style, pill, panel);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
  };
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
  root.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Escape') {
      setOpen(false);
      pill.focus({ preventScroll: true });
    }
  });
  // Clicks inside the closed root are retargeted to the host, so this only closes on clicks elsewhere.
  const onDocClick = (e: Event) => {
    if (e.target !== host) setOpen(false);
  };
  doc.addEventListener('click', onDocClick, true);

  const update = (view: BadgeView) => {
    pill.replaceChildren(el(doc, 'span', { className: 'dot' }));
    pill.removeAttribute('data-level');
    if (view.state === 'pending') {
      pill.style.background = '#667085';
      pill.append(el(doc, 'span', { text: 'Heed…' }));
      pill.setAttribute('aria-label', 'Heed: checking this person');
      panel.replaceChildren(el(doc, 'p', { text: 'Checking your lists…' }));
      return;
    }
    if (view.state === 'error') {
      pill.style.background = '#667085';
      pill.append(el(doc, 'span', { text: 'Heed: error' }));
      pill.setAttribute('aria-label', `Heed could not check this person: ${view.message}`);
      panel.replaceChildren(el(doc, 'p', { text: `Heed could not check this person: ${view.message}` }));
      return;
    }
    const a = view.answer;
    pill.dataset.level = a.level;
    pill.style.background = LEVEL_COLOUR[a.level];
    pill.append(el(doc, 'span', { text: LEVEL_WORD[a.level] }));
    pill.setAttribute('aria-label', `Heed: ${LEVEL_WORD[a.level]}. ${a.summary}`);
    panel.replaceChildren(...renderPanel(doc, a, onRecord));
  };

  update({ state: 'pending' });
  return {
    host,
    update,
    remove() {
      doc.removeEventListener('click', onDocClick, true);
      host.remove();
    },
  };
}

function renderPanel(doc: Document, a: LookupAnswer, onRecord: (action: RecordAction) => void): Node[] {
  const out: Node[] = [];
  out.push(el(doc, 'h2', { text: `${LEVEL_WORD[a.level]} — ${a.summary}` }));
  if (a.fromDefaults) {
    out.push(
      el(doc, 'p', {
        className: 'cite',
        text: 'Nothing recorded about this person: verdict from your defaults.',
      }),
    );
  }
  const rows = CHANNEL_ORDER.map((c) =>
    el(
      doc,
      'tr',
      {},
      el(doc, 'td', { text: CHANNEL_LABEL[c] }),
      el(doc, 'td', { className: `v-${a.channels[c]}`, text: CHANNEL_WORD[a.channels[c]] }),
    ),
  );
  out.push(el(doc, 'h3', { text: 'Channels' }), el(doc, 'table', {}, el(doc, 'tbody', {}, ...rows)));
  if (a.self) {
    const links = a.self.links.map((l) => {
      const link = el(doc, 'a', { text: l.label });
      link.href = l.href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      return el(doc, 'li', {}, link);
    });
    out.push(
      el(doc, 'h3', { text: 'This is you' }),
      el(doc, 'ul', {}, ...a.self.lines.map((t) => el(doc, 'li', { text: t })), ...links),
    );
  }
  if (a.matches.length > 0) {
    out.push(
      el(doc, 'h3', { text: 'On your lists' }),
      el(
        doc,
        'ul',
        {},
        ...a.matches.map((m) =>
          el(doc, 'li', {
            text: `${m.match === 'possible' ? 'Possible match: ' : ''}${m.listName} — ${m.reason}, since ${m.since.slice(0, 10)} (${m.via})`,
          }),
        ),
      ),
    );
  }
  if (a.reasons.length > 0) {
    out.push(
      el(doc, 'h3', { text: 'Why' }),
      el(
        doc,
        'ul',
        {},
        ...a.reasons.map((r) =>
          el(
            doc,
            'li',
            {},
            doc.createTextNode(`${r.message} `),
            el(doc, 'span', { className: 'cite', text: r.citation }),
          ),
        ),
      ),
    );
  }
  if (a.deadlines.length > 0) {
    out.push(
      el(doc, 'h3', { text: 'Deadlines' }),
      el(
        doc,
        'ul',
        {},
        ...a.deadlines.map((d) =>
          el(
            doc,
            'li',
            {},
            doc.createTextNode(`${d.code}: ${d.due.slice(0, 10)} `),
            el(doc, 'span', { className: 'cite', text: d.citation }),
          ),
        ),
      ),
    );
  }
  if (a.toRecord.length > 0) {
    out.push(
      el(doc, 'h3', { text: 'Record to be sure' }),
      el(doc, 'ul', {}, ...a.toRecord.map((t) => el(doc, 'li', { text: t }))),
    );
  }
  const optOut = el(doc, 'button', { text: 'Record opt-out' });
  const basis = el(doc, 'button', { text: 'Record lawful basis' });
  optOut.type = 'button';
  basis.type = 'button';
  optOut.addEventListener('click', () => onRecord('opt-out'));
  basis.addEventListener('click', () => onRecord('lawful-basis'));
  out.push(el(doc, 'div', { className: 'actions' }, optOut, basis));
  return out;
}
