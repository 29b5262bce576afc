import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { initLanguage } from '@/lib/i18n/init';
import '@/components/base.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => createRoot(root).render(<PopupApp />));
