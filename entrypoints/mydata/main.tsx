import { createRoot } from 'react-dom/client';
import { MyDataApp } from '@/components/self/MyDataApp';
import { forwardStoreWrites } from '@/lib/messaging/store-changes';
import '@/components/base.css';
import './style.css';

// Every write this page commits reaches the background, which refreshes open badges and the toolbar.
forwardStoreWrites();

createRoot(document.getElementById('root')!).render(<MyDataApp />);
