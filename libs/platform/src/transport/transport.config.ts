import { registerDecorator, type ValidationArguments } from 'class-validator';

/**
 * Encryption and authentication in transit to Kafka and Temporal (C1, C3: records and the audit trail's facts cross
 * the network between hosts). Off by default, so the local and test stacks keep talking in clear on loopback; an
 * agency's deployment turns them on from its environment (README "Configuration", infra/k8s). Only file paths and names
 * live here: certificates, keys and passwords are read from the files (mounted secrets) when the clients are built.
 */
export const KAFKA_SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

type Env = Record<string, unknown>;

const set = (o: Env, name: string) => o[name] !== undefined && o[name] !== '';
const on = (o: Env, name: string) => o[name] === 'true';

/**
 * Checks one variable against the others. `problem` returns what is wrong (naming the variable, never its value, so
 * a start-up error cannot print a password) or undefined. It runs whether the variable is set or not: a missing half of
 * a pair is the error it exists to catch.
 */
function Check(problem: (o: Env, value: unknown) => string | undefined): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'transportCheck',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown, args: ValidationArguments) => problem(args.object as Env, value) === undefined,
        defaultMessage: (args?: ValidationArguments) => problem(args!.object as Env, args!.value) ?? '',
      },
    });
  };
}

const flag = (name: string) => (_o: Env, v: unknown) =>
  v === 'true' || v === 'false' ? undefined : `${name} must be true or false`;

const text = (name: string, v: unknown) =>
  v !== undefined && (typeof v !== 'string' || v.trim() === '') ? `${name} must be a non-empty string` : undefined;

/** A TLS setting is only read with its switch on: set without it, the operator believes in TLS that is not there. */
const needsSwitch = (name: string, tls: string) => (o: Env, v: unknown) =>
  text(name, v) ?? (set(o, name) && !on(o, tls) ? `${name} is set but ${tls} is not true` : undefined);

/** A client certificate and its key come together (mTLS): one without the other refuses to start. */
const pairedWith = (name: string, other: string, tls: string) => (o: Env, v: unknown) =>
  needsSwitch(name, tls)(o, v) ??
  (set(o, other) && !set(o, name)
    ? `${name} is required with ${other} (a client certificate needs its key)`
    : undefined);

/** A SASL credential: exactly one of the inline and the *_FILE form, and only with a mechanism. */
const credential = (name: string, inline: string, file: string) => (o: Env, v: unknown) => {
  const problem = text(name, v);
  if (problem) return problem;
  if (set(o, inline) && set(o, file)) return `set ${inline} or ${file}, not both`;
  if (name === inline && set(o, 'KAFKA_SASL_MECHANISM') && !set(o, inline) && !set(o, file)) {
    return `${inline} (or ${file}) is required with KAFKA_SASL_MECHANISM`;
  }
  return undefined;
};

export class TransportEnvironment {
  /** `true`: TLS to every broker, its certificate checked against the CA and the broker's host name. */
  @Check(flag('KAFKA_TLS'))
  KAFKA_TLS: string = 'false';

  /** PEM of the CA that signed the brokers' certificates; unset, the system's CAs. */
  @Check(needsSwitch('KAFKA_TLS_CA_FILE', 'KAFKA_TLS'))
  KAFKA_TLS_CA_FILE?: string;

  /** PEM certificate and key of this service, for brokers that require client certificates (mTLS). */
  @Check(pairedWith('KAFKA_TLS_CERT_FILE', 'KAFKA_TLS_KEY_FILE', 'KAFKA_TLS'))
  KAFKA_TLS_CERT_FILE?: string;

  @Check(pairedWith('KAFKA_TLS_KEY_FILE', 'KAFKA_TLS_CERT_FILE', 'KAFKA_TLS'))
  KAFKA_TLS_KEY_FILE?: string;

  /**
   * SASL authentication to the brokers: `scram-sha-512` (the password never crosses the wire), `scram-sha-256`, or
   * `plain` (the password is sent as it is, so only over TLS). Unset, no SASL.
   */
  @Check((o, v) => {
    if (v !== undefined && !(KAFKA_SASL_MECHANISMS as readonly unknown[]).includes(v)) {
      return `KAFKA_SASL_MECHANISM must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}`;
    }
    const given = [
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_USERNAME_FILE',
      'KAFKA_SASL_PASSWORD',
      'KAFKA_SASL_PASSWORD_FILE',
    ];
    const orphan = given.find((n) => set(o, n));
    if (v === undefined && orphan) return `KAFKA_SASL_MECHANISM is required when ${orphan} is set`;
    if (v === 'plain' && !on(o, 'KAFKA_TLS'))
      return 'KAFKA_SASL_MECHANISM plain sends the password in clear: set KAFKA_TLS=true';
    return undefined;
  })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  /** The service's SASL user, inline … */
  @Check(credential('KAFKA_SASL_USERNAME', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_USERNAME_FILE'))
  KAFKA_SASL_USERNAME?: string;

  /** … or in a file (a mounted secret). */
  @Check(credential('KAFKA_SASL_USERNAME_FILE', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_USERNAME_FILE'))
  KAFKA_SASL_USERNAME_FILE?: string;

  /** Its password, inline … */
  @Check(credential('KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'))
  KAFKA_SASL_PASSWORD?: string;

  /** … or in a file (a mounted secret; one trailing line break is ignored). */
  @Check(credential('KAFKA_SASL_PASSWORD_FILE', 'KAFKA_SASL_PASSWORD', 'KAFKA_SASL_PASSWORD_FILE'))
  KAFKA_SASL_PASSWORD_FILE?: string;

  /** `true`: TLS to the Temporal frontend, for every client and worker connection. */
  @Check(flag('TEMPORAL_TLS'))
  TEMPORAL_TLS: string = 'false';

  /** PEM of the CA that signed the frontend's certificate; unset, the system's CAs. */
  @Check(needsSwitch('TEMPORAL_TLS_CA_FILE', 'TEMPORAL_TLS'))
  TEMPORAL_TLS_CA_FILE?: string;

  /** PEM certificate and key of this service, for a frontend that requires client certificates (mTLS). */
  @Check(pairedWith('TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS'))
  TEMPORAL_TLS_CERT_FILE?: string;

  @Check(pairedWith('TEMPORAL_TLS_KEY_FILE', 'TEMPORAL_TLS_CERT_FILE', 'TEMPORAL_TLS'))
  TEMPORAL_TLS_KEY_FILE?: string;

  /** The name the frontend's certificate must carry, when TEMPORAL_ADDRESS is not it (an address, a proxy). */
  @Check(needsSwitch('TEMPORAL_TLS_SERVER_NAME', 'TEMPORAL_TLS'))
  TEMPORAL_TLS_SERVER_NAME?: string;
}
