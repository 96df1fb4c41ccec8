export const invitationPath = (token: string) => `/invite/${token}`;
