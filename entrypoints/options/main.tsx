import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/base.css';
import './style.css';
import { installManagedPolicy } from '@/lib/policy/managed';

// Imports, restores, deletions and settings saved on this page obey the organisation's policy.
installManagedPolicy();

createRoot(document.getElementById('root')!).render(<OptionsApp />);
