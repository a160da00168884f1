import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox';
import { installCommunityPackage } from './support/community-package';
import { SANDBOX_CREDENTIALS, sandboxCredentialsFile } from './support/credentials';
import { ensureN8n, freePort, N8nCli } from './support/n8n';
import { ownerEnv, signIn, startServer, type RunningServer } from './support/server';

const OWNER = { email: 'owner@example.com', password: 'E2e-Owner-Password-1' };

/** What the editor asks n8n's server for, as a signed-in owner sees it. */
describe('the package in the n8n editor', () => {
	let sandbox: Sandbox;
	let server: RunningServer;
	let cookie: string;

	beforeAll(async () => {
		sandbox = await startSandbox();
		const runtime = ensureN8n();
		const userFolder = mkdtempSync(join(process.env.E2E_WORK_DIR as string, 'editor-'));
		installCommunityPackage(userFolder, process.env.E2E_TARBALL as string);
		const n8n = await N8nCli.create(runtime, userFolder, {
			env: { ...ownerEnv(runtime, OWNER), N8N_PORT: String(await freePort()) },
		});

		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(sandboxCredentialsFile(sandbox)));
		await n8n.mustRun(['import:credentials', `--input=${credentialsFile}`]);

		server = await startServer(n8n, join(userFolder, 'n8n.log'));
		cookie = await signIn(server.url, OWNER);
	});

	afterAll(async () => {
		await server?.stop();
		await sandbox?.close();
	});

	async function get(path: string) {
		return await fetch(`${server.url}${path}`, { headers: { cookie } });
	}

	it('offers both credential types', async () => {
		const types = (await (await get('/types/credentials.json')).json()) as Array<{ name: string }>;
		expect(types.map((type) => type.name)).toEqual(
			expect.arrayContaining([
				SANDBOX_CREDENTIALS.apiToken.type,
				SANDBOX_CREDENTIALS.serviceApp.type,
			]),
		);
	});

	it('serves the icons that the node and its credentials point at', async () => {
		type Described = { name: string; iconUrl?: string | { light: string; dark: string } };
		const nodes = (await (await get('/types/nodes.json')).json()) as Described[];
		const credentials = (await (await get('/types/credentials.json')).json()) as Described[];
		const ours = [
			...nodes.filter((type) => type.name === 'n8n-nodes-okta-sessions.oktaSessions'),
			...credentials.filter((type) =>
				[SANDBOX_CREDENTIALS.apiToken.type, SANDBOX_CREDENTIALS.serviceApp.type].includes(
					type.name as never,
				),
			),
		];
		const urls = ours.flatMap(({ iconUrl }) =>
			typeof iconUrl === 'string' ? [iconUrl] : iconUrl ? [iconUrl.light, iconUrl.dark] : [],
		);

		expect(ours).toHaveLength(3);
		expect(urls).toHaveLength(6);
		for (const url of new Set(urls)) {
			const response = await get(`/${url}`);
			expect({ url, status: response.status }).toEqual({ url, status: 200 });
			expect(await response.text()).toContain('<svg');
		}
	});

	it.each([SANDBOX_CREDENTIALS.apiToken, SANDBOX_CREDENTIALS.serviceApp])(
		'passes the connection test of "$name" against the sandbox',
		async (credential) => {
			const data = sandboxCredentialsFile(sandbox).find(
				(entry) => entry.id === credential.id,
			)?.data;
			const response = await fetch(`${server.url}/rest/credentials/test`, {
				method: 'POST',
				headers: { cookie, 'Content-Type': 'application/json' },
				body: JSON.stringify({ credentials: { ...credential, data } }),
			});
			const { data: result } = (await response.json()) as {
				data: { status: string; message: string };
			};
			expect(`${result.status}: ${result.message}`).toMatch(/^OK: /);
		},
	);
});
