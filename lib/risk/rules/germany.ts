import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import { legitimateInterestChecks, postUnderLegitimateInterest } from './common';
import { recordWhat } from './subscriber';

// Germany, UWG §7: rows 9, 10 and 18. Stricter than the Directive: email needs prior express consent for
// businesses too.

function electronic(f: Facts): Finding[] {
  switch (f.softOptIn) {
    case 'met':
      return [
        finding(
          'allowed',
          'uwg-existing-customer',
          'Existing-customer exception: the address came from an actual sale to them (a negotiation or inquiry is not enough in Germany), you market your own similar goods or services, they have not objected, and they were told at collection and in every message that they can object at any time.',
          'UWG §7(3)',
        ),
      ];
    case 'unrecorded':
      return [
        finding(
          'check',
          'soft-opt-in-unrecorded',
          'They are an existing customer, so the existing-customer exception may apply: only if the address came from a sale, for your own similar goods or services, and if they were told at collection that they may object. Record these.',
          'UWG §7(3)',
        ),
      ];
    default:
      return [
        finding(
          'blocked',
          'uwg-email-no-consent',
          'Germany requires prior express consent for marketing by email, SMS or message, to businesses and consumers alike. The existing-customer exception needs all four conditions: address from a sale, own similar goods, no objection, told at collection and in each message that they may object.',
          'UWG §7(2) Nr. 2, §7(3)',
        ),
      ];
  }
}

function consumerCall(): Finding[] {
  return [
    finding(
      'blocked',
      'uwg-phone-consumer',
      'Marketing calls to a consumer in Germany need their prior express consent.',
      'UWG §7(2) Nr. 1',
    ),
  ];
}

function businessCall(f: Facts): Finding[] {
  const facts = (f.input.presumedConsent ?? '').trim();
  if (facts !== '') {
    return [
      finding(
        'allowed',
        'uwg-phone-presumed-consent',
        'Presumed consent is recorded with the concrete facts behind it: a marketing call to this business is allowed. Stop if they object, and keep the facts on file.',
        'UWG §7(2) Nr. 1',
      ),
      ...legitimateInterestChecks(f),
    ];
  }
  return [
    finding(
      'check',
      'uwg-phone-business',
      'A marketing call to a business in Germany needs at least presumed consent: concrete facts that show they want the call (not just that the offer might interest them). Record those facts, or get their consent.',
      'UWG §7(2) Nr. 1',
    ),
  ];
}

function phone(f: Facts): Finding[] {
  // UWG splits consumers from every other market participant: a sole trader is a business here.
  const s = f.input.subscriber;
  if (s === 'individual') return consumerCall();
  if (s !== undefined && s !== 'unknown') return businessCall(f);
  const unknown = finding(
    'check',
    'subscriber-unknown',
    `Whether they are a consumer or a business is not recorded: a consumer needs prior express consent to calls, a business at least presumed consent. ${recordWhat(['subscriber'])}`,
    'UWG §7(2) Nr. 1',
  );
  return whicheverHolds([consumerCall(), businessCall(f)], unknown);
}

export function germanyFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return electronic(f);
    case 'phone':
      return phone(f);
    case 'post':
      return postUnderLegitimateInterest(f);
  }
}
