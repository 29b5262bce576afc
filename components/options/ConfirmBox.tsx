import { type ReactNode, useId } from 'react';

/**
 * The options page's inline confirmation for a destructive or far-reaching step: the question, the step, and
 * Cancel, which takes focus so a keyboard user lands on the safe choice.
 */
export function ConfirmBox(props: {
  question: ReactNode;
  confirm: string;
  cancel: string;
  /** 'danger' for deleting, 'primary' for a change that can be undone (a merge). */
  tone: 'danger' | 'primary';
  onConfirm(): void;
  onCancel(): void;
}) {
  const id = useId();
  return (
    <div role="alertdialog" aria-labelledby={id} className="ol-confirm">
      <p id={id}>{props.question}</p>
      <button type="button" className={props.tone} onClick={props.onConfirm}>
        {props.confirm}
      </button>{' '}
      {/* biome-ignore lint/a11y/noAutofocus: the confirmation takes focus so a keyboard user lands on it */}
      <button type="button" autoFocus onClick={props.onCancel}>
        {props.cancel}
      </button>
    </div>
  );
}
