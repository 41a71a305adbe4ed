import { readFileSync } from 'node:fs';
import { ConfigurationError } from '../config/service-config';

/** Reads one validated setting by name (a ConfigService's `get`, or a validated environment object in a test). */
export type Setting = (name: string) => string | undefined;

/**
 * The bytes of a file a variable names (a certificate, a key, a password — mounted secrets). An unreadable file stops
 * the start with the variable and the path named; the content never appears in a message.
 */
export function fileOf(setting: Setting, name: string): Buffer | undefined {
  const path = setting(name);
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (err) {
    throw new ConfigurationError(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** An inline value or the content of its *_FILE form; a file's one trailing line break (`echo … > file`) is not part of it. */
export function valueOrFile(setting: Setting, name: string): string | undefined {
  const inline = setting(name);
  if (inline) return inline;
  const file = fileOf(setting, `${name}_FILE`);
  if (!file) return undefined;
  const value = file.toString('utf8').replace(/\r?\n$/, '');
  if (value === '') throw new ConfigurationError(`${name}_FILE: the file is empty`);
  return value;
}
