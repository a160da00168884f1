import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildAndPack } from './support/community-package';
import { ensureN8n } from './support/n8n';

/** Installs n8n (cached) and packs the package once for all end-to-end test files. */
export default function globalSetup(): void {
	const runtime = ensureN8n();
	const workDir = mkdtempSync(join(tmpdir(), 'okta-sessions-e2e-'));
	process.env.E2E_WORK_DIR = workDir;
	process.env.E2E_TARBALL = buildAndPack(workDir);

	const node = execFileSync(runtime.nodeBinary, ['--version'], { encoding: 'utf8' }).trim();
	process.stderr.write(`\nEnd-to-end tests on n8n ${runtime.version}, Node ${node}\n`);
}
