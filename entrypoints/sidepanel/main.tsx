import { createRoot } from 'react-dom/client';
import { SidePanelApp } from '@/components/sidepanel/SidePanelApp';
import '@/components/base.css';
import '../popup/style.css';
import './style.css';

const root = document.getElementById('root');
if (!root) throw new Error('sidepanel.html has no #root');
createRoot(root).render(<SidePanelApp />);
