import { verify, type KeyObject } from 'node:crypto';

import { isObject } from './context';

export interface AssertionExpectations {
	clientId: string;
	keyId: string;
	publicKey: KeyObject;
	/** The token endpoint's own URL, which Okta requires as `aud`. */
	audience: string;
	now: number;
	usedIds: Set<string>;
}

/** Okta accepts client assertions that live at most an hour. */
const MAX_LIFETIME_SECONDS = 3600;

/**
 * Check a private_key_jwt client assertion the way Okta's token endpoint does
 * (https://developer.okta.com/docs/api/openapi/okta-oauth/guides/client-auth/).
 * Returns the reason for refusal, or undefined when the assertion is good.
 */
export function checkClientAssertion(
	assertion: string,
	expected: AssertionExpectations,
): string | undefined {
	const parts = assertion.split('.');
	const header = decodeSegment(parts[0]);
	const claims = decodeSegment(parts[1]);
	if (parts.length !== 3 || !header || !claims) return 'The client_assertion token is malformed.';

	if (header.alg !== 'RS256') return 'The client_assertion token must be signed with RS256.';
	if (header.kid !== undefined && header.kid !== expected.keyId) {
		return 'The client_assertion JWT kid is invalid.';
	}
	if (claims.iss !== expected.clientId) return "Invalid value for 'client_id' parameter.";

	const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
	const signature = Buffer.from(parts[2], 'base64url');
	if (!verify('RSA-SHA256', signed, expected.publicKey, signature)) {
		return 'The client_assertion signature is invalid.';
	}

	return checkClaims(claims, expected);
}

function checkClaims(
	claims: Record<string, unknown>,
	expected: AssertionExpectations,
): string | undefined {
	if (claims.sub !== expected.clientId)
		return 'The client_assertion subject must be the client id.';

	const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
	if (!audiences.includes(expected.audience)) {
		return 'The audience claim for client_assertion must be the endpoint invoked for the request.';
	}

	if (typeof claims.exp !== 'number' || claims.exp * 1000 <= expected.now) {
		return 'The client_assertion token is expired.';
	}
	const issuedAt = typeof claims.iat === 'number' ? claims.iat : expected.now / 1000;
	if (claims.exp - issuedAt > MAX_LIFETIME_SECONDS) {
		return 'The client_assertion token has an expiration too far in the future.';
	}

	// A `jti` makes the assertion single use.
	if (typeof claims.jti === 'string') {
		if (expected.usedIds.has(claims.jti))
			return 'The client_assertion token has already been used.';
		expected.usedIds.add(claims.jti);
	}
	return undefined;
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
	if (!segment) return undefined;
	try {
		const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString());
		return isObject(value) ? value : undefined;
	} catch {
		return undefined;
	}
}
