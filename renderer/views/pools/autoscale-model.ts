// Pure helpers of the autoscale panel: reading AutoScaleRun results and checking the panel's inputs.

/** The `$name=value` pairs of an AutoScaleRun's results, in the order the service gave them. */
export function parseAutoScaleResults(results: string | undefined): { name: string; value: string }[] {
  if (!results) return [];
  return results
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: part, value: '' } : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
    });
}

/** The evaluation interval in whole minutes, if the text is one the service accepts (5 min to 168 h); empty means keep. */
export function parseIntervalMinutes(text: string): { minutes?: number; error?: string } {
  const trimmed = text.trim();
  if (!trimmed) return {};
  if (!/^\d+$/.test(trimmed)) return { error: 'The interval must be a whole number of minutes' };
  const minutes = Number(trimmed);
  if (minutes < 5 || minutes > 168 * 60) return { error: 'The interval must be 5 minutes to 168 hours' };
  return { minutes };
}

/** The formula's problem before sending, if any (the service checks the rest). */
export function formulaProblem(formula: string): string | undefined {
  if (!formula.trim()) return 'The formula is empty';
  if (new TextEncoder().encode(formula).length > 8192) return 'The formula is longer than 8 KB';
  return undefined;
}
