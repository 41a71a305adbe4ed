import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';
import { TestPki } from './test-pki';

export interface BrokerUser {
  name: string;
  password: string;
}

/**
 * A one-node Kafka (KRaft) of the jars infra/local/stack installs, whose client listener is SASL_SSL only: TLS with a
 * certificate from a test CA for 127.0.0.1, and PLAIN and SCRAM-SHA-512 users. The controller and the broker's own
 * listener stay on loopback in clear; no client of the test uses them. Only the process started here is stopped.
 */
export class SaslSslBroker {
  private process?: ChildProcess;
  port = 0;
  caFile = '';

  constructor(
    private readonly dir: string,
    private readonly users: { plain: BrokerUser; scram: BrokerUser },
  ) {}

  static jars(root: string): string {
    return join(root, '.local/opt/kafka/libs');
  }

  async start(root: string): Promise<void> {
    const libs = SaslSslBroker.jars(root);
    if (!existsSync(libs))
      throw new Error(`Kafka's jars are not at ${libs}: run infra/local/stack up (or bin/install) once`);
    const pki = new TestPki(this.dir);
    const ca = pki.ca('kafka-test-ca');
    const server = pki.leaf('kafka-broker', ca, 'serverAuth', 'IP:127.0.0.1');
    const storePassword = randomBytes(12).toString('hex');
    const keystore = pki.keystore('kafka-broker', server, ca, storePassword);
    this.caFile = ca.cert;
    this.port = await freePort();
    const internal = await freePort();
    const controller = await freePort();
    const data = join(this.dir, 'data');
    mkdirSync(data, { recursive: true });
    const { plain, scram } = this.users;
    const properties = join(this.dir, 'server.properties');
    writeFileSync(
      properties,
      [
        'process.roles=broker,controller',
        'node.id=1',
        `controller.quorum.voters=1@127.0.0.1:${controller}`,
        `listeners=SASL_SSL://127.0.0.1:${this.port},INTERNAL://127.0.0.1:${internal},CONTROLLER://127.0.0.1:${controller}`,
        `advertised.listeners=SASL_SSL://127.0.0.1:${this.port},INTERNAL://127.0.0.1:${internal}`,
        'listener.security.protocol.map=SASL_SSL:SASL_SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name=INTERNAL',
        'controller.listener.names=CONTROLLER',
        'sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-512',
        `listener.name.sasl_ssl.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_${plain.name}="${plain.password}";`,
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;',
        'ssl.keystore.type=PKCS12',
        `ssl.keystore.location=${keystore}`,
        `ssl.keystore.password=${storePassword}`,
        `ssl.key.password=${storePassword}`,
        'ssl.client.auth=none',
        `log.dirs=${data}`,
        'offsets.topic.replication.factor=1',
        'transaction.state.log.replication.factor=1',
        'transaction.state.log.min.isr=1',
        'group.initial.rebalance.delay.ms=0',
        'auto.create.topics.enable=false',
      ].join('\n'),
    );
    const java = [
      '-Xms128m',
      '-Xmx384m',
      '-XX:+UseSerialGC',
      '-XX:TieredStopAtLevel=1',
      '-Djava.awt.headless=true',
      `-Dlog4j.configuration=file:${join(root, 'infra/kafka/log4j.properties')}`,
      `-Dkafka.logs.dir=${this.dir}`,
      '-cp',
      `${libs}/*`,
    ];
    // KRaft keeps SCRAM credentials in its metadata log: they are written when the storage is formatted (KIP-900).
    const clusterId = randomBytes(16).toString('base64url');
    execFileSync(
      'java',
      [
        ...java,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        clusterId,
        '-c',
        properties,
        '--add-scram',
        `SCRAM-SHA-512=[name=${scram.name},password=${scram.password}]`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 },
    );
    const log = openSync(join(this.dir, 'broker.log'), 'a');
    this.process = spawn('java', [...java, 'kafka.Kafka', properties], { stdio: ['ignore', log, log] });
  }

  /**
   * Waits until `probe` (a client of the test's getting through TLS and SASL) succeeds: a JVM starts slowly on a busy
   * machine. A broker that never answers fails the test with the end of its log.
   */
  async ready(probe: () => Promise<void>, timeoutMs = 150_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        return await probe();
      } catch (err) {
        if (Date.now() > deadline) throw new Error(`the test broker did not come up: ${String(err)}\n${this.log()}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }

  log(): string {
    const file = join(this.dir, 'broker.log');
    return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-30).join('\n') : '';
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
