import { defineMessages } from '../../define';

// Options page → Settings: the form, annotated sites, storage, demo data.
export const settings = defineMessages({
  en: {
    options_undo: 'Undo',
    options_cancel: 'Cancel',
    options_storage_failed: "Could not open Heed's storage: $1",
    options_settings_loading: 'Loading settings…',
    options_settings_unreadable:
      'The stored settings could not be read ($1). They were left untouched rather than reset.',
    options_settings_title: 'Defaults and policy',
    options_settings_language_legend: 'Language',
    options_settings_language: 'Language of Heed',
    options_settings_language_hint:
      'For the badge, the popup, these pages and the checks at Send. The page reloads in the new language when you save.',
    options_settings_locked: 'Locked by your organisation.',
    options_settings_locked_because: 'Locked by your organisation: $1.',
    options_settings_defaults_legend: 'For people with nothing recorded',
    options_settings_defaults_hint:
      'Used when neither your records nor the page say where a person is or what kind of subscriber they are. A recorded fact always wins over these.',
    options_settings_default_country: 'Default country',
    options_settings_country_not_set: 'Not set (Heed asks to check)',
    options_settings_default_subscriber: 'Default subscriber',
    options_settings_subscriber_unknown: 'Not assumed (ask each time)',
    options_settings_email_legend: 'Email addresses',
    options_settings_own_domains: "Your team's own domains",
    options_settings_own_domains_hint:
      "One per line. Addresses at these domains are colleagues' work addresses, even at a webmail provider.",
    options_settings_personal_domains: 'Additional personal-email domains',
    options_settings_personal_domains_hint:
      "One per line, for webmail Heed does not know (a regional provider, say). An address there is treated as a private person's.",
    options_settings_domain_error: '$1: $2',
    options_settings_possible_matches: 'Show possible matches',
    options_settings_possible_matches_hint:
      'Flags a +tag variant of a listed address as "possible match" (never as blocked). Gmail ignores dots and +tags, so every spelling of a listed Gmail address is the same mailbox and always matches.',
    options_settings_charity: 'We are a charity',
    options_settings_charity_hint:
      'UK charities may email and text supporters who expressed an interest in their aims (PECR reg. 22(3A), the charity soft opt-in). Leave unticked unless your organisation is a registered charity.',
    options_settings_send_legend: 'Check recipients at Send',
    options_settings_send_hint:
      'Heed looks up each recipient as you add it and stops a message to a blocked person before it leaves.',
    options_settings_send_gmail: 'Check at Send in Gmail',
    options_settings_send_outlook: 'Check at Send in Outlook on the web',
    options_settings_send_linkedin: 'Check at Send in LinkedIn messages',
    options_settings_send_stop_on_check: 'Also stop messages to recipients marked "check"',
    options_settings_team_legend: 'Team facts',
    options_settings_team_hint:
      'Facts about your organisation, recorded once: Heed uses them for every person with nothing recorded of their own.',
    options_settings_team_lia: 'Legitimate-interest assessment for B2B prospecting (date)',
    options_settings_team_screened: 'Last TPS/CTPS and do-not-call screen of your call lists (date)',
    options_settings_team_signoff: "Privacy officer's sign-off of the business-email rules (date)",
    options_settings_team_art14: 'Our first message carries the Art. 14 privacy notice and an opt-out',
    options_settings_team_art14_hint:
      'Heed then shows it as a duty for each new prospect ("include the notice in your first message"); it does not record that a notice was given.',
    options_settings_retention_legend: 'Retention',
    options_settings_retention: 'Keep contact records for (days)',
    options_settings_retention_hint:
      'Records older than this are flagged for review. Suppression entries are never purged: they are what keeps an objection honoured. 730 days is two years.',
    options_settings_retention_invalid: 'Enter a whole number of days between $1 and $2.',
    options_settings_pages_legend: 'On web pages',
    options_settings_side_panel_only: 'Side panel only (leave no trace on pages)',
    options_settings_side_panel_only_hint:
      "Heed still reads the page you are on, but adds nothing to it: no badge, no markers, no events. Verdicts, record forms and the page scan are in the browser's side panel, which the toolbar button opens.",
    options_settings_save: 'Save settings',
    options_settings_saved: 'Settings saved ($1 changed). Open badges are re-checked.',
    options_settings_undone: 'Change undone: the previous settings are back.',
    options_settings_nothing_changed: 'Nothing to save: no setting changed.',
    options_settings_save_failed: 'Could not save: $1',
  },
  de: {
    options_undo: 'Rückgängig',
    options_cancel: 'Abbrechen',
    options_storage_failed: 'Der Speicher von Heed konnte nicht geöffnet werden: $1',
    options_settings_loading: 'Einstellungen werden geladen …',
    options_settings_unreadable:
      'Die gespeicherten Einstellungen konnten nicht gelesen werden ($1). Sie wurden nicht verändert und nicht zurückgesetzt.',
    options_settings_title: 'Standardwerte und Richtlinien',
    options_settings_language_legend: 'Sprache',
    options_settings_language: 'Sprache von Heed',
    options_settings_language_hint:
      'Für das Badge, das Popup, diese Seiten und die Prüfung beim Senden. Nach dem Speichern wird die Seite in der neuen Sprache neu geladen.',
    options_settings_locked: 'Von Ihrer Organisation festgelegt.',
    options_settings_locked_because: 'Von Ihrer Organisation festgelegt: $1.',
    options_settings_defaults_legend: 'Für Personen ohne erfasste Angaben',
    options_settings_defaults_hint:
      'Gilt, wenn weder Ihre Aufzeichnungen noch die Seite angeben, wo sich eine Person befindet oder welche Art von Teilnehmer sie ist. Eine erfasste Angabe hat immer Vorrang.',
    options_settings_default_country: 'Standardland',
    options_settings_country_not_set: 'Nicht festgelegt (Heed fordert zur Prüfung auf)',
    options_settings_default_subscriber: 'Standard-Teilnehmerart',
    options_settings_subscriber_unknown: 'Keine Annahme (jedes Mal nachfragen)',
    options_settings_email_legend: 'E-Mail-Adressen',
    options_settings_own_domains: 'Eigene Domains Ihres Teams',
    options_settings_own_domains_hint:
      'Eine pro Zeile. Adressen unter diesen Domains sind geschäftliche Adressen von Kollegen, auch bei einem Webmail-Anbieter.',
    options_settings_personal_domains: 'Weitere Domains für private E-Mail',
    options_settings_personal_domains_hint:
      'Eine pro Zeile, für Webmail-Anbieter, die Heed nicht kennt (etwa einen regionalen). Eine Adresse dort gilt als die einer Privatperson.',
    options_settings_domain_error: '$1: $2',
    options_settings_possible_matches: 'Mögliche Treffer anzeigen',
    options_settings_possible_matches_hint:
      'Markiert eine +Tag-Variante einer gelisteten Adresse als „möglicher Treffer“ (nie als gesperrt). Gmail ignoriert Punkte und +Tags, daher ist jede Schreibweise einer gelisteten Gmail-Adresse dasselbe Postfach und wird immer erkannt.',
    options_settings_charity: 'Wir sind eine gemeinnützige Organisation',
    options_settings_charity_hint:
      'Britische Charities dürfen Unterstützern, die Interesse an ihren Zielen bekundet haben, E-Mails und SMS senden (PECR reg. 22(3A), das Charity Soft Opt-in). Nur ankreuzen, wenn Ihre Organisation eine eingetragene Charity ist.',
    options_settings_send_legend: 'Empfänger beim Senden prüfen',
    options_settings_send_hint:
      'Heed prüft jeden Empfänger, sobald Sie ihn hinzufügen, und hält eine Nachricht an eine gesperrte Person auf, bevor sie abgeschickt wird.',
    options_settings_send_gmail: 'Beim Senden in Gmail prüfen',
    options_settings_send_outlook: 'Beim Senden in Outlook im Web prüfen',
    options_settings_send_linkedin: 'Beim Senden von LinkedIn-Nachrichten prüfen',
    options_settings_send_stop_on_check: 'Auch Nachrichten an Empfänger mit „Prüfen“ aufhalten',
    options_settings_team_legend: 'Angaben zum Team',
    options_settings_team_hint:
      'Angaben zu Ihrer Organisation, einmal erfasst: Heed verwendet sie für jede Person ohne eigene Angaben.',
    options_settings_team_lia: 'Interessenabwägung für die B2B-Akquise (Datum)',
    options_settings_team_screened: 'Letzter Abgleich Ihrer Anruflisten mit TPS/CTPS und Sperrlisten (Datum)',
    options_settings_team_signoff:
      'Freigabe der Regeln für geschäftliche E-Mails durch den Datenschutzbeauftragten (Datum)',
    options_settings_team_art14:
      'Unsere erste Nachricht enthält die Datenschutzhinweise nach Art. 14 DSGVO und eine Widerspruchsmöglichkeit',
    options_settings_team_art14_hint:
      'Heed zeigt das dann als Pflicht bei jedem neuen Interessenten an („Hinweis in die erste Nachricht aufnehmen“); es erfasst nicht, dass ein Hinweis gegeben wurde.',
    options_settings_retention_legend: 'Aufbewahrung',
    options_settings_retention: 'Kontaktdatensätze aufbewahren für (Tage)',
    options_settings_retention_hint:
      'Ältere Datensätze werden zur Prüfung markiert. Sperreinträge werden nie gelöscht: Sie sorgen dafür, dass ein Widerspruch beachtet wird. 730 Tage sind zwei Jahre.',
    options_settings_retention_invalid: 'Geben Sie eine ganze Zahl von Tagen zwischen $1 und $2 ein.',
    options_settings_pages_legend: 'Auf Webseiten',
    options_settings_side_panel_only: 'Nur Seitenleiste (keine Spuren auf Seiten)',
    options_settings_side_panel_only_hint:
      'Heed liest die aktuelle Seite weiterhin, fügt ihr aber nichts hinzu: kein Badge, keine Markierungen, keine Ereignisse. Bewertungen, Erfassungsformulare und der Seiten-Scan befinden sich in der Seitenleiste des Browsers, die Sie über die Symbolleisten-Schaltfläche öffnen.',
    options_settings_save: 'Einstellungen speichern',
    options_settings_saved: 'Einstellungen gespeichert ($1 geändert). Offene Badges werden neu geprüft.',
    options_settings_undone: 'Änderung rückgängig gemacht: Die vorherigen Einstellungen gelten wieder.',
    options_settings_nothing_changed: 'Nichts zu speichern: Keine Einstellung wurde geändert.',
    options_settings_save_failed: 'Speichern fehlgeschlagen: $1',
  },
  fr: {
    options_undo: 'Annuler',
    options_cancel: 'Annuler',
    options_storage_failed: 'Impossible d’ouvrir le stockage de Heed : $1',
    options_settings_loading: 'Chargement des paramètres…',
    options_settings_unreadable:
      'Les paramètres enregistrés n’ont pas pu être lus ($1). Ils ont été laissés intacts plutôt que réinitialisés.',
    options_settings_title: 'Valeurs par défaut et règles',
    options_settings_language_legend: 'Langue',
    options_settings_language: 'Langue de Heed',
    options_settings_language_hint:
      'Pour le badge, la fenêtre contextuelle, ces pages et la vérification à l’envoi. La page se recharge dans la nouvelle langue à l’enregistrement.',
    options_settings_locked: 'Verrouillé par votre organisation.',
    options_settings_locked_because: 'Verrouillé par votre organisation : $1.',
    options_settings_defaults_legend: 'Pour les personnes sans information enregistrée',
    options_settings_defaults_hint:
      'Utilisé quand ni vos enregistrements ni la page n’indiquent où se trouve une personne ni quel type d’abonné elle est. Une information enregistrée l’emporte toujours.',
    options_settings_default_country: 'Pays par défaut',
    options_settings_country_not_set: 'Non défini (Heed demande de vérifier)',
    options_settings_default_subscriber: 'Type d’abonné par défaut',
    options_settings_subscriber_unknown: 'Aucune hypothèse (demander à chaque fois)',
    options_settings_email_legend: 'Adresses e-mail',
    options_settings_own_domains: 'Domaines propres à votre équipe',
    options_settings_own_domains_hint:
      'Un par ligne. Les adresses de ces domaines sont les adresses professionnelles de vos collègues, même chez un webmail.',
    options_settings_personal_domains: 'Autres domaines de messagerie personnelle',
    options_settings_personal_domains_hint:
      'Un par ligne, pour les webmails que Heed ne connaît pas (un fournisseur régional, par exemple). Une adresse chez eux est traitée comme celle d’un particulier.',
    options_settings_domain_error: '$1 : $2',
    options_settings_possible_matches: 'Afficher les correspondances possibles',
    options_settings_possible_matches_hint:
      'Signale une variante +tag d’une adresse listée comme « correspondance possible » (jamais comme bloquée). Gmail ignore les points et les +tags : chaque graphie d’une adresse Gmail listée est la même boîte et correspond toujours.',
    options_settings_charity: 'Nous sommes une association caritative',
    options_settings_charity_hint:
      'Au Royaume-Uni, les charities peuvent écrire par e-mail et SMS aux sympathisants qui ont manifesté un intérêt pour leur cause (PECR reg. 22(3A), le soft opt-in caritatif). Ne cochez que si votre organisation est une charity enregistrée.',
    options_settings_send_legend: 'Vérifier les destinataires à l’envoi',
    options_settings_send_hint:
      'Heed vérifie chaque destinataire dès que vous l’ajoutez et retient un message destiné à une personne bloquée avant qu’il ne parte.',
    options_settings_send_gmail: 'Vérifier à l’envoi dans Gmail',
    options_settings_send_outlook: 'Vérifier à l’envoi dans Outlook sur le web',
    options_settings_send_linkedin: 'Vérifier à l’envoi dans les messages LinkedIn',
    options_settings_send_stop_on_check: 'Retenir aussi les messages aux destinataires « à vérifier »',
    options_settings_team_legend: 'Informations sur l’équipe',
    options_settings_team_hint:
      'Des informations sur votre organisation, saisies une fois : Heed les utilise pour toute personne sans information propre.',
    options_settings_team_lia: 'Évaluation de l’intérêt légitime pour la prospection commerciale B2B (date)',
    options_settings_team_screened:
      'Dernier filtrage de vos listes d’appel (TPS/CTPS, listes d’opposition) (date)',
    options_settings_team_signoff:
      'Validation des règles d’e-mail professionnel par le délégué à la protection des données (date)',
    options_settings_team_art14:
      'Notre premier message contient l’information prévue à l’article 14 du RGPD et un moyen d’opposition',
    options_settings_team_art14_hint:
      'Heed l’affiche alors comme une obligation pour chaque nouveau prospect (« inclure l’information dans votre premier message ») ; il n’enregistre pas qu’elle a été donnée.',
    options_settings_retention_legend: 'Conservation',
    options_settings_retention: 'Conserver les fiches de contact pendant (jours)',
    options_settings_retention_hint:
      'Les fiches plus anciennes sont signalées pour revue. Les entrées d’opposition ne sont jamais effacées : ce sont elles qui font respecter une opposition. 730 jours font deux ans.',
    options_settings_retention_invalid: 'Saisissez un nombre entier de jours entre $1 et $2.',
    options_settings_pages_legend: 'Sur les pages web',
    options_settings_side_panel_only: 'Panneau latéral uniquement (aucune trace sur les pages)',
    options_settings_side_panel_only_hint:
      'Heed lit toujours la page affichée, mais n’y ajoute rien : ni badge, ni marqueurs, ni événements. Les verdicts, les formulaires et l’analyse de la page sont dans le panneau latéral du navigateur, ouvert par le bouton de la barre d’outils.',
    options_settings_save: 'Enregistrer les paramètres',
    options_settings_saved: 'Paramètres enregistrés ($1 modifiés). Les badges ouverts sont revérifiés.',
    options_settings_undone: 'Modification annulée : les paramètres précédents sont rétablis.',
    options_settings_nothing_changed: 'Rien à enregistrer : aucun paramètre n’a changé.',
    options_settings_save_failed: 'Échec de l’enregistrement : $1',
  },
});
