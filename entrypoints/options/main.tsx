import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { initLanguage } from '@/lib/i18n/init';
import { forwardStoreWrites } from '@/lib/messaging/store-changes';
import '@/components/base.css';
import './style.css';
import { appDb } from '@/lib/app-db';
import { installManagedPolicy } from '@/lib/policy/managed';
import { purgeExpiredDeletedLists } from '@/lib/store/deleted-lists';
import { requestPersistence } from '@/lib/store/quota';

// Imports, restores, deletions and settings saved on this page obey the organisation's policy.
installManagedPolicy();
// Once per load: a browser under storage pressure may otherwise evict a team's lists (Settings shows the answer).
void requestPersistence();

// Lists deleted on a page that closed while it offered their Undo: their entries go for good now.
void appDb()
  .then((db) => purgeExpiredDeletedLists(db))
  .catch(() => undefined);

// Every write this page commits reaches the background, which refreshes open badges and the toolbar.
forwardStoreWrites();

// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<OptionsApp />));
