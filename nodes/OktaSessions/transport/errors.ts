import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { OktaAuthentication } from './credentials';
import { redact } from './redact';

/** The fields of Okta's error body; see https://developer.okta.com/docs/reference/error-codes/ */
export interface OktaErrorBody {
	errorCode?: string;
	errorSummary?: string;
	errorId?: string;
	errorCauses?: unknown;
}

export interface FailedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface ErrorContext {
	node: INode;
	itemIndex: number;
	action: string;
	authentication: OktaAuthentication;
	notFound?: string;
	/** Never shown in an error, even if Okta or a proxy echoes them back. */
	secrets: string[];
}

export function isOktaErrorBody(body: unknown): body is OktaErrorBody {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as OktaErrorBody).errorCode === 'string'
	);
}

function causeSummaries(causes: unknown): string[] {
	if (!Array.isArray(causes)) return [];
	return causes
		.map((cause) => (typeof cause === 'object' && cause !== null ? cause.errorSummary : undefined))
		.filter((summary): summary is string => typeof summary === 'string' && summary !== '');
}

/** Builds a NodeApiError whose message stays exactly as given. */
function apiError(
	context: ErrorContext,
	details: JsonObject,
	message: string,
	description: string,
	httpCode?: number,
): NodeApiError {
	const safeMessage = redact(message, context.secrets);
	const error = new NodeApiError(context.node, details, {
		message: safeMessage,
		description: redact(description, context.secrets),
		httpCode: httpCode === undefined ? undefined : String(httpCode),
		itemIndex: context.itemIndex,
	});
	// NodeApiError swaps messages that mention network codes for generic texts; keep ours.
	error.message = safeMessage;
	return error;
}

function whatToDo(status: number, context: ErrorContext, headers: Record<string, string>): string {
	const usesApiToken = context.authentication === 'apiToken';
	switch (status) {
		case 400:
			return 'Okta refused the request as invalid. Check the values given to this node for this item.';
		case 401:
			return usesApiToken
				? 'The API token is invalid, expired or revoked (Okta revokes tokens that go unused for 30 days). Create a new token in the Okta Admin Console under Security > API > Tokens and update the credential.'
				: 'Okta rejected the access token of the service app. Check the client ID, the private key and its key ID in the credential, and that the app is active in Okta.';
		case 403:
			return usesApiToken
				? 'The admin who created the API token lacks the permission for this action. Sessions and users need an admin role that can manage users, for example Help Desk Administrator or Organization Administrator; reading the System Log needs Read-Only Administrator or Report Administrator.'
				: "The service app lacks a scope or admin role for this action. Grant the scopes okta.sessions.manage, okta.users.manage, okta.users.read and okta.logs.read in the app's Okta API Scopes tab, assign it an admin role, and list the scopes in the credential.";
		case 404:
			return (
				context.notFound ??
				'Okta has no such resource. Check the ID; it may have been deleted or may belong to another Okta org.'
			);
		case 429: {
			const reset = Number(headers['x-rate-limit-reset']);
			const when = Number.isFinite(reset)
				? ` The limit resets at ${new Date(reset * 1000).toISOString()}.`
				: '';
			return `Okta's rate limit for this endpoint was reached and did not reset in time.${when} Process fewer items per run (for example with a Loop Over Items node and a Wait node), or ask Okta to raise the limit.`;
		}
		default:
			if (status >= 300 && status < 400) {
				const target = headers.location ? ` to ${headers.location}` : '';
				return `The Okta domain redirected${target}; redirects are not followed so that the credential stays with your org. Put your Okta org's own URL in the credential, for example https://acme.okta.com.`;
			}
			return status >= 500
				? 'Okta could not handle the request. Try again in a few minutes; if it keeps failing, check https://status.okta.com.'
				: "Okta did not accept the request. Check the node's parameters and the credential.";
	}
}

/**
 * Builds the one error a failed Okta call produces. It is made from the status and the body only: the
 * request (which carries the token) is never part of it.
 */
export function oktaApiError(response: FailedResponse, context: ErrorContext): NodeApiError {
	const { statusCode, headers, body } = response;
	const okta = isOktaErrorBody(body) ? body : undefined;
	const requestId = headers['x-okta-request-id'];

	const causes = causeSummaries(okta?.errorCauses);
	const summary = okta
		? `${okta.errorSummary ?? 'Okta returned an error'}${causes.length ? ` (${causes.join('; ')})` : ''} [${okta.errorCode}]`
		: `Okta answered with HTTP ${statusCode}${typeof body === 'string' && body.trim().startsWith('<') ? ' and an HTML page instead of JSON' : ''}`;
	const references = [
		okta?.errorId ? `Okta error ID: ${okta.errorId}` : undefined,
		requestId ? `request ID: ${requestId}` : undefined,
	].filter(Boolean);

	const message = `${context.action} failed: ${summary}${references.length ? `. ${references.join(', ')}` : ''}`;
	const details: JsonObject = {
		httpCode: String(statusCode),
		errorCode: okta?.errorCode ?? null,
		errorId: okta?.errorId ?? null,
		requestId: requestId ?? null,
	};
	return apiError(context, details, message, whatToDo(statusCode, context, headers), statusCode);
}

export function unexpectedBodyError(response: FailedResponse, context: ErrorContext): NodeApiError {
	return apiError(
		context,
		{ httpCode: String(response.statusCode) },
		`${context.action} failed: Okta answered HTTP ${response.statusCode} with a body this operation cannot use`,
		'Check that the Okta domain in the credential is your Okta org itself, not a proxy or a sign-in page.',
		response.statusCode,
	);
}

export function unreachableError(
	origin: string,
	code: string | undefined,
	context: ErrorContext,
): NodeApiError {
	return apiError(
		context,
		{ code: code ?? null },
		`${context.action} failed: could not reach Okta at ${origin}${code ? ` (${code})` : ''}`,
		'Check the Okta domain in the credential (for example https://acme.okta.com) and that this n8n instance can reach it; a proxy or firewall may be in the way.',
	);
}

export function timeoutError(origin: string, seconds: number, context: ErrorContext): NodeApiError {
	return apiError(
		context,
		{ code: 'ETIMEDOUT' },
		`${context.action} failed: Okta at ${origin} did not answer within ${seconds} seconds`,
		'Okta may still have carried the request out. Check the result (for example with Get Session) before running the item again.',
	);
}

export function accessTokenError(problem: string, context: ErrorContext): NodeApiError {
	return apiError(
		context,
		{ reason: 'access token' },
		`${context.action} failed: ${problem}`,
		'The service-app credential could not get an access token from Okta. Open the credential and check its Okta domain, client ID, private key, key ID and scopes.',
	);
}
