import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { isRole, type Role } from '@enforcement/domain';
import { AppError } from '@enforcement/platform';

/** One person of the agency's user directory: who they are, what roles they hold, in which unit. */
export interface DirectoryPerson {
  id: string;
  name: string;
  roles: Role[];
  unitId: string;
}

/** The demo users of the local issuer, from the built service (dist/apps/…/devices) or the sources (apps/…/devices). */
const DEMO_USERS = [
  resolve(__dirname, '../../../../infra/local/demo-users.json'),
  resolve(__dirname, '../../../../../infra/local/demo-users.json'),
];

/**
 * Where the directory is: `USER_DIRECTORY_PATH`; else, on a local or test stack only, the demo users the gateway's
 * sign-in lists (the same people the tokens name); else none — production must say where its people are.
 */
export function directoryFile(env: { file?: string; nodeEnv?: string }): string | null {
  if (env.file) return env.file;
  if (env.nodeEnv !== 'development' && env.nodeEnv !== 'test') return null;
  return DEMO_USERS.find((f) => existsSync(f)) ?? null;
}

/** The people of a directory file; an entry without an id, a unit or a known role is left out (it names nobody). */
export function parseDirectory(text: string): DirectoryPerson[] {
  const parsed = JSON.parse(text) as { users?: unknown };
  if (!Array.isArray(parsed.users)) throw new Error('the directory has no "users" list');
  return parsed.users.flatMap((u: Record<string, unknown>) => {
    if (typeof u?.id !== 'string' || typeof u.unitId !== 'string' || !Array.isArray(u.roles)) return [];
    const roles = u.roles.filter(isRole);
    return roles.length === 0
      ? []
      : [{ id: u.id, name: typeof u.name === 'string' ? u.name : u.id, roles, unitId: u.unitId }];
  });
}

/**
 * 人员名录 for R11's ratio of body cameras to officers (seed 000: 每5名执法人员至少配备一台执法记录仪). Identities come
 * from the identity provider, which lists nobody (docs/architecture.md: no user directory of our own), so the agency
 * exports its people into a file; it is read on every request, so a new export counts without a restart. No file, or
 * one that cannot be read, is a 503 in both languages: a silent zero officers would show every unit as covered.
 */
@Injectable()
export class UserDirectory {
  private readonly file: string | null;

  constructor(config: ConfigService) {
    this.file = directoryFile({
      file: config.get<string>('USER_DIRECTORY_PATH'),
      nodeEnv: config.get<string>('NODE_ENV'),
    });
  }

  people(): DirectoryPerson[] {
    if (this.file === null) {
      throw unavailable(
        '未配置人员名录（USER_DIRECTORY_PATH）',
        'no user directory is configured (USER_DIRECTORY_PATH)',
      );
    }
    try {
      return parseDirectory(readFileSync(this.file, 'utf8'));
    } catch (err) {
      throw unavailable('人员名录无法读取', `the user directory cannot be read (${(err as Error).message})`);
    }
  }
}

function unavailable(zh: string, en: string): AppError {
  return new AppError('DEVICE.DIRECTORY_UNAVAILABLE', HttpStatus.SERVICE_UNAVAILABLE, {
    zh: `${zh}，无法统计各单位执法人员`,
    en: `${en}, so the officers of each unit cannot be counted`,
  });
}
