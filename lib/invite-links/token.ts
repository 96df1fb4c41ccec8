export const inviteLinkPath = (token: string) => `/join/${token}`;
