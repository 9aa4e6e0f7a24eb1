/** One key/value detail of an error body, as the service sends them. */
export interface ErrorDetail {
  key: string;
  value: string;
}

/** An error the emulator answers with the service's error body; thrown anywhere below a request handler. */
export class BatchError extends Error {
  /** Builds an error with the HTTP status, service error code, message and details to send. */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly values: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'BatchError';
  }
}

const NOT_FOUND: Record<string, string> = {
  PoolNotFound: 'The specified pool does not exist.',
  NodeNotFound: 'The specified node does not exist.',
  JobNotFound: 'The specified job does not exist.',
  TaskNotFound: 'The specified task does not exist.',
  FileNotFound: 'The specified file does not exist.',
  JobScheduleNotFound: 'The specified job schedule does not exist.',
  ApplicationNotFound: 'The specified application does not exist.',
};

const CONFLICT: Record<string, string> = {
  PoolExists: 'The specified pool already exists.',
  JobExists: 'The specified job already exists.',
  TaskExists: 'The specified task already exists.',
  PoolBeingDeleted: 'The specified pool has been marked for deletion and is being reclaimed.',
  PoolBeingResized: 'The specified pool is being resized.',
  JobBeingDeleted: 'The specified job has been marked for deletion and is being garbage collected.',
  JobBeingTerminated: 'The specified job is being terminated.',
  JobCompleted: 'The specified job is already in a completed state.',
  JobNotActive: 'The specified job is not in active state.',
  JobDisabled: 'The specified job is disabled.',
  TaskCompleted: 'The specified task is already in a completed state.',
  TaskNotCompleted:
    'The specified task is not in a completed state, and the requested operation can be performed only on completed tasks.',
  TaskSucceeded:
    'The specified task has already completed successfully, and the requested operation cannot be performed on successful tasks.',
  TaskFilesUnavailable: 'The files of the specified task are unavailable.',
  OperationInvalidForCurrentState: 'The specified operation is not valid for the current state of the resource.',
  JobScheduleExists: 'The specified job schedule already exists.',
  JobScheduleBeingDeleted: 'The specified job schedule has been marked for deletion and is being reclaimed.',
  JobScheduleBeingTerminated: 'The specified job schedule is being terminated.',
  JobScheduleCompleted: 'The specified job schedule is already in a completed state.',
  JobScheduleWithSameIdExists: 'A job schedule with the specified job id exists.',
  JobWithSameIdExists: 'A job with the specified job schedule id exists.',
  JobPreparationTaskNotSpecified: 'The specified job does not have a job preparation task.',
  TaskIdSameAsJobPreparationTask: 'The task id is the same as that of the job preparation task.',
  TaskIdSameAsJobReleaseTask: 'The task id is the same as that of the job release task.',
  OperationNotValidOnPool: 'The specified operation is not valid on the pool.',
  NodeBeingCreated: 'The specified node is being created.',
  NodeBeingStarted: 'The specified node is being started.',
  NodeBeingRebooted: 'The specified node is being rebooted.',
  NodeBeingReimaged: 'The specified node is being reimaged.',
  NodeStateUnusable: 'The state of the specified node is unusable.',
  NodeAlreadyInTargetSchedulingState: 'The specified node is already in the target scheduling state.',
  OperationNotValidOnNode: 'The specified operation is not valid on the node.',
};

/** 404 with one of the service's *NotFound codes. */
export function notFound(code: keyof typeof NOT_FOUND & string): BatchError {
  return new BatchError(404, code, NOT_FOUND[code] ?? 'The specified resource does not exist.');
}

/** 409 with one of the service's conflict codes. */
export function conflict(code: string, extra?: string): BatchError {
  const base = CONFLICT[code] ?? 'The specified operation conflicts with the current state of the resource.';
  return new BatchError(409, code, extra ? `${base} ${extra}` : base);
}

function truncate(text: string): string {
  return text.length > 256 ? `${text.slice(0, 256)}…` : text;
}

/** 400 InvalidPropertyValue naming the property, its value and why it was refused. */
export function invalidProperty(name: string, value: unknown, reason: string): BatchError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return new BatchError(400, 'InvalidPropertyValue', 'The value provided for one of the properties in the request body is invalid.', [
    { key: 'PropertyName', value: name },
    { key: 'PropertyValue', value: truncate(shown) },
    { key: 'Reason', value: reason },
  ]);
}

/** 400 MissingRequiredProperty naming the property. */
export function missingProperty(name: string): BatchError {
  return new BatchError(400, 'MissingRequiredProperty', 'A required property was not specified in the request body.', [
    { key: 'PropertyName', value: name },
  ]);
}

/** 400 UnsupportedProperty naming the property the spec does not define there. */
export function unsupportedProperty(name: string): BatchError {
  return new BatchError(400, 'UnsupportedProperty', 'One of the properties specified in the request body is not supported.', [
    { key: 'PropertyName', value: name },
  ]);
}

/** 400 InvalidRequestBody, with the reason (and the property when one is known). */
export function invalidBody(reason: string, property?: string): BatchError {
  const values: ErrorDetail[] = property === undefined ? [] : [{ key: 'PropertyName', value: property }];
  values.push({ key: 'Reason', value: reason });
  return new BatchError(400, 'InvalidRequestBody', 'The specified Request Body is not syntactically valid.', values);
}

/** 400 InvalidQueryParameterValue naming the parameter. */
export function invalidQuery(name: string, value: string, reason: string): BatchError {
  return new BatchError(400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.', [
    { key: 'QueryParameterName', value: name },
    { key: 'QueryParameterValue', value: truncate(value) },
    { key: 'Reason', value: reason },
  ]);
}

/** 400 InvalidHeaderValue naming the header. */
export function invalidHeader(name: string, value: string, reason: string): BatchError {
  return new BatchError(400, 'InvalidHeaderValue', 'The value provided for one of the HTTP headers was not in the correct format.', [
    { key: 'HeaderName', value: name },
    { key: 'HeaderValue', value: truncate(value) },
    { key: 'Reason', value: reason },
  ]);
}

/** 412 ConditionNotMet for a write whose conditional header failed. */
export function conditionNotMet(): BatchError {
  return new BatchError(412, 'ConditionNotMet', 'The condition specified using HTTP conditional header(s) is not met.');
}

/** 403 AuthenticationFailed with the reason in AuthenticationErrorDetail. */
export function authenticationFailed(detail: string, status = 403): BatchError {
  return new BatchError(
    status,
    'AuthenticationFailed',
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
    [{ key: 'AuthenticationErrorDetail', value: detail }],
  );
}
