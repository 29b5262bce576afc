import { useId } from 'react';
import { CountrySelect } from './CountrySelect';
import { type ComposerDefaults, RequestComposer } from './RequestComposer';
import { RequestLog } from './RequestLog';

export function RequestsSection({
  name,
  country,
  defaults,
  onName,
  onCountry,
}: {
  name: string;
  country: string;
  defaults: ComposerDefaults;
  onName(v: string): void;
  onCountry(v: string): void;
}) {
  const id = useId();
  return (
    <section id="requests" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>Requests to companies</h2>
      <p className="lead">
        Ask a company what it holds about you and where it got it, to delete it, to stop marketing to you, or
        to correct it. Heed writes the letter with your identifiers, today's date and the legal deadline; you
        send it from your own mail, and Heed reminds you when the reply is late.
      </p>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>Your name, to sign the letters</label>
          <input
            id={`${id}-name`}
            defaultValue={name}
            key={name}
            onBlur={(e) => onName(e.target.value)}
            maxLength={120}
            autoComplete="name"
          />
        </div>
        <CountrySelect id={`${id}-country`} label="Where you live" value={country} onChange={onCountry} />
      </div>
      <RequestComposer name={name} country={country} defaults={defaults} />
      <RequestLog />
      <p className="hint">
        The letters are Heed's own wording of the rights in the GDPR, the UK GDPR and the CCPA. They are not
        legal advice.
      </p>
    </section>
  );
}
