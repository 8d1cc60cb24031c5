import {
  deviationIdentity,
  identityOf,
  identityText,
  type LocatedDeviation,
  locateDeviations,
  redactKnownSecrets,
  redactSecrets,
  redactString,
  type Report,
} from '../deviations/index.ts';
import type { Exchange } from '../protocol/index.ts';
import { freshPrefix, type Reproduction, reproduceDeviation } from '../scenarios/index.ts';
import { loadOperationSpecs, SpecValidators } from '../spec/index.ts';
import { startTarget } from '../targets/index.ts';
import { WireClient } from '../wire/index.ts';
import { type CommandDefinition, helpText, parseCommandArgs } from './command-args.ts';
import { EXIT_DEVIATIONS, EXIT_FAILURE, EXIT_OK, UsageError } from './exit-codes.ts';
import { readReportFile } from './read-report-file.ts';
import { TARGET_OPTIONS, targetFromFlags, targetHelp } from './target-options.ts';

export const REPRODUCE_COMMAND = {
  name: 'reproduce',
  usage:
    'cognito-conformance reproduce <report.json> <number | "<Operation> <check> <kind> <path>"> [--target …] [--endpoint url] | <report.json> --list',
  options: {
    list: { type: 'boolean' },
    ...TARGET_OPTIONS,
    'request-timeout': { type: 'string' },
  },
  help: {
    list: "list the report's deviations with their numbers and identities, and send nothing",
    ...targetHelp('embedded (default: a freshly started cognito-local)'),
    'request-timeout': 'milliseconds one call may take before it is a transport failure (default 15000)',
  },
  allowPositionals: true,
} as const satisfies CommandDefinition<Record<string, { type: 'string' | 'boolean' }>>;

/**
 * `reproduce`: takes one deviation of a report (by its number in report order, as report.md shows it, or by its
 * identity `<Operation> <check> <kind> <path>`), re-creates what its minimal request needs on a target under a
 * fresh prefix, sends it (or replays its check, for checks no single request shows), prints the exchange with
 * its headers, secrets redacted, says whether the rule is still broken, and deletes what it made.
 * Exit 1: still broken; 0: not reproduced; 2: a usage error, a target that cannot be reached, or a reproduction
 * that could not be judged.
 */
export async function reproduceCommand(
  argv: readonly string[],
  log: (line: string) => void,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(REPRODUCE_COMMAND, argv);
  if (values.help) {
    process.stdout.write(helpText(REPRODUCE_COMMAND));
    return EXIT_OK;
  }
  const [path, ...selector] = positionals;
  if (path === undefined)
    throw new UsageError(
      `reproduce: give a report file and a deviation\nUsage: ${REPRODUCE_COMMAND.usage}\nRun 'cognito-conformance reproduce --help' for the flags it takes.`,
    );
  const report = await readReportFile('reproduce', path);
  if (values.list) {
    process.stdout.write(deviationList(report));
    return EXIT_OK;
  }
  const { number, located } = selectDeviation(report, path, selector.join(' '));
  const selection = targetFromFlags('reproduce', values);
  const requestTimeoutMs = timeout(values['request-timeout']);
  const prefix = freshPrefix();
  const target = await startTarget(selection, {
    ...(selection.kind === 'aws' ? { announcement: { prefix, estimate: { requests: 30, pools: 3 } } } : {}),
    log,
  });
  const out = (line = '') => process.stdout.write(`${line}\n`);
  const wire = new WireClient(target.descriptor, {
    ...(requestTimeoutMs !== undefined ? { requestTimeoutMs } : {}),
    ...(target.descriptor.kind === 'aws' ? { maxRequestsPerSecond: 5, throttleRetries: 4 } : {}),
  });
  try {
    const { deviation } = located;
    out(`reproduce: #${number} ${identityText({ operation: located.operation, ...deviation })}`);
    out(`  the report says: ${oneLine(redactString(deviation.message))}`);
    out(
      `  target: ${target.descriptor.name} (${target.descriptor.kind}) at ${target.descriptor.endpoint} · prefix ${prefix}`,
    );
    const specs = loadOperationSpecs();
    const reproduction = await reproduceDeviation(
      {
        specs,
        validators: new SpecValidators(specs),
        target: target.descriptor,
        wire,
        prefix,
        run: { seed: report.run.seed, profile: report.run.profile, startedAt: report.run.startedAt },
        sdkVersion: report.sdk.version,
      },
      located,
    );
    printReproduction(reproduction, out);
    return verdict(reproduction, located, out);
  } finally {
    wire.destroy();
    await target.stop();
  }
}

