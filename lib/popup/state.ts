import { shownError } from '../i18n/shown-error';
import type { LookupAnswer, TabPerson, TabState } from '../messaging/types';
import type { Contact } from '../store/schemas';
import type { PersonVerdict } from '../verdict/verdict-for';

/** Everything the popup can be showing; 'unknown' is a `person` whose answer comes from the default policy. */
export type PopupState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'no-person'; tabId: number | null; url?: string }
  | {
      status: 'person';
      tabId: number;
      person: TabPerson;
      answer: LookupAnswer;
      /** The recorded contact holding any of the person's identifiers, for the lawful-basis form. */
      contact?: Contact;
      /** The contact record is past retention since this date: the popup says so under the verdict. */
      pastRetention?: string;
      url?: string;
    };

export type { PersonVerdict };

export interface LoadDeps {
  tabState(tabId: number): Promise<TabState>;
  /** The verdict computed now, from the store, so it reflects a write made a moment ago. */
  verdict(person: TabPerson): Promise<PersonVerdict>;
}

/** Loads the popup's state for a tab; never throws (a failure is the 'error' state, with its message). */
export async function loadPopupState(tabId: number | null, deps: LoadDeps): Promise<PopupState> {
  if (tabId === null) return { status: 'no-person', tabId: null };
  try {
    const tab = await deps.tabState(tabId);
    const url = tab.url !== undefined ? { url: tab.url } : {};
    if (!tab.person) return { status: 'no-person', tabId, ...url };
    const { answer, contact, pastRetention } = await deps.verdict(tab.person);
    return {
      status: 'person',
      tabId,
      person: tab.person,
      answer,
      ...(contact ? { contact } : {}),
      ...(pastRetention ? { pastRetention } : {}),
      ...url,
    };
  } catch (err) {
    return { status: 'error', message: shownError(err) };
  }
}
