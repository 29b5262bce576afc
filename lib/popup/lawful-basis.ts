import { type MessageKey, t, translated } from '../i18n';
import type { TabPerson } from '../messaging/types';
import { type ContactUndo, saveContactWithUndo } from '../store/commands/contact';
import { ContactError } from '../store/contacts';
import type { HeedDb } from '../store/db';
import { normaliseIds } from '../store/lookup';
import { type Contact, type ContactInput, ContactInputSchema } from '../store/schemas';
import {
  CHANNELS,
  type Channel,
  type ContactVisibility,
  type DataSource,
  type PhoneKind,
  type Stage,
  type Subscriber,
} from '../vocab';

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

export const PHONE_KIND_LABEL: Readonly<Record<PhoneKind, string>> = translated({
  work: 'popup_lb_phone_work',
  personal: 'popup_lb_phone_personal',
  unknown: 'popup_lb_not_recorded',
});

export const VISIBILITY_LABEL: Readonly<Record<ContactVisibility, string>> = translated({
  public: 'popup_lb_vis_public',
  'connections-only': 'popup_lb_vis_connections',
  'download-blocked': 'popup_lb_vis_download_blocked',
  unknown: 'popup_lb_not_recorded',
});

const triOf = (b: boolean | undefined): TriState => (b === undefined ? '' : b ? 'yes' : 'no');

/** Field name → message; consent fields are `consent.<channel>.<field>`. `form` is for the form as a whole. */
export type FieldErrors = Record<string, string>;

export const STAGE_LABEL: Readonly<Record<Stage, string>> = translated({
  suspect: 'popup_lb_stage_suspect',
  prospect: 'popup_lb_stage_prospect',
  client: 'popup_lb_stage_client',
  'former-client': 'popup_lb_stage_former',
  unknown: 'popup_lb_not_recorded',
});

export const SOURCE_LABEL: Readonly<Record<DataSource, string>> = translated({
  subject: 'popup_lb_source_subject',
  'third-party': 'popup_lb_source_third_party',
  unknown: 'popup_lb_not_recorded',
});

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
  ['purchaseAt', 'popup_lb_err_future_purchase'],
  ['inquiryAt', 'popup_lb_err_future_inquiry'],
  ['tpsScreenedAt', 'popup_lb_err_future_tps'],
  ['dncScreenedAt', 'popup_lb_err_future_dnc'],
  ['contractEndedAt', 'popup_lb_err_future_contract_end'],
  ['businessCardAt', 'popup_lb_err_future_business_card'],
  ['businessEmailSignOffAt', 'popup_lb_err_future_sign_off'],
] as const satisfies readonly (readonly [string, MessageKey])[];

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
  // `message`: the whole sentence "The … date cannot be in the future." in the current language.
  const future = (field: string, value: string, message: MessageKey) => {
    if (value !== '' && value > today) errors[field] = t(message);
  };
  const consents: NonNullable<ContactInput['consents']> = [];
  for (const channel of CHANNELS) {
    const row = form.consents[channel];
    if (!row.given) continue;
    const key = `consent.${channel}`;
    if (row.givenAt === '') errors[`${key}.givenAt`] = t('popup_lb_err_consent_date');
    else future(`${key}.givenAt`, row.givenAt, 'popup_lb_err_future_consent');
    if (row.withdrawnAt !== '' && row.givenAt !== '' && row.withdrawnAt < row.givenAt)
      errors[`${key}.withdrawnAt`] = t('popup_lb_err_withdrawn_before');
    else future(`${key}.withdrawnAt`, row.withdrawnAt, 'popup_lb_err_future_withdrawal');
    consents.push({
      channel,
      givenAt: row.givenAt,
      ...(row.evidence.trim() ? { evidence: row.evidence.trim() } : {}),
      ...(row.withdrawnAt ? { withdrawnAt: row.withdrawnAt } : {}),
      ...(row.written ? { written: true } : {}),
    });
  }
  const country = form.country.trim().toUpperCase();
  if (country !== '' && !/^[A-Z]{2}$/.test(country)) errors.country = t('popup_lb_err_country');
  future('collectedAt', form.collectedAt, 'popup_lb_err_future_collection');
  future('informedAt', form.informedAt, 'popup_lb_err_future_notice');
  future('liaDate', form.liaDate, 'popup_lb_err_future_assessment');
  if (form.liaReference.trim() !== '' && form.liaDate === '') errors.liaDate = t('popup_lb_err_lia_date');
  if (form.informedAt !== '' && form.collectedAt !== '' && form.informedAt < form.collectedAt)
    errors.informedAt = t('popup_lb_err_notice_before');
  for (const [k, what] of FACT_DATES) future(k, form[k], what);
  if (form.contractActive === 'yes' && form.contractEndedAt !== '')
    errors.contractEndedAt = t('popup_lb_err_contract');
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
    const form = r
      ? t('popup_lb_err_no_identifier_why', r.kind, r.value, r.reason)
      : t('popup_lb_err_no_identifier');
    return { ok: false, errors: { form } };
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
