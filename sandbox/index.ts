import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Org } from './context';
import { FaultList } from './faults';
import { RateLimiter } from './rateLimiter';
import { routes } from './routes';
import { SEED_API_TOKENS, SEED_USERS, SERVICE_APP } from './seed';
import { createRequestListener } from './server';
import { Store } from './store';
import type { RecordedRequest, Sandbox, SandboxOptions } from './types';

export type {
	Fault,
	RecordedRequest,
	Sandbox,
	SandboxOptions,
	SeededUserCredentials,
} from './types';

/** Okta's default session lifetime is two hours. */
const DEFAULT_SESSION_LIFETIME_SECONDS = 7200;
/** Generous enough that ordinary test runs never meet it; tests that want 429s pass their own. */
const DEFAULT_RATE_LIMIT = { limit: 600, windowSeconds: 60 };

/** Start an Okta-compatible org on 127.0.0.1 for demos and tests. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const org: Org = {
		store: new Store(),
		now: options.now ?? Date.now,
		sessionLifetimeMs: (options.sessionLifetimeSeconds ?? DEFAULT_SESSION_LIFETIME_SECONDS) * 1000,
		baseUrl: '',
		serviceApp: { clientId: SERVICE_APP.clientId, keyId: SERVICE_APP.keyId, publicKey },
		logPageSize: options.logPageSize,
	};
	const rateLimit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
	const limiter = new RateLimiter(rateLimit.limit, rateLimit.windowSeconds);
	const faults = new FaultList();
	const requests: RecordedRequest[] = [];

	const server = createServer(
		createRequestListener({
			org,
			routes,
			limiter,
			faults,
			requests,
			latencyMs: options.latencyMs ?? 0,
		}),
	);
	const port = await listen(server, options.port ?? 0);
	org.baseUrl = `http://127.0.0.1:${port}`;

	return {
		url: org.baseUrl,
		apiToken: apiTokenOf({ readOnly: false }),
		readOnlyApiToken: apiTokenOf({ readOnly: true }),
		serviceApp: {
			clientId: SERVICE_APP.clientId,
			keyId: SERVICE_APP.keyId,
			privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
		},
		users: SEED_USERS.map(({ id, login, password, firstName, lastName }) => ({
			id,
			login,
			password,
			firstName,
			lastName,
		})),
		requests,
		injectFault: (fault) => faults.add(fault),
		signIn: (login, password) => signIn(org.baseUrl, login, password),
		reset() {
			org.store.reset();
			limiter.reset();
			faults.clear();
			requests.length = 0;
		},
		close: () => close(server),
	};
}

function apiTokenOf({ readOnly }: { readOnly: boolean }): string {
	const token = SEED_API_TOKENS.find((candidate) => candidate.readOnly === readOnly);
	if (!token) throw new Error(`The seed has no ${readOnly ? 'read-only' : 'super admin'} token`);
	return token.token;
}

async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
	const response = await fetch(`${baseUrl}/api/v1/authn`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body: JSON.stringify({ username: login, password }),
	});
	const body = (await response.json()) as { sessionToken?: string; errorSummary?: string };
	if (!response.ok || !body.sessionToken) {
		throw new Error(`Sign-in of ${login} failed: ${response.status} ${body.errorSummary ?? ''}`);
	}
	return body.sessionToken;
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});
}

function close(server: Server): Promise<void> {
	return new Promise((resolve, reject) => {
		server.close((error) => (error ? reject(error) : resolve()));
		server.closeAllConnections();
	});
}
