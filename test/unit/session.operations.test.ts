import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';
import { API_TOKEN, mockContext, oktaError, runNode, session } from './mockContext';

const ORIGIN = 'https://acme.okta.com';

describe('Session operations build the exact Okta request', () => {
	it('creates a session by posting the session token', async () => {
		const { requests, output } = await runNode(
			[{ resource: 'session', operation: 'create', sessionToken: ' 20111abcToken ' }],
			[{ statusCode: 200, body: session() }],
		);

		expect(requests).toHaveLength(1);
		expect(requests[0].credentialType).toBe('oktaSessionsApi');
		expect(requests[0].options).toMatchObject({
			method: 'POST',
			url: `${ORIGIN}/api/v1/sessions`,
			body: { sessionToken: '20111abcToken' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
		expect(output).toEqual([{ json: session(), pairedItem: { item: 0 } }]);
	});

	it('gets a session by its percent-encoded ID', async () => {
		const { requests, output } = await runNode(
			[{ resource: 'session', operation: 'get', sessionId: '102a+b=c' }],
			[{ statusCode: 200, body: session({ id: '102a+b=c' }) }],
		);

		expect(requests[0].options).toMatchObject({
			method: 'GET',
			url: `${ORIGIN}/api/v1/sessions/102a%2Bb%3Dc`,
		});
		expect(requests[0].options.body).toBeUndefined();
		expect(output[0].json.id).toBe('102a+b=c');
	});

	it('refreshes a session and returns its new expiry', async () => {
		const refreshed = session({ expiresAt: '2026-01-01T14:00:00.000Z' });
		const { requests, output } = await runNode(
			[{ resource: 'session', operation: 'refresh', sessionId: '102sessionAbc' }],
			[{ statusCode: 200, body: refreshed }],
		);

		expect(requests[0].options).toMatchObject({
			method: 'POST',
			url: `${ORIGIN}/api/v1/sessions/102sessionAbc/lifecycle/refresh`,
		});
		expect(output[0].json.expiresAt).toBe('2026-01-01T14:00:00.000Z');
	});

	it('ends a session and reports success on an empty 204', async () => {
		const { requests, output } = await runNode(
			[{ resource: 'session', operation: 'end', sessionId: '102sessionAbc' }],
			[{ statusCode: 204 }],
		);

		expect(requests[0].options).toMatchObject({
			method: 'DELETE',
			url: `${ORIGIN}/api/v1/sessions/102sessionAbc`,
		});
		expect(output).toEqual([
			{
				json: { success: true, sessionId: '102sessionAbc', alreadyEnded: false },
				pairedItem: { item: 0 },
			},
		]);
	});

	it('keeps a session whose optional fields are missing or null', async () => {
		const sparse = { id: '102sparse', status: 'ACTIVE', login: null, amr: null };
		const { output } = await runNode(
			[{ resource: 'session', operation: 'get', sessionId: '102sparse' }],
			[{ statusCode: 200, body: sparse }],
		);

		expect(output[0].json).toEqual(sparse);
	});

	it('reads every parameter for its own item', async () => {
		const { requests, output } = await runNode(
			[
				{ resource: 'session', operation: 'get', sessionId: '102first' },
				{ resource: 'session', operation: 'end', sessionId: '102second' },
			],
			[{ statusCode: 200, body: session({ id: '102first' }) }, { statusCode: 204 }],
		);

		expect(requests.map((r) => `${r.options.method} ${r.options.url}`)).toEqual([
			`GET ${ORIGIN}/api/v1/sessions/102first`,
			`DELETE ${ORIGIN}/api/v1/sessions/102second`,
		]);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('Audit-friendly single-session options', () => {
	it('returns a not-found session as an inactive item when asked to', async () => {
		const { output } = await runNode(
			[
				{
					resource: 'session',
					operation: 'get',
					sessionId: '102gone',
					options: { returnNotFoundAsItem: true },
				},
			],
			[
				{
					statusCode: 404,
					body: oktaError('E0000007', 'Not found: Resource not found: 102gone (Session)'),
				},
			],
		);

		expect(output[0].json).toEqual({ sessionId: '102gone', active: false });
	});

	it('treats an already ended session as success when asked to', async () => {
		const { output } = await runNode(
			[
				{
					resource: 'session',
					operation: 'end',
					sessionId: '102gone',
					options: { ignoreAlreadyEnded: true },
				},
			],
			[
				{
					statusCode: 404,
					body: oktaError('E0000007', 'Not found: Resource not found: 102gone (Session)'),
				},
			],
		);

		expect(output[0].json).toEqual({ success: true, sessionId: '102gone', alreadyEnded: true });
	});

	it('still fails on a 404 without the option', async () => {
		const promise = runNode(
			[{ resource: 'session', operation: 'end', sessionId: '102gone' }],
			[
				{
					statusCode: 404,
					body: oktaError('E0000007', 'Not found: Resource not found: 102gone (Session)'),
				},
			],
		);

		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toMatchObject({ httpCode: '404' });
	});
});

describe('Input is checked before any request', () => {
	it.each([
		['an empty ID', '   '],
		['a slash', '102a/../users'],
		['a backslash', '102a\\b'],
		['dot-dot', '102..b'],
		['a query', '102a?x=1'],
		['a fragment', '102a#b'],
		['a percent sign', '102a%2F'],
		['inner whitespace', '102a b'],
		['a control character', '102a\u0001'],
		['a non-ASCII character', '102aé'],
		['more than 256 characters', `102${'a'.repeat(254)}`],
	])('refuses a session ID with %s', async (_, sessionId) => {
		const mock = mockContext([{ resource: 'session', operation: 'get', sessionId }], []);

		const promise = new OktaSessions().execute.call(mock.context);

		await expect(promise).rejects.toBeInstanceOf(NodeOperationError);
		await expect(promise).rejects.toThrow(/Session ID/);
		expect(mock.requests).toHaveLength(0);
	});

	it('accepts an ID of exactly 256 characters', async () => {
		const sessionId = `102${'a'.repeat(253)}`;
		const { requests } = await runNode(
			[{ resource: 'session', operation: 'get', sessionId }],
			[{ statusCode: 200, body: session({ id: sessionId }) }],
		);
		expect(requests[0].options.url).toBe(`${ORIGIN}/api/v1/sessions/${sessionId}`);
	});

	it('refuses Create with the OAuth service-app credential before sending', async () => {
		const mock = mockContext(
			[{ authentication: 'oAuth2', resource: 'session', operation: 'create', sessionToken: 'x1' }],
			[],
			{ credentials: { domain: 'https://acme.okta.com', clientId: 'c', privateKey: 'k' } },
		);

		await expect(new OktaSessions().execute.call(mock.context)).rejects.toThrow(
			'Create Session works only with the Okta API Token credential',
		);
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses an http:// domain that is not loopback before sending', async () => {
		const mock = mockContext([{ resource: 'session', operation: 'get', sessionId: '102a' }], [], {
			credentials: { domain: 'http://acme.okta.com', apiToken: API_TOKEN },
		});

		await expect(new OktaSessions().execute.call(mock.context)).rejects.toThrow(/https:\/\//);
		expect(mock.requests).toHaveLength(0);
	});
});

describe('On Error: Continue', () => {
	it('gives one error item for the failed input and keeps going, in order', async () => {
		const { output, requests } = await runNode(
			[
				{ resource: 'session', operation: 'get', sessionId: '102one' },
				{ resource: 'session', operation: 'get', sessionId: 'bad/id' },
				{ resource: 'session', operation: 'get', sessionId: '102three' },
			],
			[
				{ statusCode: 200, body: session({ id: '102one' }) },
				{ statusCode: 200, body: session({ id: '102three' }) },
			],
			{ continueOnFail: true },
		);

		expect(requests).toHaveLength(2);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.id).toBe('102one');
		expect(output[1].json.error).toMatch(/Session ID/);
		expect(output[1].error).toBeInstanceOf(NodeOperationError);
		expect(output[2].json.id).toBe('102three');
	});
});
