import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import { postUnderLegitimateInterest } from './common';
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
          'Existing-customer exception: the address came from a sale to them (a negotiation is not enough in Germany), you market your own similar goods or services, they have not objected, and they were told at collection and in every message that they can object at any time.',
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

function businessCall(): Finding[] {
  return [
    finding(
      'check',
      'uwg-phone-business',
      'A marketing call to a business in Germany needs at least presumed consent: a concrete reason to believe they want the call. Record it, or get their consent.',
      'UWG §7(2) Nr. 1',
    ),
  ];
}

function phone(f: Facts): Finding[] {
  // UWG splits consumers from every other market participant: a sole trader is a business here.
  const s = f.input.subscriber;
  if (s === 'individual') return consumerCall();
  if (s !== undefined && s !== 'unknown') return businessCall();
  const unknown = finding(
    'check',
    'subscriber-unknown',
    `Whether they are a consumer or a business is not recorded: a consumer needs prior express consent to calls, a business at least presumed consent. ${recordWhat(['subscriber'])}`,
    'UWG §7(2) Nr. 1',
  );
  return whicheverHolds([consumerCall(), businessCall()], unknown);
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
