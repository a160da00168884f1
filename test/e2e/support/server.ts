import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';

import type { N8nCli, N8nRuntime } from './n8n';

export interface Owner {
	email: string;
	password: string;
}

/** n8n 2.x creates (or updates) its owner account from these variables on start, so no setup page. */
export function ownerEnv(runtime: N8nRuntime, owner: Owner): Record<string, string> {
	const bcrypt = createRequire(runtime.n8nEntry)('bcryptjs') as {
		hashSync(password: string, rounds: number): string;
	};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: 'Sandbox',
		N8N_INSTANCE_OWNER_LAST_NAME: 'Owner',
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}

export interface RunningServer {
	url: string;
	stop(): Promise<void>;
}

/**
 * Runs `n8n start` (its port and owner come from the instance's environment) until its readiness
 * check answers; everything n8n prints goes to logFile.
 */
export async function startServer(n8n: N8nCli, logFile: string): Promise<RunningServer> {
	const url = `http://localhost:${n8n.env.N8N_PORT ?? 5678}`;
	const output = createWriteStream(logFile, { flags: 'a' });
	const server = n8n.spawn(['start'], ['ignore', 'pipe', 'pipe']);
	server.stdout?.pipe(output);
	server.stderr?.pipe(output);

	const stop = async () => {
		if (server.exitCode !== null || server.signalCode !== null) return;
		const exited = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		await exited;
	};

	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) {
			throw new Error(`n8n start exited with ${server.exitCode}; see ${logFile}`);
		}
		const ready = await fetch(`${url}/healthz/readiness`).then(
			(response) => response.ok,
			() => false,
		);
		if (ready) return { url, stop };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	await stop();
	throw new Error(`n8n did not become ready within two minutes; see ${logFile}`);
}

/** Signs in through n8n's REST API and returns the session cookie for further calls. */
export async function signIn(url: string, owner: Owner): Promise<string> {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: owner.email, password: owner.password }),
	});
	if (!response.ok) throw new Error(`Signing in to n8n failed: ${response.status}`);
	const cookie = response.headers.get('set-cookie');
	if (!cookie) throw new Error('n8n set no session cookie');
	return cookie.split(';')[0];
}
