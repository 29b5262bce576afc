import { type FormEvent, useId, useState } from 'react';
import { createList } from '@/lib/store/commands/lists';
import type { HeedDb } from '@/lib/store/db';
import type { SuppressionList } from '@/lib/store/schemas';
import type { Channel } from '@/lib/vocab';
import { ScopeFieldset } from './ScopeFieldset';
import { errorText } from './use-app-db';

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
    // Name and scope are checked by the store (createList), whichever page asks: its error is shown as is.
    try {
      const list = await createList(props.db, {
        name,
        description: description.trim(),
        ...(channels ? { channels } : {}),
      });
      setError(null);
      setName('');
      setDescription('');
      setChannels(null);
      setDone(`Created “${list.name}”.`);
      props.onCreated(list.id);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <form className="ol-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h4 id={`${id}-title`}>New list</h4>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        value={name}
        maxLength={200}
        onChange={(e) => setName(e.target.value)}
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={`${id}-description`}>Description (optional)</label>
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
        Create list
      </button>
    </form>
  );
}
