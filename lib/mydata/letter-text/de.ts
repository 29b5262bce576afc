import { longDate } from '../dates';
import type { GdprLetterText } from './types';

// Die deutschen DSGVO-Schreiben. Zitiert wird wie im amtlichen Text: "Art. 15 Abs. 1 lit. g DSGVO".

/** ['15', '21(2)'] → 'Art. 15, 21 Abs. 2 DSGVO'. */
function art(articles: readonly string[]): string {
  return `Art. ${articles.map((a) => a.replace(/\((\d+)\)/, ' Abs. $1')).join(', ')} DSGVO`;
}

const days = (n: number) => (n === 1 ? 'einem Tag' : `${n} Tagen`);

export const de: GdprLetterText = {
  lang: 'de',
  date: (iso) => longDate(iso, 'de'),
  subject: (articles, who) => `Antrag der betroffenen Person nach ${art(articles)}${who ? ` – ${who}` : ''}`,
  subjectLine: (subject) => `Betreff: ${subject}`,
  to: (company) => `An: ${company}, Datenschutzbeauftragte(r) bzw. Datenschutzteam`,
  dateLine: (date) => `Datum: ${date}`,
  salutation: 'Sehr geehrte Damen und Herren,',
  intro:
    'hiermit mache ich die folgenden Rechte nach der Datenschutz-Grundverordnung (EU) 2016/679 („DSGVO“) geltend.',
  identifiersHead: 'Möglicherweise verarbeiten Sie Daten über mich unter diesen Angaben:',
  identityWord: {
    name: 'Name',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer',
    profile: 'LinkedIn-Profil',
  },
  field: (label, value) => `${label}: ${value}`,
  noIdentifier: '[Ihre E-Mail-Adresse oder eine andere Kennung]',
  detailsHead: 'Weitere Angaben, die Ihnen helfen können, die Daten zu finden:',
  companyPlaceholder: '[Unternehmen]',
  namePlaceholder: '[Ihr Name]',
  correctionPlaceholder: '[Beschreiben Sie, was falsch ist und wie die richtigen Daten lauten.]',
  access: {
    title: 'Auskunftsrecht der betroffenen Person (Art. 15 DSGVO)',
    lines: [
      'Bitte bestätigen Sie mir, ob Sie mich betreffende personenbezogene Daten verarbeiten. Falls ja, bitte ich um:',
      'a) eine Kopie dieser personenbezogenen Daten (Art. 15 Abs. 3 DSGVO) in einem gängigen elektronischen Format;',
      'b) die Verarbeitungszwecke, die Kategorien der verarbeiteten personenbezogenen Daten sowie die Empfänger oder Kategorien von Empfängern, gegenüber denen die Daten offengelegt worden sind oder noch offengelegt werden, insbesondere Empfänger außerhalb des EWR oder des Vereinigten Königreichs, und die geeigneten Garantien für diese Übermittlungen (Art. 15 Abs. 1 lit. a bis c, Art. 15 Abs. 2 DSGVO);',
      'c) die geplante Speicherdauer oder, falls das nicht möglich ist, die Kriterien für ihre Festlegung (Art. 15 Abs. 1 lit. d DSGVO);',
      'd) wenn die Daten nicht bei mir erhoben wurden, alle verfügbaren Informationen über ihre Herkunft (Art. 15 Abs. 1 lit. g DSGVO): von welchem Unternehmen, aus welcher Liste, von welcher Website oder aus welchem Dienst sie stammen, und seit wann. Haben Sie die Daten von Dritten erhalten, bitte ich außerdem um die Informationen, die Sie mir nach Art. 14 DSGVO hätten geben müssen, einschließlich der Quelle (Art. 14 Abs. 2 lit. f DSGVO);',
      'e) ob eine automatisierte Entscheidungsfindung einschließlich Profiling stattfindet und, falls ja, aussagekräftige Informationen über die involvierte Logik sowie die Tragweite und die angestrebten Auswirkungen einer solchen Verarbeitung für mich (Art. 15 Abs. 1 lit. h DSGVO).',
    ],
  },
  erasure: (withObjection) => ({
    title: 'Recht auf Löschung (Art. 17 DSGVO)',
    lines: [
      `Bitte löschen Sie alle mich betreffenden personenbezogenen Daten unverzüglich (Art. 17 Abs. 1 DSGVO). Eine etwa erteilte Einwilligung widerrufe ich (Art. 17 Abs. 1 lit. b DSGVO); die Daten sind für keinen Zweck notwendig, dem ich zugestimmt habe (Art. 17 Abs. 1 lit. a DSGVO)${withObjection ? '; ihrer Verarbeitung zum Zwecke der Direktwerbung widerspreche ich unten (Art. 17 Abs. 1 lit. c DSGVO)' : ''}; und soweit sie unrechtmäßig verarbeitet wurden, sind sie ohnehin zu löschen (Art. 17 Abs. 1 lit. d DSGVO).`,
      'Bitte teilen Sie die Löschung allen Empfängern mit, denen Sie die Daten offengelegt haben (Art. 19 DSGVO), und nennen Sie mir diese Empfänger. Haben Sie die Daten öffentlich gemacht, treffen Sie bitte angemessene Maßnahmen, um die anderen Verantwortlichen, die sie verarbeiten, zu informieren (Art. 17 Abs. 2 DSGVO). Behalten Sie Daten aufgrund einer Ausnahme nach Art. 17 Abs. 3 DSGVO, teilen Sie mir bitte mit, welche Daten und welche Ausnahme. Sie dürfen das Mindestmaß behalten, das nötig ist, damit ich nicht erneut kontaktiert werde (etwa meine E-Mail-Adresse auf einer Sperrliste); teilen Sie mir bitte mit, wenn Sie das tun.',
    ],
  }),
  objection: {
    title: 'Widerspruch gegen Direktwerbung (Art. 21 Abs. 2 DSGVO)',
    lines: [
      'Ich widerspreche der Verarbeitung meiner personenbezogenen Daten zum Zwecke der Direktwerbung, einschließlich des Profilings, soweit es mit solcher Direktwerbung in Verbindung steht. Nach Art. 21 Abs. 3 DSGVO dürfen Sie meine Daten dann nicht mehr für diese Zwecke verarbeiten; dieses Widerspruchsrecht gilt uneingeschränkt, ich muss den Widerspruch nicht begründen. Das schließt die Weitergabe meiner Daten an Dritte für deren Werbung ein.',
    ],
  },
  rectification: (correction) => ({
    title: 'Recht auf Berichtigung (Art. 16 DSGVO)',
    lines: [
      'Die folgenden personenbezogenen Daten über mich sind unrichtig oder unvollständig. Bitte berichtigen oder vervollständigen Sie sie unverzüglich:',
      correction,
      'Bitte teilen Sie die Berichtigung allen Empfängern mit, denen Sie die Daten offengelegt haben (Art. 19 DSGVO).',
    ],
  }),
  deadlineHead: 'Frist',
  deadline: (due) => [
    `Nach Art. 12 Abs. 3 DSGVO müssen Sie diesen Antrag unverzüglich, spätestens aber innerhalb eines Monats nach Eingang bearbeiten, also bis zum ${due}. Diese Frist kann nur um weitere zwei Monate verlängert werden, wenn dies unter Berücksichtigung der Komplexität und der Anzahl von Anträgen erforderlich ist; eine Verlängerung müssen Sie mir innerhalb des ersten Monats mitteilen, zusammen mit den Gründen. Die Bearbeitung ist unentgeltlich (Art. 12 Abs. 5 DSGVO). Haben Sie begründete Zweifel an meiner Identität, fordern Sie bitte sofort die Informationen an, die zu ihrer Bestätigung nötig sind, und nicht mehr (Art. 12 Abs. 6 DSGVO).`,
    'Werden Sie nicht tätig, teilen Sie mir bitte innerhalb derselben Frist die Gründe dafür mit und weisen Sie mich auf die Möglichkeit hin, bei einer Aufsichtsbehörde Beschwerde einzulegen und einen gerichtlichen Rechtsbehelf einzulegen (Art. 12 Abs. 4, Art. 77, Art. 79 DSGVO).',
  ],
  reply: 'Bitte antworten Sie schriftlich an die Adresse, von der dieser Antrag kommt.',
  closing: 'Mit freundlichen Grüßen',
  followUpSubject: (f) => `Erinnerung: Mein Antrag nach ${art(f.articles)} vom ${f.sent} ist unbeantwortet`,
  followUpBody: (f) => [
    `An: ${f.company}, Datenschutzbeauftragte(r) bzw. Datenschutzteam`,
    `Datum: ${f.today}`,
    '',
    'Sehr geehrte Damen und Herren,',
    '',
    `am ${f.sent} habe ich Ihnen einen Antrag nach der DSGVO gestellt (${art(f.articles)}). Die Antwort war bis zum ${f.due} fällig, also vor ${days(f.daysLate)}, und ich habe sie nicht erhalten.`,
    'Nach Art. 12 Abs. 3 DSGVO mussten Sie innerhalb eines Monats nach Eingang tätig werden oder mir innerhalb dieses Monats mitteilen, warum Sie länger brauchen (Art. 12 Abs. 3 DSGVO) oder warum Sie nicht tätig werden (Art. 12 Abs. 4 DSGVO).',
    'Bitte beantworten Sie den Antrag jetzt vollständig. Sollte er Sie nicht erreicht haben, behandeln Sie bitte dieses Schreiben als den Antrag und teilen Sie mir das mit.',
    'Erhalte ich keine Antwort, werde ich mich über die ausbleibende Antwort beschweren.',
  ],
  complaintSubject: (f) =>
    `Beschwerde: ${f.company} hat meinen Antrag nach ${art(f.articles)} vom ${f.sent} nicht beantwortet`,
  complaintBody: (f) => [
    `An: ${f.regulator}`,
    `Datum: ${f.today}`,
    '',
    'Sehr geehrte Damen und Herren,',
    '',
    `hiermit beschwere ich mich über ${f.company}${f.companyEmail ? ` (${f.companyEmail})` : ''}.`,
    `Am ${f.sent} habe ich dem Unternehmen einen Antrag nach der DSGVO gestellt (${art(f.articles)}). Die Antwort war bis zum ${f.due} fällig; bis heute, ${f.daysLate === 1 ? 'einen Tag' : `${f.daysLate} Tage`} später, habe ich keine erhalten.`,
    'Ich lege diese Beschwerde nach Art. 77 DSGVO ein. Der Verantwortliche ist auf meinen Antrag nicht innerhalb eines Monats nach Eingang tätig geworden und hat mir weder eine Fristverlängerung noch die Gründe für sein Nichttätigwerden mitgeteilt (Art. 12 Abs. 3 und 4 DSGVO).',
    'Ich habe mich erneut an das Unternehmen gewandt und keine Antwort erhalten.',
    'Meinen Antrag, den Nachweis des Versands und mein Erinnerungsschreiben füge ich bei. Bitte teilen Sie mir mit, wie Sie mit dieser Beschwerde verfahren.',
  ],
  anyRegulator: 'Zuständige Datenschutzaufsichtsbehörde',
};
