import { transportHint } from './transport-errors';

// Issue 12, in transit: a refused connection's one line names the variables to look at, never a value.
describe('C1, C3: in transit — a start-up failure names the transport variables to check', () => {
  it('C1: a SASL authentication failure (kafkajs) points at the SASL user and password', () => {
    const err = Object.assign(new Error('SASL SCRAM SHA512 authentication failed for principal recording-svc'), {
      name: 'KafkaJSSASLAuthenticationError',
    });
    expect(transportHint(err)).toBe(
      'SASL SCRAM SHA512 authentication failed for principal recording-svc (check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, or their *_FILE)',
    );
  });

  it('C1: a failure wrapped by kafkajs is recognised by its cause', () => {
    const cause = Object.assign(new Error('SASL PLAIN authentication failed: Authentication failed'), {
      name: 'KafkaJSSASLAuthenticationError',
    });
    const err = Object.assign(new Error('Connection error'), { name: 'KafkaJSNonRetriableError', cause });
    expect(transportHint(err)).toMatch(/^Connection error \(check KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/);
  });

  it('C1: an untrusted Temporal certificate points at the TEMPORAL_TLS variables', () => {
    const err = new Error('transport error: invalid peer certificate: InvalidCertificate(UnknownIssuer)');
    expect(transportHint(err)).toMatch(/\(check TEMPORAL_ADDRESS, TEMPORAL_TLS_CA_FILE, TEMPORAL_TLS_SERVER_NAME/);
  });

  it('C3: anything else passes through unchanged', () => {
    expect(transportHint(new Error('relation "cases" does not exist'))).toBe('relation "cases" does not exist');
    expect(transportHint('plain text')).toBe('plain text');
  });
});
