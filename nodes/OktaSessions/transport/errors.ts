import { NodeApiError } from 'n8n-workflow';
import type { INode, JsonObject } from 'n8n-workflow';

import type { OktaAuthentication } from './credentials';

/** The fields of Okta's error body; see https://developer.okta.com/docs/reference/error-codes/ */
export interface OktaErrorBody {
	errorCode?: string;
	errorSummary?: string;
	errorId?: string;
	errorCauses?: Array<{ errorSummary?: string }>;
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
}

function isOktaErrorBody(body: unknown): body is OktaErrorBody {
	return typeof body === 'object' && body !== null && 'errorCode' in body;
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
				? 'The admin who created the API token lacks the permission for this action. Sessions and users need an admin role that can manage users, for example Help Desk Administrator or Organization Administrator; reading the System Log needs Report Administrator or higher.'
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

	const causes = (okta?.errorCauses ?? [])
		.map((cause) => cause.errorSummary)
		.filter((summary): summary is string => typeof summary === 'string' && summary !== '');
	const summary = okta
		? `${okta.errorSummary ?? 'Okta returned an error'}${causes.length ? ` (${causes.join('; ')})` : ''} [${okta.errorCode}]`
		: `Okta answered with HTTP ${statusCode}${typeof body === 'string' && body.trim().startsWith('<') ? ' and an HTML page instead of JSON' : ''}`;
	const references = [
		okta?.errorId ? `Okta error ID: ${okta.errorId}` : undefined,
		requestId ? `request ID: ${requestId}` : undefined,
	].filter(Boolean);

	const message = `${context.action} failed: ${summary}${references.length ? `. ${references.join(', ')}` : ''}`;
	const cause: JsonObject = {
		httpCode: String(statusCode),
		errorCode: okta?.errorCode ?? null,
		errorSummary: okta?.errorSummary ?? null,
		errorId: okta?.errorId ?? null,
		requestId: requestId ?? null,
	};

	const error = new NodeApiError(context.node, cause, {
		message,
		description: whatToDo(statusCode, context, headers),
		httpCode: String(statusCode),
		itemIndex: context.itemIndex,
	});
	// NodeApiError swaps messages that mention network codes for generic texts; keep ours.
	error.message = message;
	return error;
}

export function unreachableError(
	origin: string,
	code: string | undefined,
	context: ErrorContext,
): NodeApiError {
	const message = `${context.action} failed: could not reach Okta at ${origin}${code ? ` (${code})` : ''}`;
	const error = new NodeApiError(
		context.node,
		{ code: code ?? null },
		{
			message,
			description:
				'Check the Okta domain in the credential (for example https://acme.okta.com) and that this n8n instance can reach it; a proxy or firewall may be in the way.',
			itemIndex: context.itemIndex,
		},
	);
	error.message = message;
	return error;
}
