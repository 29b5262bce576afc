import { describe, expect, it } from 'vitest';
import { detectOptOut, ownWords, PHRASES, phraseById } from '../../../lib/replies/phrases';

const id = (text: string) => detectOptOut(text)?.id ?? null;

describe('detectOptOut: requests, per language, with the right reason', () => {
  it.each([
    // English
    ['Unsubscribe', 'en.unsubscribe'],
    ['Please unsubscribe me.', 'en.unsubscribe'],
    ['Thanks for the call. Please remove me from your mailing list.', 'en.remove-me'],
    ['Can you take me off your list?', 'en.remove-me'],
    ['Please take me off, thanks.', 'en.take-me-off'],
    ['Please stop contacting me.', 'en.stop-contacting'],
    ["Don't contact me again.", 'en.do-not-contact'],
    ['No more emails please', 'en.no-more-emails'],
    ['I want to opt out', 'en.opt-out'],
    // German
    ['Bitte keine Werbung mehr.', 'de.keine-werbung'],
    ['Bitte nicht mehr kontaktieren!', 'de.nicht-kontaktieren'],
    ['Kontaktieren Sie mich bitte nicht.', 'de.nicht-kontaktieren'],
    ['Bitte aus Ihrem Verteiler entfernen.', 'de.abmelden'],
    ['Ich widerspreche der Nutzung meiner Daten für Werbung.', 'de.widerspruch'],
    // French
    ['Merci de me désinscrire.', 'fr.desinscrire'],
    ['Merci de ne plus me contacter.', 'fr.ne-plus-contacter'],
    ['Ne me contactez plus.', 'fr.ne-plus-contacter'],
    ['Retirez-moi de votre liste.', 'fr.desinscrire'],
    // Spanish
    ['Quiero darme de baja.', 'es.darse-de-baja'],
    ['Por favor, no me contacten más.', 'es.no-contacten'],
    ['Dejen de escribirme.', 'es.no-contacten'],
    // Dutch
    ['Graag afmelden.', 'nl.afmelden'],
    ['Wilt u mij niet meer benaderen?', 'nl.niet-benaderen'],
    ['Verwijder mij uit uw bestand.', 'nl.afmelden'],
    // Italian
    ['Cancellami dalla lista, grazie.', 'it.cancellami'],
    ['Non contattatemi più.', 'it.non-contattatemi'],
    ['Smettete di scrivermi.', 'it.non-contattatemi'],
  ])('%s → %s', (text, want) => {
    expect(id(text)).toBe(want);
  });

  it('maps objections and unsubscribes to their reasons', () => {
    expect(phraseById('en.stop-contacting')?.reason).toBe('objection');
    expect(phraseById('de.keine-werbung')?.reason).toBe('objection');
    expect(phraseById('en.remove-me')?.reason).toBe('unsubscribe');
    expect(phraseById('it.cancellami')?.reason).toBe('unsubscribe');
    expect(new Set(PHRASES.map((p) => p.lang))).toEqual(new Set(['en', 'de', 'fr', 'es', 'nl', 'it']));
    expect(new Set(PHRASES.map((p) => p.id)).size).toBe(PHRASES.length);
  });
});

describe('detectOptOut: false positives', () => {
  it.each([
    // Support questions and someone else being unsubscribed
    'How do I unsubscribe my team from X?',
    'How can I unsubscribe from the product updates?',
    'Wie kann ich mich vom Newsletter abmelden?',
    'Comment puis-je me désinscrire de la newsletter ?',
    '¿Cómo puedo darme de baja de la newsletter?',
    'Hoe kan ik me afmelden voor de nieuwsbrief?',
    'Come posso disiscrivermi dalla newsletter?',
    'Please unsubscribe our users from the beta channel.',
    // Footers and instructions
    'To unsubscribe, click here.',
    'If you no longer wish to receive these emails, unsubscribe here.',
    'Zum Abmelden klicken Sie hier.',
    'Pour vous désinscrire, cliquez ici.',
    'Para darse de baja haga clic aquí.',
    'Klik hier om je af te melden.',
    'Per cancellarti clicca qui.',
    // Negated
    "Please don't unsubscribe me, I love these.",
    // Interest, not an opt-out
    'Sounds good, let us talk on Tuesday. Send me more details.',
    'Our contact list is in the CRM; remove the duplicates please.',
  ])('%s → nothing', (text) => {
    expect(id(text)).toBeNull();
  });

  it('ignores quoted history (the rep’s own earlier message) and the signature', () => {
    const reply = [
      'Thanks, sounds interesting. Let us talk next week.',
      '',
      'On Mon, 23 Nov 2026 at 10:00, Sam Rep <sam@acme-sales.example> wrote:',
      '> Hi Jane, if you would rather not hear from me, reply "unsubscribe".',
      '> Please stop contacting me is what some say.',
    ].join('\n');
    expect(id(reply)).toBeNull();
    expect(id('Great.\n--\nJane Doe | Acme\nUnsubscribe from our newsletter: acme.example/u')).toBeNull();
    expect(id('> unsubscribe\nSee you Monday')).toBeNull();
    expect(id('Bitte keine Werbung.\n\nAm 23.11.2026 schrieb Sam Rep:\n> Angebot')).toBe('de.keine-werbung');
    expect(id('Hallo\n-----Original Message-----\nFrom: sam\nPlease remove me from your list')).toBeNull();
    expect(ownWords('Hi\nVon: Sam\nText')).toBe('hi');
  });
});
