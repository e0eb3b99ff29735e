// Types of server.mjs for the TypeScript tests.
export declare const kDemoPassword: string;

export interface DemoAccount {
  username: string;
  role: string;
  organisation: string;
}

export interface TestServer {
  url: string;
  accounts: DemoAccount[];
  stop: () => Promise<void>;
}

export declare function startServer(): Promise<TestServer>;
