import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sessionEvent'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many session events',
				description:
					'Read session starts, ends and admin clears from the Okta System Log for a time window, optionally for one user; used for audits',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
