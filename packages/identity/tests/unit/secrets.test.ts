import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsAccessFromEnv, createSecretResolver, SecretUnavailableError } from '../../src/index.js';
import { startSsmServer, TEST_AWS, type SsmServer } from '../helpers/index.js';

describe('createSecretResolver', () => {
  let ssm: SsmServer;
  beforeAll(async () => {
    ssm = await startSsmServer({ '/wikibot/dev/mcp-api-key': 'key-from-ssm' });
  });
  afterAll(() => ssm.close());

  it('returns a literal value as is, without AWS', async () => {
    const secrets = createSecretResolver();
    await expect(secrets.resolve({ kind: 'value', value: 'local-key' })).resolves.toBe('local-key');
  });

  it('reads an SSM parameter with a signed, decrypting GetParameter call and caches it', async () => {
    // Prepare
    const secrets = createSecretResolver({ aws: TEST_AWS, endpoint: ssm.endpoint });
    const ref = { kind: 'ssm', name: '/wikibot/dev/mcp-api-key' } as const;
    const before = ssm.calls.length;
    // Act
    const [first, second] = await Promise.all([secrets.resolve(ref), secrets.resolve(ref)]);
    const third = await secrets.resolve(ref);
    // Assess
    expect([first, second, third]).toEqual(['key-from-ssm', 'key-from-ssm', 'key-from-ssm']);
    expect(ssm.calls.length - before).toBe(1);
  });

  it('names the parameter and SSM fault when the parameter does not exist', async () => {
    const secrets = createSecretResolver({ aws: TEST_AWS, endpoint: ssm.endpoint });
    const outcome = secrets.resolve({ kind: 'ssm', name: '/wikibot/dev/missing' });
    await expect(outcome).rejects.toThrow(SecretUnavailableError);
    await expect(outcome).rejects.toThrow('/wikibot/dev/missing: SSM refused GetParameter (ParameterNotFound)');
  });

  it('is refused by SSM when signed with the wrong secret key', async () => {
    const secrets = createSecretResolver({ aws: { ...TEST_AWS, secretAccessKey: 'wrong' }, endpoint: ssm.endpoint });
    await expect(secrets.resolve({ kind: 'ssm', name: '/wikibot/dev/mcp-api-key' })).rejects.toThrow(
      /UnrecognizedClientException/,
    );
  });

  it('retries after a failure instead of caching it', async () => {
    // Prepare
    const secrets = createSecretResolver({ aws: TEST_AWS, endpoint: ssm.endpoint });
    const late = await startSsmServer({});
    const lateSecrets = createSecretResolver({ aws: TEST_AWS, endpoint: late.endpoint });
    const ref = { kind: 'ssm', name: '/x' } as const;
    // Act + Assess
    await expect(lateSecrets.resolve(ref)).rejects.toThrow(SecretUnavailableError);
    await expect(lateSecrets.resolve(ref)).rejects.toThrow(SecretUnavailableError);
    expect(late.calls).toEqual(['/x', '/x']);
    await expect(secrets.resolve({ kind: 'ssm', name: '/wikibot/dev/mcp-api-key' })).resolves.toBe('key-from-ssm');
    await late.close();
  });

  it('explains that credentials are missing when none are configured', async () => {
    const secrets = createSecretResolver({ endpoint: ssm.endpoint });
    await expect(secrets.resolve({ kind: 'ssm', name: '/p' })).rejects.toThrow(/no AWS credentials/);
  });

  it('says so when SSM cannot be reached', async () => {
    const secrets = createSecretResolver({ aws: TEST_AWS, endpoint: 'http://127.0.0.1:9/' });
    await expect(secrets.resolve({ kind: 'ssm', name: '/p' })).rejects.toThrow(/could not be reached/);
  });
});

describe('awsAccessFromEnv', () => {
  it('reads the Lambda runtime credentials', () => {
    expect(
      awsAccessFromEnv({
        AWS_REGION: 'eu-west-1',
        AWS_ACCESS_KEY_ID: 'AK',
        AWS_SECRET_ACCESS_KEY: 'SK',
        AWS_SESSION_TOKEN: 'ST',
      }),
    ).toEqual({ region: 'eu-west-1', accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'ST' });
  });

  it('is undefined off AWS', () => {
    expect(awsAccessFromEnv({ AWS_REGION: 'eu-west-1' })).toBeUndefined();
  });
});
