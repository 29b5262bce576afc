import { useEffect, useRef, useState } from 'react';
import { formatDate, t, tn } from '@/lib/i18n';
import type { RecordAction, ReplyOptOut, TabPerson } from '@/lib/messaging/types';
import type { StoreCounts } from '@/lib/popup/counts';
import { type FieldErrors, formFromContact, type LawfulBasisForm } from '@/lib/popup/lawful-basis';
import type { PopupState } from '@/lib/popup/state';
import { samePerson, subjectLine } from '@/lib/popup/subject';
import type { Contact } from '@/lib/store/schemas';
import { Notices } from '../notices';
import { LawfulBasisPanel } from './LawfulBasisPanel';
import { type ListChoice, OptOutPanel, type OptOutRequest } from './OptOutPanel';
import { OverdueRequests } from './OverdueRequests';
import { QuickCheck, type QuickCheckResult } from './QuickCheck';
import { ScanButton, type ScanResult } from './ScanPanel';
import { VerdictDetails } from './Verdict';

export interface PopupActions {
  retry(): void;
  /** Records for `person`, the person the form was opened for: never whoever the tab shows at the click. */
  recordOptOut(request: OptOutRequest, person: TabPerson): Promise<void>;
  saveLawfulBasis(
    form: LawfulBasisForm,
    person: TabPerson,
    existing: Contact | undefined,
  ): Promise<FieldErrors | null>;
  /** A record form closed by itself (the tab moved on to someone else): tell the rep. */
  formClosed(message: string): void;
  quickCheck(text: string): Promise<QuickCheckResult>;
  scan(): Promise<ScanResult>;
  openOptions(): void;
}

export interface PopupViewProps {
  state: PopupState;
  counts?: StoreCounts | undefined;
  lists: readonly ListChoice[];
  /** The form to open first (from `?action=`). */
  initialPanel?: RecordAction | null;
  /**
   * Who `initialPanel`'s form is about: the person the on-page badge showed at the click. Undefined when the
   * popup was not opened from the badge (the form is about the first person shown); null when that person is
   * not known (the form does not open).
   */
  initialSubject?: TabPerson | null | undefined;
  /** Opened from a reply that asks to opt out: the form shows what matched, the reason and the deadline. */
  reply?: ReplyOptOut;
  today: string;
  actions: PopupActions;
}

function Loading() {
  return (
    <p className="state" role="status" aria-busy="true">
      {t('popup_view_loading')}
    </p>
  );
}

function Failure({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <div className="state" role="alert">
      <h2>{t('popup_view_failed')}</h2>
      <p className="error">{message}</p>
      <button type="button" className="primary" onClick={onRetry}>
        {t('popup_view_retry')}
      </button>
    </div>
  );
}

function NoPerson({
  url,
  canScan,
  onScan,
}: {
  url?: string;
  canScan: boolean;
  onScan(): Promise<ScanResult>;
}) {
  const host = (() => {
    try {
      return url ? new URL(url).host : '';
    } catch {
      return '';
    }
  })();
  return (
    <div className="state">
      <h2>{t('popup_view_no_person')}</h2>
      <p>{host ? t('popup_view_reads_not_host', host) : t('popup_view_reads')}</p>
      <p>{t('popup_view_elsewhere')}</p>
      {canScan ? <ScanButton onScan={onScan} /> : null}
    </div>
  );
}

interface OpenForm {
  which: RecordAction;
  /** Who the form records: null until a person is shown, 'unknown' when the badge's person could not be read. */
  subject: TabPerson | 'unknown' | null;
  /** Opened at once (`initialPanel`): its subject is `initialSubject` when the badge named one. */
  fromBadge: boolean;
}

/** Why an open form must close without recording: the tab no longer shows the person it was opened for. */
function whyClose(subject: TabPerson | 'unknown' | null, state: PopupState): string | null {
  if (subject === null) return null;
  if (subject === 'unknown') return t('popup_close_unknown');
  const who = subject.hints.name ?? t('popup_close_someone');
  if (state.status === 'no-person') return t('popup_close_gone', who);
  if (state.status === 'person' && !samePerson(subject, state.person)) return t('popup_close_other', who);
  return null;
}

