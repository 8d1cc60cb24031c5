import type { BehaviourVerdict } from '../deviations/index.ts';
import { behaviourCounts, groupByArea, shortShapeId } from './behaviour-verdicts.ts';
import { code, escapeInline, table } from './markdown-text.ts';

/**
 * The report's behaviour verdicts as a Markdown section (`## Behaviour`): one line with the counts, then a table
 * for the report's target with a row per rule, grouped in the catalogue's area order (the Area column gives the
 * area's title): rule, area, verdict, `failed/runs`, the operations where it broke, and its source shape ids
 * without the `com.amazonaws.cognitoidentityprovider#` namespace; then why each rule not judged was not. Empty when
 * the report has no `behaviour`.
 * @throws Error when the committed behaviour catalogue cannot be read (see `loadBehaviourCatalogue`).
 */
export function behaviourSection(target: string, verdicts: readonly BehaviourVerdict[] | undefined): string {
  if (verdicts === undefined) return '';
  const counts = behaviourCounts(verdicts);
  const line =
    `The documented behaviour rules (\`specs/behaviour-rules.json\`) on ${code(target)}: ` +
    `${counts.holds} ${counts.holds === 1 ? 'holds' : 'hold'}, **${counts.broken} broken**, ${counts.notJudged} not judged.`;
  if (verdicts.length === 0) return `## Behaviour\n\n${line}`;
  const rows = groupByArea(verdicts).flatMap((group) =>
    group.items.map((verdict) => [
      escapeInline(verdict.rule),
      escapeInline(group.title),
      verdictText(verdict.verdict),
      `${verdict.failed}/${verdict.runs}`,
      verdict.brokenAt.map(escapeInline).join(', '),
      verdict.source.map((shape) => code(shortShapeId(shape))).join(', '),
    ]),
  );
  const header = ['Rule', 'Area', 'Verdict', 'Runs (failed/runs)', 'Where broken', 'Source'];
  const notJudged = verdicts
    .filter((verdict) => verdict.verdict === 'not-judged')
    .map((verdict) => `- ${escapeInline(verdict.rule)}: ${escapeInline(verdict.reason ?? '')}`);
  const note =
    'Runs: the command sequences that reached the rule, and how many of them broke it. A rule is broken when a ' +
    'deviation of severity error or warning carries it; each is listed under its operation with the rule in brackets.';
  return [
    '## Behaviour',
    line,
    table(header, rows, ['l', 'l', 'l', 'r', 'l', 'l']),
    note,
    ...(notJudged.length === 0 ? [] : [`**Not judged:**\n\n${notJudged.join('\n')}`]),
  ].join('\n\n');
}

function verdictText(verdict: BehaviourVerdict['verdict']): string {
  if (verdict === 'broken') return '**broken**';
  return verdict === 'holds' ? 'holds' : 'not judged';
}
