/** Lists section of the options page. */
export function ListsSection() {
  return <p>Coming soon.</p>;
}
