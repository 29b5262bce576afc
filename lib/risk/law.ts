import type { Channel } from '../vocab';
import type { Jurisdiction } from './jurisdiction';

// Which law a shared rule cites, per jurisdiction. A UK reason cites the UK GDPR, a US or Canadian reason
// never cites the GDPR, and a country's deadlines only cite that country's law.

interface SharedLaw {
  /** Recorded consent on a channel. */
  readonly consent: string;
  /** Consent withdrawn. */
  readonly withdrawal: string;
  /** Who must prove consent (a claim without a record is no consent). */
  readonly proof: string;
  /** Storage limitation. */
  readonly retention: string;
}

const EU_LAW: SharedLaw = {
  consent: 'GDPR Art. 7(1); ePrivacy Directive 2002/58/EC Art. 13(1)',
  withdrawal: 'GDPR Art. 7(3)',
  proof: 'GDPR Art. 7(1)',
  retention: 'GDPR Art. 5(1)(c), 5(1)(e)',
};

const LAW: Readonly<Record<Jurisdiction, SharedLaw>> = {
  GB: {
    consent: 'UK GDPR Art. 7(1); PECR reg. 21(4), 22(2)',
    withdrawal: 'UK GDPR Art. 7(3)',
    proof: 'UK GDPR Art. 7(1); ICO direct marketing guidance',
    retention: 'UK GDPR Art. 5(1)(c), 5(1)(e)',
  },
  DE: { ...EU_LAW, consent: 'GDPR Art. 7(1); UWG §7(2) Nr. 1–2' },
  EU: EU_LAW,
  unknown: EU_LAW,
  US: {
    consent: 'CAN-SPAM 15 U.S.C. §7702(1); 47 C.F.R. §64.1200(f)(9)',
    withdrawal: 'CAN-SPAM 15 U.S.C. §7704(a)(4); 47 C.F.R. §64.1200(a)(10)',
    proof: '47 C.F.R. §64.1200(f)(9) (the seller must prove consent)',
    retention: 'Cal. Civ. Code §1798.100(a)(3); FTC Act 15 U.S.C. §45',
  },
  CA: {
    consent: 'CASL s. 6(1)(a), s. 10(1)',
    withdrawal: 'CASL s. 11(3)',
    proof: 'CASL s. 13 (the sender must prove consent)',
    retention: 'PIPEDA Sch. 1, Principle 4.5.3',
  },
  AU: {
    consent: 'Spam Act 2003 (Cth) s. 16(2), Sch. 2',
    withdrawal: 'Spam Act 2003 (Cth) s. 18; Privacy Act 1988 (Cth) APP 7.6–7.7',
    proof: 'Spam Act 2003 (Cth) s. 16(5) (the sender must prove consent)',
    retention: 'Privacy Act 1988 (Cth) APP 11.2',
  },
  NZ: {
    consent: 'Unsolicited Electronic Messages Act 2007 s. 4, s. 9(1)',
    withdrawal: 'Unsolicited Electronic Messages Act 2007 s. 11',
    proof: 'Unsolicited Electronic Messages Act 2007 s. 9(2) (the sender must prove consent)',
    retention: 'Privacy Act 2020 IPP 9',
  },
  CH: {
    consent: 'UWG/LCD Art. 3(1)(o)',
    withdrawal: 'UWG/LCD Art. 3(1)(o); FADP Art. 30(2)(b)',
    proof: 'UWG/LCD Art. 3(1)(o)',
    retention: 'FADP Art. 6(4)',
  },
  other: {
    consent: 'Recorded consent (local law not encoded)',
    withdrawal: 'Withdrawn consent (local law not encoded)',
    proof: 'Consent must be provable (local law not encoded)',
    retention: 'Storage limitation (your retention policy; local law not encoded)',
  },
};

export function sharedLaw(j: Jurisdiction): SharedLaw {
  return LAW[j];
}

/** The US consent citation depends on the channel: CAN-SPAM for email, the TCPA for texts and calls. */
export function consentCitation(j: Jurisdiction, channel: Channel): string {
  if (j === 'US') {
    return channel === 'sms' || channel === 'phone'
      ? '47 C.F.R. §64.1200(a)(2), (f)(9)'
      : 'CAN-SPAM 15 U.S.C. §7702(1)';
  }
  if (j === 'CA' && channel === 'phone') return 'CRTC Unsolicited Telecommunications Rules (express consent)';
  return LAW[j].consent;
}

export function withdrawalCitation(j: Jurisdiction, channel: Channel): string {
  if (j === 'US') {
    return channel === 'sms' || channel === 'phone'
      ? '47 C.F.R. §64.1200(a)(10)'
      : 'CAN-SPAM 15 U.S.C. §7704(a)(4)';
  }
  return LAW[j].withdrawal;
}
