import { startSandbox, type Sandbox } from '../../sandbox';
import { call, links, manualClock, MINUTE, startSession } from './fixtures';

interface LoggedEvent {
	eventType: string;
	actor: { alternateId: string };
}

describe('the System Log in the sandbox', () => {
	const clock = manualClock();
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now });
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	const logs = (query: Record<string, string>) =>
		call(sandbox, 'GET', `/api/v1/logs?${new URLSearchParams(query)}`);
	const follow = (url: URL) => call(sandbox, 'GET', url.pathname + url.search);

	/** Three sessions start a minute apart; returns their ids. */
	async function threeSessionStarts() {
		const ids: string[] = [];
		for (const userIndex of [0, 1, 2]) {
			ids.push((await startSession(sandbox, userIndex)).id);
			clock.advance(MINUTE);
		}
		return ids;
	}

	it('records a session start with the user as actor and the session as external session id', async () => {
		const session = await startSession(sandbox);

		const reply = await logs({ filter: 'eventType eq "user.session.start"' });

		expect(reply.body).toHaveLength(1);
		expect(reply.body[0]).toMatchObject({
			eventType: 'user.session.start',
			displayMessage: 'User login to Okta',
			severity: 'INFO',
			published: new Date(clock.now()).toISOString(),
			actor: { id: session.userId, type: 'User', alternateId: 'alice.anderson@example.com' },
			authenticationContext: { externalSessionId: session.id },
			outcome: { result: 'SUCCESS' },
			client: { ipAddress: '127.0.0.1', geographicalContext: { country: 'United States' } },
		});
	});

	it('records an admin ending a session and clearing a user, with the user as target', async () => {
		const session = await startSession(sandbox, 1);
		await call(sandbox, 'DELETE', `/api/v1/sessions/${session.id}`);
		await call(sandbox, 'DELETE', `/api/v1/users/${session.userId}/sessions`);

		const reply = await logs({ filter: `target.id eq "${session.userId}"` });

		expect(reply.body.map((event: LoggedEvent) => event.eventType)).toEqual([
			'user.session.end',
			'user.session.clear',
		]);
		for (const event of reply.body) {
			expect(event.actor.alternateId).toBe('sandbox.admin@example.com');
			expect(event.target).toEqual([expect.objectContaining({ id: session.userId, type: 'User' })]);
		}
	});

	it('pages a bounded query with self first and next while events remain', async () => {
		await threeSessionStarts();
		const until = new Date(clock.now()).toISOString();

		const first = await logs({ limit: '2', until });
		const [self, next] = links(first);
		const second = await follow(next.url);

		expect(first.body).toHaveLength(2);
		expect(links(first).map((link) => link.rel)).toEqual(['self', 'next']);
		expect(self.url.searchParams.get('limit')).toBe('2');
		expect(second.body).toHaveLength(1);
		expect(links(second).map((link) => link.rel)).toEqual(['self']);
	});

	it('keeps offering next while polling without until, even after an empty page', async () => {
		await threeSessionStarts();

		const first = await logs({ limit: '5' });
		const empty = await follow(links(first)[1].url);
		await startSession(sandbox, 3);
		const arrived = await follow(links(empty)[1].url);

		expect(first.body).toHaveLength(3);
		expect(links(first)[1].rel).toBe('next');
		expect(empty.body).toEqual([]);
		expect(links(empty).map((link) => link.rel)).toEqual(['self', 'next']);
		expect(arrived.body.map((event: LoggedEvent) => event.actor.alternateId)).toEqual([
			'dmitri.petrov@example.com',
		]);
	});

	it('reads the filter subset: or-joined event types, grouped, and-ed with an actor or target', async () => {
		const [aliceSession] = await threeSessionStarts();
		await call(sandbox, 'DELETE', `/api/v1/sessions/${aliceSession}`);
		const filter =
			'(eventType eq "user.session.start" or eventType eq "user.session.end") and ' +
			'(actor.id eq "00ualice7anderson1x2" or target.id eq "00ualice7anderson1x2")';

		const reply = await logs({ filter });

		expect(reply.body.map((event: LoggedEvent) => event.eventType)).toEqual([
			'user.session.start',
			'user.session.end',
		]);
	});

	it('matches a login with a plus sign and reads escaped quotes and backslashes', async () => {
		await startSession(sandbox, 1);

		const plus = await logs({ filter: 'actor.alternateId eq "bob+contractor@example.com"' });
		const escaped = await logs({ filter: 'actor.alternateId eq "say \\"hi\\" \\\\ bye"' });

		expect(plus.body).toHaveLength(1);
		expect(escaped.status).toBe(200);
		expect(escaped.body).toEqual([]);
	});

	it.each([
		['an unknown operator', 'eventType gt "user.session.start"'],
		['an unquoted value', 'eventType eq user.session.start'],
		['an unbalanced parenthesis', '(eventType eq "user.session.start"'],
		['an unknown attribute', 'colour eq "blue"'],
	])('answers a filter with %s with 400 E0000031', async (_problem, filter) => {
		const reply = await logs({ filter });

		expect(reply.status).toBe(400);
		expect(reply.body).toMatchObject({
			errorCode: 'E0000031',
			errorSummary: 'Invalid search criteria.',
		});
	});

	it('keeps to the since and until window', async () => {
		await threeSessionStarts();
		const start = clock.now() - 3 * MINUTE;

		const reply = await logs({
			since: new Date(start + MINUTE).toISOString(),
			until: new Date(start + 2 * MINUTE).toISOString(),
		});

		expect(reply.body.map((event: LoggedEvent) => event.actor.alternateId)).toEqual([
			'bob+contractor@example.com',
		]);
	});

	it('refuses a limit above 1000', async () => {
		expect((await logs({ limit: '1001' })).status).toBe(400);
	});
});
