import { generateKeyPairSync } from 'node:crypto';

import { startSandbox, type Sandbox } from '../../sandbox';
import { accessToken, bearer, call, clientAssertion, ssws, tokenRequest } from './fixtures';

describe('tokens and scopes in the sandbox', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	const requestToken = (assertion: string, scope?: string) =>
		call(sandbox, 'POST', '/oauth2/v1/token', {
			authorization: null,
			form: tokenRequest(assertion, scope),
		});

	describe('the token endpoint', () => {
		it('exchanges a good client assertion for a one-hour Bearer token with the scopes asked for', async () => {
			const reply = await requestToken(
				clientAssertion(sandbox),
				'okta.sessions.manage okta.logs.read',
			);

			expect(reply.status).toBe(200);
			expect(reply.body).toEqual({
				token_type: 'Bearer',
				expires_in: 3600,
				access_token: expect.any(String),
				scope: 'okta.sessions.manage okta.logs.read',
			});
		});

		it('refuses an assertion signed with another key', async () => {
			const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
			const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

			const reply = await requestToken(clientAssertion(sandbox, {}, { privateKeyPem }));

			expect(reply.status).toBe(401);
			expect(reply.body).toEqual({
				error: 'invalid_client',
				error_description: 'The client_assertion signature is invalid.',
			});
		});

		it('refuses an assertion whose audience is not the token endpoint', async () => {
			const reply = await requestToken(clientAssertion(sandbox, { aud: sandbox.url }));

			expect(reply.status).toBe(401);
			expect(reply.body.error_description).toMatch(/audience/);
		});

		it('refuses an assertion used a second time', async () => {
			const assertion = clientAssertion(sandbox);

			expect((await requestToken(assertion)).status).toBe(200);
			const replay = await requestToken(assertion);
			expect(replay.status).toBe(401);
			expect(replay.body.error_description).toMatch(/already been used/);
		});

		it('refuses an expired assertion', async () => {
			const past = Date.now() - 10 * 60 * 1000;

			const reply = await requestToken(clientAssertion(sandbox, {}, { now: past }));

			expect(reply.status).toBe(401);
			expect(reply.body.error_description).toMatch(/expired/);
		});

		it('refuses a scope the service app was not granted', async () => {
			const reply = await requestToken(clientAssertion(sandbox), 'okta.groups.manage');

			expect(reply.status).toBe(400);
			expect(reply.body.error).toBe('invalid_scope');
		});

		it('refuses grants other than client_credentials', async () => {
			const reply = await call(sandbox, 'POST', '/oauth2/v1/token', {
				authorization: null,
				form: { ...tokenRequest(clientAssertion(sandbox)), grant_type: 'password' },
			});

			expect(reply.status).toBe(400);
			expect(reply.body.error).toBe('unsupported_grant_type');
		});
	});

	describe('access tokens', () => {
		it('reach an endpoint their scope covers, with manage covering read', async () => {
			const token = await accessToken(sandbox, 'okta.users.manage');

			const reply = await call(sandbox, 'GET', '/api/v1/users/alice.anderson', {
				authorization: bearer(token),
			});

			expect(reply.status).toBe(200);
		});

		it('get 403 E0000006 and an insufficient_scope challenge without the scope', async () => {
			const token = await accessToken(sandbox, 'okta.sessions.read');

			const reply = await call(sandbox, 'GET', '/api/v1/logs', { authorization: bearer(token) });

			expect(reply.status).toBe(403);
			expect(reply.body.errorCode).toBe('E0000006');
			expect(reply.headers.get('www-authenticate')).toMatch(
				/^Bearer .*scope="okta\.logs\.read", error="insufficient_scope", .*resource="\/api\/v1\/logs"$/,
			);
		});

		it('cannot create sessions, which Okta reserves for API tokens', async () => {
			const token = await accessToken(sandbox, 'okta.sessions.manage');
			const sessionToken = await sandbox.signIn(sandbox.users[0].login, sandbox.users[0].password);

			const reply = await call(sandbox, 'POST', '/api/v1/sessions', {
				authorization: bearer(token),
				json: { sessionToken },
			});

			expect(reply.status).toBe(403);
			expect(reply.body.errorCode).toBe('E0000006');
		});

		it('are not accepted once the sandbox is reset', async () => {
			const token = await accessToken(sandbox, 'okta.logs.read');
			sandbox.reset();

			const reply = await call(sandbox, 'GET', '/api/v1/logs', { authorization: bearer(token) });

			expect(reply.status).toBe(401);
			expect(reply.body.errorCode).toBe('E0000011');
		});
	});

	describe('API tokens', () => {
		it.each([
			['no Authorization header', null],
			['an unknown SSWS token', ssws('00not-a-real-token')],
			['an unknown Bearer token', bearer('not-a-real-token')],
		])('answers %s with 401 E0000011', async (_case, authorization) => {
			const reply = await call(sandbox, 'GET', '/api/v1/users/me', { authorization });

			expect(reply.status).toBe(401);
			expect(reply.body).toMatchObject({
				errorCode: 'E0000011',
				errorSummary: 'Invalid token provided',
			});
		});

		it('let a read-only admin read but not end sessions', async () => {
			const readOnly = ssws(sandbox.readOnlyApiToken);

			const read = await call(sandbox, 'GET', '/api/v1/logs', { authorization: readOnly });
			const write = await call(sandbox, 'DELETE', `/api/v1/users/${sandbox.users[0].id}/sessions`, {
				authorization: readOnly,
			});

			expect(read.status).toBe(200);
			expect(write.status).toBe(403);
			expect(write.body).toMatchObject({
				errorCode: 'E0000006',
				errorSummary: 'You do not have permission to perform the requested action',
			});
		});
	});
});
