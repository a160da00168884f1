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
 */
export const normalizedDomainExpression =
	"={{ (/^https?:\\/\\//i.test($credentials.domain.trim()) ? '' : 'https://') + $credentials.domain.trim().replace(/\\/+$/, '').replace(/\\/api\\/v1$/i, '').replace(/\\/+$/, '') }}";
