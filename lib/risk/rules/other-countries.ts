import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import type { Deadline } from '../schema';
import { allowedWithWarning } from './common';
import { type Register, registerCall, registerDeadline } from './registers';

// Australia (Spam Act 2003, Do Not Call Register Act 2006), New Zealand (Unsolicited Electronic Messages Act
// 2007) and Switzerland (UWG/LCD Art. 3(1)(o) and (u)): rows 36–38.

function soleChannelNote(channel: Channel): string {
  return channel === 'inmail' ? ' (LinkedIn messages count as electronic messages here.)' : '';
}

// --- Australia ---

const AU_DNC: Register = {
  name: 'Do Not Call Register',
  freshDays: 30,
  citation: 'Do Not Call Register Act 2006 (Cth) s. 11; Do Not Call Register (Access Fees) Determination',
  legitimateInterest: false,
};

function auElectronic(f: Facts, channel: Channel): Finding[] {
  if (channel === 'email' && f.input.conspicuouslyPublished === true) {
    return [
      finding(
        'allowed',
        'au-conspicuous-publication',
        'They published this address conspicuously without saying they do not want commercial messages: consent is inferred, for messages about their role only. Identify yourself and include a working unsubscribe.',
        'Spam Act 2003 (Cth) Sch. 2 cl. 4; s. 17, s. 18',
      ),
    ];
  }
  if (f.customer) {
    return allowedWithWarning(
      'au-inferred-consent',
      'Consent can be inferred from your existing business relationship, for messages related to it. Identify yourself and include a working unsubscribe; honour it within 5 business days.',
      'Spam Act 2003 (Cth) s. 16(2), Sch. 2 cl. 2(b); s. 18',
    );
  }
  return [
    finding(
      'blocked',
      'au-spam-no-consent',
      `Commercial emails, texts and messages to an Australian address need consent, express or inferred from an existing relationship or a conspicuously published address.${soleChannelNote(channel)} None is recorded.`,
      'Spam Act 2003 (Cth) s. 16(1)–(2)',
    ),
  ];
}

function auCall(f: Facts): Finding[] {
  if (f.customer) {
    return allowedWithWarning(
      'au-inferred-consent',
      'Consent to calls can be inferred from your existing business relationship, for calls related to it. Stop if they ask.',
      'Do Not Call Register Act 2006 (Cth) s. 11, Sch. 2 cl. 2',
    );
  }
  return registerCall(f, AU_DNC);
}

export function auFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return auElectronic(f, channel);
    case 'phone':
      return auCall(f);
    case 'post':
      return [
        finding(
          'allowed',
          'post-not-regulated',
          'The Spam Act covers electronic messages only; post needs no consent. Give a simple way to opt out and honour it.',
          'Privacy Act 1988 (Cth) APP 7.3, 7.6',
        ),
      ];
  }
}

export function auDeadlines(f: Facts): Deadline[] {
  if (f.customer || f.consent.phone.kind === 'given') return [];
  return registerDeadline(f, AU_DNC);
}

// --- New Zealand ---

function nzElectronic(f: Facts, channel: Channel): Finding[] {
  if (channel === 'email' && f.input.conspicuouslyPublished === true) {
    return [
      finding(
        'allowed',
        'nz-deemed-consent',
        'They published this address conspicuously in a business capacity without saying they do not want messages: consent is deemed, for messages about their role only. Identify yourself and include a working unsubscribe.',
        'Unsolicited Electronic Messages Act 2007 s. 4(1)(a)(iii), s. 10, s. 11',
      ),
    ];
  }
  if (f.customer) {
    return allowedWithWarning(
      'nz-inferred-consent',
      'Consent can be inferred from your business relationship, for messages related to it. Identify yourself and include a working unsubscribe; honour it within 5 working days.',
      'Unsolicited Electronic Messages Act 2007 s. 4(1)(a)(ii), s. 11',
    );
  }
  return [
    finding(
      'blocked',
      'nz-uema-no-consent',
      `Commercial electronic messages with a New Zealand link need consent: express, inferred from a business relationship, or deemed from a conspicuously published work address.${soleChannelNote(channel)} None is recorded.`,
      'Unsolicited Electronic Messages Act 2007 s. 9(1)',
    ),
  ];
}

export function nzFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return nzElectronic(f, channel);
    case 'phone':
      if (f.input.dnc === true) {
        return [
          finding(
            'blocked',
            'dnc-listed',
            'The number is on the Marketing Association’s Do Not Call list: do not call it for marketing.',
            'Privacy Act 2020 IPP 4; Marketing Association Do Not Call list',
          ),
        ];
      }
      return [
        finding(
          'allowed',
          'nz-calls',
          'New Zealand has no statutory do-not-call register: marketing calls are allowed. Be fair and stop if they ask.',
          'Unsolicited Electronic Messages Act 2007 s. 5 (voice calls excluded); Privacy Act 2020 IPP 4',
        ),
      ];
    case 'post':
      return [
        finding(
          'allowed',
          'post-not-regulated',
          'The Unsolicited Electronic Messages Act covers electronic messages only; post needs no consent.',
          'Unsolicited Electronic Messages Act 2007 s. 5',
        ),
      ];
  }
}

// --- Switzerland ---

const CH_DIRECTORY: Register = {
  name: 'directory’s asterisk (*) "no advertising calls" note',
  freshDays: 30,
  citation: 'UWG/LCD Art. 3(1)(u)',
  legitimateInterest: false,
};

function chElectronic(f: Facts): Finding[] {
  const soft = f.input.softOptIn;
  if (
    f.customer &&
    soft?.similarProducts === true &&
    soft.optOutOffered &&
    f.input.source !== 'third-party'
  ) {
    return [
      finding(
        'allowed',
        'ch-customer-exception',
        'Existing-customer exception: their details came from a sale, you advertise your own similar products, and they were offered an opt-out then and in every message.',
        'UWG/LCD Art. 3(1)(o)',
      ),
    ];
  }
  if (f.customer && soft === undefined) {
    return [
      finding(
        'check',
        'soft-opt-in-unrecorded',
        'They are an existing customer, so the Swiss existing-customer exception may apply: only for your own similar products, and only if they were offered an opt-out when you collected their details. Record both.',
        'UWG/LCD Art. 3(1)(o)',
      ),
    ];
  }
  return [
    finding(
      'blocked',
      'ch-uwg-no-consent',
      'Switzerland treats advertising by email, SMS or message sent without prior consent as unfair, to businesses and consumers alike, existing customers aside. Every message must name you and offer a free opt-out.',
      'UWG/LCD Art. 3(1)(o)',
    ),
  ];
}

export function chFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return chElectronic(f);
    case 'phone':
      return registerCall(f, CH_DIRECTORY);
    case 'post':
      return [
        finding(
          'allowed',
          'post-not-regulated',
          'Swiss law does not require consent for advertising by post; honour a "no advertising" sticker or an objection.',
          'FADP Art. 30(2)(b)',
        ),
      ];
  }
}

export function chDeadlines(f: Facts): Deadline[] {
  if (f.consent.phone.kind === 'given') return [];
  return registerDeadline(f, CH_DIRECTORY);
}
