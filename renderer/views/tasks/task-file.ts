// Reads a JSON file of tasks in the page, so a bad file is refused with the first bad entry named before anything is sent.

/** The most tasks one `tasks.add` call takes. */
export const MAX_TASKS_PER_FILE = 100_000;

const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** A task as the file gives it: the service validates every other property and names any bad one per task. */
export type TaskSpec = { id: string; commandLine: string } & Record<string, unknown>;

/** The outcome of reading a task file. */
export type TaskFileResult = { ok: true; tasks: TaskSpec[] } | { ok: false; message: string };

function entryName(index: number, id?: unknown): string {
  const base = `Entry ${index + 1} (index ${index})`;
  return typeof id === 'string' && id ? `${base}, id "${id}",` : base;
}

/** Checks that the text is a JSON array of task objects, each with a valid unique id and a command line. */
export function parseTaskFile(text: string): TaskFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!Array.isArray(data)) return { ok: false, message: 'The file must hold a JSON array of tasks, like [{"id": "t1", "commandLine": "…"}]' };
  if (data.length === 0) return { ok: false, message: 'The file holds an empty array: there are no tasks to add' };
  if (data.length > MAX_TASKS_PER_FILE) {
    return { ok: false, message: `The file holds ${data.length} tasks; at most ${MAX_TASKS_PER_FILE} can be added at once` };
  }
  const seen = new Map<string, number>();
  for (const [index, entry] of data.entries()) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      return { ok: false, message: `${entryName(index)} is not an object` };
    }
    const { id, commandLine } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || !id) return { ok: false, message: `${entryName(index)} has no "id"` };
    if (!TASK_ID.test(id)) {
      return { ok: false, message: `${entryName(index, id)} has a bad id: use 1-64 letters, digits, hyphens or underscores` };
    }
    const earlier = seen.get(id.toLowerCase());
    if (earlier !== undefined) {
      return { ok: false, message: `${entryName(index, id)} repeats the id of entry ${earlier + 1} (ids ignore case)` };
    }
    seen.set(id.toLowerCase(), index);
    if (typeof commandLine !== 'string' || !commandLine.trim()) {
      return { ok: false, message: `${entryName(index, id)} has no "commandLine"` };
    }
  }
  return { ok: true, tasks: data as TaskSpec[] };
}
