import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const manifest = fileURLToPath(new URL('../../../.output/chrome-mv3/manifest.json', import.meta.url));
  if (!existsSync(manifest))
    throw new Error('No built extension: run `npm run build` before the browser suite.');
  if (!existsSync(chromiumPath())) {
    throw new Error(
      `No Chromium at ${chromiumPath()}: install it with \`apt-get install chromium\` (.ci/run does).`,
    );
  }
}

export function chromiumPath(): string {
  return process.env.HEED_CHROMIUM ?? '/usr/bin/chromium';
}
