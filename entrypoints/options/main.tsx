import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/base.css';
import './style.css';

createRoot(document.getElementById('root')!).render(<OptionsApp />);
