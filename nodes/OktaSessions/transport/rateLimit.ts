// Okta's rate-limit windows last a minute; a reset further away than that means something else is wrong.
export const RATE_LIMIT_RETRIES = 3;
const LONGEST_RATE_LIMIT_WAIT_MS = 61_000;
const RATE_LIMIT_MARGIN_MS = 250;

/** How long to wait before sending again after a 429, or undefined when the reset is too far off. */
export function rateLimitRetryDelay(
	headers: Record<string, string>,
	nowMs: number,
): number | undefined {
	const wait = rateLimitWaitMs(headers, nowMs);
	return wait <= LONGEST_RATE_LIMIT_WAIT_MS ? wait + RATE_LIMIT_MARGIN_MS : undefined;
}

/** How long until Okta's window resets, measured on Okta's clock (its Date header) to avoid skew. */
export function rateLimitWaitMs(headers: Record<string, string>, nowMs: number): number {
	const resetSeconds = Number(headers['x-rate-limit-reset']);
	if (!Number.isFinite(resetSeconds)) return 1000;
	const serverNow = Date.parse(headers.date ?? '');
	const reference = Number.isFinite(serverNow) ? serverNow : nowMs;
	return Math.max(resetSeconds * 1000 - reference, 0);
}
