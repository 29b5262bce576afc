import { pt } from '../i18n/page';
import type { BadgeLevel } from '../messaging/types';
import { SHOWN_STYLE, shown } from './shown';
import { LEVEL_COLOUR, levelWord } from './words';

// Same fixed box whatever the level, like the badge: the page cannot read the verdict from the marker's size.
// Its word is generated content (./shown), so the page's find and selection cannot read it either.
const STYLE = `${SHOWN_STYLE}
:host{all:initial !important;display:inline-block !important;width:5.5em !important;height:1.3em !important;margin:0 .25em !important;vertical-align:middle !important;font:11px/1.3em system-ui,sans-serif !important}
span{display:block;box-sizing:border-box;width:100%;height:100%;border-radius:999px;color:#fff;text-align:center;font-weight:600;overflow:hidden;white-space:nowrap}
span:focus-visible{outline:2px solid #2e90fa;outline-offset:1px}`;

const MINE_COLOUR = '#6927da';

export interface MarkerView {
  /** The address or number the marker sits next to, for its tooltip. */
  value: string;
  level: BadgeLevel;
  summary: string;
  /** The user's own identifier: shown as "Yours" (self-check), not as a prospect's verdict. */
  mine?: boolean;
}

/**
 * A small inline marker after an address or number a page scan found, in a closed shadow root. The host is the
 * same bare `span` for every verdict and for the user's own identifiers alike.
 */
export function createMarker(doc: Document, view: MarkerView): HTMLElement {
  const host = doc.createElement('span');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const pill = shown(doc, 'span', view.mine ? pt('page_marker_yours') : levelWord(view.level));
  pill.dataset.level = view.level;
  if (view.mine) pill.dataset.mine = 'true';
  pill.style.background = view.mine ? MINE_COLOUR : LEVEL_COLOUR[view.level];
  // A tooltip and an accessible name are attributes, not text: the page cannot search or select them.
  pill.title = view.mine
    ? pt('page_marker_yours_title', view.value)
    : pt('page_marker_title', view.value, levelWord(view.level), view.summary);
  pill.tabIndex = 0;
  pill.setAttribute('role', 'img');
  pill.setAttribute('aria-label', pill.title);
  root.append(style, pill);
  return host;
}
