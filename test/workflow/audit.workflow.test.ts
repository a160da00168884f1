import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { runWorkflow } from '../harness';
import { oktaWorkflow, openSession, sandboxCredentials } from './support';

const SIGN_INS = [
	'alice.anderson@example.com',
	'carmen.castillo@example.com',
	'alice.anderson@example.com',
	'dmitri.petrov@example.com',
	'emeka.okafor@example.com',
	'alice.anderson@example.com',
	'carmen.castillo@example.com',
];

let sandbox: Sandbox;

beforeAll(async () => {
	// Pages of two events make seven sign-ins span four pages.
	sandbox = await startSandbox({ logPageSize: 2 });
	for (const login of SIGN_INS) await openSession(sandbox, login);
});
afterAll(async () => await sandbox.close());

function sessionEvents(parameters: Record<string, unknown>) {
	return oktaWorkflow({
		name: 'Session Events',
		parameters: {
			resource: 'sessionEvent',
			operation: 'getMany',
			eventTypes: ['user.session.start'],
			...parameters,
		},
	});
}

function logPagesSince(start: number) {
	return sandbox.requests.slice(start).filter((r) => r.path === '/api/v1/logs');
}

describe('Audit: Session Event → Get Many', () => {
	it('reads every page with Return All, following next links to the end', async () => {
		const start = sandbox.requests.length;

		const result = await runWorkflow(sessionEvents({ returnAll: true }), {
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.error).toBeUndefined();
		const events = result.jsonOf('Session Events');
		expect(events.map((event) => event.actorLogin)).toEqual(SIGN_INS);
		expect(events.every((event) => event.eventType === 'user.session.start')).toBe(true);
		expect(new Set(events.map((event) => event.eventId)).size).toBe(SIGN_INS.length);
		const pages = logPagesSince(start);
		expect(pages.length).toBeGreaterThanOrEqual(4);
		expect(pages.every((page) => page.query.until !== undefined)).toBe(true);
	});

	it('stops mid-page at the limit', async () => {
		const start = sandbox.requests.length;

		const result = await runWorkflow(sessionEvents({ returnAll: false, limit: 5 }), {
			credentials: sandboxCredentials(sandbox),
		});

		expect(result.jsonOf('Session Events').map((event) => event.actorLogin)).toEqual(
			SIGN_INS.slice(0, 5),
		);
		expect(logPagesSince(start)).toHaveLength(3);
	});

	it('keeps only the events of one user, as actor or target', async () => {
		const result = await runWorkflow(
			sessionEvents({ returnAll: true, user: 'alice.anderson@example.com' }),
			{
				credentials: sandboxCredentials(sandbox),
			},
		);

		const events = result.jsonOf('Session Events');
		expect(events).toHaveLength(3);
		expect(events.every((event) => event.actorLogin === 'alice.anderson@example.com')).toBe(true);
	});

	it('reports who cleared whose sessions, with the OAuth credential', async () => {
		const endAll = oktaWorkflow({
			name: 'End All Sessions',
			parameters: {
				resource: 'user',
				operation: 'endAllSessions',
				user: { __rl: true, mode: 'login', value: 'dmitri.petrov@example.com' },
			},
		});
		await runWorkflow(endAll, { credentials: sandboxCredentials(sandbox) });

		const result = await runWorkflow(
			sessionEvents({
				authentication: 'oAuth2',
				eventTypes: ['user.session.clear'],
				returnAll: true,
				user: '00udmitri6petrov05w1',
			}),
			{ credentials: sandboxCredentials(sandbox) },
		);

		expect(result.jsonOf('Session Events')).toEqual([
			expect.objectContaining({
				eventType: 'user.session.clear',
				actorLogin: 'sandbox.admin@example.com',
				targetId: '00udmitri6petrov05w1',
				targetLogin: 'dmitri.petrov@example.com',
				outcome: 'SUCCESS',
			}),
		]);
	});
});
