// Heed's element in a compose box, and the dialog that stops a send.
//
// The page shares the DOM: it must not learn a verdict from it. So the host is the same bare `span` with a fixed
// box and no attributes whatever the verdict; everything else sits in a closed shadow root; and no word in there is
// a text node — every label is CSS generated content from an attribute (`content: attr(data-t)`), which
// `window.find`, find-in-page and selection do not reach. Buttons get their accessible name from `aria-label`.
import { pageDate, pt } from '../i18n/page';
import type { SendState } from '../messaging/types';

export interface RecipientView {
  label: string;
  /** `pending` while the background is still looking it up. */
  state: SendState | 'pending';
  summary: string;
  reasons: { message: string; citation: string }[];
  matches: { listName: string; via: string; reason: string; since: string }[];
}

export interface BoxView {
  state: SendState;
  pending: boolean;
  recipients: RecipientView[];
}

export interface StopRequest {
  /** The recipients that stop the send. */
  stopping: RecipientView[];
  /** Whether the page lets Heed take them out (Gmail's chip × buttons). */
  canRemove: boolean;
  onRemove(): void;
  onBack(): void;
  /** Logs the override; resolves to an error message, or null once logged (then the message is sent). */
  onSendAnyway(reason: string): Promise<string | null>;
}

export interface SendCheckElement {
  readonly host: HTMLElement;
  update(view: BoxView): void;
  stop(request: StopRequest): void;
  remove(): void;
}

export const MIN_REASON = 10;

function word(s: SendState): string {
  return s === 'check' ? pt('common_verdict_check') : pt(`common_level_${s}`);
}
const COLOUR: Record<SendState, string> = {
  blocked: '#b42318',
  check: '#b54708',
  ok: '#067647',
  unknown: '#667085',
};

const STYLE = `
:host { all: initial !important; display: inline-block !important; position: relative !important; overflow: hidden !important;
  width: 8.5em !important; height: 1.6em !important; min-width: 0 !important; max-width: none !important; vertical-align: middle !important;
  margin: 0 .4em !important; padding: 0 !important; border: 0 !important; font: 12px/1.2 system-ui, sans-serif !important; }
[data-t]::before { content: attr(data-t); }
.pill { all: unset; box-sizing: border-box; display: flex; align-items: center; gap: .35em; width: 100%; height: 100%;
  padding: 0 .6em; border-radius: 999px; color: #fff; background: #667085; cursor: pointer; overflow: hidden;
  white-space: nowrap; font-weight: 600; }
.pill:focus-visible { outline: 3px solid #2e90fa; outline-offset: -3px; }
.dot { width: .55em; height: .55em; border-radius: 50%; background: #fff; flex: none; }
.panel { position: fixed; inset: auto; margin: 0; width: 26em; max-height: 24em; overflow: auto; box-sizing: border-box;
  padding: .7em .9em; border-radius: 8px; background: #fff; color: #101828; border: 1px solid #d0d5dd;
  box-shadow: 0 8px 24px rgba(16,24,40,.18); font: 13px/1.35 system-ui, sans-serif; }
.row { margin: 0 0 .6em; } .row > span { display: block; }
.who { font-weight: 600; } .why, .cite { color: #475467; font-size: .92em; }
.s-blocked { color: #b42318; } .s-check { color: #93370d; } .s-ok { color: #067647; } .s-unknown, .s-pending { color: #475467; }
dialog { width: min(34em, 92vw); box-sizing: border-box; padding: 1em 1.2em; border-radius: 10px; border: 1px solid #d0d5dd;
  color: #101828; background: #fff; font: 14px/1.4 system-ui, sans-serif; }
dialog::backdrop { background: rgba(16,24,40,.45); }
.title { display: block; font-size: 1.15em; font-weight: 700; margin-bottom: .5em; }
.lead, .hint, .err { display: block; margin: .4em 0; } .err { color: #b42318; min-height: 1.2em; }
textarea { box-sizing: border-box; width: 100%; min-height: 4em; font: inherit; margin-top: .3em; }
.actions { display: flex; flex-wrap: wrap; gap: .5em; margin-top: .8em; }
button.act { font: inherit; padding: .4em .8em; border-radius: 6px; border: 1px solid #98a2b3; background: #f9fafb; color: #101828; cursor: pointer; }
button.act:disabled { opacity: .5; cursor: default; }
button.act:focus-visible { outline: 3px solid #2e90fa; outline-offset: 1px; }
button.danger { border-color: #b42318; color: #b42318; }
@media (prefers-color-scheme: dark) {
  .panel, dialog { background: #161b26; color: #f5f5f6; border-color: #333741; }
  .why, .cite { color: #94969c; }
  button.act { background: #1f242f; color: #f5f5f6; border-color: #61646c; }
}`;

