import { defineMessages } from '../define';

// The one notice-with-undo every page shows (components/notices.tsx).
export const notices = defineMessages({
  en: {
    notice_undo: 'Undo',
    notice_undoing: 'Undoing…',
    notice_dismiss: 'Dismiss',
    notice_dismiss_label: 'Dismiss: $1',
    notice_undo_failed: 'Undo failed: $1',
  },
  de: {
    notice_undo: 'Rückgängig',
    notice_undoing: 'Wird rückgängig gemacht …',
    notice_dismiss: 'Ausblenden',
    notice_dismiss_label: 'Ausblenden: $1',
    notice_undo_failed: 'Rückgängig machen fehlgeschlagen: $1',
  },
  fr: {
    notice_undo: 'Annuler',
    notice_undoing: 'Annulation…',
    notice_dismiss: 'Masquer',
    notice_dismiss_label: 'Masquer : $1',
    notice_undo_failed: 'L’annulation a échoué : $1',
  },
});
