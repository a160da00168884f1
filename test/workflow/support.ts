import type { IConnections, IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Sandbox, SandboxOptions } from '../../sandbox';
import type { WorkflowJson } from '../harness';

export const NODE_TYPE = 'n8n-nodes-okta-sessions.oktaSessions';
const TRIGGER = 'Manual Trigger';

export interface OktaStep {
	name: string;
	parameters: INodeParameters;
	onError?: INode['onError'];
}

/** A Manual Trigger followed by Okta Sessions nodes, each feeding the next. */
export function oktaWorkflow(...steps: OktaStep[]): WorkflowJson {
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: TRIGGER,
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		...steps.map((step, index) => ({
			id: `okta-${index}`,
			name: step.name,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [220 * (index + 1), 0] as [number, number],
			parameters: step.parameters,
			credentials: {
				oktaSessionsApi: { id: 'api', name: 'Okta API Token (sandbox)' },
				oktaSessionsOAuth2Api: { id: 'oauth', name: 'Okta Service App (sandbox)' },
			},
			...(step.onError ? { onError: step.onError } : {}),
		})),
	];
	const names = nodes.map((node) => node.name);
	const connections: IConnections = {};
	names.slice(0, -1).forEach((from, index) => {
		connections[from] = { main: [[{ node: names[index + 1], type: 'main', index: 0 }]] };
	});
	return { name: 'test', nodes, connections, settings: { executionOrder: 'v1' } };
}

export function sandboxCredentials(sandbox: Sandbox, apiToken = sandbox.apiToken) {
	return {
		oktaSessionsApi: { domain: sandbox.url, apiToken },
		oktaSessionsOAuth2Api: {
			domain: sandbox.url,
			clientId: sandbox.serviceApp.clientId,
			privateKey: sandbox.serviceApp.privateKeyPem,
			keyId: sandbox.serviceApp.keyId,
			scopes: 'okta.sessions.manage okta.users.manage okta.users.read okta.logs.read',
		},
	};
}

/** Signs a seeded user in and opens an Okta session for them, as an app would. */
export async function openSession(sandbox: Sandbox, login: string): Promise<IDataObject> {
	const user = sandbox.users.find((candidate) => candidate.login === login);
	if (!user) throw new Error(`No seeded user ${login}`);
	const sessionToken = await sandbox.signIn(user.login, user.password);
	const response = await fetch(`${sandbox.url}/api/v1/sessions`, {
		method: 'POST',
		headers: {
			Authorization: `SSWS ${sandbox.apiToken}`,
			'Content-Type': 'application/json',
			Accept: 'application/json',
		},
		body: JSON.stringify({ sessionToken }),
	});
	if (response.status !== 200) throw new Error(`Could not open a session: ${response.status}`);
	return (await response.json()) as IDataObject;
}

export async function sessionStatus(sandbox: Sandbox, sessionId: string): Promise<number> {
	const response = await fetch(`${sandbox.url}/api/v1/sessions/${sessionId}`, {
		headers: { Authorization: `SSWS ${sandbox.apiToken}`, Accept: 'application/json' },
	});
	await response.arrayBuffer();
	return response.status;
}

/** What the node sent: every recorded request except the test's own set-up calls. */
export function requestsAfter(sandbox: Sandbox, start: number) {
	return sandbox.requests.slice(start).map((request) => `${request.method} ${request.path}`);
}

/**
 * One sandbox for a test file, back in its seeded state before every test. Returns a getter, since the
 * sandbox only exists once the file's tests start.
 */
export function useSandbox(options?: SandboxOptions): () => Sandbox {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startSandbox(options);
	});
	afterAll(async () => await sandbox?.close());
	beforeEach(() => sandbox?.reset());
	return () => {
		if (!sandbox) throw new Error('The sandbox is not running yet');
		return sandbox;
	};
}
