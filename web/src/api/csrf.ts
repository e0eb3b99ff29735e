// The CSRF token of the cookie session, kept in memory only: it comes with the log-in answer and
// with GET /api/v1/me after a reload, and goes on every unsafe request as X-CSRF-Token.

let token: string | null = null;

export function setCsrfToken(value: string | null | undefined): void {
  token = value ?? null;
}

export function csrfToken(): string | null {
  return token;
}