type Props = { className?: string; t?: string; attrs?: Record<string, string> };

function node<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  p: Props = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const n = doc.createElement(tag);
  if (p.className) n.className = p.className;
  // Text goes into an attribute shown by CSS: never a text node the page could find.
  if (p.t !== undefined) n.setAttribute('data-t', p.t);
  for (const [k, v] of Object.entries(p.attrs ?? {})) n.setAttribute(k, v);
  n.append(...children);
  return n;
}

function stateWord(s: RecipientView['state']): string {
  return s === 'pending' ? pt('page_send_checking') : word(s);
}

function recipientRow(doc: Document, r: RecipientView): HTMLElement {
  const row = node(doc, 'div', { className: 'row', attrs: { role: 'listitem' } });
  row.append(
    node(doc, 'span', { className: `who s-${r.state}`, t: pt('page_dot_pair', stateWord(r.state), r.label) }),
    node(doc, 'span', { className: 'why', t: r.summary }),
  );
  for (const m of r.matches.slice(0, 3))
    row.append(
      node(doc, 'span', {
        className: 'cite',
        t: pt('page_send_match', m.listName, m.via, m.reason, pageDate(m.since)),
      }),
    );
  // The summary is "<state>: <lead reason>" (lib/compose/verdicts.ts): the lead reason is not said twice.
  for (const x of r.reasons.slice(0, 3))
    if (x.message !== r.summary.replace(/^[^:]+: /, ''))
      row.append(node(doc, 'span', { className: 'cite', t: pt('page_reason_cited', x.message, x.citation) }));
    else row.append(node(doc, 'span', { className: 'cite', t: x.citation }));
  return row;
}

function pillText(view: BoxView): string {
  const n = view.recipients.filter((r) => r.state === view.state).length;
  if (view.pending && view.state !== 'blocked') return pt('page_pending');
  if (view.recipients.length === 0) return pt('page_heed');
  return n > 1 && view.state !== 'ok' ? pt('page_dot_pair', word(view.state), n) : word(view.state);
}

function accessibleSummary(view: BoxView): string {
  if (view.recipients.length === 0) return pt('page_send_none_label');
  const parts = view.recipients.map((r) => pt('page_label_value', r.label, stateWord(r.state)));
  return pt('page_send_label', word(view.state), parts.join('; '));
}

