export const INVALID_INVITE_LINK_TEXT =
  "This invite link has expired, has been used up or revoked, or never existed. Ask someone in the workspace for a new link.";
