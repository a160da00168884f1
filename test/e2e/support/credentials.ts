/**
 * The credentials that the example workflows reference. Their IDs and names are fixed so that the
 * examples import unchanged into the end-to-end runs and the dev editor.
 */
export const SANDBOX_CREDENTIALS = {
	apiToken: {
		id: 'oktaApiTokenSandbox',
		name: 'Okta API Token (sandbox)',
		type: 'oktaSessionsApi',
	},
	serviceApp: {
		id: 'oktaServiceAppSandbox',
		name: 'Okta Service App (sandbox)',
		type: 'oktaSessionsOAuth2Api',
	},
} as const;

export const SERVICE_APP_SCOPES =
	'okta.sessions.manage okta.users.manage okta.users.read okta.logs.read';

export interface SandboxAccess {
	url: string;
	apiToken: string;
	serviceApp: { clientId: string; privateKeyPem: string; keyId: string };
}

/** The file `n8n import:credentials --input` takes; n8n encrypts the plain `data` on import. */
export function sandboxCredentialsFile(sandbox: SandboxAccess) {
	return [
		{
			...SANDBOX_CREDENTIALS.apiToken,
			data: { domain: sandbox.url, apiToken: sandbox.apiToken },
		},
		{
			...SANDBOX_CREDENTIALS.serviceApp,
			data: {
				domain: sandbox.url,
				clientId: sandbox.serviceApp.clientId,
				privateKey: sandbox.serviceApp.privateKeyPem,
				keyId: sandbox.serviceApp.keyId,
				scopes: SERVICE_APP_SCOPES,
			},
		},
	];
}
