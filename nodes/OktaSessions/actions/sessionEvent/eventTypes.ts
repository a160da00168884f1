import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * Session event types from Okta's event type catalog
 * (https://developer.okta.com/docs/reference/api/event-types/).
 */
export const SESSION_EVENT_TYPES: INodePropertyOptions[] = [
	{
		name: 'Admin App Accessed (user.session.access_admin_app)',
		value: 'user.session.access_admin_app',
	},
	{ name: 'Session Cleared by Admin (user.session.clear)', value: 'user.session.clear' },
	{ name: 'Session Ended (user.session.end)', value: 'user.session.end' },
	{ name: 'Session Expired (user.session.expire)', value: 'user.session.expire' },
	{ name: 'Session Started (user.session.start)', value: 'user.session.start' },
	{ name: 'Single Sign-On to App (user.authentication.sso)', value: 'user.authentication.sso' },
];

export const ALL_SESSION_EVENT_TYPES = SESSION_EVENT_TYPES.map((option) => String(option.value));
