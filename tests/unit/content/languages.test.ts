// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBadge } from '@/lib/badge/badge';
import { createMarker } from '@/lib/badge/marker';
import { createSendCheck } from '@/lib/compose/view';
import { createRowMarker } from '@/lib/content/row-marker';
import { setLanguage } from '@/lib/i18n';
import { resetPageStrings } from '@/lib/i18n/page';
import { pageStringsFor } from '@/lib/i18n/page-table';
import type { BadgeAnswer } from '@/lib/messaging/types';
import { createOffer } from '@/lib/replies/offer';
import { phraseById } from '@/lib/replies/phrases';

// Content scripts show the words the background sent for the settings' language (lib/i18n/page): here the
// background's table for German or French, as loadPageStrings would receive it.

const answer: BadgeAnswer = {
  level: 'high',
  summary: 'Vor jedem Kontakt prüfen.',
  channels: { email: 'blocked', sms: 'check', phone: 'allowed', post: 'check', inmail: 'blocked' },
  reasons: [{ message: 'Sie haben der Werbung widersprochen', citation: 'GDPR Art. 21(3)' }],
  toRecord: [],
  fromDefaults: false,
  onLists: { exact: 1, possible: 2 },
  deadlines: 2,
};

/** Every closed root created while `make` runs (a test-only door: jsdom lets us wrap attachShadow). */
function roots(make: () => void): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = original.call(this, init);
    out.push(root);
    return root;
  });
  make();
  return out;
}

/** The words a closed root shows: generated content from `data-t` (and the row pill's `data-label`). */
function words(root: ShadowRoot): string[] {
  return [...root.querySelectorAll('[data-t], [data-label]')].map(
    (e) => e.getAttribute('data-t') ?? e.getAttribute('data-label') ?? '',
  );
}

const ENGLISH = /Channels|Record opt-out|Legal detail|of your lists|deadlines run|Why|Checking/;

