/** How a command line is handed to the OS: an argv (POSIX) or a program plus verbatim arguments (Windows). */
export interface ParsedCommand {
  file: string;
  args: string[];
  /** On Windows the arguments are passed to CreateProcess exactly as written, as the service does. */
  verbatim: boolean;
}

/**
 * Splits a command line the way a POSIX node does without a shell: whitespace separates words,
 * single quotes keep everything literally, double quotes keep everything but backslash escapes of
 * `"`, `\`, `$` and `` ` ``, and an unquoted backslash escapes the next character.
 * Throws on an unterminated quote.
 */
export function splitPosix(commandLine: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < commandLine.length; i++) {
    const c = commandLine[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if (c === "'") {
      const end = commandLine.indexOf("'", i + 1);
      if (end < 0) throw new Error('Unterminated single quote in the command line.');
      word += commandLine.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      inWord = true;
      let closed = false;
      for (i++; i < commandLine.length; i++) {
        const d = commandLine[i] as string;
        if (d === '"') {
          closed = true;
          break;
        }
        const next = commandLine[i + 1];
        if (d === '\\' && next !== undefined && '"\\$`'.includes(next)) {
          word += next;
          i++;
        } else word += d;
      }
      if (!closed) throw new Error('Unterminated double quote in the command line.');
    } else if (c === '\\' && i + 1 < commandLine.length) {
      word += commandLine[++i];
      inWord = true;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** Splits off the program of a Windows command line (quoted or up to the first blank); the rest stays verbatim. */
export function splitWindows(commandLine: string): { file: string; rest: string } {
  const text = commandLine.trimStart();
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    const file = end < 0 ? text.slice(1) : text.slice(1, end);
    return { file, rest: end < 0 ? '' : text.slice(end + 1).trimStart() };
  }
  const blank = text.search(/[ \t]/);
  return blank < 0 ? { file: text, rest: '' } : { file: text.slice(0, blank), rest: text.slice(blank + 1).trimStart() };
}

/** Parses a task command line for the host platform; throws when it names no program. */
export function parseCommandLine(commandLine: string, platform: NodeJS.Platform = process.platform): ParsedCommand {
  if (platform === 'win32') {
    const { file, rest } = splitWindows(commandLine);
    if (file === '') throw new Error('The command line is empty.');
    return { file, args: rest === '' ? [] : [rest], verbatim: true };
  }
  const [file, ...args] = splitPosix(commandLine);
  if (file === undefined || file === '') throw new Error('The command line is empty.');
  return { file, args, verbatim: false };
}