/** The number and the located deviation `selector` names; a usage error listing how to find one otherwise. */
export function selectDeviation(
  report: Report,
  path: string,
  selector: string,
): { number: number; located: LocatedDeviation } {
  const located = locateDeviations(report);
  const text = selector.trim();
  const hint =
    `${located.length} deviation${located.length === 1 ? '' : 's'} in ${path}: give a number from 1 to ${located.length} ` +
    `(report.md's #N, in report order) or an identity '<Operation> <check> <kind> <path>' (a behaviour one ends in ` +
    `'[<rule>]'); ` +
    `'cognito-conformance reproduce ${path} --list' lists them`;
  if (located.length === 0) throw new UsageError(`reproduce: ${path} has no deviations to reproduce`);
  if (text === '') throw new UsageError(`reproduce: which deviation? ${hint}`);
  const numeric = /^#?(\d+)$/.exec(text);
  if (numeric) {
    const number = Number(numeric[1]);
    const found = located[number - 1];
    if (found === undefined || number < 1)
      throw new UsageError(`reproduce: there is no deviation #${number}; ${hint}`);
    return { number, located: found };
  }
  const [operation = '', check = '', kind = '', ...rest] = text.split(/\s+/);
  // A behaviour deviation's identity ends in its rule: `… /AuthenticationResult [disabled-user-cannot-sign-in]`.
  const rule = /^\[([a-z0-9-]+)\]$/.exec(rest.at(-1) ?? '')?.[1];
  const pointer = (rule === undefined ? rest : rest.slice(0, -1)).join(' ');
  const wanted = deviationIdentity({
    operation,
    check: check as LocatedDeviation['deviation']['check'],
    kind,
    path: pointer === '(whole body)' ? '' : pointer,
    ...(rule !== undefined ? { rule: { name: rule } } : {}),
  });
  const index = located.findIndex((candidate) => identityOf(candidate) === wanted);
  const found = located[index];
  if (found === undefined) throw new UsageError(`reproduce: no deviation '${text}'; ${hint}`);
  return { number: index + 1, located: found };
}

/** Every deviation of the report with its number and identity, one a line. */
export function deviationList(report: Report): string {
  return locateDeviations(report)
    .map(
      (located, index) =>
        `#${index + 1}\t${located.deviation.severity}\t${identityText({ operation: located.operation, ...located.deviation })}\n`,
    )
    .join('');
}

function timeout(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text))
    throw new UsageError(
      `reproduce: --request-timeout takes a positive whole number of milliseconds, got ${text}`,
    );
  return Number(text);
}

function printReproduction(reproduction: Reproduction, out: (line?: string) => void): void {
  const hide = (text: string) => redactKnownSecrets(redactString(text), reproduction.secrets);
  if (reproduction.setup.length > 0)
    out(
      `  set-up: ${reproduction.setup.map((exchange) => `${exchange.operation} ${exchange.status}`).join(', ')}`,
    );
  for (const note of reproduction.notes) out(`  ${hide(note)}`);
  for (const exchange of reproduction.exchanges) {
    out();
    out(exchangeText(exchange, hide));
  }
  out();
}

/** One exchange as it crossed the wire: request line, headers and body, then status, headers and body; redacted. */
export function exchangeText(exchange: Exchange, hide: (text: string) => string): string {
  const headers = (record: Readonly<Record<string, string>>) =>
    Object.entries(redactSecrets({ ...record })).map(([name, value]) => `${name}: ${hide(String(value))}`);
  const request = [
    `POST / (${exchange.operation})`,
    ...headers(exchange.requestHeaders),
    '',
    hide(JSON.stringify(redactSecrets(exchange.request ?? {}))),
  ].map((line) => `> ${line}`.trimEnd());
  if (exchange.status === 0)
    return [...request, `< (no response: ${exchange.transportError ?? 'the request was not answered'})`].join(
      '\n',
    );
  const response = [
    `HTTP ${exchange.status}`,
    ...headers(exchange.headers),
    '',
    ...hide(exchange.bodyText).split('\n'),
  ].map((line) => `< ${line}`.trimEnd());
  return [...request, ...response].join('\n');
}

function verdict(
  reproduction: Reproduction,
  located: LocatedDeviation,
  out: (line?: string) => void,
): number {
  const identity = identityText({ operation: located.operation, ...located.deviation });
  switch (reproduction.outcome) {
    case 'reproduced':
      out(
        `still broken: ${identity} — ${oneLine(redactKnownSecrets(redactString(reproduction.finding?.message ?? ''), reproduction.secrets))}`,
      );
      out(`cleanup: deleted what the reproduction made (${reproduction.sent} requests sent in all)`);
      return EXIT_DEVIATIONS;
    case 'not-reproduced':
      out(`not reproduced: ${identity} — the ${located.deviation.check} check judged it and the rule held`);
      out(`cleanup: deleted what the reproduction made (${reproduction.sent} requests sent in all)`);
      return EXIT_OK;
    default:
      out(`inconclusive: ${identity} — ${reproduction.notes.at(-1) ?? 'nothing could be judged'}`);
      return EXIT_FAILURE;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
