import { createPrivateKey, randomUUID, sign } from 'node:crypto';

import type { Sandbox } from '../../sandbox';

export interface Reply {
	status: number;
	headers: Headers;
	/** Parsed JSON when the answer is JSON, else the raw text ('' when empty). */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the Okta shape it asked for
	body: any;
	text: string;
}

export interface CallOptions {
	/** A full Authorization header value; defaults to the sandbox's super admin API token. */
	authorization?: string | null;
	json?: unknown;
	form?: Record<string, string>;
	rawBody?: string;
	headers?: Record<string, string>;
}

/** One HTTP exchange with the sandbox, over a real socket. */
export async function call(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<Reply> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const authorization =
		options.authorization === undefined ? `SSWS ${sandbox.apiToken}` : options.authorization;
	if (authorization) headers.Authorization = authorization;

	let body: string | undefined = options.rawBody;
	if (options.json !== undefined) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	}

	const response = await fetch(sandbox.url + path, { method, headers, body });
	const text = await response.text();
	const isJson = response.headers.get('content-type')?.includes('application/json') && text;
	return {
		status: response.status,
		headers: response.headers,
		body: isJson ? JSON.parse(text) : text,
		text,
	};
}

export const ssws = (token: string) => `SSWS ${token}`;
export const bearer = (token: string) => `Bearer ${token}`;

/** Sign a user in and turn the session token into a session; returns the Session body. */
export async function startSession(sandbox: Sandbox, userIndex = 0) {
	const user = sandbox.users[userIndex];
	const sessionToken = await sandbox.signIn(user.login, user.password);
	const reply = await call(sandbox, 'POST', '/api/v1/sessions', { json: { sessionToken } });
	if (reply.status !== 200) throw new Error(`Session creation failed: ${reply.text}`);
	return reply.body as { id: string; userId: string; expiresAt: string };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-03-10T09:00:00.000Z')) {
	let current = start;
	return {
		now: () => current,
		advance(ms: number) {
			current += ms;
		},
	};
}

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;

export interface AssertionClaims {
	iss?: string;
	sub?: string;
	aud?: string;
	iat?: number;
	exp?: number;
	jti?: string;
}

/** A private_key_jwt client assertion for the sandbox's service app, with claims to override. */
export function clientAssertion(
	sandbox: Sandbox,
	overrides: AssertionClaims = {},
	options: { privateKeyPem?: string; now?: number } = {},
): string {
	const issuedAt = Math.floor((options.now ?? Date.now()) / 1000);
	const claims = {
		iss: sandbox.serviceApp.clientId,
		sub: sandbox.serviceApp.clientId,
		aud: `${sandbox.url}/oauth2/v1/token`,
		iat: issuedAt,
		exp: issuedAt + 300,
		jti: randomUUID(),
		...overrides,
	};
	const header = { alg: 'RS256', typ: 'JWT', kid: sandbox.serviceApp.keyId };
	const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const signingInput = `${encode(header)}.${encode(claims)}`;
	const key = createPrivateKey(options.privateKeyPem ?? sandbox.serviceApp.privateKeyPem);
	return `${signingInput}.${sign('RSA-SHA256', Buffer.from(signingInput), key).toString('base64url')}`;
}

export function tokenRequest(assertion: string, scope = 'okta.sessions.read') {
	return {
		grant_type: 'client_credentials',
		scope,
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		client_assertion: assertion,
	};
}

/** Exchange a fresh client assertion for an access token with the given scopes. */
export async function accessToken(sandbox: Sandbox, scope: string): Promise<string> {
	const reply = await call(sandbox, 'POST', '/oauth2/v1/token', {
		authorization: null,
		form: tokenRequest(clientAssertion(sandbox), scope),
	});
	if (reply.status !== 200) throw new Error(`Token request failed: ${reply.text}`);
	return reply.body.access_token as string;
}

/** Split a `Link` header into its relations, in the order sent. */
export function links(reply: Reply): Array<{ rel: string; url: URL }> {
	const header = reply.headers.get('link') ?? '';
	return [...header.matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)].map(([, url, rel]) => ({
		rel,
		url: new URL(url),
	}));
}
