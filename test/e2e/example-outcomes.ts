import { outputItems, type ExecutionResult } from './support/workflows';

/** What each example's last steps must show, beyond the checks every example gets. */
export const EXAMPLE_OUTCOMES: Record<
	string,
	(execution: ExecutionResult, context: { seededUsers: number }) => void
> = {
	'offboard-users.json': (execution) => {
		expect(outputItems(execution, 'Summary').map((item) => item.json)).toEqual([
			expect.objectContaining({ requested: 4, usersOffboarded: 4, failed: 0 }),
		]);
	},
	'session-audit.json': (execution, { seededUsers }) => {
		const rows = outputItems(execution, 'Sign-ins and Countries').map((item) => item.json);
		expect(rows).toHaveLength(seededUsers);
		for (const row of rows) expect(row).toMatchObject({ signIns: 1, distinctCountries: 1 });
	},
	'session-lifecycle.json': (execution) => {
		expect(outputItems(execution, 'End Session')[0].json).toMatchObject({
			success: true,
			alreadyEnded: false,
		});
		expect(outputItems(execution, 'Confirm Session Is Gone')[0].json).toMatchObject({
			active: false,
		});
	},
};
