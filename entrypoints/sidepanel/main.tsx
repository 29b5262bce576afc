import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import { initLanguage } from '@/lib/i18n/init';
import '@/components/base.css';
import '../popup/style.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root');
// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => createRoot(root).render(<SidePanelApp />));
