import { NodeApiError } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import { runWorkflow } from '../harness';
import {
	oktaWorkflow,
	openSession,
	requestsAfter,
	sandboxCredentials,
	sessionStatus,
	useSandbox,
} from './support';

const sandbox = useSandbox();

describe('Every parameter is read for its own item', () => {
	it('signs each item in with its own session token', async () => {
		const tokens = [];
		for (const login of ['alice.anderson@example.com', 'carmen.castillo@example.com']) {
			const user = sandbox().users.find((candidate) => candidate.login === login)!;
			tokens.push({ sessionToken: await sandbox().signIn(user.login, user.password) });
		}

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Create Session',
				parameters: {
					resource: 'session',
					operation: 'create',
					sessionToken: '={{ $json.sessionToken }}',
				},
			}),
			{ inputItems: tokens, credentials: sandboxCredentials(sandbox()) },
		);

		expect(result.jsonOf('Create Session').map((session) => session.login)).toEqual([
			'alice.anderson@example.com',
			'carmen.castillo@example.com',
		]);
	});

	it("revokes tokens per item, as each item's expression says", async () => {
		const start = sandbox().requests.length;

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'End All Sessions',
				parameters: {
					resource: 'user',
					operation: 'endAllSessions',
					user: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					oauthTokens: '={{ $json.revoke }}',
					forgetDevices: '={{ !$json.revoke }}',
				},
			}),
			{
				inputItems: [
					{ id: '00ualice7anderson1x2', revoke: true },
					{ id: '00ucarmen2castillo9q', revoke: false },
				],
				credentials: sandboxCredentials(sandbox()),
			},
		);

		expect(result.jsonOf('End All Sessions').map((item) => item.oauthTokensRevoked)).toEqual([
			true,
			false,
		]);
		expect(
			sandbox()
				.requests.slice(start)
				.map((request) => request.query),
		).toEqual([
			{ oauthTokens: 'true', forgetDevices: 'false' },
			{ oauthTokens: 'false', forgetDevices: 'true' },
		]);
	});

	it("reads each item's own audit filter and links every event to its item", async () => {
		for (const login of [
			'alice.anderson@example.com',
			'alice.anderson@example.com',
			'carmen.castillo@example.com',
		]) {
			await openSession(sandbox(), login);
		}

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Session Events',
				parameters: {
					resource: 'sessionEvent',
					operation: 'getMany',
					eventTypes: ['user.session.start'],
					user: '={{ $json.login }}',
					returnAll: true,
				},
			}),
			{
				inputItems: [
					{ login: 'alice.anderson@example.com' },
					{ login: 'carmen.castillo@example.com' },
				],
				credentials: sandboxCredentials(sandbox()),
			},
		);

		const output = result.outputOf('Session Events');
		expect(output.map((item) => [item.json.actorLogin, item.pairedItem])).toEqual([
			['alice.anderson@example.com', { item: 0 }],
			['alice.anderson@example.com', { item: 0 }],
			['carmen.castillo@example.com', { item: 1 }],
		]);
	});

	it("applies each item's own End options", async () => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');
		await fetch(`${sandbox().url}/api/v1/sessions/${session.id}`, {
			method: 'DELETE',
			headers: { Authorization: `SSWS ${sandbox().apiToken}` },
		});

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'End Session',
				parameters: {
					resource: 'session',
					operation: 'end',
					sessionId: '={{ $json.sessionId }}',
					options: { ignoreAlreadyEnded: '={{ $json.ignore }}' },
				},
				onError: 'continueRegularOutput',
			}),
			{
				inputItems: [
					{ sessionId: session.id, ignore: true },
					{ sessionId: session.id, ignore: false },
				],
				credentials: sandboxCredentials(sandbox()),
			},
		);

		const output = result.outputOf('End Session');
		expect(output[0].json).toEqual({ success: true, sessionId: session.id, alreadyEnded: true });
		expect((output[1].error as NodeApiError).httpCode).toBe('404');
	});

	it("uses each item's own authentication", async () => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');
		const start = sandbox().requests.length;

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Get Session',
				parameters: {
					authentication: '={{ $json.auth }}',
					resource: 'session',
					operation: 'get',
					sessionId: String(session.id),
				},
			}),
			{
				inputItems: [{ auth: 'apiToken' }, { auth: 'oAuth2' }],
				credentials: sandboxCredentials(sandbox()),
			},
		);

		expect(result.error).toBeUndefined();
		const sent = sandbox().requests.slice(start);
		expect(sent.map((request) => request.path)).toEqual([
			`/api/v1/sessions/${session.id}`,
			'/oauth2/v1/token',
			`/api/v1/sessions/${session.id}`,
		]);
		expect(String(sent[0].headers.authorization)).toMatch(/^SSWS /);
		expect(String(sent[2].headers.authorization)).toMatch(/^Bearer /);
	});
});

