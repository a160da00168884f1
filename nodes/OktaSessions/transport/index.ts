import { sleep } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	INode,
} from 'n8n-workflow';

import { getConnection } from './credentials';
import type { OktaConnection } from './credentials';
import {
	accessTokenError,
	isOktaErrorBody,
	oktaApiError,
	timeoutError,
	unexpectedBodyError,
	unreachableError,
} from './errors';
import { TOKEN_ERROR_PREFIX } from './oauth';
import { lowerCaseHeaders, parseBody } from './http';
import { RATE_LIMIT_RETRIES, rateLimitRetryDelay } from './rateLimit';
import { redact } from './redact';
import type { ErrorContext } from './errors';

export { getConnection } from './credentials';
export { rateLimitRetryDelay, rateLimitWaitMs } from './rateLimit';
export type { OktaAuthentication, OktaConnection } from './credentials';

export interface OktaRequest {
	method: IHttpRequestMethods;
	/** A path below the org, such as `/api/v1/sessions/{id}`, or an absolute URL on the org (paging). */
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface OktaResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface CallContext {
	itemIndex: number;
	/** Named in error messages, for example "End Session". */
	action: string;
	/** What a 404 means for this call and what to do about it. */
	notFound?: string;
	/**
	 * Statuses the caller handles itself instead of getting an error. Only Okta's own answers count
	 * (a JSON error body with an errorCode): a proxy's 404 page is not Okta saying "not found".
	 */
	acceptStatuses?: number[];
	/** The shape a successful body must have: an object (a Session, a User) or an array (events). */
	expect?: 'object' | 'array';
	/** Values of this call that must never appear in an error, such as a session token. */
	secrets?: string[];
}

const REQUEST_TIMEOUT_MS = 30_000;

/** Every message and code in an error and what it wraps: n8n's wrapper keeps texts but not codes. */
function errorTexts(error: unknown): { codes: string[]; texts: string[] } {
	const codes: string[] = [];
	const texts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const { code, messages, message } = current as {
			code?: unknown;
			messages?: unknown;
			message?: unknown;
		};
		if (typeof code === 'string') codes.push(code);
		if (Array.isArray(messages)) texts.push(...messages.map(String));
		if (typeof message === 'string') texts.push(message);
		const next = current as { cause?: unknown; errorResponse?: unknown };
		current = next.errorResponse ?? next.cause;
	}
	return { codes, texts };
}

function networkCode(error: unknown): string | undefined {
	const { codes, texts } = errorTexts(error);
	return (
		codes.find((code) => /^E[A-Z_]+$/.test(code)) ??
		texts.map((text) => /\b(E[A-Z]{4,})\b/.exec(text)?.[1]).find(Boolean)
	);
}

function isTimeout(error: unknown): boolean {
	const { codes, texts } = errorTexts(error);
	return codes.includes('ETIMEDOUT') || texts.some((text) => /\btimeout\b/i.test(text));
}

