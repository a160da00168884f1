import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

import { authorize } from './auth';
import type { ClientInfo, Org, RequestContext } from './context';
import type { FaultList } from './faults';
import { newRequestId } from './ids';
import type { RateLimiter, RateLimitState } from './rateLimiter';
import { errors, oktaError, type SandboxResponse } from './response';
import { matchRoute, type Route } from './router';
import type { RecordedRequest } from './types';

export interface ServerParts {
	org: Org;
	routes: Route[];
	limiter: RateLimiter;
	faults: FaultList;
	requests: RecordedRequest[];
	latencyMs: number;
}

interface Incoming {
	method: string;
	url: URL;
	headers: IncomingMessage['headers'];
	body: unknown;
	bodyMalformed: boolean;
	client: ClientInfo;
}

export function createRequestListener(parts: ServerParts): RequestListener {
	return (req, res) => {
		handle(parts, req, res).catch((error: unknown) => {
			res.statusCode = 500;
			res.end(String(error));
		});
	};
}

async function handle(parts: ServerParts, req: IncomingMessage, res: ServerResponse) {
	const incoming = await readIncoming(parts.org, req);
	parts.requests.push({
		method: incoming.method,
		path: incoming.url.pathname,
		query: Object.fromEntries(incoming.url.searchParams),
		headers: { ...req.headers },
		body: incoming.body,
	});

	const now = parts.org.now();
	const requestId = newRequestId();
	const { response, rate } = dispatch(parts, incoming, now, requestId);

	if (parts.latencyMs > 0) await delay(parts.latencyMs);
	send(res, response, { now, requestId, rate });
}

function dispatch(
	parts: ServerParts,
	incoming: Incoming,
	now: number,
	requestId: string,
): { response: SandboxResponse; rate: RateLimitState } {
	const { method, url } = incoming;
	const match = matchRoute(parts.routes, method, url.pathname);
	const bucket =
		match.kind === 'notFound'
			? 'other'
			: match.kind === 'found'
				? match.route.bucket
				: match.bucket;

	const fault = parts.faults.take(method, url.pathname);
	if (fault) {
		const response = { status: fault.status, headers: fault.headers, rawBody: fault.body };
		return { response, rate: parts.limiter.peek(bucket, now) };
	}

	const rate = parts.limiter.hit(bucket, now);
	if (rate.exceeded) return { response: errors.rateLimited(), rate };

	if (match.kind === 'notFound') {
		return {
			response: oktaError(404, 'E0000007', `Not found: Resource not found: ${url.pathname}`),
			rate,
		};
	}
	if (match.kind === 'methodNotAllowed') return { response: errors.methodNotAllowed(), rate };

	const ctx: RequestContext = {
		org: parts.org,
		now,
		method,
		path: url.pathname,
		requestUrl: url.toString(),
		params: match.params,
		query: url.searchParams,
		body: incoming.body,
		bodyMalformed: incoming.bodyMalformed,
		requestId,
		client: incoming.client,
	};
	return { response: runRoute(match.route, ctx, incoming.headers.authorization), rate };
}

function runRoute(route: Route, ctx: RequestContext, authorization: string | undefined) {
	if (route.access.kind === 'admin') {
		const principal = authorize(route.access, authorization, ctx.org, ctx.path);
		if ('status' in principal) return principal;
		ctx.principal = principal;
	}

	try {
		return route.handle(ctx);
	} catch {
		return oktaError(500, 'E0000009', 'Internal Server Error');
	}
}

async function readIncoming(org: Org, req: IncomingMessage): Promise<Incoming> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');

	return {
		method: (req.method ?? 'GET').toUpperCase(),
		url: new URL(req.url ?? '/', org.baseUrl),
		headers: req.headers,
		...parseBody(text, req.headers['content-type']),
		client: {
			ipAddress: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
			userAgent: req.headers['user-agent'] ?? 'UNKNOWN',
		},
	};
}

function parseBody(text: string, contentType = ''): { body: unknown; bodyMalformed: boolean } {
	if (text === '') return { body: undefined, bodyMalformed: false };

	if (contentType.includes('application/x-www-form-urlencoded')) {
		return { body: Object.fromEntries(new URLSearchParams(text)), bodyMalformed: false };
	}
	try {
		return { body: JSON.parse(text), bodyMalformed: false };
	} catch {
		return { body: text, bodyMalformed: true };
	}
}

function send(
	res: ServerResponse,
	response: SandboxResponse,
	meta: { now: number; requestId: string; rate: RateLimitState },
) {
	res.statusCode = response.status;
	res.setHeader('Date', new Date(meta.now).toUTCString());
	res.setHeader('X-Okta-Request-Id', meta.requestId);
	res.setHeader('X-Rate-Limit-Limit', String(meta.rate.limit));
	res.setHeader('X-Rate-Limit-Remaining', String(meta.rate.remaining));
	res.setHeader('X-Rate-Limit-Reset', String(meta.rate.resetAt));
	res.setHeader('Cache-Control', 'no-cache, no-store');

	let payload = response.rawBody;
	if (response.json !== undefined && response.status !== 204) {
		payload = JSON.stringify(response.json);
		res.setHeader('Content-Type', 'application/json');
	}
	for (const [name, value] of Object.entries(response.headers ?? {})) {
		res.setHeader(name, value);
	}
	res.end(payload);
}
