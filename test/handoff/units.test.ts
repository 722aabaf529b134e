import assert from 'node:assert/strict';
import { AgentAccounts, hashPassword, parseAccounts, verifyPassword } from '../../handoff/core/accounts';
import { AgentHours } from '../../services/portal/hours';
import { waitMinutes, waitWords } from '../../handoff/core/queue';
import { loadPortalProfile } from '../../services/portal/profile';

describe('hand-off building blocks', function () {
  this.timeout(20_000);

  describe('agent passwords', () => {
    it('are salted scrypt hashes: the same password hashes differently, and only it verifies', async () => {
      const a = await hashPassword('correct horse battery');
      const b = await hashPassword('correct horse battery');
      assert.match(a, /^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/);
      assert.notEqual(a, b);
      assert.equal(await verifyPassword('correct horse battery', a), true);
      assert.equal(await verifyPassword('correct horse batterY', a), false);
      assert.equal(await verifyPassword('correct horse battery', 'scrypt$3$8$1$abc$def'), false, 'a malformed hash never verifies');
    });

    it('AGENT_ACCOUNTS: user:hash entries or JSON with names; duplicates and bad hashes refused', async () => {
      const hash = await hashPassword('x'.repeat(12));
      assert.deepEqual(parseAccounts(`pat:${hash}, sam:${hash}`).map((a) => [a.username, a.name]), [['pat', 'pat'], ['sam', 'sam']]);
      assert.deepEqual(parseAccounts(JSON.stringify([{ username: 'pat', name: 'Pat Lee', passwordHash: hash }]))[0]!.name, 'Pat Lee');
      assert.deepEqual(parseAccounts(''), []);
      assert.throws(() => parseAccounts(`pat:${hash},PAT:${hash}`), /listed twice/);
      assert.throws(() => parseAccounts('pat:plaintext-password'), (err: Error) => /expected a hash/.test(err.message) && !err.message.includes('plaintext'));
      assert.throws(() => parseAccounts('[{"username":"p"}]'), /account 1/);
    });

    it('the demo credentials are recognized, whatever the account is called', async () => {
      const accounts = new AgentAccounts([
        { username: 'pat', name: 'Pat', passwordHash: await hashPassword('demo-agent') },
        { username: 'sam', name: 'Sam', passwordHash: await hashPassword('a real password') },
      ]);
      assert.deepEqual(await accounts.usingDemoCredentials(), ['pat']);
      assert.equal((await accounts.verify('SAM', 'a real password'))?.username, 'sam', 'user names ignore case');
      assert.equal(await accounts.verify('nobody', 'a real password'), null);
    });
  });

  describe('agent chat hours', () => {
    const hours = new AgentHours('America/Los_Angeles', { mon: ['08:00-18:00'], sat: ['09:00-13:00'], sun: ['00:00-24:00'] });
    it('are read in the profile’s time zone, start inclusive, end exclusive', () => {
      assert.equal(hours.isOpen(Date.parse('2026-03-02T16:00:00Z')), true, 'Monday 8:00 Pacific (PST)');
      assert.equal(hours.isOpen(Date.parse('2026-03-02T15:59:00Z')), false, 'Monday 7:59');
      assert.equal(hours.isOpen(Date.parse('2026-03-03T02:00:00Z')), false, 'Monday 18:00');
      assert.equal(hours.isOpen(Date.parse('2026-03-03T18:00:00Z')), false, 'Tuesday: closed');
      assert.equal(hours.isOpen(Date.parse('2026-07-11T16:30:00Z')), true, 'Saturday 9:30 Pacific (PDT)');
      assert.equal(hours.isOpen(Date.parse('2026-03-09T06:59:00Z')), true, 'Sunday 23:59 (PDT, the day the clocks changed) of a whole day');
    });

    it('the sample profiles: default chats around the clock, northwest on weekdays and Saturday mornings', () => {
      assert.equal(loadPortalProfile('default').agentHours().isOpen(Date.parse('2026-03-08T11:00:00Z')), true);
      const northwest = loadPortalProfile('northwest');
      assert.equal(northwest.agentHours().isOpen(Date.parse('2026-03-08T18:00:00Z')), false, 'Sunday');
      assert.equal(northwest.agentHours().isOpen(Date.parse('2026-03-04T18:00:00Z')), true, 'Wednesday 10 a.m.');
      assert.match(northwest.agentHoursText('es'), /de lunes a viernes/);
    });
  });

  describe('wait estimate', () => {
    it('place × typical minutes per chat ÷ agents on duty, at least a minute', () => {
      assert.equal(waitMinutes({ position: 1, agentsOnline: 1, recentHandleMinutes: [], defaultHandleMinutes: 4 }), 4);
      assert.equal(waitMinutes({ position: 3, agentsOnline: 2, recentHandleMinutes: [], defaultHandleMinutes: 4 }), 6);
      assert.equal(waitMinutes({ position: 2, agentsOnline: 1, recentHandleMinutes: [10, 2, 6], defaultHandleMinutes: 4 }), 12, 'the median of recent chats');
      assert.equal(waitMinutes({ position: 1, agentsOnline: 5, recentHandleMinutes: [], defaultHandleMinutes: 1 }), 1);
      assert.deepEqual(waitWords(1), { key: 'handoff.waitOne' });
      assert.deepEqual(waitWords(7), { key: 'handoff.waitMinutes', vars: { minutes: 7 } });
      assert.deepEqual(waitWords(90), { key: 'handoff.waitLong' });
    });
  });
});
