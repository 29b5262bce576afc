import type { ReactNode } from 'react';
import { LEVEL_COLOUR } from '@/lib/badge/words';
import { formatDate, t } from '@/lib/i18n';
import type { LookupAnswer } from '@/lib/messaging/types';
import { reasonsToShow } from '@/lib/popup/reasons';
import { describeDeadline } from '@/lib/risk';
import { CHANNELS, type ChannelVerdict } from '@/lib/vocab';
import { channelWord, levelWord, verdictWord } from '@/lib/vocab/labels';

const CHANNEL_COLOUR: Record<ChannelVerdict, string> = {
  allowed: LEVEL_COLOUR.ok,
  check: LEVEL_COLOUR.caution,
  blocked: LEVEL_COLOUR.blocked,
};

// A shape as well as a colour, so the table reads without colour vision (and in forced-colours mode).
const CHANNEL_MARK: Record<ChannelVerdict, string> = { allowed: '✓', check: '?', blocked: '✕' };

/** Calling hours depend on the recipient's local time: say which zone the answer assumed, and why. */
export function describeAssumedZone(z: NonNullable<LookupAnswer['assumedTimeZone']>): string {
  return t(`popup_zone_${z.from}`, z.zone.replaceAll('_', ' '));
}

export function LevelPill({ level }: { level: LookupAnswer['level'] }) {
  return (
    <span className="pill level" data-level={level} style={{ background: LEVEL_COLOUR[level] }}>
      {levelWord(level)}
    </span>
  );
}

export function ChannelTable({ answer, caption }: { answer: LookupAnswer; caption: string }) {
  return (
    <table className="channels">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('popup_channel')}</th>
          <th scope="col">{t('popup_verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {CHANNELS.map((c) => {
          const v = answer.channels[c];
          return (
            <tr key={c}>
              <th scope="row">{channelWord(c)}</th>
              <td>
                <span className="pill" data-verdict={v} style={{ background: CHANNEL_COLOUR[v] }}>
                  <span aria-hidden="true">{CHANNEL_MARK[v]} </span>
                  {verdictWord(v)}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The full verdict for one person: level, one line, channels, reasons with citations, deadlines, matches. */
export function VerdictDetails({
  answer,
  compact = false,
  children,
}: {
  answer: LookupAnswer;
  compact?: boolean;
  /** What to offer right under the headline (the record buttons), before the details that may scroll. */
  children?: ReactNode;
}) {
  const all = reasonsToShow(answer.reasons);
  const reasons = compact ? all.filter((r) => r.level !== 'info') : all;
  return (
    <div className="verdict">
      <p className="headline">
        <LevelPill level={answer.level} />{' '}
        <span className="summary plain">{answer.plain ?? answer.summary}</span>
      </p>
      {answer.self ? (
        // The user's own profile: the same advice the badge shows, from the same verdictFor.
        <section className="self-advice">
          <h3>{t('popup_self_title')}</h3>
          <ul>
            {answer.self.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {answer.self.links.map((l) => (
              <li key={l.href}>
                <a href={l.href} target="_blank" rel="noopener noreferrer">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answer.fromDefaults ? <p className="muted">{t('popup_from_defaults')}</p> : null}
      {children}
      <ChannelTable answer={answer} caption={t('popup_per_channel')} />
      {answer.assumedTimeZone ? (
        <p className="muted small time-zone">{describeAssumedZone(answer.assumedTimeZone)}</p>
      ) : null}
      {answer.matches.length > 0 ? (
        <>
          <h3>{t('popup_on_your_lists')}</h3>
          <ul className="matches">
            {answer.matches.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: matches have no id and never reorder in place
              <li key={i}>
                <strong>{m.listName}</strong>
                {m.since
                  ? t('popup_match_since', m.via, m.reason, formatDate(m.since))
                  : t('popup_match', m.via, m.reason)}
                {m.match === 'possible' ? <span className="tag">{t('popup_possible_match')}</span> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {/* Rules, citations and what to record, behind one toggle (issue 20, item 1): the sentence above says it
          in plain words, the detail says it once in legal ones. */}
      {answer.deadlines.length > 0 || reasons.length > 0 || (!compact && answer.toRecord.length > 0) ? (
        <details className="legal-detail">
          <summary>{t('popup_legal_detail')}</summary>
          {answer.deadlines.length > 0 ? (
            <>
              <h3>{t('popup_deadlines')}</h3>
              <ul>
                {answer.deadlines.map((d) => (
                  <li key={`${d.code}-${d.due}`}>
                    {describeDeadline(d)} <cite>{d.citation}</cite>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {reasons.length > 0 ? (
            <>
              <h3>{t('popup_why')}</h3>
              <ul className="reasons">
                {reasons.map((r, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: one code can appear twice with other channels
                  <li key={i} data-level={r.level}>
                    {r.message} <cite>{r.citation}</cite>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {!compact && answer.toRecord.length > 0 ? (
            <>
              <h3>{t('popup_record_to_be_sure')}</h3>
              <ul>
                {answer.toRecord.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}
