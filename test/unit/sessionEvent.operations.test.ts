import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';
import { buildFilter, nextLink, quote } from '../../nodes/OktaSessions/actions/sessionEvent/filter';
import { mockContext } from './mockContext';

const ORIGIN = 'https://acme.okta.com';

function event(n: number) {
	return {
		uuid: `event-${n}`,
		published: `2026-01-01T10:00:0${n % 10}.000Z`,
		eventType: 'user.session.start',
		outcome: { result: 'SUCCESS' },
		actor: { id: '00ualice', type: 'User', alternateId: 'alice@example.com' },
		target: [{ id: '00ualice', type: 'User', alternateId: 'alice@example.com' }],
		authenticationContext: { externalSessionId: `102session${n}` },
		client: {
			ipAddress: '198.51.100.7',
			userAgent: { rawUserAgent: 'Mozilla/5.0' },
			geographicalContext: { city: 'Lisbon', country: 'Portugal' },
		},
	};
}

function links(self: string, next?: string) {
	const parts = [`<${self}>; rel="self"`];
	if (next) parts.push(`<${next}>; rel="next"`);
	return { link: parts.join(', ') };
}

const base = {
	resource: 'sessionEvent',
	operation: 'getMany',
	eventTypes: ['user.session.start', 'user.session.end'],
	since: '2026-01-01T00:00:00Z',
	until: '2026-01-02T00:00:00Z',
};

