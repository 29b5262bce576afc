import { defineMessages } from '../../define';

// Options page → Team: bundles in and out, the team key, trusted keys (components/options/team).
export const team = defineMessages({
  en: {
    options_team_opening: 'Opening…',
    options_team_export_title: 'Export a team bundle',
    options_team_export_last: 'Last exported: version $1.',
    options_team_export_none: 'Nothing exported yet.',
    options_team_export_hint:
      'Each export is the next version; reps accept only newer versions signed by this key.',
    options_team_export_lists: 'Lists in the bundle',
    options_team_export_entries: 'Entries',
    options_team_export_plain: 'As they are',
    options_team_export_hashed: 'Hashed (emails as SHA-256; domains, profiles and phone numbers left out)',
    options_team_export_delta:
      'Only the changes since version $1 (a small daily update; reps need that version applied)',
    options_team_export_delta_none:
      'Only the changes since the last version (a small daily update; available after the first export)',
    options_team_export_settings: 'Include my settings as the team’s recommended settings',
    options_team_export_button: 'Export signed bundle',
    options_team_export_saved__one: 'Saved $2: version $3, $1 entry.',
    options_team_export_saved__other: 'Saved $2: version $3, $1 entries.',
    options_team_export_saved_delta__one: 'Saved $2: version $3, changes since version $4, $1 change.',
    options_team_export_saved_delta__other: 'Saved $2: version $3, changes since version $4, $1 changes.',
    options_team_import_title: 'Import a team bundle',
    options_team_import_hint:
      'Your team lead sends a signed .heedbundle file. Heed checks its signature against your team’s key, then adds or updates the team’s lists. Team lists can be read and searched but not edited or deleted.',
    options_team_import_file: 'Team bundle file (drop it here or choose it)',
    options_team_import_checking: 'Checking the bundle…',
    options_team_signature_valid: 'Signature valid.',
    options_team_lists__one: '$1 list',
    options_team_lists__other: '$1 lists',
    options_team_bundle_full__one: '“$2”: version $3 (full) of “$4”, made $5, $6, $1 entry.',
    options_team_bundle_full__other: '“$2”: version $3 (full) of “$4”, made $5, $6, $1 entries.',
    options_team_bundle_full_hashed__one: '“$2”: version $3 (full) of “$4”, made $5, $6, $1 entry (hashed).',
    options_team_bundle_full_hashed__other:
      '“$2”: version $3 (full) of “$4”, made $5, $6, $1 entries (hashed).',
    options_team_bundle_delta__one:
      '“$2”: version $3 (changes since version $4) of “$5”, made $6, $7, $1 change.',
    options_team_bundle_delta__other:
      '“$2”: version $3 (changes since version $4) of “$5”, made $6, $7, $1 changes.',
    options_team_bundle_delta_hashed__one:
      '“$2”: version $3 (changes since version $4) of “$5”, made $6, $7, $1 change (hashed).',
    options_team_bundle_delta_hashed__other:
      '“$2”: version $3 (changes since version $4) of “$5”, made $6, $7, $1 changes (hashed).',
    options_team_fingerprint: 'Team key fingerprint:',
    options_team_first_key:
      'This is the first team key in this browser. Compare the fingerprint with the one your team lead gave you (in person or by phone) before trusting it: from then on, only bundles signed with this key are accepted.',
    options_team_trusted_policy: 'The key is trusted by your organisation’s policy.',
    options_team_trusted_you: 'The key is one you trust.',
    options_team_adopt_settings: 'Also use the team’s recommended settings ($1)',
    options_team_trust_apply: 'Trust this key and apply',
    options_team_apply: 'Apply bundle',
    options_team_applied__one: 'Applied version $2 of “$3”: $1 team list, $4 entries added, $5 removed.',
    options_team_applied__other: 'Applied version $2 of “$3”: $1 team lists, $4 entries added, $5 removed.',
    options_team_applied_dropped__one:
      'Applied version $2 of “$3”: $1 team list, $4 entries added, $5 removed; $6 lists the team dropped were removed.',
    options_team_applied_dropped__other:
      'Applied version $2 of “$3”: $1 team lists, $4 entries added, $5 removed; $6 lists the team dropped were removed.',
    options_team_key_title: 'Team key (for team leads)',
    options_team_key_team: 'Team “$1”, key fingerprint',
    options_team_key_private:
      'The private key stays in this browser profile. Reps compare this fingerprint when they import your first bundle; an administrator can pin the public key by policy:',
    options_team_key_export_title: 'Export the key for a second admin',
    options_team_key_passphrase_min: 'Passphrase (at least $1 characters)',
    options_team_key_passphrase_again: 'Passphrase again',
    options_team_key_export: 'Export encrypted key',
    options_team_key_delete_confirm:
      'Delete the team key from this browser? Unless another admin has it, no new bundle can be signed and every rep must trust a new key.',
    options_team_key_delete: 'Delete team key',
    options_team_key_delete_ask: 'Delete team key…',
    options_team_key_name: 'Team name',
    options_team_key_create: 'Create team key',
    options_team_key_import_title: 'Import a team key from another admin',
    options_team_key_file: 'Key file',
    options_team_key_passphrase: 'Passphrase',
    options_team_key_import: 'Import key',
    options_team_key_created:
      'Team key created. Give your reps its fingerprint so they can check the first bundle.',
    options_team_key_choose_file: 'Choose the key file first.',
    options_team_key_imported: 'Team key imported: bundles you export are signed as your team’s.',
    options_team_key_passphrases_differ: 'The two passphrases differ.',
    options_team_key_exported:
      'Key file saved. Send it and the passphrase to the second admin by different routes.',
    options_team_key_deleted: 'Team key deleted.',
    options_team_trusted_title: 'Trusted team keys',
    options_team_trusted_by_policy:
      'Your organisation sets the trusted keys: only bundles signed with one of them are accepted.',
    options_team_trusted_none: 'None yet: the first bundle you import asks you to trust its key.',
    options_team_trusted_policy_key: '“$1” (set by your organisation):',
    options_team_trusted_key: '“$1”, trusted $2:',
    options_team_version_applied: '— version $1 applied',
    options_team_stop_trusting: 'Stop trusting',
  },
  de: {
    options_team_opening: 'Wird geöffnet …',
    options_team_export_title: 'Team-Paket exportieren',
    options_team_export_last: 'Zuletzt exportiert: Version $1.',
    options_team_export_none: 'Noch nichts exportiert.',
    options_team_export_hint:
      'Jeder Export ist die nächste Version; Vertriebsmitarbeiter akzeptieren nur neuere, mit diesem Schlüssel signierte Versionen.',
    options_team_export_lists: 'Listen im Paket',
    options_team_export_entries: 'Einträge',
    options_team_export_plain: 'Unverändert',
    options_team_export_hashed:
      'Gehasht (E-Mail-Adressen als SHA-256; Domains, Profile und Telefonnummern werden ausgelassen)',
    options_team_export_delta:
      'Nur die Änderungen seit Version $1 (eine kleine tägliche Aktualisierung; diese Version muss übernommen sein)',
    options_team_export_delta_none:
      'Nur die Änderungen seit der letzten Version (eine kleine tägliche Aktualisierung; nach dem ersten Export verfügbar)',
    options_team_export_settings: 'Meine Einstellungen als empfohlene Einstellungen des Teams mitgeben',
    options_team_export_button: 'Signiertes Paket exportieren',
    options_team_export_saved__one: '$2 gespeichert: Version $3, $1 Eintrag.',
    options_team_export_saved__other: '$2 gespeichert: Version $3, $1 Einträge.',
    options_team_export_saved_delta__one:
      '$2 gespeichert: Version $3, Änderungen seit Version $4, $1 Änderung.',
    options_team_export_saved_delta__other:
      '$2 gespeichert: Version $3, Änderungen seit Version $4, $1 Änderungen.',
    options_team_import_title: 'Team-Paket importieren',
    options_team_import_hint:
      'Ihre Teamleitung schickt eine signierte .heedbundle-Datei. Heed prüft die Signatur mit dem Schlüssel Ihres Teams und legt dann die Listen des Teams an oder aktualisiert sie. Team-Listen können gelesen und durchsucht, aber nicht bearbeitet oder gelöscht werden.',
    options_team_import_file: 'Team-Paket (hier ablegen oder auswählen)',
    options_team_import_checking: 'Paket wird geprüft …',
    options_team_signature_valid: 'Signatur gültig.',
    options_team_lists__one: '$1 Liste',
    options_team_lists__other: '$1 Listen',
    options_team_bundle_full__one: '„$2“: Version $3 (vollständig) von „$4“, erstellt am $5, $6, $1 Eintrag.',
    options_team_bundle_full__other:
      '„$2“: Version $3 (vollständig) von „$4“, erstellt am $5, $6, $1 Einträge.',
    options_team_bundle_full_hashed__one:
      '„$2“: Version $3 (vollständig) von „$4“, erstellt am $5, $6, $1 Eintrag (gehasht).',
    options_team_bundle_full_hashed__other:
      '„$2“: Version $3 (vollständig) von „$4“, erstellt am $5, $6, $1 Einträge (gehasht).',
    options_team_bundle_delta__one:
      '„$2“: Version $3 (Änderungen seit Version $4) von „$5“, erstellt am $6, $7, $1 Änderung.',
    options_team_bundle_delta__other:
      '„$2“: Version $3 (Änderungen seit Version $4) von „$5“, erstellt am $6, $7, $1 Änderungen.',
    options_team_bundle_delta_hashed__one:
      '„$2“: Version $3 (Änderungen seit Version $4) von „$5“, erstellt am $6, $7, $1 Änderung (gehasht).',
    options_team_bundle_delta_hashed__other:
      '„$2“: Version $3 (Änderungen seit Version $4) von „$5“, erstellt am $6, $7, $1 Änderungen (gehasht).',
    options_team_fingerprint: 'Fingerabdruck des Team-Schlüssels:',
    options_team_first_key:
      'Dies ist der erste Team-Schlüssel in diesem Browser. Vergleichen Sie den Fingerabdruck mit dem, den Ihnen Ihre Teamleitung gegeben hat (persönlich oder telefonisch), bevor Sie ihm vertrauen: Danach werden nur noch mit diesem Schlüssel signierte Pakete akzeptiert.',
    options_team_trusted_policy: 'Dem Schlüssel vertraut die Richtlinie Ihrer Organisation.',
    options_team_trusted_you: 'Sie vertrauen diesem Schlüssel bereits.',
    options_team_adopt_settings: 'Auch die empfohlenen Einstellungen des Teams verwenden ($1)',
    options_team_trust_apply: 'Schlüssel vertrauen und übernehmen',
    options_team_apply: 'Paket übernehmen',
    options_team_applied__one:
      'Version $2 von „$3“ übernommen: $1 Team-Liste, $4 Einträge hinzugefügt, $5 entfernt.',
    options_team_applied__other:
      'Version $2 von „$3“ übernommen: $1 Team-Listen, $4 Einträge hinzugefügt, $5 entfernt.',
    options_team_applied_dropped__one:
      'Version $2 von „$3“ übernommen: $1 Team-Liste, $4 Einträge hinzugefügt, $5 entfernt; $6 vom Team aufgegebene Listen wurden entfernt.',
    options_team_applied_dropped__other:
      'Version $2 von „$3“ übernommen: $1 Team-Listen, $4 Einträge hinzugefügt, $5 entfernt; $6 vom Team aufgegebene Listen wurden entfernt.',
    options_team_key_title: 'Team-Schlüssel (für Teamleitungen)',
    options_team_key_team: 'Team „$1“, Fingerabdruck des Schlüssels',
    options_team_key_private:
      'Der private Schlüssel bleibt in diesem Browserprofil. Vertriebsmitarbeiter vergleichen diesen Fingerabdruck, wenn sie Ihr erstes Paket importieren; eine Administration kann den öffentlichen Schlüssel per Richtlinie festlegen:',
    options_team_key_export_title: 'Schlüssel für eine zweite Administration exportieren',
    options_team_key_passphrase_min: 'Passphrase (mindestens $1 Zeichen)',
    options_team_key_passphrase_again: 'Passphrase wiederholen',
    options_team_key_export: 'Verschlüsselten Schlüssel exportieren',
    options_team_key_delete_confirm:
      'Den Team-Schlüssel aus diesem Browser löschen? Sofern ihn keine andere Administration hat, kann kein neues Paket signiert werden, und alle Vertriebsmitarbeiter müssen einem neuen Schlüssel vertrauen.',
    options_team_key_delete: 'Team-Schlüssel löschen',
    options_team_key_delete_ask: 'Team-Schlüssel löschen …',
    options_team_key_name: 'Teamname',
    options_team_key_create: 'Team-Schlüssel erstellen',
    options_team_key_import_title: 'Team-Schlüssel einer anderen Administration importieren',
    options_team_key_file: 'Schlüsseldatei',
    options_team_key_passphrase: 'Passphrase',
    options_team_key_import: 'Schlüssel importieren',
    options_team_key_created:
      'Team-Schlüssel erstellt. Geben Sie Ihren Vertriebsmitarbeitern seinen Fingerabdruck, damit sie das erste Paket prüfen können.',
    options_team_key_choose_file: 'Wählen Sie zuerst die Schlüsseldatei.',
    options_team_key_imported:
      'Team-Schlüssel importiert: Von Ihnen exportierte Pakete werden als die Ihres Teams signiert.',
    options_team_key_passphrases_differ: 'Die beiden Passphrasen stimmen nicht überein.',
    options_team_key_exported:
      'Schlüsseldatei gespeichert. Schicken Sie sie und die Passphrase auf getrennten Wegen an die zweite Administration.',
    options_team_key_deleted: 'Team-Schlüssel gelöscht.',
    options_team_trusted_title: 'Vertrauenswürdige Team-Schlüssel',
    options_team_trusted_by_policy:
      'Ihre Organisation legt die vertrauenswürdigen Schlüssel fest: Nur mit einem davon signierte Pakete werden akzeptiert.',
    options_team_trusted_none:
      'Noch keine: Beim ersten importierten Paket werden Sie gefragt, ob Sie seinem Schlüssel vertrauen.',
    options_team_trusted_policy_key: '„$1“ (von Ihrer Organisation festgelegt):',
    options_team_trusted_key: '„$1“, vertraut seit $2:',
    options_team_version_applied: '– Version $1 übernommen',
    options_team_stop_trusting: 'Nicht mehr vertrauen',
  },
  fr: {
    options_team_opening: 'Ouverture…',
    options_team_export_title: 'Exporter un paquet d’équipe',
    options_team_export_last: 'Dernier export : version $1.',
    options_team_export_none: 'Rien n’a encore été exporté.',
    options_team_export_hint:
      'Chaque export est la version suivante ; les commerciaux n’acceptent que des versions plus récentes signées par cette clé.',
    options_team_export_lists: 'Listes du paquet',
    options_team_export_entries: 'Entrées',
    options_team_export_plain: 'Telles quelles',
    options_team_export_hashed:
      'Hachées (e-mails en SHA-256 ; domaines, profils et numéros de téléphone omis)',
    options_team_export_delta:
      'Seulement les changements depuis la version $1 (une petite mise à jour quotidienne ; cette version doit être appliquée)',
    options_team_export_delta_none:
      'Seulement les changements depuis la dernière version (une petite mise à jour quotidienne ; disponible après le premier export)',
    options_team_export_settings: 'Joindre mes paramètres comme paramètres recommandés de l’équipe',
    options_team_export_button: 'Exporter le paquet signé',
    options_team_export_saved__one: '$2 enregistré : version $3, $1 entrée.',
    options_team_export_saved__other: '$2 enregistré : version $3, $1 entrées.',
    options_team_export_saved_delta__one:
      '$2 enregistré : version $3, changements depuis la version $4, $1 changement.',
    options_team_export_saved_delta__other:
      '$2 enregistré : version $3, changements depuis la version $4, $1 changements.',
    options_team_import_title: 'Importer un paquet d’équipe',
    options_team_import_hint:
      'Votre responsable d’équipe envoie un fichier .heedbundle signé. Heed vérifie sa signature avec la clé de votre équipe, puis ajoute ou met à jour les listes de l’équipe. Les listes d’équipe peuvent être lues et consultées, mais ni modifiées ni supprimées.',
    options_team_import_file: 'Paquet d’équipe (déposez-le ici ou choisissez-le)',
    options_team_import_checking: 'Vérification du paquet…',
    options_team_signature_valid: 'Signature valide.',
    options_team_lists__one: '$1 liste',
    options_team_lists__other: '$1 listes',
    options_team_bundle_full__one: '« $2 » : version $3 (complète) de « $4 », créée le $5, $6, $1 entrée.',
    options_team_bundle_full__other: '« $2 » : version $3 (complète) de « $4 », créée le $5, $6, $1 entrées.',
    options_team_bundle_full_hashed__one:
      '« $2 » : version $3 (complète) de « $4 », créée le $5, $6, $1 entrée (hachée).',
    options_team_bundle_full_hashed__other:
      '« $2 » : version $3 (complète) de « $4 », créée le $5, $6, $1 entrées (hachées).',
    options_team_bundle_delta__one:
      '« $2 » : version $3 (changements depuis la version $4) de « $5 », créée le $6, $7, $1 changement.',
    options_team_bundle_delta__other:
      '« $2 » : version $3 (changements depuis la version $4) de « $5 », créée le $6, $7, $1 changements.',
    options_team_bundle_delta_hashed__one:
      '« $2 » : version $3 (changements depuis la version $4) de « $5 », créée le $6, $7, $1 changement (haché).',
    options_team_bundle_delta_hashed__other:
      '« $2 » : version $3 (changements depuis la version $4) de « $5 », créée le $6, $7, $1 changements (hachés).',
    options_team_fingerprint: 'Empreinte de la clé d’équipe :',
    options_team_first_key:
      'C’est la première clé d’équipe dans ce navigateur. Comparez l’empreinte avec celle que votre responsable vous a donnée (en personne ou par téléphone) avant de lui faire confiance : ensuite, seuls les paquets signés avec cette clé sont acceptés.',
    options_team_trusted_policy: 'La clé est approuvée par la règle de votre organisation.',
    options_team_trusted_you: 'Vous faites déjà confiance à cette clé.',
    options_team_adopt_settings: 'Utiliser aussi les paramètres recommandés de l’équipe ($1)',
    options_team_trust_apply: 'Faire confiance à cette clé et appliquer',
    options_team_apply: 'Appliquer le paquet',
    options_team_applied__one:
      'Version $2 de « $3 » appliquée : $1 liste d’équipe, $4 entrées ajoutées, $5 retirées.',
    options_team_applied__other:
      'Version $2 de « $3 » appliquée : $1 listes d’équipe, $4 entrées ajoutées, $5 retirées.',
    options_team_applied_dropped__one:
      'Version $2 de « $3 » appliquée : $1 liste d’équipe, $4 entrées ajoutées, $5 retirées ; $6 listes abandonnées par l’équipe ont été retirées.',
    options_team_applied_dropped__other:
      'Version $2 de « $3 » appliquée : $1 listes d’équipe, $4 entrées ajoutées, $5 retirées ; $6 listes abandonnées par l’équipe ont été retirées.',
    options_team_key_title: 'Clé d’équipe (pour les responsables)',
    options_team_key_team: 'Équipe « $1 », empreinte de la clé',
    options_team_key_private:
      'La clé privée reste dans ce profil de navigateur. Les commerciaux comparent cette empreinte quand ils importent votre premier paquet ; un administrateur peut imposer la clé publique par une règle :',
    options_team_key_export_title: 'Exporter la clé pour un second administrateur',
    options_team_key_passphrase_min: 'Phrase secrète (au moins $1 caractères)',
    options_team_key_passphrase_again: 'Phrase secrète, à nouveau',
    options_team_key_export: 'Exporter la clé chiffrée',
    options_team_key_delete_confirm:
      'Supprimer la clé d’équipe de ce navigateur ? Sauf si un autre administrateur la détient, aucun nouveau paquet ne pourra être signé et chaque commercial devra faire confiance à une nouvelle clé.',
    options_team_key_delete: 'Supprimer la clé d’équipe',
    options_team_key_delete_ask: 'Supprimer la clé d’équipe…',
    options_team_key_name: 'Nom de l’équipe',
    options_team_key_create: 'Créer la clé d’équipe',
    options_team_key_import_title: 'Importer la clé d’équipe d’un autre administrateur',
    options_team_key_file: 'Fichier de clé',
    options_team_key_passphrase: 'Phrase secrète',
    options_team_key_import: 'Importer la clé',
    options_team_key_created:
      'Clé d’équipe créée. Donnez son empreinte à vos commerciaux pour qu’ils puissent vérifier le premier paquet.',
    options_team_key_choose_file: 'Choisissez d’abord le fichier de clé.',
    options_team_key_imported:
      'Clé d’équipe importée : les paquets que vous exportez sont signés au nom de votre équipe.',
    options_team_key_passphrases_differ: 'Les deux phrases secrètes diffèrent.',
    options_team_key_exported:
      'Fichier de clé enregistré. Envoyez-le au second administrateur par un autre canal que la phrase secrète.',
    options_team_key_deleted: 'Clé d’équipe supprimée.',
    options_team_trusted_title: 'Clés d’équipe de confiance',
    options_team_trusted_by_policy:
      'Votre organisation définit les clés de confiance : seuls les paquets signés par l’une d’elles sont acceptés.',
    options_team_trusted_none:
      'Aucune pour l’instant : le premier paquet importé vous demande de faire confiance à sa clé.',
    options_team_trusted_policy_key: '« $1 » (défini par votre organisation) :',
    options_team_trusted_key: '« $1 », approuvée le $2 :',
    options_team_version_applied: '— version $1 appliquée',
    options_team_stop_trusting: 'Ne plus faire confiance',
  },
});
