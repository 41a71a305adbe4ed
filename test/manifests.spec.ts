import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ServiceEnvironment, validateEnvironment } from '@enforcement/platform';
import { evidenceConfigFrom } from '../apps/recording-svc/src/evidence/evidence.config';
import { S3EvidenceStore } from '../apps/recording-svc/src/evidence/s3-evidence.store';
import { declared, missingFrom, root, services, variablesReadByCode } from './deployment-env';

// Issue 12: the Kubernetes manifests (infra/k8s) and docker-compose.yml, rendered and checked against the official
// schemas offline by tools/manifests (kustomize, kubernetes-validate, check-jsonschema; bin/install installs them).
const tool = join(root, 'tools/manifests');
const kustomizations = ['infra/k8s/base', 'infra/k8s/overlays/example'];

function run(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(tool, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Rendered objects are checked field by field below; their full types would add nothing here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

interface K8sObject {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: Loose;
  data?: Record<string, string>;
}

function render(dir: string): K8sObject[] {
  const r = spawnSync(tool, ['render', join(root, dir)], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`tools/manifests render ${dir} failed: ${r.stderr}`);
  return parseAllDocuments(r.stdout).map((d) => d.toJS() as K8sObject);
}

/** A scratch copy of infra/k8s (or the compose file) with one edit, for the checker to refuse. */
function brokenCopy(file: string, from: string | RegExp, to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'manifests-'));
  const target = join(dir, file);
  if (file.startsWith('infra/k8s/')) cpSync(join(root, 'infra/k8s'), join(dir, 'infra/k8s'), { recursive: true });
  else cpSync(join(root, file), target);
  const text = readFileSync(target, 'utf8');
  const edited = text.replace(from, to);
  if (edited === text) throw new Error(`the edit ${String(from)} changed nothing in ${file}`);
  writeFileSync(target, edited);
  return dir;
}

