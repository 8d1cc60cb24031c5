import { setPasswords, valueFixup } from './_internals/user-values.ts';

/** ChangePassword: the live user's password as the previous one, a new one the pool's policy accepts. */
export const changePasswordFixup = valueFixup('ChangePassword', (request, context) => {
  if (context.password !== undefined) request.PreviousPassword = context.password;
  setPasswords(request, context, ['ProposedPassword']);
});
