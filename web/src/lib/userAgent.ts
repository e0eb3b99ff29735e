// A browser's User-Agent header in a few words, for the user's list of sessions: "Chrome 131 on
// Linux" is what a person recognises. Pure; an agent it does not know is shown as it came.

export interface AgentParts {
  /** "Firefox 133", or null when no known browser is named. */
  browser: string | null;
  /** "Windows", or null when no known system is named. */
  os: string | null;
}

// Order matters: Edge and Opera name Chrome too, and Chrome names Safari.
const kBrowsers: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)[.\d]* (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

const kSystems: readonly [RegExp, string][] = [
  [/\bWindows\b/, 'Windows'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

export function describeUserAgent(agent: string): AgentParts {
  let browser: string | null = null;
  for (const [pattern, name] of kBrowsers) {
    const match = pattern.exec(agent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const os = kSystems.find(([pattern]) => pattern.test(agent))?.[1] ?? null;
  return { browser, os };
}
