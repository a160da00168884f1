const ISO_LIKE =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** How far a time zone's wall clock is ahead of UTC at an instant, from the runtime's zone data. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wallClock = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * Reads a date the way n8n's date fields mean it: an ISO 8601 text without an offset is a wall-clock
 * time in the workflow's time zone. Epoch milliseconds and date objects from expressions are accepted
 * too. Anything else gives undefined rather than a guess.
 */
export function parseDate(value: unknown, timeZone: string): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'object' && value !== null && 'toMillis' in value) {
		const millis = (value as { toMillis: () => unknown }).toMillis();
		return typeof millis === 'number' && Number.isFinite(millis) ? millis : undefined;
	}
	if (typeof value !== 'string') return undefined;

	const text = value.trim();
	if (!ISO_LIKE.test(text)) return undefined;
	if (HAS_ZONE.test(text)) {
		const parsed = Date.parse(text);
		return Number.isNaN(parsed) ? undefined : parsed;
	}

	const asUtc = Date.parse(`${text.length === 10 ? `${text}T00:00:00` : text.replace(' ', 'T')}Z`);
	if (Number.isNaN(asUtc)) return undefined;
	const first = asUtc - zoneOffsetMs(asUtc, timeZone);
	// Around a daylight-saving change the offset at the result can differ from the first guess.
	return asUtc - zoneOffsetMs(first, timeZone);
}
