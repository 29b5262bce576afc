import { localIsoDate } from '../mydata/dates';
import type { SelfDb } from '../mydata/db';
import { overdueRequests, reminderBadge } from '../mydata/requests';
import { setReminderNote, toolbarButton } from './toolbar';

/**
 * The toolbar icon's default badge (tabs with a verdict override it): a count of data requests whose reply is
 * overdue. Re-read when the service worker starts and whenever a page reports a change.
 */
export async function refreshReminder(self: SelfDb, now = new Date()): Promise<string> {
  const badge = reminderBadge(await overdueRequests(self, localIsoDate(now)));
  // Tabs showing a verdict override the badge text: their tooltips carry the reminder instead.
  setReminderNote(badge?.note ?? null);
  const button = toolbarButton();
  await button.setBadgeText({ text: badge?.text ?? '' });
  await button.setTitle({ title: badge?.title ?? 'Heed' });
  if (badge) await button.setBadgeBackgroundColor({ color: badge.colour });
  return badge?.text ?? '';
}
