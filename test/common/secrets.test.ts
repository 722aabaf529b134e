import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactText } from '../../common/redaction';
import { looksLikePasswordToken, MASK, maskSecrets, scrubSecrets } from '../../common/redaction/secrets';

describe('secret masking', () => {
  const masked = (text: string, signInContext = false) => maskSecrets(text, { signInContext }).text;

  it('masks what follows a disclosure, in English and Spanish', () => {
    assert.equal(masked('my password is Hunter2!'), `my password is ${MASK}`);
    assert.equal(masked('Password: correcthorsebattery'), `Password: ${MASK}`);
    assert.equal(masked('pwd=abc123 thanks'), `pwd=${MASK} thanks`);
    assert.equal(masked('my pin is 4821'), `my pin is ${MASK}`);
    assert.equal(masked('mi contraseña es Gato2024'), `mi contraseña es ${MASK}`);
    assert.equal(masked('la clave: perro99'), `la clave: ${MASK}`);
    assert.equal(masked('my password is "sunshine"'), `my password is "${MASK}`);
  });

  it('leaves talk about a password alone', () => {
    for (const text of [
      'I forgot my password',
      'my password is not working',
      'my password is wrong apparently',
      'my password is expired',
      'password reset please',
      'mi contraseña es incorrecta',
      'no puedo entrar al portal dice que la clave esta mal',
      'la contraseña está mal otra vez',
      'olvidé mi contraseña, esta bloqueada',
      'my password isnt working',
      'the password was reset yesterday',
    ]) {
      assert.equal(masked(text), text, text);
    }
  });

  it('in a sign-in conversation, a lone token mixing letters with digits or symbols is a password', () => {
    assert.equal(masked('Tr0ub4dor&3', true), MASK);
    assert.equal(masked('  hunter22 ', true), `  ${MASK} `);
    assert.equal(masked('Tr0ub4dor&3', false), 'Tr0ub4dor&3', 'not outside sign-in');
    for (const text of ['Forgot password', 'locked', '1234567', 'me@example.org', 'https://x.example/a1', 'e-visit']) {
      assert.equal(masked(text, true), text, text);
    }
    assert.equal(looksLikePasswordToken('abc'), false);
  });

  it('never leaves the secret in the text (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9!@#$%^&*]{5,20}[0-9]$/), (secret) => {
        const { text, secrets } = maskSecrets(`hi, my password is ${secret} ok`);
        return !text.includes(secret) && secrets.includes(secret);
      }),
    );
  });

  it('each call starts from the start of its text, whatever the call before it matched', () => {
    const long = `${'this is a long message about my account and my bill '.repeat(3)}my password is Hunter2!`;
    for (let i = 0; i < 3; i++) {
      assert.equal(masked(long), long.replace('Hunter2!', MASK));
      assert.equal(masked('pw: Zz9'), `pw: ${MASK}`);
      assert.equal(masked('password=abc123 pin: 4821'), `password=${MASK} pin: ${MASK}`);
      assert.equal(redactText(long), long.replace('Hunter2!', MASK));
      assert.equal(redactText('pin 1234, pw is Xy7'), `pin 1234, pw is ${MASK}`);
    }
  });

  it('scrubs copies inside nested values', () => {
    assert.deepEqual(scrubSecrets({ a: ['x S3cret y'], b: { c: 'S3cret' }, n: 1 }, ['S3cret']), { a: [`x ${MASK} y`], b: { c: MASK }, n: 1 });
  });
});
