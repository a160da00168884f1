import { createServer } from 'http';
import type { IncomingHttpHeaders, Server } from 'http';
import type { AddressInfo } from 'net';
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestHelper,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { CredentialStore, runWorkflow } from './harness';
import type { WorkflowJson } from './harness';

// A throwaway API: `/things/<id>` answers for ids other than "missing", `/token` hands out
// numbered bearer tokens, and only the newest token is accepted.
interface SeenRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
}

class ProbeApi {
	readonly seen: SeenRequest[] = [];
	tokensIssued = 0;
	private server: Server | undefined;

	get currentToken(): string {
		return `token-${this.tokensIssued}`;
	}

	async start(): Promise<string> {
		this.server = createServer((request, response) => {
			this.seen.push({
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers,
			});
			const reply = (status: number, body: object) => {
				response.writeHead(status, { 'content-type': 'application/json' });
				response.end(JSON.stringify(body));
			};

			if (request.url === '/token') {
				this.tokensIssued++;
				return reply(200, { access_token: this.currentToken });
			}
			if (request.url?.startsWith('/secure/')) {
				const authorized = request.headers.authorization === `Bearer ${this.currentToken}`;
				return authorized ? reply(200, { ok: true }) : reply(401, { error: 'expired' });
			}
			if (request.url === '/things/missing') return reply(404, { error: 'not found' });
			return reply(200, { id: request.url?.split('/').pop() });
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		// n8n's HTTP client keeps connections alive; close them or the server never stops.
		this.server?.closeAllConnections();
		await new Promise((resolve) => this.server?.close(resolve));
	}

	/** Makes every token issued so far stale, as an expiry on the server side would. */
	expireTokens(): void {
		this.tokensIssued++;
	}
}

const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	default: '',
};

class ProbeKeyApi implements ICredentialType {
	name = 'probeKeyApi';
	displayName = 'Probe Key';
	properties: INodeProperties[] = [
		baseUrlProperty,
		{
			displayName: 'Key',
			name: 'key',
			type: 'string',
			typeOptions: { password: true },
			default: '',
		},
	];
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'X-Probe-Key': '={{$credentials.key}}' } },
	};
}

class ProbeTokenApi implements ICredentialType {
	name = 'probeTokenApi';
	displayName = 'Probe Token';
	properties: INodeProperties[] = [
		baseUrlProperty,
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true },
			default: '',
		},
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const answer = (await this.helpers.httpRequest({
			method: 'POST',
			url: `${credentials.baseUrl as string}/token`,
			json: true,
		})) as { access_token: string };
		return { accessToken: answer.access_token };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.accessToken}}' } },
	};
}

const probeDescription: INodeTypeDescription = {
	displayName: 'Probe',
	name: 'probe',
	group: ['transform'],
	version: 1,
	description: 'Fetches one path per item',
	defaults: { name: 'Probe' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [
		{ name: 'probeKeyApi', required: true, displayOptions: { show: { authentication: ['key'] } } },
		{
			name: 'probeTokenApi',
			required: true,
			displayOptions: { show: { authentication: ['token'] } },
		},
	],
	properties: [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'Key', value: 'key' },
				{ name: 'Token', value: 'token' },
			],
			default: 'key',
		},
		{ displayName: 'Path', name: 'path', type: 'string', default: '', required: true },
	],
};

class Probe implements INodeType {
	description = probeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const output: INodeExecutionData[] = [];

		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const authentication = this.getNodeParameter('authentication', itemIndex) as string;
				const credentialType = authentication === 'token' ? 'probeTokenApi' : 'probeKeyApi';
				const path = this.getNodeParameter('path', itemIndex) as string;
				if (path === '')
					throw new NodeOperationError(this.getNode(), 'Path is empty', { itemIndex });

