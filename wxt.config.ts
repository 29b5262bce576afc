import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { localeFile } from './lib/i18n/catalog';
import { LANGS } from './lib/i18n/define';
import { ANNOTATED_PAGES } from './lib/vocab';
import { backgroundCatalogPlugin } from './scripts/background-catalog-plugin';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Chromium and Firefox preload modules natively; Vite's polyfill would put a fetch() into the bundle.
  vite: () => ({
    build: {
      modulePreload: { polyfill: false },
      sourcemap: process.env.HEED_SOURCEMAP === '1',
      // bench/mark-modules.ts needs the bundler's module comments.
      ...(process.env.HEED_NOMINIFY === '1' ? { minify: false } : {}),
    },
    resolve: {
      alias: [
        // WXT's content-script context dispatches an event the page can hear and stops when the page dispatches
        // the same: ours does neither (lib/content/context.ts).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('./lib/content/context.ts', import.meta.url)),
        },
      ],
    },
  }),
  hooks: {
    // _locales/<lang>/messages.json is generated from lib/i18n/messages (the one source of every message), so the
    // browser's own i18n (the manifest's __MSG_…__, chrome.i18n.getMessage in content scripts) says the same.
    'build:publicAssets': (_wxt, files) => {
      for (const lang of LANGS)
        files.push({ relativeDest: `_locales/${lang}/messages.json`, contents: localeFile(lang) });
    },
    // The background carries only the messages it can show (lib/i18n/background-catalog.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background'))
        config.plugins = [...(config.plugins ?? []), backgroundCatalogPlugin()];
    },
    // The benchmark page ships only in `wxt build --mode bench` (npm run bench), never in the product.
    'entrypoints:resolved': (wxt, entrypoints) => {
      if (wxt.config.mode === 'bench') return;
      const i = entrypoints.findIndex((e) => e.name === 'bench');
      if (i >= 0) entrypoints.splice(i, 1);
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // sidePanel: the side-panel-only mode (Firefox's sidebar_action needs no permission).
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [...ANNOTATED_PAGES],
    optional_host_permissions: ['https://*/*'],
    content_security_policy: {
      // hash-wasm needs WebAssembly; nothing remote is ever allowed.
      extension_pages:
        "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'; connect-src 'self'; default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'",
    },
    // Chrome and Edge hand enterprise policy (3rdparty.extensions.<id>) to storage.managed only for declared keys;
    // Firefox reads policies.json's 3rdparty.Extensions without a schema (docs/admin.md).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    action: { default_title: 'Heed' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'heed@heed.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
