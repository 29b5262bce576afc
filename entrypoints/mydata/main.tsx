import { createRoot } from 'react-dom/client';
import { MyDataApp } from '@/components/self/MyDataApp';
import { t } from '@/lib/i18n/index';
import { initLanguage } from '@/lib/i18n/init';
import '@/components/base.css';
import './style.css';

// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => {
  document.title = t('mydata_title');
  createRoot(document.getElementById('root')!).render(<MyDataApp />);
});
