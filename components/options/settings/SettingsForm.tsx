import { useEffect, useId, useState } from 'react';
import type { HeedDb } from '@/lib/store/db';
import type { Settings, SettingsInput } from '@/lib/store/schemas';
import { saveSettings } from '@/lib/store/settings';
import { type Subscriber, SubscriberSchema } from '@/lib/vocab';
import { errorText } from './common';
import { parseDomainList } from './parse';

// Countries whose rules Heed knows, then the rest of Europe and the usual trading partners.
const COUNTRY_CODES = [
  'GB',
  'DE',
  'FR',
  'US',
  'CA',
  'IE',
  'NL',
  'BE',
  'LU',
  'AT',
  'CH',
  'ES',
  'PT',
  'IT',
  'DK',
  'SE',
  'NO',
  'FI',
  'IS',
  'LI',
  'PL',
  'CZ',
  'SK',
  'HU',
  'RO',
  'BG',
  'HR',
  'SI',
  'EE',
  'LV',
  'LT',
  'GR',
  'CY',
  'MT',
  'AU',
  'NZ',
  'IN',
  'SG',
  'IL',
  'AE',
  'ZA',
  'BR',
  'MX',
  'AR',
  'JP',
  'CN',
  'HK',
  'TR',
  'UA',
];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const COUNTRIES = COUNTRY_CODES.map((code) => ({ code, name: regionNames.of(code) ?? code })).sort((a, b) =>
  a.name.localeCompare(b.name, 'en'),
);

export const SUBSCRIBER_LABEL: Record<Subscriber, string> = {
  unknown: 'Not assumed (ask each time)',
  individual: 'Individual (private person)',
  'sole-trader': 'Sole trader',
  partnership: 'Partnership',
  llp: 'LLP',
  corporate: 'Company (corporate subscriber)',
  'public-body': 'Public body',
};

interface Draft {
  defaultCountry: string;
  defaultSubscriber: Subscriber;
  ownDomains: string;
  extraPersonalDomains: string;
  showPossibleMatches: boolean;
  charity: boolean;
  teamLiaAssessedAt: string;
  teamArt14InFirstMessage: boolean;
  teamScreenedAt: string;
  teamBusinessEmailSignOffAt: string;
  retentionDays: string;
  sidePanelOnly: boolean;
  sendCheck: Settings['sendCheck'];
  sendCheckStopOnCheck: boolean;
}

const SEND_SITES: { key: keyof Settings['sendCheck']; label: string }[] = [
  { key: 'gmail', label: 'Gmail' },
  { key: 'outlook', label: 'Outlook on the web' },
  { key: 'linkedin', label: 'LinkedIn messages' },
];

function draftOf(s: Settings): Draft {
  return {
    defaultCountry: s.defaultCountry ?? '',
    defaultSubscriber: s.defaultSubscriber,
    ownDomains: s.ownDomains.join('\n'),
    extraPersonalDomains: s.extraPersonalDomains.join('\n'),
    showPossibleMatches: s.showPossibleMatches,
    charity: s.charity ?? false,
    teamLiaAssessedAt: s.teamLiaAssessedAt ?? '',
    teamArt14InFirstMessage: s.teamArt14InFirstMessage ?? false,
    teamScreenedAt: s.teamScreenedAt ?? '',
    teamBusinessEmailSignOffAt: s.teamBusinessEmailSignOffAt ?? '',
    retentionDays: String(s.retentionDays),
    sidePanelOnly: s.sidePanelOnly,
    sendCheck: s.sendCheck,
    sendCheckStopOnCheck: s.sendCheckStopOnCheck,
  };
}

type Status = { kind: 'idle' } | { kind: 'saved'; previous: Settings; keys: string[] } | { kind: 'undone' };

