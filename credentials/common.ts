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
 * the domain: surrounding spaces, trailing slashes and a pasted /api/v1 go, a bare host gets https://,
 * and http:// becomes https:// except on loopback, so the test never sends the token unencrypted.
 */
export const normalizedDomainExpression =
	"={{ (d => /^https?:\\/\\//i.test(d) ? d.replace(/^http:\\/\\/(?!(127\\.0\\.0\\.1|localhost|\\[::1\\])(:|$))/i, 'https://') : 'https://' + d)($credentials.domain.trim().replace(/\\/+$/, '').replace(/\\/api\\/v1$/i, '').replace(/\\/+$/, '')) }}";

/** The test sends the credential: it must not follow a redirect that could carry it elsewhere. */
export const testRequestSafety = {
	disableFollowRedirect: true,
	sendCredentialsOnCrossOriginRedirect: false,
};
