import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { ServiceEnvironment } from '@enforcement/platform';

/** What docker-compose.yml and infra/k8s must give each service, derived from the code (test/compose.spec.ts, test/manifests.spec.ts). */
export const root = join(__dirname, '..');
export const services = ['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every environment variable the services' code reads, found in the code itself, with where it is read. */
export function variablesReadByCode(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const dirs = [...services.map((s) => join(root, 'apps', s, 'src')), join(root, 'libs/platform/src')];
  for (const dir of dirs) {
    const where = relative(root, dir).split('/').slice(0, 2).join('/');
    for (const file of sources(dir)) {
      const text = readFileSync(file, 'utf8');
      const names = [
        ...[...text.matchAll(/(?:getOrThrow|\bget)(?:<[^>]*>)?\('([A-Z][A-Z0-9_]+)'\)/g)].map((m) => m[1]),
        ...[...text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]),
      ];
      for (const name of names) found.set(name, (found.get(name) ?? new Set()).add(where));
    }
  }
  return found;
}

/** The variables ServiceEnvironment declares, and so validates at every service's start. */
export const declared = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(ServiceEnvironment, '', true, false)
    .map((m) => m.propertyName),
);

/** One of the two forms of a key (the token issuer's, the integrity log's, Kafka's SASL user and password) is enough. */
export const alternatives = [
  ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE'],
  ['INTEGRITY_SIGNING_KEY', 'INTEGRITY_SIGNING_KEY_FILE'],
  ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_USERNAME_FILE'],
  ['KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'],
];

/** The declared variables `env` lacks (either form of a key counts). */
export function missingFrom(env: Record<string, unknown>, needed: Iterable<string> = declared): string[] {
  return [...needed].filter((v) => {
    if (v in env) return false;
    const alt = alternatives.find((group) => group.includes(v));
    return !alt?.some((other) => other in env);
  });
}
