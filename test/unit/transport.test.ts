import { NodeApiError } from 'n8n-workflow';

import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';
import { parseOktaDomain } from '../../nodes/OktaSessions/transport/domain';
import { rateLimitWaitMs } from '../../nodes/OktaSessions/transport';
import { API_TOKEN, mockContext, oktaError } from './mockContext';

describe('Okta domain normalisation', () => {
	it.each([
		['acme.okta.com', 'https://acme.okta.com'],
		['  https://acme.okta.com/  ', 'https://acme.okta.com'],
		['https://acme.okta.com/api/v1', 'https://acme.okta.com'],
		['https://acme.okta.com/api/v1/', 'https://acme.okta.com'],
		['HTTPS://Login.Acme.com', 'https://login.acme.com'],
		['http://127.0.0.1:8788', 'http://127.0.0.1:8788'],
		['http://localhost:8788/', 'http://localhost:8788'],
	])('turns %j into %s', (input, origin) => {
		expect(parseOktaDomain(input)).toEqual({ origin });
	});

	it.each([
		['an empty value', '  '],
		['plain http on a public host', 'http://acme.okta.com'],
		['a path', 'https://acme.okta.com/admin/dashboard'],
		['something that is not a URL', 'not a domain'],
		['another scheme', 'ftp://acme.okta.com'],
	])('refuses %s with a message showing valid forms', (_, input) => {
		const result = parseOktaDomain(input);
		expect(result.origin).toBeUndefined();
		expect(result.problem).toMatch(/https:\/\//);
	});
});

describe('Okta error mapping', () => {
	const headers = { 'x-okta-request-id': 'req-123' };

	it.each([
		[401, 'E0000011', 'Invalid token provided', /invalid, expired or revoked/],
		[403, 'E0000006', 'You do not have permission to perform the requested action', /admin role/],
		[404, 'E0000007', 'Not found: Resource not found: 102x (Session)', /expired, been ended/],
		[429, 'E0000047', 'API call exceeded rate limit due to too many requests.', /rate limit/],
	])(
		'turns a %i into a NodeApiError that says what to do',
		async (status, code, summary, advice) => {
			const mock = mockContext(
				[{ resource: 'session', operation: 'get', sessionId: '102x' }],
				// A reset far in the future makes the 429 fail at once instead of waiting.
				[
					{
						statusCode: status,
						body: oktaError(code, summary),
						headers: {
							...headers,
							'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 3600),
						},
					},
				],
			);

			const error = (await new OktaSessions().execute
				.call(mock.context)
				.catch((e) => e)) as NodeApiError;

			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.httpCode).toBe(String(status));
			expect(error.message).toContain('Get Session failed');
			expect(error.message).toContain(summary);
			expect(error.message).toContain(code);
			expect(error.message).toContain('oaeTestErrorId');
			expect(error.message).toContain('req-123');
			expect(error.description).toMatch(advice);
			expect(JSON.stringify(error)).not.toContain(API_TOKEN);
			expect(mock.requests).toHaveLength(1);
		},
	);

	it('describes an HTML error page without a JSON parse error', async () => {
		const mock = mockContext(
			[{ resource: 'session', operation: 'get', sessionId: '102x' }],
			[
				{
					statusCode: 502,
					body: '<html><body>Bad Gateway</body></html>',
					headers: { 'content-type': 'text/html' },
				},
			],
		);

		const error = (await new OktaSessions().execute
			.call(mock.context)
			.catch((e) => e)) as NodeApiError;

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('502');
		expect(error.message).toBe(
			'Get Session failed: Okta answered with HTTP 502 and an HTML page instead of JSON',
		);
		expect(error.message).not.toMatch(/JSON\.parse|Unexpected token/);
	});

	it('turns a network failure into a clean error without the request', async () => {
		const mock = mockContext([{ resource: 'session', operation: 'get', sessionId: '102x' }], []);
		mock.context.helpers.httpRequestWithAuthentication = async () => {
			const failure = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
				code: 'ECONNREFUSED',
				config: { headers: { Authorization: `SSWS ${API_TOKEN}` } },
			});
			throw failure;
		};

		const error = (await new OktaSessions().execute
			.call(mock.context)
			.catch((e) => e)) as NodeApiError;

		expect(error.message).toBe(
			'Get Session failed: could not reach Okta at https://acme.okta.com (ECONNREFUSED)',
		);
		expect(JSON.stringify(error)).not.toContain(API_TOKEN);
		expect(JSON.stringify(error.cause ?? null)).not.toContain(API_TOKEN);
	});
});

describe('Rate limits', () => {
	it("waits until the reset Okta announces, measured on Okta's clock", () => {
		const date = 'Thu, 01 Jan 2026 10:00:00 GMT';
		const reset = String(Date.parse(date) / 1000 + 5);
		expect(rateLimitWaitMs({ 'x-rate-limit-reset': reset, date }, 0)).toBe(5000);
	});

	it('retries a 429 after the window resets and then succeeds', async () => {
		const now = new Date();
		const mock = mockContext(
			[{ resource: 'session', operation: 'end', sessionId: '102x' }],
			[
				{
					statusCode: 429,
					body: oktaError('E0000047', 'API call exceeded rate limit due to too many requests.'),
					headers: {
						'x-rate-limit-reset': String(Math.floor(now.getTime() / 1000)),
						date: now.toUTCString(),
					},
				},
				{ statusCode: 204 },
			],
		);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(mock.requests).toHaveLength(2);
		expect(output[0].json.success).toBe(true);
	});
});
