// `npm run bench`: runs every test/bench/**/*.bench.ts and *.bench.js (or those whose path contains an argument) in its own
// Node process, each printing one JSON line per case. TypeScript is transpiled on the fly by the
// project's own typescript; nothing is type-checked here (`npm run typecheck` does that).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

function findBenches(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return findBenches(full);
		return /\.bench\.[jt]s$/.test(entry.name) ? [full] : [];
	});
}

const benches = findBenches(here)
	.sort()
	.filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
let failed = 0;
for (const file of benches) {
	const result = spawnSync(
		process.execPath,
		['--max-old-space-size=16384', '--expose-gc', '-r', path.join(here, 'register-ts.cjs'), file],
		{ stdio: ['ignore', 'inherit', 'inherit'] },
	);
	if (result.status !== 0) {
		failed++;
		process.stderr.write(`bench failed: ${path.relative(process.cwd(), file)}\n`);
	}
}
process.exit(failed ? 1 : 0);
