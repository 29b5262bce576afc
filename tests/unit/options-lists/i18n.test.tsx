// @vitest-environment jsdom
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ImportReport } from '../../../components/options/import/ImportReport';
import { PreviewForm } from '../../../components/options/import/PreviewForm';
import { setLanguage } from '../../../lib/i18n/index';
import { shownError } from '../../../lib/i18n/shown-error';
import { loadHashers } from '../../../lib/identifiers';
import { formatDuration, scopeText } from '../../../lib/options/labels';
import { initialRoles, mappingProblem, previewTable } from '../../../lib/options/mapping';
import { parseBackup } from '../../../lib/store/backup';
import type { HeedDb } from '../../../lib/store/db';
import {
  ImportError,
  type ImportResult,
  importFile,
  type Preview,
  previewFile,
} from '../../../lib/store/import';
import { getLists } from '../../../lib/store/lists';
import { ENTRY_KIND_LABEL } from '../../../lib/vocab/labels';
import { freshDb } from '../store/helpers';

// The import wizard, its report and the errors people read, in the language the setting chooses. The store's
// errors keep an English `message` (logs, audit, tests) and are said in the page's language where shown.

const HUBSPOT = readFileSync(join(__dirname, '../../fixtures/imports/hubspot-contacts-export.csv'));
// jsdom's Blob cannot be read; the importer gets Node's, as a browser's File would be.
const blobOf = (parts: (string | Uint8Array)[]) => new NodeBlob(parts) as unknown as Blob;
const hubspot = () => blobOf([HUBSPOT]);

let db: HeedDb;
beforeAll(async () => {
  await loadHashers();
});
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  cleanup();
  db.close();
  setLanguage('en');
});

async function failure(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a failure');
}

async function importHubspot(): Promise<ImportResult> {
  return importFile(db, hubspot(), {
    target: { newList: { name: 'CRM-Abmeldungen' } },
    reason: 'unsubscribe',
    fileName: 'hubspot.csv',
  });
}

function renderPreview(preview: Preview) {
  const width = previewTable(preview, preview.hasHeader).headers.length;
  render(
    <PreviewForm
      preview={preview}
      settings={{
        encoding: 'auto',
        delimiter: 'auto',
        hasHeader: preview.hasHeader,
        roles: initialRoles(preview, width),
        target: 'new',
        newName: 'hubspot',
        existingId: '',
        reason: preview.profile.reason,
        since: '2026-03-15',
        profile: preview.profile.id,
        flags: preview.profile.flags,
        dateOrder: '',
        channels: preview.profile.channels,
        sheet: 0,
      }}
      lists={[]}
      disabled={false}
      onChange={() => {}}
      onReread={() => {}}
      onImport={() => {}}
    />,
  );
}

describe('import preview', () => {
  it('is in German when the setting says German', async () => {
    setLanguage('de');
    const p = await previewFile(hubspot(), { fileName: 'hubspot.csv' });
    expect(p.profile.label).toBe('Sieht aus wie ein HubSpot-Kontaktexport');
    expect(p.profile.notes).toContain(
      'Nur Zeilen, in denen „Unsubscribed from all email“ wahr, 1 oder ja ist, werden importiert; die übrigen werden übersprungen und gezählt.',
    );
    renderPreview(p);
    screen.getByRole('heading', { name: 'Datei prüfen' });
    screen.getByText('Sieht aus wie ein HubSpot-Kontaktexport');
    screen.getByRole('checkbox', { name: /Nur Zeilen, in denen „Unsubscribed from all email“ wahr/ });
    expect(screen.getByRole('group', { name: 'Die neue Liste sperrt' })).toBeTruthy();
    screen.getByRole('button', { name: 'Importieren' });
    screen.getByRole('combobox', { name: 'Inhalt von Spalte 4 (Email)' });
    expect(document.body.textContent).not.toMatch(/Check the file|Looks like|Only rows where/);
  });

  it('is in French when the setting says French', async () => {
    setLanguage('fr');
    const p = await previewFile(hubspot(), { fileName: 'hubspot.csv' });
    expect(p.profile.label).toBe('Ressemble à un export de contacts HubSpot');
    renderPreview(p);
    screen.getByRole('heading', { name: 'Vérifier le fichier' });
    screen.getByRole('checkbox', {
      name: /Seulement les lignes où « Unsubscribed from all email » vaut vrai/,
    });
    screen.getByRole('combobox', { name: 'Séparateur' });
    expect(screen.getByRole('combobox', { name: 'Séparateur' }).textContent).toContain(
      'Détecté : Virgule (,)',
    );
    expect(mappingProblem(['ignore'])).toBe(
      'Choisissez au moins une colonne contenant des identifiants (e-mail, hachage, domaine, URL de profil ou téléphone).',
    );
  });
});

