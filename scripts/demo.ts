/**
 * Shows the node at work against the local sandbox: one user's session from sign-in to its end,
 * then an offboarding run, then what the System Log recorded. Run with `npm run demo`.
 */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { IDataObject, INode, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { CredentialStore, runWorkflow } from '../test/harness';
import type { WorkflowJson, WorkflowRunResult } from '../test/harness';

const NODE_TYPE = 'n8n-nodes-okta-sessions.oktaSessions';
const EXAMPLES = resolve(__dirname, '..', 'examples');

/** The user whose session the lifecycle follows. */
const LIFECYCLE_LOGIN = 'alice.anderson@example.com';
/** Users who leave: each signs in first, so there are sessions to end. */
const LEAVERS = [
	'bob+contractor@example.com',
	'carmen.castillo@example.com',
	'dmitri.petrov@example.com',
];

class DemoFailure extends Error {}

// ── output ──────────────────────────────────────────────────────────────────────────────────

const say = (line = '') => process.stdout.write(`${line}\n`);
const ok = (line: string) => say(`  ✔ ${line}`);
const heading = (title: string) => say(`\n${title}`);

/** Session IDs are what Okta puts in the `sid` cookie, so only their start is shown. */
const shortId = (id: unknown) => `${String(id).slice(0, 6)}…`;

const clock = (iso: unknown) =>
	typeof iso === 'string' ? `${new Date(iso).toISOString().slice(11, 19)} UTC` : 'unknown';

// ── workflows ───────────────────────────────────────────────────────────────────────────────

function example(file: string): WorkflowJson {
	return JSON.parse(readFileSync(resolve(EXAMPLES, file), 'utf8')) as WorkflowJson;
}

function nodeFor(workflow: WorkflowJson, resource: string, operation: string): INode {
	const node = workflow.nodes.find(
		({ type, parameters }) =>
			type === NODE_TYPE && parameters.resource === resource && parameters.operation === operation,
	);
	if (node === undefined) {
		throw new DemoFailure(`The workflow "${workflow.name}" has no ${resource} ${operation} step`);
	}
	return node;
}

/** A Manual Trigger followed by this package's node with the given parameters. */
function singleStep(name: string, parameters: INodeParameters, credential: string): WorkflowJson {
	return {
		name,
		nodes: [
			{
				id: 'trigger',
				name: 'Manual Trigger',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'step',
				name,
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters,
				credentials: { [credential]: { id: credential, name: credential } },
			},
		],
		connections: { 'Manual Trigger': { main: [[{ node: name, type: 'main', index: 0 }]] } },
	};
}

function succeeded(result: WorkflowRunResult, what: string): WorkflowRunResult {
	if (result.error === undefined) return result;
	const description = (result.error as { description?: unknown }).description;
	throw new DemoFailure(
		`${what} failed at "${result.failedNode}": ${result.error.message}` +
			(typeof description === 'string' && description !== '' ? `\n    ${description}` : ''),
	);
}

// ── the demo ────────────────────────────────────────────────────────────────────────────────

interface Demo {
	sandbox: Sandbox;
	credentials: CredentialStore;
	startedAt: Date;
}

/** Signs in through Okta's Authentication API as an app would, and returns the session token. */
async function signIn(sandbox: Sandbox, login: string): Promise<string> {
	const user = sandbox.users.find((candidate) => candidate.login === login);
	if (user === undefined) throw new DemoFailure(`The sandbox has no user ${login}`);

	const response = await fetch(`${sandbox.url}/api/v1/authn`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: JSON.stringify({ username: login, password: user.password }),
	});
	const body = (await response.json()) as IDataObject;
	if (!response.ok || typeof body.sessionToken !== 'string') {
		throw new DemoFailure(`Signing in ${login} failed: HTTP ${response.status}`);
	}
	return body.sessionToken;
}

