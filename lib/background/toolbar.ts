import { LEVEL_COLOUR, LEVEL_WORD } from '../badge/words';
import type { BadgeLevel, LookupAnswer } from '../messaging/types';

const TEXT: Record<BadgeLevel, string> = {
  blocked: 'NO',
  high: 'HIGH',
  caution: 'WARN',
  ok: 'OK',
  unknown: '?',
};

/** The toolbar icon's badge text, colour and tooltip for a tab: the verdict without looking at the page. */
export function toolbarFor(answer: LookupAnswer | null): { text: string; colour: string; title: string } {
  if (!answer) return { text: '', colour: '#667085', title: 'Heed: no person recognised on this page' };
  return {
    text: TEXT[answer.level],
    colour: LEVEL_COLOUR[answer.level],
    title: `Heed: ${LEVEL_WORD[answer.level]} — ${answer.summary}`,
  };
}
