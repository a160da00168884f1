import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsExpressionResolveValues,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, isExpression } from 'n8n-workflow';

export interface PreAuthenticationCall {
	type: string;
	/** True when n8n forced the call after a 401, false when the expirable field was empty. */
	forced: boolean;
}

/**
 * What n8n keeps in its credentials table: the saved data of each credential, which a
 * `preAuthentication` result is written back into. Pass one store to several runs to see a
 * token fetched in one run reused by the next.
 */
export class CredentialStore {
	readonly preAuthenticationCalls: PreAuthenticationCall[] = [];

	private readonly data = new Map<string, ICredentialDataDecryptedObject>();

	constructor(credentials: Record<string, ICredentialDataDecryptedObject> = {}) {
		for (const [type, data] of Object.entries(credentials)) this.set(type, data);
	}

	set(type: string, data: ICredentialDataDecryptedObject): void {
		this.data.set(type, { ...data });
	}

	/** The saved data of a credential type, including what `preAuthentication` stored. */
	get(type: string): ICredentialDataDecryptedObject | undefined {
		const data = this.data.get(type);
		return data === undefined ? undefined : { ...data };
	}

	has(type: string): boolean {
		return this.data.has(type);
	}

	types(): string[] {
		return [...this.data.keys()];
	}

	update(type: string, changes: ICredentialDataDecryptedObject): void {
		this.data.set(type, { ...this.data.get(type), ...changes });
	}

	preAuthenticationCount(type?: string): number {
		return this.preAuthenticationCalls.filter((call) => type === undefined || call.type === type)
			.length;
	}
}

export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	add(type: ICredentialType): void {
		this.types.set(type.name, type);
	}

	has(name: string): boolean {
		return this.types.has(name);
	}

	get(name: string): ICredentialType {
		const type = this.types.get(name);
		if (type === undefined) {
			throw new Error(
				`Credential type "${name}" is not loaded; known: ${[...this.types.keys()].join(', ') || 'none'}`,
			);
		}
		return type;
	}

	/** Every type this one extends, nearest first, as n8n's CredentialTypes reports them. */
	parentsOf(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.parentsOf(parent)]);
	}
}

/**
 * A stand-in for the credentials helper of n8n's server (packages/cli credentials-helper):
 * the same decisions on when to pre-authenticate and how to apply a credential type's
 * `authenticate`, with an in-memory store in place of the encrypted database.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: CredentialTypeRegistry,
		readonly store: CredentialStore,
	) {
		super();
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.parentsOf(name);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.get(typeName);

		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}

		if (authenticate?.type === 'generic') {
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				target[section] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					const resolvedKey = this.resolve(key, credentials, workflow, node);
					target[section][resolvedKey] = this.resolve(value, credentials, workflow, node);
				}
			}
		}

		return requestOptions as IHttpRequestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.get(typeName);
		const expirable = this.getCredentialsProperties(typeName).find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}

		// n8n tests for the empty string only; an absent field is filled with its default ('')
		// by getDecrypted, so a credential whose default is not '' would never pre-authenticate.
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		this.store.preAuthenticationCalls.push({ type: typeName, forced: credentialsExpired });
		const output = (await credentialType.preAuthentication.call(
			helpers,
			credentials,
		)) as ICredentialDataDecryptedObject;

		// Like n8n: output without the expirable field is neither stored nor applied.
		if (output?.[expirable.name] === undefined) return undefined;
		if (node.credentials === undefined) return undefined;

		this.store.update(this.storeKey(node.credentials[typeName], typeName), output);
		return Object.assign(credentials, output);
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const key = this.storeKey(nodeCredentials, type);
		const store = this.store;
		const credentials = {
			id: nodeCredentials.id ?? key,
			name: nodeCredentials.name,
			type,
			data: undefined,
			getData: () => store.get(key) ?? {},
			getDataKey: () => undefined,
			getDataToSave: () => ({ id: key, name: nodeCredentials.name, type, data: '' }),
			setData: (data: ICredentialDataDecryptedObject) => store.set(key, data),
			updateData: (data: ICredentialDataDecryptedObject) => store.update(key, data),
		};
		return credentials as unknown as ICredentials;
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const key = this.storeKey(nodeCredentials, type);
		const saved = this.store.get(key);
		if (saved === undefined) {
			throw new Error(
				`No credentials of type "${type}" were given to runWorkflow (node credential "${nodeCredentials.name}")`,
			);
		}
		if (raw === true) return saved;

		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			saved as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;

		if (expressionResolveValues === undefined) return withDefaults;
		return expressionResolveValues.workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			expressionResolveValues.runExecutionData,
			expressionResolveValues.runIndex,
			expressionResolveValues.itemIndex,
			expressionResolveValues.node.name,
			expressionResolveValues.connectionInputData,
			mode,
			{},
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.set(this.storeKey(nodeCredentials, type), data);
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store.update(this.storeKey(nodeCredentials, type), {
			oauthTokenData: data.oauthTokenData,
		});
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialTypes.get(type);
		if (credentialType.extends === undefined) return credentialType.properties;

		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	/** Credentials are given per type; a credential id of the same name wins when present. */
	private storeKey(nodeCredentials: INodeCredentialsDetails | undefined, type: string): string {
		const id = nodeCredentials?.id;
		return id !== undefined && id !== null && this.store.has(id) ? id : type;
	}

	private resolve(
		value: unknown,
		credentials: ICredentialDataDecryptedObject,
		workflow: Workflow,
		node: INode,
	): string {
		if (typeof value !== 'string' || !isExpression(value)) return String(value);

		const resolved = workflow.expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			{ $credentials: credentials },
			undefined,
			'',
		);
		return resolved ? resolved.toString() : '';
	}
}
