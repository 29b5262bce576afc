import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { initLanguage } from '@/lib/i18n/init';
import '@/components/base.css';
import './style.css';
import { installManagedPolicy } from '@/lib/policy/managed';

// Imports, restores, deletions and settings saved on this page obey the organisation's policy.
installManagedPolicy();

// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => createRoot(document.getElementById('root')!).render(<OptionsApp />));
