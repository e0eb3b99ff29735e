// Codes of the second factor as people type them. The server wants the app's six digits exactly
// and ignores dashes, spaces and case in a recovery code (XXXX-XXXX-XXXX-XXXX), so spaces go:
// "123 456", as some apps show it, becomes "123456".

export function normaliseOtp(typed: string): string {
  return typed.replace(/\s+/g, '');
}

/** A base32 secret in groups of four, easier to read and to type over ("ABCD EFGH …"). */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}
