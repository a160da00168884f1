import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { installCommunityPackage } from './support/community-package';
import { ensureN8n, loadedNodeType, N8nCli } from './support/n8n';

/** Proves that the end-to-end checks notice a package n8n cannot load, not only that good ones pass. */
describe('a package whose n8n section names a credential file that does not exist', () => {
	it('is not loaded by n8n, so the node-type check of the end-to-end tests fails', async () => {
		const userFolder = mkdtempSync(join(process.env.E2E_WORK_DIR as string, 'broken-'));
		const packageDir = installCommunityPackage(userFolder, process.env.E2E_TARBALL as string);
		const manifestPath = join(packageDir, 'package.json');
		const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
			n8n: { credentials: string[] };
		};
		manifest.n8n.credentials[0] = manifest.n8n.credentials[0].replace('.credentials.js', '.js');
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));

		const n8n = await N8nCli.create(ensureN8n(), userFolder);

		expect(await loadedNodeType(n8n)).toBeUndefined();
	});
});
