import { longDate } from '../dates';
import type { GdprLetterText } from './types';

// Les courriers RGPD en français. Les références suivent le texte officiel : « article 15, paragraphe 1, point g),
// du RGPD ».

const LIST = new Intl.ListFormat('fr', { style: 'long', type: 'conjunction' });

/** ['15'] → 'de l’article 15 du RGPD'; ['15', '21(2)'] → 'des articles 15 et 21, paragraphe 2, du RGPD'. */
function ofArticles(articles: readonly string[]): string {
  const list = LIST.format(articles.map((a) => a.replace(/\((\d+)\)/, ', paragraphe $1,')));
  const tail = `${list} du RGPD`;
  return articles.length === 1 ? `de l’article ${tail}` : `des articles ${tail}`;
}

const days = (n: number) => (n <= 1 ? `${n} jour` : `${n} jours`);

export const fr: GdprLetterText = {
  lang: 'fr',
  // French writes the first of the month as an ordinal: « 1er mars 2026 ».
  date: (iso) => longDate(iso, 'fr').replace(/^1 /, '1er '),
  subject: (articles, who) =>
    `Exercice de mes droits au titre ${ofArticles(articles)}${who ? ` – ${who}` : ''}`,
  subjectLine: (subject) => `Objet : ${subject}`,
  to: (company) =>
    `À : ${company}, à l’attention du délégué à la protection des données ou du service chargé des données personnelles`,
  dateLine: (date) => `Date : ${date}`,
  salutation: 'Madame, Monsieur,',
  intro:
    'Je vous adresse les demandes ci-dessous en application du règlement général sur la protection des données (UE) 2016/679 (« RGPD »).',
  identifiersHead: 'Vous détenez peut-être des données me concernant sous les identifiants suivants :',
  identityWord: {
    name: 'Nom',
    email: 'Adresse e-mail',
    phone: 'Numéro de téléphone',
    profile: 'Profil LinkedIn',
  },
  field: (label, value) => `${label} : ${value}`,
  noIdentifier: '[votre adresse e-mail ou un autre identifiant]',
  detailsHead: 'Autres informations qui peuvent vous aider à les retrouver :',
  companyPlaceholder: '[entreprise]',
  namePlaceholder: '[votre nom]',
  correctionPlaceholder: '[Décrivez ce qui est inexact et quelles sont les données exactes.]',
  access: {
    title: 'Droit d’accès de la personne concernée (article 15 du RGPD)',
    lines: [
      'Je vous prie de me confirmer si vous traitez des données à caractère personnel me concernant. Si tel est le cas, je vous demande de me communiquer :',
      'a) une copie de ces données (article 15, paragraphe 3, du RGPD), sous une forme électronique d’usage courant ;',
      'b) les finalités du traitement, les catégories de données concernées et les destinataires ou catégories de destinataires auxquels elles ont été ou seront communiquées, notamment hors de l’EEE ou du Royaume-Uni, ainsi que les garanties appropriées encadrant ces transferts (article 15, paragraphe 1, points a) à c), et paragraphe 2, du RGPD) ;',
      'c) la durée de conservation envisagée ou, lorsque ce n’est pas possible, les critères utilisés pour la déterminer (article 15, paragraphe 1, point d), du RGPD) ;',
      'd) lorsque les données n’ont pas été collectées auprès de moi, toute information disponible sur leur source (article 15, paragraphe 1, point g), du RGPD) : de quelle entreprise, liste, site web ou service elles proviennent, et depuis quand. Si vous les avez obtenues d’un tiers, je vous demande également les informations que vous deviez me fournir en vertu de l’article 14 du RGPD, y compris leur source (article 14, paragraphe 2, point f), du RGPD) ;',
      'e) l’existence éventuelle d’une prise de décision automatisée, y compris un profilage, et, dans ce cas, des informations utiles concernant la logique sous-jacente ainsi que l’importance et les conséquences prévues de ce traitement pour moi (article 15, paragraphe 1, point h), du RGPD).',
    ],
  },
  erasure: (withObjection) => ({
    title: 'Droit à l’effacement (article 17 du RGPD)',
    lines: [
      `Je vous demande d’effacer dans les meilleurs délais toutes les données à caractère personnel me concernant (article 17, paragraphe 1, du RGPD). Je retire tout consentement que j’aurais pu donner (article 17, paragraphe 1, point b), du RGPD) ; les données ne sont nécessaires à aucune finalité que j’aurais acceptée (article 17, paragraphe 1, point a), du RGPD)${withObjection ? ' ; je m’oppose ci-dessous à leur traitement à des fins de prospection commerciale (article 17, paragraphe 1, point c), du RGPD)' : ''} ; et elles doivent en tout état de cause être effacées si elles ont fait l’objet d’un traitement illicite (article 17, paragraphe 1, point d), du RGPD).`,
      'Je vous prie d’informer de cet effacement chaque destinataire auquel vous les avez communiquées (article 19 du RGPD) et de m’indiquer qui ils sont. Si vous les avez rendues publiques, prenez des mesures raisonnables pour en informer les autres responsables du traitement qui les traitent (article 17, paragraphe 2, du RGPD). Si vous en conservez une partie au titre d’une exception prévue à l’article 17, paragraphe 3, du RGPD, indiquez-moi quelles données et quelle exception. Vous pouvez conserver le minimum nécessaire pour que je ne sois plus sollicité (par exemple mon adresse e-mail dans une liste d’opposition) ; merci de me le signaler le cas échéant.',
    ],
  }),
  objection: {
    title: 'Opposition à la prospection commerciale (article 21, paragraphe 2, du RGPD)',
    lines: [
      'Je m’oppose au traitement de mes données à caractère personnel à des fins de prospection commerciale, y compris au profilage dans la mesure où il est lié à une telle prospection. Conformément à l’article 21, paragraphe 3, du RGPD, vous ne pouvez alors plus traiter mes données à ces fins ; ce droit d’opposition est inconditionnel et je n’ai pas à motiver ma demande. Cela inclut la transmission de mes données à des tiers pour leur propre prospection.',
    ],
  },
  rectification: (correction) => ({
    title: 'Droit de rectification (article 16 du RGPD)',
    lines: [
      'Les données à caractère personnel suivantes me concernant sont inexactes ou incomplètes. Je vous prie de les rectifier ou de les compléter dans les meilleurs délais :',
      correction,
      'Je vous prie d’informer de cette rectification chaque destinataire auquel vous les avez communiquées (article 19 du RGPD).',
    ],
  }),
  deadlineHead: 'Délai',
  deadline: (due) => [
    `Conformément à l’article 12, paragraphe 3, du RGPD, vous devez donner suite à cette demande dans les meilleurs délais et au plus tard dans un délai d’un mois à compter de sa réception, soit au plus tard le ${due}. Ce délai ne peut être prolongé de deux mois que si cela est nécessaire compte tenu de la complexité et du nombre de demandes, et vous devez m’informer de cette prolongation et de ses motifs dans le mois suivant la réception. Cette demande est gratuite (article 12, paragraphe 5, du RGPD). Si vous avez des doutes raisonnables sur mon identité, demandez-moi sans attendre les seules informations nécessaires pour la confirmer (article 12, paragraphe 6, du RGPD).`,
    'Si vous ne donnez pas suite à ma demande, informez-moi dans ce même délai des motifs de votre inaction et de la possibilité d’introduire une réclamation auprès d’une autorité de contrôle et de former un recours juridictionnel (article 12, paragraphe 4, article 77 et article 79 du RGPD).',
  ],
  reply: 'Merci de me répondre par écrit à l’adresse d’où provient cette demande.',
  closing: 'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
  followUpSubject: (f) =>
    `Relance : ma demande au titre ${ofArticles(f.articles)} du ${f.sent} est restée sans réponse`,
  followUpBody: (f) => [
    `À : ${f.company}, à l’attention du délégué à la protection des données ou du service chargé des données personnelles`,
    `Date : ${f.today}`,
    '',
    'Madame, Monsieur,',
    '',
    `Le ${f.sent}, je vous ai adressé une demande au titre ${ofArticles(f.articles)}. La réponse était attendue au plus tard le ${f.due}, il y a ${days(f.daysLate)}, et je ne l’ai pas reçue.`,
    'Conformément à l’article 12, paragraphe 3, du RGPD, vous deviez y donner suite dans un délai d’un mois à compter de sa réception, ou m’informer dans ce délai des raisons pour lesquelles il vous fallait davantage de temps (article 12, paragraphe 3, du RGPD) ou pour lesquelles vous n’y donneriez pas suite (article 12, paragraphe 4, du RGPD).',
    'Je vous prie d’y répondre dès à présent, de manière complète. Si vous ne l’avez pas reçue, veuillez considérer le présent courrier comme ma demande et me le faire savoir.',
    'Sans réponse de votre part, je déposerai une réclamation pour absence de réponse.',
  ],
  complaintSubject: (f) =>
    `Réclamation : ${f.company} n’a pas répondu à ma demande au titre ${ofArticles(f.articles)} du ${f.sent}`,
  complaintBody: (f) => [
    `À : ${f.regulator}`,
    `Date : ${f.today}`,
    '',
    'Madame, Monsieur,',
    '',
    `Je souhaite déposer une réclamation à l’encontre de l’entreprise ${f.company}${f.companyEmail ? ` (${f.companyEmail})` : ''}.`,
    `Le ${f.sent}, je lui ai adressé une demande au titre ${ofArticles(f.articles)}. La réponse était attendue au plus tard le ${f.due} ; à ce jour, ${days(f.daysLate)} plus tard, je n’en ai reçu aucune.`,
    'J’introduis cette réclamation en application de l’article 77 du RGPD. Le responsable du traitement n’a pas donné suite à ma demande dans le délai d’un mois suivant sa réception et ne m’a informé ni d’une prolongation ni des motifs de son inaction (article 12, paragraphes 3 et 4, du RGPD).',
    'J’ai relancé l’entreprise et n’ai reçu aucune réponse.',
    'Vous trouverez ci-joint ma demande, la preuve de son envoi et ma relance. Je vous remercie de m’indiquer la suite que vous entendez donner à cette réclamation.',
  ],
  anyRegulator: 'Autorité de contrôle compétente',
};
