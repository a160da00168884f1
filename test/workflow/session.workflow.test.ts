import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import { CredentialStore, runWorkflow } from '../harness';
import type { WorkflowJson } from '../harness';
import {
	oktaWorkflow,
	openSession,
	requestsAfter,
	sandboxCredentials,
	sessionStatus,
	useSandbox,
} from './support';

const lifecycle = JSON.parse(
	readFileSync(resolve(__dirname, '../../examples/session-lifecycle.json'), 'utf8'),
) as WorkflowJson;

const sandbox = useSandbox();

function getSessions(onError?: 'continueRegularOutput' | 'continueErrorOutput') {
	return oktaWorkflow({
		name: 'Get Session',
		parameters: { resource: 'session', operation: 'get', sessionId: '={{ $json.sessionId }}' },
		onError,
	});
}

describe("The session lifecycle example, through n8n's engine against the sandbox", () => {
	it('creates, reads, refreshes and ends a session, then finds it gone', async () => {
		const alice = sandbox().users[0];
		const sessionToken = await sandbox().signIn(alice.login, alice.password);
		const start = sandbox().requests.length;

		const result = await runWorkflow(lifecycle, {
			startAt: 'Create Session',
			inputItems: [{ sessionToken }],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.error).toBeUndefined();
		const created = result.jsonOf('Create Session')[0];
		expect(created).toMatchObject({ userId: alice.id, login: alice.login, status: 'ACTIVE' });
		expect(result.jsonOf('Get Session')[0].id).toBe(created.id);
		expect(result.jsonOf('End Session')).toEqual([
			{ success: true, sessionId: created.id, alreadyEnded: false },
		]);
		expect(result.jsonOf('Confirm Session Is Gone')).toEqual([
			{ sessionId: created.id, active: false },
		]);
		expect(requestsAfter(sandbox(), start)).toEqual([
			'POST /api/v1/sessions',
			`GET /api/v1/sessions/${created.id}`,
			`POST /api/v1/sessions/${created.id}/lifecycle/refresh`,
			`DELETE /api/v1/sessions/${created.id}`,
			`GET /api/v1/sessions/${created.id}`,
		]);
		expect(await sessionStatus(sandbox(), String(created.id))).toBe(404);
	});

	it('sends the API token the way the credential defines it', async () => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');
		const start = sandbox().requests.length;

		await runWorkflow(getSessions(), {
			inputItems: [{ sessionId: session.id }],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(sandbox().requests[start].headers.authorization).toBe(`SSWS ${sandbox().apiToken}`);
	});

	it('refreshing moves the expiry later', async () => {
		let now = Date.parse('2026-03-01T09:00:00Z');
		const clocked = await startSandbox({ now: () => now });
		try {
			const session = await openSession(clocked, 'alice.anderson@example.com');
			now += 30 * 60 * 1000;

			const result = await runWorkflow(
				oktaWorkflow({
					name: 'Refresh Session',
					parameters: { resource: 'session', operation: 'refresh', sessionId: '={{ $json.id }}' },
				}),
				{ inputItems: [{ id: session.id }], credentials: sandboxCredentials(clocked) },
			);

			const refreshed = result.jsonOf('Refresh Session')[0];
			expect(Date.parse(String(refreshed.expiresAt))).toBe(now + 2 * 60 * 60 * 1000);
			expect(Date.parse(String(refreshed.expiresAt))).toBeGreaterThan(
				Date.parse(String(session.expiresAt)),
			);
		} finally {
			await clocked.close();
		}
	});

	it('fails Create with a session token that was already used', async () => {
		const alice = sandbox().users[0];
		const sessionToken = await sandbox().signIn(alice.login, alice.password);
		const workflow = oktaWorkflow({
			name: 'Create Session',
			parameters: {
				resource: 'session',
				operation: 'create',
				sessionToken: '={{ $json.sessionToken }}',
			},
		});
		await runWorkflow(workflow, {
			inputItems: [{ sessionToken }],
			credentials: sandboxCredentials(sandbox()),
		});

		const second = await runWorkflow(workflow, {
			inputItems: [{ sessionToken }],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(second.error).toBeInstanceOf(NodeApiError);
		expect((second.error as NodeApiError).httpCode).toBe('401');
		expect(JSON.stringify(second.error)).not.toContain(sessionToken);
	});
});

describe('Items: one output per input, in order, linked, with On Error → Continue', () => {
	async function threeItems() {
		const first = await openSession(sandbox(), 'alice.anderson@example.com');
		const third = await openSession(sandbox(), 'carmen.castillo@example.com');
		return [
			{ sessionId: first.id },
			{ sessionId: '102doesNotExist0000000' },
			{ sessionId: third.id },
		];
	}

	it("reads each item's own session ID and keeps the order and pairing", async () => {
		const items = await threeItems();
		const ok = [items[0], items[2]];

		const result = await runWorkflow(getSessions(), {
			inputItems: ok,
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.jsonOf('Get Session').map((session) => session.id)).toEqual(
			ok.map((i) => i.sessionId),
		);
		expect(result.outputOf('Get Session').map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
		]);
	});

	it("continues on the regular output with an error item in the failed item's place", async () => {
		const items = await threeItems();

		const result = await runWorkflow(getSessions('continueRegularOutput'), {
			inputItems: items,
			credentials: sandboxCredentials(sandbox()),
		});

		const output = result.outputOf('Get Session');
		expect(output).toHaveLength(3);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBe(items[0].sessionId);
		expect(output[1].error).toBeInstanceOf(NodeApiError);
		expect((output[1].error as NodeApiError).httpCode).toBe('404');
		expect(String(output[1].json.error)).toContain('E0000007');
		expect(output[2].json.id).toBe(items[2].sessionId);
	});

	it('continues on the error output with the failed item there and the others on main', async () => {
		const items = await threeItems();

		const result = await runWorkflow(getSessions('continueErrorOutput'), {
			inputItems: items,
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.jsonOf('Get Session').map((session) => session.id)).toEqual([
			items[0].sessionId,
			items[2].sessionId,
		]);
		const errors = result.errorOutputOf('Get Session');
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 1 });
		expect(String(errors[0].json.error)).toContain('Get Session failed');
	});

	it('stops the run with a NodeApiError when not continuing', async () => {
		const items = await threeItems();

		const result = await runWorkflow(getSessions(), {
			inputItems: items,
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('404');
	});

	it('refuses a bad ID before any request, naming the item', async () => {
		const start = sandbox().requests.length;

		const result = await runWorkflow(getSessions(), {
			inputItems: [{ sessionId: '../users/00ualice7anderson1x2' }],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error?.message).toContain('Session ID');
		expect((result.error as NodeOperationError).context.itemIndex).toBe(0);
		expect(sandbox().requests.length).toBe(start);
	});
});

describe('The OAuth 2.0 service-app credential', () => {
	function oauthGet() {
		return oktaWorkflow({
			name: 'Get Session',
			parameters: {
				authentication: 'oAuth2',
				resource: 'session',
				operation: 'get',
				sessionId: '={{ $json.sessionId }}',
			},
		});
	}

	it('gets one access token with a signed assertion and reuses it for every item', async () => {
		const a = await openSession(sandbox(), 'alice.anderson@example.com');
		const b = await openSession(sandbox(), 'emeka.okafor@example.com');
		const credentials = new CredentialStore(sandboxCredentials(sandbox()));
		const start = sandbox().requests.length;

		const result = await runWorkflow(oauthGet(), {
			inputItems: [{ sessionId: a.id }, { sessionId: b.id }],
			credentials,
		});

		expect(result.error).toBeUndefined();
		expect(result.jsonOf('Get Session').map((s) => s.id)).toEqual([a.id, b.id]);
		const sent = sandbox().requests.slice(start);
		expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /oauth2/v1/token',
			`GET /api/v1/sessions/${a.id}`,
			`GET /api/v1/sessions/${b.id}`,
		]);
		expect(String(sent[1].headers.authorization)).toMatch(/^Bearer \S+$/);
		expect(credentials.preAuthenticationCount()).toBe(1);
	});

	it('fetches a new access token when Okta answers 401 and sends the request again', async () => {
		const a = await openSession(sandbox(), 'alice.anderson@example.com');
		const credentials = new CredentialStore(sandboxCredentials(sandbox()));
		await runWorkflow(oauthGet(), { inputItems: [{ sessionId: a.id }], credentials });
		sandbox().injectFault({
			method: 'GET',
			path: `/api/v1/sessions/${a.id}`,
			status: 401,
			times: 2,
			body: JSON.stringify({
				errorCode: 'E0000011',
				errorSummary: 'Invalid token provided',
				errorLink: 'E0000011',
				errorId: 'oaeExpired',
				errorCauses: [],
			}),
		});

		const result = await runWorkflow(oauthGet(), {
			inputItems: [{ sessionId: a.id }],
			credentials,
		});

		expect(result.error).toBeUndefined();
		expect(result.jsonOf('Get Session')[0].id).toBe(a.id);
		expect(credentials.preAuthenticationCount()).toBe(2);
	});

	it('waits out a rate-limited token request and then gets the token', async () => {
		const a = await openSession(sandbox(), 'alice.anderson@example.com');
		const now = new Date();
		sandbox().injectFault({
			method: 'POST',
			path: '/oauth2/v1/token',
			status: 429,
			times: 1,
			headers: {
				'Content-Type': 'application/json',
				Date: now.toUTCString(),
				'X-Rate-Limit-Reset': String(Math.floor(now.getTime() / 1000) + 1),
			},
			body: JSON.stringify({
				errorCode: 'E0000047',
				errorSummary: 'API call exceeded rate limit due to too many requests.',
			}),
		});
		const start = sandbox().requests.length;

		const result = await runWorkflow(oauthGet(), {
			inputItems: [{ sessionId: a.id }],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.error).toBeUndefined();
		expect(requestsAfter(sandbox(), start)).toEqual([
			'POST /oauth2/v1/token',
			'POST /oauth2/v1/token',
			`GET /api/v1/sessions/${a.id}`,
		]);
	});

	it("keeps Okta's details when the 401 persists after a fresh token", async () => {
		const a = await openSession(sandbox(), 'alice.anderson@example.com');
		sandbox().injectFault({
			method: 'GET',
			path: `/api/v1/sessions/${a.id}`,
			status: 401,
			headers: { 'Content-Type': 'application/json', 'X-Okta-Request-Id': 'still-401' },
			body: JSON.stringify({
				errorCode: 'E0000011',
				errorSummary: 'Invalid token provided',
				errorLink: 'E0000011',
				errorId: 'oaeStill401',
				errorCauses: [],
			}),
		});
		const credentials = new CredentialStore(sandboxCredentials(sandbox()));

		const result = await runWorkflow(oauthGet(), {
			inputItems: [{ sessionId: a.id }],
			credentials,
		});

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('401');
		expect(result.error?.message).toContain('E0000011');
		expect(result.error?.message).toContain('still-401');
		expect(credentials.preAuthenticationCount()).toBe(2);
		const serialized = JSON.stringify(result.error) + JSON.stringify(result.error?.cause ?? null);
		expect(serialized).not.toMatch(/Bearer [A-Za-z0-9]/);
	});

	it('explains a private key that Okta does not accept, without showing the key', async () => {
		const other = await startSandbox();
		try {
			const wrongKey = { ...sandboxCredentials(sandbox()) };
			wrongKey.oktaSessionsOAuth2Api = {
				...wrongKey.oktaSessionsOAuth2Api,
				privateKey: other.serviceApp.privateKeyPem,
			};

			const result = await runWorkflow(oauthGet(), {
				inputItems: [{ sessionId: '102whatever' }],
				credentials: wrongKey,
			});

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toContain('Okta did not issue an access token');
			expect(result.error?.message).toContain('invalid_client');
			const serialized = JSON.stringify(result.error) + JSON.stringify(result.error?.cause ?? null);
			expect(serialized).not.toContain('PRIVATE KEY');
		} finally {
			await other.close();
		}
	});
});