/** The whole popup as a function of its state: no data loading here, so every state can be rendered in a test. */
export function PopupView({
  state,
  counts,
  lists,
  initialPanel = null,
  initialSubject,
  reply,
  today,
  actions,
}: PopupViewProps) {
  const [open, setOpen] = useState<OpenForm | null>(
    initialPanel ? { which: initialPanel, subject: null, fromBadge: true } : null,
  );
  const panel = open?.which ?? null;
  const setPanel = (which: RecordAction | null) =>
    setOpen(which ? { which, subject: null, fromBadge: false } : null);
  const opener = useRef<Record<RecordAction, HTMLButtonElement | null>>({
    'opt-out': null,
    'lawful-basis': null,
  });

  const close = (which: RecordAction) => {
    setPanel(null);
    requestAnimationFrame(() => opener.current[which]?.focus());
  };

  const person = state.status === 'person' ? state : null;
  const toggle = (which: RecordAction) => setPanel(panel === which ? null : which);

  // A form is about the person shown when it opened: fixed here, during render, so no frame shows it without.
  if (open && open.subject === null && person) {
    const subject =
      open.fromBadge && initialSubject !== undefined ? (initialSubject ?? 'unknown') : person.person;
    setOpen({ ...open, subject });
  }
  const subject = open?.subject && open.subject !== 'unknown' ? open.subject : null;
  const closedBecause = whyClose(open?.subject ?? null, state);
  const formClosed = useRef(actions.formClosed);
  formClosed.current = actions.formClosed;
  useEffect(() => {
    if (!closedBecause) return;
    setOpen(null);
    formClosed.current(closedBecause);
  }, [closedBecause]);

  return (
    <div className="popup">
      <header>
        <h1>Heed</h1>
        <p className="promise">{t('popup_view_promise')}</p>
      </header>
      <main>
        <OverdueRequests today={today} />
        {/* First, so that it is seen without scrolling (issue 20, item 8). */}
        {state.status !== 'loading' ? <QuickCheck onCheck={actions.quickCheck} /> : null}
        {/* After a save the form closes: focus goes to the outcome (and its Undo) instead of to the body. */}
        <Notices className="notice" focusNew />
        {state.status === 'loading' ? <Loading /> : null}
        {state.status === 'error' ? <Failure message={state.message} onRetry={actions.retry} /> : null}
        {state.status === 'no-person' ? (
          <NoPerson
            {...(state.url ? { url: state.url } : {})}
            canScan={state.tabId !== null}
            onScan={actions.scan}
          />
        ) : null}
        {person ? (
          <section aria-labelledby="person-h">
            <h2 id="person-h">{person.person.hints.name ?? t('popup_view_this_person')}</h2>
            <VerdictDetails answer={person.answer}>
              {person.pastRetention ? (
                // GDPR Art. 5(1)(e): a record kept past its period must go, or be kept on a fresh basis.
                <p className="retention-due" role="note">
                  {t('popup_retention_due', formatDate(person.pastRetention))}
                </p>
              ) : null}
              <div className="actions">
                <button
                  type="button"
                  className="primary"
                  ref={(el) => {
                    opener.current['opt-out'] = el;
                  }}
                  aria-expanded={panel === 'opt-out'}
                  onClick={() => toggle('opt-out')}
                >
                  {t('popup_view_record_optout')}
                </button>
                <button
                  type="button"
                  ref={(el) => {
                    opener.current['lawful-basis'] = el;
                  }}
                  aria-expanded={panel === 'lawful-basis'}
                  onClick={() => toggle('lawful-basis')}
                >
                  {person.answer.hasContact ? t('popup_view_edit_basis') : t('popup_view_record_basis')}
                </button>
              </div>
              {subject && !closedBecause ? (
                <p className="small value subject">
                  {/* Fixed when the form opened: the page can change, what this form records cannot. */}
                  {t('popup_view_records_for', subjectLine(subject))}
                </p>
              ) : null}
              {panel === 'opt-out' && subject && !closedBecause ? (
                <OptOutPanel
                  lists={lists}
                  hasEmails={subject.identifiers.emails.length > 0}
                  {...(reply ? { reply } : {})}
                  onRecord={async (r) => {
                    await actions.recordOptOut(r, subject);
                    setPanel(null);
                  }}
                  onCancel={() => close('opt-out')}
                />
              ) : null}
              {panel === 'lawful-basis' && subject && !closedBecause ? (
                <LawfulBasisPanel
                  // A new contact record (after a save or undo) starts the form from what is stored.
                  key={person.contact?.updatedAt ?? 'new'}
                  initial={formFromContact(person.contact, subject)}
                  hasContact={person.contact !== undefined}
                  pageEmployer={subject.hints.employer}
                  today={today}
                  onSave={async (form) => {
                    // The contact shown belongs to the form's person: a different person closes the form first.
                    const errors = await actions.saveLawfulBasis(form, subject, person.contact);
                    if (!errors) setPanel(null);
                    return errors;
                  }}
                  onCancel={() => close('lawful-basis')}
                />
              ) : null}
            </VerdictDetails>
          </section>
        ) : null}
      </main>
      <footer>
        <p>
          {counts
            ? t(
                'popup_view_counts',
                tn('popup_view_lists', counts.lists),
                tn('popup_view_entries', counts.entries),
                tn('popup_view_contacts', counts.contacts),
              )
            : t('popup_view_counting')}
        </p>
        <a
          href="/options.html"
          onClick={(e) => {
            e.preventDefault();
            actions.openOptions();
          }}
        >
          {t('popup_view_options')}
        </a>
        <a href="/mydata.html" target="_blank" rel="noreferrer">
          {t('popup_view_mydata')}
        </a>
      </footer>
    </div>
  );
}
