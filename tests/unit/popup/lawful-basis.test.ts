import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSelfDb } from '../../../lib/mydata/db';
import {
  contactInputFrom,
  formFromContact,
  type LawfulBasisForm,
  saveLawfulBasis,
} from '../../../lib/popup/lawful-basis';
import { undoContactSave as undoLawfulBasis } from '../../../lib/store/commands/contact';
import { getContact, listContacts, saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import { verdictFor } from '../../../lib/verdict/verdict-for';
import { EMMA, freshDb, JANE } from './helpers';

const TODAY = '2026-06-15';
const NOW = new Date('2026-06-15T12:00:00Z');

/** The popup's verdict: the one the background gives the badge (no identity of the user's own recorded here). */
const personVerdict = async (db: HeedDb, person: typeof EMMA, now: Date) =>
  verdictFor(db, await openSelfDb(`lb-self-${Math.random().toString(36).slice(2)}`), person, now);

let db: HeedDb;
beforeEach(async () => {
  ({ db } = await freshDb());
});
afterEach(() => db.close());

function emailConsent(
  form: LawfulBasisForm,
  patch: Partial<LawfulBasisForm['consents']['email']>,
): LawfulBasisForm {
  return {
    ...form,
    consents: { ...form.consents, email: { ...form.consents.email, given: true, ...patch } },
  };
}

describe('formFromContact', () => {
  it('starts a new person from what the page shows', () => {
    const form = formFromContact(undefined, EMMA);
    expect(form.country).toBe('CA');
    expect(form.stage).toBe('suspect');
    expect(form.source).toBe('third-party');
    expect(Object.values(form.consents).every((c) => !c.given)).toBe(true);
  });

  it('fills every field from the recorded contact, keeping the latest consent per channel', async () => {
    const contact = await saveContact(db, {
      profileUrls: EMMA.identifiers.profileUrls,
      stage: 'client',
      subscriber: 'corporate',
      country: 'FR',
      source: 'third-party',
      collectedAt: '2026-01-02',
      informedAt: '2026-01-20T09:00:00Z',
      legitimateInterest: { assessedAt: '2025-12-01', reference: 'LIA-7' },
      consents: [
        { channel: 'email', givenAt: '2025-01-01', evidence: 'old form' },
        { channel: 'email', givenAt: '2026-02-01', evidence: 'new form', withdrawnAt: '2026-03-01' },
      ],
    });
    const form = formFromContact(contact, EMMA);
    expect(form).toMatchObject({
      stage: 'client',
      subscriber: 'corporate',
      country: 'FR',
      source: 'third-party',
      collectedAt: '2026-01-02',
      informedAt: '2026-01-20',
      liaReference: 'LIA-7',
      liaDate: '2025-12-01',
    });
    expect(form.consents.email).toEqual({
      given: true,
      givenAt: '2026-02-01',
      evidence: 'new form',
      withdrawnAt: '2026-03-01',
      written: false,
    });
    expect(form.consents.sms.given).toBe(false);
  });
});

describe('more facts (issue 13: every check liftable)', () => {
  const full = (): LawfulBasisForm => {
    const f = formFromContact(undefined, EMMA);
    return {
      ...f,
      country: 'US',
      consents: {
        ...f.consents,
        sms: { given: true, givenAt: '2026-01-05', evidence: 'signed sheet', withdrawnAt: '', written: true },
      },
      purchaseAt: '2026-02-01',
      inquiryAt: '2026-01-10',
      phoneKind: 'work',
      tps: 'no',
      tpsScreenedAt: '2026-05-20',
      dnc: 'yes',
      dncScreenedAt: '2026-05-01',
      contractActive: 'no',
      contractEndedAt: '2026-03-31',
      conspicuouslyPublished: true,
      businessCardAt: '2026-04-04',
      businessEmailSignOffAt: '2026-04-05',
      presumedConsent: ' Asked for a call back ',
      region: 'tx',
      timeZone: 'America/Chicago',
      contactVisibility: 'public',
    };
  };

  it('stores each fact, round-trips through the form, and an emptied field removes it', async () => {
    const saved = await saveLawfulBasis(db, full(), EMMA, undefined, { today: TODAY });
    if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
    expect(saved.saved).toMatchObject({
      consents: [{ channel: 'sms', givenAt: '2026-01-05', evidence: 'signed sheet', written: true }],
      purchaseAt: '2026-02-01',
      inquiryAt: '2026-01-10',
      phoneKind: 'work',
      tps: false,
      tpsScreenedAt: '2026-05-20',
      dnc: true,
      dncScreenedAt: '2026-05-01',
      contractActive: false,
      contractEndedAt: '2026-03-31',
      conspicuouslyPublished: true,
      businessCardAt: '2026-04-04',
      businessEmailSignOffAt: '2026-04-05',
      presumedConsent: 'Asked for a call back',
      region: 'TX',
      timeZone: 'America/Chicago',
      contactVisibility: 'public',
    });
    const again = formFromContact(saved.saved, EMMA);
    expect(again).toEqual({ ...full(), region: 'TX', presumedConsent: 'Asked for a call back' });

    const cleared = await saveLawfulBasis(
      db,
      { ...again, dnc: '', dncScreenedAt: '', phoneKind: 'unknown', contactVisibility: 'unknown' },
      EMMA,
      saved.saved,
      { today: TODAY },
    );
    if (!cleared.ok) throw new Error('expected the save to work');
    for (const k of ['dnc', 'dncScreenedAt', 'phoneKind', 'contactVisibility'])
      expect(cleared.saved).not.toHaveProperty(k);
    expect(cleared.saved.purchaseAt).toBe('2026-02-01');
  });

  it('refuses a future date, an active contract with an end date, an unknown zone and a bad region', () => {
    const r = contactInputFrom(
      {
        ...full(),
        tpsScreenedAt: '2099-01-01',
        contractActive: 'yes',
        timeZone: 'Mars/Base',
        region: 'Texas',
      },
      EMMA,
      undefined,
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.tpsScreenedAt).toMatch(/future/);
    expect(r.errors.contractEndedAt).toMatch(/active/);
    expect(r.errors.timeZone).toMatch(/IANA/);
    expect(r.errors.region).toMatch(/subdivision/);
  });

  it("starts contact visibility from the page's reading when nothing is recorded", () => {
    const page = { ...EMMA, hints: { ...EMMA.hints, contactVisibility: 'connections-only' as const } };
    expect(formFromContact(undefined, page).contactVisibility).toBe('connections-only');
  });
});

describe('contactInputFrom', () => {
  const base = () => formFromContact(undefined, EMMA);

  it('needs a consent date, and refuses dates in the future or out of order', () => {
    const r = contactInputFrom(
      { ...emailConsent(base(), { givenAt: '' }), informedAt: '2026-07-01' },
      EMMA,
      undefined,
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors['consent.email.givenAt']).toMatch(/when consent was given/);
    expect(r.errors.informedAt).toMatch(/future/);

    const order = contactInputFrom(
      emailConsent(base(), { givenAt: '2026-05-01', withdrawnAt: '2026-04-01' }),
      EMMA,
      undefined,
      TODAY,
    );
    expect(order.ok ? {} : order.errors).toEqual({
      'consent.email.withdrawnAt': 'Withdrawal cannot come before consent.',
    });
  });

  it('explains a bad country and an LIA reference without a date', () => {
    const r = contactInputFrom(
      { ...base(), country: 'Canada', liaReference: 'LIA-1' },
      EMMA,
      undefined,
      TODAY,
    );
    expect(r.ok ? {} : r.errors).toEqual({
      country: 'Use the two-letter country code, like GB, DE or CA.',
      liaDate: 'Give the date of the assessment, or clear its reference.',
    });
  });

  it('reports a schema limit on the field it concerns', () => {
    const r = contactInputFrom(
      emailConsent(base(), { givenAt: '2026-01-01', evidence: 'x'.repeat(501) }),
      EMMA,
      undefined,
      TODAY,
    );
    expect(r.ok).toBe(false);
    expect(r.ok ? {} : Object.keys(r.errors)).toEqual(['consent.email.evidence']);
  });

  it('keeps what the form does not show and merges the page identifiers into the record', async () => {
    const existing = await saveContact(db, {
      name: 'Jane D.',
      emails: ['jane@old.example'],
      notes: 'met at a fair',
      purchaseAt: '2025-05-05',
      country: 'GB',
    });
    const r = contactInputFrom({ ...formFromContact(existing, JANE), country: '' }, JANE, existing, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.input).toMatchObject({
      id: existing.id,
      name: 'Jane D.',
      notes: 'met at a fair',
      purchaseAt: '2025-05-05',
    });
    expect(r.input.emails).toEqual(['jane@old.example', 'Jane.Doe@Acme.example']);
    expect(r.input.profileUrls).toEqual(JANE.identifiers.profileUrls);
    expect('country' in r.input).toBe(false); // emptied on the form: removed from the record
    expect('keys' in r.input || 'createdAt' in r.input).toBe(false);
  });
});

describe('saveLawfulBasis and undo', () => {
  it('consent for email with stage client turns a Canadian email from blocked to allowed; undo brings it back', async () => {
    const before = await personVerdict(db, EMMA, NOW);
    expect(before.answer.channels.email).toBe('blocked');
    expect(before.contact).toBeUndefined();

    const form = emailConsent(
      { ...formFromContact(undefined, EMMA), stage: 'client' },
      { givenAt: '2026-06-01', evidence: 'trade show sign-up' },
    );
    const saved = await saveLawfulBasis(db, form, EMMA, undefined, { today: TODAY });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(saved.saved.name).toBe('Emma Tremblay');
    expect(saved.undo).toEqual({ kind: 'delete', id: saved.saved.id, savedAt: saved.saved.updatedAt });
    const after = await personVerdict(db, EMMA, NOW);
    expect(after.answer.channels.email).toBe('allowed');
    expect(after.answer.level).not.toBe(before.answer.level);
    expect(after.contact?.consents).toEqual([
      { channel: 'email', givenAt: '2026-06-01', evidence: 'trade show sign-up' },
    ]);

    await undoLawfulBasis(db, saved.undo);
    expect(await listContacts(db)).toEqual([]);
    expect((await personVerdict(db, EMMA, NOW)).answer.channels.email).toBe('blocked');
  });

  it('undo of an edit restores the previous record exactly (same id, same values)', async () => {
    const first = await saveLawfulBasis(
      db,
      {
        ...formFromContact(undefined, EMMA),
        stage: 'prospect',
        liaReference: 'LIA-1',
        liaDate: '2026-01-01',
      },
      EMMA,
      undefined,
      { today: TODAY },
    );
    if (!first.ok) throw new Error('first save failed');
    const edit = await saveLawfulBasis(
      db,
      { ...formFromContact(first.saved, EMMA), stage: 'client', liaReference: '', liaDate: '' },
      EMMA,
      first.saved,
      { today: TODAY },
    );
    if (!edit.ok) throw new Error('edit failed');
    expect(edit.saved.id).toBe(first.saved.id);
    expect(edit.saved.legitimateInterest).toBeUndefined();
    expect(edit.undo).toEqual({ kind: 'restore', previous: first.saved, savedAt: edit.saved.updatedAt });

    await undoLawfulBasis(db, edit.undo);
    const back = await getContact(db, first.saved.id);
    const { updatedAt: _a, ...was } = first.saved;
    const { updatedAt: _b, ...now } = back ?? first.saved;
    expect(now).toEqual(was);
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('returns field errors and writes nothing for a bad form', async () => {
    const r = await saveLawfulBasis(
      db,
      { ...formFromContact(undefined, EMMA), country: 'C1' },
      EMMA,
      undefined,
      {
        today: TODAY,
      },
    );
    expect(r).toEqual({
      ok: false,
      errors: { country: 'Use the two-letter country code, like GB, DE or CA.' },
    });
    expect(await listContacts(db)).toEqual([]);
  });

  it('attaches the record to the identifiers that can be read, and refuses when none can', async () => {
    const mixed = {
      ...EMMA,
      identifiers: { ...EMMA.identifiers, emails: ['not-an-email'], phones: ['020 7946 0958'] },
    };
    const r = await saveLawfulBasis(db, formFromContact(undefined, mixed), mixed, undefined, {
      today: TODAY,
    });
    expect(r.ok).toBe(true);
    expect(r.ok ? [r.saved.profileUrls, r.saved.emails, r.saved.phones] : []).toEqual([
      ['https://www.linkedin.com/in/emma-tremblay/'],
      [],
      [],
    ]);

    const none = {
      ...EMMA,
      identifiers: { emails: ['not-an-email'], profileUrls: [], salesNavUrls: [], phones: [] },
    };
    const refused = await saveLawfulBasis(db, formFromContact(undefined, none), none, undefined, {
      today: TODAY,
    });
    expect(refused.ok ? '' : refused.errors.form).toMatch(
      /no identifier .* \(email 'not-an-email': no @ in address\)/,
    );
    expect(await listContacts(db)).toHaveLength(1);
  });

  it('a new form saved unchanged leaves the verdict as it was', async () => {
    const before = await personVerdict(db, EMMA, NOW);
    const r = await saveLawfulBasis(db, formFromContact(undefined, EMMA), EMMA, undefined, { today: TODAY });
    expect(r.ok).toBe(true);
    const after = await personVerdict(db, EMMA, NOW);
    expect(after.answer.channels).toEqual(before.answer.channels);
    expect(after.answer.hasContact).toBe(true);
  });
});

describe('the employer on record and on the page (issue 20, item 10)', () => {
  const atEmployer = (employer: string) => ({ ...JANE, hints: { ...JANE.hints, employer } });

  it('prefills the employer from the page, and from the record once recorded', async () => {
    expect(formFromContact(undefined, atEmployer('Acme Ltd')).employer).toBe('Acme Ltd');
    expect(formFromContact(undefined, JANE).employer).toBe('');
    const saved = await saveLawfulBasis(
      db,
      formFromContact(undefined, atEmployer('Acme Ltd')),
      JANE,
      undefined,
      {
        today: TODAY,
      },
    );
    expect(saved.ok && saved.saved.employer).toBe('Acme Ltd');
    if (!saved.ok) return;
    expect(formFromContact(saved.saved, atEmployer('Globex Corporation')).employer).toBe('Acme Ltd');
    // Emptied, it is removed.
    const cleared = await saveLawfulBasis(
      db,
      { ...formFromContact(saved.saved, JANE), employer: '  ' },
      JANE,
      saved.saved,
      { today: TODAY },
    );
    expect(cleared.ok && cleared.saved.employer).toBeUndefined();
  });

  it('a page showing another employer than the record adds the finding; the same one written differently does not', async () => {
    const saved = await saveLawfulBasis(
      db,
      { ...formFromContact(undefined, JANE), stage: 'client', employer: 'Widgets & Co' },
      JANE,
      undefined,
      { today: TODAY },
    );
    expect(saved.ok).toBe(true);
    const moved = await personVerdict(db, atEmployer('Acme Ltd'), NOW);
    const r = moved.answer.reasons.find((x) => x.code === 'employer-changed');
    expect(r?.message).toMatch(/record says they work at Widgets & Co, but the page shows Acme Ltd/);
    expect(r?.citation).toContain('KASPR');
    const same = await personVerdict(db, atEmployer('WIDGETS AND CO. LIMITED'), NOW);
    expect(same.answer.reasons.map((x) => x.code)).not.toContain('employer-changed');
    const noPage = await personVerdict(db, JANE, NOW);
    expect(noPage.answer.reasons.map((x) => x.code)).not.toContain('employer-changed');
  });
});
