import { defineMessages } from '../define';

// Options page words for SHA-512 lists and the signed evidence pack (issue 15). The rest of the options page
// moves into the catalog separately; these are new strings, added here so they are translated from the start.
export const optionsEvidence = defineMessages({
  en: {
    options_evidence_signed: 'Signed by the team key $1.',
    options_evidence_unsigned: 'Not signed: this browser holds no team key (only the team lead’s does).',
    options_export_optizmo_sha512: 'OPTIZMO SHA-512 file: one lower-case SHA-512 of each email per line',
    options_import_sha512_note:
      'SHA-512 hashes of email addresses: a person is checked by hashing their address the same way.',
    options_bundle_newer_format:
      'This team bundle was made by a newer Heed (bundle format $1, this Heed reads up to $2). Update Heed first. Nothing was changed.',
  },
  de: {
    options_evidence_signed: 'Signiert mit dem Team-Schlüssel $1.',
    options_evidence_unsigned:
      'Nicht signiert: Dieser Browser hat keinen Team-Schlüssel (nur der der Teamleitung hat einen).',
    options_export_optizmo_sha512:
      'OPTIZMO-SHA-512-Datei: ein SHA-512 jeder E-Mail-Adresse pro Zeile, in Kleinbuchstaben',
    options_import_sha512_note:
      'SHA-512-Hashwerte von E-Mail-Adressen: Eine Person wird geprüft, indem ihre Adresse auf dieselbe Weise gehasht wird.',
    options_bundle_newer_format:
      'Dieses Team-Paket wurde mit einer neueren Heed-Version erstellt (Paketformat $1, diese Version liest bis $2). Aktualisieren Sie zuerst Heed. Es wurde nichts geändert.',
  },
  fr: {
    options_evidence_signed: 'Signé par la clé d’équipe $1.',
    options_evidence_unsigned:
      'Non signé : ce navigateur ne détient pas de clé d’équipe (seul celui du responsable d’équipe en a une).',
    options_export_optizmo_sha512:
      'Fichier OPTIZMO SHA-512 : un SHA-512 en minuscules de chaque adresse e-mail par ligne',
    options_import_sha512_note:
      'Empreintes SHA-512 d’adresses e-mail : une personne est vérifiée en calculant l’empreinte de son adresse de la même façon.',
    options_bundle_newer_format:
      'Ce paquet d’équipe a été créé par une version plus récente de Heed (format $1, cette version lit jusqu’au format $2). Mettez d’abord Heed à jour. Rien n’a été modifié.',
  },
});
