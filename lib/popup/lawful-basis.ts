import type { TabPerson } from '../messaging/types';
import { type ContactUndo, saveContactWithUndo } from '../store/commands/contact';
import { ContactError } from '../store/contacts';
import type { HeedDb } from '../store/db';
import { normaliseIds } from '../store/lookup';
import {
  type Contact,
  type ContactInput,
  ContactInputSchema,
  type ContactVisibility,
  type PhoneKind,
} from '../store/schemas';
import { CHANNELS, type Channel, type DataSource, type Stage, type Subscriber } from '../vocab';

export interface ConsentRow {
  given: boolean;
  /** YYYY-MM-DD, as an `<input type="date">` gives it; '' when empty. */
  givenAt: string;
  evidence: string;
  withdrawnAt: string;
  /** A signed written agreement that names the number (US TCPA prior express written consent). */
  written: boolean;
}

/** A yes/no fact that may also be unrecorded. */
export type TriState = '' | 'yes' | 'no';

/** The lawful-basis form as the user edits it: strings, exactly as typed, so nothing is lost on an error. */
export interface LawfulBasisForm {
  stage: Stage;
  subscriber: Subscriber;
  country: string;
  source: DataSource;
  collectedAt: string;
  informedAt: string;
  liaReference: string;
  liaDate: string;
  consents: Record<Channel, ConsentRow>;
  /** "More facts": each lifts a `check` somewhere (see lib/risk); all optional. */
  purchaseAt: string;
  inquiryAt: string;
  phoneKind: PhoneKind;
  tps: TriState;
  tpsScreenedAt: string;
  dnc: TriState;
  dncScreenedAt: string;
  contractActive: TriState;
  contractEndedAt: string;
  conspicuouslyPublished: boolean;
  businessCardAt: string;
  businessEmailSignOffAt: string;
  presumedConsent: string;
  region: string;
  timeZone: string;
  contactVisibility: ContactVisibility;
  /** Their employer: a page showing another one later warns that the relationship may have lapsed. */
  employer: string;
}

export const PHONE_KIND_LABEL: Record<PhoneKind, string> = {
  work: 'Work phone (company-issued or paid by the employer)',
  personal: "The person's own phone",
  unknown: 'Not recorded',
};

export const VISIBILITY_LABEL: Record<ContactVisibility, string> = {
  public: 'Public (anyone could see them)',
  'connections-only': 'Shown to connections only',
  'download-blocked': 'Download or export blocked by the person',
  unknown: 'Not recorded',
};

const triOf = (b: boolean | undefined): TriState => (b === undefined ? '' : b ? 'yes' : 'no');

/** Field name → message; consent fields are `consent.<channel>.<field>`. `form` is for the form as a whole. */
export type FieldErrors = Record<string, string>;

export const STAGE_LABEL: Record<Stage, string> = {
  suspect: 'Suspect (never contacted)',
  prospect: 'Prospect (in conversation)',
  client: 'Client',
  'former-client': 'Former client',
  unknown: 'Not recorded',
};

export const SUBSCRIBER_LABEL: Record<Subscriber, string> = {
  individual: 'Individual (consumer)',
  'sole-trader': 'Sole trader',
  partnership: 'Partnership',
  llp: 'LLP',
  corporate: 'Company',
  'public-body': 'Public body',
  unknown: 'Not recorded',
};

export const SOURCE_LABEL: Record<DataSource, string> = {
  subject: 'From the person',
  'third-party': 'Elsewhere (LinkedIn, a list, a website)',
  unknown: 'Not recorded',
};

const day = (iso: string | undefined): string => iso?.slice(0, 10) ?? '';

function emptyConsent(): ConsentRow {
  return { given: false, givenAt: '', evidence: '', withdrawnAt: '', written: false };
}

/**
 * The form for a person: the recorded contact's values, else what the verdict already assumes for someone found
 * on a page (a suspect, data from a third party, the page's country), so saving it unchanged changes nothing.
 */
