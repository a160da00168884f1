import { startSandbox, type Sandbox } from '../../sandbox';
import { accessToken, bearer, call, ssws, startSession, type Reply } from './fixtures';
import { KNOWN_DEPARTURES, OktaSpec, SPEC_PATH, specIsAvailable, valuesAt } from './openApiSpec';

const describeWithSpec = specIsAvailable ? describe : describe.skip;
if (!specIsAvailable) {
	console.warn(`Skipping the OpenAPI fidelity test: Okta's spec subset is not at ${SPEC_PATH}`);
}

describeWithSpec("the sandbox answers as Okta's OpenAPI spec describes", () => {
	let spec: OktaSpec;
	let unwidenedSpec: OktaSpec;
	let sandbox: Sandbox;
	const answers = new Map<string, Reply[]>();

	async function expectSpecAnswer(operationId: string, reply: Reply, status: number) {
		expect(reply.status).toBe(status);
		expect(spec.documentedStatuses(operationId)).toContain(String(status));

		const validate = spec.bodyValidator(operationId, status);
		if (validate) {
			const valid = validate(reply.body);
			expect(validate.errors ?? []).toEqual([]);
			expect(valid).toBe(true);
		} else if (status === 204) {
			expect(reply.text).toBe('');
		}
		answers.set(operationId, [...(answers.get(operationId) ?? []), reply]);
	}

	beforeAll(async () => {
		spec = new OktaSpec();
		unwidenedSpec = new OktaSpec(false);
		sandbox = await startSandbox();
	});
	afterAll(() => sandbox.close());

	it('creates a session from a session token', async () => {
		const sessionToken = await sandbox.signIn('alice.anderson@example.com', 'Sandbox-Alice-2024!');
		const reply = await call(sandbox, 'POST', '/api/v1/sessions', { json: { sessionToken } });
		await expectSpecAnswer('createSession', reply, 200);
	});

	it('refuses to create a session without a body', async () => {
		await expectSpecAnswer('createSession', await call(sandbox, 'POST', '/api/v1/sessions'), 400);
	});

	it('refuses session creation to a read-only admin', async () => {
		const sessionToken = await sandbox.signIn(
			'carmen.castillo@example.com',
			'Sandbox-Carmen-2024!',
		);
		const reply = await call(sandbox, 'POST', '/api/v1/sessions', {
			authorization: ssws(sandbox.readOnlyApiToken),
			json: { sessionToken },
		});
		await expectSpecAnswer('createSession', reply, 403);
	});

	it('retrieves, refreshes and revokes a session, then no longer finds it', async () => {
		const { id } = await startSession(sandbox, 1);
		const path = `/api/v1/sessions/${id}`;

		await expectSpecAnswer('getSession', await call(sandbox, 'GET', path), 200);
		await expectSpecAnswer(
			'refreshSession',
			await call(sandbox, 'POST', `${path}/lifecycle/refresh`),
			200,
		);
		await expectSpecAnswer('revokeSession', await call(sandbox, 'DELETE', path), 204);
		await expectSpecAnswer('getSession', await call(sandbox, 'GET', path), 404);
		await expectSpecAnswer(
			'refreshSession',
			await call(sandbox, 'POST', `${path}/lifecycle/refresh`),
			404,
		);
		await expectSpecAnswer('revokeSession', await call(sandbox, 'DELETE', path), 404);
	});

	it('refuses a session read to an access token without a sessions scope', async () => {
		const token = await accessToken(sandbox, 'okta.users.read');
		const reply = await call(sandbox, 'GET', '/api/v1/sessions/102unknownSession000000', {
			authorization: bearer(token),
		});
		await expectSpecAnswer('getSession', reply, 403);
	});

	it('retrieves a user by login, by id and as the token owner, and 404s an unknown one', async () => {
		await expectSpecAnswer(
			'getUser',
			await call(
				sandbox,
				'GET',
				`/api/v1/users/${encodeURIComponent('bob+contractor@example.com')}`,
			),
			200,
		);
		await expectSpecAnswer(
			'getUser',
			await call(sandbox, 'GET', '/api/v1/users/00ualice7anderson1x2'),
			200,
		);
		await expectSpecAnswer('getUser', await call(sandbox, 'GET', '/api/v1/users/me'), 200);
		await expectSpecAnswer(
			'getUser',
			await call(sandbox, 'GET', '/api/v1/users/nobody@example.com'),
			404,
		);
	});

	it('revokes every session of a user, and 404s an unknown user', async () => {
		await startSession(sandbox, 2);
		await expectSpecAnswer(
			'revokeUserSessions',
			await call(sandbox, 'DELETE', '/api/v1/users/00ucarmen2castillo9q/sessions?oauthTokens=true'),
			204,
		);
		await expectSpecAnswer(
			'revokeUserSessions',
			await call(sandbox, 'DELETE', '/api/v1/users/00uNoSuchUser00000000/sessions'),
			404,
		);
	});

	it('lists the System Log, and refuses a filter it cannot read', async () => {
		await expectSpecAnswer(
			'listLogEvents',
			await call(sandbox, 'GET', '/api/v1/logs?limit=50'),
			200,
		);
		await expectSpecAnswer(
			'listLogEvents',
			await call(sandbox, 'GET', `/api/v1/logs?filter=${encodeURIComponent('eventType eq')}`),
			400,
		);
	});

	it('answers too many requests with a 429 the spec describes', async () => {
		const limited = await startSandbox({ rateLimit: { limit: 1, windowSeconds: 60 } });
		try {
			await call(limited, 'GET', '/api/v1/logs');
			await expectSpecAnswer('listLogEvents', await call(limited, 'GET', '/api/v1/logs'), 429);
		} finally {
			await limited.close();
		}
	});

	describe('named departures from the schema', () => {
		const departures = KNOWN_DEPARTURES.map((d) => [`${d.schema}.${d.property}`, d] as const);

		it.each(departures)(
			'%s is null in a real answer, which the unwidened schema rejects',
			(_name, { property, shownBy }) => {
				const replies = (answers.get(shownBy.operationId) ?? []).filter((r) => r.status === 200);
				expect(replies.flatMap((reply) => valuesAt(reply.body, shownBy.path))).toContain(null);

				const strict = unwidenedSpec.bodyValidator(shownBy.operationId, 200);
				const complaints = replies.flatMap((reply) => {
					strict?.(reply.body);
					return (strict?.errors ?? []).map((error) => error.instancePath);
				});
				expect(complaints.some((path) => path.endsWith(`/${property}`))).toBe(true);
			},
		);
	});
});
