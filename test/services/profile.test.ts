import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fromRoot } from '../../common/paths';
import { loadPortalProfile, PortalProfileError } from '../../services/portal/profile';

describe('portal profiles', () => {
  it('loads the default profile with every page and phone number', () => {
    const profile = loadPortalProfile('default');
    assert.equal(profile.planName, 'Evergreen Health');
    assert.equal(profile.link('billing.payBill'), 'https://member.evergreen-health.example/secure/billing/pay');
    assert.equal(profile.link('home'), 'https://member.evergreen-health.example/');
    assert.match(profile.phones.nurseLine.number, /^1-800-555-01\d\d$/);
    assert.match(profile.phone('nurseLine', 'es').hours, /^las 24 horas/);
    assert.deepEqual(profile.rxNumber, { minDigits: 7, maxDigits: 12 });
  });

  it('phone hours may be one text for every language', () => {
    const profile = loadPortalProfile('default');
    const data = structuredClone(profile.data);
    data.phones.tty = '711';
    data.phones.pharmacy.hours = 'Always';
    const same = new (profile.constructor as typeof import('../../services/portal/profile').PortalProfile)(data);
    assert.equal(same.phone('pharmacy', 'es').hours, 'Always');
  });

  it('fills link parameters (encoded) and drops the ones without a value', () => {
    const profile = loadPortalProfile('default');
    const url = new URL(profile.link('appointments.schedule', { care: 'mental health', mode: 'video', when: '' }));
    assert.equal(url.pathname, '/secure/appointments/book');
    assert.deepEqual([...url.searchParams], [
      ['reason', 'mental health'],
      ['visitType', 'video'],
    ]);
    assert.match(url.search, /reason=mental\+health/);
  });

  describe('a broken profile stops start-up with a clear message', () => {
    let dir: string;
    const original = JSON.parse(readFileSync(fromRoot('config', 'profiles', 'default.json'), 'utf8')) as Record<string, any>;
    beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'profiles-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function broken(mutate: (p: Record<string, any>) => void, id = 'default'): string {
      const copy = structuredClone(original);
      mutate(copy);
      writeFileSync(path.join(dir, `${id}.json`), JSON.stringify(copy));
      try {
        loadPortalProfile(id, dir);
      } catch (err) {
        assert.ok(err instanceof PortalProfileError);
        return err.message;
      }
      assert.fail('expected an error');
    }

    it('names a missing page', () => {
      assert.match(broken((p) => delete p.links.billing.payBill), /links\.billing\.payBill/);
    });
    it('names a bad colour, phone number or URL', () => {
      assert.match(broken((p) => (p.brand.primaryColor = 'blue')), /brand\.primaryColor: expected a colour/);
      assert.match(broken((p) => (p.phones.nurseLine.number = 'call us!')), /phones\.nurseLine\.number: expected a phone number/);
      assert.match(broken((p) => (p.links.records.testResults = 'javascript:alert(1)')), /links\.records\.testResults: expected a path/);
      assert.match(broken((p) => (p.baseUrl = 'http://insecure.example')), /baseUrl: expected an https:\/\/ URL/);
    });
    it('names a bad Rx number rule, reply time or hours', () => {
      assert.match(broken((p) => (p.prescriptions.rxNumber = { minDigits: 12, maxDigits: 7 })), /prescriptions\.rxNumber: minDigits must not be more than maxDigits/);
      assert.match(broken((p) => (p.careTeam.messageReplyBusinessDays = 0)), /careTeam\.messageReplyBusinessDays/);
      assert.match(broken((p) => (p.phones.billing.hours = { en: 'weekdays' })), /phones\.billing\.hours: expected a text, or \{ "en": text, "es": text \}/);
      assert.match(broken((p) => delete p.prescriptions), /prescriptions/);
    });
    it('refuses unknown keys (a typo would otherwise be silently ignored)', () => {
      assert.match(broken((p) => (p.phones.billing.fax = '1-800-555-0199')), /phones\.billing/);
      assert.match(broken((p) => (p.links.billing.payBil = '/x')), /links\.billing/);
    });
    it('requires the id to match the file name', () => {
      assert.match(broken((p) => (p.id = 'other')), /has id "other"; it must match/);
    });
    it('says which profiles exist when the one asked for does not', () => {
      writeFileSync(path.join(dir, 'north.json'), '{}');
      assert.throws(() => loadPortalProfile('south', dir), /Portal profile "south" not found .*available: north/);
    });
    it('reports a file that is not JSON', () => {
      writeFileSync(path.join(dir, 'default.json'), '{ "id": ');
      assert.throws(() => loadPortalProfile('default', dir), /is not valid JSON/);
    });
  });
});
