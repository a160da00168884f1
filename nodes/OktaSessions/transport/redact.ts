/**
 * Removes the credential's secrets, and anything shaped like an Authorization header value, from text
 * that ends up in an error: Okta or a proxy in front of it may echo what it was sent.
 */
export function redact(text: string, secrets: string[]): string {
	const withoutKnown = secrets
		.filter((secret) => secret.length >= 8)
		.reduce((result, secret) => result.split(secret).join('[redacted]'), text);
	return withoutKnown.replace(/\b(SSWS|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]');
}
