/** Find a system browser: the path in an environment variable, else the first usual install path that exists. */
import { existsSync } from 'node:fs';

export function findBrowser(name: string, envVar: string, candidates: string[], install: string): string {
  const fromEnv = process.env[envVar];
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`${envVar}=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`No ${name} found. Install it (${install}) or set ${envVar}=/path/to/${name.toLowerCase()}.`);
  return found;
}
