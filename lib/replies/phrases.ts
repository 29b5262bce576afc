// Opt-out requests in replies, in the six languages reps write to most. The phrases are curated, not learnt: a
// false "opt-out" costs a click on Dismiss, a missed one costs a complaint, so each entry is a request a person
// makes about themself. Heed only ever offers to record; the rep decides.

export type OptOutReason = 'objection' | 'unsubscribe';
export type Lang = 'en' | 'de' | 'fr' | 'es' | 'nl' | 'it';

export interface Phrase {
  /** Stable id, sent to the popup instead of any message text: `<lang>.<name>`. */
  id: string;
  lang: Lang;
  /** Shown to the rep as what matched (the curated phrase, not the message's words). */
  label: string;
  reason: OptOutReason;
  re: RegExp;
}

const p = (id: string, label: string, reason: OptOutReason, re: RegExp): Phrase => ({
  id,
  lang: id.slice(0, 2) as Lang,
  label,
  reason,
  re,
});

// Unsubscribing ends one stream of mail; an objection (GDPR Art. 21(2)) ends all direct marketing.
export const PHRASES: readonly Phrase[] = [
  p(
    'en.remove-me',
    'remove me from your list',
    'unsubscribe',
    /\b(?:remove|delete|take)\s+(?:me|my\s+(?:e-?mail|address|details|name))\s+(?:from|off)\s+(?:your|the|this|all|any)?\s*(?:mailing\s+|e-?mail\s+|contact\s+|distribution\s+|marketing\s+)?(?:lists?|database|records|system)\b/,
  ),
  p('en.take-me-off', 'take me off your list', 'unsubscribe', /\btake\s+me\s+off\b/),
  p('en.unsubscribe', 'unsubscribe', 'unsubscribe', /\bunsubscrib(?:e|ed|ing)\b/),
  p('en.opt-out', 'opt out', 'unsubscribe', /\bopt(?:ing)?[\s-]?(?:me\s+)?out\b/),
  p(
    'en.stop-contacting',
    'please stop contacting me',
    'objection',
    /\b(?:stop|cease|quit)\s+(?:contacting|e-?mailing|messaging|calling|writing\s+to|reaching\s+out\s+to|spamming)\s+me\b/,
  ),
  p(
    'en.do-not-contact',
    'do not contact me',
    'objection',
    /\b(?:do\s+not|don'?t|never)\s+(?:contact|e-?mail|message|call|write\s+to)\s+me\b/,
  ),
  p(
    'en.no-more-emails',
    'no more emails',
    'objection',
    /\b(?:no\s+(?:more|further)|(?:do\s+not|don'?t)\s+(?:want|wish)\s+to\s+receive\s+(?:any\s+)?(?:more|further)?)\s*(?:e-?mails|messages|marketing|sales\s+e-?mails)\b/,
  ),
  p(
    'de.keine-werbung',
    'bitte keine Werbung',
    'objection',
    /\bkeine\s+(?:weiteren?\s+)?(?:werbung|werbemails?|werbe-?e-?mails?|e-?mails|nachrichten|newsletter|angebote)\b/,
  ),
  p(
    'de.nicht-kontaktieren',
    'bitte nicht mehr kontaktieren',
    'objection',
    /\bnicht\s+mehr\s+(?:zu\s+)?(?:kontaktieren|anschreiben|anrufen|belästigen)\b|\b(?:kontaktieren|schreiben)\s+sie\s+mich\s+(?:bitte\s+)?nicht\b/,
  ),
  p('de.widerspruch', 'ich widerspreche', 'objection', /\bwiderspreche\b|\bwiderspruch\s+gegen\b/),
  p(
    'de.abmelden',
    'abmelden / austragen',
    'unsubscribe',
    /\babmelden\b|\bmelden\s+sie\s+mich\s+(?:bitte\s+)?ab\b|\babbestellen\b|\baustragen\b|\btragen\s+sie\s+mich\s+(?:bitte\s+)?aus\b|\baus\s+(?:ihrem|ihrer|dem|der|eurem|eurer)\s+(?:verteiler|liste|mailingliste|datenbank)\s+(?:entfernen|löschen|streichen|nehmen)\b/,
  ),
  p(
    'fr.ne-plus-contacter',
    'ne plus me contacter',
    'objection',
    /\bne\s+plus\s+me\s+(?:contacter|solliciter|écrire|relancer)\b|\bne\s+me\s+(?:contactez|sollicitez|écrivez|relancez)\s+plus\b|\barrêtez\s+de\s+me\s+(?:contacter|solliciter|relancer|écrire)\b|\bje\s+ne\s+(?:souhaite|veux)\s+plus\s+(?:recevoir|être\s+contacté)|\bje\s+m'oppose\b/,
  ),
  p(
    'fr.desinscrire',
    'désinscrire',
    'unsubscribe',
    /\bd[ée]sinscri(?:re|vez|s|t|ption)|\bd[ée]sabonn(?:er|ez)\b|\b(?:retirez|supprimez|enlevez)-?\s?moi\s+de\b/,
  ),
  p(
    'es.no-contacten',
    'no me contacten',
    'objection',
    /\bno\s+me\s+(?:contacten|contactes|contactéis|escriban|escribas|llamen|vuelvan\s+a\s+(?:contactar|escribir))\b|\bdejen\s+de\s+(?:contactarme|escribirme|llamarme|enviarme)\b|\bno\s+quiero\s+recibir\s+más\b/,
  ),
  p(
    'es.darse-de-baja',
    'darse de baja',
    'unsubscribe',
    /\bdar(?:se|me)\s+de\s+baja\b|\b(?:den|dad|denme|dadme|deme)\s+de\s+baja\b|\b(?:eliminarme|quitarme|borrarme|sacarme)\s+de\s+(?:su|tu|vuestra|la)\s+(?:lista|base\s+de\s+datos)\b|\b(?:elimínenme|quítenme|bórrenme|sáquenme)\b/,
  ),
  p(
    'nl.niet-benaderen',
    'niet meer benaderen',
    'objection',
    /\bniet\s+meer\s+(?:benaderen|benaderd|contacteren|mailen|bellen)\b|\bbenader\s+(?:mij|me)\s+niet\s+meer\b|\bneem\s+geen\s+contact\s+(?:meer\s+)?(?:met\s+(?:mij|me)\s+)?op\b|\bgeen\s+(?:e-?mails|berichten|contact)\s+meer\b/,
  ),
  p(
    'nl.afmelden',
    'afmelden',
    'unsubscribe',
    /\bafmelden\b|\bmeld\s+(?:mij|me)\s+(?:a\.?u\.?b\.?\s+)?af\b|\buitschrijven\b|\bschrijf\s+(?:mij|me)\s+uit\b|\bverwijder\s+(?:mij|me|mijn\s+gegevens)\s+(?:uit|van)\b/,
  ),
  p(
    'it.non-contattatemi',
    'non contattatemi più',
    'objection',
    /\bnon\s+(?:contattatemi|contattarmi|scrivetemi|scrivermi|chiamatemi)\b|\bsmettete(?:la)?\s+di\s+(?:contattarmi|scrivermi)\b|\bnon\s+voglio\s+più\s+(?:ricevere|essere\s+contattat[oa])\b/,
  ),
  p(
    'it.cancellami',
    'cancellami',
    'unsubscribe',
    /\bcancella(?:mi|temi)\b|\bdisiscriver(?:mi|si)\b|\bdisiscrivetemi\b|\brimuove(?:temi|rmi)\s+dalla\b|\bdisiscrizione\b/,
  ),
];

// Sentences that mention opting out without asking for it: how-to questions, instructions and footers, someone
// else being unsubscribed, a negated request.
const HOW_QUESTION =
  /\b(?:how\s+(?:do|can|could|would|to)|where\s+(?:do|can)|wie\s+(?:kann|können|melde)|comment\s+(?:puis|peut|pouvons|faire|se)|c[óo]mo\s+(?:puedo|se|podemos|hago)|hoe\s+(?:kan|kunnen|meld)|come\s+(?:posso|si|possiamo))\b/;
const INSTRUCTION =
  /\b(?:click|klicken|klick|cliquez|cliquer|haga\s+clic|pulse|klik|clicca|here\s+to|to\s+unsubscribe|zum\s+abmelden|um\s+sich\s+abzumelden|pour\s+vous\s+d[ée]s|para\s+darse|para\s+dejar|om\s+(?:je|u)\s+af\s+te\s+melden|per\s+(?:cancellarti|disiscriverti)|manage\s+(?:your\s+)?(?:preferences|subscription)|if\s+you|you\s+can|you\s+may|wenn\s+sie|falls\s+sie|si\s+vous|si\s+usted|si\s+no\s+desea|als\s+u|indien\s+u|se\s+non|se\s+desideri|this\s+(?:e-?mail|message)\s+was\s+sent)\b/;
const OTHERS =
  /\b(?:my|our)\s+(?:team|colleagues?|users?|customers?|clients?|staff|employees?|company|members?)\b|\bunsubscribe\s+(?:him|her|them|everyone|all)\b|\b(?:mein|unser)\s+team\b|\bmon\s+équipe\b|\bmi\s+equipo\b|\bmijn\s+team\b|\bil\s+mio\s+team\b/;
const NEGATED =
  /\b(?:don'?t|do\s+not|no\s+need\s+to|never)\s+(?:\w+\s+){0,2}(?:unsubscribe|remove|take\s+me\s+off)\b|\bnicht\s+(?:ab|aus)(?:melden|tragen)\b/;

const QUOTE_START = [
  /^on\s.+\bwrote:?$/,
  /^am\s.+\bschrieb\b.*:?$/,
  /^le\s.+\ba\s+écrit\s*:?$/,
  /^el\s.+\bescribió:?$/,
  /^op\s.+\bschreef\b.*:?$/,
  /^il\s.+\bha\s+scritto:?$/,
  /^-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|mensaje original|oorspronkelijk bericht|messaggio originale)/,
  /^(?:from|von|de|van|da):\s/,
  /^_{5,}$/,
  /^--\s*$/,
];

function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u00a0\u2000-\u200b]/g, ' ');
}

/** The part of a reply its sender wrote: quoted history (`>` lines, "On … wrote:", Outlook headers) and signature cut. */
export function ownWords(text: string): string {
  const out: string[] = [];
  for (const raw of normalise(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (QUOTE_START.some((re) => re.test(line))) break;
    if (line.startsWith('>')) continue;
    out.push(line);
  }
  return out.join('\n');
}

export interface OptOutMatch {
  phrase: Phrase;
}

/**
 * The first curated opt-out request in a reply's own words, or null. Each sentence is judged by itself, so
 * "Great call. Please remove me from your list." matches and "How do I unsubscribe my team from X?" does not.
 */
export function detectOptOut(text: string): Phrase | null {
  const sentences = ownWords(text)
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 200);
  for (const s of sentences) {
    if (s.length > 400) continue;
    if (INSTRUCTION.test(s) || OTHERS.test(s) || NEGATED.test(s)) continue;
    if (s.endsWith('?') && HOW_QUESTION.test(s)) continue;
    const hit = PHRASES.find((ph) => ph.re.test(s));
    if (hit) return hit;
  }
  return null;
}

export function phraseById(id: string): Phrase | undefined {
  return PHRASES.find((ph) => ph.id === id);
}
