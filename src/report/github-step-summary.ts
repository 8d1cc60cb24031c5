import { appendFile } from 'node:fs/promises';

/**
 * Adds Markdown to the GitHub Actions job summary: when `GITHUB_STEP_SUMMARY` names a file (as it does inside
 * a workflow step), appends to it, separated from what earlier steps wrote; elsewhere does nothing. Resolves to
 * whether it wrote. Keep it to the human summary (the job summary is capped at 1 MiB per step).
 */
export async function appendStepSummary(
  markdown: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<boolean> {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return false;
  await appendFile(file, markdown.endsWith('\n') ? `${markdown}\n` : `${markdown}\n\n`, 'utf8');
  return true;
}
