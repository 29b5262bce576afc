import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CATALOG } from '@/lib/i18n/catalog';
import { substitute } from '@/lib/i18n/define';

// A browser in English answers chrome.i18n.getMessage from _locales/en (generated from the catalog at build time);
// the fake browser has no i18n, so content scripts' words (lib/i18n/page) read it from here, as they would in Chrome.
function install(): void {
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
    substitute(
      (CATALOG.en as Record<string, string>)[key] ?? '',
      subs === undefined ? [] : [subs].flat(),
    )) as typeof fakeBrowser.i18n.getMessage;
}
install();
beforeEach(install);
