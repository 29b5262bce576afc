import { createRoot } from 'react-dom/client';
import { MyDataApp } from '@/components/mydata/MyDataApp';
import { t } from '@/lib/i18n/index';
import { initLanguage } from '@/lib/i18n/init';
import { forwardStoreWrites } from '@/lib/messaging/store-changes';
import { pageNotices } from '@/lib/notices';
import '@/components/base.css';
import './style.css';

// Every write this page commits reaches the background, which refreshes open badges and the toolbar.
forwardStoreWrites();
// One notice at a time: a new one replaces the last (and an undone one does not bring an older one back).
pageNotices.keep(1);

// The language comes from the settings, so the first render is already in it.
void initLanguage().then(() => {
  document.title = t('mydata_title');
  createRoot(document.getElementById('root')!).render(<MyDataApp />);
});
