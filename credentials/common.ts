import type { INodeProperties } from 'n8n-workflow';

export const domainProperty: INodeProperties = {
	displayName: 'Okta Domain',
	name: 'domain',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'https://acme.okta.com',
	description:
		'The URL of your Okta org, for example https://acme.okta.com, https://acme.oktapreview.com or a custom domain such as https://login.acme.com. A bare host name works too.',
};

/**
 * The credential test runs inside n8n from this expression alone, so it repeats the node's clean-up of
 * the domain: surrounding spaces, trailing slashes and a pasted /api/v1 go, and a bare host gets https://.
 * Plain http:// on a host other than loopback is refused like the node refuses it: the test goes to a
 * host that cannot resolve and whose name says why, and the token is never sent unencrypted.
 */
export const normalizedDomainExpression =
	"={{ (d => /^http:\\/\\//i.test(d) && !/^http:\\/\\/(127\\.0\\.0\\.1|localhost|\\[::1\\])(:|$)/i.test(d) ? 'https://use-https-not-http.invalid' : /^https?:\\/\\//i.test(d) ? d : 'https://' + d)($credentials.domain.trim().replace(/\\/+$/, '').replace(/\\/api\\/v1$/i, '').replace(/\\/+$/, '')) }}";

/** The test sends the credential: it must not follow a redirect that could carry it elsewhere. */
export const testRequestSafety = {
	disableFollowRedirect: true,
	sendCredentialsOnCrossOriginRedirect: false,
};
