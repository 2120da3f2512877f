// The tool's name and version as recorded in every result (from package.json, read once).
import { readFileSync } from 'node:fs';

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };

export const TOOL: { name: string; version: string } = { name: PACKAGE.name, version: PACKAGE.version };
