import { Workflow } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INodeTypes,
} from 'n8n-workflow';

import { OktaSessionsApi } from '../../credentials/OktaSessionsApi.credentials';
import { OktaSessionsOAuth2Api } from '../../credentials/OktaSessionsOAuth2Api.credentials';
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { sandboxCredentials } from './support';

/**
 * The connection test n8n runs when someone clicks "Test" on a credential, resolved with n8n's own
 * expression engine and sent to the sandbox: n8n resolves the request, applies `authenticate`, and
 * shows the rule's message for a matching status. (The end-to-end tests click it in a real n8n.)
 */
const workflow = new Workflow({
	nodes: [],
	connections: {},
	active: false,
	nodeTypes: {} as INodeTypes,
});
const node = {
	id: '1',
	name: 'test',
	type: 'test',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

function resolve(value: unknown, credentials: ICredentialDataDecryptedObject): string {
	return String(
		workflow.expression.getSimpleParameterValue(node, value as string, 'internal', {
			$credentials: credentials,
		}),
	);
}

/** Just enough of n8n's request helper for the token exchange in preAuthentication. */
const fetchHelper: IHttpRequestHelper = {
	helpers: {
		httpRequest: (async (options: IHttpRequestOptions) => {
			const response = await fetch(options.url, {
				method: options.method,
				headers: options.headers as Record<string, string>,
				body: options.body as string,
			});
			return {
				statusCode: response.status,
				headers: Object.fromEntries(response.headers),
				body: await response.text(),
			};
		}) as IHttpRequestHelper['helpers']['httpRequest'],
	},
};

async function runCredentialTest(type: ICredentialType, data: ICredentialDataDecryptedObject) {
	const credentials = { ...data };
	if (type.preAuthentication)
		Object.assign(credentials, await type.preAuthentication.call(fetchHelper, credentials));
	const test = type.test as ICredentialTestRequest;
	const headers: Record<string, string> = { ...(test.request.headers as Record<string, string>) };
	const authenticate = type.authenticate as { properties: { headers: Record<string, string> } };
	for (const [name, value] of Object.entries(authenticate.properties.headers))
		headers[name] = resolve(value, credentials);

	const url = new URL(`${resolve(test.request.baseURL, credentials)}${test.request.url}`);
	for (const [key, value] of Object.entries(test.request.qs ?? {}))
		url.searchParams.set(key, String(value));
	const response = await fetch(url, {
		method: test.request.method ?? 'GET',
		headers,
		redirect: 'manual',
	});
	await response.arrayBuffer();
	const rule = (test.rules ?? []).find(
		(candidate) =>
			candidate.type === 'responseCode' && candidate.properties.value === response.status,
	);
	return { status: response.status, url: url.toString(), message: rule?.properties.message };
}

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox();
});
afterAll(async () => await sandbox.close());

describe("The credentials' connection tests against the sandbox", () => {
	it('passes for a good API token pasted with spaces, on a domain pasted with /api/v1/', async () => {
		const domain = `${sandbox.url}/api/v1/`;
		const result = await runCredentialTest(new OktaSessionsApi(), {
			domain,
			apiToken: ` ${sandbox.apiToken}\n`,
		});

		expect(result).toMatchObject({ status: 200, url: `${sandbox.url}/api/v1/users/me` });
	});

	it('explains a revoked or wrong API token', async () => {
		const result = await runCredentialTest(new OktaSessionsApi(), {
			domain: sandbox.url,
			apiToken: '00wrong-token-000000',
		});

		expect(result.status).toBe(401);
		expect(result.message).toMatch(/invalid, expired or revoked/);
	});

	it('passes for the service app, after fetching its access token', async () => {
		const result = await runCredentialTest(
			new OktaSessionsOAuth2Api(),
			sandboxCredentials(sandbox).oktaSessionsOAuth2Api,
		);

		expect(result).toMatchObject({ status: 200, url: `${sandbox.url}/api/v1/users?limit=1` });
	});

	it('explains a service app whose token lacks okta.users.read', async () => {
		const data = {
			...sandboxCredentials(sandbox).oktaSessionsOAuth2Api,
			scopes: 'okta.sessions.manage',
		};

		const result = await runCredentialTest(new OktaSessionsOAuth2Api(), data);

		expect(result.status).toBe(403);
		expect(result.message).toMatch(/okta\.users\.read/);
	});
});