/** Creates Heed's element for one compose box (inserted by the caller). */
export function createSendCheck(doc: Document): SendCheckElement {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const pill = node(doc, 'button', {
    className: 'pill',
    attrs: { type: 'button', 'aria-expanded': 'false', 'aria-haspopup': 'dialog' },
  });
  const label = node(doc, 'span');
  pill.append(node(doc, 'span', { className: 'dot' }), label);
  const panel = node(doc, 'div', {
    className: 'panel',
    attrs: { role: 'dialog', 'aria-label': pt('page_send_panel') },
  });
  panel.popover = 'auto';
  const list = node(doc, 'div', { attrs: { role: 'list' } });
  panel.append(list);
  const dialog = node(doc, 'dialog', { attrs: { 'aria-label': pt('page_send_stopped') } });
  root.append(node(doc, 'style', {}, doc.createTextNode(STYLE)), pill, panel, dialog);

  const place = () => {
    const r = host.getBoundingClientRect();
    const vw = doc.documentElement.clientWidth;
    panel.style.left = `${Math.max(4, Math.min(r.left, vw - 360))}px`;
    panel.style.top = `${r.bottom + 6}px`;
  };
  pill.addEventListener('click', (e) => {
    e.stopPropagation();
    place();
    panel.togglePopover();
  });
  panel.addEventListener('toggle', (e) => {
    pill.setAttribute('aria-expanded', String((e as ToggleEvent).newState === 'open'));
  });

  let current: BoxView = { state: 'unknown', pending: false, recipients: [] };
  const update = (view: BoxView) => {
    current = view;
    pill.setAttribute('data-send-check', view.state);
    pill.style.background = COLOUR[view.state];
    label.setAttribute('data-t', pillText(view));
    pill.setAttribute('aria-label', accessibleSummary(view));
    list.replaceChildren(
      ...(view.recipients.length === 0
        ? [node(doc, 'span', { className: 'why', t: pt('page_send_no_recipients') })]
        : view.recipients.map((r) => recipientRow(doc, r))),
    );
  };

  const stop = (req: StopRequest) => {
    if (panel.matches(':popover-open')) panel.hidePopover();
    const reason = node(doc, 'textarea', {
      attrs: { 'aria-label': pt('page_send_reason_label', MIN_REASON), maxlength: '300' },
    });
    const err = node(doc, 'span', { className: 'err', attrs: { role: 'alert' } });
    const backWord = pt('page_send_back');
    const back = node(doc, 'button', {
      className: 'act',
      t: backWord,
      attrs: { type: 'button', 'aria-label': backWord, autofocus: '' },
    });
    const removeWord = pt(req.stopping.length > 1 ? 'page_send_remove_them' : 'page_send_remove_one');
    const removeBtn = node(doc, 'button', {
      className: 'act',
      t: removeWord,
      attrs: { type: 'button', 'aria-label': removeWord },
    });
    const anywayWord = pt('page_send_anyway');
    const anyway = node(doc, 'button', {
      className: 'act danger',
      t: anywayWord,
      attrs: { type: 'button', 'aria-label': anywayWord },
    });
    anyway.disabled = true;
    reason.addEventListener('input', () => {
      anyway.disabled = reason.value.trim().length < MIN_REASON;
    });
    const blockedCount = req.stopping.filter((r) => r.state === 'blocked').length;
    const rows = node(
      doc,
      'div',
      { attrs: { role: 'list' } },
      ...req.stopping.map((r) => recipientRow(doc, r)),
    );
    dialog.replaceChildren(
      node(doc, 'span', { className: 'title', t: pt('page_send_stopped') }),
      node(doc, 'span', {
        className: 'lead',
        t: pt(blockedCount > 0 ? 'page_send_lead_blocked' : 'page_send_lead_check'),
      }),
      rows,
      node(
        doc,
        'label',
        {},
        node(doc, 'span', {
          className: 'hint',
          t: pt('page_send_hint', MIN_REASON),
        }),
        reason,
      ),
      err,
      node(doc, 'div', { className: 'actions' }, ...(req.canRemove ? [removeBtn] : []), back, anyway),
    );
    const close = () => {
      if (dialog.open) dialog.close();
    };
    let settled = false;
    dialog.onclose = () => {
      if (!settled) {
        settled = true;
        req.onBack();
      }
    };
    back.addEventListener('click', () => close());
    removeBtn.addEventListener('click', () => {
      settled = true;
      close();
      req.onRemove();
    });
    anyway.addEventListener('click', async () => {
      const text = reason.value.trim();
      if (text.length < MIN_REASON) return;
      anyway.disabled = true;
      err.setAttribute('data-t', '');
      const problem = await req.onSendAnyway(text);
      if (problem) {
        err.setAttribute('data-t', pt('page_send_not_sent', problem));
        anyway.disabled = false;
        return;
      }
      settled = true;
      close();
    });
    if (!dialog.open) dialog.showModal();
    back.focus();
  };

  update(current);
  return {
    host,
    update,
    stop,
    remove() {
      if (dialog.open) dialog.close();
      host.remove();
    },
  };
}
