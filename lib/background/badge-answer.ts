import type { BadgeAnswer, LookupAnswer } from '../messaging/types';

/**
 * The part of an answer the on-page badge shows, which is all a content script receives: a compromised or
 * hostile page's renderer then holds no list names, match details or dates (issue 19, finding 9).
 */
export function toBadgeAnswer(a: LookupAnswer): BadgeAnswer {
  return {
    level: a.level,
    summary: a.summary,
    channels: { ...a.channels },
    reasons: a.reasons.map((r) => ({ message: r.message, citation: r.citation })),
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
