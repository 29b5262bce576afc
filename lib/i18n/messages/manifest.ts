import { defineMessages } from '../define';

// The store listing and the browser's extension list read these through `__MSG_…__` in the manifest.
export const manifest = defineMessages({
  en: {
    manifest_name: 'Heed',
    manifest_description:
      'Flags privacy risk while you prospect: suppression lists, lawful basis and channel rules, all on your device.',
  },
  de: {
    manifest_name: 'Heed',
    manifest_description:
      'Zeigt Datenschutzrisiken bei der Kundenakquise: Sperrlisten, Rechtsgrundlage und Kanalregeln, alles auf Ihrem Gerät.',
  },
  fr: {
    manifest_name: 'Heed',
    manifest_description:
      'Signale les risques pour la vie privée pendant la prospection : listes d’opposition, base légale et règles par canal, le tout sur votre appareil.',
  },
});
