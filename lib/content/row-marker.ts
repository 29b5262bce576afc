import { closeOnEscapeOrOutside } from '../badge/shown';
import { channelLabel, channelVerdictWord, LEVEL_COLOUR, levelWord } from '../badge/words';
import { pt, ptn } from '../i18n/page';
import type { BadgeAnswer } from '../messaging/types';
import { CHANNELS } from '../vocab';

export type RowView = { state: 'pending' } | { state: 'error' } | { state: 'answer'; answer: BadgeAnswer };

export interface RowMarker {
  /** The bare element put into the page: the same `span` of the same size whatever the verdict. */
  readonly host: HTMLElement;
  update(view: RowView): void;
  remove(): void;
}

// The page must not learn a verdict from Heed's DOM: the host has one fixed size, the shadow root is closed,
// and no word of the verdict is a text node. Words are CSS generated content from attributes inside the root,
// which find-in-page, window.find() and a selection's toString() do not see.
const STYLE = `
:host { all: initial !important; display: inline-block !important; position: relative !important;
  width: 5.6em !important; height: 1.4em !important; margin: 0 0 0 .4em !important; vertical-align: middle !important;
  font: 11px/1.4em system-ui, sans-serif !important; }
button { all: unset; box-sizing: border-box; display: block; width: 100%; height: 100%; border-radius: 999px;
  color: #fff; background: #667085; text-align: center; font-weight: 600; overflow: hidden; white-space: nowrap;
  cursor: pointer; }
button:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }
[data-t]::before { content: attr(data-t); }
button::before { content: attr(data-label); }
.p { position: absolute; top: calc(100% + 4px); left: 0; z-index: 2147483647; width: 24em; max-height: 22em;
  overflow: auto; box-sizing: border-box; padding: .7em .9em; border-radius: 8px; background: #fff; color: #101828;
  border: 1px solid #d0d5dd; box-shadow: 0 8px 24px rgba(16,24,40,.18); font: 12px/1.4 system-ui, sans-serif;
  white-space: normal; text-align: left; }
.p[hidden] { display: none; }
.p div { margin: 0 0 .3em; }
.h { font-weight: 600; }
.s { margin-top: .6em !important; font-size: .85em; text-transform: uppercase; color: #475467; }
@media (prefers-color-scheme: dark) { .p { background: #161b26; color: #f5f5f6; border-color: #333741; } .s { color: #94969c; } }`;

function lines(a: BadgeAnswer): [string, string][] {
  const out: [string, string][] = [['h', pt('page_level_summary', levelWord(a.level), a.summary)]];
  if (a.fromDefaults) out.push(['', pt('page_from_defaults')]);
  out.push(['s', pt('page_channels')]);
  for (const c of CHANNELS)
    out.push(['', pt('page_label_value', channelLabel(c), channelVerdictWord(a.channels[c]))]);
  // Which lists, and since when, stay in the extension's own pages (as on the badge): only counts reach the page.
  const { exact, possible } = a.onLists;
  if (exact + possible > 0) out.push(['s', pt('page_on_lists')]);
  if (exact > 0) out.push(['', pt('page_on_lists_exact', exact)]);
  if (possible > 0) out.push(['', ptn('page_possible_lists', possible)]);
  if (exact + possible > 0) out.push(['', pt('page_which_lists')]);
  if (a.reasons.length) out.push(['s', pt('page_why')]);
  for (const r of a.reasons) out.push(['', pt('page_reason_cited', r.message, r.citation)]);
  if (a.deadlines > 0) out.push(['s', pt('page_deadlines')], ['', ptn('page_deadlines_count', a.deadlines)]);
  if (a.toRecord.length) out.push(['s', pt('page_to_record')]);
  for (const t of a.toRecord) out.push(['', t]);
  return out;
}

/** A compact marker for one person row, with the verdict's details on click (or keyboard: Enter, Space). */
export function createRowMarker(doc: Document): RowMarker {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = doc.createElement('button');
  pill.type = 'button';
  const panel = doc.createElement('div');
  panel.className = 'p';
  panel.id = 'p';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', pt('page_verdict_label'));
  pill.setAttribute('aria-controls', 'p');
  pill.setAttribute('aria-expanded', 'false');
  root.append(style, pill, panel);

  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    pill.setAttribute('aria-expanded', String(open));
  };
  // The marker sits inside a result card that is often one big link: the click must not follow it.
  pill.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
    setOpen(panel.hidden);
  });
  panel.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation();
  });
  const stopClosing = closeOnEscapeOrOutside(doc, host, root, pill, setOpen);

  const update = (view: RowView) => {
    const level = view.state === 'answer' ? view.answer.level : view.state;
    pill.dataset.level = level;
    const word = view.state === 'answer' ? levelWord(view.answer.level) : view.state === 'error' ? '!' : '…';
    pill.dataset.label = word;
    pill.style.background = view.state === 'answer' ? LEVEL_COLOUR[view.answer.level] : '#667085';
    const rows: [string, string][] =
      view.state === 'answer'
        ? lines(view.answer)
        : [['', view.state === 'error' ? pt('page_could_not_check_plain') : pt('page_checking_lists')]];
    pill.setAttribute(
      'aria-label',
      view.state === 'answer'
        ? pt('page_pill_label', word, view.answer.summary)
        : pt('page_heed_says', rows[0]?.[1] ?? ''),
    );
    panel.replaceChildren(
      ...rows.map(([cls, t]) => {
        const d = doc.createElement('div');
        if (cls) d.className = cls;
        d.dataset.t = t;
        return d;
      }),
    );
  };
  update({ state: 'pending' });
  return {
    host,
    update,
    remove() {
      stopClosing();
      host.remove();
    },
  };
}
