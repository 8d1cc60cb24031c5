import { newUsername, setPasswords, valueFixup } from './_internals/user-values.ts';

/**
 * AdminCreateUser: a new user name, no invitation sent (`MessageAction: SUPPRESS`, so no delivery medium, which only
 * says how to send one), a temporary password the policy accepts.
 */
export const adminCreateUserFixup = valueFixup('AdminCreateUser', (request, context) => {
  request.Username = newUsername(context, 'user');
  request.MessageAction = 'SUPPRESS';
  delete request.DesiredDeliveryMediums;
  setPasswords(request, context, [], ['TemporaryPassword']);
});
