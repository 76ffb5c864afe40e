/**
 * Writes synthetic answers files (see members.ts) to a folder, to try `infosak benchmark` and for
 * scripts/check-outputs.sh:  npx tsx scripts/benchmark/write-members.ts <folder> [count]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCatalog } from '../../src/core/catalog/registry';
import { syntheticAnswers } from './members';

const [dir, n] = process.argv.slice(2);
if (!dir) {
  console.error('usage: write-members.ts <folder> [count]');
  process.exit(2);
}
const catalog = findCatalog('infosakkollen-2023-v1')!;
const count = Number(n ?? 150);
mkdirSync(dir, { recursive: true });
for (let i = 0; i < count; i++) writeFileSync(join(dir, `org-${String(i).padStart(4, '0')}.json`), JSON.stringify(syntheticAnswers(catalog, i), null, 1));
console.log(`wrote ${count} answers files to ${dir}`);
