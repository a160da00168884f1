import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import { runWorkflow } from '../harness';
import {
	useSandbox,
	oktaWorkflow,
	openSession,
	requestsAfter,
	sandboxCredentials,
} from './support';

const sandbox = useSandbox();

const SESSION_ID = '102injectedFault000001';

function oktaBody(errorCode: string, errorSummary: string) {
	return JSON.stringify({
		errorCode,
		errorSummary,
		errorLink: errorCode,
		errorId: 'oaeInjected0000000000001',
		errorCauses: [],
	});
}

function farReset() {
	return String(Math.floor(Date.now() / 1000) + 3600);
}

async function runGet(operation: 'get' | 'end' = 'get') {
	const start = sandbox().requests.length;
	const result = await runWorkflow(
		oktaWorkflow({
			name: 'Okta',
			parameters: { resource: 'session', operation, sessionId: SESSION_ID },
		}),
		{ credentials: sandboxCredentials(sandbox()) },
	);
	return { result, sent: requestsAfter(sandbox(), start) };
}

function expectNoSecrets(error: unknown) {
	const serialized = JSON.stringify(error) + JSON.stringify((error as Error).cause ?? null);
	expect(serialized).not.toContain(sandbox().apiToken);
	expect(String((error as Error).stack)).not.toContain(sandbox().apiToken);
}

