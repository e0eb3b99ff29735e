// Types of totp.mjs for the TypeScript tests.
export declare function codeForStep(secret: string, step: number): string;
export declare function nextCode(username: string, secret: string): Promise<string>;
