import 'reflect-metadata';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { ServiceEnvironment } from '@enforcement/platform';

const root = join(__dirname, '..');
const services = ['gateway', 'review-svc', 'recording-svc', 'disclosure-svc'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(name) && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** Every environment variable the services' code reads, found in the code itself. */
function variablesReadByCode(): Set<string> {
  const found = new Set<string>();
  const files = [...services.map((s) => join(root, 'apps', s, 'src')), join(root, 'libs/platform/src')].flatMap(
    sources,
  );
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:getOrThrow|\bget)(?:<[^>]*>)?\('([A-Z][A-Z0-9_]+)'\)/g)) found.add(m[1]);
    for (const m of text.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)) found.add(m[1]);
  }
  return found;
}

const declared = new Set(
  getMetadataStorage()
    .getTargetValidationMetadatas(ServiceEnvironment, '', true, false)
    .map((m) => m.propertyName),
);
// One of the two forms of a key (the token issuer's, the integrity log's) is enough.
const alternatives = [
  ['JWT_PUBLIC_KEY', 'JWT_PUBLIC_KEY_FILE'],
  ['INTEGRITY_SIGNING_KEY', 'INTEGRITY_SIGNING_KEY_FILE'],
];

describe('docker-compose.yml stays true to the code', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, unknown>; command?: string[] }>;
  };

  it('every variable the code reads is declared (and so validated at start) in ServiceEnvironment', () => {
    const read = variablesReadByCode();
    expect(read.size).toBeGreaterThanOrEqual(8);
    const undeclared = [...read].filter((v) => !declared.has(v));
    expect(undeclared).toEqual([]);
  });

  it.each(services)('%s: every declared variable is set in its compose environment', (svc) => {
    const env = compose.services[svc]?.environment ?? {};
    const missing = [...declared].filter((v) => {
      if (v in env) return false;
      const alt = alternatives.find((group) => group.includes(v));
      return !alt?.some((other) => other in env);
    });
    expect(missing).toEqual([]);
    expect(compose.services[svc].command).toEqual(['node', `dist/apps/${svc}/src/main.js`]);
  });

  it('C1, R8 (issue 12): the Temporal Web UI and the servers behind the services are published on no public interface', () => {
    const published = Object.entries(compose.services).flatMap(([name, svc]) =>
      ((svc as { ports?: unknown[] }).ports ?? []).map((port) => ({ name, port: String(port) })),
    );
    const ui = published.filter((p) => p.name === 'temporal-ui');
    expect(ui.length).toBeGreaterThan(0);
    // Short syntax host:container is every interface; only 127.0.0.1:host:container stays on the host.
    for (const p of published.filter((p) => p.name !== 'gateway')) expect(p.port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
  });

  it('C1, R8 (issue 12): every service takes the payload codec’s keys from the environment, never from the file', () => {
    for (const svc of services) {
      expect(compose.services[svc].environment?.TEMPORAL_PAYLOAD_KEYS).toBe(
        '${TEMPORAL_PAYLOAD_KEYS:?set TEMPORAL_PAYLOAD_KEYS}',
      );
    }
  });

  it('compose and the local stack create the same Kafka topics from the same list, and no secret is in the file', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).toContain('./infra/kafka/topics:/topics');
    expect(text).not.toMatch(/PASSWORD:\s*['"]?[A-Za-z0-9]{6,}['"]?\s*$/m);
  });
});
