export { runWorkflow } from './run-workflow';
export type { NodeRun, RunWorkflowOptions, WorkflowJson, WorkflowRunResult } from './run-workflow';
export { CredentialStore, HarnessCredentialsHelper } from './credentials';
export type { PreAuthenticationCall } from './credentials';
export { STAND_IN_TRIGGER_TYPES, loadBuiltPackage } from './node-types';