describe('issue 12: deployment files validated offline against the official schemas', () => {
  it('every kustomization under infra/k8s renders, and each object is valid for Kubernetes 1.30 and 1.37 (strict); docker-compose.yml is valid compose-spec', () => {
    const r = run('check');
    expect(r.output).toContain('infra/k8s/base: ');
    expect(r.output).toContain('infra/k8s/overlays/example: ');
    expect(r.output).toMatch(/docker-compose\.yml: valid against the compose-spec schema/);
    expect(r.status).toBe(0);
  });

  it.each([
    [
      'a misspelt field',
      'infra/k8s/base/gateway.yaml',
      'revisionHistoryLimit',
      'revisionHistoryLimt',
      /revisionHistoryLimt/,
    ],
    [
      'a wrong type',
      'infra/k8s/base/recording-svc.yaml',
      'containerPort: 3002',
      'containerPort: http',
      /is not of type 'integer'/,
    ],
    [
      'a field in the wrong place',
      'infra/k8s/base/ingress.yaml',
      'pathType: Prefix',
      'pathType: Prefix\n            port: 80',
      /port/,
    ],
    [
      'a missing resource file',
      'infra/k8s/base/kustomization.yaml',
      '  - storage.yaml',
      '  - storage-gone.yaml',
      /kustomize build failed/,
    ],
    [
      'an overlay with a misspelt field',
      'infra/k8s/overlays/example/storage.yaml',
      'storageClassName: nfs-client',
      'storageClass: nfs-client',
      /storageClass/,
    ],
  ])('a broken copy of the manifests fails: %s', (_what, file, from, to, expected) => {
    const dir = brokenCopy(file, from, to);
    try {
      const r = run('check-k8s', join(dir, 'infra/k8s'));
      expect(r.output).toMatch(expected);
      expect(r.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['an unknown dependency condition', 'condition: service_completed_successfully', 'condition: service_finished'],
    ['a misspelt service key', 'restart: unless-stopped', 'restrat: unless-stopped'],
  ])('a broken copy of docker-compose.yml fails: %s', (_what, from, to) => {
    const dir = brokenCopy('docker-compose.yml', from, to);
    try {
      const r = run('check-compose', join(dir, 'docker-compose.yml'));
      expect(r.output).toContain('docker-compose.yml');
      expect(r.status).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(kustomizations)('%s stays true to the code (issue 12)', (dir) => {
  const objects = render(dir);
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
  const configMap = byKind('ConfigMap').find((o) => o.metadata.name.startsWith('enforcement-config-'))!;
  const readers = variablesReadByCode();
  // Secrets stand in with values of the right shape; the manifests hold references only.
  const secretValue = (key: string) =>
    key.endsWith('database-url')
      ? 'postgres://svc:placeholder@db.example.internal:5432/enforcement'
      : key === 'temporal-payload-keys'
        ? `k1:${randomBytes(32).toString('base64')}`
        : 'placeholder';

  function pod(svc: string) {
    const deployment = byKind('Deployment').find((d) => d.metadata.name === svc);
    expect(deployment).toBeDefined();
    return deployment!.spec!.template;
  }

  /** A container's environment as the pod would see it, and the files its mounted secrets provide. */
  function environment(container: Loose, volumes: Loose[]) {
    const env: Record<string, string> = {};
    for (const from of container.envFrom ?? []) {
      expect(from.configMapRef.name).toBe(configMap.metadata.name);
      Object.assign(env, configMap.data);
    }
    for (const e of container.env ?? []) {
      if ('value' in e) env[e.name] = e.value;
      else if (e.valueFrom?.configMapKeyRef) env[e.name] = configMap.data![e.valueFrom.configMapKeyRef.key];
      else if (e.valueFrom?.secretKeyRef) env[e.name] = secretValue(e.valueFrom.secretKeyRef.key);
    }
    const files = (container.volumeMounts ?? []).flatMap((m: { name: string; mountPath: string }) => {
      const volume = volumes.find((v) => v.name === m.name);
      return (volume?.secret?.items ?? []).map((i: { path: string }) => posix.join(m.mountPath, i.path));
    });
    return { env, files: new Set<string>(files) };
  }

  it.each(services)(
    '%s: every variable the code needs is set, valid for ServiceEnvironment, and every *_FILE is a mounted secret',
    (svc) => {
      const template = pod(svc);
      const container = template.spec.containers.find((c: { name: string }) => c.name === svc);
      const { env, files } = environment(container, template.spec.volumes);
      // A variable read only inside another app's code is that app's business (least privilege: the integrity log's
      // signing key reaches recording-svc alone); everything read in the platform, or declared only, every service needs.
      const needed = [...declared].filter((v) => {
        const where = readers.get(v);
        return !where || [...where].some((w) => w === 'libs/platform' || w === `apps/${svc}`);
      });
      expect(missingFrom(env, needed)).toEqual([]);
      const blank = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
      expect(() => validateEnvironment(ServiceEnvironment, {})(blank)).not.toThrow();
      // A blank *_FILE is unset (validateEnvironment reads '' as absent), e.g. Kafka's client certificate under SCRAM.
      for (const [name, path] of Object.entries(env).filter(([k, v]) => k.endsWith('_FILE') && v !== '')) {
        expect({ name, mounted: files.has(path) }).toEqual({ name, mounted: true });
      }
      expect(container.command).toEqual(['node', `dist/apps/${svc}/src/main.js`]);
      // Migrations: an init step per pod, queued on an advisory lock (libs/platform database/migrate.ts), as the
      // schema's owner; the service runs as its runtime login and never holds the owner's URL (C3).
      const migrate = template.spec.initContainers.find((c: { name: string }) => c.name === 'migrate');
      expect(migrate.command).toEqual(['node', `dist/apps/${svc}/src/migrate.js`]);
      expect(existsSync(join(root, 'apps', svc, 'src/migrate.ts'))).toBe(true);
      const schema = env.DATABASE_SCHEMA;
      const secretOf = (c: Loose, name: string) =>
        (c.env ?? []).find((e: { name: string }) => e.name === name)?.valueFrom?.secretKeyRef?.key;
      expect(secretOf(migrate, 'DATABASE_MIGRATION_URL')).toBe(`${schema}-database-migration-url`);
      expect(secretOf(migrate, 'DATABASE_URL')).toBeUndefined();
      expect(secretOf(container, 'DATABASE_URL')).toBe(`${schema}-database-url`);
      expect(secretOf(container, 'DATABASE_MIGRATION_URL')).toBeUndefined();
      expect(environment(migrate, template.spec.volumes).env.DATABASE_SCHEMA).toBe(schema);
    },
  );

  it.each(services)(
    'C1, C3: %s reaches Kafka over TLS as its own SCRAM user and Temporal over mTLS with its own certificate (in transit)',
    (svc) => {
      const template = pod(svc);
      const { env, files } = environment(template.spec.containers[0], template.spec.volumes);
      expect(env).toMatchObject({ KAFKA_TLS: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', TEMPORAL_TLS: 'true' });
      expect(env.KAFKA_SASL_USERNAME).toBe(svc);
      for (const name of [
        'KAFKA_TLS_CA_FILE',
        'KAFKA_SASL_PASSWORD_FILE',
        'TEMPORAL_TLS_CA_FILE',
        'TEMPORAL_TLS_CERT_FILE',
        'TEMPORAL_TLS_KEY_FILE',
      ]) {
        expect({ name, mounted: files.has(env[name]) }).toEqual({ name, mounted: true });
      }
      // Each service's password and client key come from its own Secret keys, never another service's.
      const schema = env.DATABASE_SCHEMA;
      const keys = template.spec.volumes.flatMap((v: Loose) =>
        (v.secret?.items ?? []).map((i: { key: string }) => i.key),
      );
      expect(keys).toEqual(expect.arrayContaining([`${schema}-kafka-password`, `${schema}-temporal-client-key.pem`]));
      expect(
        keys.filter((k: string) => /-kafka-password$|-temporal-client/.test(k) && !k.startsWith(`${schema}-`)),
      ).toEqual([]);
    },
  );

  it('recording-svc keeps evidence in the S3-compatible store, so every replica sees every file (R5-R7)', () => {
    const template = pod('recording-svc');
    const { env, files } = environment(template.spec.containers[0], template.spec.volumes);
    expect(files.has(env.EVIDENCE_S3_SECRET_ACCESS_KEY_FILE)).toBe(true);
    const config = evidenceConfigFrom({ ...env, EVIDENCE_S3_SECRET_ACCESS_KEY: 'placeholder' });
    expect(config.store).toBeInstanceOf(S3EvidenceStore);
    // Staged uploads on the shared volume: a resumed upload may reach another replica.
    const mounts = template.spec.containers[0].volumeMounts.map((m: { mountPath: string }) => m.mountPath);
    expect(mounts.some((m: string) => config.stagingDir.startsWith(`${m}/`))).toBe(true);
  });

  it('C1, R8: only the gateway takes traffic from outside; no Temporal Web UI; no secret value in the manifests', () => {
    for (const ingress of byKind('Ingress')) {
      const backends = ingress.spec!.rules.flatMap((r: Loose) =>
        r.http.paths.map((p: Loose) => p.backend.service.name),
      );
      expect(new Set(backends)).toEqual(new Set(['gateway']));
    }
    for (const service of byKind('Service')) expect(service.spec!.type ?? 'ClusterIP').toBe('ClusterIP');
    expect(JSON.stringify(objects)).not.toMatch(/temporalio\/ui|temporal-ui/);
    expect(byKind('Secret')).toEqual([]);
    for (const [key, value] of Object.entries(configMap.data!)) {
      expect({
        key,
        secretLooking:
          /PASSWORD|SECRET_ACCESS_KEY$|PAYLOAD_KEYS|PRIVATE/.test(key) || /BEGIN |:\/\/[^/]*:[^/]*@/.test(value),
      }).toEqual({ key, secretLooking: false });
    }
    const policies = byKind('NetworkPolicy');
    const deny = policies.find((p) => p.metadata.name === 'default-deny')!;
    expect(deny.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    // Ingress from outside the namespace reaches the gateway's API port and the services' metrics port, nothing else.
    for (const policy of policies) {
      for (const rule of policy.spec!.ingress ?? []) {
        const fromOutside = rule.from.some((f: { namespaceSelector?: unknown }) => f.namespaceSelector);
        if (!fromOutside) continue;
        const ports = rule.ports.map((p: { port: string }) => p.port);
        const target = policy.spec!.podSelector.matchLabels?.['app.kubernetes.io/name'];
        expect(ports.every((p: string) => p === 'metrics' || (p === 'http' && target === 'gateway'))).toBe(true);
      }
    }
  });

  it.each(services)(
    '%s: probes on /health, a named metrics port Prometheus is told about, hardened, bounded, disruption-budgeted',
    (svc) => {
      const template = pod(svc);
      const c = template.spec.containers[0];
      expect(c.readinessProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(c.startupProbe.httpGet).toEqual({ path: '/health', port: 'http' });
      expect(c.livenessProbe).toBeDefined();
      const metrics = c.ports.find((p: { name: string }) => p.name === 'metrics');
      expect(String(metrics.containerPort)).toBe(configMap.data!.METRICS_PORT);
      expect(template.metadata.annotations).toMatchObject({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': configMap.data!.METRICS_PORT,
        'prometheus.io/path': '/metrics',
      });
      expect(template.spec.securityContext.runAsNonRoot).toBe(true);
      for (const container of [...template.spec.initContainers, ...template.spec.containers]) {
        expect(container.securityContext).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
        });
        expect(Object.keys(container.resources).sort()).toEqual(['limits', 'requests']);
      }
      expect(
        byKind('PodDisruptionBudget').some((p) => p.spec!.selector.matchLabels['app.kubernetes.io/name'] === svc),
      ).toBe(true);
    },
  );

  it('the stateless services scale on CPU (HorizontalPodAutoscaler): the gateway and disclosure-svc', () => {
    const scaled = byKind('HorizontalPodAutoscaler').map((h) => h.spec!.scaleTargetRef.name);
    expect(scaled.sort()).toEqual(['disclosure-svc', 'gateway']);
  });
});
