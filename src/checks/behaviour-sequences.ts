import fc from 'fast-check';
import {
  AddToGroup,
  AdminConfirm,
  AdminGetUser,
  ChangeAttribute,
  CreateUser,
  ListUsers,
  ResetPassword,
  SetEnabled,
  SetPassword,
  UpdateImmutable,
} from './behaviour-commands.ts';
import {
  AnswerNewPassword,
  ChangePassword,
  GetUser,
  Refresh,
  RevokeRefreshToken,
  SignIn,
  SignInUnknown,
  SignOut,
} from './behaviour-sign-in.ts';
import type { BehaviourCommand } from './behaviour-model.ts';
import { UpdateClientNameOnly, UpdatePoolIdOnly } from './behaviour-settings.ts';

/**
 * The fixed lifecycles every run walks first, whatever its seed: together they judge every rule of
 * `specs/behaviour-rules.json`, so which rules a target breaks does not depend on the seed. Each runs in a fresh pool.
 * Named for the report (`lifecycle <name>`).
 */
export function behaviourLifecycles(): readonly {
  readonly name: string;
  readonly commands: BehaviourCommand[];
}[] {
  return [
    {
      name: 'temporary-password',
      commands: [
        new CreateUser('admin-temporary'),
        new AdminGetUser(0),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new CreateUser('admin-temporary'),
        new SignIn(1, 'InitiateAuth', 0),
        new AnswerNewPassword(0, false, 'altered'),
        new AnswerNewPassword(0, false, 'valid'),
        new AdminGetUser(1),
        new SignIn(1, 'InitiateAuth', 0),
        new GetUser(0),
        new AnswerNewPassword(0, true, 'altered'),
        new AnswerNewPassword(0, true, 'valid'),
        new AdminGetUser(0),
        new ListUsers(),
        // Last: a target that accepts a short password leaves a user the model no longer predicts.
        new CreateUser('admin-temporary'),
        new SignIn(2, 'InitiateAuth', 1),
        new AnswerNewPassword(0, false, 'short'),
      ],
    },
    {
      name: 'sign-up',
      commands: [
        new CreateUser('sign-up'),
        new AdminGetUser(0),
        new SignIn(0, 'InitiateAuth', 0),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new AdminConfirm(0),
        new AdminGetUser(0),
        new SignIn(0, 'InitiateAuth', 0),
        new CreateUser('sign-up', true),
        new CreateUser('admin-temporary', true),
        new CreateUser('sign-up', false, true),
        new CreateUser('admin-temporary', false, true),
        new ListUsers(),
      ],
    },
    {
      name: 'disable',
      commands: [
        new CreateUser('admin-permanent'),
        new SignIn(0, 'InitiateAuth', 0),
        new SetEnabled(0, false),
        new SignIn(0, 'InitiateAuth', 0),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new GetUser(0),
        new Refresh(0),
        new AdminGetUser(0),
        new ListUsers(),
        new SetEnabled(0, true),
        new AdminGetUser(0),
        new SignIn(0, 'InitiateAuth', 0),
      ],
    },
    {
      name: 'revocation',
      commands: [
        new CreateUser('admin-permanent'),
        new SignIn(0, 'InitiateAuth', 0),
        new GetUser(0),
        new Refresh(0),
        new SignOut(0, false),
        new GetUser(0),
        new Refresh(0),
        new SignIn(0, 'InitiateAuth', 0),
        new SignOut(0, true),
        new GetUser(0),
        new Refresh(0),
        new SignIn(0, 'InitiateAuth', 1),
        new RevokeRefreshToken(0),
        new Refresh(0),
        new GetUser(0),
      ],
    },
    {
      name: 'attributes',
      commands: [
        new CreateUser('admin-permanent'),
        new AddToGroup(0),
        new ChangeAttribute(0, 'given_name', false),
        new ChangeAttribute(0, 'family_name', true),
        new ChangeAttribute(0, 'custom', false),
        new UpdateImmutable(0),
        new AdminGetUser(0),
        new ListUsers(),
        new SignIn(0, 'InitiateAuth', 0),
        new GetUser(0),
        new SignIn(0, 'AdminInitiateAuth', 1),
        new CreateUser('admin-temporary', false, true),
      ],
    },
    {
      name: 'passwords',
      commands: [
        new CreateUser('admin-permanent'),
        new SignIn(0, 'InitiateAuth', 0),
        new ChangePassword(0, false),
        new SignIn(0, 'InitiateAuth', 0, 'previous'),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new ResetPassword(0),
        new AdminGetUser(0),
        new SignIn(0, 'InitiateAuth', 0),
        new SetPassword(0, true, false),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new SetPassword(0, false, false),
        new AdminGetUser(0),
        new SignIn(0, 'InitiateAuth', 0),
        new AnswerNewPassword(0, false, 'valid'),
        new SignIn(0, 'AdminInitiateAuth', 0),
        // Last: a target that accepts a short password leaves a user the model no longer predicts.
        new CreateUser('admin-permanent'),
        new SignIn(1, 'InitiateAuth', 0),
        new ChangePassword(1, true),
        new SetPassword(1, true, true),
      ],
    },
    {
      // The same rules again through the other operation of each pair, so which operation a random sequence
      // happens to use does not decide what a run reports.
      name: 'other-operations',
      commands: [
        new CreateUser('sign-up'),
        new AdminConfirm(0),
        new SignIn(0, 'AdminInitiateAuth', 1),
        new ChangePassword(0, false),
        new SignIn(0, 'AdminInitiateAuth', 0, 'previous'),
        new AdminGetUser(0),
        new ListUsers(),
        new Refresh(0),
        new ResetPassword(0),
        new SignIn(0, 'AdminInitiateAuth', 0),
        new CreateUser('admin-temporary'),
        new SignIn(1, 'AdminInitiateAuth', 1),
        new AnswerNewPassword(0, true, 'valid'),
        new SignIn(1, 'InitiateAuth', 1),
        new SetPassword(1, false, false),
        new SignIn(1, 'AdminInitiateAuth', 0),
        new AnswerNewPassword(0, true, 'short'),
      ],
    },
    {
      name: 'settings',
      commands: [
        new UpdateClientNameOnly(),
        new UpdatePoolIdOnly(),
        new SignInUnknown('InitiateAuth', 0),
        new SignInUnknown('InitiateAuth', 1),
        new SignInUnknown('AdminInitiateAuth', 0),
        new SignInUnknown('AdminInitiateAuth', 1),
      ],
    },
  ];
}

