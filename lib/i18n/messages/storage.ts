import { defineMessages } from '../define';

// Storage space (issue 18): the check before an import or a team bundle writes anything, and whether the browser
// keeps Heed's data under storage pressure (options page).
export const storage = defineMessages({
  en: {
    options_storage_no_space_import:
      'Not enough storage space: this import needs about $1 MB and only $2 MB is free for Heed in this browser profile. Nothing was imported. Free some disk space or delete lists you no longer need, then try again.',
    options_storage_no_space_bundle:
      'Not enough storage space: this team bundle needs about $1 MB and only $2 MB is free for Heed in this browser profile. Nothing was applied. Free some disk space, then try again.',
    options_storage_persistent_granted: 'The browser keeps Heed’s data even when the disk runs low.',
    options_storage_persistent_denied:
      'The browser may clear Heed’s data when the disk runs low: it declined to keep it for now. Keep a backup (Export & backup).',
    options_storage_persistent_unknown: 'This browser does not say whether it keeps Heed’s data.',
  },
  de: {
    options_storage_no_space_import:
      'Nicht genug Speicherplatz: Dieser Import braucht etwa $1 MB, frei sind für Heed in diesem Browserprofil nur $2 MB. Es wurde nichts importiert. Geben Sie Speicherplatz frei oder löschen Sie Listen, die Sie nicht mehr brauchen, und versuchen Sie es erneut.',
    options_storage_no_space_bundle:
      'Nicht genug Speicherplatz: Dieses Team-Paket braucht etwa $1 MB, frei sind für Heed in diesem Browserprofil nur $2 MB. Es wurde nichts übernommen. Geben Sie Speicherplatz frei und versuchen Sie es erneut.',
    options_storage_persistent_granted: 'Der Browser behält Heeds Daten auch, wenn der Speicher knapp wird.',
    options_storage_persistent_denied:
      'Der Browser kann Heeds Daten löschen, wenn der Speicher knapp wird: Er hat das Behalten vorerst abgelehnt. Legen Sie eine Sicherung an (Export & Sicherung).',
    options_storage_persistent_unknown: 'Dieser Browser gibt nicht an, ob er Heeds Daten behält.',
  },
  fr: {
    options_storage_no_space_import:
      'Espace de stockage insuffisant : cet import demande environ $1 Mo et il ne reste que $2 Mo pour Heed dans ce profil de navigateur. Rien n’a été importé. Libérez de l’espace disque ou supprimez des listes devenues inutiles, puis réessayez.',
    options_storage_no_space_bundle:
      'Espace de stockage insuffisant : ce paquet d’équipe demande environ $1 Mo et il ne reste que $2 Mo pour Heed dans ce profil de navigateur. Rien n’a été appliqué. Libérez de l’espace disque, puis réessayez.',
    options_storage_persistent_granted:
      'Le navigateur conserve les données de Heed même quand le disque est presque plein.',
    options_storage_persistent_denied:
      'Le navigateur peut effacer les données de Heed quand le disque est presque plein : il a refusé de les conserver pour l’instant. Faites une sauvegarde (Export et sauvegarde).',
    options_storage_persistent_unknown: 'Ce navigateur n’indique pas s’il conserve les données de Heed.',
  },
});
