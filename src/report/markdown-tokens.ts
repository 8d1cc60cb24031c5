import { type Report, UNKNOWN_CLIENT_ID, UNKNOWN_USER_POOL_ID } from '../deviations/index.ts';

/**
 * The paragraph `report.md` shows once, before the deviations, on what the tokens in their requests and
 * reproductions stand for, and how a reproduction script runs. Empty (no paragraph) when the report has no
 * deviation. Source: the tokens `Normaliser` and `redactSecrets` write (src/deviations) and the scripts
 * `reproductionScript` writes.
 */
export function reportTokensParagraph(report: Pick<Report, 'operations'>): string {
  if (report.operations.every((op) => op.deviations.length === 0)) return '';
  return [
    '**Tokens.** Requests and reproductions hold tokens where the run had values of its own.',
    '`<pool-id:1>` (likewise `<client-id:1>`, `<timestamp:1>`, `<uuid:1>`, `<jwt:1>`) numbers each id, date or token',
    'an operation met: one value always gets the same token, two values never share one. The ids that must not',
    `exist, on purpose (an \`error-shape\` request's), are shown as they are: \`${UNKNOWN_USER_POOL_ID}\` and`,
    `\`${UNKNOWN_CLIENT_ID}\`, the suite's own made-up values.`,
    "`cc-<run>-` is the run's prefix, which every name the run created starts with.",
    '`<redacted:NAME>` is a secret the run used (the value of `NAME`: a client id, a password, a token,',
    '`SECRET_HASH`), which no report shows. Each reproduction is a `sh` script: its set-up creates what the tokens',
    'stand for under a fresh prefix (pools, an app client, a user with a password of its own), fills them in,',
    'sends the request (`curl -i` where the difference is in a header or the status), and deletes what it made.',
    'Against an emulator it uses dummy credentials (any are accepted), and `ENDPOINT` says where to send.',
    '`npx cognito-conformance reproduce report.json <number or identity>` does the same and says whether the rule',
    'is still broken.',
  ].join('\n');
}
