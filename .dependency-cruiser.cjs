// @ts-check
/**
 * The import rules `npm run lint` enforces (dependency-cruiser). Data flows one way: each room (folder) is a
 * stage, and a room imports only the rooms before it in ROOMS, and only through their entry file (`index.ts`).
 * The order is written down in README.md's Layout section; change both together.
 *
 * Tests follow the same rules as the code beside them, with two allowances: a test may import the shared test
 * support (`test/`, and any room's `test-support/` or `*.fixture.ts`) and the entry file of any room, because a
 * test of a low room may need a real target to run against. Production code never imports tests.
 */
const ROOMS = [
  'specs/format',
  'specs/build',
  'src/spec',
  'src/protocol',
  'src/deviations',
  'src/generate',
  'src/wire',
  'src/auth',
  'src/changes',
  'src/checks',
  'src/engine',
  'src/targets',
  'src/resources',
  'src/settings',
  'src/scenarios',
  'fixtures',
  'suites',
  'src/report',
  'reporters',
  'src/cli',
];

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const TEST_FILE = '(\\.test\\.ts|\\.fixture\\.ts)$|/test-support/|^test/';
const under = (room) => `^${escape(room)}/`;

/** One rule per room: nothing in it may import a room that comes later. */
const backwardImports = ROOMS.map((room, index) => ({
  name: `room-order:${room}`,
  comment: `${room} is stage ${index + 1}; it may import only ${ROOMS.slice(0, index).join(', ') || 'nothing of the project'}.`,
  severity: 'error',
  from: { path: under(room), pathNot: TEST_FILE },
  to: { path: ROOMS.slice(index + 1).map(under) },
})).filter((rule) => rule.to.path.length > 0);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle of modules: data must flow one way.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...backwardImports,
    {
      name: 'entry-file-only',
      comment: 'Another room is used only through its entry file (index.ts); its other files are its own.',
      severity: 'error',
      from: {
        path: '^(specs/format|specs/build|src/[^/]+|fixtures|suites|reporters|test|bench|bin)/|^[^/]+\\.ts$',
      },
      to: {
        path: `^(${ROOMS.map(escape).join('|')})/`,
        pathNot: [
          '^$1/',
          `^(${ROOMS.map(escape).join('|')})/index\\.ts$`,
          '^specs/build/main\\.ts$',
          TEST_FILE,
        ],
      },
    },
    {
      name: 'test-support-from-tests-only',
      comment:
        'Test support (test/, test-support/, *.fixture.ts) is for tests; production code never imports it.',
      severity: 'error',
      from: { pathNot: TEST_FILE },
      to: { path: TEST_FILE },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|reports|\\.tmp|test-artifacts|specs/operations)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js', '.json'] },
  },
};
