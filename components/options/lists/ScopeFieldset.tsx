import { useId } from 'react';
import { t } from '@/lib/i18n/index';
import { CHANNEL_NAME } from '@/lib/options/labels';
import { CHANNELS, type Channel } from '@/lib/vocab';

/** Which channels a list blocks: null means every channel (the default), else the ticked ones. */
export function ScopeFieldset(props: {
  channels: Channel[] | null;
  onChange: (c: Channel[] | null) => void;
}) {
  const id = useId();
  const every = props.channels === null;
  return (
    <fieldset className="ol-scope">
      <legend>{t('lists_blocks')}</legend>
      <label>
        <input type="radio" name={`${id}-scope`} checked={every} onChange={() => props.onChange(null)} />{' '}
        {t('lists_scope_every')}
      </label>
      <label>
        <input
          type="radio"
          name={`${id}-scope`}
          checked={!every}
          onChange={() => props.onChange(props.channels ?? [...CHANNELS])}
        />{' '}
        {t('lists_scope_only')}
      </label>
      <div className="ol-channels">
        {CHANNELS.map((c) => (
          <label key={c}>
            <input
              type="checkbox"
              disabled={every}
              checked={every || (props.channels?.includes(c) ?? false)}
              onChange={(e) => {
                const cur = props.channels ?? [];
                props.onChange(
                  e.target.checked
                    ? CHANNELS.filter((x) => x === c || cur.includes(x))
                    : cur.filter((x) => x !== c),
                );
              }}
            />{' '}
            {CHANNEL_NAME[c]}
          </label>
        ))}
      </div>
      {every ? null : <p className="muted">{t('lists_scope_note')}</p>}
    </fieldset>
  );
}
