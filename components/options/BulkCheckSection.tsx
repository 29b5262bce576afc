/** BulkCheck section of the options page. */
export function BulkCheckSection() {
  return <p>Coming soon.</p>;
}
