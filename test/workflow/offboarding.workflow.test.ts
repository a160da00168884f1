import { NodeApiError, NodeOperationError } from 'n8n-workflow';

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

function endAllByLogin(authentication: 'apiToken' | 'oAuth2' = 'oAuth2') {
	return oktaWorkflow({
		name: 'End All Sessions',
		parameters: {
			authentication,
			resource: 'user',
			operation: 'endAllSessions',
			user: { __rl: true, mode: 'login', value: '={{ $json.login }}' },
			oauthTokens: true,
			forgetDevices: true,
		},
		onError: 'continueRegularOutput',
	});
}

describe('Offboarding: End All Sessions', () => {
	it('ends every session of each user and revokes their tokens', async () => {
		const bob = [
			await openSession(sandbox(), 'bob+contractor@example.com'),
			await openSession(sandbox(), 'bob+contractor@example.com'),
		];
		const carmen = await openSession(sandbox(), 'carmen.castillo@example.com');
		const bystander = await openSession(sandbox(), 'alice.anderson@example.com');
		const start = sandbox().requests.length;

		const result = await runWorkflow(endAllByLogin(), {
			inputItems: [
				{ login: 'bob+contractor@example.com' },
				{ login: 'carmen.castillo@example.com' },
			],
			credentials: sandboxCredentials(sandbox()),
		});

		expect(result.jsonOf('End All Sessions')).toEqual([
			{
				success: true,
				userId: '00ubob4contractor8k3',
				login: 'bob+contractor@example.com',
				oauthTokensRevoked: true,
				devicesForgotten: true,
			},
			{
				success: true,
				userId: '00ucarmen2castillo9q',
				login: 'carmen.castillo@example.com',
				oauthTokensRevoked: true,
				devicesForgotten: true,
			},
		]);
		for (const session of [...bob, carmen]) {
			expect(await sessionStatus(sandbox(), String(session.id))).toBe(404);
		}
		expect(await sessionStatus(sandbox(), String(bystander.id))).toBe(200);
		const clears = sandbox()
			.requests.slice(start)
			.filter((r) => r.method === 'DELETE');
		expect(clears.map((r) => [r.path, r.query])).toEqual([
			[
				'/api/v1/users/00ubob4contractor8k3/sessions',
				{ oauthTokens: 'true', forgetDevices: 'true' },
			],
			[
				'/api/v1/users/00ucarmen2castillo9q/sessions',
				{ oauthTokens: 'true', forgetDevices: 'true' },
			],
		]);
	});

	it('puts error items exactly where the unknown or mismatched logins were', async () => {
		const dmitri = await openSession(sandbox(), 'dmitri.petrov@example.com');
		const carmen = await openSession(sandbox(), 'carmen.castillo@example.com');
		const start = sandbox().requests.length;

		const result = await runWorkflow(endAllByLogin('apiToken'), {
			inputItems: [
				{ login: 'dmitri.petrov@example.com' },
				{ login: 'nobody@example.com' },
				{ login: 'carmen.castillo' },
				{ login: '' },
				{ login: 'emeka.okafor@example.com' },
			],
			credentials: sandboxCredentials(sandbox()),
		});

		const output = result.outputOf('End All Sessions');
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4].map((item) => ({ item })),
		);
		expect(output[0].json).toMatchObject({ success: true, login: 'dmitri.petrov@example.com' });
		expect(output[1].error).toBeInstanceOf(NodeApiError);
		expect(output[1].json.error).toBe('No Okta user with login "nobody@example.com"');
		expect(output[2].error).toBeInstanceOf(NodeOperationError);
		expect(String(output[2].json.error)).toContain('carmen.castillo@example.com');
		expect(output[3].error).toBeInstanceOf(NodeOperationError);
		expect(output[4].json).toMatchObject({ success: true, userId: '00uemeka3okafor07z4m' });

		expect(await sessionStatus(sandbox(), String(dmitri.id))).toBe(404);
		expect(await sessionStatus(sandbox(), String(carmen.id))).toBe(200);
		const sent = requestsAfter(sandbox(), start);
		expect(sent.filter((line) => line.startsWith('DELETE'))).toEqual([
			'DELETE /api/v1/users/00udmitri6petrov05w1/sessions',
			'DELETE /api/v1/users/00uemeka3okafor07z4m/sessions',
		]);
		expect(
			sandbox().requests.some(
				(r) => r.method === 'DELETE' && /^\/api\/v1\/users\/[^/]+$/.test(r.path),
			),
		).toBe(false);
	});

	it('ends sessions by user ID without looking the user up', async () => {
		const emeka = await openSession(sandbox(), 'emeka.okafor@example.com');
		const start = sandbox().requests.length;

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'End All Sessions',
				parameters: {
					resource: 'user',
					operation: 'endAllSessions',
					user: { __rl: true, mode: 'id', value: '00uemeka3okafor07z4m' },
					oauthTokens: false,
					forgetDevices: false,
				},
			}),
			{ credentials: sandboxCredentials(sandbox()) },
		);

		expect(result.jsonOf('End All Sessions')[0]).toMatchObject({
			userId: '00uemeka3okafor07z4m',
			login: null,
			oauthTokensRevoked: false,
		});
		expect(requestsAfter(sandbox(), start)).toEqual([
			'DELETE /api/v1/users/00uemeka3okafor07z4m/sessions',
		]);
		expect(sandbox().requests.at(-1)?.query).toEqual({
			oauthTokens: 'false',
			forgetDevices: 'false',
		});
		expect(await sessionStatus(sandbox(), String(emeka.id))).toBe(404);
	});
});
