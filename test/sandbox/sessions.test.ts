import { startSandbox, type Sandbox } from '../../sandbox';
import { call, HOUR, manualClock, MINUTE, startSession } from './fixtures';

describe('sessions in the sandbox', () => {
	const clock = manualClock();
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now, sessionLifetimeSeconds: 2 * 3600 });
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	const alice = () => sandbox.users[0];
	const createSession = (sessionToken: string) =>
		call(sandbox, 'POST', '/api/v1/sessions', { json: { sessionToken } });

	it('refuses a wrong password with 401 E0000004', async () => {
		const reply = await call(sandbox, 'POST', '/api/v1/authn', {
			authorization: null,
			json: { username: alice().login, password: 'not-the-password' },
		});

		expect(reply.status).toBe(401);
		expect(reply.body).toMatchObject({
			errorCode: 'E0000004',
			errorSummary: 'Authentication failed',
		});
	});

	it('signs a user in without an API token and embeds the user', async () => {
		const reply = await call(sandbox, 'POST', '/api/v1/authn', {
			authorization: null,
			json: { username: alice().login, password: alice().password },
		});

		expect(reply.status).toBe(200);
		expect(reply.body).toMatchObject({
			status: 'SUCCESS',
			expiresAt: new Date(clock.now() + 5 * MINUTE).toISOString(),
			_embedded: {
				user: { id: alice().id, profile: { login: alice().login, firstName: 'Alice' } },
			},
		});
	});

	it('accepts a session token only once', async () => {
		const sessionToken = await sandbox.signIn(alice().login, alice().password);

		expect((await createSession(sessionToken)).status).toBe(200);
		const second = await createSession(sessionToken);
		expect(second.status).toBe(401);
		expect(second.body.errorCode).toBe('E0000004');
	});

	it('refuses a session token older than five minutes', async () => {
		const sessionToken = await sandbox.signIn(alice().login, alice().password);
		clock.advance(5 * MINUTE);

		expect((await createSession(sessionToken)).status).toBe(401);
	});

	it('answers a missing body with 400 E0000003', async () => {
		const reply = await call(sandbox, 'POST', '/api/v1/sessions');

		expect(reply.status).toBe(400);
		expect(reply.body.errorCode).toBe('E0000003');
	});

	it("creates an ACTIVE password session that lasts the org's session lifetime", async () => {
		const session = await startSession(sandbox);

		expect(session).toMatchObject({
			userId: alice().id,
			login: alice().login,
			status: 'ACTIVE',
			amr: ['pwd'],
			lastFactorVerification: null,
			idp: { type: 'OKTA' },
			createdAt: new Date(clock.now()).toISOString(),
			expiresAt: new Date(clock.now() + 2 * HOUR).toISOString(),
		});
		expect(session.id).toMatch(/^102[A-Za-z0-9]{22}$/);
	});

	it('forgets a session once it expires', async () => {
		const { id } = await startSession(sandbox);
		clock.advance(2 * HOUR);

		const reply = await call(sandbox, 'GET', `/api/v1/sessions/${id}`);
		expect(reply.status).toBe(404);
	});

	it('moves expiresAt to now plus the lifetime on refresh', async () => {
		const { id } = await startSession(sandbox);
		clock.advance(HOUR + 30 * MINUTE);

		const refreshedAt = clock.now();
		const refreshed = await call(sandbox, 'POST', `/api/v1/sessions/${id}/lifecycle/refresh`);
		clock.advance(HOUR);
		const later = await call(sandbox, 'GET', `/api/v1/sessions/${id}`);

		expect(refreshed.body.expiresAt).toBe(new Date(refreshedAt + 2 * HOUR).toISOString());
		expect(later.status).toBe(200);
	});

	it('ends a session with an empty 204 and then answers 404 E0000007', async () => {
		const { id } = await startSession(sandbox);

		const ended = await call(sandbox, 'DELETE', `/api/v1/sessions/${id}`);
		const after = await call(sandbox, 'GET', `/api/v1/sessions/${id}`);

		expect(ended.status).toBe(204);
		expect(ended.text).toBe('');
		expect(ended.headers.get('content-type')).toBeNull();
		expect(after.status).toBe(404);
		expect(after.body).toMatchObject({
			errorCode: 'E0000007',
			errorSummary: `Not found: Resource not found: ${id} (Session)`,
			errorLink: 'E0000007',
			errorCauses: [],
		});
		expect(after.body.errorId).toMatch(/^oae[\w-]{22}$/);
	});

	it("ends every session of a user and leaves other users' sessions alone", async () => {
		const first = await startSession(sandbox, 1);
		const second = await startSession(sandbox, 1);
		const someoneElse = await startSession(sandbox, 0);

		const reply = await call(
			sandbox,
			'DELETE',
			`/api/v1/users/${first.userId}/sessions?oauthTokens=true&forgetDevices=false`,
		);

		expect(reply.status).toBe(204);
		expect((await call(sandbox, 'GET', `/api/v1/sessions/${first.id}`)).status).toBe(404);
		expect((await call(sandbox, 'GET', `/api/v1/sessions/${second.id}`)).status).toBe(404);
		expect((await call(sandbox, 'GET', `/api/v1/sessions/${someoneElse.id}`)).status).toBe(200);
	});

	it('answers 404 when clearing the sessions of an unknown user', async () => {
		const reply = await call(sandbox, 'DELETE', '/api/v1/users/00uNoSuchUser00000000/sessions');

		expect(reply.status).toBe(404);
		expect(reply.body.errorSummary).toBe(
			'Not found: Resource not found: 00uNoSuchUser00000000 (User)',
		);
	});

	it('finds a user by id, by full login with a plus sign, and by login short name', async () => {
		const bob = sandbox.users.find((user) => user.login === 'bob+contractor@example.com');

		const byLogin = await call(sandbox, 'GET', `/api/v1/users/${encodeURIComponent(bob!.login)}`);
		const byShortName = await call(sandbox, 'GET', '/api/v1/users/alice.anderson');
		const byId = await call(sandbox, 'GET', `/api/v1/users/${alice().id}`);

		expect(byLogin.body.id).toBe(bob!.id);
		expect(byShortName.body.id).toBe(alice().id);
		expect(byId.body.profile.login).toBe(alice().login);
	});

	it('lists users a page at a time, with a next link while more remain', async () => {
		const first = await call(sandbox, 'GET', '/api/v1/users?limit=4');
		const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.get('link')))?.[1];
		const second = await call(sandbox, 'GET', new URL(next!).pathname + new URL(next!).search);

		expect(first.status).toBe(200);
		expect(first.body).toHaveLength(4);
		const ids = [...first.body, ...second.body].map((user: { id: string }) => user.id);
		expect(new Set(ids).size).toBe(sandbox.users.length);
		expect(second.headers.get('link')).not.toContain('rel="next"');
	});

	it("answers /users/me with the API token's admin", async () => {
		const reply = await call(sandbox, 'GET', '/api/v1/users/me');

		expect(reply.body.profile.login).toBe('sandbox.admin@example.com');
	});

	it('never deletes a user, and keeps the attempt on record', async () => {
		const reply = await call(sandbox, 'DELETE', `/api/v1/users/${alice().id}`);

		expect(reply.status).toBe(405);
		expect((await call(sandbox, 'GET', `/api/v1/users/${alice().id}`)).status).toBe(200);
		expect(sandbox.requests).toContainEqual(
			expect.objectContaining({ method: 'DELETE', path: `/api/v1/users/${alice().id}` }),
		);
	});
});
