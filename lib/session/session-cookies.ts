/**
 * The cookies Auth.js keeps the database session's token in: the `__Secure-` one
 * when the app's URL is https, the plain one otherwise. Browsers accept a
 * `__Secure-` cookie only from https, so either found is one Auth.js set.
 */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function sessionTokenFrom(cookies: { get(name: string): { value: string } | undefined }): string | null {
  for (const name of SESSION_COOKIES) {
    const value = cookies.get(name)?.value;
    if (value) return value;
  }
  return null;
}
