import { z } from 'zod';

/** Longest file path the file calls accept. */
export const MAX_FILE_PATH = 1024;
/** Largest byte range one `files.read` returns. */
export const MAX_READ_BYTES = 1024 * 1024;
/** Most lines one `files.tail` returns. */
export const MAX_TAIL_LINES = 2000;

/** Why a task or node file path is refused, or undefined when it is acceptable. */
export function filePathProblem(path: string): string | undefined {
  if (path.length > MAX_FILE_PATH) return `The file path is longer than ${MAX_FILE_PATH} characters`;
  if (path.startsWith('/') || path.startsWith('\\')) return 'The file path must be relative to the task or node directory (no leading /)';
  if (path.split(/[/\\]/).includes('..')) return 'The file path must not contain ".." segments';
  if (path.includes('\0')) return 'The file path must not contain NUL characters';
  return undefined;
}

const checked = (schema: z.ZodString) =>
  schema.superRefine((value, ctx) => {
    const problem = filePathProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const entityId = z.string().min(1).max(64);
const nodeId = z.string().min(1).max(200);

/** Whose files: a task's directory or a whole node's tree. */
export const fileSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('task'), jobId: entityId, taskId: entityId }).strict(),
  z.object({ kind: z.literal('node'), poolId: entityId, nodeId }).strict(),
]);

/** A folder path (may be empty, meaning the root). */
export const folderPath = checked(z.string().max(4096, `The file path is longer than ${MAX_FILE_PATH} characters`));
/** A file path (must name something). */
export const filePath = checked(z.string().min(1, 'The file path is empty').max(4096, `The file path is longer than ${MAX_FILE_PATH} characters`));
/** A name prefix inside a folder. */
export const namePrefix = checked(z.string().max(256, 'The name prefix is longer than 256 characters'));

/** Longest text `files.find` searches for. */
export const MAX_FIND_QUERY = 256;
/** The text to find in a file. */
export const findQuery = z.string().min(1, 'The search text is empty').max(MAX_FIND_QUERY, `The search text is longer than ${MAX_FIND_QUERY} characters`);
