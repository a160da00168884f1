import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import * as session from './actions/session';
import * as sessionEvent from './actions/sessionEvent';
import * as user from './actions/user';

export class OktaSessions implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Okta Sessions',
		name: 'oktaSessions',
		icon: { light: 'file:../../icons/okta.svg', dark: 'file:../../icons/okta.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Get, refresh and end Okta sessions, end every session of a user when offboarding, and audit session activity in the Okta System Log',
		defaults: { name: 'Okta Sessions' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'oktaSessionsApi',
				required: true,
				displayOptions: { show: { authentication: ['apiToken'] } },
			},
			{
				name: 'oktaSessionsOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			{
				displayName: 'Authentication',
				name: 'authentication',
				type: 'options',
				options: [
					{ name: 'API Token', value: 'apiToken' },
					{ name: 'OAuth2 Service App', value: 'oAuth2' },
				],
				default: 'apiToken',
			},
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Session', value: 'session' },
					{ name: 'Session Event', value: 'sessionEvent' },
					{ name: 'User', value: 'user' },
				],
				default: 'session',
			},
			...session.description,
			...sessionEvent.description,
			...user.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
