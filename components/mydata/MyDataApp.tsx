import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '@/lib/i18n/index';
import { saveSelfSetting } from '@/lib/mydata/commands';
import { parseMyDataParams } from '@/lib/mydata/company';
import type { SelfDb } from '@/lib/mydata/db';
import { countryFromLanguage, getSelfSettings } from '@/lib/mydata/settings';
import { Notices } from '../notices';
import { useSelfDb } from '../use-db';
import { BackupSection } from './BackupSection';
import { ExposureSection } from './ExposureSection';
import { IdentitiesSection } from './IdentitiesSection';
import { RequestsSection } from './RequestsSection';

/** The self-check page: the user's own identities, requests to companies, and how exposed they are. */
export function MyDataApp() {
  const { db, error } = useSelfDb();
  return (
    <div className="page">
      <header className="top">
        <h1>{t('mydata_title')}</h1>
        <p className="promise">{t('mydata_promise')}</p>
        <nav aria-label={t('mydata_nav_label')}>
          <a href="#identities">{t('mydata_nav_identities')}</a>
          <a href="#requests">{t('mydata_nav_requests')}</a>
          <a href="#exposure">{t('mydata_nav_exposure')}</a>
        </nav>
      </header>
      {error ? (
        <p className="error" role="alert">
          {t('mydata_storage_error', error)}
        </p>
      ) : db ? (
        <Sections db={db} />
      ) : (
        <p className="muted">{t('mydata_loading')}</p>
      )}
    </div>
  );
}

function Sections({ db }: { db: SelfDb }) {
  const settings = useLiveQuery(() => getSelfSettings(db), [db]);
  const [defaults] = useState(() => parseMyDataParams(location.search));
  if (!settings) return <p className="muted">{t('mydata_loading')}</p>;
  // Where the user lives decides the law, so it is never guessed from the browser language (en-US is the default
  // language of many browsers outside the US). Phone numbers may use the guess: a wrong one only fails to parse.
  const country = settings.country;
  const phoneCountry = settings.country || countryFromLanguage(navigator.language);
  return (
    <>
      <main>
        <IdentitiesSection db={db} country={phoneCountry} />
        <RequestsSection
          db={db}
          name={settings.name}
          country={country}
          defaults={defaults}
          onName={(v) => void saveSelfSetting(db, 'name', v)}
          onCountry={(v) => void saveSelfSetting(db, 'country', v)}
        />
        <ExposureSection db={db} country={phoneCountry} />
        <BackupSection db={db} />
      </main>
      <Notices className="notice" />
    </>
  );
}
