import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { OktaSessions } from '../../nodes/OktaSessions/OktaSessions.node';

export interface FakeResponse {
	statusCode: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export const API_TOKEN = 'unit-test-api-token-0123456789';

export const node: INode = {
	id: 'okta-node',
	name: 'Okta Sessions',
	type: 'n8n-nodes-okta-sessions.oktaSessions',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/**
 * A stand-in for n8n's execute context, for checking the exact requests an operation builds. Each input
 * item has its own parameters; responses are served in order and every request is recorded.
 */
export function mockContext(
	itemParameters: IDataObject[],
	responses: FakeResponse[],
	options: { continueOnFail?: boolean; credentials?: IDataObject; timezone?: string } = {},
) {
	const requests: Array<{ credentialType: string; options: IHttpRequestOptions }> = [];
	const queue = [...responses];
	const credentials = options.credentials ?? { domain: 'acme.okta.com/', apiToken: API_TOKEN };

	const context = {
		getNode: () => node,
		getTimezone: () => options.timezone ?? 'UTC',
		getInputData: () => itemParameters.map((_, index) => ({ json: { index } })),
		continueOnFail: () => options.continueOnFail ?? false,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = itemParameters[itemIndex]?.[name];
			if (value === undefined) {
				if (fallback === undefined) throw new Error(`Parameter ${name} is missing in the test`);
				return fallback;
			}
			return value;
		},
		getCredentials: async () => credentials,
		helpers: {
			httpRequestWithAuthentication: async (
				credentialType: string,
				request: IHttpRequestOptions,
			) => {
				requests.push({ credentialType, options: request });
				const next = queue.shift();
				if (!next) throw new Error(`No response prepared for ${request.method} ${request.url}`);
				const body =
					next.body === undefined || typeof next.body === 'string'
						? (next.body ?? '')
						: JSON.stringify(next.body);
				return {
					statusCode: next.statusCode,
					headers: { 'content-type': 'application/json', ...next.headers },
					body,
				};
			},
		},
	};

	return { context: context as unknown as IExecuteFunctions, requests, pending: queue };
}

export function session(overrides: IDataObject = {}): IDataObject {
	return {
		id: '102sessionAbc',
		login: 'alice@example.com',
		userId: '00ualice',
		status: 'ACTIVE',
		createdAt: '2026-01-01T10:00:00.000Z',
		expiresAt: '2026-01-01T12:00:00.000Z',
		lastPasswordVerification: '2026-01-01T10:00:00.000Z',
		lastFactorVerification: null,
		amr: ['pwd'],
		idp: { id: '00oidp', type: 'OKTA' },
		_links: { self: { href: 'https://acme.okta.com/api/v1/sessions/102sessionAbc' } },
		...overrides,
	};
}

export function oktaError(errorCode: string, errorSummary: string): IDataObject {
	return {
		errorCode,
		errorSummary,
		errorLink: errorCode,
		errorId: 'oaeTestErrorId',
		errorCauses: [],
	};
}

/** Runs the node once on a mocked context and returns its main output with the recorded requests. */
export async function runNode(...args: Parameters<typeof mockContext>) {
	const mock = mockContext(...args);
	const output = await new OktaSessions().execute.call(mock.context);
	return { ...mock, output: output[0] };
}
