import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox, type RecordedRequest, type Sandbox } from '../../sandbox';
import { EXAMPLE_OUTCOMES } from './example-outcomes';
import { installCommunityPackage } from './support/community-package';
import { SANDBOX_CREDENTIALS, sandboxCredentialsFile } from './support/credentials';
import { ensureN8n, loadedNodeType, N8nCli } from './support/n8n';
import {
	EXAMPLES_DIR,
	oktaNodes,
	outputItems,
	parseExecution,
	readExamples,
	resolveOperation,
	type Example,
	type ExecutionResult,
} from './support/workflows';

/** The examples call the sandbox's sign-in endpoint directly, at the address `npm run sandbox` uses. */
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 8788);

/** The request each operation must send, as Okta documents it. */
const OPERATION_REQUESTS: Record<string, { method: string; path: RegExp }> = {
	'session.create': { method: 'POST', path: /^\/api\/v1\/sessions$/ },
	'session.get': { method: 'GET', path: /^\/api\/v1\/sessions\/[^/]+$/ },
	'session.refresh': { method: 'POST', path: /^\/api\/v1\/sessions\/[^/]+\/lifecycle\/refresh$/ },
	'session.end': { method: 'DELETE', path: /^\/api\/v1\/sessions\/[^/]+$/ },
	'user.endAllSessions': { method: 'DELETE', path: /^\/api\/v1\/users\/[^/]+\/sessions$/ },
	'sessionEvent.getMany': { method: 'GET', path: /^\/api\/v1\/logs$/ },
};

const examples = readExamples();

describe(`the packed package installed as a community node`, () => {
	let sandbox: Sandbox;
	let n8n: N8nCli;
	let nodeProperties: Array<{ name: string; default?: unknown }>;
	const workflowIds = new Map<string, string>();
	const credentialTypesUsed = new Set<string>();

	beforeAll(async () => {
		sandbox = await startSandbox({ port: SANDBOX_PORT }).catch((error: Error) => {
			throw new Error(
				`The sandbox could not listen on port ${SANDBOX_PORT} (${error.message}). ` +
					'Stop `npm run dev` or `npm run sandbox`, or set SANDBOX_PORT for both.',
			);
		});

		const workDir = process.env.E2E_WORK_DIR as string;
		const userFolder = mkdtempSync(join(workDir, 'user-'));
		installCommunityPackage(userFolder, process.env.E2E_TARBALL as string);
		n8n = await N8nCli.create(ensureN8n(), userFolder);

		nodeProperties = (await loadedNodeType(n8n))?.properties ?? [];

		const credentialsFile = join(userFolder, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(sandboxCredentialsFile(sandbox)));
		await n8n.mustRun(['import:credentials', `--input=${credentialsFile}`]);
		await n8n.mustRun(['import:workflow', '--separate', `--input=${EXAMPLES_DIR}`]);

		// list:workflow prints through n8n's logger, at info level.
		const listed = await n8n.mustRun(['list:workflow'], { env: { N8N_LOG_LEVEL: 'info' } });
		for (const line of listed.stdout.split('\n')) {
			const [id, ...name] = line.split('|');
			if (name.length > 0) workflowIds.set(name.join('|'), id);
		}
	});

	afterAll(async () => {
		await sandbox?.close();
	});

	it('lists the Okta Sessions node among the node types n8n loaded', () => {
		expect(nodeProperties.map((property) => property.name)).toEqual(
			expect.arrayContaining(['authentication', 'resource', 'operation']),
		);
	});

	it('has example workflows, each with a unique name and a Manual Trigger to start from', () => {
		expect(examples.length).toBeGreaterThan(0);
		const names = examples.map(({ workflow }) => workflow.name);
		expect(new Set(names).size).toBe(names.length);
		for (const { workflow } of examples) {
			expect(workflow.nodes.map((node) => node.type)).toContain('n8n-nodes-base.manualTrigger');
		}
	});

	describe.each(examples.map((example) => [example.file, example] as const))(
		'example %s',
		(_file, example: Example) => {
			it('runs in n8n, sends what every Okta node asks for, and leaves the org in that state', async () => {
				const seeded = await seedSessions(sandbox);
				const firstRequest = sandbox.requests.length;

				const id = workflowIds.get(example.workflow.name);
				expect(id).toBeDefined();
				// The execution is printed through n8n's logger, at info level.
				const result = await n8n.run(['execute', `--id=${id}`, '--rawOutput'], {
					env: { N8N_LOG_LEVEL: 'info' },
				});
				if (result.code !== 0) {
					throw new Error(`n8n execute failed:\n${result.stdout}\n${result.stderr}`);
				}
				writeFileSync(join(n8n.userFolder, `execution-${example.file}`), result.stdout);
				const execution = parseExecution(result.stdout);
				const requests = sandbox.requests.slice(firstRequest);

				expect(execution.data.resultData.error).toBeUndefined();
				for (const node of oktaNodes(example.workflow)) {
					const credentialType = Object.keys(node.credentials ?? {})[0];
					expectNodeRan(execution, node.name);

					const { resource, operation } = resolveOperation(node, nodeProperties);
					const expected = OPERATION_REQUESTS[`${resource}.${operation}`];
					expect(expected).toBeDefined();
					const sent = requests.filter(
						(request) => request.method === expected.method && expected.path.test(request.path),
					);
					expect(sent.length).toBeGreaterThan(0);
					for (const request of sent) {
						expect(authorizationScheme(request)).toBe(
							credentialType === SANDBOX_CREDENTIALS.serviceApp.type ? 'Bearer' : 'SSWS',
						);
					}
					if (credentialType === SANDBOX_CREDENTIALS.serviceApp.type) {
						expectTokenRequestedWithClientAssertion(requests);
					}
					credentialTypesUsed.add(credentialType);
				}

				await expectOnlyEndedSessionsAreGone(sandbox, requests, seeded);
				EXAMPLE_OUTCOMES[example.file]?.(execution, { seededUsers: seeded.size });
			});
		},
	);

	describe("under n8n's SSRF protection, whose default ranges include loopback", () => {
		const audit = 'Okta Sessions: session audit';

		it('has its requests blocked like any node, so it cannot be used to reach internal hosts', async () => {
			sandbox.reset();
			const result = await n8n.run(['execute', `--id=${workflowIds.get(audit)}`, '--rawOutput'], {
				env: { N8N_LOG_LEVEL: 'info', N8N_SSRF_PROTECTION_ENABLED: 'true' },
			});

			expect(result.code).not.toBe(0);
			expect(result.stdout).toContain('restricted IP address');
			expect(sandbox.requests).toEqual([]);
		});

		it('runs once the administrator allows the address', async () => {
			sandbox.reset();
			const result = await n8n.run(['execute', `--id=${workflowIds.get(audit)}`, '--rawOutput'], {
				env: {
					N8N_LOG_LEVEL: 'info',
					N8N_SSRF_PROTECTION_ENABLED: 'true',
					N8N_SSRF_ALLOWED_IP_RANGES: '127.0.0.1/32',
				},
			});

			expect(result.code).toBe(0);
			expect(sandbox.requests.map((request) => request.path)).toContain('/api/v1/logs');
		});
	});

	it('exercises every credential type of the package in at least one example', () => {
		expect([...credentialTypesUsed].sort()).toEqual(
			[SANDBOX_CREDENTIALS.apiToken.type, SANDBOX_CREDENTIALS.serviceApp.type].sort(),
		);
	});
});