export function formFromContact(contact: Contact | undefined, person: TabPerson): LawfulBasisForm {
  const consents = Object.fromEntries(CHANNELS.map((c) => [c, emptyConsent()])) as Record<
    Channel,
    ConsentRow
  >;
  for (const c of contact?.consents ?? []) {
    // One row per channel in the form: the latest consent for it is the one that decides.
    const row = consents[c.channel];
    if (row.given && row.givenAt >= day(c.givenAt)) continue;
    consents[c.channel] = {
      given: true,
      givenAt: day(c.givenAt),
      evidence: c.evidence ?? '',
      withdrawnAt: day(c.withdrawnAt),
      written: c.written ?? false,
    };
  }
  return {
    stage: contact?.stage ?? 'suspect',
    subscriber: contact?.subscriber ?? 'unknown',
    country: contact?.country ?? person.hints.country ?? '',
    source: contact?.source ?? 'third-party',
    collectedAt: day(contact?.collectedAt),
    informedAt: day(contact?.informedAt),
    liaReference: contact?.legitimateInterest?.reference ?? '',
    liaDate: day(contact?.legitimateInterest?.assessedAt),
    consents,
    purchaseAt: day(contact?.purchaseAt),
    inquiryAt: day(contact?.inquiryAt),
    phoneKind: contact?.phoneKind ?? 'unknown',
    tps: triOf(contact?.tps),
    tpsScreenedAt: day(contact?.tpsScreenedAt),
    dnc: triOf(contact?.dnc),
    dncScreenedAt: day(contact?.dncScreenedAt),
    contractActive: triOf(contact?.contractActive),
    contractEndedAt: day(contact?.contractEndedAt),
    conspicuouslyPublished: contact?.conspicuouslyPublished ?? false,
    businessCardAt: day(contact?.businessCardAt),
    businessEmailSignOffAt: day(contact?.businessEmailSignOffAt),
    presumedConsent: contact?.presumedConsent ?? '',
    region: contact?.region ?? '',
    timeZone: contact?.timeZone ?? '',
    // The page's reading (LinkedIn's contact-info overlay) until the rep records their own.
    contactVisibility: contact?.contactVisibility ?? person.hints.contactVisibility ?? 'unknown',
    // What the page shows until the rep records their own (issue 20, item 10).
    employer: contact?.employer ?? person.hints.employer ?? '',
  };
}

function union(a: readonly string[] | undefined, b: readonly string[]): string[] {
  return [...new Set([...(a ?? []), ...b])];
}

const FIELD_OF_PATH: Record<string, string> = {
  country: 'country',
  collectedAt: 'collectedAt',
  informedAt: 'informedAt',
  'legitimateInterest.assessedAt': 'liaDate',
  'legitimateInterest.reference': 'liaReference',
  region: 'region',
  timeZone: 'timeZone',
  presumedConsent: 'presumedConsent',
  employer: 'employer',
};

const FACT_DATES = [
  ['purchaseAt', 'The purchase date'],
  ['inquiryAt', 'The inquiry date'],
  ['tpsScreenedAt', 'The TPS screening date'],
  ['dncScreenedAt', 'The do-not-call screening date'],
  ['contractEndedAt', 'The contract end date'],
  ['businessCardAt', 'The business-card date'],
  ['businessEmailSignOffAt', 'The sign-off date'],
] as const;

// Every optional field the form controls: an emptied field removes the old value.
const FORM_FIELDS = [
  'country',
  'collectedAt',
  'informedAt',
  'legitimateInterest',
  ...FACT_DATES.map(([k]) => k),
  'phoneKind',
  'tps',
  'dnc',
  'contractActive',
  'conspicuouslyPublished',
  'presumedConsent',
  'region',
  'timeZone',
  'contactVisibility',
  'employer',
] as const;

/**
 * Checks the form and builds what `saveContact` stores: the existing record with the form's fields over it
 * (fields the form does not show, like notes or the TPS listing date, are kept), and the page's identifiers added.
 */
