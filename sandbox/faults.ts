import type { Fault } from './types';

export class FaultList {
	private entries: Array<{ fault: Fault; remaining: number }> = [];

	add(fault: Fault): void {
		this.entries.push({ fault, remaining: fault.times ?? Infinity });
	}

	/** The first fault matching the request, counting one use of it. */
	take(method: string, path: string): Fault | undefined {
		const entry = this.entries.find(
			({ fault, remaining }) => remaining > 0 && matches(fault, method, path),
		);
		if (!entry) return undefined;

		entry.remaining--;
		return entry.fault;
	}

	clear(): void {
		this.entries = [];
	}
}

function matches(fault: Fault, method: string, path: string): boolean {
	if (fault.method && fault.method.toUpperCase() !== method) return false;
	if (fault.path === undefined) return true;
	return typeof fault.path === 'string' ? fault.path === path : fault.path.test(path);
}
