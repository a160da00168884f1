import type { LogEvent } from './events';
import { parseFilter, type EventPredicate } from './filter';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface LogQuery {
	since: number;
	/** Absent for a polling request. */
	until?: number;
	limit: number;
	descending: boolean;
	/** Sequence number of the last event already returned (1-based position in the log). */
	after?: number;
	matches: EventPredicate;
}

export type QueryProblem = { kind: 'invalidParameter'; cause: string } | { kind: 'invalidFilter' };

/** Read `/api/v1/logs` query parameters with Okta's defaults: last 7 days, 100 events, ascending. */
export function readLogQuery(params: URLSearchParams, now: number): LogQuery | QueryProblem {
	const until = readTime(params, 'until');
	const since = readTime(params, 'since');
	if (until === null) return invalid('until: The value is not an ISO 8601 timestamp');
	if (since === null) return invalid('since: The value is not an ISO 8601 timestamp');

	const limit = Number(params.get('limit') ?? '100');
	if (!Number.isInteger(limit) || limit < 0 || limit > 1000) {
		return invalid('limit: The value must be an integer between 0 and 1000');
	}

	const sortOrder = params.get('sortOrder') ?? 'ASCENDING';
	if (sortOrder !== 'ASCENDING' && sortOrder !== 'DESCENDING') {
		return invalid('sortOrder: The value must be ASCENDING or DESCENDING');
	}

	const after = params.has('after') ? decodeCursor(params.get('after') ?? '') : undefined;
	if (after === null) return invalid('after: The cursor is not valid');

	let matches: EventPredicate = () => true;
	const filter = params.get('filter');
	if (filter) {
		try {
			matches = parseFilter(filter);
		} catch {
			return { kind: 'invalidFilter' };
		}
	}

	return {
		since: since ?? (until ?? now) - 7 * DAY_MS,
		until,
		limit,
		descending: sortOrder === 'DESCENDING',
		after,
		matches,
	};
}

export interface LogPage {
	events: LogEvent[];
	/** The `after` cursor for the `next` link, or undefined when the query is finished. */
	nextCursor?: string;
}

export function runLogQuery(log: LogEvent[], query: LogQuery): LogPage {
	const candidates = log
		.map((event, index) => ({ event, sequence: index + 1 }))
		.filter(({ event, sequence }) => {
			const published = Date.parse(event.published);
			if (published < query.since) return false;
			if (query.until !== undefined && published >= query.until) return false;
			if (query.after !== undefined) {
				if (query.descending ? sequence >= query.after : sequence <= query.after) return false;
			}
			return query.matches(event);
		});
	if (query.descending) candidates.reverse();

	const page = candidates.slice(0, query.limit);
	const last = page[page.length - 1];
	const events = page.map(({ event }) => event);

	if (query.until === undefined) {
		// A polling request never ends: Okta always returns `next`, even after an empty page, so a
		// client can keep following it to see events as they arrive.
		const position =
			last?.sequence ?? query.after ?? (query.descending ? log.length + 1 : log.length);
		return { events, nextCursor: encodeCursor(position) };
	}
	if (last && candidates.length > page.length) {
		return { events, nextCursor: encodeCursor(last.sequence) };
	}
	return { events };
}

function invalid(cause: string): QueryProblem {
	return { kind: 'invalidParameter', cause };
}

/** undefined when absent, null when unparsable. */
function readTime(params: URLSearchParams, name: string): number | undefined | null {
	const value = params.get(name);
	if (value === null) return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? null : time;
}

function encodeCursor(sequence: number): string {
	return Buffer.from(`seq:${sequence}`).toString('base64url');
}

function decodeCursor(cursor: string): number | null {
	const match = /^seq:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
	return match ? Number(match[1]) : null;
}
