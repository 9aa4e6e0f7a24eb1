/** Validation of Batch REST responses against the official Swagger 2.0 spec (api-version 2022-10-01.16.0). */
export type { BatchSpec, Schema, SpecOperation, SpecProblem, SpecResponse } from './types';
export { loadBatchSpec, specFilePath } from './load';
export { findOperation } from './paths';
export { validateDefinition } from './schema';
export { validateResponse } from './response';
