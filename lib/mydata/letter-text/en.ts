import { longDate } from '../dates';
import type { GdprLetterText } from './types';

// The English GDPR letters: the EU GDPR (Regulation (EU) 2016/679) and the UK GDPR (same article numbers, the
// Information Commissioner's Office, the Data Protection Act 2018).

function english(uk: boolean): GdprLetterText {
  const law = uk ? 'the UK GDPR' : 'the GDPR';
  const art = (articles: readonly string[]) => `Art. ${articles.join(', ')}`;
  return {
    lang: 'en',
    date: longDate,
    subject: (articles, who) =>
      `Data subject request under ${law}, ${art(articles)}${who ? ` – ${who}` : ''}`,
    subjectLine: (subject) => `Subject: ${subject}`,
    to: (company) => `To: ${company}, data protection officer or privacy team`,
    dateLine: (date) => `Date: ${date}`,
    salutation: 'Dear Data Protection Officer,',
    intro: uk
      ? 'I make the requests below under the UK General Data Protection Regulation ("UK GDPR") and the Data Protection Act 2018.'
      : 'I make the requests below under the General Data Protection Regulation (EU) 2016/679 ("GDPR").',
    identifiersHead: 'You may hold data about me under these identifiers:',
    identityWord: {
      name: 'Name',
      email: 'Email address',
      phone: 'Phone number',
      profile: 'LinkedIn profile',
    },
    field: (label, value) => `${label}: ${value}`,
    noIdentifier: '[your email address or other identifier]',
    detailsHead: 'Other details that may help you find it:',
    companyPlaceholder: '[company]',
    namePlaceholder: '[your name]',
    correctionPlaceholder: '[Describe what is wrong and what the correct data is.]',
    access: {
      title: 'Access (Article 15)',
      lines: [
        'Please confirm whether you process personal data concerning me. If you do, please give me:',
        'a) a copy of that personal data (Art. 15(3)), in a commonly used electronic form;',
        'b) the purposes of the processing, the categories of personal data concerned, and the recipients or categories of recipients it has been or will be disclosed to, including any outside the EEA/UK and the safeguards for those transfers (Art. 15(1)(a)–(c), Art. 15(2));',
        'c) how long it will be stored, or the criteria used to decide that (Art. 15(1)(d));',
        'd) where the data was not collected from me, all available information as to its source (Art. 15(1)(g)): which company, list, website or service it came from, and when. If you obtained it from someone else, I also ask for the information you owed me under Article 14, including the source (Art. 14(2)(f));',
        'e) whether you make automated decisions about me, including profiling, and if so meaningful information about the logic involved and its significance and envisaged consequences for me (Art. 15(1)(h)).',
      ],
    },
    erasure: (withObjection) => ({
      title: 'Erasure (Article 17)',
      lines: [
        `Please erase all personal data concerning me without undue delay (Art. 17(1)). I withdraw any consent I may have given (Art. 17(1)(b)); the data is not necessary for any purpose I have agreed to (Art. 17(1)(a))${withObjection ? '; I object to its processing for direct marketing below (Art. 17(1)(c))' : ''}; and it must be erased in any case where it was processed unlawfully (Art. 17(1)(d)).`,
        'Please tell every recipient you disclosed it to (Art. 19) and tell me who they are. If you made it public, take reasonable steps to inform others who process it (Art. 17(2)). If you keep any of it under an exception in Art. 17(3), tell me which data and which exception. You may keep the minimum needed to make sure I am not contacted again (for example my email address on a suppression list); please tell me if so.',
      ],
    }),
    objection: {
      title: 'Objection to direct marketing (Article 21(2))',
      lines: [
        'I object to the processing of my personal data for direct marketing, including profiling to the extent it is related to direct marketing. Under Article 21(3) you must then no longer process it for those purposes; this right is unconditional and I need not give reasons. This includes passing my data to others for their marketing.',
      ],
    },
    rectification: (correction) => ({
      title: 'Rectification (Article 16)',
      lines: [
        'The following personal data about me is inaccurate or incomplete. Please rectify or complete it without undue delay:',
        correction,
        'Please tell every recipient you disclosed it to (Art. 19).',
      ],
    }),
    deadlineHead: 'Deadline',
    deadline: (due) => [
      `Under Article 12(3) you must act on this request without undue delay and at the latest within one month of receiving it, that is by ${due}. That period may be extended by two further months only where necessary because of the complexity and number of requests, and you must tell me of any extension, with the reasons, within the first month. This is free of charge (Art. 12(5)). If you have reasonable doubts about my identity, ask at once for the information you need to confirm it, and no more (Art. 12(6)).`,
      `If you do not act on it, tell me why within the same month, and of my right to lodge a complaint with ${uk ? "the Information Commissioner's Office" : 'a supervisory authority'} and to seek a judicial remedy (Art. 12(4), Art. 77, Art. 79).`,
    ],
    reply: 'Please reply in writing to the address this request comes from.',
    closing: 'Yours faithfully,',
    followUpSubject: (f) => `Follow-up: my ${art(f.articles)} request of ${f.sent} is overdue`,
    followUpBody: (f) => [
      `To: ${f.company}, data protection officer or privacy team`,
      `Date: ${f.today}`,
      '',
      'Dear Data Protection Officer,',
      '',
      `On ${f.sent} I sent you a request under ${law} (${art(f.articles)}). The reply was due by ${f.due}, ${f.daysLate} days ago, and I have not received it.`,
      'Under Article 12(3) you had to act on it within one month of receiving it, or tell me within that month why you need longer (Art. 12(3)) or why you will not act (Art. 12(4)).',
      'Please reply to that request now, in full. If you did not receive it, please treat this letter as the request and tell me so.',
      'If I do not hear from you, I will complain about the failure to answer.',
    ],
    complaintSubject: (f) =>
      `Complaint: ${f.company} did not answer my ${art(f.articles)} request of ${f.sent}`,
    complaintBody: (f) => [
      `To: ${f.regulator}`,
      `Date: ${f.today}`,
      '',
      'Dear Sir or Madam,',
      '',
      `I complain about ${f.company}${f.companyEmail ? ` (${f.companyEmail})` : ''}.`,
      `On ${f.sent} I sent it a request under ${law} (${art(f.articles)}). The reply was due by ${f.due}; by today, ${f.daysLate} days later, I have received none.`,
      `I lodge this complaint under Article 77 of ${law}. The controller did not act on my request within one month of receiving it and did not tell me of any extension or of its reasons for not acting (Art. 12(3) and 12(4)).`,
      uk && f.controllerFirst
        ? 'I first complained to the company under section 164A of the Data Protection Act 2018 and it has not resolved my complaint.'
        : 'I wrote to the company again and did not receive an answer.',
      'I attach my request, the proof of sending and my follow-up. Please tell me how you will deal with this complaint.',
    ],
    anyRegulator: 'the supervisory authority',
  };
}

export const en = english(false);
/** The UK GDPR letters: English only, naming the UK law and the Information Commissioner's Office. */
export const enUk = english(true);
