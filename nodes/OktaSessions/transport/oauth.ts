import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { parseOktaDomain } from './domain';
import { lowerCaseHeaders, parseBody } from './http';
import { RATE_LIMIT_RETRIES, rateLimitRetryDelay } from './rateLimit';

/** Errors from the token exchange start with this, so the node can tell them from network failures. */
export const TOKEN_ERROR_PREFIX = 'Okta did not issue an access token';

export const DEFAULT_SCOPES =
	'okta.sessions.manage okta.users.manage okta.users.read okta.logs.read';

// Okta accepts client assertions that expire within an hour; five minutes is plenty for one exchange.
const ASSERTION_LIFETIME_SECONDS = 300;

export interface ServiceAppCredentials {
	domain: string;
	clientId: string;
	privateKey: string;
	keyId?: string;
	scopes?: string;
}

function base64Url(input: Buffer | string): string {
	return Buffer.from(input).toString('base64url');
}

function tokenError(reason: string): Error {
	return new Error(`${TOKEN_ERROR_PREFIX}: ${reason}`);
}

/** Accepts the PEM or the JWK that Okta's Admin Console offers when it generates a key pair. */
export function loadPrivateKey(text: string): { key: KeyObject; kid?: string } {
	const trimmed = text.trim().replace(/\\n/g, '\n');
	try {
		if (trimmed.startsWith('{')) {
			const jwk = JSON.parse(trimmed) as { kid?: string };
			return {
				key: createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' }),
				kid: jwk.kid,
			};
		}
		return { key: createPrivateKey(trimmed) };
	} catch {
		throw tokenError(
			'the private key could not be read. Paste the whole PEM key (from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----) or the private JWK that Okta generated.',
		);
	}
}

export function clientAssertion(
	credentials: ServiceAppCredentials,
	tokenUrl: string,
	nowSeconds: number,
): string {
	const { key, kid } = loadPrivateKey(credentials.privateKey);
	if (key.asymmetricKeyType !== 'rsa') {
		throw tokenError(
			'the private key must be an RSA key; Okta signs service-app assertions with RS256.',
		);
	}
	const keyId = credentials.keyId?.trim() || kid;
	const clientId = credentials.clientId.trim();
	const header = { alg: 'RS256', typ: 'JWT', ...(keyId ? { kid: keyId } : {}) };
	const claims = {
		iss: clientId,
		sub: clientId,
		aud: tokenUrl,
		iat: nowSeconds,
		exp: nowSeconds + ASSERTION_LIFETIME_SECONDS,
		jti: randomUUID(),
	};
	const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
	const signature = sign('RSA-SHA256', Buffer.from(signingInput), key);
	return `${signingInput}.${base64Url(signature)}`;
}

function describeTokenFailure(status: number, body: unknown): string {
	const parsed = typeof body === 'object' && body !== null ? (body as IDataObject) : undefined;
	const code = typeof parsed?.error === 'string' ? parsed.error : undefined;
	const detail =
		typeof parsed?.error_description === 'string' ? parsed.error_description : undefined;
	const hints: Record<string, string> = {
		invalid_client:
			'check the client ID, that the app uses "Public key / Private key" client authentication, and that the key ID matches a key registered on the app',
		invalid_scope:
			'grant these scopes to the app in its Okta API Scopes tab, or remove them from the credential',
		invalid_dpop_proof: 'turn off "Require DPoP header in token requests" on the service app',
		use_dpop_nonce: 'turn off "Require DPoP header in token requests" on the service app',
		unauthorized_client: 'allow the Client Credentials grant type on the service app',
	};
	const hint = code ? hints[code] : undefined;
	return [
		`Okta answered HTTP ${status}`,
		code ? ` ${code}` : '',
		detail ? ` (${detail})` : '',
		hint ? `: ${hint}` : '',
	].join('');
}

/** Client-credentials grant with a private_key_jwt assertion, as Okta requires for its management APIs. */
export async function fetchAccessToken(
	this: IHttpRequestHelper,
	credentials: ServiceAppCredentials,
): Promise<string> {
	const domain = parseOktaDomain(credentials.domain);
	if (domain.problem !== undefined) throw tokenError(domain.problem);
	const origin = domain.origin;
	if (!credentials.clientId?.trim()) throw tokenError('the client ID is empty.');

	const tokenUrl = `${origin}/oauth2/v1/token`;
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		// People paste scopes separated by commas or line breaks as often as by spaces.
		scope:
			(credentials.scopes ?? '')
				.split(/[\s,]+/)
				.filter(Boolean)
				.join(' ') || DEFAULT_SCOPES,
		client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
		client_assertion: clientAssertion(credentials, tokenUrl, Math.floor(Date.now() / 1000)),
	});

	let response: { statusCode: number; headers: Record<string, string>; body: unknown };
	for (let attempt = 0; ; attempt++) {
		try {
			const raw = (await this.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Accept: 'application/json',
				},
				body: form.toString(),
				encoding: 'text',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: 30_000,
			})) as { statusCode: number; headers: unknown; body: unknown };
			response = {
				statusCode: raw.statusCode,
				headers: lowerCaseHeaders(raw.headers),
				body: parseBody(raw.body),
			};
		} catch {
			throw tokenError(`could not reach ${tokenUrl}. Check the Okta domain in the credential.`);
		}
		const delay =
			response.statusCode === 429 ? rateLimitRetryDelay(response.headers, Date.now()) : undefined;
		if (delay === undefined || attempt >= RATE_LIMIT_RETRIES) break;
		await sleep(delay);
	}

	const body = response.body;
	const accessToken = (body as IDataObject | undefined)?.access_token;
	if (response.statusCode !== 200 || typeof accessToken !== 'string' || accessToken === '') {
		throw tokenError(describeTokenFailure(response.statusCode, body));
	}
	return accessToken;
}