				const { baseUrl } = await this.getCredentials(credentialType, itemIndex);
				const body = (await this.helpers.httpRequestWithAuthentication.call(this, credentialType, {
					url: `${baseUrl as string}${path}`,
					json: true,
				})) as JsonObject;
				output.push({ json: body, pairedItem: { item: itemIndex } });
			} catch (error) {
				const nodeError =
					error instanceof NodeApiError || error instanceof NodeOperationError
						? error
						: new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
				if (!this.continueOnFail()) throw nodeError;
				output.push({
					json: { error: nodeError.message },
					error: nodeError,
					pairedItem: { item: itemIndex },
				});
			}
		}

		return [output];
	}
}

function probeWorkflow(parameters: INodeParameters, onError?: INode['onError']): WorkflowJson {
	return {
		nodes: [
			{
				id: '1',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: '2',
				name: 'Probe',
				type: 'probe',
				typeVersion: 1,
				position: [200, 0],
				parameters,
				onError,
			},
		],
		connections: {
			'Manual Trigger': { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
		},
	};
}

describe('runWorkflow', () => {
	const api = new ProbeApi();
	let baseUrl: string;
	const run = (
		workflow: WorkflowJson,
		inputItems: IDataObject[],
		credentials: Record<string, ICredentialDataDecryptedObject> | CredentialStore,
	) =>
		runWorkflow(workflow, {
			inputItems,
			credentials,
			nodeTypes: [new Probe()],
			credentialTypes: [new ProbeKeyApi(), new ProbeTokenApi()],
			loadPackage: false,
		});

	beforeAll(async () => {
		baseUrl = await api.start();
	});
	afterAll(async () => api.stop());
	beforeEach(() => {
		api.seen.length = 0;
	});

	it('resolves parameters per item and links each output item to its input', async () => {
		const result = await run(
			probeWorkflow({ path: '={{ "/things/" + $json.id }}' }),
			[{ id: 'a' }, { id: 'b' }],
			{ probeKeyApi: { baseUrl, key: 'k-1' } },
		);

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['Manual Trigger', 'Probe']);
		expect(api.seen.map((request) => request.url)).toEqual(['/things/a', '/things/b']);
		expect(result.outputOf('Probe')).toEqual([
			{ json: { id: 'a' }, pairedItem: { item: 0 } },
			{ json: { id: 'b' }, pairedItem: { item: 1 } },
		]);
	});

	it("applies the credential type's generic authenticate to every request", async () => {
		await run(probeWorkflow({ path: '/things/a' }), [{}], {
			probeKeyApi: { baseUrl, key: 'k-secret' },
		});

		expect(api.seen).toHaveLength(1);
		expect(api.seen[0].headers['x-probe-key']).toBe('k-secret');
	});

	it('fails the run with the error object the node threw', async () => {
		const result = await run(
			probeWorkflow({ path: '={{ "/things/" + $json.id }}' }),
			[{ id: 'missing' }],
			{
				probeKeyApi: { baseUrl, key: 'k-1' },
			},
		);

		expect(result.failedNode).toBe('Probe');
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('404');
		expect(result.nodes.Probe.error).toBe(result.error);
		expect(() => result.outputOf('Probe')).not.toThrow();
	});

	it('passes failed items on the main output with continueRegularOutput', async () => {
		const result = await run(
			probeWorkflow({ path: '={{ "/things/" + $json.id }}' }, 'continueRegularOutput'),
			[{ id: 'a' }, { id: 'missing' }],
			{ probeKeyApi: { baseUrl, key: 'k-1' } },
		);

		expect(result.error).toBeUndefined();
		const [ok, failed] = result.outputOf('Probe');
		expect(ok).toEqual({ json: { id: 'a' }, pairedItem: { item: 0 } });
		expect(failed.pairedItem).toEqual({ item: 1 });
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect((failed.error as NodeApiError).httpCode).toBe('404');
		expect(result.errorOutputOf('Probe')).toEqual([]);
	});

	it('routes failed items to the error output with continueErrorOutput', async () => {
		const result = await run(
			probeWorkflow({ path: '={{ "/things/" + $json.id }}' }, 'continueErrorOutput'),
			[{ id: 'missing' }, { id: 'b' }, { id: 'missing' }],
			{ probeKeyApi: { baseUrl, key: 'k-1' } },
		);

		expect(result.error).toBeUndefined();
		expect(result.outputOf('Probe')).toEqual([{ json: { id: 'b' }, pairedItem: { item: 1 } }]);
		const failed = result.errorOutputOf('Probe');
		expect(failed.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
		expect(failed.every((item) => item.error instanceof NodeApiError)).toBe(true);
		expect(result.outputOf('Probe', 1)).toBe(failed);
	});

	it('pre-authenticates once and reuses the stored token for later requests and runs', async () => {
		const credentials = new CredentialStore({ probeTokenApi: { baseUrl } });
		const workflow = probeWorkflow({
			authentication: 'token',
			path: '={{ "/secure/" + $json.id }}',
		});

		const first = await run(workflow, [{ id: 'a' }, { id: 'b' }], credentials);
		const second = await run(workflow, [{ id: 'c' }], credentials);

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect(credentials.preAuthenticationCount('probeTokenApi')).toBe(1);
		expect(credentials.get('probeTokenApi')?.accessToken).toBe('token-1');
		expect(api.seen.map((request) => request.url)).toEqual([
			'/token',
			'/secure/a',
			'/secure/b',
			'/secure/c',
		]);
		expect(api.seen[1].headers.authorization).toBe('Bearer token-1');
	});

	it('fetches a new token when the API answers 401, as n8n does', async () => {
		const credentials = new CredentialStore({ probeTokenApi: { baseUrl, accessToken: 'token-0' } });
		api.expireTokens();

		const result = await run(
			probeWorkflow({ authentication: 'token', path: '/secure/a' }),
			[{}],
			credentials,
		);

		expect(result.error).toBeUndefined();
		expect(credentials.preAuthenticationCalls).toEqual([{ type: 'probeTokenApi', forced: true }]);
		expect(credentials.get('probeTokenApi')?.accessToken).toBe(api.currentToken);
		expect(api.seen.map((request) => request.url)).toEqual(['/secure/a', '/token', '/secure/a']);
	});

	it('starts at a named node and leaves out what comes before and after the slice', async () => {
		const workflow = probeWorkflow({ path: '={{ "/things/" + $json.id }}' });
		workflow.nodes.splice(1, 0, {
			...workflow.nodes[0],
			id: '0',
			name: 'Sign In',
			type: 'n8n-nodes-base.httpRequest',
		});
		workflow.nodes.push({
			...workflow.nodes[0],
			id: '3',
			name: 'Summary',
			type: 'n8n-nodes-base.set',
		});
		workflow.connections = {
			'Manual Trigger': { main: [[{ node: 'Sign In', type: 'main', index: 0 }]] },
			'Sign In': { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
			Probe: { main: [[{ node: 'Summary', type: 'main', index: 0 }]] },
		};

		const result = await runWorkflow(workflow, {
			inputItems: [{ id: 'a' }],
			credentials: { probeKeyApi: { baseUrl, key: 'k-1' } },
			nodeTypes: [new Probe()],
			credentialTypes: [new ProbeKeyApi()],
			loadPackage: false,
			startAt: 'Probe',
			stopAfter: 'Probe',
		});

		expect(result.error).toBeUndefined();
		expect(result.executionOrder).toEqual(['Probe']);
		expect(result.jsonOf('Probe')).toEqual([{ id: 'a' }]);
	});

	it('reports a node type that cannot run in-process', async () => {
		const workflow = probeWorkflow({ path: '/things/a' });
		workflow.nodes[1].type = 'n8n-nodes-base.set';

		await expect(run(workflow, [{}], {})).rejects.toThrow(/cannot run in-process/);
	});
});
