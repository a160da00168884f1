import { startSandbox, type Sandbox } from '../../sandbox';
import { call, manualClock } from './fixtures';

describe('what every sandbox answer carries', () => {
	const clock = manualClock();
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox({ now: clock.now, rateLimit: { limit: 3, windowSeconds: 60 } });
	});
	beforeEach(() => sandbox.reset());
	afterAll(() => sandbox.close());

	it.each([
		['a success', 'GET', '/api/v1/users/me', null],
		['an error', 'GET', '/api/v1/sessions/102nosuchsession', null],
		['a refused token', 'GET', '/api/v1/logs', 'SSWS wrong'],
		['an empty 204', 'DELETE', '/api/v1/users/00ualice7anderson1x2/sessions', null],
	])('sends the Okta headers on %s', async (_case, method, path, authorization) => {
		const reply = await call(sandbox, method, path, authorization ? { authorization } : {});

		expect(reply.headers.get('x-rate-limit-limit')).toBe('3');
		expect(reply.headers.get('x-rate-limit-remaining')).toBe('2');
		expect(reply.headers.get('x-rate-limit-reset')).toBe(String(clock.now() / 1000 + 60));
		expect(reply.headers.get('date')).toBe(new Date(clock.now()).toUTCString());
		expect(reply.headers.get('x-okta-request-id')).toMatch(/^[\w-]{27}$/);
		expect(reply.headers.get('content-type')).toBe(reply.text ? 'application/json' : null);
	});

	it('answers 429 E0000047 past the limit, with Remaining 0 and the window end as Reset', async () => {
		for (let count = 0; count < 3; count++) await call(sandbox, 'GET', '/api/v1/users/me');

		const limited = await call(sandbox, 'GET', '/api/v1/users/me');

		expect(limited.status).toBe(429);
		expect(limited.body).toMatchObject({
			errorCode: 'E0000047',
			errorSummary: 'API call exceeded rate limit due to too many requests.',
		});
		expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
		expect(limited.headers.get('x-rate-limit-reset')).toBe(String(clock.now() / 1000 + 60));
	});

	it('counts each endpoint bucket on its own and opens a new window after Reset', async () => {
		for (let count = 0; count < 4; count++) await call(sandbox, 'GET', '/api/v1/users/me');

		const otherBucket = await call(sandbox, 'GET', '/api/v1/logs');
		clock.advance(60 * 1000);
		const nextWindow = await call(sandbox, 'GET', '/api/v1/users/me');

		expect(otherBucket.status).toBe(200);
		expect(nextWindow.status).toBe(200);
	});

	it('answers with an injected fault the given number of times, then normally', async () => {
		sandbox.injectFault({
			method: 'GET',
			path: /^\/api\/v1\/sessions\//,
			status: 502,
			headers: { 'Content-Type': 'text/html' },
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			times: 1,
		});

		const faulted = await call(sandbox, 'GET', '/api/v1/sessions/102abc');
		const normal = await call(sandbox, 'GET', '/api/v1/sessions/102abc');

		expect(faulted.status).toBe(502);
		expect(faulted.headers.get('content-type')).toBe('text/html');
		expect(faulted.text).toContain('502 Bad Gateway');
		expect(normal.status).toBe(404);
	});

	it('can answer an empty 204 that still claims to be JSON', async () => {
		sandbox.injectFault({
			path: '/api/v1/users/me',
			status: 204,
			headers: { 'Content-Type': 'application/json' },
		});

		const reply = await call(sandbox, 'GET', '/api/v1/users/me');

		expect(reply.status).toBe(204);
		expect(reply.headers.get('content-type')).toBe('application/json');
		expect(reply.text).toBe('');
	});

	it('records every request in order, with its query, headers and body', async () => {
		await call(sandbox, 'POST', '/api/v1/sessions', { json: { sessionToken: 'abc' } });
		await call(sandbox, 'GET', '/api/v1/logs?limit=5');

		expect(sandbox.requests).toEqual([
			expect.objectContaining({
				method: 'POST',
				path: '/api/v1/sessions',
				body: { sessionToken: 'abc' },
				headers: expect.objectContaining({ authorization: `SSWS ${sandbox.apiToken}` }),
			}),
			expect.objectContaining({ method: 'GET', path: '/api/v1/logs', query: { limit: '5' } }),
		]);
	});

	it('adds the configured latency to every answer', async () => {
		const slow = await startSandbox({ latencyMs: 150 });
		try {
			const started = Date.now();
			await call(slow, 'GET', '/api/v1/users/me');
			expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		} finally {
			await slow.close();
		}
	});
});
