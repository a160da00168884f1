import { checkClientAssertion } from '../clientAssertion';
import { isObject, type RequestContext } from '../context';
import { newAccessToken } from '../ids';
import { oauthError, ok, type SandboxResponse } from '../response';
import type { Route } from '../router';
import { SERVICE_APP } from '../seed';

const ACCESS_TOKEN_LIFETIME_SECONDS = 3600;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** The org authorization server's token endpoint, for the client_credentials grant only. */
function issueToken(ctx: RequestContext): SandboxResponse {
	const form = isObject(ctx.body) ? ctx.body : {};

	if (form.grant_type !== 'client_credentials') {
		return oauthError(
			400,
			'unsupported_grant_type',
			'The authorization grant type is not supported by the authorization server.',
		);
	}
	if (form.client_assertion_type !== JWT_BEARER || typeof form.client_assertion !== 'string') {
		return oauthError(401, 'invalid_client', 'The client_assertion_type is invalid.');
	}
	if (form.client_id !== undefined && form.client_id !== SERVICE_APP.clientId) {
		return oauthError(401, 'invalid_client', "Invalid value for 'client_id' parameter.");
	}

	const { serviceApp, store } = ctx.org;
	const refusal = checkClientAssertion(form.client_assertion, {
		clientId: serviceApp.clientId,
		keyId: serviceApp.keyId,
		publicKey: serviceApp.publicKey,
		audience: `${ctx.org.baseUrl}/oauth2/v1/token`,
		now: ctx.now,
		usedIds: store.usedAssertionIds,
	});
	if (refusal) return oauthError(401, 'invalid_client', refusal);

	const scopes = typeof form.scope === 'string' ? form.scope.split(' ').filter(Boolean) : [];
	if (scopes.length === 0) {
		return oauthError(
			400,
			'invalid_scope',
			"The authorization server resource does not have any configured default scopes, 'scope' must be provided.",
		);
	}
	const notGranted = scopes.filter((scope) => !SERVICE_APP.grantedScopes.includes(scope));
	if (notGranted.length > 0) {
		return oauthError(
			400,
			'invalid_scope',
			`The following scopes are not allowed: ${notGranted.join(', ')}`,
		);
	}

	const accessToken = newAccessToken();
	store.accessTokens.set(accessToken, {
		clientId: serviceApp.clientId,
		scopes,
		expiresAt: ctx.now + ACCESS_TOKEN_LIFETIME_SECONDS * 1000,
	});
	return ok({
		token_type: 'Bearer',
		expires_in: ACCESS_TOKEN_LIFETIME_SECONDS,
		access_token: accessToken,
		scope: scopes.join(' '),
	});
}

export const oauthRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/oauth2/v1/token',
		bucket: 'oauth2-token',
		access: { kind: 'public' },
		handle: issueToken,
	},
];
