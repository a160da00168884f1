/**
 * `npm run dev`: the n8n editor with this package installed as a community node, the Okta sandbox, its
 * credentials and the example workflows. TypeScript changes are rebuilt, reinstalled and n8n restarted.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import { buildAndPack, installCommunityPackage, pack } from '../test/e2e/support/community-package';
import { sandboxCredentialsFile } from '../test/e2e/support/credentials';
import { ensureN8n, N8nCli, REPO_ROOT, type N8nRuntime } from '../test/e2e/support/n8n';
import { ownerEnv, startServer, type RunningServer } from '../test/e2e/support/server';
import { EXAMPLES_DIR } from '../test/e2e/support/workflows';
import { DEV_EDITOR_URL, DEV_N8N_PORT, DEV_OWNER } from './dev-settings';

const DEV_DIR = join(REPO_ROOT, '.dev');
const USER_FOLDER = join(DEV_DIR, 'n8n');
const LOG_FILE = join(DEV_DIR, 'n8n.log');
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8788);

/** The dev folder persists, so its encryption key must too; it only protects sandbox credentials. */
const DEV_ENCRYPTION_KEY = 'okta-sessions-local-dev-only';

function log(message: string) {
	process.stdout.write(`${message}\n`);
}

/**
 * The package's compiled files require n8n-workflow. Inside this repository Node would find the
 * project's own copy first, a different version from the one n8n runs, so the copy n8n ships is linked
 * beside the installed package, as a real n8n install provides it.
 */
function linkN8nWorkflow(runtime: N8nRuntime) {
	const target = join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-workflow');
	const n8nWorkflow = dirname(createRequire(runtime.n8nEntry).resolve('n8n-workflow/package.json'));
	try {
		symlinkSync(n8nWorkflow, target);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
}

function devEnv(runtime: N8nRuntime): Record<string, string> {
	return {
		...ownerEnv(runtime, DEV_OWNER),
		N8N_PORT: String(DEV_N8N_PORT),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: 'info',
		// Its catalogue is fetched from n8n's servers, which a local sandbox setup has no use for.
		N8N_DISABLED_MODULES: 'mcp-registry',
	};
}

async function importSandboxData(n8n: N8nCli, sandbox: Sandbox) {
	// The sandbox makes a new service-app key pair on every start, so the credentials are imported anew.
	const credentialsFile = join(DEV_DIR, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(sandboxCredentialsFile(sandbox)), { mode: 0o600 });
	await n8n.mustRun(['import:credentials', `--input=${credentialsFile}`]);
	await n8n.mustRun(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);
}

async function main() {
	const runtime = ensureN8n();
	mkdirSync(DEV_DIR, { recursive: true });

	const sandbox = await startSandbox({ port: SANDBOX_PORT });
	const n8n = await N8nCli.create(runtime, USER_FOLDER, {
		encryptionKey: DEV_ENCRYPTION_KEY,
		env: devEnv(runtime),
	});

	installCommunityPackage(USER_FOLDER, buildAndPack(join(DEV_DIR, 'pack')));
	linkN8nWorkflow(runtime);
	await importSandboxData(n8n, sandbox);

	let server: RunningServer | undefined;
	const restartServer = async () => {
		await server?.stop();
		server = await startServer(n8n, LOG_FILE);
	};

	await restartServer();
	log(`n8n ${runtime.version} is ready: ${DEV_EDITOR_URL}`);
	log(`  Sign in as ${DEV_OWNER.email} / ${DEV_OWNER.password}`);
	log(
		`  Okta sandbox: ${sandbox.url} (credentials "Okta API Token (sandbox)" and "Okta Service App (sandbox)")`,
	);
	log(`  Examples: Overview > Workflows; n8n's log: ${LOG_FILE}`);
	log('Watching nodes/ and credentials/ for changes. Ctrl-C stops everything.');

	// tsc prints one "Found N errors" line after every compilation; a clean one triggers a reinstall.
	const compiler = spawn(
		process.execPath,
		[
			require.resolve('typescript/bin/tsc'),
			...['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'],
		],
		{ cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
	);
	let compilations = 0;
	let reloading = Promise.resolve();
	compiler.stdout.on('data', (chunk: Buffer) => {
		const text = chunk.toString();
		const found = /Found (\d+) errors?/.exec(text);
		if (!found) return;
		if (found[1] !== '0') {
			process.stdout.write(text);
			return;
		}
		// The first compilation only repeats the build made above.
		if (compilations++ === 0) return;
		reloading = reloading
			.then(async () => {
				log('Change compiled; reinstalling the package and restarting n8n ...');
				await server?.stop();
				installCommunityPackage(USER_FOLDER, pack(join(DEV_DIR, 'pack')));
				await restartServer();
				log(`n8n restarted: ${DEV_EDITOR_URL}`);
			})
			.catch((error: Error) => log(`Reload failed: ${error.message}`));
	});

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		compiler.kill('SIGTERM');
		await server?.stop();
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

main().catch((error: Error) => {
	process.stderr.write(`npm run dev failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
