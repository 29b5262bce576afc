import { useEffect, useId, useRef, useState } from 'react';
import { formatDate, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import type { ReplyOptOut } from '@/lib/messaging/types';
import {
  channelsBlocked,
  describeChannelsBlocked,
  OPT_OUT_REASONS,
  willBlockSentence,
} from '@/lib/popup/opt-out';
import { deadlineLines } from '@/lib/replies/deadline';
import { phraseById } from '@/lib/replies/phrases';
import { defaultChannels } from '@/lib/store/commands/opt-out';
import { CHANNELS, type Channel, reasonAllowsChannelScope, type SuppressionReason } from '@/lib/vocab';
import { channelWord } from '@/lib/vocab/labels';

export interface ListChoice {
  id: string;
  name: string;
  isDefault: boolean;
  /** Absent: the list applies to every channel. */
  channels?: readonly Channel[];
}

export interface OptOutRequest {
  listId: string;
  reason: SuppressionReason;
  hashEmails: boolean;
  /** The channels the rep left checked; only for a reason that may be narrowed. */
  channels?: Channel[];
}

/**
 * "Record an opt-out": the list is preselected (the default list); the rep picks the reason, which checks the
 * channels it blocks by default (issue 20, item 5), may narrow them where the law allows, reads what will be
 * blocked and saves. A reason is never preselected, because a wrong reason on record is worse than one more click.
 */
export function OptOutPanel({
  lists,
  hasEmails,
  onRecord,
  onCancel,
  reply,
}: {
  lists: readonly ListChoice[];
  hasEmails: boolean;
  reply?: ReplyOptOut;
  onRecord(request: OptOutRequest): Promise<void>;
  onCancel(): void;
}) {
  const id = useId();
  const [listId, setListId] = useState(() => (lists.find((l) => l.isDefault) ?? lists[0])?.id ?? '');
  const [hashEmails, setHashEmails] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState<SuppressionReason | null>(null);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [error, setError] = useState<string | null>(null);
  const firstReason = useRef<HTMLButtonElement>(null);
  const listChannels = lists.find((l) => l.id === listId)?.channels;

  useEffect(() => {
    if (listId === '' && lists.length > 0) setListId((lists.find((l) => l.isDefault) ?? lists[0])?.id ?? '');
  }, [lists, listId]);
  useEffect(() => {
    firstReason.current?.focus();
  }, []);

  const narrowable = reason !== null && reasonAllowsChannelScope(reason);
  const chosen = narrowable ? channels : undefined;
  const noChannel = narrowable && channels.length === 0;

  const choose = (r: SuppressionReason) => {
    setReason(r);
    setChannels(defaultChannels(r));
    setError(null);
  };

  const record = async () => {
    if (busy || listId === '' || reason === null || noChannel) return;
    setBusy(true);
    setError(null);
    try {
      // In the channels' usual order, whatever order the boxes were ticked in.
      const picked = chosen ? { channels: CHANNELS.filter((c) => chosen.includes(c)) } : {};
      await onRecord({ listId, reason, hashEmails, ...picked });
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  // From a reply, the reason its words express comes first (still a click: nothing is recorded unasked).
  const reasons = reply
    ? [...OPT_OUT_REASONS].sort((a, b) => Number(b.value === reply.reason) - Number(a.value === reply.reason))
    : OPT_OUT_REASONS;
  const phrase = reply ? phraseById(reply.phraseId) : undefined;

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('popup_optout_title')}</h2>
      {reply ? (
        <div className="reply-offer">
          <p>{t('popup_optout_reply', formatDate(reply.since), phrase?.label ?? reply.phraseId)}</p>
          <ul className="small">
            {deadlineLines(reply.since, reply.reason).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-list`}>{t('popup_optout_list')}</label>
        <select id={`${id}-list`} value={listId} onChange={(e) => setListId(e.target.value)}>
          {lists.length === 0 ? <option value="">{t('popup_optout_loading_lists')}</option> : null}
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.isDefault ? t('popup_optout_default_list', l.name) : l.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="reasons-pick" disabled={busy || listId === ''}>
        <legend>{t('popup_optout_why')}</legend>
        {reasons.map((r, i) => (
          <button
            key={r.value}
            type="button"
            ref={i === 0 ? firstReason : undefined}
            className={reason === r.value ? 'primary' : undefined}
            onClick={() => choose(r.value)}
            aria-pressed={reason === r.value}
            aria-describedby={`${id}-blocks-${r.value}`}
          >
            {r.label}
          </button>
        ))}
      </fieldset>
      {reason !== null ? (
        <fieldset className="channels-pick" disabled={busy || !narrowable}>
          <legend>{t('popup_optout_channels')}</legend>
          {CHANNELS.map((c) => (
            <span className="check" key={c}>
              <input
                id={`${id}-ch-${c}`}
                type="checkbox"
                // Disabled on each box too, not only by the fieldset: a fixed reason's boxes say so themselves.
                disabled={busy || !narrowable}
                checked={narrowable ? channels.includes(c) : true}
                onChange={(e) =>
                  setChannels((now) => (e.target.checked ? [...now, c] : now.filter((x) => x !== c)))
                }
              />
              <label htmlFor={`${id}-ch-${c}`}>{channelWord(c)}</label>
            </span>
          ))}
          {narrowable ? null : <p className="muted small">{t('popup_optout_fixed')}</p>}
        </fieldset>
      ) : null}
      {reason !== null ? (
        <p className="will-block" aria-live="polite">
          {noChannel ? (
            <span className="error">{t('popup_optout_no_channel')}</span>
          ) : (
            willBlockSentence(channelsBlocked(reason, listChannels, chosen))
          )}
        </p>
      ) : null}
      {/* What each choice blocks, before it is made: scope is a property of the reason, not only of the list. */}
      <ul className="blocks muted small" aria-label={t('popup_optout_each_label')}>
        {OPT_OUT_REASONS.map((r) => (
          <li key={r.value} id={`${id}-blocks-${r.value}`}>
            {t('popup_optout_each', r.label, describeChannelsBlocked(channelsBlocked(r.value, listChannels)))}
          </li>
        ))}
      </ul>
      <p className="muted small">{t('popup_optout_scope_note')}</p>
      {hasEmails ? (
        <div className="check">
          <input
            id={`${id}-hash`}
            type="checkbox"
            checked={hashEmails}
            onChange={(e) => setHashEmails(e.target.checked)}
          />
          <label htmlFor={`${id}-hash`}>{t('popup_optout_hash')}</label>
        </div>
      ) : null}
      <p className="muted small">{reply ? t('popup_optout_stored_reply') : t('popup_optout_stored_page')}</p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || listId === '' || reason === null || noChannel}
          aria-busy={busy}
          onClick={() => void record()}
        >
          {t('popup_optout_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('popup_optout_cancel')}
        </button>
      </div>
    </section>
  );
}
