import type { Org } from './context';
import { errors, type SandboxResponse } from './response';
import type { SeedApiToken } from './seed';
import type { UserRecord } from './store';

export type Principal =
	| { kind: 'apiToken'; token: SeedApiToken; user: UserRecord }
	| { kind: 'accessToken'; clientId: string; scopes: string[] };

export type Access =
	| { kind: 'public' }
	| {
			kind: 'admin';
			/** Any one of these scopes grants access; Okta lets a `.manage` scope read too. */
			scopes: string[];
			write: boolean;
			/**
			 * Okta's "Create a session with session token" lists only API tokens as its security
			 * scheme. An access token there is refused with 403 E0000006 (not 401): the token is
			 * valid, it is just not allowed on this operation, and the spec lists 403 for it.
			 */
			apiTokenOnly?: boolean;
	  };

/** Resolve the Authorization header to a principal allowed on the route, or Okta's refusal. */
export function authorize(
	access: Extract<Access, { kind: 'admin' }>,
	authorization: string | undefined,
	org: Org,
	path: string,
): Principal | SandboxResponse {
	const [scheme, credential] = (authorization ?? '').split(' ', 2);

	if (scheme === 'SSWS' && credential) {
		return authorizeApiToken(access, credential, org);
	}
	if (scheme === 'Bearer' && credential) {
		return authorizeAccessToken(access, credential, org, path);
	}
	return errors.invalidToken();
}

function authorizeApiToken(
	access: Extract<Access, { kind: 'admin' }>,
	credential: string,
	org: Org,
): Principal | SandboxResponse {
	const token = org.store.apiTokens.find((candidate) => candidate.token === credential);
	const user = token && org.store.userById(token.userId);
	if (!token || !user) return errors.invalidToken();

	if (access.write && token.readOnly) return errors.forbidden();

	return { kind: 'apiToken', token, user };
}

function authorizeAccessToken(
	access: Extract<Access, { kind: 'admin' }>,
	credential: string,
	org: Org,
	path: string,
): Principal | SandboxResponse {
	const record = org.store.accessTokens.get(credential);
	if (!record || record.expiresAt <= org.now()) {
		return errors.invalidToken({
			'WWW-Authenticate': bearerChallenge(org, {
				error: 'invalid_token',
				error_description: 'The token is not valid.',
			}),
		});
	}

	if (access.apiTokenOnly) return errors.forbidden();

	if (!access.scopes.some((scope) => record.scopes.includes(scope))) {
		// https://support.okta.com/help/s/article/insufficient-scope-error-when-making-a-request-to-an-oauth-or-management-endpoint
		return errors.forbidden({
			'WWW-Authenticate': bearerChallenge(org, {
				scope: access.scopes[0],
				error: 'insufficient_scope',
				error_description: 'The access token provided does not contain the required scopes.',
				resource: path,
			}),
		});
	}

	return { kind: 'accessToken', clientId: record.clientId, scopes: record.scopes };
}

function bearerChallenge(org: Org, fields: Record<string, string>): string {
	const all = {
		authorization_uri: `${org.baseUrl}/oauth2/v1/authorize`,
		realm: org.baseUrl,
		...fields,
	};
	const parts = Object.entries(all).map(([name, value]) => `${name}="${value}"`);
	return 'Bearer ' + parts.join(', ');
}
