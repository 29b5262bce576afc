import { useEffect, useId, useMemo, useState } from 'react';
import { Notices } from '@/components/notices';
import { getLanguage, LANGUAGE_CHOICES, type LanguageChoice, type MessageKey, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { languageName } from '@/lib/i18n/words';
import { NoticeStack } from '@/lib/notices';
import { parseDomainList } from '@/lib/options/settings-parse';
import type { HeedDb } from '@/lib/store/db';
import { SETTINGS_LIMITS, type Settings, type SettingsInput } from '@/lib/store/schemas';
import { saveSettings } from '@/lib/store/settings';
import { SUBSCRIBERS, type Subscriber } from '@/lib/vocab';
import { countryChoices, SUBSCRIBER_LABEL } from '@/lib/vocab/labels';
import { SubscriberSchema } from '@/lib/vocab/schemas';
import { ErrorLine } from '../ErrorLine';

/** A subscriber type in the page's language. */
export function subscriberLabel(s: Subscriber): string {
  return s === 'unknown' ? t('options_settings_subscriber_unknown') : SUBSCRIBER_LABEL[s];
}

interface Draft {
  language: LanguageChoice;
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

const SEND_SITES: { key: keyof Settings['sendCheck']; label: MessageKey }[] = [
  { key: 'gmail', label: 'options_settings_send_gmail' },
  { key: 'outlook', label: 'options_settings_send_outlook' },
  { key: 'linkedin', label: 'options_settings_send_linkedin' },
];

function draftOf(s: Settings): Draft {
  return {
    language: s.language,
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
        {lockReason ? t('options_settings_locked_because', lockReason) : t('options_settings_locked')}
      </p>
    ) : null;
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  // What the last save did, with its Undo: the page's one notice-with-undo, kept beside this form.
  const [notices] = useState(() => new NoticeStack(1));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const lang = getLanguage();
  const COUNTRIES = useMemo(() => countryChoices(lang), [lang]);

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
    const own = parseDomainList(draft.ownDomains, SETTINGS_LIMITS.ownDomains);
    const personal = parseDomainList(draft.extraPersonalDomains, SETTINGS_LIMITS.extraPersonalDomains);
    const days = Number(draft.retentionDays);
    const errs: Partial<Record<keyof Draft, string>> = {};
    const listError = (p: ReturnType<typeof parseDomainList>) =>
      p.errors
        .map((x) => (x.value ? t('options_settings_domain_error', x.value, x.reason) : x.reason))
        .join('; ');
    if (own.errors.length > 0) errs.ownDomains = listError(own);
    if (personal.errors.length > 0) errs.extraPersonalDomains = listError(personal);
    const { min, max } = SETTINGS_LIMITS.retentionDays;
    if (!Number.isInteger(days) || days < min || days > max) {
      errs.retentionDays = t('options_settings_retention_invalid', min, max);
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;

    const next: Partial<SettingsInput> = {
      language: draft.language,
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
      notices.clear();
      setFailure(t('options_settings_nothing_changed'));
      return;
    }
    setBusy(true);
    try {
      const previous = current;
      const saved = await saveSettings(db, patch);
      setCurrent(saved);
      setDraft(draftOf(saved));
      notices.say(t('options_settings_saved', keys.length), { undo: () => undo(previous, saved) });
      // Every text on the page is in the old language: load it again in the new one.
      if (saved.language !== previous.language) location.reload();
    } catch (err) {
      setFailure(t('options_settings_save_failed', shownError(err)));
    } finally {
      setBusy(false);
    }
  };

  const undo = async (p: Settings, saved: Settings) => {
    setFailure(null);
    setBusy(true);
    try {
      const restored = await saveSettings(db, {
        ...p,
        // saveSettings merges: an absent default country must be cleared explicitly.
        defaultCountry: p.defaultCountry,
      });
      setCurrent(restored);
      setDraft(draftOf(restored));
      if (restored.language !== saved.language) location.reload();
      return t('options_settings_undone');
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
      <h3 id={`${id}-h`}>{t('options_settings_title')}</h3>
      <fieldset>
        <legend>{t('options_settings_language_legend')}</legend>
        <div className="ot-field">
          <label htmlFor={`${id}-language`}>{t('options_settings_language')}</label>
          <select
            id={`${id}-language`}
            value={draft.language}
            disabled={isLocked('language')}
            aria-describedby={`${id}-language-hint`}
            onChange={(e) => set('language', e.target.value as LanguageChoice)}
          >
            {LANGUAGE_CHOICES.map((c) => (
              <option key={c} value={c}>
                {languageName(c)}
              </option>
            ))}
          </select>
          <p className="muted ot-hint" id={`${id}-language-hint`}>
            {t('options_settings_language_hint')}
          </p>
          {lockNote('language')}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('options_settings_defaults_legend')}</legend>
        <p className="muted ot-hint" id={`${id}-defaults-hint`}>
          {t('options_settings_defaults_hint')}
        </p>
        <div className="ot-field">
          <label htmlFor={`${id}-country`}>{t('options_settings_default_country')}</label>
          <select
            id={`${id}-country`}
            value={draft.defaultCountry}
            disabled={isLocked('defaultCountry')}
            aria-describedby={`${id}-defaults-hint`}
            onChange={(e) => set('defaultCountry', e.target.value)}
          >
            <option value="">{t('options_settings_country_not_set')}</option>
            {COUNTRIES.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name} ({c.code})
              </option>
            ))}
          </select>
          {lockNote('defaultCountry')}
        </div>
        <div className="ot-field">
          <label htmlFor={`${id}-subscriber`}>{t('options_settings_default_subscriber')}</label>
          <select
            id={`${id}-subscriber`}
            value={draft.defaultSubscriber}
            disabled={isLocked('defaultSubscriber')}
            aria-describedby={`${id}-defaults-hint`}
            onChange={(e) => set('defaultSubscriber', SubscriberSchema.parse(e.target.value))}
          >
            {SUBSCRIBERS.map((s) => (
              <option key={s} value={s}>
                {subscriberLabel(s)}
              </option>
            ))}
          </select>
          {lockNote('defaultSubscriber')}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options_settings_email_legend')}</legend>
        <div className="ot-field">
          <label htmlFor={`${id}-own`}>{t('options_settings_own_domains')}</label>
          <p className="muted ot-hint" id={`${id}-own-hint`}>
            {t('options_settings_own_domains_hint')}
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
          <label htmlFor={`${id}-personal`}>{t('options_settings_personal_domains')}</label>
          <p className="muted ot-hint" id={`${id}-personal-hint`}>
            {t('options_settings_personal_domains_hint')}
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
          <label htmlFor={`${id}-possible`}>{t('options_settings_possible_matches')}</label>
          <p className="muted ot-hint" id={`${id}-possible-hint`}>
            {t('options_settings_possible_matches_hint')}
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
          <label htmlFor={`${id}-charity`}>{t('options_settings_charity')}</label>
          <p className="muted ot-hint" id={`${id}-charity-hint`}>
            {t('options_settings_charity_hint')}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options_settings_send_legend')}</legend>
        <p className="muted ot-hint">{t('options_settings_send_hint')}</p>
        {SEND_SITES.map(({ key, label }) => (
          <div className="ot-check" key={key}>
            <input
              id={`${id}-send-${key}`}
              type="checkbox"
              checked={draft.sendCheck[key]}
              disabled={isLocked('sendCheck')}
              onChange={(e) => set('sendCheck', { ...draft.sendCheck, [key]: e.target.checked })}
            />
            <label htmlFor={`${id}-send-${key}`}>{t(label)}</label>
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
          <label htmlFor={`${id}-send-stop-check`}>{t('options_settings_send_stop_on_check')}</label>
        </div>
        {lockNote('sendCheck')}
        {lockNote('sendCheckStopOnCheck')}
      </fieldset>

      <fieldset>
        <legend>{t('options_settings_team_legend')}</legend>
        <p className="muted ot-hint">{t('options_settings_team_hint')}</p>
        {(
          [
            ['teamLiaAssessedAt', 'options_settings_team_lia'],
            ['teamScreenedAt', 'options_settings_team_screened'],
            ['teamBusinessEmailSignOffAt', 'options_settings_team_signoff'],
          ] as const
        ).map(([k, label]) => (
          <div className="ot-field" key={k}>
            <label htmlFor={`${id}-${k}`}>{t(label)}</label>
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
          <label htmlFor={`${id}-art14`}>{t('options_settings_team_art14')}</label>
          <p className="muted ot-hint" id={`${id}-art14-hint`}>
            {t('options_settings_team_art14_hint')}
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('options_settings_retention_legend')}</legend>
        <div className="ot-field">
          <label htmlFor={`${id}-retention`}>{t('options_settings_retention')}</label>
          <p className="muted ot-hint" id={`${id}-retention-hint`}>
            {t('options_settings_retention_hint')}
          </p>
          <input
            id={`${id}-retention`}
            type="number"
            inputMode="numeric"
            min={SETTINGS_LIMITS.retentionDays.min}
            max={SETTINGS_LIMITS.retentionDays.max}
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
        <legend>{t('options_settings_pages_legend')}</legend>
        <div className="ot-check">
          <input
            id={`${id}-sidepanel`}
            type="checkbox"
            checked={draft.sidePanelOnly}
            disabled={isLocked('sidePanelOnly')}
            aria-describedby={`${id}-sidepanel-hint`}
            onChange={(e) => set('sidePanelOnly', e.target.checked)}
          />
          <label htmlFor={`${id}-sidepanel`}>{t('options_settings_side_panel_only')}</label>
          <p className="muted ot-hint" id={`${id}-sidepanel-hint`}>
            {t('options_settings_side_panel_only_hint')}
          </p>
          {lockNote('sidePanelOnly')}
        </div>
      </fieldset>

      <div className="ot-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('options_settings_save')}
        </button>
      </div>
      <Notices stack={notices} className="ot-status" />
      <ErrorLine error={failure} />
    </form>
  );
}
