/** Backup section of the options page. */
export function BackupSection() {
  return <p>Coming soon.</p>;
}
