export interface RateLimitState {
	limit: number;
	remaining: number;
	/** Epoch seconds when the current window ends, as in `X-Rate-Limit-Reset`. */
	resetAt: number;
	exceeded: boolean;
}

/** Fixed windows per bucket, the model Okta documents for its per-endpoint limits. */
export class RateLimiter {
	private windows = new Map<string, { startedAt: number; count: number }>();

	constructor(
		private readonly limit: number,
		private readonly windowSeconds: number,
	) {}

	/** Count one request against the bucket. */
	hit(bucket: string, now: number): RateLimitState {
		const window = this.currentWindow(bucket, now);
		window.count++;
		return this.describe(window);
	}

	/** The bucket's state without counting a request. */
	peek(bucket: string, now: number): RateLimitState {
		return this.describe(this.currentWindow(bucket, now));
	}

	reset(): void {
		this.windows.clear();
	}

	private currentWindow(bucket: string, now: number) {
		let window = this.windows.get(bucket);
		if (!window || now >= window.startedAt + this.windowSeconds * 1000) {
			window = { startedAt: now, count: 0 };
			this.windows.set(bucket, window);
		}
		return window;
	}

	private describe(window: { startedAt: number; count: number }): RateLimitState {
		return {
			limit: this.limit,
			remaining: Math.max(0, this.limit - window.count),
			resetAt: Math.ceil((window.startedAt + this.windowSeconds * 1000) / 1000),
			exceeded: window.count > this.limit,
		};
	}
}