describe('import report', () => {
  it('says what was imported in German, with German numbers and quotes', async () => {
    setLanguage('de');
    const r = await importHubspot();
    render(<ImportReport result={r} listName="CRM-Abmeldungen" fileName="hubspot.csv" onAgain={() => {}} />);
    screen.getByText('2 Einträge in „CRM-Abmeldungen“ importiert');
    screen.getByRole('rowheader', { name: 'Übersprungene Zeilen: nicht abgemeldet' });
    screen.getByRole('link', { name: 'Liste anzeigen' });
    cleanup();
    // Large counts use the German thousands separator.
    render(
      <ImportReport
        result={{ ...r, added: 19_990, rows: 20_000, ms: 1_500 }}
        listName="Acme"
        fileName="acme.csv"
        onAgain={() => {}}
      />,
    );
    screen.getByText('19.990 Einträge in „Acme“ importiert');
    screen.getByText('1,5 s');
  });

  it('says what was imported in French, one entry in the singular', async () => {
    setLanguage('fr');
    const r = await importHubspot();
    render(
      <ImportReport result={{ ...r, added: 1 }} listName="Désinscrits" fileName="x.csv" onAgain={() => {}} />,
    );
    screen.getByText('1 entrée importée dans « Désinscrits »');
    screen.getByRole('rowheader', { name: 'Lignes lues' });
    screen.getByRole('button', { name: 'Importer un autre fichier' });
    cleanup();
    render(
      <ImportReport result={{ ...r, added: 19_990 }} listName="Acme" fileName="x.csv" onAgain={() => {}} />,
    );
    // French groups thousands with a narrow no-break space.
    expect(screen.getByRole('status').textContent).toBe('19\u202f990 entrées importées dans « Acme »');
    expect(ENTRY_KIND_LABEL.phone).toBe('Téléphone');
    expect(scopeText(undefined)).toBe('Tous les canaux');
    expect(formatDuration(65_000)).toBe('1 min 5 s');
  });

  it('stays English by default', async () => {
    const r = await importHubspot();
    render(<ImportReport result={r} listName="CRM" fileName="hubspot.csv" onAgain={() => {}} />);
    screen.getByText('Imported 2 entries into “CRM”');
    expect((await getLists(db)).some((l) => l.name === 'CRM-Abmeldungen')).toBe(true);
  });
});

describe('errors people read', () => {
  it('keep line numbers and are said in the page’s language, with an English message for logs', async () => {
    const blob = blobOf(['email\n', 'a@example.com\n', '"b@example.com\n', 'c@example.com\n']);
    const e = (await failure(
      importFile(db, blob, { target: { newList: { name: 'x' } }, reason: 'objection' }),
    )) as ImportError;
    expect(e).toBeInstanceOf(ImportError);
    expect(e.details.line).toBe(3);
    expect(e.message).toMatch(/^Unterminated quote starting at line 3/);
    setLanguage('de');
    expect(shownError(e)).toBe(
      'Nicht geschlossenes Anführungszeichen ab Zeile 3: Ein Wert in Anführungszeichen endet nie. Es wurde nichts importiert.',
    );
    setLanguage('fr');
    expect(shownError(e)).toBe(
      'Guillemet non fermé à partir de la ligne 3 : une valeur entre guillemets ne se termine jamais. Rien n’a été importé.',
    );
    expect(e.message).toMatch(/^Unterminated quote/);
  });

  it('format numbers for the language and pick the plural', async () => {
    const long = blobOf(['ok@example.com\n', 'x'.repeat(5000), '\nlater@example.com\n']);
    const e = (await failure(
      importFile(db, long, { target: { newList: { name: 'z' } }, reason: 'objection', maxLineLength: 1000 }),
    )) as ImportError;
    expect(e.code).toBe('line-too-long');
    expect(e.message).toMatch(/^Line 2 is longer than 1000 characters/);
    setLanguage('de');
    expect(shownError(e)).toMatch(/^Zeile 2 ist länger als 1\.000 Zeichen: /);

    const none = blobOf(['email,unsubscribed\n', 'a@example.com,false\n']);
    setLanguage('fr');
    const n = await failure(
      importFile(db, none, { target: { newList: { name: 'y' } }, reason: 'unsubscribe' }),
    );
    expect((n as Error).message).toMatch(/^The file has 1 row, and it is not marked as opted out/);
    expect(shownError(n)).toMatch(/^Le fichier a 1 ligne, et elle n’est pas marquée comme désinscrite/);
  });

  it('of a damaged backup are said in German and French', async () => {
    const truncated = await failure(parseBackup('{"format":"heed-backup","version":1,"data":{'));
    const notHeed = await failure(parseBackup('{"hello":1}'));
    setLanguage('de');
    expect(shownError(truncated)).toBe(
      'Die Sicherungsdatei endet zu früh: Sie ist wahrscheinlich abgeschnitten. Es wurde nichts wiederhergestellt.',
    );
    expect(shownError(notHeed)).toBe('Dies ist keine Heed-Sicherungsdatei.');
    setLanguage('fr');
    expect(shownError(notHeed)).toBe('Ce n’est pas un fichier de sauvegarde Heed.');
    expect((notHeed as Error).message).toBe('This is not a Heed backup file.');
  });
});
