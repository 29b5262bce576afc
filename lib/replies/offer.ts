import { pageDate, pt } from '../i18n/page';
import type { ReplyOptOut } from '../messaging/types';
import { deadlineLines, reasonLabel } from './deadline';
import type { Phrase } from './phrases';

export interface OfferElement {
  readonly host: HTMLElement;
  remove(): void;
}

// Like the row markers: a bare host of one fixed size in the page, a closed shadow root, and no word as a text
// node (generated content from attributes), so the mail page cannot read who asked to opt out.
const STYLE = `
:host { all: initial !important; display: block !important; position: relative !important; width: 13em !important;
  height: 1.8em !important; margin: .4em 0 !important; font: 12px/1.8em system-ui, sans-serif !important; }
button { all: unset; box-sizing: border-box; display: block; width: 100%; height: 100%; padding: 0 .8em; border-radius: 6px;
  background: #b42318; color: #fff; font-weight: 600; cursor: pointer; white-space: nowrap; overflow: hidden; }
button:focus-visible, .p button:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
[data-t]::before { content: attr(data-t); }
.p { position: absolute; top: calc(100% + 4px); left: 0; z-index: 2147483647; width: 28em; box-sizing: border-box;
  padding: .7em .9em; border-radius: 8px; background: #fff; color: #101828; border: 1px solid #d0d5dd;
  box-shadow: 0 8px 24px rgba(16,24,40,.18); font: 12px/1.45 system-ui, sans-serif; }
.p[hidden] { display: none; }
.p div { margin: 0 0 .35em; }
.h { font-weight: 600; }
.a { display: flex; gap: .5em; margin-top: .6em; }
.p button { all: unset; width: auto; height: auto; padding: .3em .7em; border-radius: 6px; border: 1px solid #98a2b3;
  background: #f9fafb; color: #101828; cursor: pointer; }
.p button.r { background: #b42318; border-color: #b42318; color: #fff; }
@media (prefers-color-scheme: dark) { .p { background: #161b26; color: #f5f5f6; border-color: #333741; } }`;

/**
 * The offer next to a reply that asks to opt out: "Opt-out request?" opens what matched, for whom, the reason and
 * the legal deadline, and one button that opens Heed's form prefilled. Nothing is recorded from here.
 */
export function createOffer(
  doc: Document,
  offer: ReplyOptOut,
  phrase: Phrase,
  onRecord: (offer: ReplyOptOut) => void,
): OfferElement {
  const host = doc.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = doc.createElement('button');
  pill.type = 'button';
  pill.dataset.t = pt('page_reply_pill');
  pill.dataset.optOut = offer.reason;
  const who = offer.sender.email ?? offer.sender.profileUrl ?? '';
  // Who and what, for assistive technology and for tools that read the closed root (CDP): attributes, not text.
  pill.dataset.sender = who;
  pill.dataset.phrase = offer.phraseId;
  pill.setAttribute('aria-label', pt('page_reply_label', who, phrase.label));
  pill.setAttribute('aria-expanded', 'false');
  pill.setAttribute('aria-controls', 'p');
  const panel = doc.createElement('div');
  panel.className = 'p';
  panel.id = 'p';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', pt('page_reply_panel'));
  const lines: [string, string][] = [
    ['h', pt('page_reply_looks', phrase.label)],
    ['', pt('page_reply_from', who)],
    ['', pt('page_reply_reason', reasonLabel(offer.reason), pageDate(offer.since))],
    ...deadlineLines(offer.since, offer.reason).map((t): [string, string] => ['', t]),
    ['', pt('page_reply_nothing_recorded')],
  ];
  for (const [cls, t] of lines) {
    const d = doc.createElement('div');
    if (cls) d.className = cls;
    d.dataset.t = t;
    panel.append(d);
  }
  const record = doc.createElement('button');
  record.type = 'button';
  record.className = 'r';
  record.dataset.t = pt('page_record_optout');
  record.dataset.action = 'record-opt-out';
  const dismiss = doc.createElement('button');
  dismiss.type = 'button';
  dismiss.dataset.t = pt('page_reply_not_optout');
  const actions = doc.createElement('div');
  actions.className = 'a';
  actions.append(record, dismiss);
  panel.append(actions);
  root.append(style, pill, panel);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
  };
  const stop = (e: Event) => {
    e.preventDefault();
    e.stopPropagation();
  };
  pill.addEventListener('click', (e) => {
    stop(e);
    setOpen(panel.hidden);
  });
  record.addEventListener('click', (e) => {
    stop(e);
    onRecord(offer);
  });
  dismiss.addEventListener('click', (e) => {
    stop(e);
    host.hidden = true;
  });
  // Mail sites bind single-key shortcuts (r to reply, e to archive): keys typed in the offer stay in it.
  root.addEventListener('keydown', (e) => {
    e.stopPropagation();
    if ((e as KeyboardEvent).key === 'Escape') {
      setOpen(false);
      pill.focus({ preventScroll: true });
    }
  });
  return { host, remove: () => host.remove() };
}
