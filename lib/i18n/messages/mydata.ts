import { defineMessages } from '../define';

// The My data page (components/mydata, entrypoints/mydata) and the texts lib/mydata shows the user: labels, warnings,
// the request log, the popup's overdue line. The request letters themselves are in lib/mydata/letter-text, one whole
// template per language, because their language follows the company's country, not the page's.
export const mydata = defineMessages({
  en: {
    mydata_undo_request_gone: 'The request to $1 was deleted meanwhile: there is nothing to undo.',
    mydata_title: 'Heed · My data',
    mydata_promise:
      'Your own data, kept apart from any suppression lists. Nothing leaves this browser unless you send a letter or save a file yourself.',
    mydata_nav_label: 'Sections',
    mydata_nav_identities: 'My identities',
    mydata_nav_requests: 'Requests',
    mydata_nav_exposure: 'How exposed am I?',
    mydata_storage_error:
      'Heed could not open its storage: $1. Reload the page; if it persists, check that the browser allows the extension to store data.',
    mydata_loading: 'Loading…',
    mydata_country_not_set: 'Not set',

    mydata_identity_email: 'Email address',
    mydata_identity_phone: 'Phone number',
    mydata_identity_profile: 'LinkedIn profile URL',
    mydata_hashed_email: 'a hashed email',
    mydata_hashed_phone: 'a hashed phone',
    mydata_hashed_profile: 'a hashed profile',
    mydata_remove_hashed_email: 'Remove hashed email address',
    mydata_remove_hashed_phone: 'Remove hashed phone number',
    mydata_remove_hashed_profile: 'Remove hashed LinkedIn profile URL',
    mydata_ph_email: 'you@example.com',
    mydata_ph_profile: 'linkedin.com/in/your-name',
    mydata_identity_not_added: '$1 not added: $2.',
    mydata_added: 'Added $1.',
    mydata_removed: 'Removed $1.',
    mydata_identities_lead:
      'Your own email addresses, phone numbers and LinkedIn profile. Heed keeps them in this browser only, apart from any suppression list, and uses them to spot your data on pages you scan and to fill in your request letters.',
    mydata_kind: 'Kind',
    mydata_phone_country: 'Country, for numbers without +code',
    mydata_label_optional: 'Label (optional)',
    mydata_label_ph: 'work, old, …',
    mydata_hash_only: 'Store only a hash',
    mydata_hash_hint:
      'Heed then keeps only a SHA-256 fingerprint: it still recognises the value on pages, but cannot write it into a letter, and you will not see it here again.',
    mydata_add: 'Add',
    mydata_identities_empty:
      'No identities yet. Add the email address you are most often contacted at first; it is also what companies use to find your data.',
    mydata_identities_list: 'Your identities',
    mydata_hashed_value: 'hashed only ($1…) – matches on pages, not in letters',
    mydata_remove: 'Remove',
    mydata_remove_label: 'Remove $1',
    mydata_already_yours: 'already in your identities',
    mydata_too_many: 'at most $1 identities',

    mydata_requests_title: 'Requests to companies',
    mydata_requests_lead:
      "Ask a company what it holds about you and where it got it, to delete it, to stop marketing to you, or to correct it. Heed writes the letter with your identifiers, today's date and the legal deadline; you send it from your own mail, and Heed reminds you when the reply is late.",
    mydata_your_name: 'Your name, to sign the letters',
    mydata_where_you_live: 'Where you live',
    mydata_letters_note:
      "The letters are Heed's own wording of the rights in the GDPR, the UK GDPR and the CCPA. They are not legal advice.",

    mydata_write_request: 'Write a request',
    mydata_company: 'Company',
    mydata_company_hint:
      "Suggested from the page you had open ($1). Use the company's legal name if you know it.",
    mydata_company_email: 'Its privacy email',
    mydata_company_email_ph: 'privacy@…',
    mydata_company_email_hint:
      'The company\'s privacy notice names it (often "privacy@" or "dpo@"). Heed does not look it up.',
    mydata_company_country: "Company's country",
    mydata_law: 'Law',
    mydata_law_hint_suggested: 'Suggested for where you live.',
    mydata_law_hint_suggested_ccpa:
      'Suggested for where you live. The CCPA covers California residents; other US states have their own laws.',
    mydata_law_hint_none:
      'Set your country above for a suggestion. The GDPR also applies to companies outside the EU that target people in it.',
    mydata_letter_language: 'Language of the letter',
    mydata_letter_language_hint:
      "Chosen from the company's country (German for Germany and Austria, French for France, Belgium, Luxembourg and Monaco); change it if the company prefers another.",
    mydata_letter_language_english: 'UK GDPR and CCPA letters are written in English.',
    mydata_sent_on: 'Sent on',
    mydata_sent_hint: 'Today, or the day you sent an earlier request you want to log.',
    mydata_california: 'I am a California resident',
    mydata_california_hint:
      "The CCPA's rights belong to California residents; the letter says you are one only when this is ticked.",
    mydata_what_ask: 'What do you ask for?',
    mydata_correction: 'What is wrong, and what is correct?',
    mydata_identifiers_legend: 'Identifiers to put in the letter',
    mydata_identifiers_none:
      'None yet: add your email address under $1, or the company cannot find your data.',
    mydata_hashed_left_out__one:
      '$1 hashed-only identity is left out: Heed cannot write a value it only keeps as a hash.',
    mydata_hashed_left_out__other:
      '$1 hashed-only identities are left out: Heed cannot write a value it only keeps as a hash.',
    mydata_details: 'Other details that help them find you (optional)',
    mydata_details_ph: 'Customer number, former address…',
    mydata_before_send: 'Before you send',
    mydata_the_letter: 'The letter',
    mydata_reply_due: 'Reply due by $1 ($2).',
    mydata_rule_due: '$1: $2',
    mydata_copy_letter: 'Copy letter',
    mydata_open_mail: 'Open in mail app',
    mydata_copy_open_mail: 'Copy and open in mail app',
    mydata_sent_it: 'I sent it',
    mydata_too_long:
      'The letter is too long for a mail link on every system: this copies it and opens a draft with the address and subject; paste the letter into it.',
    mydata_no_mail:
      "Add the company's privacy email to open a draft, or copy the letter into their web form.",
    mydata_copied_letter: 'Letter copied, with its subject line.',
    mydata_copied_body: 'Letter copied: paste it into the draft.',
    mydata_copy_failed: 'Could not copy ($1): select the text below and copy it.',
    mydata_logged: 'Logged your request to $1: reply due by $2.',
    mydata_not_logged: 'Not logged: $1',

    mydata_warn_left_out: 'Not part of $1, left out: $2.',
    mydata_warn_no_kind: 'Choose at least one request.',
    mydata_warn_no_company: 'Name the company.',
    mydata_warn_no_identifier: 'Add at least one of your identifiers, or the company cannot find your data.',
    mydata_warn_no_correction: 'Say what is wrong and what is correct (the letter has a placeholder).',
    mydata_warn_california:
      'CCPA rights belong to California residents: tick "I am a California resident" if you are one. The letter does not say so until you do.',
    mydata_warn_no_email: "Add the company's privacy email (its privacy notice names it) to open a draft.",
    mydata_warn_bad_email: 'The company email is not valid: $1.',
    mydata_law_gdpr: 'GDPR (EU and EEA)',
    mydata_law_uk_gdpr: 'UK GDPR (United Kingdom)',
    mydata_law_ccpa: 'CCPA/CPRA (California residents)',
    mydata_kind_access: 'Access: a copy of my data and where it came from (Art. 15)',
    mydata_kind_erasure: 'Erasure: delete my data (Art. 17)',
    mydata_kind_objection: 'Objection: stop direct marketing (Art. 21(2))',
    mydata_kind_rectification: 'Rectification: correct my data (Art. 16)',
    mydata_kind_ccpa_know: 'Know: what you collected, from where, and who got it (§1798.110, §1798.115)',
    mydata_kind_ccpa_delete: 'Delete my personal information (§1798.105)',
    mydata_kind_ccpa_opt_out: 'Opt out of sale and sharing (§1798.120)',
    mydata_kind_ccpa_correct: 'Correct inaccurate information (§1798.106)',
    mydata_short_access: 'access',
    mydata_short_erasure: 'erasure',
    mydata_short_objection: 'objection',
    mydata_short_rectification: 'rectification',
    mydata_short_ccpa_know: 'know',
    mydata_short_ccpa_delete: 'delete',
    mydata_short_ccpa_opt_out: 'opt-out',
    mydata_short_ccpa_correct: 'correct',
    mydata_rule_gdpr: 'Art. 12(3): one month from receipt',
    mydata_rule_ccpa_opt_out: '11 CCR §7026(f): 15 business days from receipt',
    mydata_rule_ccpa: '§1798.130(a)(2)(A): 45 days from receipt',

    mydata_kinds_gdpr: 'Art. $1',
    mydata_kinds_ccpa: 'CCPA $1',
    mydata_overdue_item: '$1 ($2, sent $3, due $4)',
    mydata_overdue_line__one: '$1 request is overdue: $2',
    mydata_overdue_line__other: '$1 requests are overdue: $2',
    mydata_because_uk: 'the UK GDPR',
    mydata_because_ccpa: 'the CCPA',
    mydata_because_company: "the company's country",
    mydata_because_user: 'where you live (Art. 77(1))',
    mydata_because_none: 'no country recorded',

    mydata_status_answered: 'Answered $1',
    mydata_status_overdue__one: 'Overdue by $1 day',
    mydata_status_overdue__other: 'Overdue by $1 days',
    mydata_status_due_today: 'Due today',
    mydata_status_left__one: '$1 day left',
    mydata_status_left__other: '$1 days left',
    mydata_marked_answered: 'Marked the request to $1 as answered.',
    mydata_deleted_request: 'Deleted the request to $1 from the log.',
    mydata_log_title: 'Requests you sent',
    mydata_overdue_banner__one:
      'One reply is overdue. Write to the company again, quoting the date of your request; if there is still no answer, you can complain to the data protection authority (or, under the CCPA, to the California Privacy Protection Agency).',
    mydata_overdue_banner__other:
      '$1 replies are overdue. Write to the company again, quoting the date of your request; if there is still no answer, you can complain to the data protection authority (or, under the CCPA, to the California Privacy Protection Agency).',
    mydata_log_empty:
      'No requests logged yet. After you send a letter, choose "I sent it": Heed remembers the due date and reminds you on its toolbar icon when a reply is late.',
    mydata_log_caption: 'Requests you sent, overdue first',
    mydata_col_request: 'Request',
    mydata_col_sent: 'Sent',
    mydata_col_due: 'Reply due',
    mydata_col_status: 'Status',
    mydata_col_actions: 'Actions',
    mydata_answered: 'Answered',
    mydata_answered_label: 'Mark the request to $1 answered',
    mydata_delete: 'Delete',
    mydata_delete_label: 'Delete the request to $1 from the log',

    mydata_word_email: 'Email',
    mydata_word_phone: 'Phone',
    mydata_word_profile: 'LinkedIn profile',
    mydata_exposure_lead:
      'When you scan a page with Heed (the toolbar button, then "Scan this page"; LinkedIn and GitHub are checked automatically), Heed highlights your own identifiers on it and counts the other email addresses and phone numbers it shows. It looks only at what the page shows you and sends nothing anywhere.',
    mydata_exposure_add_first: 'Add your identities first ($1): Heed can only recognise what you told it.',
    mydata_linkedin_title: 'Your LinkedIn contact info',
    mydata_linkedin_intro:
      'On your own profile, open "Contact info": what you see there, your 1st-degree connections usually see too. Two LinkedIn settings decide who gets your email address:',
    mydata_linkedin_visibility: 'Who can see your email address',
    mydata_linkedin_visibility_text: '$1 – choose "Only visible to me" to hide it from connections.',
    mydata_linkedin_download: 'Allow your connections to download your email',
    mydata_linkedin_download_text:
      '$1 – off by default; when on, connections take your address with their data export.',
    mydata_linkedin_hint:
      "These open LinkedIn's own settings pages in a new tab; Heed never opens or reads them itself. Your phone number and birthday are changed in the contact info editor on your profile.",
    mydata_check_title: 'Check a text',
    mydata_check_label: "Paste a page's text, a company's reply or a data export",
    mydata_check_hint:
      'Checked here in the page; nothing is stored. Phone numbers without a +code are read as numbers of your country.',
    mydata_check: 'Check',
    mydata_none_found: 'None of your identifiers is in this text.',
    mydata_found__one: '$1 of your identifiers is in this text:',
    mydata_found__other: '$1 of your identifiers are in this text:',
    mydata_found_item: '$1: $2',
    mydata_found_item_variant: '$1: $2 (another spelling of your address, reaching the same mailbox)',
    mydata_others: 'Other data in it: $1, $2.',
    mydata_n_emails__one: '$1 email address',
    mydata_n_emails__other: '$1 email addresses',
    mydata_n_phones__one: '$1 phone number',
    mydata_n_phones__other: '$1 phone numbers',
    mydata_truncated: 'The text was very long: only the first 2 million characters were checked.',

    mydata_restore_identities_keep: 'Identities: $1 now → $2 after ($3 new, 0 go).',
    mydata_restore_identities_lose__one:
      'Identities: $2 now → $3 after ($4 new, $1 goes): $1 identity you have now will be gone.',
    mydata_restore_identities_lose__other:
      'Identities: $2 now → $3 after ($4 new, $1 go): $1 identities you have now will be gone.',
    mydata_restore_requests_keep: 'Requests in the log: $1 now → $2 after ($3 new, 0 go).',
    mydata_restore_requests_lose__one:
      'Requests in the log: $2 now → $3 after ($4 new, $1 goes): $1 request you have now will be gone.',
    mydata_restore_requests_lose__other:
      'Requests in the log: $2 now → $3 after ($4 new, $1 go): $1 requests you have now will be gone.',
    mydata_restore_settings: 'Changes your $1.',
    mydata_setting_name: 'name',
    mydata_setting_country: 'country',
    mydata_restore_settings_same: 'Your name and country stay the same.',
    mydata_saved_file: 'My data saved to a file. Keep it somewhere safe: it holds your identities.',
    mydata_export_failed: 'Could not export: $1',
    mydata_replaced: 'My data replaced from $1.',
    mydata_nothing_changed: 'Nothing was changed: $1',
    mydata_backup_title: 'Back up My data',
    mydata_backup_hint:
      'Your identities and request log live only in this browser and are deleted with Heed. Save them to a file (your lists have their own backup in Settings).',
    mydata_export: 'Export My data',
    mydata_restore_label: 'Restore My data from a file',
    mydata_restore_summary_label: 'What the restore changes',
    mydata_restore_intro: 'Restoring $1 replaces everything in My data:',
    mydata_replace: 'Replace My data',
    mydata_cancel: 'Cancel',

    mydata_reminder_title__one: 'Heed: a reply is overdue ($2). Open "My data" to follow up.',
    mydata_reminder_title__other: 'Heed: $1 replies are overdue ($2). Open "My data" to follow up.',
    mydata_reminder_note__one: '1 reply overdue: $2 (open the popup to follow up)',
    mydata_reminder_note__other: '$1 replies overdue: $2 (open the popup to follow up)',
    mydata_names_more: '$1 and $2 more',

    mydata_backup_too_large: 'The file is too large to be a My data backup. Nothing was changed.',
    mydata_backup_not_json: 'The file is not valid JSON. Nothing was changed.',
    mydata_backup_not_mine:
      'This is not a Heed "My data" backup (a lists backup is restored in Settings). Nothing was changed.',
    mydata_backup_damaged: 'The file is damaged: $1.',
    mydata_backup_newer:
      'The file was made by a newer Heed (version $1, this Heed reads up to $2). Update Heed first. Nothing was changed.',
    mydata_backup_checksum:
      'The checksum does not match: the file was changed or damaged. Nothing was changed.',
    mydata_backup_invalid: 'The file has invalid records: $1. Nothing was changed.',
    mydata_backup_identity_twice: 'An identity appears twice ($1). Nothing was changed.',
    mydata_backup_identity_not_stored: 'The identity "$1" is not a valid $2 as stored. Nothing was changed.',
    mydata_backup_identity_invalid: 'The identity "$1" is not a valid $2: $3. Nothing was changed.',
    mydata_backup_kind_email: 'email',
    mydata_backup_kind_phone: 'phone',
    mydata_backup_kind_profile: 'profile',
    mydata_backup_hash_mismatch: 'The identity "$1" does not match its hash. Nothing was changed.',
    mydata_backup_request_twice: 'A request appears twice ($1). Nothing was changed.',
    mydata_backup_setting_twice: 'A setting appears twice. Nothing was changed.',

    mydata_advice_email:
      'Your contact info shows your email address ($1) to the people your "Who can see your email address" setting allows; by default that includes your 1st-degree connections.',
    mydata_advice_download:
      'If "Allow your connections to download your email" is on, they can also take it with their data export. It is off by default: check that it still is.',
    mydata_advice_link_visibility: 'LinkedIn setting: Who can see your email address',
    mydata_advice_link_download: 'LinkedIn setting: Allow your connections to download your email',
    mydata_advice_no_email: 'No email address is visible in your contact info on this page.',
    mydata_advice_phone:
      'Your phone number ($1) is visible in your contact info. To hide it, edit the contact info on your profile and remove the number.',
    mydata_advice_birthday:
      'Your birthday ($1) is visible in your contact info. You can limit or remove it in the contact info editor on your profile.',
  },
  de: {
    mydata_undo_request_gone:
      'Die Anfrage an $1 wurde inzwischen gelöscht: Es gibt nichts rückgängig zu machen.',
    mydata_title: 'Heed · Meine Daten',
    mydata_promise:
      'Ihre eigenen Daten, getrennt von allen Sperrlisten. Nichts verlässt diesen Browser, außer Sie senden selbst ein Schreiben oder speichern eine Datei.',
    mydata_nav_label: 'Bereiche',
    mydata_nav_identities: 'Meine Kennungen',
    mydata_nav_requests: 'Anträge',
    mydata_nav_exposure: 'Wie sichtbar bin ich?',
    mydata_storage_error:
      'Heed konnte seinen Speicher nicht öffnen: $1. Laden Sie die Seite neu; besteht das Problem weiter, prüfen Sie, ob der Browser der Erweiterung das Speichern von Daten erlaubt.',
    mydata_loading: 'Wird geladen …',
    mydata_country_not_set: 'Nicht festgelegt',

    mydata_identity_email: 'E-Mail-Adresse',
    mydata_identity_phone: 'Telefonnummer',
    mydata_identity_profile: 'URL des LinkedIn-Profils',
    mydata_hashed_email: 'eine gehashte E-Mail-Adresse',
    mydata_hashed_phone: 'eine gehashte Telefonnummer',
    mydata_hashed_profile: 'ein gehashtes Profil',
    mydata_remove_hashed_email: 'Gehashte E-Mail-Adresse entfernen',
    mydata_remove_hashed_phone: 'Gehashte Telefonnummer entfernen',
    mydata_remove_hashed_profile: 'Gehashte Profil-URL entfernen',
    mydata_ph_email: 'sie@beispiel.de',
    mydata_ph_profile: 'linkedin.com/in/ihr-name',
    mydata_identity_not_added: '$1 nicht hinzugefügt: $2.',
    mydata_added: '$1 hinzugefügt.',
    mydata_removed: '$1 entfernt.',
    mydata_identities_lead:
      'Ihre eigenen E-Mail-Adressen, Telefonnummern und Ihr LinkedIn-Profil. Heed speichert sie nur in diesem Browser, getrennt von allen Sperrlisten, und nutzt sie, um Ihre Daten auf gescannten Seiten zu erkennen und Ihre Anträge auszufüllen.',
    mydata_kind: 'Typ',
    mydata_phone_country: 'Land, für Nummern ohne +Vorwahl',
    mydata_label_optional: 'Bezeichnung (optional)',
    mydata_label_ph: 'Arbeit, alt, …',
    mydata_hash_only: 'Nur einen Hash speichern',
    mydata_hash_hint:
      'Heed speichert dann nur einen SHA-256-Fingerabdruck: Es erkennt den Wert auf Seiten weiterhin, kann ihn aber nicht in ein Schreiben einsetzen, und Sie sehen ihn hier nicht mehr.',
    mydata_add: 'Hinzufügen',
    mydata_identities_empty:
      'Noch keine Kennungen. Fügen Sie zuerst die E-Mail-Adresse hinzu, unter der Sie am häufigsten kontaktiert werden; mit ihr finden Unternehmen auch Ihre Daten.',
    mydata_identities_list: 'Ihre Kennungen',
    mydata_hashed_value: 'nur als Hash ($1…) – erkannt auf Seiten, nicht in Schreiben',
    mydata_remove: 'Entfernen',
    mydata_remove_label: '$1 entfernen',
    mydata_already_yours: 'bereits in Ihren Kennungen',
    mydata_too_many: 'höchstens $1 Kennungen',

    mydata_requests_title: 'Anträge an Unternehmen',
    mydata_requests_lead:
      'Fragen Sie ein Unternehmen, was es über Sie speichert und woher es die Daten hat, oder verlangen Sie Löschung, Berichtigung oder das Ende der Werbung. Heed schreibt den Antrag mit Ihren Kennungen, dem heutigen Datum und der gesetzlichen Frist; Sie senden ihn aus Ihrem eigenen Postfach, und Heed erinnert Sie, wenn die Antwort ausbleibt.',
    mydata_your_name: 'Ihr Name, zum Unterschreiben der Schreiben',
    mydata_where_you_live: 'Wohnsitzland',
    mydata_letters_note:
      'Die Schreiben geben die Rechte aus DSGVO, UK GDPR und CCPA in Heeds eigenen Worten wieder. Sie sind keine Rechtsberatung.',

    mydata_write_request: 'Antrag schreiben',
    mydata_company: 'Unternehmen',
    mydata_company_hint:
      'Vorgeschlagen nach der zuletzt geöffneten Seite ($1). Verwenden Sie den offiziellen Firmennamen, wenn Sie ihn kennen.',
    mydata_company_email: 'Datenschutz-E-Mail-Adresse',
    mydata_company_email_ph: 'datenschutz@…',
    mydata_company_email_hint:
      'Die Datenschutzerklärung des Unternehmens nennt sie (oft „datenschutz@“ oder „dsb@“). Heed sucht sie nicht selbst.',
    mydata_company_country: 'Land des Unternehmens',
    mydata_law: 'Gesetz',
    mydata_law_hint_suggested: 'Vorgeschlagen nach Ihrem Wohnsitzland.',
    mydata_law_hint_suggested_ccpa:
      'Vorgeschlagen nach Ihrem Wohnsitzland. Der CCPA gilt für Einwohner Kaliforniens; andere US-Bundesstaaten haben eigene Gesetze.',
    mydata_law_hint_none:
      'Legen Sie oben Ihr Land fest, um einen Vorschlag zu erhalten. Die DSGVO gilt auch für Unternehmen außerhalb der EU, die sich an Menschen in der EU richten.',
    mydata_letter_language: 'Sprache des Schreibens',
    mydata_letter_language_hint:
      'Nach dem Land des Unternehmens gewählt (Deutsch für Deutschland und Österreich, Französisch für Frankreich, Belgien, Luxemburg und Monaco); ändern Sie sie, wenn das Unternehmen eine andere bevorzugt.',
    mydata_letter_language_english: 'Schreiben nach UK GDPR und CCPA sind auf Englisch.',
    mydata_sent_on: 'Gesendet am',
    mydata_sent_hint:
      'Heute oder der Tag, an dem Sie einen früheren Antrag gesendet haben, den Sie erfassen möchten.',
    mydata_california: 'Ich wohne in Kalifornien',
    mydata_california_hint:
      'Die Rechte aus dem CCPA haben Einwohner Kaliforniens; das Schreiben sagt das nur, wenn Sie dies ankreuzen.',
    mydata_what_ask: 'Was verlangen Sie?',
    mydata_correction: 'Was ist falsch, und was ist richtig?',
    mydata_identifiers_legend: 'Kennungen für das Schreiben',
    mydata_identifiers_none:
      'Noch keine: Fügen Sie Ihre E-Mail-Adresse unter $1 hinzu, sonst kann das Unternehmen Ihre Daten nicht finden.',
    mydata_hashed_left_out__one:
      '$1 nur als Hash gespeicherte Kennung bleibt weg: Heed kann keinen Wert einsetzen, den es nur als Hash kennt.',
    mydata_hashed_left_out__other:
      '$1 nur als Hash gespeicherte Kennungen bleiben weg: Heed kann keinen Wert einsetzen, den es nur als Hash kennt.',
    mydata_details: 'Weitere Angaben, mit denen man Sie findet (optional)',
    mydata_details_ph: 'Kundennummer, frühere Anschrift …',
    mydata_before_send: 'Vor dem Senden',
    mydata_the_letter: 'Das Schreiben',
    mydata_reply_due: 'Antwort fällig bis $1 ($2).',
    mydata_rule_due: '$1: $2',
    mydata_copy_letter: 'Schreiben kopieren',
    mydata_open_mail: 'Im E-Mail-Programm öffnen',
    mydata_copy_open_mail: 'Kopieren und im E-Mail-Programm öffnen',
    mydata_sent_it: 'Ich habe es gesendet',
    mydata_too_long:
      'Das Schreiben ist zu lang für einen E-Mail-Link auf jedem System: Dies kopiert es und öffnet einen Entwurf mit Adresse und Betreff; fügen Sie das Schreiben dort ein.',
    mydata_no_mail:
      'Geben Sie die Datenschutz-E-Mail-Adresse des Unternehmens an, um einen Entwurf zu öffnen, oder kopieren Sie das Schreiben in dessen Webformular.',
    mydata_copied_letter: 'Schreiben kopiert, mit Betreffzeile.',
    mydata_copied_body: 'Schreiben kopiert: Fügen Sie es in den Entwurf ein.',
    mydata_copy_failed: 'Kopieren nicht möglich ($1): Markieren Sie den Text unten und kopieren Sie ihn.',
    mydata_logged: 'Ihr Antrag an $1 ist erfasst: Antwort fällig bis $2.',
    mydata_not_logged: 'Nicht erfasst: $1',

    mydata_warn_left_out: 'Nicht Teil von $1, weggelassen: $2.',
    mydata_warn_no_kind: 'Wählen Sie mindestens einen Antrag.',
    mydata_warn_no_company: 'Nennen Sie das Unternehmen.',
    mydata_warn_no_identifier:
      'Fügen Sie mindestens eine Ihrer Kennungen hinzu, sonst kann das Unternehmen Ihre Daten nicht finden.',
    mydata_warn_no_correction:
      'Geben Sie an, was falsch und was richtig ist (das Schreiben enthält einen Platzhalter).',
    mydata_warn_california:
      'Die Rechte aus dem CCPA haben Einwohner Kaliforniens: Kreuzen Sie „Ich wohne in Kalifornien“ an, wenn das zutrifft. Bis dahin sagt das Schreiben es nicht.',
    mydata_warn_no_email:
      'Geben Sie die Datenschutz-E-Mail-Adresse des Unternehmens an (seine Datenschutzerklärung nennt sie), um einen Entwurf zu öffnen.',
    mydata_warn_bad_email: 'Die E-Mail-Adresse des Unternehmens ist ungültig: $1.',
    mydata_law_gdpr: 'DSGVO (EU und EWR)',
    mydata_law_uk_gdpr: 'UK GDPR (Vereinigtes Königreich)',
    mydata_law_ccpa: 'CCPA/CPRA (Einwohner Kaliforniens)',
    mydata_kind_access: 'Auskunft: eine Kopie meiner Daten und ihre Herkunft (Art. 15 DSGVO)',
    mydata_kind_erasure: 'Löschung: meine Daten löschen (Art. 17 DSGVO)',
    mydata_kind_objection: 'Widerspruch: keine Direktwerbung mehr (Art. 21 Abs. 2 DSGVO)',
    mydata_kind_rectification: 'Berichtigung: meine Daten korrigieren (Art. 16 DSGVO)',
    mydata_kind_ccpa_know: 'Auskunft: was erhoben wurde, woher und wer es erhielt (§1798.110, §1798.115)',
    mydata_kind_ccpa_delete: 'Löschung meiner personenbezogenen Informationen (§1798.105)',
    mydata_kind_ccpa_opt_out: 'Widerspruch gegen Verkauf und Weitergabe (§1798.120)',
    mydata_kind_ccpa_correct: 'Berichtigung unrichtiger Informationen (§1798.106)',
    mydata_short_access: 'Auskunft',
    mydata_short_erasure: 'Löschung',
    mydata_short_objection: 'Widerspruch',
    mydata_short_rectification: 'Berichtigung',
    mydata_short_ccpa_know: 'Auskunft',
    mydata_short_ccpa_delete: 'Löschung',
    mydata_short_ccpa_opt_out: 'Opt-out',
    mydata_short_ccpa_correct: 'Berichtigung',
    mydata_rule_gdpr: 'Art. 12 Abs. 3 DSGVO: ein Monat ab Eingang',
    mydata_rule_ccpa_opt_out: '11 CCR §7026(f): 15 Werktage ab Eingang',
    mydata_rule_ccpa: '§1798.130(a)(2)(A): 45 Tage ab Eingang',

    mydata_kinds_gdpr: 'Art. $1',
    mydata_kinds_ccpa: 'CCPA $1',
    mydata_overdue_item: '$1 ($2, gesendet $3, fällig $4)',
    mydata_overdue_line__one: '$1 Antrag ist überfällig: $2',
    mydata_overdue_line__other: '$1 Anträge sind überfällig: $2',
    mydata_because_uk: 'UK GDPR',
    mydata_because_ccpa: 'CCPA',
    mydata_because_company: 'Land des Unternehmens',
    mydata_because_user: 'Ihr Wohnsitzland (Art. 77 Abs. 1 DSGVO)',
    mydata_because_none: 'kein Land erfasst',

    mydata_status_answered: 'Beantwortet am $1',
    mydata_status_overdue__one: 'Seit $1 Tag überfällig',
    mydata_status_overdue__other: 'Seit $1 Tagen überfällig',
    mydata_status_due_today: 'Heute fällig',
    mydata_status_left__one: 'Noch $1 Tag',
    mydata_status_left__other: 'Noch $1 Tage',
    mydata_marked_answered: 'Antrag an $1 als beantwortet markiert.',
    mydata_deleted_request: 'Antrag an $1 aus dem Protokoll gelöscht.',
    mydata_log_title: 'Gesendete Anträge',
    mydata_overdue_banner__one:
      'Eine Antwort ist überfällig. Schreiben Sie dem Unternehmen erneut und nennen Sie das Datum Ihres Antrags; bleibt die Antwort weiter aus, können Sie sich bei der Datenschutzaufsichtsbehörde beschweren (beim CCPA bei der California Privacy Protection Agency).',
    mydata_overdue_banner__other:
      '$1 Antworten sind überfällig. Schreiben Sie dem Unternehmen erneut und nennen Sie das Datum Ihres Antrags; bleibt die Antwort weiter aus, können Sie sich bei der Datenschutzaufsichtsbehörde beschweren (beim CCPA bei der California Privacy Protection Agency).',
    mydata_log_empty:
      'Noch keine Anträge erfasst. Wählen Sie nach dem Senden „Ich habe es gesendet“: Heed merkt sich die Frist und erinnert Sie über sein Symbol in der Symbolleiste, wenn eine Antwort ausbleibt.',
    mydata_log_caption: 'Gesendete Anträge, überfällige zuerst',
    mydata_col_request: 'Antrag',
    mydata_col_sent: 'Gesendet',
    mydata_col_due: 'Antwort fällig',
    mydata_col_status: 'Status',
    mydata_col_actions: 'Aktionen',
    mydata_answered: 'Beantwortet',
    mydata_answered_label: 'Antrag an $1 als beantwortet markieren',
    mydata_delete: 'Löschen',
    mydata_delete_label: 'Antrag an $1 aus dem Protokoll löschen',

    mydata_word_email: 'E-Mail',
    mydata_word_phone: 'Telefon',
    mydata_word_profile: 'LinkedIn-Profil',
    mydata_exposure_lead:
      'Wenn Sie eine Seite mit Heed scannen (Schaltfläche in der Symbolleiste, dann „Diese Seite scannen“; LinkedIn und GitHub werden automatisch geprüft), hebt Heed Ihre eigenen Kennungen hervor und zählt die anderen E-Mail-Adressen und Telefonnummern darauf. Es betrachtet nur, was die Seite Ihnen zeigt, und sendet nichts.',
    mydata_exposure_add_first:
      'Fügen Sie zuerst Ihre Kennungen hinzu ($1): Heed erkennt nur, was Sie ihm mitgeteilt haben.',
    mydata_linkedin_title: 'Ihre LinkedIn-Kontaktinfos',
    mydata_linkedin_intro:
      'Öffnen Sie in Ihrem eigenen Profil „Kontaktinfo“: Was Sie dort sehen, sehen meist auch Ihre Kontakte 1. Grades. Zwei LinkedIn-Einstellungen entscheiden, wer Ihre E-Mail-Adresse erhält:',
    mydata_linkedin_visibility: 'Wer kann Ihre E-Mail-Adresse sehen',
    mydata_linkedin_visibility_text:
      '$1 – wählen Sie „Nur für mich sichtbar“, um sie vor Ihren Kontakten zu verbergen.',
    mydata_linkedin_download: 'Kontakten erlauben, Ihre E-Mail-Adresse herunterzuladen',
    mydata_linkedin_download_text:
      '$1 – standardmäßig aus; ist es an, nehmen Kontakte Ihre Adresse mit ihrem Datenexport mit.',
    mydata_linkedin_hint:
      'Diese Links öffnen die Einstellungsseiten von LinkedIn in einem neuen Tab; Heed öffnet oder liest sie nie selbst. Telefonnummer und Geburtstag ändern Sie im Kontaktinfo-Editor Ihres Profils.',
    mydata_check_title: 'Einen Text prüfen',
    mydata_check_label:
      'Fügen Sie den Text einer Seite, die Antwort eines Unternehmens oder einen Datenexport ein',
    mydata_check_hint:
      'Geprüft hier auf der Seite; nichts wird gespeichert. Telefonnummern ohne +Vorwahl gelten als Nummern Ihres Landes.',
    mydata_check: 'Prüfen',
    mydata_none_found: 'Keine Ihrer Kennungen kommt in diesem Text vor.',
    mydata_found__one: '$1 Ihrer Kennungen kommt in diesem Text vor:',
    mydata_found__other: '$1 Ihrer Kennungen kommen in diesem Text vor:',
    mydata_found_item: '$1: $2',
    mydata_found_item_variant:
      '$1: $2 (eine andere Schreibweise Ihrer Adresse, die dasselbe Postfach erreicht)',
    mydata_others: 'Weitere Daten darin: $1, $2.',
    mydata_n_emails__one: '$1 E-Mail-Adresse',
    mydata_n_emails__other: '$1 E-Mail-Adressen',
    mydata_n_phones__one: '$1 Telefonnummer',
    mydata_n_phones__other: '$1 Telefonnummern',
    mydata_truncated: 'Der Text war sehr lang: Nur die ersten 2 Millionen Zeichen wurden geprüft.',

    mydata_restore_identities_keep: 'Kennungen: jetzt $1 → danach $2 ($3 neu, 0 entfallen).',
    mydata_restore_identities_lose__one:
      'Kennungen: jetzt $2 → danach $3 ($4 neu, $1 entfällt): $1 Kennung, die Sie jetzt haben, ist dann weg.',
    mydata_restore_identities_lose__other:
      'Kennungen: jetzt $2 → danach $3 ($4 neu, $1 entfallen): $1 Kennungen, die Sie jetzt haben, sind dann weg.',
    mydata_restore_requests_keep: 'Anträge im Protokoll: jetzt $1 → danach $2 ($3 neu, 0 entfallen).',
    mydata_restore_requests_lose__one:
      'Anträge im Protokoll: jetzt $2 → danach $3 ($4 neu, $1 entfällt): $1 Antrag, den Sie jetzt haben, ist dann weg.',
    mydata_restore_requests_lose__other:
      'Anträge im Protokoll: jetzt $2 → danach $3 ($4 neu, $1 entfallen): $1 Anträge, die Sie jetzt haben, sind dann weg.',
    mydata_restore_settings: 'Ändert: $1.',
    mydata_setting_name: 'Ihren Namen',
    mydata_setting_country: 'Ihr Land',
    mydata_restore_settings_same: 'Ihr Name und Ihr Land bleiben gleich.',
    mydata_saved_file:
      'Meine Daten in einer Datei gespeichert. Bewahren Sie sie sicher auf: Sie enthält Ihre Kennungen.',
    mydata_export_failed: 'Export nicht möglich: $1',
    mydata_replaced: 'Meine Daten aus $1 ersetzt.',
    mydata_nothing_changed: 'Nichts wurde geändert: $1',
    mydata_backup_title: 'Meine Daten sichern',
    mydata_backup_hint:
      'Ihre Kennungen und Ihr Antragsprotokoll liegen nur in diesem Browser und werden mit Heed gelöscht. Speichern Sie sie in einer Datei (Ihre Listen haben eine eigene Sicherung in den Einstellungen).',
    mydata_export: 'Meine Daten exportieren',
    mydata_restore_label: 'Meine Daten aus einer Datei wiederherstellen',
    mydata_restore_summary_label: 'Was die Wiederherstellung ändert',
    mydata_restore_intro: 'Die Wiederherstellung von $1 ersetzt alles in Meine Daten:',
    mydata_replace: 'Meine Daten ersetzen',
    mydata_cancel: 'Abbrechen',

    mydata_reminder_title__one:
      'Heed: Eine Antwort ist überfällig ($2). Öffnen Sie „Meine Daten“, um nachzuhaken.',
    mydata_reminder_title__other:
      'Heed: $1 Antworten sind überfällig ($2). Öffnen Sie „Meine Daten“, um nachzuhaken.',
    mydata_reminder_note__one: '1 Antwort überfällig: $2 (im Pop-up nachhaken)',
    mydata_reminder_note__other: '$1 Antworten überfällig: $2 (im Pop-up nachhaken)',
    mydata_names_more: '$1 und $2 weitere',

    mydata_backup_too_large:
      'Die Datei ist zu groß für eine Sicherung von Meine Daten. Nichts wurde geändert.',
    mydata_backup_not_json: 'Die Datei ist kein gültiges JSON. Nichts wurde geändert.',
    mydata_backup_not_mine:
      'Dies ist keine Sicherung von Heed „Meine Daten“ (eine Listensicherung wird in den Einstellungen wiederhergestellt). Nichts wurde geändert.',
    mydata_backup_damaged: 'Die Datei ist beschädigt: $1.',
    mydata_backup_newer:
      'Die Datei stammt von einem neueren Heed (Version $1, dieses Heed liest bis Version $2). Aktualisieren Sie zuerst Heed. Nichts wurde geändert.',
    mydata_backup_checksum:
      'Die Prüfsumme stimmt nicht: Die Datei wurde verändert oder beschädigt. Nichts wurde geändert.',
    mydata_backup_invalid: 'Die Datei enthält ungültige Einträge: $1. Nichts wurde geändert.',
    mydata_backup_identity_twice: 'Eine Kennung kommt doppelt vor ($1). Nichts wurde geändert.',
    mydata_backup_identity_not_stored:
      'Die Kennung „$1“ ist in der gespeicherten Form keine gültige $2. Nichts wurde geändert.',
    mydata_backup_identity_invalid: 'Die Kennung „$1“ ist keine gültige $2: $3. Nichts wurde geändert.',
    mydata_backup_kind_email: 'E-Mail-Adresse',
    mydata_backup_kind_phone: 'Telefonnummer',
    mydata_backup_kind_profile: 'Profil-URL',
    mydata_backup_hash_mismatch: 'Die Kennung „$1“ passt nicht zu ihrem Hash. Nichts wurde geändert.',
    mydata_backup_request_twice: 'Ein Antrag kommt doppelt vor ($1). Nichts wurde geändert.',
    mydata_backup_setting_twice: 'Eine Einstellung kommt doppelt vor. Nichts wurde geändert.',

    mydata_advice_email:
      'Ihre Kontaktinfo zeigt Ihre E-Mail-Adresse ($1) den Personen, die Ihre Einstellung „Wer kann Ihre E-Mail-Adresse sehen“ zulässt; standardmäßig gehören Ihre Kontakte 1. Grades dazu.',
    mydata_advice_download:
      'Ist „Kontakten erlauben, Ihre E-Mail-Adresse herunterzuladen“ aktiviert, können sie sie auch mit ihrem Datenexport mitnehmen. Standardmäßig ist das aus: Prüfen Sie, ob es noch so ist.',
    mydata_advice_link_visibility: 'LinkedIn-Einstellung: Wer kann Ihre E-Mail-Adresse sehen',
    mydata_advice_link_download:
      'LinkedIn-Einstellung: Kontakten erlauben, Ihre E-Mail-Adresse herunterzuladen',
    mydata_advice_no_email: 'In Ihrer Kontaktinfo auf dieser Seite ist keine E-Mail-Adresse sichtbar.',
    mydata_advice_phone:
      'Ihre Telefonnummer ($1) ist in Ihrer Kontaktinfo sichtbar. Um sie zu verbergen, bearbeiten Sie die Kontaktinfo in Ihrem Profil und entfernen Sie die Nummer.',
    mydata_advice_birthday:
      'Ihr Geburtstag ($1) ist in Ihrer Kontaktinfo sichtbar. Sie können ihn im Kontaktinfo-Editor Ihres Profils einschränken oder entfernen.',
  },
  fr: {
    mydata_undo_request_gone: 'La demande à $1 a été supprimée entre-temps : il n’y a rien à annuler.',
    mydata_title: 'Heed · Mes données',
    mydata_promise:
      'Vos propres données, séparées de toute liste d’opposition. Rien ne quitte ce navigateur, sauf si vous envoyez vous-même un courrier ou enregistrez un fichier.',
    mydata_nav_label: 'Sections',
    mydata_nav_identities: 'Mes identifiants',
    mydata_nav_requests: 'Demandes',
    mydata_nav_exposure: 'Quelle est mon exposition ?',
    mydata_storage_error:
      'Heed n’a pas pu ouvrir son stockage : $1. Rechargez la page ; si le problème persiste, vérifiez que le navigateur autorise l’extension à stocker des données.',
    mydata_loading: 'Chargement…',
    mydata_country_not_set: 'Non défini',

    mydata_identity_email: 'Adresse e-mail',
    mydata_identity_phone: 'Numéro de téléphone',
    mydata_identity_profile: 'URL du profil LinkedIn',
    mydata_hashed_email: 'une adresse e-mail hachée',
    mydata_hashed_phone: 'un numéro de téléphone haché',
    mydata_hashed_profile: 'un profil haché',
    mydata_remove_hashed_email: 'Supprimer l’adresse e-mail hachée',
    mydata_remove_hashed_phone: 'Supprimer le numéro de téléphone haché',
    mydata_remove_hashed_profile: 'Supprimer l’URL de profil hachée',
    mydata_ph_email: 'vous@exemple.fr',
    mydata_ph_profile: 'linkedin.com/in/votre-nom',
    mydata_identity_not_added: 'Ajout impossible ($1) : $2.',
    mydata_added: 'Ajouté : $1.',
    mydata_removed: 'Supprimé : $1.',
    mydata_identities_lead:
      'Vos propres adresses e-mail, numéros de téléphone et profil LinkedIn. Heed les conserve uniquement dans ce navigateur, à l’écart de toute liste d’opposition, et s’en sert pour repérer vos données sur les pages que vous analysez et pour remplir vos demandes.',
    mydata_kind: 'Type',
    mydata_phone_country: 'Pays, pour les numéros sans indicatif +',
    mydata_label_optional: 'Libellé (facultatif)',
    mydata_label_ph: 'travail, ancien, …',
    mydata_hash_only: 'Ne conserver qu’une empreinte (hachage)',
    mydata_hash_hint:
      'Heed ne garde alors qu’une empreinte SHA-256 : il reconnaît toujours la valeur sur les pages, mais ne peut pas l’écrire dans un courrier, et vous ne la verrez plus ici.',
    mydata_add: 'Ajouter',
    mydata_identities_empty:
      'Aucun identifiant pour l’instant. Ajoutez d’abord l’adresse e-mail à laquelle on vous contacte le plus souvent ; c’est aussi celle qui permet aux entreprises de retrouver vos données.',
    mydata_identities_list: 'Vos identifiants',
    mydata_hashed_value: 'empreinte seulement ($1…) – reconnue sur les pages, pas dans les courriers',
    mydata_remove: 'Supprimer',
    mydata_remove_label: 'Supprimer $1',
    mydata_already_yours: 'déjà dans vos identifiants',
    mydata_too_many: '$1 identifiants au maximum',

    mydata_requests_title: 'Demandes aux entreprises',
    mydata_requests_lead:
      'Demandez à une entreprise ce qu’elle détient sur vous et d’où elle le tient, d’effacer vos données, de cesser sa prospection ou de les rectifier. Heed rédige le courrier avec vos identifiants, la date du jour et le délai légal ; vous l’envoyez depuis votre propre messagerie, et Heed vous prévient quand la réponse tarde.',
    mydata_your_name: 'Votre nom, pour signer les courriers',
    mydata_where_you_live: 'Pays de résidence',
    mydata_letters_note:
      'Les courriers reprennent, dans les mots de Heed, les droits prévus par le RGPD, le UK GDPR et le CCPA. Ils ne constituent pas un conseil juridique.',

    mydata_write_request: 'Rédiger une demande',
    mydata_company: 'Entreprise',
    mydata_company_hint:
      'Suggéré d’après la page ouverte ($1). Indiquez la raison sociale de l’entreprise si vous la connaissez.',
    mydata_company_email: 'Son adresse e-mail dédiée aux données personnelles',
    mydata_company_email_ph: 'dpo@…',
    mydata_company_email_hint:
      'La politique de confidentialité de l’entreprise l’indique (souvent « dpo@ » ou « privacy@ »). Heed ne la recherche pas.',
    mydata_company_country: 'Pays de l’entreprise',
    mydata_law: 'Loi',
    mydata_law_hint_suggested: 'Suggérée d’après votre pays de résidence.',
    mydata_law_hint_suggested_ccpa:
      'Suggérée d’après votre pays de résidence. Le CCPA protège les résidents de Californie ; les autres États américains ont leurs propres lois.',
    mydata_law_hint_none:
      'Indiquez votre pays ci-dessus pour obtenir une suggestion. Le RGPD s’applique aussi aux entreprises hors de l’UE qui ciblent des personnes qui s’y trouvent.',
    mydata_letter_language: 'Langue du courrier',
    mydata_letter_language_hint:
      'Choisie d’après le pays de l’entreprise (allemand pour l’Allemagne et l’Autriche, français pour la France, la Belgique, le Luxembourg et Monaco) ; changez-la si l’entreprise en préfère une autre.',
    mydata_letter_language_english: 'Les courriers UK GDPR et CCPA sont rédigés en anglais.',
    mydata_sent_on: 'Envoyée le',
    mydata_sent_hint: 'Aujourd’hui, ou le jour où vous avez envoyé une demande antérieure à consigner.',
    mydata_california: 'Je réside en Californie',
    mydata_california_hint:
      'Les droits du CCPA appartiennent aux résidents de Californie ; le courrier ne l’indique que si cette case est cochée.',
    mydata_what_ask: 'Que demandez-vous ?',
    mydata_correction: 'Qu’est-ce qui est inexact, et quelle est la donnée exacte ?',
    mydata_identifiers_legend: 'Identifiants à indiquer dans le courrier',
    mydata_identifiers_none:
      'Aucun pour l’instant : ajoutez votre adresse e-mail dans $1, sinon l’entreprise ne pourra pas retrouver vos données.',
    mydata_hashed_left_out__one:
      '$1 identifiant conservé sous forme d’empreinte est omis : Heed ne peut pas écrire une valeur dont il ne garde que l’empreinte.',
    mydata_hashed_left_out__other:
      '$1 identifiants conservés sous forme d’empreinte sont omis : Heed ne peut pas écrire une valeur dont il ne garde que l’empreinte.',
    mydata_details: 'Autres informations pour vous retrouver (facultatif)',
    mydata_details_ph: 'Numéro client, ancienne adresse…',
    mydata_before_send: 'Avant d’envoyer',
    mydata_the_letter: 'Le courrier',
    mydata_reply_due: 'Réponse attendue au plus tard le $1 ($2).',
    mydata_rule_due: '$1 : $2',
    mydata_copy_letter: 'Copier le courrier',
    mydata_open_mail: 'Ouvrir dans la messagerie',
    mydata_copy_open_mail: 'Copier et ouvrir dans la messagerie',
    mydata_sent_it: 'Je l’ai envoyée',
    mydata_too_long:
      'Le courrier est trop long pour un lien e-mail sur tous les systèmes : ce bouton le copie et ouvre un brouillon avec l’adresse et l’objet ; collez-y le courrier.',
    mydata_no_mail:
      'Indiquez l’adresse e-mail de l’entreprise pour ouvrir un brouillon, ou copiez le courrier dans son formulaire en ligne.',
    mydata_copied_letter: 'Courrier copié, avec sa ligne d’objet.',
    mydata_copied_body: 'Courrier copié : collez-le dans le brouillon.',
    mydata_copy_failed: 'Copie impossible ($1) : sélectionnez le texte ci-dessous et copiez-le.',
    mydata_logged: 'Votre demande à $1 est consignée : réponse attendue au plus tard le $2.',
    mydata_not_logged: 'Non consignée : $1',

    mydata_warn_left_out: 'Ne relève pas de $1, omis : $2.',
    mydata_warn_no_kind: 'Choisissez au moins une demande.',
    mydata_warn_no_company: 'Indiquez l’entreprise.',
    mydata_warn_no_identifier:
      'Ajoutez au moins un de vos identifiants, sinon l’entreprise ne pourra pas retrouver vos données.',
    mydata_warn_no_correction:
      'Indiquez ce qui est inexact et ce qui est exact (le courrier contient un texte à compléter).',
    mydata_warn_california:
      'Les droits du CCPA appartiennent aux résidents de Californie : cochez « Je réside en Californie » si c’est votre cas. Le courrier ne le dit pas tant que vous ne l’avez pas fait.',
    mydata_warn_no_email:
      'Indiquez l’adresse e-mail de l’entreprise dédiée aux données personnelles (sa politique de confidentialité la mentionne) pour ouvrir un brouillon.',
    mydata_warn_bad_email: 'L’adresse e-mail de l’entreprise n’est pas valide : $1.',
    mydata_law_gdpr: 'RGPD (UE et EEE)',
    mydata_law_uk_gdpr: 'UK GDPR (Royaume-Uni)',
    mydata_law_ccpa: 'CCPA/CPRA (résidents de Californie)',
    mydata_kind_access: 'Accès : une copie de mes données et leur source (article 15 du RGPD)',
    mydata_kind_erasure: 'Effacement : supprimer mes données (article 17 du RGPD)',
    mydata_kind_objection:
      'Opposition : cesser la prospection commerciale (article 21, paragraphe 2, du RGPD)',
    mydata_kind_rectification: 'Rectification : corriger mes données (article 16 du RGPD)',
    mydata_kind_ccpa_know:
      'Savoir : ce qui a été collecté, d’où, et à qui cela a été transmis (§1798.110, §1798.115)',
    mydata_kind_ccpa_delete: 'Supprimer mes informations personnelles (§1798.105)',
    mydata_kind_ccpa_opt_out: 'M’opposer à la vente et au partage (§1798.120)',
    mydata_kind_ccpa_correct: 'Corriger des informations inexactes (§1798.106)',
    mydata_short_access: 'accès',
    mydata_short_erasure: 'effacement',
    mydata_short_objection: 'opposition',
    mydata_short_rectification: 'rectification',
    mydata_short_ccpa_know: 'savoir',
    mydata_short_ccpa_delete: 'suppression',
    mydata_short_ccpa_opt_out: 'opposition',
    mydata_short_ccpa_correct: 'correction',
    mydata_rule_gdpr: 'article 12, paragraphe 3, du RGPD : un mois à compter de la réception',
    mydata_rule_ccpa_opt_out: '11 CCR §7026(f) : 15 jours ouvrés à compter de la réception',
    mydata_rule_ccpa: '§1798.130(a)(2)(A) : 45 jours à compter de la réception',

    mydata_kinds_gdpr: 'art. $1',
    mydata_kinds_ccpa: 'CCPA $1',
    mydata_overdue_item: '$1 ($2, envoyée le $3, attendue le $4)',
    mydata_overdue_line__one: '$1 demande en retard : $2',
    mydata_overdue_line__other: '$1 demandes en retard : $2',
    mydata_because_uk: 'le UK GDPR',
    mydata_because_ccpa: 'le CCPA',
    mydata_because_company: 'le pays de l’entreprise',
    mydata_because_user: 'votre pays de résidence (article 77, paragraphe 1, du RGPD)',
    mydata_because_none: 'aucun pays indiqué',

    mydata_status_answered: 'Répondue le $1',
    mydata_status_overdue__one: 'En retard de $1 jour',
    mydata_status_overdue__other: 'En retard de $1 jours',
    mydata_status_due_today: 'Échéance aujourd’hui',
    mydata_status_left__one: 'Encore $1 jour',
    mydata_status_left__other: 'Encore $1 jours',
    mydata_marked_answered: 'Demande à $1 marquée comme répondue.',
    mydata_deleted_request: 'Demande à $1 supprimée du journal.',
    mydata_log_title: 'Demandes envoyées',
    mydata_overdue_banner__one:
      'Une réponse est en retard. Écrivez de nouveau à l’entreprise en rappelant la date de votre demande ; sans réponse, vous pouvez saisir l’autorité de protection des données (ou, au titre du CCPA, la California Privacy Protection Agency).',
    mydata_overdue_banner__other:
      '$1 réponses sont en retard. Écrivez de nouveau à l’entreprise en rappelant la date de votre demande ; sans réponse, vous pouvez saisir l’autorité de protection des données (ou, au titre du CCPA, la California Privacy Protection Agency).',
    mydata_log_empty:
      'Aucune demande consignée. Après l’envoi d’un courrier, choisissez « Je l’ai envoyée » : Heed retient l’échéance et vous prévient par son icône dans la barre d’outils quand une réponse tarde.',
    mydata_log_caption: 'Demandes envoyées, les retards d’abord',
    mydata_col_request: 'Demande',
    mydata_col_sent: 'Envoyée',
    mydata_col_due: 'Réponse attendue',
    mydata_col_status: 'État',
    mydata_col_actions: 'Actions',
    mydata_answered: 'Répondue',
    mydata_answered_label: 'Marquer la demande à $1 comme répondue',
    mydata_delete: 'Supprimer',
    mydata_delete_label: 'Supprimer du journal la demande à $1',

    mydata_word_email: 'E-mail',
    mydata_word_phone: 'Téléphone',
    mydata_word_profile: 'Profil LinkedIn',
    mydata_exposure_lead:
      'Quand vous analysez une page avec Heed (bouton de la barre d’outils, puis « Analyser cette page » ; LinkedIn et GitHub sont vérifiés automatiquement), Heed y surligne vos propres identifiants et compte les autres adresses e-mail et numéros de téléphone affichés. Il ne regarde que ce que la page vous montre et n’envoie rien.',
    mydata_exposure_add_first:
      'Ajoutez d’abord vos identifiants ($1) : Heed ne reconnaît que ce que vous lui avez indiqué.',
    mydata_linkedin_title: 'Vos coordonnées LinkedIn',
    mydata_linkedin_intro:
      'Sur votre propre profil, ouvrez « Coordonnées » : ce que vous y voyez, vos relations de 1er niveau le voient généralement aussi. Deux paramètres LinkedIn décident qui obtient votre adresse e-mail :',
    mydata_linkedin_visibility: 'Qui peut voir votre adresse e-mail',
    mydata_linkedin_visibility_text:
      '$1 – choisissez « Visible uniquement par moi » pour la masquer à vos relations.',
    mydata_linkedin_download: 'Autoriser vos relations à télécharger votre adresse e-mail',
    mydata_linkedin_download_text:
      '$1 – désactivé par défaut ; s’il est activé, vos relations emportent votre adresse avec leur export de données.',
    mydata_linkedin_hint:
      'Ces liens ouvrent les pages de paramètres de LinkedIn dans un nouvel onglet ; Heed ne les ouvre ni ne les lit jamais lui-même. Votre numéro de téléphone et votre date de naissance se modifient dans l’éditeur de coordonnées de votre profil.',
    mydata_check_title: 'Vérifier un texte',
    mydata_check_label: 'Collez le texte d’une page, la réponse d’une entreprise ou un export de données',
    mydata_check_hint:
      'Vérifié ici, dans la page ; rien n’est enregistré. Les numéros sans indicatif + sont lus comme des numéros de votre pays.',
    mydata_check: 'Vérifier',
    mydata_none_found: 'Aucun de vos identifiants ne figure dans ce texte.',
    mydata_found__one: '$1 de vos identifiants figure dans ce texte :',
    mydata_found__other: '$1 de vos identifiants figurent dans ce texte :',
    mydata_found_item: '$1 : $2',
    mydata_found_item_variant: '$1 : $2 (une autre graphie de votre adresse, qui arrive dans la même boîte)',
    mydata_others: 'Autres données : $1, $2.',
    mydata_n_emails__one: '$1 adresse e-mail',
    mydata_n_emails__other: '$1 adresses e-mail',
    mydata_n_phones__one: '$1 numéro de téléphone',
    mydata_n_phones__other: '$1 numéros de téléphone',
    mydata_truncated:
      'Le texte était très long : seuls les 2 premiers millions de caractères ont été vérifiés.',

    mydata_restore_identities_keep: 'Identifiants : $1 maintenant → $2 après ($3 nouveaux, 0 retiré).',
    mydata_restore_identities_lose__one:
      'Identifiants : $2 maintenant → $3 après ($4 nouveaux, $1 retiré) : $1 identifiant que vous avez maintenant disparaîtra.',
    mydata_restore_identities_lose__other:
      'Identifiants : $2 maintenant → $3 après ($4 nouveaux, $1 retirés) : $1 identifiants que vous avez maintenant disparaîtront.',
    mydata_restore_requests_keep: 'Demandes du journal : $1 maintenant → $2 après ($3 nouvelles, 0 retirée).',
    mydata_restore_requests_lose__one:
      'Demandes du journal : $2 maintenant → $3 après ($4 nouvelles, $1 retirée) : $1 demande que vous avez maintenant disparaîtra.',
    mydata_restore_requests_lose__other:
      'Demandes du journal : $2 maintenant → $3 après ($4 nouvelles, $1 retirées) : $1 demandes que vous avez maintenant disparaîtront.',
    mydata_restore_settings: 'Modifie : $1.',
    mydata_setting_name: 'votre nom',
    mydata_setting_country: 'votre pays',
    mydata_restore_settings_same: 'Votre nom et votre pays restent inchangés.',
    mydata_saved_file:
      'Mes données enregistrées dans un fichier. Conservez-le en lieu sûr : il contient vos identifiants.',
    mydata_export_failed: 'Export impossible : $1',
    mydata_replaced: 'Mes données remplacées à partir de $1.',
    mydata_nothing_changed: 'Rien n’a été modifié : $1',
    mydata_backup_title: 'Sauvegarder Mes données',
    mydata_backup_hint:
      'Vos identifiants et votre journal de demandes ne sont que dans ce navigateur et sont supprimés avec Heed. Enregistrez-les dans un fichier (vos listes ont leur propre sauvegarde dans les Paramètres).',
    mydata_export: 'Exporter Mes données',
    mydata_restore_label: 'Restaurer Mes données depuis un fichier',
    mydata_restore_summary_label: 'Ce que change la restauration',
    mydata_restore_intro: 'Restaurer $1 remplace tout le contenu de Mes données :',
    mydata_replace: 'Remplacer Mes données',
    mydata_cancel: 'Annuler',

    mydata_reminder_title__one:
      'Heed : une réponse est en retard ($2). Ouvrez « Mes données » pour relancer.',
    mydata_reminder_title__other:
      'Heed : $1 réponses sont en retard ($2). Ouvrez « Mes données » pour relancer.',
    mydata_reminder_note__one: '1 réponse en retard : $2 (relancez depuis la fenêtre de Heed)',
    mydata_reminder_note__other: '$1 réponses en retard : $2 (relancez depuis la fenêtre de Heed)',
    mydata_names_more: '$1 et $2 autres',

    mydata_backup_too_large:
      'Le fichier est trop volumineux pour être une sauvegarde de Mes données. Rien n’a été modifié.',
    mydata_backup_not_json: 'Le fichier n’est pas un JSON valide. Rien n’a été modifié.',
    mydata_backup_not_mine:
      'Ce n’est pas une sauvegarde « Mes données » de Heed (une sauvegarde des listes se restaure dans les Paramètres). Rien n’a été modifié.',
    mydata_backup_damaged: 'Le fichier est endommagé : $1.',
    mydata_backup_newer:
      'Le fichier a été créé par une version plus récente de Heed (version $1 ; ce Heed lit jusqu’à la version $2). Mettez d’abord Heed à jour. Rien n’a été modifié.',
    mydata_backup_checksum:
      'La somme de contrôle ne correspond pas : le fichier a été modifié ou endommagé. Rien n’a été modifié.',
    mydata_backup_invalid: 'Le fichier contient des entrées non valides : $1. Rien n’a été modifié.',
    mydata_backup_identity_twice: 'Un identifiant apparaît deux fois ($1). Rien n’a été modifié.',
    mydata_backup_identity_not_stored:
      'L’identifiant « $1 » n’est pas $2 valide sous sa forme enregistrée. Rien n’a été modifié.',
    mydata_backup_identity_invalid: 'L’identifiant « $1 » n’est pas $2 valide : $3. Rien n’a été modifié.',
    mydata_backup_kind_email: 'une adresse e-mail',
    mydata_backup_kind_phone: 'un numéro de téléphone',
    mydata_backup_kind_profile: 'une URL de profil',
    mydata_backup_hash_mismatch:
      'L’identifiant « $1 » ne correspond pas à son empreinte. Rien n’a été modifié.',
    mydata_backup_request_twice: 'Une demande apparaît deux fois ($1). Rien n’a été modifié.',
    mydata_backup_setting_twice: 'Un paramètre apparaît deux fois. Rien n’a été modifié.',

    mydata_advice_email:
      'Vos coordonnées montrent votre adresse e-mail ($1) aux personnes que votre paramètre « Qui peut voir votre adresse e-mail » autorise ; par défaut, vos relations de 1er niveau en font partie.',
    mydata_advice_download:
      'Si « Autoriser vos relations à télécharger votre adresse e-mail » est activé, elles peuvent aussi l’emporter avec leur export de données. C’est désactivé par défaut : vérifiez que c’est toujours le cas.',
    mydata_advice_link_visibility: 'Paramètre LinkedIn : Qui peut voir votre adresse e-mail',
    mydata_advice_link_download:
      'Paramètre LinkedIn : Autoriser vos relations à télécharger votre adresse e-mail',
    mydata_advice_no_email: 'Aucune adresse e-mail n’est visible dans vos coordonnées sur cette page.',
    mydata_advice_phone:
      'Votre numéro de téléphone ($1) est visible dans vos coordonnées. Pour le masquer, modifiez les coordonnées de votre profil et supprimez le numéro.',
    mydata_advice_birthday:
      'Votre date de naissance ($1) est visible dans vos coordonnées. Vous pouvez la restreindre ou la supprimer dans l’éditeur de coordonnées de votre profil.',
  },
});
