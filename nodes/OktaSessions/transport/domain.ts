const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export const VALID_DOMAIN_FORMS =
	'Use your Okta org URL, for example https://acme.okta.com, https://acme.oktapreview.com or a custom domain such as https://login.acme.com.';

export type DomainResult =
	{ origin: string; problem?: undefined } | { origin?: undefined; problem: string };

/**
 * Turns what people paste into the domain field into the org's origin: surrounding whitespace, trailing
 * slashes and an accidental `/api/v1` are removed and a bare host gets `https://`. Plain `http://` is
 * refused except on loopback, where the local sandbox runs.
 */
export function parseOktaDomain(input: unknown): DomainResult {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (raw === '') {
		return { problem: `The Okta domain is empty. ${VALID_DOMAIN_FORMS}` };
	}

	const trimmed = raw
		.replace(/\/+$/, '')
		.replace(/\/api\/v1$/i, '')
		.replace(/\/+$/, '');
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;

	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return { problem: `"${raw}" is not a valid Okta domain. ${VALID_DOMAIN_FORMS}` };
	}

	const isLoopback = LOOPBACK_HOSTS.has(url.hostname);
	const validHost = isLoopback || /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(url.hostname);
	const hasExtraParts =
		url.pathname !== '/' || url.search !== '' || url.hash !== '' || url.username;
	if (!validHost || hasExtraParts) {
		return { problem: `"${raw}" is not a valid Okta domain. ${VALID_DOMAIN_FORMS}` };
	}
	if (url.protocol === 'http:' && !isLoopback) {
		return {
			problem: `"${raw}" uses http://, which would send your Okta credentials unencrypted. Use https:// instead.`,
		};
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		return { problem: `"${raw}" is not a valid Okta domain. ${VALID_DOMAIN_FORMS}` };
	}

	return { origin: url.origin };
}
