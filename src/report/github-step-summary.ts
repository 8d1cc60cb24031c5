import { appendFile } from 'node:fs/promises';
import { redactString } from '../deviations/index.ts';

/**
 * Adds Markdown to the GitHub Actions job summary: when `GITHUB_STEP_SUMMARY` names a file (as it does inside
 * a workflow step), appends to it, separated from what earlier steps wrote; elsewhere does nothing. Resolves to
 * whether it wrote. Secrets are redacted here, where the text leaves the process. Keep it to the human summary
 * (the job summary is capped at 1 MiB per step).
 */
export async function appendStepSummary(
  markdown: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<boolean> {
  const file = env['GITHUB_STEP_SUMMARY'];
  if (file === undefined || file === '') return false;
  const safe = redactString(markdown);
  await appendFile(file, safe.endsWith('\n') ? `${safe}\n` : `${safe}\n\n`, 'utf8');
  return true;
}