/** What each step of the lifecycle did, told from its output. */
function describeLifecycleStep(node: INode, json: IDataObject): string {
	const options = (node.parameters.options ?? {}) as IDataObject;
	switch (node.parameters.operation) {
		case 'create':
			return `Created session ${shortId(json.id)} for ${String(json.login)}, expires ${clock(json.expiresAt)}`;
		case 'get':
			if (options.returnNotFoundAsItem === true) {
				if (json.active !== false) {
					throw new DemoFailure(`Session ${shortId(json.id)} is still there after it was ended`);
				}
				return `Session is gone: the sandbox, like Okta, answers 404 for ${shortId(json.sessionId)}`;
			}
			return `Read session ${shortId(json.id)}: ${String(json.status)}, password verified ${clock(json.lastPasswordVerification)}`;
		case 'refresh':
			return `Refreshed session ${shortId(json.id)}: its lifetime starts again, now until ${clock(json.expiresAt)}`;
		case 'end':
			return `Ended session ${shortId(json.sessionId)}`;
		default:
			return `${node.name} done`;
	}
}

async function sessionLifecycle({ sandbox, credentials }: Demo): Promise<void> {
	heading(`Session lifecycle (examples/session-lifecycle.json) for ${LIFECYCLE_LOGIN}`);
	const workflow = example('session-lifecycle.json');
	const create = nodeFor(workflow, 'session', 'create');

	const sessionToken = await signIn(sandbox, LIFECYCLE_LOGIN);
	ok(`Signed in through POST /api/v1/authn and received a one-time session token`);

	// The example signs in with n8n's HTTP Request node, which cannot load here; the demo signed
	// in itself above, so the run starts at the step that takes the session token.
	const result = succeeded(
		await runWorkflow(workflow, {
			startAt: create.name,
			inputItems: [{ sessionToken }],
			credentials,
		}),
		'The session lifecycle',
	);

	for (const name of result.executionOrder) {
		const node = workflow.nodes.find((candidate) => candidate.name === name) as INode;
		const [item] = result.jsonOf(name);
		if (item === undefined) throw new DemoFailure(`"${name}" returned no item`);
		ok(describeLifecycleStep(node, item));
	}
}

async function createSessionsFor(demo: Demo, logins: string[]): Promise<Map<string, string>> {
	const sessionIds = new Map<string, string>();
	const create = singleStep(
		'Create Session',
		{ resource: 'session', operation: 'create', sessionToken: '={{ $json.sessionToken }}' },
		'oktaSessionsApi',
	);
	for (const login of logins) {
		const sessionToken = await signIn(demo.sandbox, login);
		const result = succeeded(
			await runWorkflow(create, { inputItems: [{ sessionToken }], credentials: demo.credentials }),
			`Creating a session for ${login}`,
		);
		sessionIds.set(login, String(result.jsonOf('Create Session')[0].id));
	}
	ok(`${logins.length} leavers signed in: ${[...sessionIds.values()].map(shortId).join(', ')}`);
	return sessionIds;
}

interface OffboardingState {
	sessionIds: Map<string, string>;
}

/** One step of offboarding; add a step here to make the demo do more for each leaver. */
interface OffboardingStep {
	run(demo: Demo, state: OffboardingState): Promise<void>;
}

const endAllSessions: OffboardingStep = {
	async run(demo) {
		const workflow = example('offboard-users.json');
		const endAll = nodeFor(workflow, 'user', 'endAllSessions');
		const tokensBefore = demo.credentials.preAuthenticationCount('oktaSessionsOAuth2Api');

		// Only the example's own step runs in-process: its Set, Split Out and Aggregate nodes are
		// n8n's, so the demo hands it one item per login, as Split Out would.
		const result = succeeded(
			await runWorkflow(workflow, {
				startAt: endAll.name,
				stopAfter: endAll.name,
				inputItems: LEAVERS.map((login) => ({ login })),
				credentials: demo.credentials,
			}),
			'Ending all sessions',
		);

		for (const item of result.outputOf(endAll.name)) {
			if (item.json.success !== true) {
				throw new DemoFailure(`End All Sessions failed for an item: ${String(item.json.error)}`);
			}
			const revoked = [
				item.json.oauthTokensRevoked === true ? 'OAuth tokens revoked' : '',
				item.json.devicesForgotten === true ? 'devices forgotten' : '',
			].filter(Boolean);
			ok(
				`Ended every session of ${String(item.json.login)} (${revoked.join(', ') || 'sessions only'})`,
			);
		}
		const tokens = demo.credentials.preAuthenticationCount('oktaSessionsOAuth2Api') - tokensBefore;
		ok(`Used the OAuth service app: ${tokens} access token fetched for ${LEAVERS.length} users`);
	},
};

