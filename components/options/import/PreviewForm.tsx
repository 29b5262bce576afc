import { type FormEvent, useId } from 'react';
import type { DateOrder } from '@/lib/import/dates';
import { type FlagRule, PROFILE_IDS, PROFILE_NAME, type ProfileId } from '@/lib/import/profiles';
import {
  CHANNEL_NAME,
  DELIMITER_LABEL,
  ENCODING_LABEL,
  formatBytes,
  REASON_LABEL,
  ROLE_LABEL,
} from '@/lib/options/lists/labels';
import { mappingProblem, previewTable } from '@/lib/options/lists/mapping';
import type { Preview } from '@/lib/store/import';
import {
  type ColumnRole,
  type Delimiter,
  DelimiterSchema,
  type SuppressionList,
  type TextEncoding,
  TextEncodingSchema,
} from '@/lib/store/schemas';
import {
  CHANNELS,
  type Channel,
  reasonAllowsChannelScope,
  type SuppressionReason,
  SuppressionReasonSchema,
} from '@/lib/vocab';
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
        ? 'Give the new list a name.'
        : null
      : lists.some((l) => l.id === settings.existingId)
        ? null
        : 'Choose the list to import into.';
  const targetList =
    settings.target === 'existing' ? lists.find((l) => l.id === settings.existingId) : undefined;
  const targetChannels = targetList?.channels;
  const dateProblem = /^\d{4}-\d{2}-\d{2}$/.test(settings.since) ? null : 'Enter the opt-out date as a date.';
  const dateColumn = settings.roles.indexOf('date');
  const askOrder =
    dateColumn >= 0 &&
    preview.dateOrder !== null &&
    preview.dateOrder.numeric &&
    preview.dateOrder.order === null;
  const orderProblem =
    askOrder && settings.dateOrder === ''
      ? 'Say whether the dates are day/month or month/day: the file does not tell.'
      : null;
  const everyChannel = !reasonAllowsChannelScope(settings.reason);
  const channelProblem =
    settings.target === 'new' && !everyChannel && settings.channels.length === 0
      ? 'Choose at least one channel the new list blocks.'
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
      <h3 id={`${id}-title`}>Check the file</h3>
      <fieldset disabled={disabled} className="ol-detected">
        <legend>Detected</legend>
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
          <label htmlFor={`${id}-profile`}>Read as</label>
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
              <label htmlFor={`${id}-sheet`}>Sheet</label>
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
          <label htmlFor={`${id}-enc`}>Encoding</label>
          <select
            id={`${id}-enc`}
            value={settings.encoding}
            onChange={(e) => onReread(e.target.value as TextEncoding | 'auto', settings.delimiter)}
          >
            <option value="auto">
              Detected: {ENCODING_LABEL[preview.encoding]}
              {preview.encodingGuessed ? ' (from the bytes)' : ''}
            </option>
            {TextEncodingSchema.options.map((enc) => (
              <option key={enc} value={enc}>
                {ENCODING_LABEL[enc]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-delim`}>Delimiter</label>
          <select
            id={`${id}-delim`}
            value={settings.delimiter}
            onChange={(e) => onReread(settings.encoding, e.target.value as Delimiter | 'auto')}
          >
            <option value="auto">
              Detected: {DELIMITER_LABEL[preview.delimiter]}
              {preview.sepLine ? ' (from the sep= line)' : ''}
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
            First row is a header {preview.hasHeader ? '(detected)' : '(none detected)'}
          </label>
        </div>
        <p className="muted">
          {preview.container?.kind === 'xlsx'
            ? 'Excel workbook'
            : preview.container?.kind === 'zip'
              ? `${preview.container.entry} from the ZIP archive`
              : ENCODING_LABEL[preview.encoding]}
          , {DELIMITER_LABEL[preview.delimiter].toLowerCase()},{' '}
          {settings.hasHeader ? 'with a header' : 'no header'} — {formatBytes(preview.totalBytes)}
        </p>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Columns: what each one holds</legend>
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
                Only rows where “{table.headers[f.index] ?? `Column ${f.index + 1}`}” is true, 1 or yes
              </label>
            ))}
            <p className="muted">Other rows are people who did not opt out: they are skipped and counted.</p>
          </div>
        )}
        {askOrder && (
          <div className="ol-grid">
            <label htmlFor={`${id}-order`}>
              Dates like {table.rows.find((r) => r[dateColumn])?.[dateColumn]} are
            </label>
            <select
              id={`${id}-order`}
              value={settings.dateOrder}
              onChange={(e) => set({ dateOrder: e.target.value as DateOrder | '' })}
            >
              <option value="">Choose…</option>
              <option value="dmy">Day/month/year (Europe)</option>
              <option value="mdy">Month/day/year (US)</option>
            </select>
          </div>
        )}
        <div className="ol-preview-wrap">
          <table className="ol-preview">
            <caption>First {table.rows.length} rows of the file</caption>
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
        {table.rows.length === 0 && <p className="muted">The start of the file has no data rows.</p>}
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Import into</legend>
        <label>
          <input
            type="radio"
            name={`${id}-target`}
            checked={settings.target === 'new'}
            onChange={() => set({ target: 'new' })}
          />{' '}
          A new list
        </label>
        <div className="ol-indent">
          <label htmlFor={`${id}-newname`}>New list name</label>
          <input
            id={`${id}-newname`}
            value={settings.newName}
            maxLength={200}
            disabled={settings.target !== 'new'}
            onChange={(e) => set({ newName: e.target.value })}
          />
          {nameClash && (
            <p className="muted">A list with this name exists; the new one will have the same name.</p>
          )}
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
          An existing list
        </label>
        <div className="ol-indent">
          <label htmlFor={`${id}-existing`}>Existing list</label>
          <select
            id={`${id}-existing`}
            value={settings.existingId}
            disabled={settings.target !== 'existing'}
            onChange={(e) => set({ existingId: e.target.value })}
          >
            <option value="">Choose a list</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>Why these people are on the list</legend>
        <div className="ol-grid">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <select
            id={`${id}-reason`}
            value={settings.reason}
            onChange={(e) => set({ reason: e.target.value as SuppressionReason })}
          >
            {SuppressionReasonSchema.options.map((r) => (
              <option key={r} value={r}>
                {REASON_LABEL[r]}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-since`}>Opt-out date</label>
          <input
            id={`${id}-since`}
            type="date"
            value={settings.since}
            onChange={(e) => set({ since: e.target.value })}
          />
        </div>
        <p className="muted">Used for rows without their own reason or date column.</p>
        {targetList && targetChannels && targetChannels.length > 0 ? (
          <p className="muted" role="note">
            {reasonAllowsChannelScope(settings.reason)
              ? `These rows will block ${targetChannels.map((c) => CHANNEL_NAME[c]).join(', ')} only, as “${targetList.name}” does. `
              : `These rows will block every channel, although “${targetList.name}” covers only ${targetChannels.map((c) => CHANNEL_NAME[c]).join(', ')}: `}
            An objection, an erasure request or a complaint stops all direct marketing, so it always blocks
            every channel; only unsubscribes, do-not-call requests and bounces follow the list's channels.
          </p>
        ) : null}
      </fieldset>

      {blocker && blocker !== problem && (
        <p className="error" role="alert">
          {blocker}
        </p>
      )}
      <button type="submit" className="primary" disabled={disabled || blocker !== null}>
        Import
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
        The new list blocks every channel: an objection, an erasure request or a complaint stops all direct
        marketing.
      </p>
    );
  }
  return (
    <fieldset className="ol-channels" disabled={props.disabled}>
      <legend>The new list blocks</legend>
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
          {CHANNEL_NAME[c]}
        </label>
      ))}
    </fieldset>
  );
}
