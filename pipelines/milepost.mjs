#!/usr/bin/env node
// The `milepost` command (package.json "bin"). It loads TypeScript through tsx, so a checkout
// needs no build step: `npx milepost <command>`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