describe('Session Event: Get Many', () => {
	it('sends the filter, the window with until, ascending order and the page size', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: false, limit: 5, user: 'alice@example.com' }],
			[{ statusCode: 200, body: [event(1)], headers: links(`${ORIGIN}/api/v1/logs?self`) }],
		);

		await new OktaSessions().execute.call(mock.context);

		expect(mock.requests[0].options).toMatchObject({
			method: 'GET',
			url: `${ORIGIN}/api/v1/logs`,
			qs: {
				filter:
					'(eventType eq "user.session.start" or eventType eq "user.session.end") and (actor.id eq "alice@example.com" or target.id eq "alice@example.com" or actor.alternateId eq "alice@example.com" or target.alternateId eq "alice@example.com")',
				since: '2026-01-01T00:00:00.000Z',
				until: '2026-01-02T00:00:00.000Z',
				sortOrder: 'ASCENDING',
				limit: 5,
			},
		});
	});

	it('defaults to the last 24 hours and always sends until', async () => {
		const before = Date.now();
		const mock = mockContext(
			[{ ...base, since: '', until: '', returnAll: true }],
			[{ statusCode: 200, body: [] }],
		);

		await new OktaSessions().execute.call(mock.context);

		const qs = mock.requests[0].options.qs as Record<string, string>;
		const until = Date.parse(qs.until);
		expect(until).toBeGreaterThanOrEqual(before - 1000);
		expect(until - Date.parse(qs.since)).toBe(24 * 60 * 60 * 1000);
	});

	it('follows next links across pages with Return All and stops on the last page', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: true }],
			[
				{
					statusCode: 200,
					body: [event(1), event(2)],
					headers: links(`${ORIGIN}/api/v1/logs?p=1`, `${ORIGIN}/api/v1/logs?after=2`),
				},
				{
					statusCode: 200,
					body: [event(3), event(4)],
					headers: links(`${ORIGIN}/api/v1/logs?after=2`, `${ORIGIN}/api/v1/logs?after=4`),
				},
				{ statusCode: 200, body: [event(5)], headers: links(`${ORIGIN}/api/v1/logs?after=4`) },
			],
		);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(mock.requests.map((r) => r.options.url)).toEqual([
			`${ORIGIN}/api/v1/logs`,
			`${ORIGIN}/api/v1/logs?after=2`,
			`${ORIGIN}/api/v1/logs?after=4`,
		]);
		expect(mock.requests[1].options.qs).toBeUndefined();
		expect(output.map((item) => item.json.eventId)).toEqual([
			'event-1',
			'event-2',
			'event-3',
			'event-4',
			'event-5',
		]);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('stops on an empty page even when Okta offers another next link', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: true }],
			[
				{
					statusCode: 200,
					body: [event(1)],
					headers: links(`${ORIGIN}/api/v1/logs?p=1`, `${ORIGIN}/api/v1/logs?after=1`),
				},
				{
					statusCode: 200,
					body: [],
					headers: links(`${ORIGIN}/api/v1/logs?after=1`, `${ORIGIN}/api/v1/logs?after=1b`),
				},
			],
		);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(mock.requests).toHaveLength(2);
		expect(output).toHaveLength(1);
	});

	it('never fetches a page again when the next link repeats one already read', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: true }],
			[
				{
					statusCode: 200,
					body: [event(1)],
					headers: links(`${ORIGIN}/api/v1/logs?p=1`, `${ORIGIN}/api/v1/logs?after=1`),
				},
				{
					statusCode: 200,
					body: [event(2)],
					headers: links(`${ORIGIN}/api/v1/logs?after=1`, `${ORIGIN}/api/v1/logs?after=1`),
				},
			],
		);

		await new OktaSessions().execute.call(mock.context);

		expect(mock.requests).toHaveLength(2);
	});

	it('ends mid-page at the limit without asking for more', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: false, limit: 3 }],
			[
				{
					statusCode: 200,
					body: [event(1), event(2)],
					headers: links(`${ORIGIN}/api/v1/logs?p=1`, `${ORIGIN}/api/v1/logs?after=2`),
				},
				{
					statusCode: 200,
					body: [event(3), event(4)],
					headers: links(`${ORIGIN}/api/v1/logs?after=2`, `${ORIGIN}/api/v1/logs?after=4`),
				},
			],
		);

		const [output] = await new OktaSessions().execute.call(mock.context);

		expect(mock.requests).toHaveLength(2);
		expect(output.map((item) => item.json.eventId)).toEqual(['event-1', 'event-2', 'event-3']);
	});

	it('refuses to follow a next link to another host', async () => {
		const mock = mockContext(
			[{ ...base, returnAll: true }],
			[
				{
					statusCode: 200,
					body: [event(1)],
					headers: links(`${ORIGIN}/api/v1/logs`, 'https://evil.example.com/api/v1/logs?after=1'),
				},
			],
		);

		const promise = new OktaSessions().execute.call(mock.context);

		await expect(promise).rejects.toBeInstanceOf(NodeApiError);
		await expect(promise).rejects.toThrow(/leads away from https:\/\/acme.okta.com\/api\/v1\/logs/);
		expect(mock.requests).toHaveLength(1);
	});

	it('flattens each event, or returns it raw when Simplify is off', async () => {
		const simplified = mockContext(
			[{ ...base, limit: 1 }],
			[{ statusCode: 200, body: [event(1)] }],
		);
		const raw = mockContext(
			[{ ...base, limit: 1, simplify: false }],
			[{ statusCode: 200, body: [event(1)] }],
		);

		const [[flat]] = await new OktaSessions().execute.call(simplified.context);
		const [[original]] = await new OktaSessions().execute.call(raw.context);

		expect(flat.json).toEqual({
			published: '2026-01-01T10:00:01.000Z',
			eventType: 'user.session.start',
			outcome: 'SUCCESS',
			actorId: '00ualice',
			actorLogin: 'alice@example.com',
			targetId: '00ualice',
			targetLogin: 'alice@example.com',
			sessionId: '102session1',
			ipAddress: '198.51.100.7',
			city: 'Lisbon',
			country: 'Portugal',
			userAgent: 'Mozilla/5.0',
			eventId: 'event-1',
		});
		expect(original.json).toEqual(event(1));
	});

	it('refuses a window whose start is not before its end, before sending', async () => {
		const mock = mockContext([{ ...base, since: base.until, until: base.since }], []);

		await expect(new OktaSessions().execute.call(mock.context)).rejects.toBeInstanceOf(
			NodeOperationError,
		);
		expect(mock.requests).toHaveLength(0);
	});
});

describe('Filter and Link parsing', () => {
	it('escapes quotes and backslashes inside filter values', () => {
		expect(quote('a"b\\c')).toBe('"a\\"b\\\\c"');
		expect(buildFilter(['user.session.end'], 'x" or eventType eq "y')).toContain(
			'actor.id eq "x\\" or eventType eq \\"y"',
		);
	});

	it('finds next when self comes first, and when the order is reversed', () => {
		expect(nextLink('<https://a/self>; rel="self", <https://a/next?x=1,2>; rel="next"')).toBe(
			'https://a/next?x=1,2',
		);
		expect(nextLink('<https://a/next>; rel="next", <https://a/self>; rel="self"')).toBe(
			'https://a/next',
		);
		expect(nextLink('<https://a/self>; rel="self"')).toBeUndefined();
		expect(nextLink(undefined)).toBeUndefined();
	});
});
