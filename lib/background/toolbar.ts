import { LEVEL_COLOUR } from '../badge/words';
import { t } from '../i18n';
import { shownSummary } from '../i18n/reasons';
import type { LookupAnswer } from '../messaging/types';
import { levelWord } from '../vocab/labels';

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
  if (!answer)
    return {
      text: '',
      colour: '#667085',
      title: reminder ? t('bg_toolbar_none_also', reminder) : t('bg_toolbar_none'),
    };
  const word = levelWord(answer.level);
  const summary = shownSummary(answer);
  return {
    text: t(`bg_toolbar_text_${answer.level}`),
    colour: LEVEL_COLOUR[answer.level],
    title: reminder
      ? t('bg_toolbar_title_also', word, summary, reminder)
      : t('bg_toolbar_title', word, summary),
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
