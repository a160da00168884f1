import { newErrorId } from './ids';

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string | string[]>;
	/** Serialised as JSON, unless `rawBody` is set. */
	json?: unknown;
	rawBody?: string;
}

export function ok(json: unknown, headers?: Record<string, string | string[]>): SandboxResponse {
	return { status: 200, json, headers };
}

export function noContent(): SandboxResponse {
	return { status: 204 };
}

/** Okta's error body: https://developer.okta.com/docs/reference/error-codes/ */
export function oktaError(
	status: number,
	errorCode: string,
	errorSummary: string,
	options: { causes?: string[]; headers?: Record<string, string> } = {},
): SandboxResponse {
	return {
		status,
		headers: options.headers,
		json: {
			errorCode,
			errorSummary,
			errorLink: errorCode,
			errorId: newErrorId(),
			errorCauses: (options.causes ?? []).map((cause) => ({ errorSummary: cause })),
		},
	};
}

export const errors = {
	validation: (causes: string[]) =>
		oktaError(400, 'E0000001', 'Api validation failed: ' + causes.join(', '), { causes }),
	malformedBody: () => oktaError(400, 'E0000003', 'The request body was not well-formed.'),
	authenticationFailed: () => oktaError(401, 'E0000004', 'Authentication failed'),
	forbidden: (headers?: Record<string, string>) =>
		oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', {
			headers,
		}),
	notFound: (id: string, type: string) =>
		oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`),
	invalidToken: (headers?: Record<string, string>) =>
		oktaError(401, 'E0000011', 'Invalid token provided', { headers }),
	methodNotAllowed: () =>
		oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method'),
	invalidSearch: () => oktaError(400, 'E0000031', 'Invalid search criteria.'),
	rateLimited: () =>
		oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
};

/** The token endpoint speaks OAuth 2.0 (RFC 6749 section 5.2), not Okta's error body. */
export function oauthError(status: number, error: string, description: string): SandboxResponse {
	return { status, json: { error, error_description: description } };
}
