import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { firefoxPath } from './support';

export default function setup(): void {
  const manifest = fileURLToPath(new URL('../../.output/firefox-mv2/manifest.json', import.meta.url));
  if (!existsSync(manifest))
    throw new Error('No Firefox build: run `npm run build:firefox` before the Firefox suite.');
  if (!existsSync(firefoxPath()))
    throw new Error(
      `No Firefox at ${firefoxPath()}: run \`bash tests/ensure-browsers.sh\` (apt-get install firefox-esr).`,
    );
}
