// The part of Framework's internal API the tests use (the package ships no types).
declare module "@observablehq/framework/dist/config.js" {
  export interface Config {
    root: string;
    paths(): AsyncIterable<string>;
  }
  export function readConfig(configPath?: string, root?: string): Promise<Config>;
}