const confirmSessionsGone: OffboardingStep = {
	async run(demo, { sessionIds }) {
		const get = singleStep(
			'Get Session',
			{
				resource: 'session',
				operation: 'get',
				sessionId: '={{ $json.sessionId }}',
				options: { returnNotFoundAsItem: true },
			},
			'oktaSessionsApi',
		);
		const result = succeeded(
			await runWorkflow(get, {
				inputItems: [...sessionIds.values()].map((sessionId) => ({ sessionId })),
				credentials: demo.credentials,
			}),
			'Checking the leavers’ sessions',
		);
		const stillActive = result.jsonOf('Get Session').filter((json) => json.active !== false);
		if (stillActive.length > 0) {
			throw new DemoFailure(`${stillActive.length} leaver sessions are still active`);
		}
		ok(`All ${sessionIds.size} leaver sessions are gone`);
	},
};

const OFFBOARDING_STEPS: OffboardingStep[] = [endAllSessions, confirmSessionsGone];

async function offboarding(demo: Demo): Promise<void> {
	heading('Offboarding (examples/offboard-users.json: End All Sessions by login)');
	const state: OffboardingState = { sessionIds: await createSessionsFor(demo, LEAVERS) };
	for (const step of OFFBOARDING_STEPS) await step.run(demo, state);
}

async function sessionEventSummary({ credentials, startedAt }: Demo): Promise<void> {
	heading('Session events in the System Log since the demo started');
	const getMany = singleStep(
		'Session Events',
		{
			resource: 'sessionEvent',
			operation: 'getMany',
			since: startedAt.toISOString(),
			returnAll: true,
			simplify: true,
		},
		'oktaSessionsApi',
	);
	const events = succeeded(
		await runWorkflow(getMany, { credentials }),
		'Reading session events',
	).jsonOf('Session Events');

	const byType = new Map<string, Set<string>>();
	for (const event of events) {
		const type = String(event.eventType);
		const user = String(event.targetLogin ?? event.actorLogin);
		byType.set(type, (byType.get(type) ?? new Set()).add(user));
	}
	for (const [type, users] of byType) {
		const count = events.filter((event) => event.eventType === type).length;
		ok(`${type.padEnd(20)} ${String(count).padStart(2)}  (${[...users].join(', ')})`);
	}
	if (events.length === 0) throw new DemoFailure('The System Log has no session events');
	say(`  ${events.length} session events in all`);
}

async function main(): Promise<void> {
	const sandbox = await startSandbox();
	const demo: Demo = {
		sandbox,
		startedAt: new Date(Date.now() - 1000),
		credentials: new CredentialStore({
			oktaSessionsApi: { domain: sandbox.url, apiToken: sandbox.apiToken },
			oktaSessionsOAuth2Api: {
				domain: sandbox.url,
				clientId: sandbox.serviceApp.clientId,
				privateKey: sandbox.serviceApp.privateKeyPem,
				keyId: sandbox.serviceApp.keyId,
			},
		}),
	};
	say(`Okta sandbox at ${sandbox.url}`);

	try {
		await sessionLifecycle(demo);
		await offboarding(demo);
		await sessionEventSummary(demo);
		say('\nDemo finished: every step succeeded.');
	} finally {
		await sandbox.close();
	}
}

main().catch((error: unknown) => {
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`\n  ✘ ${message}\n\nDemo failed.\n`);
	process.exitCode = 1;
});
