/** A fieldset of radio buttons, one per choice, each labelled by its words. */
export function RadioChoices<T extends string>(props: {
  legend: string;
  /** The group's name, unique on the page (from useId). */
  name: string;
  value: T;
  choices: readonly { value: NoInfer<T>; label: string }[];
  onChange(value: NoInfer<T>): void;
}) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c.value}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === c.value}
            onChange={() => props.onChange(c.value)}
          />{' '}
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
