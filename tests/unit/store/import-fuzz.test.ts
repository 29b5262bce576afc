import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addEntries } from '../../../lib/store/entries';
import { ImportError, importFile } from '../../../lib/store/import';
import { createList } from '../../../lib/store/lists';
import { blobOf, dump, freshDb } from './helpers';

// Pieces that stress the importer: identifiers, delimiters, quotes, line ends, invisible and odd characters,
// binary bytes. Random files built from them must either import or fail whole with an ImportError.
const token = fc.oneof(
  fc.constantFrom(
    'a@b.example',
    'Name <x@y.example>',
    'mailto:m@n.example',
    'D41D8CD98F00B204E9800998ECF8427E',
    '.example.org',
    'https://www.linkedin.com/in/someone/',
    '+44 20 7946 0958',
    'email',
    'md5',
    'reason',
    ',',
    ';',
    '\t',
    '|',
    '"',
    '""',
    '\n',
    '\r\n',
    '\r',
    '\u200b',
    '\u00a0',
    'İ',
    'ß',
    '\ud800',
    '=cmd()',
    'sep=;',
    '\u0000',
  ),
  fc.string({ maxLength: 12 }),
);
const file = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
const bytes = fc.uint8Array({ maxLength: 200 });

describe('importer fuzz', () => {
  it('never leaves a partial list: every random file imports whole or fails with an ImportError and changes nothing', async () => {
    const db = await freshDb();
    const list = await createList(db, { name: 'Existing' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'kept@before.example' }], { reason: 'objection' });
    let imported = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          file.map((s) => blobOf([s])),
          bytes.map((b) => blobOf([b])),
        ),
        async (blob) => {
          const before = await dump(db);
          try {
            const r = await importFile(db, blob, { target: { listId: list.id }, reason: 'unsubscribe' });
            imported++;
            expect(r.added + r.alreadyPresent + r.duplicatesInFile).toBeGreaterThan(0);
            expect(r.rejectedRows.every((row) => row.line >= 1)).toBe(true);
          } catch (err) {
            refused++;
            expect(err).toBeInstanceOf(ImportError);
            expect(await dump(db)).toEqual(before);
          }
          const kept = (await db.lists.get(list.id))?.counts.total ?? 0;
          expect(kept).toBeGreaterThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
    // Both outcomes were exercised, or the property proved little.
    expect(imported).toBeGreaterThan(5);
    expect(refused).toBeGreaterThan(5);
  });
});
