/**
 * Benchmarks for the jobs people run at scale: offboarding many users and reading a day of session
 * events. Every figure comes from this one run, so ratios compare like with like on a noisy machine.
 */
import { Bench } from 'tinybench';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { runWorkflow } from '../test/harness';
import { oktaWorkflow, openSession, sandboxCredentials } from '../test/workflow/support';

const USERS = 100;
const LATENCY_MS = 20;
const EVENTS = 5000;

function logins(sandbox: Sandbox): string[] {
	const people = sandbox.users.filter(
		(user) => !user.login.startsWith('sandbox.') && !user.login.startsWith('audit.'),
	);
	return Array.from({ length: USERS }, (_, index) => people[index % people.length].login);
}

/** The same two calls per user that the node makes, sent straight with fetch: the floor to compare with. */
async function offboardWithFetch(sandbox: Sandbox, people: string[]): Promise<void> {
	const headers = { Authorization: `SSWS ${sandbox.apiToken}`, Accept: 'application/json' };
	for (const login of people) {
		const user = (await (
			await fetch(`${sandbox.url}/api/v1/users/${encodeURIComponent(login)}`, { headers })
		).json()) as { id: string };
		const response = await fetch(
			`${sandbox.url}/api/v1/users/${user.id}/sessions?oauthTokens=true&forgetDevices=true`,
			{ method: 'DELETE', headers },
		);
		if (response.status !== 204) throw new Error(`DELETE answered ${response.status}`);
	}
}

async function offboardWithNode(sandbox: Sandbox, people: string[]): Promise<void> {
	const result = await runWorkflow(
		oktaWorkflow({
			name: 'End All Sessions',
			parameters: {
				resource: 'user',
				operation: 'endAllSessions',
				user: { __rl: true, mode: 'login', value: '={{ $json.login }}' },
			},
		}),
		{ inputItems: people.map((login) => ({ login })), credentials: sandboxCredentials(sandbox) },
	);
	if (result.error || result.outputOf('End All Sessions').length !== people.length) {
		throw new Error(`Offboarding run failed: ${result.error?.message ?? 'items missing'}`);
	}
}

function median(bench: Bench, name: string): number {
	const task = bench.getTask(name);
	if (task?.result.state !== 'completed') throw new Error(`${name} did not complete`);
	return task.result.latency.p50;
}

async function offboardingThroughput() {
	const sandbox = await startSandbox({
		latencyMs: LATENCY_MS,
		rateLimit: { limit: 100_000, windowSeconds: 60 },
	});
	const people = logins(sandbox);
	const bench = new Bench({ iterations: 7, time: 0, warmup: true, warmupIterations: 1 });
	bench.add('node', () => offboardWithNode(sandbox, people));
	bench.add('fetch', () => offboardWithFetch(sandbox, people));
	await bench.run();
	await sandbox.close();

	const node = median(bench, 'node');
	const floor = median(bench, 'fetch');
	return {
		'offboarding: users per run': USERS,
		'offboarding: sandbox latency per request (ms)': LATENCY_MS,
		'offboarding: node, median run (ms)': Math.round(node),
		'offboarding: node, users per second': Math.round((USERS / node) * 1000),
		'offboarding: direct fetch, median run (ms)': Math.round(floor),
		'offboarding: node / direct fetch': Number((node / floor).toFixed(2)),
	};
}

async function auditMemory() {
	const sandbox = await startSandbox({ rateLimit: { limit: 1_000_000, windowSeconds: 60 } });
	const people = sandbox.users.slice(0, 5).map((user) => user.login);
	for (let index = 0; index < EVENTS; index += 50) {
		await Promise.all(
			people.flatMap((login) => Array.from({ length: 10 }, () => openSession(sandbox, login))),
		);
	}

	global.gc?.();
	const before = process.memoryUsage().heapUsed;
	const started = performance.now();
	const result = await runWorkflow(
		oktaWorkflow({
			name: 'Session Events',
			parameters: {
				resource: 'sessionEvent',
				operation: 'getMany',
				eventTypes: ['user.session.start'],
				returnAll: true,
			},
		}),
		{ credentials: sandboxCredentials(sandbox) },
	);
	const elapsed = performance.now() - started;
	const events = result.outputOf('Session Events').length;
	const after = process.memoryUsage().heapUsed;
	await sandbox.close();

	return {
		'audit: events read': events,
		'audit: run (ms)': Math.round(elapsed),
		'audit: heap growth per event (bytes)': Math.round((after - before) / events),
	};
}

/** What the node must keep to: its own cost next to Okta's latency, and memory per audited event. */
const TARGETS: Array<[string, (figures: Record<string, number>) => boolean]> = [
	[
		'offboarding costs at most 25% more time than the bare HTTP calls',
		(f) => f['offboarding: node / direct fetch'] <= 1.25,
	],
	[
		'an audited event costs at most 16 KB of heap',
		(f) => f['audit: heap growth per event (bytes)'] <= 16 * 1024,
	],
];

async function main() {
	const figures = { ...(await offboardingThroughput()), ...(await auditMemory()) };
	console.table(figures);

	let missed = 0;
	for (const [target, met] of TARGETS) {
		const ok = met(figures);
		if (!ok) missed++;
		console.log(`${ok ? 'met   ' : 'MISSED'}  ${target}`);
	}
	process.exitCode = missed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
