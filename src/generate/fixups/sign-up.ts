import { newUsername, setPasswords, valueFixup } from './_internals/user-values.ts';

/** SignUp: a new user name and a password the pool's policy accepts (`PasswordType`: the policy decides). */
export const signUpFixup = valueFixup('SignUp', (request, context) => {
  request.Username = newUsername(context, 'signup');
  setPasswords(request, context, ['Password']);
});
