import { type ReactNode, useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { AuditSection } from './AuditSection';
import { BackupSection } from './BackupSection';
import { BulkCheckSection } from './BulkCheckSection';
import { ImportSection } from './ImportSection';
import { ListsSection } from './ListsSection';
import { RetentionSection } from './RetentionSection';
import { SettingsSection } from './SettingsSection';
import { DemoDataButton } from './settings/DemoDataButton';
import { TeamSection } from './TeamSection';

const SECTIONS: { id: string; title: string; render: () => ReactNode }[] = [
  { id: 'lists', title: 'Lists', render: () => <ListsSection /> },
  {
    id: 'retention',
    // Read when shown, not at import: the language is set (initLanguage) after this module loads.
    get title() {
      return t('options_retention_title');
    },
    render: () => <RetentionSection />,
  },
  { id: 'import', title: 'Import', render: () => <ImportSection /> },
  { id: 'backup', title: 'Export & backup', render: () => <BackupSection /> },
  { id: 'team', title: 'Team', render: () => <TeamSection /> },
  { id: 'bulk', title: 'Bulk check', render: () => <BulkCheckSection /> },
  { id: 'settings', title: 'Settings', render: () => <SettingsSection /> },
  { id: 'audit', title: 'Audit log', render: () => <AuditSection /> },
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
        <p className="promise">Everything stays in this browser: Heed sends nothing anywhere.</p>
        <DemoDataButton />
      </header>
      <nav aria-label="Sections">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <h2>{section.title}</h2>
        {section.render()}
      </main>
    </div>
  );
}