/**
 * What every random sequence starts from, before its generated commands: a user of each kind (confirmed, with a
 * temporary password, signed up) and a sign-in, so that most generated commands find a user they apply to.
 */
export function behaviourPrelude(): BehaviourCommand[] {
  return [
    new CreateUser('admin-permanent'),
    new CreateUser('admin-temporary'),
    new CreateUser('sign-up'),
    new SignIn(0, 'InitiateAuth', 0),
  ];
}

const index = fc.nat({ max: 7 });

/**
 * Random command sequences over the same commands (fast-check `fc.commands`), at most `maxCommands` long; `replayPath`
 * replays a shrunk one.
 */
export function behaviourSequences(
  maxCommands: number,
  replayPath?: string,
): fc.Arbitrary<Iterable<BehaviourCommand>> {
  const via = fc.constantFrom<'InitiateAuth' | 'AdminInitiateAuth'>('InitiateAuth', 'AdminInitiateAuth');
  const client = fc.nat({ max: 1 });
  const commands: fc.Arbitrary<BehaviourCommand>[] = [
    fc
      .tuple(
        fc.constantFrom('sign-up', 'admin-temporary', 'admin-permanent' as const),
        fc.boolean(),
        fc.boolean(),
      )
      .map(
        ([kind, withoutRequired, invalid]) =>
          new CreateUser(kind as 'sign-up', withoutRequired && !invalid, invalid),
      ),
    index.map((i) => new AdminConfirm(i)),
    fc
      .tuple(index, fc.boolean(), fc.boolean())
      .map(([i, permanent, invalid]) => new SetPassword(i, permanent, invalid)),
    fc.tuple(index, fc.boolean()).map(([i, enabled]) => new SetEnabled(i, enabled)),
    fc
      .tuple(index, via, client, fc.constantFrom('current', 'current', 'previous' as const))
      .map(([i, v, c, password]) => new SignIn(i, v, c, password as 'current')),
    fc
      .tuple(index, fc.boolean(), fc.constantFrom('valid', 'valid', 'short', 'altered' as const))
      .map(([i, admin, variant]) => new AnswerNewPassword(i, admin, variant as 'valid')),
    index.map((i) => new GetUser(i)),
    index.map((i) => new Refresh(i)),
    fc.tuple(index, fc.boolean()).map(([i, admin]) => new SignOut(i, admin)),
    index.map((i) => new RevokeRefreshToken(i)),
    fc.tuple(index, fc.boolean()).map(([i, invalid]) => new ChangePassword(i, invalid)),
    index.map((i) => new ResetPassword(i)),
    index.map((i) => new AddToGroup(i)),
    fc
      .tuple(
        index,
        fc.constantFrom('given_name', 'family_name', 'preferred_username', 'custom' as const),
        fc.boolean(),
      )
      .map(([i, attribute, remove]) => new ChangeAttribute(i, attribute as 'custom', remove)),
    index.map((i) => new UpdateImmutable(i)),
    index.map((i) => new AdminGetUser(i)),
    fc.constant(new ListUsers()),
    fc.tuple(via, client).map(([v, c]) => new SignInUnknown(v, c)),
  ];
  return fc.commands(commands, { maxCommands, ...(replayPath !== undefined ? { replayPath } : {}) });
}
