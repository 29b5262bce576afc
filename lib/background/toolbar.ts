import { LEVEL_COLOUR, LEVEL_WORD } from '../badge/words';
import type { BadgeLevel, LookupAnswer } from '../messaging/types';

const TEXT: Record<BadgeLevel, string> = {
  blocked: 'NO',
  high: 'HIGH',
  caution: 'WARN',
  ok: 'OK',
  unknown: '?',
};

/**
 * The overdue-reply reminder, in words ("1 reply overdue: Acme Ltd"), kept here so a tab's own tooltip can carry it:
 * a tab's badge text replaces the global overdue count, and the reminder must not vanish on every profile tab.
 * Set by refreshReminder; null when nothing is overdue.
 */
let reminderNote: string | null = null;

export function setReminderNote(note: string | null): void {
  reminderNote = note;
}

/** The toolbar icon's badge text, colour and tooltip for a tab: the verdict without looking at the page. */
export function toolbarFor(
  answer: LookupAnswer | null,
  reminder: string | null = reminderNote,
): { text: string; colour: string; title: string } {
  const also = reminder ? ` · ${reminder}` : '';
  if (!answer)
    return { text: '', colour: '#667085', title: `Heed: no person recognised on this page${also}` };
  return {
    text: TEXT[answer.level],
    colour: LEVEL_COLOUR[answer.level],
    title: `Heed: ${LEVEL_WORD[answer.level]} — ${answer.summary}${also}`,
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
