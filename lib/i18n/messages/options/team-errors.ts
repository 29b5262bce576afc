import { defineMessages } from '../../define';

// Errors of lib/team (bundles and keys) the Team section shows.
export const teamErrors = defineMessages({
  en: {
    options_team_err_key_mismatch: 'The team bundle’s key does not match its key id: it was changed.',
    options_team_err_bad_public_key: 'The team bundle carries an invalid public key.',
    options_team_err_untrusted_policy:
      'This bundle is signed by a team key your organisation does not trust (“$1”, fingerprint $2). Nothing was changed.',
    options_team_err_untrusted_browser:
      'This bundle is signed by a team key this browser does not trust (“$1”, fingerprint $2). Nothing was changed.',
    options_team_err_older:
      'This bundle is version $1, but version $2 of “$3” is already applied. Nothing was changed.',
    options_team_err_gap_none:
      'This is an update (changes since version $1) but no version of “$2” is applied here yet: import the team’s full bundle first. Nothing was changed.',
    options_team_err_gap:
      'This update applies on top of version $1, but version $2 is applied here: import the updates in between, or the team’s latest full bundle. Nothing was changed.',
    options_team_err_repeated_section: 'The bundle repeats a section: it was not made by Heed.',
    options_team_err_trust_first: 'Compare the fingerprint with your team lead and trust the key first.',
    options_team_err_id_taken: 'A list of yours has the id $1: the bundle was not applied.',
    options_team_err_list_gap: '“$1” is not at version $2 here: import the full bundle.',
    options_team_err_line_break: 'An entry holds a line break and cannot be bundled.',
    options_team_err_stray_bytes: 'A section of the bundle holds stray bytes.',
    options_team_err_not_text: 'A section of the bundle is not valid text.',
    options_team_err_count: 'A section of the bundle does not hold the number of entries it says.',
    options_team_err_entry_length: 'A bundle entry is empty or too long.',
    options_team_err_reason: 'A bundle entry refers to a reason that is not there.',
    options_team_err_order: 'The bundle’s entries are out of order or repeated: it was not made by Heed.',
    options_team_err_no_list: 'Choose at least one list for the bundle.',
    options_team_err_managed: '“$1” came from a team bundle: it cannot be re-bundled.',
    options_team_err_concurrent: 'Another export happened meanwhile: export again.',
    options_team_err_header_large: 'The bundle header is too large.',
    options_team_err_too_large: 'This file is larger than any team bundle Heed accepts.',
    options_team_err_not_bundle: 'This is not a Heed team bundle.',
    options_team_err_truncated: 'The team bundle is truncated or damaged. Nothing was changed.',
    options_team_err_header_unreadable:
      'The team bundle is damaged or was changed: its header cannot be read.',
    options_team_err_header_invalid: "The team bundle's header is invalid ($1: $2). Nothing was changed.",
    options_team_err_top_level: 'top level',
    options_team_err_size: 'The team bundle is truncated or was changed: its size does not match.',
    options_team_err_signature:
      'The team bundle’s signature does not match: the file was changed after it was signed. Nothing was changed.',
    options_team_err_checksum:
      'The team bundle’s entries were changed after it was signed (checksum mismatch). Nothing was changed.',
    options_team_err_key_bytes: 'A team public key is 32 bytes.',
    options_team_err_stored_damaged: 'The stored team key is damaged.',
    options_team_err_has_key:
      'This browser already has a team key: delete it first to make or import another.',
    options_team_err_no_name: 'Give the team a name: reps see it beside the fingerprint.',
    options_team_err_short_passphrase: 'Use a passphrase of at least $1 characters.',
    options_team_err_no_key: 'This browser has no team key to export.',
    options_team_err_not_key_file: 'This is not a Heed team key file.',
    options_team_err_key_file_damaged: 'This is not a Heed team key file (or it was damaged).',
    options_team_err_wrong_passphrase: 'Wrong passphrase, or the key file was changed.',
    options_team_err_key_pair:
      'The key file is inconsistent: its public and private keys do not belong together.',
  },
  de: {
    options_team_err_key_mismatch:
      'Der Schlüssel des Team-Pakets passt nicht zu seiner Schlüssel-ID: Das Paket wurde verändert.',
    options_team_err_bad_public_key: 'Das Team-Paket enthält einen ungültigen öffentlichen Schlüssel.',
    options_team_err_untrusted_policy:
      'Dieses Paket ist mit einem Team-Schlüssel signiert, dem Ihre Organisation nicht vertraut („$1“, Fingerabdruck $2). Es wurde nichts geändert.',
    options_team_err_untrusted_browser:
      'Dieses Paket ist mit einem Team-Schlüssel signiert, dem dieser Browser nicht vertraut („$1“, Fingerabdruck $2). Es wurde nichts geändert.',
    options_team_err_older:
      'Dieses Paket hat Version $1, aber Version $2 von „$3“ ist bereits übernommen. Es wurde nichts geändert.',
    options_team_err_gap_none:
      'Dies ist eine Aktualisierung (Änderungen seit Version $1), aber hier ist noch keine Version von „$2“ übernommen: Importieren Sie zuerst das vollständige Paket des Teams. Es wurde nichts geändert.',
    options_team_err_gap:
      'Diese Aktualisierung baut auf Version $1 auf, hier ist aber Version $2 übernommen: Importieren Sie die Aktualisierungen dazwischen oder das neueste vollständige Paket des Teams. Es wurde nichts geändert.',
    options_team_err_repeated_section:
      'Das Paket wiederholt einen Abschnitt: Es wurde nicht von Heed erstellt.',
    options_team_err_trust_first:
      'Vergleichen Sie den Fingerabdruck mit Ihrer Teamleitung und vertrauen Sie zuerst dem Schlüssel.',
    options_team_err_id_taken: 'Eine Ihrer Listen hat die ID $1: Das Paket wurde nicht übernommen.',
    options_team_err_list_gap: '„$1“ hat hier nicht Version $2: Importieren Sie das vollständige Paket.',
    options_team_err_line_break:
      'Ein Eintrag enthält einen Zeilenumbruch und kann nicht in ein Paket aufgenommen werden.',
    options_team_err_stray_bytes: 'Ein Abschnitt des Pakets enthält überzählige Bytes.',
    options_team_err_not_text: 'Ein Abschnitt des Pakets ist kein gültiger Text.',
    options_team_err_count: 'Ein Abschnitt des Pakets enthält nicht die angegebene Zahl von Einträgen.',
    options_team_err_entry_length: 'Ein Eintrag des Pakets ist leer oder zu lang.',
    options_team_err_reason: 'Ein Eintrag des Pakets verweist auf einen Grund, den es nicht gibt.',
    options_team_err_order:
      'Die Einträge des Pakets sind nicht sortiert oder wiederholt: Es wurde nicht von Heed erstellt.',
    options_team_err_no_list: 'Wählen Sie mindestens eine Liste für das Paket.',
    options_team_err_managed:
      '„$1“ stammt aus einem Team-Paket: Die Liste kann nicht erneut verpackt werden.',
    options_team_err_concurrent: 'Inzwischen fand ein anderer Export statt: Exportieren Sie erneut.',
    options_team_err_header_large: 'Der Kopf des Pakets ist zu groß.',
    options_team_err_too_large: 'Diese Datei ist größer als jedes Team-Paket, das Heed annimmt.',
    options_team_err_not_bundle: 'Dies ist kein Team-Paket von Heed.',
    options_team_err_truncated: 'Das Team-Paket ist unvollständig oder beschädigt. Es wurde nichts geändert.',
    options_team_err_header_unreadable:
      'Das Team-Paket ist beschädigt oder wurde verändert: Sein Kopf kann nicht gelesen werden.',
    options_team_err_header_invalid:
      'Der Kopf des Team-Pakets ist ungültig ($1: $2). Es wurde nichts geändert.',
    options_team_err_top_level: 'oberste Ebene',
    options_team_err_size: 'Das Team-Paket ist unvollständig oder wurde verändert: Seine Größe stimmt nicht.',
    options_team_err_signature:
      'Die Signatur des Team-Pakets stimmt nicht: Die Datei wurde nach dem Signieren verändert. Es wurde nichts geändert.',
    options_team_err_checksum:
      'Die Einträge des Team-Pakets wurden nach dem Signieren verändert (Prüfsumme stimmt nicht). Es wurde nichts geändert.',
    options_team_err_key_bytes: 'Ein öffentlicher Team-Schlüssel hat 32 Bytes.',
    options_team_err_stored_damaged: 'Der gespeicherte Team-Schlüssel ist beschädigt.',
    options_team_err_has_key:
      'Dieser Browser hat bereits einen Team-Schlüssel: Löschen Sie ihn zuerst, um einen anderen zu erstellen oder zu importieren.',
    options_team_err_no_name:
      'Geben Sie dem Team einen Namen: Vertriebsmitarbeiter sehen ihn neben dem Fingerabdruck.',
    options_team_err_short_passphrase: 'Verwenden Sie eine Passphrase mit mindestens $1 Zeichen.',
    options_team_err_no_key: 'Dieser Browser hat keinen Team-Schlüssel zum Exportieren.',
    options_team_err_not_key_file: 'Dies ist keine Team-Schlüsseldatei von Heed.',
    options_team_err_key_file_damaged:
      'Dies ist keine Team-Schlüsseldatei von Heed (oder sie wurde beschädigt).',
    options_team_err_wrong_passphrase: 'Falsche Passphrase, oder die Schlüsseldatei wurde verändert.',
    options_team_err_key_pair:
      'Die Schlüsseldatei ist widersprüchlich: Ihr öffentlicher und ihr privater Schlüssel gehören nicht zusammen.',
  },
  fr: {
    options_team_err_key_mismatch:
      'La clé du paquet d’équipe ne correspond pas à son identifiant : le paquet a été modifié.',
    options_team_err_bad_public_key: 'Le paquet d’équipe contient une clé publique non valide.',
    options_team_err_untrusted_policy:
      'Ce paquet est signé par une clé d’équipe que votre organisation n’approuve pas (« $1 », empreinte $2). Rien n’a été modifié.',
    options_team_err_untrusted_browser:
      'Ce paquet est signé par une clé d’équipe que ce navigateur n’approuve pas (« $1 », empreinte $2). Rien n’a été modifié.',
    options_team_err_older:
      'Ce paquet est en version $1, mais la version $2 de « $3 » est déjà appliquée. Rien n’a été modifié.',
    options_team_err_gap_none:
      'C’est une mise à jour (changements depuis la version $1) mais aucune version de « $2 » n’est encore appliquée ici : importez d’abord le paquet complet de l’équipe. Rien n’a été modifié.',
    options_team_err_gap:
      'Cette mise à jour s’applique sur la version $1, mais la version $2 est appliquée ici : importez les mises à jour intermédiaires, ou le dernier paquet complet de l’équipe. Rien n’a été modifié.',
    options_team_err_repeated_section: 'Le paquet répète une section : il n’a pas été créé par Heed.',
    options_team_err_trust_first:
      'Comparez l’empreinte avec votre responsable d’équipe et faites d’abord confiance à la clé.',
    options_team_err_id_taken: 'Une de vos listes a l’identifiant $1 : le paquet n’a pas été appliqué.',
    options_team_err_list_gap: '« $1 » n’est pas en version $2 ici : importez le paquet complet.',
    options_team_err_line_break: 'Une entrée contient un saut de ligne et ne peut pas être mise en paquet.',
    options_team_err_stray_bytes: 'Une section du paquet contient des octets en trop.',
    options_team_err_not_text: 'Une section du paquet n’est pas un texte valide.',
    options_team_err_count: 'Une section du paquet ne contient pas le nombre d’entrées annoncé.',
    options_team_err_entry_length: 'Une entrée du paquet est vide ou trop longue.',
    options_team_err_reason: 'Une entrée du paquet renvoie à un motif absent.',
    options_team_err_order:
      'Les entrées du paquet sont dans le désordre ou répétées : il n’a pas été créé par Heed.',
    options_team_err_no_list: 'Choisissez au moins une liste pour le paquet.',
    options_team_err_managed:
      '« $1 » provient d’un paquet d’équipe : elle ne peut pas être remise en paquet.',
    options_team_err_concurrent: 'Un autre export a eu lieu entre-temps : exportez à nouveau.',
    options_team_err_header_large: 'L’en-tête du paquet est trop volumineux.',
    options_team_err_too_large: 'Ce fichier est plus gros que tout paquet d’équipe accepté par Heed.',
    options_team_err_not_bundle: 'Ce n’est pas un paquet d’équipe Heed.',
    options_team_err_truncated: 'Le paquet d’équipe est tronqué ou endommagé. Rien n’a été modifié.',
    options_team_err_header_unreadable:
      'Le paquet d’équipe est endommagé ou a été modifié : son en-tête est illisible.',
    options_team_err_header_invalid:
      'L’en-tête du paquet d’équipe n’est pas valide ($1 : $2). Rien n’a été modifié.',
    options_team_err_top_level: 'niveau supérieur',
    options_team_err_size: 'Le paquet d’équipe est tronqué ou a été modifié : sa taille ne correspond pas.',
    options_team_err_signature:
      'La signature du paquet d’équipe ne correspond pas : le fichier a été modifié après sa signature. Rien n’a été modifié.',
    options_team_err_checksum:
      'Les entrées du paquet d’équipe ont été modifiées après sa signature (somme de contrôle différente). Rien n’a été modifié.',
    options_team_err_key_bytes: 'Une clé publique d’équipe fait 32 octets.',
    options_team_err_stored_damaged: 'La clé d’équipe enregistrée est endommagée.',
    options_team_err_has_key:
      'Ce navigateur a déjà une clé d’équipe : supprimez-la d’abord pour en créer ou en importer une autre.',
    options_team_err_no_name: 'Donnez un nom à l’équipe : les commerciaux le voient à côté de l’empreinte.',
    options_team_err_short_passphrase: 'Utilisez une phrase secrète d’au moins $1 caractères.',
    options_team_err_no_key: 'Ce navigateur n’a pas de clé d’équipe à exporter.',
    options_team_err_not_key_file: 'Ce n’est pas un fichier de clé d’équipe Heed.',
    options_team_err_key_file_damaged:
      'Ce n’est pas un fichier de clé d’équipe Heed (ou il a été endommagé).',
    options_team_err_wrong_passphrase: 'Phrase secrète incorrecte, ou le fichier de clé a été modifié.',
    options_team_err_key_pair:
      'Le fichier de clé est incohérent : ses clés publique et privée ne vont pas ensemble.',
  },
});
