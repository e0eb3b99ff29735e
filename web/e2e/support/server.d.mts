// Types of server.mjs for the TypeScript tests.
export declare const kDemoPassword: string;

export interface DemoAccount {
  username: string;
  role: string;
  organisation: string;
  /** The second factor's secret, base32, as an authenticator app would hold it. */
  otp_secret: string;
}

export interface NewUser {
  username: string;
  name: string;
  /** The organisation's name, as the demo prints it. */
  organisation: string;
  role: string;
}

export interface TestServer {
  url: string;
  accounts: DemoAccount[];
  /** The account's current second-factor secret; undefined for one without a second factor. */
  otpSecret(username: string): string | undefined;
  /** A code of the account's secret that this server has not accepted yet (waits when none is left). */
  nextOtp(username: string): Promise<string>;
  /** Adds a user with the demo password and no second factor (`meekijk user add`). */
  addUser(user: NewUser): Promise<void>;
  stop: () => Promise<void>;
}

export declare function startServer(): Promise<TestServer>;
