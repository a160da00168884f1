import type { RequestContext } from '../context';
import { errors, ok, type SandboxResponse } from '../response';
import type { Route } from '../router';
import { readLogQuery, runLogQuery } from '../systemLog/query';

function listLogEvents(ctx: RequestContext): SandboxResponse {
	const query = readLogQuery(ctx.query, ctx.now);
	if ('kind' in query) {
		return query.kind === 'invalidFilter'
			? errors.invalidSearch()
			: errors.validation([query.cause]);
	}

	const pageSize = Math.min(query.limit, ctx.org.logPageSize ?? query.limit);
	const page = runLogQuery(ctx.org.store.logEvents, { ...query, limit: pageSize });

	// Okta sends `self` first, then `next` when there is more to read.
	const links = [`<${ctx.requestUrl}>; rel="self"`];
	if (page.nextCursor) {
		const next = new URL(ctx.requestUrl);
		next.searchParams.set('after', page.nextCursor);
		links.push(`<${next.toString()}>; rel="next"`);
	}
	return ok(page.events, { Link: links });
}

export const logRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/api/v1/logs',
		bucket: 'logs',
		access: { kind: 'admin', scopes: ['okta.logs.read'], write: false },
		handle: listLogEvents,
	},
];
