import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { createList } from '@/lib/store/commands/lists';
import type { HeedDb } from '@/lib/store/db';
import type { SuppressionList } from '@/lib/store/schemas';
import type { Channel } from '@/lib/vocab';
import { ScopeFieldset } from './ScopeFieldset';

export function NewListForm(props: {
  db: HeedDb;
  lists: SuppressionList[];
  onCreated: (id: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [channels, setChannels] = useState<Channel[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const trimmed = name.trim();
    if (trimmed === '') return setError(t('lists_new_name_missing'));
    if (props.lists.some((l) => l.name.toLowerCase() === trimmed.toLowerCase())) {
      return setError(t('lists_new_taken', t('lists_quoted', trimmed)));
    }
    if (channels !== null && channels.length === 0) return setError(t('lists_scope_missing'));
    try {
      // Checked above for a quick answer; the store checks again (any page, two pages at once).
      const list = await createList(props.db, {
        name: trimmed,
        description: description.trim(),
        ...(channels ? { channels } : {}),
      });
      setError(null);
      setName('');
      setDescription('');
      setChannels(null);
      setDone(t('lists_created', t('lists_quoted', list.name)));
      props.onCreated(list.id);
    } catch (err) {
      setError(shownError(err));
    }
  };

  return (
    <form className="ol-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h4 id={`${id}-title`}>{t('lists_new_title')}</h4>
      <label htmlFor={`${id}-name`}>{t('lists_name')}</label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-description`}>{t('lists_description_optional')}</label>
      <textarea
        id={`${id}-description`}
        value={description}
        maxLength={2000}
        rows={2}
        onChange={(e) => setDescription(e.target.value)}
      />
      <ScopeFieldset channels={channels} onChange={setChannels} />
      {error && (
        <p id={`${id}-error`} className="error" role="alert">
          {error}
        </p>
      )}
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary">
        {t('lists_create')}
      </button>
    </form>
  );
}
