import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { declared, missingFrom, root, services, variablesReadByCode } from './deployment-env';

describe('docker-compose.yml stays true to the code', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { environment?: Record<string, unknown>; command?: string[] }>;
  };

  it('every variable the code reads is declared (and so validated at start) in ServiceEnvironment', () => {
    const read = new Set(variablesReadByCode().keys());
    expect(read.size).toBeGreaterThanOrEqual(8);
    const undeclared = [...read].filter((v) => !declared.has(v));
    expect(undeclared).toEqual([]);
  });

  it.each(services)('%s: every declared variable is set in its compose environment', (svc) => {
    const env = compose.services[svc]?.environment ?? {};
    expect(missingFrom(env)).toEqual([]);
    expect(compose.services[svc].command).toEqual(['node', `dist/apps/${svc}/src/main.js`]);
  });

  it.each(services)(
    'C3: %s is migrated first by its own step as the schema owner, and runs as a login that cannot change the schema',
    (svc) => {
      const schema = svc === 'gateway' ? 'gateway' : svc.replace(/-svc$/, '');
      const all = compose.services as Record<string, Record<string, unknown>>;
      const migrate = all[`${schema}-migrate`] as { command: string[]; environment: Record<string, string> };
      expect(migrate.command).toEqual(['node', `dist/apps/${svc}/src/migrate.js`]);
      expect(migrate.environment.DATABASE_SCHEMA).toBe(schema);
      expect(migrate.environment.DATABASE_MIGRATION_URL).toMatch(new RegExp(`^postgres://${schema}_owner:\\$\\{`));
      const env = compose.services[svc].environment!;
      expect(env.DATABASE_URL).toMatch(new RegExp(`^postgres://${schema}_svc:\\$\\{`));
      expect(env).not.toHaveProperty('DATABASE_MIGRATION_URL');
      expect((all[svc].depends_on as Record<string, unknown>)[`${schema}-migrate`]).toEqual({
        condition: 'service_completed_successfully',
      });
    },
  );

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

  it('C1, C3 (issue 12, in transit): the set-up steps run the image’s code with every transport variable the services get', () => {
    const transport = Object.keys(compose.services['recording-svc'].environment ?? {}).filter(
      (name) => /^(KAFKA|TEMPORAL)_/.test(name) && name !== 'TEMPORAL_PAYLOAD_KEYS',
    );
    expect(transport).toEqual(
      expect.arrayContaining(['KAFKA_TLS', 'KAFKA_SASL_PASSWORD_FILE', 'TEMPORAL_TLS_CERT_FILE']),
    );
    const steps = {
      'kafka-topics': ['node', 'dist/libs/platform/src/setup/create-topics.js', '/topics'],
      'temporal-setup': ['node', 'dist/libs/platform/src/setup/setup-namespace.js'],
    };
    for (const [step, command] of Object.entries(steps)) {
      const svc = compose.services[step];
      expect(svc.command).toEqual(command);
      for (const name of transport) {
        expect([step, name, svc.environment?.[name]]).toEqual([
          step,
          name,
          compose.services['recording-svc'].environment?.[name],
        ]);
      }
    }
  });

  it('compose and the local stack create the same Kafka topics from the same list, and no secret is in the file', () => {
    const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
    expect(text).toContain('./infra/kafka/topics:/topics');
    expect(text).not.toMatch(/PASSWORD:\s*['"]?[A-Za-z0-9]{6,}['"]?\s*$/m);
  });
});
