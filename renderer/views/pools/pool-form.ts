// Pure logic of the create-pool form: defaults, validation naming the bad field, form → request body and back.
import type { JsonObject, JsonValue } from '../../../shared/models';

/** The form's fields, as typed (numbers stay text until validated). */
export interface PoolForm {
  id: string;
  vmSize: string;
  publisher: string;
  offer: string;
  sku: string;
  nodeAgentSkuId: string;
  scaleMode: 'fixed' | 'autoscale';
  targetDedicatedNodes: string;
  targetSpotNodes: string;
  autoScaleFormula: string;
  /** Minutes between autoscale evaluations; empty means the service default (15). */
  autoScaleIntervalMinutes: string;
  taskSlotsPerNode: string;
  startTaskCommandLine: string;
  startTaskWaitForSuccess: boolean;
  /** Properties of a JSON body the form has no field for; sent unchanged so switching modes loses nothing. */
  extras: JsonObject;
}

/** One problem per field, in the user's words. */
export type PoolFormErrors = Partial<Record<Exclude<keyof PoolForm, 'extras' | 'scaleMode' | 'startTaskWaitForSuccess'>, string>>;

/** A fixed pool of one Ubuntu 22.04 node, the image the emulator and most Linux users start from. */
export const DEFAULT_POOL_FORM: PoolForm = {
  id: '',
  vmSize: 'standard_d2s_v3',
  publisher: 'canonical',
  offer: '0001-com-ubuntu-server-jammy',
  sku: '22_04-lts',
  nodeAgentSkuId: 'batch.node.ubuntu 22.04',
  scaleMode: 'fixed',
  targetDedicatedNodes: '1',
  targetSpotNodes: '0',
  autoScaleFormula: '$TargetDedicatedNodes = 1;',
  autoScaleIntervalMinutes: '',
  taskSlotsPerNode: '1',
  startTaskCommandLine: '',
  startTaskWaitForSuccess: true,
  extras: {},
};

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function intIn(text: string, min: number, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/** Every field that would make the service (or the app) refuse the pool, checked before sending. */
export function validatePoolForm(form: PoolForm): PoolFormErrors {
  const errors: PoolFormErrors = {};
  if (!form.id.trim()) errors.id = 'Pool ID is required';
  else if (!ID_PATTERN.test(form.id.trim())) errors.id = 'Pool ID must be 1-64 letters, digits, hyphens or underscores';
  if (!form.vmSize.trim()) errors.vmSize = 'VM size is required';
  if (!form.publisher.trim()) errors.publisher = 'Image publisher is required';
  if (!form.offer.trim()) errors.offer = 'Image offer is required';
  if (!form.sku.trim()) errors.sku = 'Image SKU is required';
  if (!form.nodeAgentSkuId.trim()) errors.nodeAgentSkuId = 'Node agent SKU is required';
  if (form.scaleMode === 'fixed') {
    if (intIn(form.targetDedicatedNodes, 0, 100_000) === undefined) errors.targetDedicatedNodes = 'Dedicated nodes must be a whole number from 0';
    if (intIn(form.targetSpotNodes, 0, 100_000) === undefined) errors.targetSpotNodes = 'Spot nodes must be a whole number from 0';
  } else {
    if (!form.autoScaleFormula.trim()) errors.autoScaleFormula = 'An autoscale pool needs a formula';
    else if (form.autoScaleFormula.length > 8192) errors.autoScaleFormula = 'The formula is longer than 8 KB';
    if (form.autoScaleIntervalMinutes.trim() && intIn(form.autoScaleIntervalMinutes, 5, 168 * 60) === undefined) {
      errors.autoScaleIntervalMinutes = 'The evaluation interval must be 5 minutes to 168 hours';
    }
  }
  if (intIn(form.taskSlotsPerNode, 1, 256) === undefined) errors.taskSlotsPerNode = 'Task slots per node must be 1-256';
  return errors;
}

/** True when validation found nothing. */
export function isValid(errors: PoolFormErrors): boolean {
  return Object.keys(errors).length === 0;
}

function numberOr(text: string, fallback: number): number {
  const n = Number(text.trim());
  return text.trim() && Number.isFinite(n) ? n : fallback;
}

/** The PoolAddParameter the form describes; the form's own fields win over anything kept in extras. */
export function poolFormToBody(form: PoolForm): JsonObject {
  const body: JsonObject = { id: form.id.trim(), vmSize: form.vmSize.trim(), ...form.extras };
  const extraVm = isObject(form.extras.virtualMachineConfiguration) ? form.extras.virtualMachineConfiguration : {};
  const extraImage = isObject(extraVm.imageReference) ? extraVm.imageReference : {};
  body.virtualMachineConfiguration = {
    ...extraVm,
    imageReference: { ...extraImage, publisher: form.publisher.trim(), offer: form.offer.trim(), sku: form.sku.trim(), version: str(extraImage.version) ?? 'latest' },
    nodeAgentSKUId: form.nodeAgentSkuId.trim(),
  };
  body.taskSlotsPerNode = numberOr(form.taskSlotsPerNode, 1);
  delete body.targetDedicatedNodes;
  delete body.targetLowPriorityNodes;
  delete body.autoScaleFormula;
  delete body.autoScaleEvaluationInterval;
  if (form.scaleMode === 'fixed') {
    body.enableAutoScale = false;
    body.targetDedicatedNodes = numberOr(form.targetDedicatedNodes, 0);
    body.targetLowPriorityNodes = numberOr(form.targetSpotNodes, 0);
  } else {
    body.enableAutoScale = true;
    body.autoScaleFormula = form.autoScaleFormula;
    if (form.autoScaleIntervalMinutes.trim()) body.autoScaleEvaluationInterval = `PT${numberOr(form.autoScaleIntervalMinutes, 15)}M`;
  }
  if (form.startTaskCommandLine.trim()) {
    const extraStart = isObject(form.extras.startTask) ? form.extras.startTask : {};
    body.startTask = { ...extraStart, commandLine: form.startTaskCommandLine, waitForSuccess: form.startTaskWaitForSuccess };
  } else {
    delete body.startTask;
  }
  return body;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numText(value: JsonValue | undefined, fallback: string): string {
  return typeof value === 'number' ? String(value) : fallback;
}

/** Minutes in an ISO 8601 duration such as PT15M or PT1H30M; undefined for anything else. */
export function durationMinutes(value: string): number | undefined {
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(value.trim());
  if (!match || (!match[1] && !match[2] && !match[3])) return undefined;
  return Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0) + Math.floor(Number(match[3] ?? 0) / 60);
}

/** The form a JSON body fills in; what the form cannot show stays in `extras` and goes back out unchanged. */
export function bodyToPoolForm(body: JsonObject): PoolForm {
  const vm = isObject(body.virtualMachineConfiguration) ? body.virtualMachineConfiguration : {};
  const image = isObject(vm.imageReference) ? vm.imageReference : {};
  const start = isObject(body.startTask) ? body.startTask : undefined;
  const autoscale = body.enableAutoScale === true;
  const interval = str(body.autoScaleEvaluationInterval);
  const form: PoolForm = {
    id: str(body.id) ?? '',
    vmSize: str(body.vmSize) ?? '',
    publisher: str(image.publisher) ?? '',
    offer: str(image.offer) ?? '',
    sku: str(image.sku) ?? '',
    nodeAgentSkuId: str(vm.nodeAgentSKUId) ?? '',
    scaleMode: autoscale ? 'autoscale' : 'fixed',
    targetDedicatedNodes: numText(body.targetDedicatedNodes, '0'),
    targetSpotNodes: numText(body.targetLowPriorityNodes, '0'),
    autoScaleFormula: str(body.autoScaleFormula) ?? (autoscale ? '' : DEFAULT_POOL_FORM.autoScaleFormula),
    autoScaleIntervalMinutes: interval ? String(durationMinutes(interval) ?? '') : '',
    taskSlotsPerNode: numText(body.taskSlotsPerNode, '1'),
    startTaskCommandLine: str(start?.commandLine) ?? '',
    startTaskWaitForSuccess: start ? start.waitForSuccess !== false : true,
    extras: {},
  };
  const handled = new Set(['id', 'vmSize', 'enableAutoScale', 'targetDedicatedNodes', 'targetLowPriorityNodes', 'autoScaleFormula', 'autoScaleEvaluationInterval', 'taskSlotsPerNode']);
  for (const [key, value] of Object.entries(body)) {
    if (handled.has(key)) continue;
    if (key === 'startTask' && isObject(value)) {
      const { commandLine: _c, waitForSuccess: _w, ...rest } = value;
      if (Object.keys(rest).length > 0) form.extras.startTask = rest;
    } else if (key === 'virtualMachineConfiguration' && isObject(value)) {
      const { imageReference, nodeAgentSKUId: _n, ...rest } = value;
      // 'latest' is what the form sends anyway, so it is not worth keeping as an extra.
      const image = isObject(imageReference) ? withoutKeys(imageReference, ['publisher', 'offer', 'sku']) : {};
      const otherImage = image.version === 'latest' ? withoutKeys(image, ['version']) : image;
      if (Object.keys(otherImage).length > 0) rest.imageReference = otherImage;
      if (Object.keys(rest).length > 0) form.extras.virtualMachineConfiguration = rest;
    } else {
      form.extras[key] = value;
    }
  }
  return form;
}

function withoutKeys(object: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([k]) => !keys.includes(k)));
}

/** The JSON editor's text as one object (enough to switch back to the form), or why it is not. */
export function parseJsonObject(text: string): { body: JsonObject } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: `The JSON is not valid: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { error: 'The JSON must be one object: the pool' };
  return { body: value as JsonObject };
}

/** The JSON editor's text parsed as a pool body to send (an object with a valid id), or the reason it cannot be. */
export function parsePoolJson(text: string): { body: JsonObject } | { error: string } {
  const parsed = parseJsonObject(text);
  if ('error' in parsed) return parsed;
  const { body } = parsed;
  if (typeof body.id !== 'string' || !ID_PATTERN.test(body.id)) return { error: '"id" must be 1-64 letters, digits, hyphens or underscores' };
  return { body };
}

/** Top-level property names kept in `extras`, for the note that says they will be sent too. */
export function extraPropertyNames(form: PoolForm): string[] {
  return Object.keys(form.extras).sort();
}
