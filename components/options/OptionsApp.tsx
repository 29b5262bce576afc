import { type ReactNode, useEffect, useState } from 'react';
import { type MessageKey, t } from '@/lib/i18n/index';
import { AuditSection } from './AuditSection';
import { BackupSection } from './BackupSection';
import { BulkCheckSection } from './BulkCheckSection';
import { ImportSection } from './ImportSection';
import { ListsSection } from './ListsSection';
import { SettingsSection } from './SettingsSection';
import { DemoDataButton } from './settings/DemoDataButton';
import { TeamSection } from './TeamSection';

const SECTIONS: { id: string; title: MessageKey; render: () => ReactNode }[] = [
  { id: 'lists', title: 'lists_nav_lists', render: () => <ListsSection /> },
  { id: 'import', title: 'lists_nav_import', render: () => <ImportSection /> },
  { id: 'backup', title: 'lists_nav_backup', render: () => <BackupSection /> },
  { id: 'team', title: 'lists_nav_team', render: () => <TeamSection /> },
  { id: 'bulk', title: 'lists_nav_bulk', render: () => <BulkCheckSection /> },
  { id: 'settings', title: 'lists_nav_settings', render: () => <SettingsSection /> },
  { id: 'audit', title: 'lists_nav_audit', render: () => <AuditSection /> },
];

function sectionFromHash(): string {
  const id = location.hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return SECTIONS.some((s) => s.id === id) ? id : 'lists';
}

/** The team lead's workspace: one section at a time, chosen from the nav and kept in the URL hash. */
export function OptionsApp() {
  const [current, setCurrent] = useState(sectionFromHash);
  useEffect(() => {
    const onHash = () => setCurrent(sectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const section = SECTIONS.find((s) => s.id === current) ?? SECTIONS[0]!;
  return (
    <div className="layout">
      <header className="top">
        <h1>Heed</h1>
        <p className="promise">{t('lists_app_promise')}</p>
        <DemoDataButton />
      </header>
      <nav aria-label={t('lists_app_sections')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
                {t(s.title)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h2>{t(section.title)}</h2>
        {section.render()}
      </main>
    </div>
  );
}