function expectNodeRan(execution: ExecutionResult, nodeName: string) {
	const runs = execution.data.resultData.runData[nodeName];
	expect({ node: nodeName, ran: Boolean(runs?.length) }).toEqual({ node: nodeName, ran: true });
	for (const run of runs) {
		expect({ node: nodeName, error: run.error?.message }).toEqual({
			node: nodeName,
			error: undefined,
		});
	}
	expect(outputItems(execution, nodeName).length).toBeGreaterThan(0);
}

function authorizationScheme(request: RecordedRequest): string | undefined {
	const header = request.headers.authorization;
	return typeof header === 'string' ? header.split(' ')[0] : undefined;
}

/** n8n's server calls the credential's preAuthentication, which signs a client assertion for the token. */
function expectTokenRequestedWithClientAssertion(requests: RecordedRequest[]) {
	const tokenRequests = requests.filter(
		(request) => request.method === 'POST' && request.path === '/oauth2/v1/token',
	);
	expect(tokenRequests.length).toBeGreaterThan(0);
	expect(tokenRequests[0].body).toMatchObject({
		grant_type: 'client_credentials',
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
	});
}

/** Every seeded user gets one live session, so that ending sessions and auditing them has effects to check. */
async function seedSessions(sandbox: Sandbox): Promise<Map<string, string[]>> {
	sandbox.reset();
	const sessions = new Map<string, string[]>();
	for (const user of sandbox.users) {
		const sessionToken = await sandbox.signIn(user.login, user.password).catch(() => undefined);
		if (!sessionToken) continue;
		const response = await oktaRequest(sandbox, 'POST', '/api/v1/sessions', { sessionToken });
		const session = (await response.json()) as { id: string };
		sessions.set(user.id, [session.id]);
	}
	return sessions;
}

async function expectOnlyEndedSessionsAreGone(
	sandbox: Sandbox,
	requests: RecordedRequest[],
	seeded: Map<string, string[]>,
) {
	const ended = new Set<string>();
	for (const request of requests) {
		if (request.method !== 'DELETE') continue;
		const session = /^\/api\/v1\/sessions\/([^/]+)$/.exec(request.path);
		const user = /^\/api\/v1\/users\/([^/]+)\/sessions$/.exec(request.path);
		if (session) ended.add(session[1]);
		for (const id of user ? (seeded.get(userIdOf(sandbox, user[1])) ?? []) : []) ended.add(id);
	}
	const seededSessions = [...seeded.values()].flat();
	for (const sessionId of new Set([...ended, ...seededSessions])) {
		const response = await oktaRequest(sandbox, 'GET', `/api/v1/sessions/${sessionId}`);
		const expected = ended.has(sessionId) ? 404 : 200;
		expect({ sessionId, status: response.status }).toEqual({ sessionId, status: expected });
	}
}

/** Okta's user paths take an ID or a login. */
function userIdOf(sandbox: Sandbox, idOrLogin: string): string {
	const key = decodeURIComponent(idOrLogin);
	return sandbox.users.find((user) => user.login === key)?.id ?? key;
}

async function oktaRequest(sandbox: Sandbox, method: string, path: string, body?: unknown) {
	return await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Authorization: `SSWS ${sandbox.apiToken}`,
			Accept: 'application/json',
			'Content-Type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}
