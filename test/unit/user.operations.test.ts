import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';
import { mockContext, oktaError } from './mockContext';

const ORIGIN = 'https://acme.okta.com';

function endAll(user: { mode: string; value: string }, extra: Record<string, unknown> = {}) {
	return { resource: 'user', operation: 'endAllSessions', user, ...extra };
}

function oktaUser(id: string, login: string) {
	return { id, status: 'ACTIVE', profile: { login, email: login } };
}

describe('User: End All Sessions', () => {
	it('ends every session of a user by ID, revoking tokens and forgetting devices by default', async () => {
		const mock = mockContext([endAll({ mode: 'id', value: ' 00ualice ' })], [{ statusCode: 204 }]);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(mock.requests).toHaveLength(1);
		expect(mock.requests[0].options).toMatchObject({
			method: 'DELETE',
			url: `${ORIGIN}/api/v1/users/00ualice/sessions`,
			qs: { oauthTokens: true, forgetDevices: true },
		});
		expect(output).toEqual([
			{
				json: {
					success: true,
					userId: '00ualice',
					login: null,
					oauthTokensRevoked: true,
					devicesForgotten: true,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('always sends both options explicitly, also when they are off', async () => {
		const mock = mockContext(
			[endAll({ mode: 'id', value: '00ualice' }, { oauthTokens: false, forgetDevices: false })],
			[{ statusCode: 204 }],
		);

		await new OktaSessions().execute.call(mock.context);

		expect(mock.requests[0].options.qs).toEqual({ oauthTokens: false, forgetDevices: false });
	});

	it.each([
		['a plus sign', 'bob+contractor@example.com', 'bob%2Bcontractor%40example.com'],
		['a percent sign', 'odd%name@example.com', 'odd%25name%40example.com'],
		['a double quote', 'quote"d@example.com', 'quote%22d%40example.com'],
	])(
		'looks a login with %s up percent-encoded, then ends its sessions',
		async (_, login, encoded) => {
			const mock = mockContext(
				[endAll({ mode: 'login', value: login })],
				[{ statusCode: 200, body: oktaUser('00ubob', login) }, { statusCode: 204 }],
			);

			const [output] = await new OktaSessions().execute.call(mock.context);

			expect(mock.requests.map((r) => `${r.options.method} ${r.options.url}`)).toEqual([
				`GET ${ORIGIN}/api/v1/users/${encoded}`,
				`DELETE ${ORIGIN}/api/v1/users/00ubob/sessions`,
			]);
			expect(output[0].json).toMatchObject({ userId: '00ubob', login });
		},
	);

	it('accepts a login that differs only in letter case', async () => {
		const mock = mockContext(
			[endAll({ mode: 'login', value: 'Alice@Example.com' })],
			[{ statusCode: 200, body: oktaUser('00ualice', 'alice@example.com') }, { statusCode: 204 }],
		);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(output[0].json.login).toBe('alice@example.com');
	});

	it('refuses to end sessions when the login resolves to a different user', async () => {
		const mock = mockContext(
			[endAll({ mode: 'login', value: 'alice' })],
			[{ statusCode: 200, body: oktaUser('00ualice', 'alice@example.com') }],
		);

		const promise = new OktaSessions().execute.call(mock.context);

		await expect(promise).rejects.toBeInstanceOf(NodeOperationError);
		await expect(promise).rejects.toThrow(/not a user with exactly this login/);
		expect(mock.requests).toHaveLength(1);
	});

	it('reports an unknown login as a 404 naming the login', async () => {
		const mock = mockContext(
			[endAll({ mode: 'login', value: 'nobody@example.com' })],
			[
				{
					statusCode: 404,
					body: oktaError('E0000007', 'Not found: Resource not found: nobody@example.com (User)'),
				},
			],
		);

		const promise = new OktaSessions().execute.call(mock.context);

		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toMatchObject({
			httpCode: '404',
			message: 'No Okta user with login "nobody@example.com"',
		});
	});

	it('points logins with a slash to By ID without sending anything', async () => {
		const mock = mockContext([endAll({ mode: 'login', value: 'a/b@example.com' })], []);

		await expect(new OktaSessions().execute.call(mock.context)).rejects.toThrow(/By ID/);
		expect(mock.requests).toHaveLength(0);
	});

	it.each([
		['a blank ID', { mode: 'id', value: '   ' }],
		['a blank login', { mode: 'login', value: '' }],
	])('never sends a request for %s, so it can never reach DELETE /users/{id}', async (_, user) => {
		const mock = mockContext([endAll(user)], []);

		await expect(new OktaSessions().execute.call(mock.context)).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(mock.requests).toHaveLength(0);
	});
});
