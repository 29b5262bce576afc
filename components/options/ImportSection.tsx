/** Import section of the options page. */
export function ImportSection() {
  return <p>Coming soon.</p>;
}
