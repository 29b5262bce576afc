/** Audit section of the options page. */
export function AuditSection() {
  return <p>Coming soon.</p>;
}