describe('content scripts in the language of the settings', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetPageStrings();
    setLanguage('en');
    document.body.replaceChildren();
  });

  it('the badge in German: level, channels, lists, plural deadlines, buttons and its accessible names', () => {
    resetPageStrings(pageStringsFor('de'));
    let badge!: ReturnType<typeof createBadge>;
    const [root] = roots(() => {
      badge = createBadge(document, () => undefined);
    });
    if (!root) throw new Error('no shadow root');
    expect(words(root)).toContain('Heed…');
    expect(words(root)).toContain('Ihre Listen werden geprüft…');
    badge.update({ state: 'answer', answer });
    const shown = words(root);
    for (const w of [
      'Hohes Risiko',
      'Kanäle',
      'E-Mail',
      'Gesperrt',
      'Prüfen',
      'Erlaubt',
      'Auf 1 Ihrer Listen.',
      'Mögliche Übereinstimmung auf 2 Listen (eine Variante der Adresse).',
      '2 Fristen laufen: Daten im Heed-Popup.',
      'Widerspruch erfassen',
      'Rechtsgrundlage erfassen',
      'Rechtliche Details',
      'Sie haben der Werbung widersprochen',
    ])
      expect(shown, w).toContain(w);
    expect(shown.join(' ')).not.toMatch(ENGLISH);
    expect(root.querySelector('.pill')?.getAttribute('aria-label')).toBe(
      'Heed: Hohes Risiko. Vor jedem Kontakt prüfen.',
    );
    expect(root.querySelector('.panel')?.getAttribute('aria-label')).toBe('Heed-Einschätzung');
    badge.update({ state: 'error', message: 'x' });
    expect(words(root)).toContain('Heed konnte diese Person nicht prüfen: x');
  });

  it('the row marker and the scan marker in French', () => {
    resetPageStrings(pageStringsFor('fr'));
    let row!: ReturnType<typeof createRowMarker>;
    const [rowRoot, markRoot, mineRoot] = roots(() => {
      row = createRowMarker(document);
      createMarker(document, { value: 'a@b.example', level: 'blocked', summary: 'Ne pas contacter.' });
      createMarker(document, { value: 'me@b.example', level: 'ok', summary: '', mine: true });
    });
    if (!rowRoot || !markRoot || !mineRoot) throw new Error('no shadow root');
    row.update({ state: 'answer', answer: { ...answer, deadlines: 1, onLists: { exact: 0, possible: 1 } } });
    const shown = words(rowRoot);
    expect(shown).toContain('Risque élevé');
    expect(shown).toContain('Canaux');
    expect(shown).toContain('E-mail : Bloqué');
    expect(shown).toContain('Correspondance possible sur 1 liste (une variante de l’adresse).');
    expect(shown).toContain('1 délai en cours : dates dans la fenêtre de Heed.');
    expect(shown.join(' ')).not.toMatch(ENGLISH);
    expect(words(markRoot)).toEqual(['Bloqué']);
    expect(markRoot.querySelector('span')?.getAttribute('title')).toBe(
      'Heed : a@b.example — Bloqué. Ne pas contacter.',
    );
    expect(words(mineRoot)).toEqual(['À vous']);
  });

  it('the send check and its stop dialog in German', () => {
    resetPageStrings(pageStringsFor('de'));
    let el!: ReturnType<typeof createSendCheck>;
    const [root] = roots(() => {
      el = createSendCheck(document);
    });
    if (!root) throw new Error('no shadow root');
    document.body.append(el.host);
    const ada = {
      label: 'ada@example.com',
      state: 'blocked' as const,
      summary: 'Gesperrt: Sie haben sich abgemeldet',
      reasons: [{ message: 'Sie haben sich abgemeldet', citation: 'PECR reg. 22' }],
      matches: [
        { listName: 'Abmeldungen', via: 'email', reason: 'unsubscribed', since: '2026-11-17T09:00:00Z' },
      ],
    };
    el.update({ state: 'blocked', pending: false, recipients: [ada, { ...ada, label: 'bob@example.com' }] });
    expect(words(root)).toContain('Gesperrt · 2');
    expect(words(root)).toContain('Auf „Abmeldungen“ (email): unsubscribed, seit 17.11.2026');
    expect(root.querySelector('.pill')?.getAttribute('aria-label')).toMatch(
      /^Heed-Versandprüfung: Gesperrt\./,
    );
    // jsdom has no showModal: the dialog's words are in place before it would open.
    (root.querySelector('dialog') as HTMLDialogElement).showModal = () => undefined;
    el.stop({
      stopping: [ada],
      canRemove: true,
      onRemove: () => undefined,
      onBack: () => undefined,
      onSendAnyway: async () => null,
    });
    const shown = words(root);
    for (const w of [
      'Heed hat diese Nachricht angehalten',
      'Laut Ihren Unterlagen darf dies nicht gesendet werden an:',
      'Diesen Empfänger entfernen',
      'Zurück',
      'Trotzdem senden',
    ])
      expect(shown, w).toContain(w);
    expect(root.querySelector('textarea')?.getAttribute('aria-label')).toBe(
      'Grund, trotzdem zu senden (mindestens 10 Zeichen)',
    );
  });

  it('the opt-out offer in French, with the dates as French writes them', () => {
    resetPageStrings(pageStringsFor('fr'));
    const phrase = phraseById('en.remove-me');
    if (!phrase) throw new Error('no phrase');
    const [root] = roots(() => {
      createOffer(
        document,
        { sender: { email: 'x@y.example' }, since: '2026-11-27', phraseId: phrase.id, reason: 'objection' },
        phrase,
        () => undefined,
      );
    });
    if (!root) throw new Error('no shadow root');
    const shown = words(root);
    expect(shown).toContain('Heed : demande d’opposition ?');
    expect(shown).toContain('Motif : Opposition à la prospection commerciale · depuis le 27 nov. 2026');
    expect(shown.some((w) => w.includes('au plus tard le 11 déc. 2026'))).toBe(true);
    expect(shown).toContain('Enregistrer l’opposition');
    expect(shown.join(' ')).not.toMatch(/honour|Record|Nothing is recorded/);
  });
});
