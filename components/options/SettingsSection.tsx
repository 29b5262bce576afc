/** Settings section of the options page. */
export function SettingsSection() {
  return <p>Coming soon.</p>;
}
