// The local store and list engine. Pages and the background import from here; nothing in it talks to the
// network, and the database lives in the extension's own origin.
export * from './audit';
export * from './backup';
export * from './buckets';
export * from './commit';
export * from './contacts';
export * from './csv-cells';
export * from './db';
export * from './entries';
export * from './export';
export * from './import';
export * from './lists';
export * from './lookup';
export * from './policy-guard';
export * from './retention';
export * from './schemas';
export * from './settings';