export function contactInputFrom(
  form: LawfulBasisForm,
  person: TabPerson,
  existing: Contact | undefined,
  today: string,
): { ok: true; input: ContactInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const future = (field: string, value: string, what: string) => {
    if (value !== '' && value > today) errors[field] = `${what} cannot be in the future.`;
  };
  const consents: NonNullable<ContactInput['consents']> = [];
  for (const channel of CHANNELS) {
    const row = form.consents[channel];
    if (!row.given) continue;
    const key = `consent.${channel}`;
    if (row.givenAt === '') errors[`${key}.givenAt`] = 'Say when consent was given.';
    else future(`${key}.givenAt`, row.givenAt, 'The consent date');
    if (row.withdrawnAt !== '' && row.givenAt !== '' && row.withdrawnAt < row.givenAt)
      errors[`${key}.withdrawnAt`] = 'Withdrawal cannot come before consent.';
    else future(`${key}.withdrawnAt`, row.withdrawnAt, 'The withdrawal date');
    consents.push({
      channel,
      givenAt: row.givenAt,
      ...(row.evidence.trim() ? { evidence: row.evidence.trim() } : {}),
      ...(row.withdrawnAt ? { withdrawnAt: row.withdrawnAt } : {}),
      ...(row.written ? { written: true } : {}),
    });
  }
  const country = form.country.trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country))
    errors.country = 'Use the two-letter country code, like GB, DE or CA.';
  future('collectedAt', form.collectedAt, 'The collection date');
  future('informedAt', form.informedAt, 'The notice date');
  future('liaDate', form.liaDate, 'The assessment date');
  if (form.liaReference.trim() !== '' && form.liaDate === '')
    errors.liaDate = 'Give the date of the assessment, or clear its reference.';
  if (form.informedAt !== '' && form.collectedAt !== '' && form.informedAt < form.collectedAt)
    errors.informedAt = 'The notice cannot come before the data was collected.';
  for (const [k, what] of FACT_DATES) future(k, form[k], what);
  if (form.contractActive === 'yes' && form.contractEndedAt !== '')
    errors.contractEndedAt = 'A contract that is still active has no end date: clear one of them.';
  const region = form.region.trim().toUpperCase();
  const timeZone = form.timeZone.trim();

  // Consents for channels the form does not list stay as they were (none today: the form shows all five).
  const kept = (existing?.consents ?? []).filter((c) => !CHANNELS.includes(c.channel));
  const {
    id: _id,
    keys: _keys,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = existing ?? ({} as Partial<Contact>);
  const name = existing?.name ?? person.hints.name;
  const input: ContactInput = {
    ...rest,
    ...(existing ? { id: existing.id } : {}),
    ...(name ? { name } : {}),
    emails: union(existing?.emails, person.identifiers.emails),
    profileUrls: union(existing?.profileUrls, person.identifiers.profileUrls),
    salesNavUrls: union(existing?.salesNavUrls, person.identifiers.salesNavUrls),
    phones: union(existing?.phones, person.identifiers.phones),
    stage: form.stage,
    subscriber: form.subscriber,
    source: form.source,
    consents: [...kept, ...consents],
  };
  for (const k of FORM_FIELDS) delete input[k];
  // TPS listing date belongs to a number on TPS; it goes when the number is recorded as not on it.
  if (form.tps !== 'yes') delete input.tpsListedAt;
  if (country) input.country = country;
  for (const [k] of FACT_DATES) if (form[k]) input[k] = form[k];
  if (form.phoneKind !== 'unknown') input.phoneKind = form.phoneKind;
  if (form.tps) input.tps = form.tps === 'yes';
  if (form.dnc) input.dnc = form.dnc === 'yes';
  if (form.contractActive) input.contractActive = form.contractActive === 'yes';
  if (form.conspicuouslyPublished) input.conspicuouslyPublished = true;
  if (form.presumedConsent.trim()) input.presumedConsent = form.presumedConsent.trim();
  if (region) input.region = region;
  if (timeZone) input.timeZone = timeZone;
  if (form.contactVisibility !== 'unknown') input.contactVisibility = form.contactVisibility;
  if (form.employer.trim()) input.employer = form.employer.trim();
  if (form.collectedAt) input.collectedAt = form.collectedAt;
  if (form.informedAt) input.informedAt = form.informedAt;
  if (form.liaDate) {
    input.legitimateInterest = {
      assessedAt: form.liaDate,
      ...(form.liaReference.trim() ? { reference: form.liaReference.trim() } : {}),
    };
  }

  const parsed = ContactInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, index, field] = issue.path;
      let name = FIELD_OF_PATH[issue.path.join('.')] ?? 'form';
      if (head === 'consents' && typeof index === 'number') {
        const channel = consents[index - kept.length]?.channel;
        if (channel) name = `consent.${channel}.${String(field ?? 'givenAt')}`;
      }
      errors[name] ??=
        name === 'form' ? `${issue.path.join('.') || 'record'}: ${issue.message}` : issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, input };
}

/**
 * Checks the form and saves it through the store's command (lib/store/commands/contact.ts), which also returns
 * what undo needs; a bad form or identifier comes back as field errors, with nothing written.
 */
export async function saveLawfulBasis(
  db: HeedDb,
  form: LawfulBasisForm,
  person: TabPerson,
  existing: Contact | undefined,
  opts: { today: string; defaultCountry?: string },
): Promise<{ ok: true; saved: Contact; undo: ContactUndo } | { ok: false; errors: FieldErrors }> {
  // An identifier the store cannot read (a national phone number with no default country, say) must not stop
  // the rep recording the basis: the record is attached to the identifiers that can be read.
  const ids = normaliseIds(person.identifiers, opts.defaultCountry);
  const usable: TabPerson = {
    ...person,
    identifiers: {
      emails: ids.emails,
      profileUrls: ids.profileUrls,
      salesNavUrls: ids.salesNavUrls,
      phones: ids.phones,
    },
  };
  if (
    !existing &&
    ids.emails.length + ids.profileUrls.length + ids.salesNavUrls.length + ids.phones.length === 0
  ) {
    const r = ids.rejected[0];
    const why = r ? ` (${r.kind} '${r.value}': ${r.reason})` : '';
    return {
      ok: false,
      errors: { form: `This page shows no identifier Heed can attach the record to${why}.` },
    };
  }
  const built = contactInputFrom(form, usable, existing, opts.today);
  if (!built.ok) return built;
  try {
    const { saved, undo } = await saveContactWithUndo(
      db,
      built.input,
      opts.defaultCountry ? { defaultCountry: opts.defaultCountry } : {},
    );
    return { ok: true, saved, undo };
  } catch (err) {
    if (err instanceof ContactError) return { ok: false, errors: { form: err.message } };
    throw err;
  }
}
