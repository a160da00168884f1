import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { startSandbox } from './index';

/** Private key files go to the git-ignored `.dev/` folder at the repository root. */
const KEY_FILE = resolve(__dirname, '..', '.dev', 'sandbox-service-app.pem');

function numberFromEnv(name: string, fallback?: number): number | undefined {
	const value = process.env[name];
	if (value === undefined || value === '') return fallback;

	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) {
		throw new Error(`${name} must be a whole number, got "${value}"`);
	}
	return parsed;
}

async function main() {
	const perMinute = numberFromEnv('SANDBOX_RATE_LIMIT');
	const sandbox = await startSandbox({
		port: numberFromEnv('SANDBOX_PORT', 8788),
		latencyMs: numberFromEnv('SANDBOX_LATENCY_MS', 0),
		rateLimit: perMinute === undefined ? undefined : { limit: perMinute, windowSeconds: 60 },
	});

	mkdirSync(resolve(KEY_FILE, '..'), { recursive: true });
	writeFileSync(KEY_FILE, sandbox.serviceApp.privateKeyPem, { mode: 0o600 });

	const [user] = sandbox.users;
	const rows: Array<[string, string]> = [
		['Domain', sandbox.url],
		['API token (super admin)', sandbox.apiToken],
		['API token (read-only)', sandbox.readOnlyApiToken],
		['User', `${user.login} / ${user.password}`],
		['Service app client id', sandbox.serviceApp.clientId],
		['Service app key id', sandbox.serviceApp.keyId],
		['Service app private key', `${KEY_FILE} (a new key pair on every start)`],
	];
	const width = Math.max(...rows.map(([label]) => label.length)) + 2;
	console.log(`Okta sandbox listening on ${sandbox.url}\n`);
	for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}${value}`);
	console.log('\nPress Ctrl-C to stop.');

	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			void sandbox.close().then(() => process.exit(0));
		});
	}
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
