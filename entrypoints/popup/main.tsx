import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/base.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
createRoot(root).render(<PopupApp />);
