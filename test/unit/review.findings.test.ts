import { NodeApiError, NodeOperationError, Workflow } from 'n8n-workflow';
import type { INodeTypes } from 'n8n-workflow';

import { normalizedDomainExpression } from '../../credentials/common';
import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';
import { nextLink } from '../../nodes/OktaSessions/actions/sessionEvent/filter';
import { parseDate } from '../../nodes/OktaSessions/helpers/dates';
import { rateLimitRetryDelay } from '../../nodes/OktaSessions/transport';
import { parseOktaDomain } from '../../nodes/OktaSessions/transport/domain';
import { API_TOKEN, mockContext, oktaError, runNode, session } from './mockContext';

const ORIGIN = 'https://acme.okta.com';

describe('Paths that URL parsing would rewrite are refused', () => {
	it.each(['.', '...'])('refuses the session ID %j before sending', async (sessionId) => {
		const mock = mockContext([{ resource: 'session', operation: 'end', sessionId }], []);
		await expect(new OktaSessions().execute.call(mock.context)).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(mock.requests).toHaveLength(0);
	});

	it.each([
		['id', '.'],
		['login', '.'],
		['login', '..'],
	])('refuses a user %s of %j before sending', async (mode, value) => {
		const mock = mockContext(
			[{ resource: 'user', operation: 'endAllSessions', user: { mode, value } }],
			[],
		);
		await expect(new OktaSessions().execute.call(mock.context)).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Only Okta itself can say "not found"', () => {
	it('does not count a proxy 404 page as an already ended session', async () => {
		const promise = runNode(
			[
				{
					resource: 'session',
					operation: 'end',
					sessionId: '102x',
					options: { ignoreAlreadyEnded: true },
				},
			],
			[
				{
					statusCode: 404,
					body: '<html>Not Found</html>',
					headers: { 'content-type': 'text/html' },
				},
			],
		);
		await expect(promise).rejects.toMatchObject({ httpCode: '404' });
		await expect(promise).rejects.toThrow(/HTML page/);
	});

	it('refuses a 200 whose body is not a Session', async () => {
		const promise = runNode(
			[{ resource: 'session', operation: 'get', sessionId: '102x' }],
			[{ statusCode: 200, body: [session()] }],
		);
		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow(/body this operation cannot use/);
	});
});

describe('Secrets echoed back are removed from errors', () => {
	it("redacts the API token and bearer-looking values from Okta's summary and causes", async () => {
		const body = {
			...oktaError('E0000001', `Bad header SSWS ${API_TOKEN}`),
			errorCauses: [
				{ errorSummary: 'Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.abc.def' },
				null,
				'text',
			],
		};
		const error = await runNode(
			[{ resource: 'session', operation: 'get', sessionId: '102x' }],
			[{ statusCode: 400, body }],
		).catch((e: unknown) => e);

		expect(error).toBeInstanceOf(NodeApiError);
		const text = JSON.stringify(error) + String((error as Error).message);
		expect(text).not.toContain(API_TOKEN);
		expect(text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
		expect((error as Error).message).toContain('[redacted]');
	});

	it('redacts the session token from a failed Create', async () => {
		const sessionToken = '20111SecretSessionToken0001';
		const error = await runNode(
			[{ resource: 'session', operation: 'create', sessionToken }],
			[
				{
					statusCode: 401,
					body: oktaError('E0000004', `Authentication failed for ${sessionToken}`),
				},
			],
		).catch((e: unknown) => e);

		expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(sessionToken);
	});
});

describe('End All Sessions accepts what expressions produce', () => {
	it('takes a plain string for the user as a login', async () => {
		const { requests, output } = await runNode(
			[{ resource: 'user', operation: 'endAllSessions', user: 'alice@example.com' }],
			[
				{ statusCode: 200, body: { id: '00ualice', profile: { login: 'alice@example.com' } } },
				{ statusCode: 204 },
			],
		);
		expect(requests[0].options.url).toBe(`${ORIGIN}/api/v1/users/alice%40example.com`);
		expect(output[0].json.userId).toBe('00ualice');
	});

	it('takes a number given by ID as the user ID', async () => {
		const { requests } = await runNode(
			[{ resource: 'user', operation: 'endAllSessions', user: { mode: 'id', value: 12345 } }],
			[{ statusCode: 204 }],
		);
		expect(requests[0].options.url).toBe(`${ORIGIN}/api/v1/users/12345/sessions`);
	});
});

describe('Get Many checks its inputs before sending', () => {
	const base = {
		resource: 'sessionEvent',
		operation: 'getMany',
		eventTypes: ['user.session.start'],
	};

	it.each([0, -1, 2.5])('refuses a Limit of %p', async (limit) => {
		const mock = mockContext([{ ...base, returnAll: false, limit }], []);
		await expect(new OktaSessions().execute.call(mock.context)).rejects.toThrow(/Limit/);
		expect(mock.requests).toHaveLength(0);
	});

	it('reads Return All given as the text "false" as false', async () => {
		const { requests } = await runNode(
			[{ ...base, returnAll: 'false', limit: 3 }],
			[{ statusCode: 200, body: [] }],
		);
		expect((requests[0].options.qs as { limit: number }).limit).toBe(3);
	});

	it('accepts event types given as comma-separated text', async () => {
		const { requests } = await runNode(
			[{ ...base, eventTypes: 'user.session.start, user.session.end', limit: 1 }],
			[{ statusCode: 200, body: [] }],
		);
		expect((requests[0].options.qs as { filter: string }).filter).toBe(
			'(eventType eq "user.session.start" or eventType eq "user.session.end")',
		);
	});

	it("reads a date without an offset in the workflow's time zone", async () => {
		const { requests } = await runNode(
			[{ ...base, since: '2026-01-31T09:00:00', until: '2026-01-31T18:00:00', limit: 1 }],
			[{ statusCode: 200, body: [] }],
			{ timezone: 'America/New_York' },
		);
		expect(requests[0].options.qs).toMatchObject({
			since: '2026-01-31T14:00:00.000Z',
			until: '2026-01-31T23:00:00.000Z',
		});
	});

	it('refuses a date that is not ISO 8601', async () => {
		const mock = mockContext([{ ...base, since: '2', limit: 1 }], []);
		await expect(new OktaSessions().execute.call(mock.context)).rejects.toThrow(/not a valid date/);
		expect(mock.requests).toHaveLength(0);
	});

	it('refuses a next link to another path on the org', async () => {
		const promise = runNode(
			[{ ...base, returnAll: true }],
			[
				{
					statusCode: 200,
					body: [{ uuid: 'e1' }],
					headers: { link: `<${ORIGIN}/api/v1/users>; rel="next"` },
				},
			],
		);
		await expect(promise).rejects.toThrow(/leads away/);
	});
});

describe('Helpers', () => {
	it('finds next in Link headers with spaces around = and several relation types', () => {
		expect(nextLink('<https://a/1>; rel = "next"')).toBe('https://a/1');
		expect(nextLink('<https://a/s>; rel="self", <https://a/2>; rel="self next"')).toBe(
			'https://a/2',
		);
		expect(nextLink('<https://a/3>;rel=next')).toBe('https://a/3');
		expect(nextLink('<https://a/s>; rel="nextish"')).toBeUndefined();
	});

	it('parses dates in a time zone, epoch milliseconds, and refuses guesses', () => {
		expect(parseDate('2026-07-01T09:00:00', 'Europe/Berlin')).toBe(
			Date.parse('2026-07-01T07:00:00Z'),
		);
		expect(parseDate('2026-01-31', 'UTC')).toBe(Date.parse('2026-01-31T00:00:00Z'));
		expect(parseDate('2026-01-31T09:00:00+02:00', 'America/New_York')).toBe(
			Date.parse('2026-01-31T07:00:00Z'),
		);
		expect(parseDate(1767225600000, 'UTC')).toBe(1767225600000);
		expect(parseDate('01/02/2026', 'UTC')).toBeUndefined();
		expect(parseDate('2', 'UTC')).toBeUndefined();
	});

	it('retries a 429 whose reset is a whole minute away, but not one further off', () => {
		const date = 'Thu, 01 Jan 2026 10:00:00 GMT';
		const at = (seconds: number) => String(Date.parse(date) / 1000 + seconds);
		expect(rateLimitRetryDelay({ 'x-rate-limit-reset': at(60), date }, 0)).toBe(60_250);
		expect(rateLimitRetryDelay({ 'x-rate-limit-reset': at(600), date }, 0)).toBeUndefined();
	});
});

describe("The credential test's domain expression, evaluated by n8n's expression engine", () => {
	const workflow = new Workflow({
		nodes: [],
		connections: {},
		active: false,
		nodeTypes: {} as INodeTypes,
	});

	function evaluate(domain: string): unknown {
		return workflow.expression.getSimpleParameterValue(
			{ id: '1', name: 'n', type: 't', typeVersion: 1, position: [0, 0], parameters: {} },
			normalizedDomainExpression,
			'internal',
			{ $credentials: { domain } },
		);
	}

	it.each([
		'acme.okta.com',
		' https://acme.okta.com/ ',
		'https://acme.okta.com/api/v1/',
		'http://127.0.0.1:8788',
		'http://localhost:8788/',
	])('gives the same origin as the node for %j', (domain) => {
		expect(evaluate(domain)).toBe(parseOktaDomain(domain).origin);
	});

	it('refuses http:// on a public host, so the test never sends the token in clear', () => {
		expect(evaluate('http://acme.okta.com')).toBe('https://use-https-not-http.invalid');
		expect(evaluate('http://localhost.evil.com')).toBe('https://use-https-not-http.invalid');
	});
});