describe('Okta errors injected at the HTTP layer', () => {
	it.each([
		[401, 'E0000011', 'Invalid token provided', /invalid, expired or revoked/],
		[403, 'E0000006', 'You do not have permission to perform the requested action', /admin role/],
		[
			404,
			'E0000007',
			`Not found: Resource not found: ${SESSION_ID} (Session)`,
			/expired, been ended/,
		],
		[
			429,
			'E0000047',
			'API call exceeded rate limit due to too many requests.',
			/Okta's rate limit/,
		],
	])(
		"a %i becomes one NodeApiError with Okta's code and what to do",
		async (status, code, summary, advice) => {
			sandbox().injectFault({
				path: `/api/v1/sessions/${SESSION_ID}`,
				status,
				body: oktaBody(code, summary),
				headers: {
					'Content-Type': 'application/json',
					'X-Okta-Request-Id': 'injected-request-id',
					'X-Rate-Limit-Reset': farReset(),
				},
			});

			const { result, sent } = await runGet();

			const error = result.error as NodeApiError;
			expect(error).toBeInstanceOf(NodeApiError);
			expect(error.httpCode).toBe(String(status));
			expect(error.message).toBe(
				`Get Session failed: ${summary} [${code}]. Okta error ID: oaeInjected0000000000001, request ID: injected-request-id`,
			);
			expect(error.description).toMatch(advice);
			expectNoSecrets(error);
			expect(sent).toEqual([`GET /api/v1/sessions/${SESSION_ID}`]);
		},
	);

	it('an HTML 502 page becomes a readable error, not a JSON parse error', async () => {
		sandbox().injectFault({
			path: `/api/v1/sessions/${SESSION_ID}`,
			status: 502,
			body: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>',
			headers: { 'Content-Type': 'text/html' },
		});

		const { result, sent } = await runGet();

		const error = result.error as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('502');
		expect(error.message).toMatch(
			/^Get Session failed: Okta answered with HTTP 502 and an HTML page instead of JSON\. request ID: \S+$/,
		);
		expect(error.description).toMatch(/status\.okta\.com/);
		expectNoSecrets(error);
		expect(sent).toEqual([`GET /api/v1/sessions/${SESSION_ID}`]);
	});

	it('an empty 204 labelled as JSON ends a session without a parse error', async () => {
		sandbox().injectFault({
			method: 'DELETE',
			path: `/api/v1/sessions/${SESSION_ID}`,
			status: 204,
			headers: { 'Content-Type': 'application/json' },
		});

		const { result, sent } = await runGet('end');

		expect(result.error).toBeUndefined();
		expect(result.jsonOf('Okta')).toEqual([
			{ success: true, sessionId: SESSION_ID, alreadyEnded: false },
		]);
		expect(sent).toEqual([`DELETE /api/v1/sessions/${SESSION_ID}`]);
	});

	it('an unreachable org becomes a clean error that names the domain', async () => {
		const closed = await startSandbox();
		const url = closed.url;
		await closed.close();

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Okta',
				parameters: { resource: 'session', operation: 'get', sessionId: SESSION_ID },
			}),
			{ credentials: { oktaSessionsApi: { domain: url, apiToken: sandbox().apiToken } } },
		);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.error?.message).toBe(
			`Get Session failed: could not reach Okta at ${url} (ECONNREFUSED)`,
		);
		expectNoSecrets(result.error);
	});

	it('an org that does not answer in 30 seconds gives a timeout error that warns the call may have gone through', async () => {
		const slow = await startSandbox({ latencyMs: 31_000 });
		try {
			const result = await runWorkflow(
				oktaWorkflow({
					name: 'Okta',
					parameters: { resource: 'session', operation: 'end', sessionId: SESSION_ID },
				}),
				{ credentials: sandboxCredentials(slow) },
			);

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect(result.error?.message).toBe(
				`End Session failed: Okta at ${slow.url} did not answer within 30 seconds`,
			);
			expect((result.error as NodeApiError).description).toMatch(
				/may still have carried the request out/,
			);
			expectNoSecrets(result.error);
		} finally {
			await slow.close();
		}
	}, 45_000);

	it('a redirect to another host is not followed, so the token stays with the org', async () => {
		const elsewhere = await startSandbox();
		try {
			sandbox().injectFault({
				path: `/api/v1/sessions/${SESSION_ID}`,
				status: 302,
				headers: { Location: `${elsewhere.url}/api/v1/sessions/${SESSION_ID}` },
			});

			const { result, sent } = await runGet();

			expect(result.error).toBeInstanceOf(NodeApiError);
			expect((result.error as NodeApiError).httpCode).toBe('302');
			expect((result.error as NodeApiError).description).toContain(elsewhere.url);
			expect(sent).toEqual([`GET /api/v1/sessions/${SESSION_ID}`]);
			expect(elsewhere.requests).toHaveLength(0);
		} finally {
			await elsewhere.close();
		}
	});

	it("a read-only admin token gets Okta's 403 when ending a session", async () => {
		const session = await openSession(sandbox(), 'alice.anderson@example.com');

		const result = await runWorkflow(
			oktaWorkflow({
				name: 'Okta',
				parameters: { resource: 'session', operation: 'end', sessionId: String(session.id) },
			}),
			{ credentials: sandboxCredentials(sandbox(), sandbox().readOnlyApiToken) },
		);

		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).httpCode).toBe('403');
		expect(result.error?.message).toContain('E0000006');
	});
});

describe('Okta rate limits', () => {
	it('waits for the window to reset and finishes a batch larger than the limit', async () => {
		const limited = await startSandbox({ rateLimit: { limit: 3, windowSeconds: 1 } });
		try {
			const sessions: IDataObject[] = [];
			for (const login of ['alice.anderson@example.com', 'carmen.castillo@example.com']) {
				sessions.push(await openSession(limited, login));
			}
			const items = Array.from({ length: 7 }, (_, index) => ({
				sessionId: sessions[index % 2].id,
			}));

			const result = await runWorkflow(
				oktaWorkflow({
					name: 'Okta',
					parameters: {
						resource: 'session',
						operation: 'get',
						sessionId: '={{ $json.sessionId }}',
					},
				}),
				{ inputItems: items, credentials: sandboxCredentials(limited) },
			);

			expect(result.error).toBeUndefined();
			expect(result.jsonOf('Okta').map((session) => session.id)).toEqual(
				items.map((item) => item.sessionId),
			);
			const statuses = limited.requests.filter((r) =>
				r.path.startsWith('/api/v1/sessions/'),
			).length;
			expect(statuses).toBeGreaterThan(7);
		} finally {
			await limited.close();
		}
	});
});
