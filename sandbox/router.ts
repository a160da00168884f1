import type { Access } from './auth';
import type { RequestContext } from './context';
import type { SandboxResponse } from './response';

export interface Route {
	method: string;
	/** Segments starting with `:` capture one path segment, e.g. `/api/v1/sessions/:sessionId`. */
	pattern: string;
	/** Okta counts rate limits per endpoint group; routes sharing a bucket share a budget. */
	bucket: string;
	access: Access;
	handle(ctx: RequestContext): SandboxResponse;
}

export type RouteMatch =
	| { kind: 'found'; route: Route; params: Record<string, string> }
	| { kind: 'methodNotAllowed'; bucket: string }
	| { kind: 'notFound' };

export function matchRoute(routes: Route[], method: string, path: string): RouteMatch {
	const onPath = routes
		.map((route) => ({ route, params: matchPattern(route.pattern, path) }))
		.filter((candidate): candidate is { route: Route; params: Record<string, string> } =>
			Boolean(candidate.params),
		);

	const found = onPath.find((candidate) => candidate.route.method === method);
	if (found) return { kind: 'found', ...found };
	if (onPath.length > 0) return { kind: 'methodNotAllowed', bucket: onPath[0].route.bucket };
	return { kind: 'notFound' };
}

function matchPattern(pattern: string, path: string): Record<string, string> | undefined {
	const wanted = pattern.split('/');
	const actual = path.split('/');
	if (wanted.length !== actual.length) return undefined;

	const params: Record<string, string> = {};
	for (let index = 0; index < wanted.length; index++) {
		const segment = wanted[index];
		if (segment.startsWith(':')) {
			if (!actual[index]) return undefined;
			params[segment.slice(1)] = decodeURIComponent(actual[index]);
		} else if (segment !== actual[index]) {
			return undefined;
		}
	}
	return params;
}
