import { LEVEL_COLOUR, LEVEL_WORD } from '../badge/words';
import type { BadgeLevel, LookupAnswer } from '../messaging/types';

const TEXT: Record<BadgeLevel, string> = {
  blocked: 'NO',
  high: 'HIGH',
  caution: 'WARN',
  ok: 'OK',
  unknown: '?',
};

/** The toolbar icon's badge text, colour and tooltip for a tab: the verdict without looking at the page. */
export function toolbarFor(answer: LookupAnswer | null): { text: string; colour: string; title: string } {
  if (!answer) return { text: '', colour: '#667085', title: 'Heed: no person recognised on this page' };
  return {
    text: TEXT[answer.level],
    colour: LEVEL_COLOUR[answer.level],
    title: `Heed: ${LEVEL_WORD[answer.level]} — ${answer.summary}`,
  };
}

/**
 * The toolbar button: `action` in MV3, `browserAction` in Firefox's MV2 build (where `browser.action` is undefined,
 * so calling it threw and every badge answer came back as an error).
 */
export function toolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

/** Shows a tab's verdict on the toolbar icon; `null` clears it (no person, or the tab moved on). */
export async function showOnToolbar(tabId: number, answer: LookupAnswer | null): Promise<void> {
  const t = toolbarFor(answer);
  const button = toolbarButton();
  await button.setBadgeText({ tabId, text: t.text });
  await button.setBadgeBackgroundColor({ tabId, color: t.colour });
  await button.setTitle({ tabId, title: t.title });
}
