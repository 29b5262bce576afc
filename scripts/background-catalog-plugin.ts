import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { keysUsedIn, PAGE_KEY_PREFIXES, pickCatalog } from '../lib/i18n/background-catalog';
import { CATALOG, DYNAMIC_KEY_PREFIXES } from '../lib/i18n/catalog';

// For the background's build only (wxt.config.ts): its modules' `./catalog` becomes a catalog of the messages they
// can show (lib/i18n/background-catalog.ts says which and why). Which ones is known once every module of the bundle
// has been read, so the catalog module holds a placeholder until the bundle is written.

const CATALOG_FILE = fileURLToPath(new URL('../lib/i18n/catalog.ts', import.meta.url));
const MESSAGES_DIR = fileURLToPath(new URL('../lib/i18n/messages/', import.meta.url));
const VIRTUAL = '\0heed-background-catalog';
const PLACEHOLDER = '__HEED_BACKGROUND_CATALOG__';

export function backgroundCatalogPlugin(): Plugin {
  const sources = new Map<string, string>();
  return {
    name: 'heed-background-catalog',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !/catalog(\.ts)?$/.test(source)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved?.id === CATALOG_FILE ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return [
        // JSON.parse: a string is cheaper for V8 to read and build than the same data as object literals.
        `export const CATALOG = JSON.parse(${JSON.stringify(PLACEHOLDER)});`,
        `export const DYNAMIC_KEY_PREFIXES = ${JSON.stringify(DYNAMIC_KEY_PREFIXES)};`,
      ].join('\n');
    },
    // The modules' own source (before any transform): the key literals and template prefixes as written.
    transform(code, id) {
      if (!id.startsWith('\0') && !id.includes('/node_modules/') && !id.startsWith(MESSAGES_DIR))
        sources.set(id, code);
      return null;
    },
    generateBundle(_options, bundle) {
      const keys = keysUsedIn(
        [...sources.values()],
        Object.keys(CATALOG.en),
        DYNAMIC_KEY_PREFIXES,
        PAGE_KEY_PREFIXES,
      );
      const json = JSON.stringify(JSON.stringify(pickCatalog(CATALOG, keys)));
      let found = 0;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.code.includes(PLACEHOLDER)) continue;
        chunk.code = chunk.code.replace(new RegExp(`(["'\`])${PLACEHOLDER}\\1`, 'g'), () => {
          found++;
          return json;
        });
      }
      if (found !== 1) this.error(`the background catalog's placeholder was found ${found} times, not once`);
    },
  };
}
