export const INVALID_INVITATION_TEXT =
  "This invitation link has expired, has been used or withdrawn, or was replaced by a newer one. Ask the person who invited you to send a new invitation.";
