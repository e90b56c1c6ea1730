#!/usr/bin/env node
// Launcher: Node 20 cannot run TypeScript, and the CLI must work right after `npm install` with no build
// step, so register tsx in this process and import the TypeScript entry. It reads process.argv and sets
// process.exitCode itself, so argv, stdio and the exit status pass straight through.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../cli/main.ts', import.meta.url).href);
