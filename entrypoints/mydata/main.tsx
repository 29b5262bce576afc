import { createRoot } from 'react-dom/client';
import { MyDataApp } from '@/components/self/MyDataApp';
import '@/components/base.css';
import './style.css';

createRoot(document.getElementById('root')!).render(<MyDataApp />);
