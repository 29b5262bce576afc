import { type FormEvent, useId } from 'react';
import { getLanguage, t, tn } from '@/lib/i18n/index';
import type { DateOrder } from '@/lib/import/dates';
import { type FlagRule, PROFILE_IDS, PROFILE_NAME, type ProfileId } from '@/lib/import/profiles';
import { DELIMITER_LABEL, ENCODING_LABEL, formatBytes } from '@/lib/options/labels';
import { mappingProblem, previewTable } from '@/lib/options/mapping';
import type { Preview } from '@/lib/store/import';
import {
  type Delimiter,
  DelimiterSchema,
  type SuppressionList,
  type TextEncoding,
  TextEncodingSchema,
} from '@/lib/store/schemas';
import {
  CHANNELS,
  type Channel,
  type ColumnRole,
  reasonAllowsChannelScope,
  SUPPRESSION_REASONS,
  type SuppressionReason,
} from '@/lib/vocab';
import { channelList, channelWord, SUPPRESSION_REASON_LABEL } from '@/lib/vocab/labels';
import { MappingList } from './MappingList';

export interface ImportSettings {
  encoding: TextEncoding | 'auto';
  delimiter: Delimiter | 'auto';
  hasHeader: boolean;
  roles: ColumnRole[];
  target: 'new' | 'existing';
  newName: string;
  existingId: string;
  reason: SuppressionReason;
  since: string;
  /** The export the file is read as (detected, or chosen). */
  profile: ProfileId;
  /** Opt-out flag columns in force; the user may switch each off. */
  flags: FlagRule[];
  /** Day/month order for dates the values do not settle; '' until chosen. */
  dateOrder: DateOrder | '';
  /** What a new list blocks. */
  channels: Channel[];
  /** The sheet of a workbook. */
  sheet: number;
}

interface Props {
  preview: Preview;
  settings: ImportSettings;
  lists: SuppressionList[];
  disabled: boolean;
  onChange: (s: ImportSettings) => void;
  onReread: (
    encoding: TextEncoding | 'auto',
    delimiter: Delimiter | 'auto',
    extra?: { profile?: ProfileId; sheet?: number },
  ) => void;
  onImport: () => void;
}

