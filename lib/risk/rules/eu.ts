import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding, whicheverHolds } from '../findings';
import { legitimateInterestChecks, postUnderLegitimateInterest } from './common';
import { recordWhat, subscriberFor } from './subscriber';

// The other EU/EEA states under the ePrivacy Directive: rows 8, 11, 12 and 18.

function naturalPerson(f: Facts): Finding[] {
  if (f.softOptIn === 'met') {
    return [
      finding(
        'allowed',
        'eprivacy-soft-opt-in',
        'Existing-customer exception: details obtained in a sale, your own similar products, and an opt-out offered at collection and in every message.',
        'ePrivacy Directive 2002/58/EC Art. 13(2)',
      ),
    ];
  }
  if (f.softOptIn === 'unrecorded') {
    return [
      finding(
        'check',
        'soft-opt-in-unrecorded',
        'They are an existing customer, so the existing-customer exception may apply: only for your own similar products, and only if they were offered an opt-out when you collected their details. Record both.',
        'ePrivacy Directive 2002/58/EC Art. 13(2)',
      ),
    ];
  }
  return [
    finding(
      'blocked',
      'eprivacy-individual-no-consent',
      'No recorded consent from a private person (or a sole trader, or anyone on a personal address): marketing by email, SMS or message needs prior consent in the EU, existing customers aside.',
      'ePrivacy Directive 2002/58/EC Art. 13(1)–(2)',
    ),
  ];
}

function legalPerson(f: Facts): Finding[] {
  const france =
    f.input.country === 'FR'
      ? ' France allows business email without consent when it concerns the person’s job and offers an opt-out.'
      : '';
  return [
    finding(
      'check',
      'eprivacy-legal-person',
      `Marketing to a legal person (a company on a work address): each member state sets its own rule.${france} Check this country’s rule before sending.`,
      'ePrivacy Directive 2002/58/EC Art. 13(5)',
    ),
    ...legitimateInterestChecks(f),
  ];
}

function electronic(f: Facts, channel: Channel): Finding[] {
  const view = subscriberFor(f, channel, 'unknown');
  if (view.who === 'individual') return naturalPerson(f);
  if (view.who === 'corporate') return legalPerson(f);
  const partnership =
    f.input.subscriber === 'partnership'
      ? 'Whether a partnership counts as a legal person depends on the member state.'
      : 'It is not recorded whether this is a private person or a legal person.';
  const unknown = finding(
    'check',
    view.missing.length === 1 && view.missing[0] === 'emailKind'
      ? 'email-kind-unknown'
      : 'subscriber-unknown',
    `${partnership} A private person (or anyone on a personal address) needs prior consent; for a company on a work address the member state decides. ${recordWhat(view.missing)}`.trim(),
    'ePrivacy Directive 2002/58/EC Art. 13(1), 13(5)',
  );
  return whicheverHolds([naturalPerson(f), legalPerson(f)], unknown);
}

export function euFindings(f: Facts, channel: Channel): Finding[] {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'inmail':
      return electronic(f, channel);
    case 'phone':
      return [
        finding(
          'check',
          'eprivacy-calls-national',
          'Each member state sets its own rule for marketing calls (prior consent or a do-not-call register). Get consent to calls or check this country’s rule and register.',
          'ePrivacy Directive 2002/58/EC Art. 13(3)',
        ),
      ];
    case 'post':
      return postUnderLegitimateInterest(f);
  }
}
