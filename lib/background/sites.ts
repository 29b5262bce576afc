const SCRIPT_ID = 'heed-granted-sites';

/**
 * Keeps the page-scan content script registered on exactly the sites the user granted in the options page
 * (optional host permissions), so those pages get markers without a click. The manifest's own hosts are left out:
 * the annotate script already runs there.
 */
export async function syncGrantedSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  const fixed = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const granted = origins.filter((o) => !fixed.has(o) && o.startsWith('https://'));
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length > 0) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: granted,
        js: ['content-scripts/scan.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}