/** Defaults for people with nothing recorded, what counts as a work or personal address, and retention. */
export function SettingsForm({
  db,
  settings,
  locked = {},
  lockReason,
}: {
  db: HeedDb;
  settings: Settings;
  /** Settings the organisation's policy fixed: shown, not editable (lib/store refuses a change anyway). */
  locked?: Record<string, unknown>;
  lockReason?: string | undefined;
}) {
  const id = useId();
  const isLocked = (key: keyof Settings) => key in locked;
  const lockNote = (key: keyof Settings) =>
    isLocked(key) ? (
      <p className="ot-hint ot-locked" id={`${id}-${key}-lock`}>
        Locked by your organisation{lockReason ? `: ${lockReason}` : ''}.
      </p>
    ) : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The settings as last stored: the prop (live from the database) or, just after a save, what was saved.
  const [current, setCurrent] = useState(settings);
  // Another tab may change the stored settings: follow them unless the user is mid-edit.
  const [seen, setSeen] = useState(settings);
  useEffect(() => {
    if (settings === seen) return;
    const dirty = JSON.stringify(draftOf(current)) !== JSON.stringify(draft);
    if (!dirty) setDraft(draftOf(settings));
    setCurrent(settings);
    setSeen(settings);
  }, [settings, seen, current, draft]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const own = parseDomainList(draft.ownDomains, 1000);
    const personal = parseDomainList(draft.extraPersonalDomains, 10000);
    const days = Number(draft.retentionDays);
    const errs: Partial<Record<keyof Draft, string>> = {};
    const listError = (p: ReturnType<typeof parseDomainList>) =>
      p.errors.map((x) => (x.value ? `${x.value}: ${x.reason}` : x.reason)).join('; ');
    if (own.errors.length > 0) errs.ownDomains = listError(own);
    if (personal.errors.length > 0) errs.extraPersonalDomains = listError(personal);
    if (!Number.isInteger(days) || days < 1 || days > 36500) {
      errs.retentionDays = 'Enter a whole number of days between 1 and 36500.';
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;

    const next: Partial<SettingsInput> = {
      defaultSubscriber: draft.defaultSubscriber,
      ownDomains: own.values,
      extraPersonalDomains: personal.values,
      showPossibleMatches: draft.showPossibleMatches,
      retentionDays: days,
      sidePanelOnly: draft.sidePanelOnly,
      sendCheck: draft.sendCheck,
      sendCheckStopOnCheck: draft.sendCheckStopOnCheck,
    };
    // Stored only once set: an untouched "no" stays absent, as before the setting existed.
    if (draft.charity !== (current.charity ?? false)) next.charity = draft.charity;
    const patch: Partial<SettingsInput> = {};
    for (const [k, v] of Object.entries(next) as [keyof SettingsInput, unknown][]) {
      if (JSON.stringify(current[k]) !== JSON.stringify(v)) Object.assign(patch, { [k]: v });
    }
    const country = draft.defaultCountry || undefined;
    if (country !== current.defaultCountry) patch.defaultCountry = country;
    // Team facts (issue 20, item 2): a cleared date is removed, as the country is.
    for (const k of ['teamLiaAssessedAt', 'teamScreenedAt', 'teamBusinessEmailSignOffAt'] as const) {
      const v = draft[k] || undefined;
      if (v !== current[k]) patch[k] = v;
    }
    if (draft.teamArt14InFirstMessage !== (current.teamArt14InFirstMessage ?? false))
      patch.teamArt14InFirstMessage = draft.teamArt14InFirstMessage;
    const keys = Object.keys(patch);
    if (keys.length === 0) {
      setStatus({ kind: 'idle' });
      setFailure('Nothing to save: no setting changed.');
      return;
    }
    setBusy(true);
    try {
      const previous = current;
      const saved = await saveSettings(db, patch);
      setCurrent(saved);
      setDraft(draftOf(saved));
      setStatus({ kind: 'saved', previous, keys });
    } catch (err) {
      setFailure(`Could not save: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    if (status.kind !== 'saved') return;
    setBusy(true);
    try {
      const p = status.previous;
      const restored = await saveSettings(db, {
        ...p,
        // saveSettings merges: an absent default country must be cleared explicitly.
        defaultCountry: p.defaultCountry,
      });
      setCurrent(restored);
      setDraft(draftOf(restored));
      setStatus({ kind: 'undone' });
    } catch (err) {
      setFailure(`Could not undo: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const described = (key: keyof Draft, hint: string) =>
    [hint, errors[key] ? `${id}-${key}-err` : ''].filter(Boolean).join(' ');
  const fieldError = (key: keyof Draft) =>
    errors[key] ? (
      <p id={`${id}-${key}-err`} className="error ot-field-error">
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="ot-form" onSubmit={save} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Defaults and policy</h3>
      <fieldset>
        <legend>For people with nothing recorded</legend>
        <p className="muted ot-hint" id={`${id}-defaults-hint`}>
          Used when neither your records nor the page say where a person is or what kind of subscriber they
          are. A recorded fact always wins over these.
        </p>
        <div className="ot-field">
          <label htmlFor={`${id}-country`}>Default country</label>
          <select
            id={`${id}-country`}
            value={draft.defaultCountry}
            disabled={isLocked('defaultCountry')}
            aria-describedby={`${id}-defaults-hint`}
            onChange={(e) => set('defaultCountry', e.target.value)}
          >
            <option value="">Not set (Heed asks to check)</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          {lockNote('defaultCountry')}
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-subscriber`}>Default subscriber</label>
          <select
            id={`${id}-subscriber`}
            value={draft.defaultSubscriber}
            disabled={isLocked('defaultSubscriber')}
            aria-describedby={`${id}-defaults-hint`}
            onChange={(e) => set('defaultSubscriber', SubscriberSchema.parse(e.target.value))}
          >
            {SubscriberSchema.options.map((s) => (
              <option key={s} value={s}>
                {SUBSCRIBER_LABEL[s]}
              </option>
            ))}
          </select>
          {lockNote('defaultSubscriber')}
        </div>
      </fieldset>

      <fieldset>
        <legend>Email addresses</legend>
        <div className="ot-field">
          <label htmlFor={`${id}-own`}>Your team's own domains</label>
          <p className="muted ot-hint" id={`${id}-own-hint`}>
            One per line. Addresses at these domains are colleagues' work addresses, even at a webmail
            provider.
          </p>
          <textarea
            id={`${id}-own`}
            rows={3}
            value={draft.ownDomains}
            spellCheck={false}
            aria-invalid={errors.ownDomains ? true : undefined}
            aria-describedby={described('ownDomains', `${id}-own-hint`)}
            onChange={(e) => set('ownDomains', e.target.value)}
          />
          {fieldError('ownDomains')}
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-personal`}>Additional personal-email domains</label>
          <p className="muted ot-hint" id={`${id}-personal-hint`}>
            One per line, for webmail Heed does not know (a regional provider, say). An address there is
            treated as a private person's.
          </p>
          <textarea
            id={`${id}-personal`}
            rows={3}
            value={draft.extraPersonalDomains}
            spellCheck={false}
            aria-invalid={errors.extraPersonalDomains ? true : undefined}
            aria-describedby={described('extraPersonalDomains', `${id}-personal-hint`)}
            onChange={(e) => set('extraPersonalDomains', e.target.value)}
          />
          {fieldError('extraPersonalDomains')}
        </div>
        <div className="ot-check">
          <input
            id={`${id}-possible`}
            type="checkbox"
            checked={draft.showPossibleMatches}
            disabled={isLocked('showPossibleMatches')}
            aria-describedby={`${id}-possible-hint`}
            onChange={(e) => set('showPossibleMatches', e.target.checked)}
          />
          <label htmlFor={`${id}-possible`}>Show possible matches</label>
          <p className="muted ot-hint" id={`${id}-possible-hint`}>
            Flags a +tag variant of a listed address as "possible match" (never as blocked). Gmail ignores
            dots and +tags, so every spelling of a listed Gmail address is the same mailbox and always
            matches.
          </p>
          {lockNote('showPossibleMatches')}
        </div>
        <div className="ot-check">
          <input
            id={`${id}-charity`}
            type="checkbox"
            checked={draft.charity}
            aria-describedby={`${id}-charity-hint`}
            onChange={(e) => set('charity', e.target.checked)}
          />
          <label htmlFor={`${id}-charity`}>We are a charity</label>
          <p className="muted ot-hint" id={`${id}-charity-hint`}>
            UK charities may email and text supporters who expressed an interest in their aims (PECR reg.
            22(3A), the charity soft opt-in). Leave unticked unless your organisation is a registered charity.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Check recipients at Send</legend>
        <p className="muted ot-hint">
          Heed looks up each recipient as you add it and stops a message to a blocked person before it leaves.
        </p>
        {SEND_SITES.map(({ key, label }) => (
          <div className="ot-check" key={key}>
            <input
              id={`${id}-send-${key}`}
              type="checkbox"
              checked={draft.sendCheck[key]}
              disabled={isLocked('sendCheck')}
              onChange={(e) => set('sendCheck', { ...draft.sendCheck, [key]: e.target.checked })}
            />
            <label htmlFor={`${id}-send-${key}`}>Check at Send in {label}</label>
          </div>
        ))}
        <div className="ot-check">
          <input
            id={`${id}-send-stop-check`}
            type="checkbox"
            checked={draft.sendCheckStopOnCheck}
            disabled={isLocked('sendCheckStopOnCheck')}
            onChange={(e) => set('sendCheckStopOnCheck', e.target.checked)}
          />
          <label htmlFor={`${id}-send-stop-check`}>Also stop messages to recipients marked "check"</label>
        </div>
        {lockNote('sendCheck')}
        {lockNote('sendCheckStopOnCheck')}
      </fieldset>

      <fieldset>
        <legend>Team facts</legend>
        <p className="muted ot-hint">
          Facts about your organisation, recorded once: Heed uses them for every person with nothing recorded
          of their own.
        </p>
        {(
          [
            ['teamLiaAssessedAt', 'Legitimate-interest assessment for B2B prospecting (date)'],
            ['teamScreenedAt', 'Last TPS/CTPS and do-not-call screen of your call lists (date)'],
            ['teamBusinessEmailSignOffAt', "Privacy officer's sign-off of the business-email rules (date)"],
          ] as const
        ).map(([k, label]) => (
          <div className="ot-field" key={k}>
            <label htmlFor={`${id}-${k}`}>{label}</label>
            <input id={`${id}-${k}`} type="date" value={draft[k]} onChange={(e) => set(k, e.target.value)} />
          </div>
        ))}
        <div className="ot-check">
          <input
            id={`${id}-art14`}
            type="checkbox"
            checked={draft.teamArt14InFirstMessage}
            aria-describedby={`${id}-art14-hint`}
            onChange={(e) => set('teamArt14InFirstMessage', e.target.checked)}
          />
          <label htmlFor={`${id}-art14`}>
            Our first message carries the Art. 14 privacy notice and an opt-out
          </label>
          <p className="muted ot-hint" id={`${id}-art14-hint`}>
            Heed then shows it as a duty for each new prospect ("include the notice in your first message");
            it does not record that a notice was given.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>Retention</legend>
        <div className="ot-field">
          <label htmlFor={`${id}-retention`}>Keep contact records for (days)</label>
          <p className="muted ot-hint" id={`${id}-retention-hint`}>
            Records older than this are flagged for review. Suppression entries are never purged: they are
            what keeps an objection honoured. 730 days is two years.
          </p>
          <input
            id={`${id}-retention`}
            type="number"
            inputMode="numeric"
            min={1}
            max={36500}
            value={draft.retentionDays}
            disabled={isLocked('retentionDays')}
            aria-invalid={errors.retentionDays ? true : undefined}
            aria-describedby={described('retentionDays', `${id}-retention-hint`)}
            onChange={(e) => set('retentionDays', e.target.value)}
          />
          {fieldError('retentionDays')}
          {lockNote('retentionDays')}
        </div>
      </fieldset>

      <fieldset>
        <legend>On web pages</legend>
        <div className="ot-check">
          <input
            id={`${id}-sidepanel`}
            type="checkbox"
            checked={draft.sidePanelOnly}
            disabled={isLocked('sidePanelOnly')}
            aria-describedby={`${id}-sidepanel-hint`}
            onChange={(e) => set('sidePanelOnly', e.target.checked)}
          />
          <label htmlFor={`${id}-sidepanel`}>Side panel only (leave no trace on pages)</label>
          <p className="muted ot-hint" id={`${id}-sidepanel-hint`}>
            Heed still reads the page you are on, but adds nothing to it: no badge, no markers, no events.
            Verdicts, record forms and the page scan are in the browser's side panel, which the toolbar button
            opens.
          </p>
          {lockNote('sidePanelOnly')}
        </div>
      </fieldset>

      <div className="ot-actions">
        <button type="submit" className="primary" disabled={busy}>
          Save settings
        </button>
        {status.kind === 'saved' ? (
          <button type="button" onClick={undo} disabled={busy}>
            Undo
          </button>
        ) : null}
      </div>
      <div role="status" className="ot-status">
        {status.kind === 'saved'
          ? `Settings saved (${status.keys.length} changed). Open badges are re-checked.`
          : null}
        {status.kind === 'undone' ? 'Change undone: the previous settings are back.' : null}
      </div>
      {failure ? (
        <p role="alert" className="error">
          {failure}
        </p>
      ) : null}
    </form>
  );
}
