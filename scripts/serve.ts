/** Serves the built site: `npm run serve` (after `npm run build`). PORT and MSP_BASE apply. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startStaticServer } from './lib/static-server.ts';

const root = resolve(process.env.MSP_DIST ?? 'dist');
if (!existsSync(root)) {
  console.error(`No built site in ${root}: run "npm run build" first.`);
  process.exit(1);
}
const { url } = await startStaticServer({
  root,
  base: process.env.MSP_BASE ?? '/',
  port: Number(process.env.PORT ?? 4321),
});
console.log(`MSP Checklist Explorer is served at ${url} (Ctrl+C to stop)`);
