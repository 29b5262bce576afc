/** An error the options page shows under a form or panel, read out at once by screen readers; nothing when null. */
export function ErrorLine(props: { error: string | null | undefined }) {
  return props.error ? (
    <p role="alert" className="error">
      {props.error}
    </p>
  ) : null;
}