/** What was detected, the first rows, the column mapping, the target list and the reason: then Import. */
export function PreviewForm({ preview, settings, lists, disabled, onChange, onReread, onImport }: Props) {
  const id = useId();
  const table = previewTable(preview, settings.hasHeader);
  const set = (patch: Partial<ImportSettings>) => onChange({ ...settings, ...patch });
  const problem = mappingProblem(settings.roles);
  const nameClash =
    settings.target === 'new' &&
    lists.some((l) => l.name.toLowerCase() === settings.newName.trim().toLowerCase());
  const targetProblem =
    settings.target === 'new'
      ? settings.newName.trim() === ''
        ? t('lists_pf_name_missing')
        : null
      : lists.some((l) => l.id === settings.existingId)
        ? null
        : t('lists_pf_choose_list');
  const targetList =
    settings.target === 'existing' ? lists.find((l) => l.id === settings.existingId) : undefined;
  const targetChannels = targetList?.channels;
  const dateProblem = /^\d{4}-\d{2}-\d{2}$/.test(settings.since) ? null : t('lists_pf_date_invalid');
  const dateColumn = settings.roles.indexOf('date');
  const askOrder =
    dateColumn >= 0 &&
    preview.dateOrder !== null &&
    preview.dateOrder.numeric &&
    preview.dateOrder.order === null;
  const orderProblem = askOrder && settings.dateOrder === '' ? t('lists_pf_order_missing') : null;
  const everyChannel = !reasonAllowsChannelScope(settings.reason);
  const channelProblem =
    settings.target === 'new' && !everyChannel && settings.channels.length === 0
      ? t('lists_pf_channel_missing')
      : null;
  const blocker =
    preview.profile.refusal ?? problem ?? targetProblem ?? dateProblem ?? orderProblem ?? channelProblem;
  const flagged = new Set(preview.profile.flags.map((f) => f.index));
  const flagOn = (index: number) => settings.flags.some((f) => f.index === index);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocker === null) onImport();
  };

  return (
    <form className="ol-wizard" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>{t('lists_pf_title')}</h3>
      <fieldset disabled={disabled} className="ol-detected">
        <legend>{t('lists_pf_detected')}</legend>
        <div
          className={`ol-profile${preview.profile.warning || preview.profile.refusal ? ' ol-warning' : ''}`}
        >
          <p role="status">
            <strong>{preview.profile.label}</strong>
          </p>
          {preview.profile.warning && <p className="error">{preview.profile.warning}</p>}
          {preview.profile.refusal && (
            <p className="error" role="alert">
              {preview.profile.refusal}
            </p>
          )}
          {preview.profile.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
        </div>
        <div className="ol-grid">
          <label htmlFor={`${id}-profile`}>{t('lists_report_read_as')}</label>
          <select
            id={`${id}-profile`}
            value={settings.profile}
            onChange={(e) =>
              onReread(settings.encoding, settings.delimiter, { profile: e.target.value as ProfileId })
            }
          >
            {PROFILE_IDS.map((p) => (
              <option key={p} value={p}>
                {PROFILE_NAME[p]}
              </option>
            ))}
          </select>
          {preview.container?.kind === 'xlsx' && (
            <>
              <label htmlFor={`${id}-sheet`}>{t('lists_pf_sheet')}</label>
              <select
                id={`${id}-sheet`}
                value={settings.sheet}
                onChange={(e) => onReread('auto', 'auto', { sheet: Number(e.target.value) })}
              >
                {preview.container.sheets.map((name, i) => (
                  <option key={name} value={i}>
                    {name}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor={`${id}-enc`}>{t('lists_pf_encoding')}</label>
          <select
            id={`${id}-enc`}
            value={settings.encoding}
            onChange={(e) => onReread(e.target.value as TextEncoding | 'auto', settings.delimiter)}
          >
            <option value="auto">
              {t(
                preview.encodingGuessed ? 'lists_pf_detected_bytes' : 'lists_pf_detected_value',
                ENCODING_LABEL[preview.encoding],
              )}
            </option>
            {TextEncodingSchema.options.map((enc) => (
              <option key={enc} value={enc}>
                {ENCODING_LABEL[enc]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-delim`}>{t('lists_pf_delimiter')}</label>
          <select
            id={`${id}-delim`}
            value={settings.delimiter}
            onChange={(e) => onReread(settings.encoding, e.target.value as Delimiter | 'auto')}
          >
            <option value="auto">
              {t(
                preview.sepLine ? 'lists_pf_detected_sep' : 'lists_pf_detected_value',
                DELIMITER_LABEL[preview.delimiter],
              )}
            </option>
            {DelimiterSchema.options.map((d) => (
              <option key={d === '' ? 'none' : d} value={d}>
                {DELIMITER_LABEL[d]}
              </option>
            ))}
          </select>
          <span />
          <label>
            <input
              type="checkbox"
              checked={settings.hasHeader}
              onChange={(e) => set({ hasHeader: e.target.checked })}
            />{' '}
            {t(preview.hasHeader ? 'lists_pf_header_detected' : 'lists_pf_header_none')}
          </label>
        </div>
        <p className="muted">
          {t(
            settings.hasHeader ? 'lists_pf_summary_header' : 'lists_pf_summary_noheader',
            preview.container?.kind === 'xlsx'
              ? t('lists_pf_excel')
              : preview.container?.kind === 'zip'
                ? t('lists_pf_zip_entry', preview.container.entry)
                : ENCODING_LABEL[preview.encoding],
            // Mid-sentence the delimiter is lower case, except in German where nouns keep their capital.
            getLanguage() === 'de'
              ? DELIMITER_LABEL[preview.delimiter]
              : DELIMITER_LABEL[preview.delimiter].toLowerCase(),
            formatBytes(preview.totalBytes),
          )}
        </p>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('lists_pf_columns')}</legend>
        <MappingList
          idPrefix={id}
          headers={table.headers}
          rows={table.rows}
          roles={settings.roles}
          flagged={flagged}
          onChange={(i, role) => {
            const roles = settings.roles.slice();
            roles[i] = role;
            set({ roles });
          }}
        />
        {preview.profile.flags.length > 0 && (
          <div className="ol-flags">
            {preview.profile.flags.map((f) => (
              <label key={f.index}>
                <input
                  type="checkbox"
                  checked={flagOn(f.index)}
                  onChange={(e) =>
                    set({
                      flags: e.target.checked
                        ? [...settings.flags, f]
                        : settings.flags.filter((x) => x.index !== f.index),
                    })
                  }
                />{' '}
                {t(
                  'lists_pf_flag_only',
                  t('lists_quoted', table.headers[f.index] ?? t('lists_column_n', f.index + 1)),
                )}
              </label>
            ))}
            <p className="muted">{t('lists_pf_flag_other')}</p>
          </div>
        )}
        {askOrder && (
          <div className="ol-grid">
            <label htmlFor={`${id}-order`}>
              {t('lists_pf_dates_like', table.rows.find((r) => r[dateColumn])?.[dateColumn] ?? '')}
            </label>
            <select
              id={`${id}-order`}
              value={settings.dateOrder}
              onChange={(e) => set({ dateOrder: e.target.value as DateOrder | '' })}
            >
              <option value="">{t('lists_pf_choose')}</option>
              <option value="dmy">{t('lists_pf_dmy')}</option>
              <option value="mdy">{t('lists_pf_mdy')}</option>
            </select>
          </div>
        )}
        <div className="ol-preview-wrap">
          <table className="ol-preview">
            <caption>{tn('lists_pf_first_rows', table.rows.length)}</caption>
            <thead>
              <tr>
                {table.headers.map((h, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, ri) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: preview rows are positional
                <tr key={ri}>
                  {table.headers.map((_, ci) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                    <td key={ci}>{r[ci] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {table.rows.length === 0 && <p className="muted">{t('lists_pf_no_rows')}</p>}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('lists_pf_into')}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-target`}
            checked={settings.target === 'new'}
            onChange={() => set({ target: 'new' })}
          />{' '}
          {t('lists_pf_new')}
        </label>
        <div className="ol-indent">
          <label htmlFor={`${id}-newname`}>{t('lists_pf_new_name')}</label>
          <input
            id={`${id}-newname`}
            value={settings.newName}
            maxLength={200}
            disabled={settings.target !== 'new'}
            onChange={(e) => set({ newName: e.target.value })}
          />
          {nameClash && <p className="muted">{t('lists_pf_name_clash')}</p>}
          <BlocksChoice
            idPrefix={id}
            disabled={settings.target !== 'new'}
            everyChannel={everyChannel}
            channels={settings.channels}
            onChange={(channels) => set({ channels })}
          />
        </div>
        <label>
          <input
            type="radio"
            name={`${id}-target`}
            checked={settings.target === 'existing'}
            onChange={() =>
              set({ target: 'existing', existingId: settings.existingId || (lists[0]?.id ?? '') })
            }
          />{' '}
          {t('lists_pf_existing')}
        </label>
        <div className="ol-indent">
          <label htmlFor={`${id}-existing`}>{t('lists_pf_existing_label')}</label>
          <select
            id={`${id}-existing`}
            value={settings.existingId}
            disabled={settings.target !== 'existing'}
            onChange={(e) => set({ existingId: e.target.value })}
          >
            <option value="">{t('lists_pf_choose_a_list')}</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{t('lists_pf_why')}</legend>
        <div className="ol-grid">
          <label htmlFor={`${id}-reason`}>{t('lists_pf_reason')}</label>
          <select
            id={`${id}-reason`}
            value={settings.reason}
            onChange={(e) => set({ reason: e.target.value as SuppressionReason })}
          >
            {SUPPRESSION_REASONS.map((r) => (
              <option key={r} value={r}>
                {SUPPRESSION_REASON_LABEL[r]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-since`}>{t('lists_pf_since')}</label>
          <input
            id={`${id}-since`}
            type="date"
            value={settings.since}
            onChange={(e) => set({ since: e.target.value })}
          />
        </div>
        <p className="muted">{t('lists_pf_defaults')}</p>
        {targetList && targetChannels && targetChannels.length > 0 ? (
          <p className="muted" role="note">
            {reasonAllowsChannelScope(settings.reason)
              ? t('lists_pf_scope_same', channelList(targetChannels), t('lists_quoted', targetList.name))
              : t('lists_pf_scope_every', t('lists_quoted', targetList.name), channelList(targetChannels))}
          </p>
        ) : null}
      </fieldset>

      {blocker && blocker !== problem && (
        <p className="error" role="alert">
          {blocker}
        </p>
      )}
      <button type="submit" className="primary" disabled={disabled || blocker !== null}>
        {t('lists_pf_import')}
      </button>
    </form>
  );
}

/** What a new list blocks: the channels that match the file, or every channel for the reasons that must. */
function BlocksChoice(props: {
  idPrefix: string;
  disabled: boolean;
  everyChannel: boolean;
  channels: readonly Channel[];
  onChange: (c: Channel[]) => void;
}) {
  if (props.everyChannel) {
    return (
      <p className="muted" role="note">
        {t('lists_pf_every_note')}
      </p>
    );
  }
  return (
    <fieldset className="ol-channels" disabled={props.disabled}>
      <legend>{t('lists_pf_blocks')}</legend>
      {CHANNELS.map((c) => (
        <label key={c}>
          <input
            type="checkbox"
            checked={props.channels.includes(c)}
            onChange={(e) =>
              props.onChange(
                e.target.checked ? [...props.channels, c] : props.channels.filter((x) => x !== c),
              )
            }
          />{' '}
          {channelWord(c)}
        </label>
      ))}
    </fieldset>
  );
}
