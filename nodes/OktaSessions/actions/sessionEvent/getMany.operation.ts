import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { parseDate } from '../../helpers/dates';
import { showFor } from '../../helpers/displayOptions';
import { getConnection, oktaApiRequest } from '../../transport';
import { ALL_SESSION_EVENT_TYPES, SESSION_EVENT_TYPES } from './eventTypes';
import { buildFilter, nextLink } from './filter';

const DAY_MS = 24 * 60 * 60 * 1000;
// Okta's largest System Log page.
const MAX_PAGE_SIZE = 1000;
const LOGS_PATH = '/api/v1/logs';

export const description: INodeProperties[] = showFor(
	'sessionEvent',
	'getMany',
)([
	{
		displayName: 'Event Types',
		name: 'eventTypes',
		type: 'multiOptions',
		options: SESSION_EVENT_TYPES,
		default: ALL_SESSION_EVENT_TYPES,
		description: 'Which session events to read from the Okta System Log',
	},
	{
		displayName: 'Since',
		name: 'since',
		type: 'dateTime',
		default: '',
		description: 'Earliest event time. Empty means 24 hours ago.',
	},
	{
		displayName: 'Until',
		name: 'until',
		type: 'dateTime',
		default: '',
		description: 'Latest event time. Empty means now.',
	},
	{
		displayName: 'User',
		name: 'user',
		type: 'string',
		default: '',
		placeholder: 'jane.doe@example.com',
		description:
			'Only events where this user (an Okta user ID or login) is the actor, such as their own sign-in, or the target, such as an admin ending their sessions. Empty means everyone.',
	},
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return each event as a flat item (time, event type, outcome, actor, target, session, IP address, place, user agent) instead of the raw Okta event',
	},
]);

function dateParameter(
	this: IExecuteFunctions,
	name: 'since' | 'until',
	fallback: number,
	itemIndex: number,
): number {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (raw === '' || raw === null || raw === undefined) return fallback;

	const parsed = parseDate(raw, this.getTimezone());
	if (parsed === undefined) {
		const label = name === 'since' ? 'Since' : 'Until';
		throw new NodeOperationError(
			this.getNode(),
			`"${String(raw)}" is not a valid date for ${label}`,
			{
				itemIndex,
				description:
					"Use an ISO 8601 date such as 2026-01-31T09:00:00Z (without an offset, the workflow's time zone applies), or leave the field empty.",
			},
		);
	}
	return parsed;
}

function eventTypesParameter(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = this.getNodeParameter('eventTypes', itemIndex, []) as unknown;
	const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
	const types = list.map((type) => String(type).trim()).filter((type) => type !== '');
	if (types.length === 0) {
		throw new NodeOperationError(this.getNode(), 'No event types are selected', {
			itemIndex,
			description: 'Select at least one session event type.',
		});
	}
	return types;
}

function limitParameter(this: IExecuteFunctions, itemIndex: number): number {
	const raw = this.getNodeParameter('returnAll', itemIndex, false) as unknown;
	if (raw === true || raw === 'true') return Infinity;

	const limit = Number(this.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(this.getNode(), `The Limit must be a whole number of 1 or more`, {
			itemIndex,
			description: 'Set Limit to how many events to return, or turn on Return All.',
		});
	}
	return limit;
}

function firstUserTarget(event: IDataObject): IDataObject | undefined {
	const targets = Array.isArray(event.target) ? (event.target as IDataObject[]) : [];
	return targets.find((target) => target?.type === 'User') ?? targets[0];
}

function field(source: unknown, ...path: string[]): string | null {
	let current: unknown = source;
	for (const key of path) {
		if (typeof current !== 'object' || current === null) return null;
		current = (current as IDataObject)[key];
	}
	return current === undefined || current === null ? null : String(current);
}

export function simplifyEvent(event: IDataObject): IDataObject {
	const target = firstUserTarget(event);
	return {
		published: field(event, 'published'),
		eventType: field(event, 'eventType'),
		outcome: field(event, 'outcome', 'result'),
		actorId: field(event, 'actor', 'id'),
		actorLogin: field(event, 'actor', 'alternateId'),
		targetId: field(target, 'id'),
		targetLogin: field(target, 'alternateId'),
		sessionId: field(event, 'authenticationContext', 'externalSessionId'),
		ipAddress: field(event, 'client', 'ipAddress'),
		city: field(event, 'client', 'geographicalContext', 'city'),
		country: field(event, 'client', 'geographicalContext', 'country'),
		userAgent: field(event, 'client', 'userAgent', 'rawUserAgent'),
		eventId: field(event, 'uuid'),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const eventTypes = eventTypesParameter.call(this, itemIndex);
	const user = String(this.getNodeParameter('user', itemIndex, '') ?? '').trim();
	const limit = limitParameter.call(this, itemIndex);
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as unknown;
	const until = dateParameter.call(this, 'until', Date.now(), itemIndex);
	const since = dateParameter.call(this, 'since', until - DAY_MS, itemIndex);

	if (since >= until) {
		throw new NodeOperationError(this.getNode(), 'Since must be earlier than Until', {
			itemIndex,
			description: 'Pick a time window whose start comes before its end.',
		});
	}

	const connection = await getConnection.call(this, itemIndex);
	const events: IDataObject[] = [];
	const fetched = new Set<string>();
	// Okta treats a query without `until` as a poll whose next link never ends, so it is always sent.
	let url = `${connection.origin}${LOGS_PATH}`;
	let qs: IDataObject | undefined = {
		filter: buildFilter(eventTypes, user || undefined),
		since: new Date(since).toISOString(),
		until: new Date(until).toISOString(),
		sortOrder: 'ASCENDING',
		limit: Math.min(limit, MAX_PAGE_SIZE),
	};

	while (events.length < limit) {
		const response = await oktaApiRequest.call(
			this,
			{ method: 'GET', url, qs },
			{ itemIndex, action: 'Get Many Session Events', expect: 'array' },
			connection,
		);
		fetched.add(url);
		const page = response.body as IDataObject[];
		if (page.length === 0) break;
		events.push(...page.slice(0, limit - events.length));

		const link = nextLink(response.headers.link);
		if (link === undefined) break;
		const next = new URL(link, url);
		if (next.origin !== connection.origin || next.pathname !== LOGS_PATH) {
			throw new NodeApiError(
				this.getNode(),
				{ link: 'next' },
				{
					message: `Okta's next-page link leads away from ${connection.origin}${LOGS_PATH}; stopped after ${events.length} events`,
					description:
						'The link was not followed so that the credential is never sent anywhere else. Check that the Okta domain in the credential is the org itself, not a proxy.',
					itemIndex,
				},
			);
		}
		if (fetched.has(next.href)) break;
		url = next.href;
		qs = undefined;
	}

	return simplify === false || simplify === 'false' ? events : events.map(simplifyEvent);
}
