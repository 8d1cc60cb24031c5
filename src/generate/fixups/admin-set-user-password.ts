import { setPasswords, valueFixup } from './_internals/user-values.ts';

/** AdminSetUserPassword: a password the pool's policy accepts. */
export const adminSetUserPasswordFixup = valueFixup('AdminSetUserPassword', (request, context) =>
  setPasswords(request, context, ['Password']),
);
