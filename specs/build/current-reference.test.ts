import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkWithdrawals, WITHDRAWALS, type Withdrawal } from './current-reference.ts';
import { itWithDocuments } from './test-support/source-documents.ts';

const MEMBER = 'ns#OpRequest$AuthFlow';
const withdrawal: Withdrawal = { operation: 'Op', path: '/AuthFlow', value: 'OLD_FLOW', source: MEMBER };

async function reference(
  documentation: string | undefined,
): Promise<{ path: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-reference-'));
  const traits = documentation === undefined ? {} : { 'smithy.api#documentation': documentation };
  const path = join(dir, 'model.json');
  await writeFile(
    path,
    JSON.stringify({ shapes: { 'ns#OpRequest': { members: { AuthFlow: { traits } } } } }),
  );
  return { path, done: () => rm(dir, { recursive: true, force: true }) };
}

describe('withdrawals by the current reference', () => {
  itWithDocuments(
    'hold in the current reference: each member defines its values, and not the withdrawn one',
    ({ referencePath }) => {
      expect(WITHDRAWALS.length).toBeGreaterThan(0);
      expect(() => checkWithdrawals(referencePath)).not.toThrow();
    },
  );

  it.each([
    [
      'still defines the value',
      '<dl><dt>NEW_FLOW</dt><dd>x</dd><dt>OLD_FLOW</dt></dl>',
      /defines OLD_FLOW again/,
    ],
    ['defines no values at all', '<p>Some flow.</p>', /to define its values/],
    ['has no documentation', undefined, /expected a documented member ns#OpRequest\$AuthFlow/],
  ])(
    'fail the build, naming the file and shape, when the member %s',
    async (_label, documentation, message) => {
      const { path, done } = await reference(documentation);
      try {
        expect(() => checkWithdrawals(path, [withdrawal])).toThrow(message);
        expect(() => checkWithdrawals(path, [withdrawal])).toThrow(/^model\.json: /);
      } finally {
        await done();
      }
    },
  );

  it('accept a member whose defined values leave the withdrawn one out (a longer name is another value)', async () => {
    const { path, done } = await reference('<dl><dt>NEW_FLOW</dt><dt>ADMIN_OLD_FLOW</dt></dl>');
    try {
      expect(() => checkWithdrawals(path, [withdrawal])).not.toThrow();
    } finally {
      await done();
    }
  });
});