describe('What people paste is cleaned up', () => {
	it('trims IDs and logins that came with spaces or line breaks', async () => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');
		const dmitri = await openSession(sandbox(), 'dmitri.petrov@example.com');
		const start = sandbox().requests.length;

		const get = await runWorkflow(
			oktaWorkflow({
				name: 'Get Session',
				parameters: { resource: 'session', operation: 'get', sessionId: `  ${session.id}\n` },
			}),
			{ credentials: sandboxCredentials(sandbox()) },
		);
		const endAll = await runWorkflow(
			oktaWorkflow({
				name: 'End All Sessions',
				parameters: {
					resource: 'user',
					operation: 'endAllSessions',
					user: { __rl: true, mode: 'login', value: ' dmitri.petrov@example.com\n' },
				},
			}),
			{ credentials: sandboxCredentials(sandbox()) },
		);

		expect(get.jsonOf('Get Session')[0].id).toBe(session.id);
		expect(endAll.jsonOf('End All Sessions')[0].login).toBe('dmitri.petrov@example.com');
		expect(requestsAfter(sandbox(), start)).toEqual([
			`GET /api/v1/sessions/${session.id}`,
			'GET /api/v1/users/dmitri.petrov%40example.com',
			'DELETE /api/v1/users/00udmitri6petrov05w1/sessions',
		]);
		expect(await sessionStatus(sandbox(), String(dmitri.id))).toBe(404);
	});

	it.each([
		['with the SSWS prefix', (token: string) => `SSWS ${token}`],
		['with spaces and a line break', (token: string) => `  ${token}\n`],
	])('sends a pasted API token %s as a clean SSWS header', async (_, paste) => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');
		const start = sandbox().requests.length;

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Get Session',
				parameters: { resource: 'session', operation: 'get', sessionId: String(session.id) },
			}),
			{ credentials: sandboxCredentials(sandbox(), paste(sandbox().apiToken)) },
		);

		expect(result.error).toBeUndefined();
		expect(sandbox().requests[start].headers.authorization).toBe(`SSWS ${sandbox().apiToken}`);
	});

	it('asks for the default scopes when the Scopes field is empty, enough for every operation', async () => {
		const credentials = sandboxCredentials(sandbox());
		credentials.oktaSessionsOAuth2Api = { ...credentials.oktaSessionsOAuth2Api, scopes: '' };
		const start = sandbox().requests.length;

		const result = await runWorkflow(
			oktaWorkflow(
				{
					name: 'End All Sessions',
					parameters: {
						authentication: 'oAuth2',
						resource: 'user',
						operation: 'endAllSessions',
						user: { __rl: true, mode: 'login', value: 'emeka.okafor@example.com' },
					},
				},
				{
					name: 'Session Events',
					parameters: {
						authentication: 'oAuth2',
						resource: 'sessionEvent',
						operation: 'getMany',
						eventTypes: ['user.session.clear'],
						returnAll: true,
					},
				},
			),
			{ credentials },
		);

		expect(result.error).toBeUndefined();
		const tokenRequest = sandbox()
			.requests.slice(start)
			.find((r) => r.path === '/oauth2/v1/token');
		expect(
			String((tokenRequest?.body as { scope?: string }).scope)
				.split(' ')
				.sort(),
		).toEqual(['okta.logs.read', 'okta.sessions.manage', 'okta.users.manage', 'okta.users.read']);
		expect(result.jsonOf('Session Events')[0]).toMatchObject({
			targetLogin: 'emeka.okafor@example.com',
		});
	});
});

describe('Guards proven against the sandbox', () => {
	it('removes secrets that come back inside an Okta error', async () => {
		const alice = sandbox().users[0];
		const sessionToken = await sandbox().signIn(alice.login, alice.password);
		sandbox().injectFault({
			path: '/api/v1/sessions',
			status: 400,
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				errorCode: 'E0000001',
				errorSummary: `Api validation failed: sessionToken ${sessionToken}`,
				errorId: 'oaeEcho',
				errorCauses: [{ errorSummary: `Authorization: SSWS ${sandbox().apiToken}` }],
			}),
		});

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Create Session',
				parameters: { resource: 'session', operation: 'create', sessionToken },
			}),
			{ credentials: sandboxCredentials(sandbox()) },
		);

		const serialized = JSON.stringify(result.error) + String(result.error?.message);
		expect(result.error?.message).toContain('[redacted]');
		expect(serialized).not.toContain(sessionToken);
		expect(serialized).not.toContain(sandbox().apiToken);
	});

	it('does not follow a next link to another host, which receives nothing', async () => {
		const elsewhere = await startSandbox();
		try {
			await openSession(sandbox(), 'alice.anderson@example.com');
			sandbox().injectFault({
				path: '/api/v1/logs',
				status: 200,
				headers: {
					'Content-Type': 'application/json',
					Link: `<${elsewhere.url}/api/v1/logs?after=1>; rel="next"`,
				},
				body: JSON.stringify([{ uuid: 'only-event', eventType: 'user.session.start' }]),
			});

			const result = await runWorkflow(
				oktaWorkflow({
					name: 'Session Events',
					parameters: { resource: 'sessionEvent', operation: 'getMany', returnAll: true },
				}),
				{ credentials: sandboxCredentials(sandbox()) },
			);

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toMatch(/leads away/);
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await elsewhere.close();
		}
	});

	it('finds a user whose login the filter has to escape', async () => {
		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Session Events',
				parameters: {
					resource: 'sessionEvent',
					operation: 'getMany',
					user: 'odd"name\\@example.com',
					returnAll: true,
				},
			}),
			{ credentials: sandboxCredentials(sandbox()) },
		);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Session Events')).toEqual([]);
	});
});
