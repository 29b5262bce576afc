import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { initLanguage } from '@/lib/i18n/init';
import '@/components/base.css';
import './style.css';
import { installManagedPolicy } from '@/lib/policy/managed';
import { requestPersistence } from '@/lib/store/quota';

// Imports, restores, deletions and settings saved on this page obey the organisation's policy.
installManagedPolicy();
// Once per load: a browser under storage pressure may otherwise evict a team's lists (Settings shows the answer).
void requestPersistence();

// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<OptionsApp />));
