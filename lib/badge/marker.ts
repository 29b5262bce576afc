import type { EmailVerdict } from '../messaging/types';
import { LEVEL_COLOUR, LEVEL_WORD } from './words';

// Same fixed box whatever the level, like the badge: the page cannot read the verdict from the marker's size.
const STYLE = `
:host { all: initial !important; display: inline-block !important; width: 5.5em !important; height: 1.3em !important;
  margin: 0 .25em !important; vertical-align: middle !important; font: 11px/1.3em system-ui, sans-serif !important; }
span { display: block; box-sizing: border-box; width: 100%; height: 100%; border-radius: 999px; color: #fff;
  text-align: center; font-weight: 600; overflow: hidden; white-space: nowrap; }
span:focus-visible { outline: 2px solid #2e90fa; outline-offset: 1px; }`;

/** A small inline marker after an address a page scan found, holding its level in a closed shadow root. */
export function createMarker(doc: Document, verdict: EmailVerdict): HTMLElement {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = doc.createElement('span');
  pill.dataset.level = verdict.level;
  pill.style.background = LEVEL_COLOUR[verdict.level];
  pill.textContent = LEVEL_WORD[verdict.level];
  pill.title = `Heed: ${verdict.email} — ${LEVEL_WORD[verdict.level]}. ${verdict.summary}`;
  pill.tabIndex = 0;
  pill.setAttribute('role', 'img');
  pill.setAttribute('aria-label', pill.title);
  root.append(style, pill);
  return host;
}
