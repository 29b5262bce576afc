import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { forwardStoreWrites } from '@/lib/messaging/store-changes';
import '@/components/base.css';
import './style.css';
import { installManagedPolicy } from '@/lib/policy/managed';

// Imports, restores, deletions and settings saved on this page obey the organisation's policy.
installManagedPolicy();

// Every write this page commits reaches the background, which refreshes open badges and the toolbar.
forwardStoreWrites();

createRoot(document.getElementById('root')!).render(<OptionsApp />);