function tokenFailure(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
		const message = (current as { message?: unknown }).message;
		if (typeof message === 'string' && message.includes(TOKEN_ERROR_PREFIX)) {
			return message.slice(message.indexOf(TOKEN_ERROR_PREFIX));
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

function httpCodeOf(error: unknown): number | undefined {
	const code = Number((error as { httpCode?: unknown })?.httpCode);
	return Number.isFinite(code) && code > 0 ? code : undefined;
}

function toOptions(
	request: OktaRequest,
	connection: OktaConnection,
	refreshOn401: boolean,
): IHttpRequestOptions {
	const url = /^https?:\/\//i.test(request.url)
		? request.url
		: `${connection.origin}${request.url}`;
	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		headers: { Accept: 'application/json' },
		encoding: 'text',
		returnFullResponse: true,
		// Only a 401 that n8n's helper sees as an error makes it fetch a new access token and send again.
		ignoreHttpStatusErrors: refreshOn401 ? { ignore: true, except: [401] } : true,
		timeout: REQUEST_TIMEOUT_MS,
		// Okta's API does not redirect; following one could carry the credential to another host.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (request.qs && Object.keys(request.qs).length > 0) options.qs = request.qs;
	if (request.body !== undefined) {
		options.body = request.body;
		options.headers = { ...options.headers, 'Content-Type': 'application/json' };
	}
	return options;
}

async function sendOnce(
	this: IExecuteFunctions,
	request: OktaRequest,
	connection: OktaConnection,
	errorContext: ErrorContext,
	refreshOn401 = false,
): Promise<OktaResponse> {
	try {
		const response = (await this.helpers.httpRequestWithAuthentication.call(
			this,
			connection.credentialType,
			toOptions(request, connection, refreshOn401),
		)) as { statusCode: number; headers: unknown; body: unknown };
		return {
			statusCode: response.statusCode,
			headers: lowerCaseHeaders(response.headers),
			body: parseBody(response.body),
		};
	} catch (error) {
		// n8n's own error carries the request, and with it the credential: build a clean one instead.
		const tokenProblem = tokenFailure(error);
		if (tokenProblem !== undefined) throw accessTokenError(tokenProblem, errorContext);
		const status = httpCodeOf(error);
		if (status !== undefined) {
			return { statusCode: status, headers: {}, body: undefined };
		}
		const code = networkCode(error);
		if (isTimeout(error)) {
			throw timeoutError(connection.origin, REQUEST_TIMEOUT_MS / 1000, errorContext);
		}
		const failure = unreachableError(connection.origin, code, errorContext);
		const detail = error instanceof Error ? redact(error.message, errorContext.secrets) : '';
		if (detail && !failure.message.includes(detail)) {
			failure.description = `${failure.description} Details: ${detail}`;
		}
		throw failure;
	}
}

function errorContextFor(node: INode, connection: OktaConnection, call: CallContext): ErrorContext {
	return {
		node,
		itemIndex: call.itemIndex,
		action: call.action,
		authentication: connection.authentication,
		notFound: call.notFound,
		secrets: [...connection.secrets, ...(call.secrets ?? [])],
	};
}

function hasExpectedShape(body: unknown, expected: CallContext['expect']): boolean {
	if (typeof body === 'string') return false;
	if (expected === 'array') return Array.isArray(body);
	if (expected === 'object')
		return typeof body === 'object' && body !== null && !Array.isArray(body);
	return true;
}

/**
 * Sends one request to the Okta org of the node's credential and returns Okta's answer, or throws the
 * single error that describes why it failed. Rate-limited calls wait for Okta's window to reset.
 */
export async function oktaApiRequest(
	this: IExecuteFunctions,
	request: OktaRequest,
	call: CallContext,
	connection?: OktaConnection,
): Promise<OktaResponse> {
	const conn = connection ?? (await getConnection.call(this, call.itemIndex));
	const errorContext = errorContextFor(this.getNode(), conn, call);

	for (let attempt = 0; ; attempt++) {
		let response = await sendOnce.call(this, request, conn, errorContext);
		if (response.statusCode === 401 && conn.authentication === 'oAuth2') {
			// The access token may have expired: send again through n8n's refresh. If Okta still says
			// 401, n8n's error has lost Okta's body, so the first answer is the one reported.
			const retried = await sendOnce.call(this, request, conn, errorContext, true);
			if (retried.statusCode !== 401) response = retried;
		}
		const { statusCode } = response;

		if (statusCode >= 200 && statusCode < 300) {
			if (!hasExpectedShape(response.body, call.expect)) {
				throw unexpectedBodyError(response, errorContext);
			}
			return response;
		}
		if (call.acceptStatuses?.includes(statusCode) && isOktaErrorBody(response.body)) {
			return response;
		}

		const delay =
			statusCode === 429 ? rateLimitRetryDelay(response.headers, Date.now()) : undefined;
		if (delay !== undefined && attempt < RATE_LIMIT_RETRIES) {
			await sleep(delay);
			continue;
		}
		throw oktaApiError(response, errorContext);
	}
}
