import { getLanguage } from '../i18n';
import { localReason } from '../i18n/reasons';
import type { BadgeAnswer, LookupAnswer } from '../messaging/types';
import { pageSummary, plainSentence } from '../verdict/plain';

/**
 * The part of an answer the on-page badge shows, which is all a content script receives: a compromised or
 * hostile page's renderer then holds no list names, match details or dates (issue 19, finding 9).
 */
export function toBadgeAnswer(a: LookupAnswer): BadgeAnswer {
  // A possible match's summary and reason name the lists ("Possible match on A, B — …", lib/verdict/answer.ts):
  // the badge says "one of your lists" there instead, as it does for an exact match. Only that exact phrase is
  // replaced, so a list called "Post" cannot change the words of an unrelated reason.
  const possibleLists = [...new Set(a.matches.filter((m) => m.match === 'possible').map((m) => m.listName))];
  const joined = possibleLists.join(', ');
  const unnamed = (text: string, prefix: string): string =>
    joined && text.includes(`${prefix}${joined}`)
      ? text.split(`${prefix}${joined}`).join(`${prefix}one of your lists`)
      : text;
  // German and French show each reason's code message (which names no list) and the plain sentence as summary.
  const english = getLanguage() === 'en';
  return {
    level: a.level,
    summary: english ? unnamed(a.summary, 'Possible match on ') : pageSummary(a),
    // Rebuilt without the matches, so no opt-out date reaches the page (the popup's sentence has it).
    ...(a.plain !== undefined ? { plain: plainSentence({ ...a, matches: [] }) } : {}),
    channels: { ...a.channels },
    // One line per distinct reason: the engine may raise the same finding once per rule (issue 20: no reason twice).
    reasons: [
      ...new Map(
        a.reasons.map((r) => {
          const message = !english
            ? localReason({ code: r.code, text: r.message })
            : r.code === 'possible-match'
              ? unnamed(r.message, 'is on ')
              : r.message;
          return [`${message}\u0000${r.citation}`, { message, citation: r.citation }] as const;
        }),
      ).values(),
    ],
    toRecord: [...a.toRecord],
    fromDefaults: a.fromDefaults,
    onLists: {
      exact: a.matches.filter((m) => m.match === 'exact').length,
      possible: a.matches.filter((m) => m.match === 'possible').length,
    },
    deadlines: a.deadlines.length,
    ...(a.self ? { self: { lines: [...a.self.lines], links: a.self.links.map((l) => ({ ...l })) } } : {}),
  };
}
