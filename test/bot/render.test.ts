import assert from 'node:assert/strict';
import { capabilitiesOf } from '../../channels/capabilities';
import { plainText, renderReply, splitMessage } from '../../channels/render';

const labels = { replyWithNumber: 'Reply with a number.' };

describe('channel rendering', () => {
  it('SMS: links as plain URLs, choices numbered, no attachments', () => {
    const [only, ...rest] = renderReply(
      {
        text: 'Your refill is **ready**. See [the pharmacy page](https://example.org/pharmacy).',
        links: [{ title: 'Pharmacy', url: 'https://example.org/pharmacy' }],
        choices: [
          { title: 'Yes', value: 'yes' },
          { title: 'No', value: 'no' },
        ],
      },
      capabilitiesOf('sms'),
      labels,
    );
    assert.deepEqual(rest, []);
    assert.equal(
      only?.text,
      'Your refill is ready. See the pharmacy page https://example.org/pharmacy.\n\nPharmacy: https://example.org/pharmacy\n\n1. Yes\n2. No\nReply with a number.',
    );
    assert.equal(only?.attachments, undefined);
    assert.equal(only?.suggestedActions, undefined);
  });

  it('Web Chat: choices as suggested actions, links as openUrl buttons on an Adaptive Card', () => {
    const [activity] = renderReply(
      { text: 'Here you go.', links: [{ title: 'Pay a bill', url: 'https://example.org/pay' }], choices: [{ title: 'More', value: 'more' }] },
      capabilitiesOf('webchat'),
      labels,
    );
    assert.deepEqual(activity?.suggestedActions?.actions, [{ type: 'imBack', title: 'More', value: 'more' }]);
    const card = activity?.attachments?.[0]?.content as { actions: Array<{ type: string; url: string }> };
    assert.deepEqual(card.actions, [{ type: 'Action.OpenUrl', title: 'Pay a bill', url: 'https://example.org/pay' }]);
  });

  it('Web Chat and Teams: "• " lines become a markdown list (single line breaks vanish in markdown); SMS writes them in GSM-7', () => {
    const text = 'What the statuses mean:\n\n• Ready: pick it up.\n• Shipped: on its way.';
    for (const channel of ['webchat', 'directline', 'msteams']) {
      const [activity] = renderReply({ text }, capabilitiesOf(channel), labels);
      assert.equal(activity?.text, 'What the statuses mean:\n\n- Ready: pick it up.\n- Shipped: on its way.', channel);
    }
    assert.equal(renderReply({ text }, capabilitiesOf('sms'), labels)[0]?.text, 'What the statuses mean:\n\n- Ready: pick it up.\n- Shipped: on its way.');
  });

  it('Teams: never more than three buttons on a card', () => {
    const links = [1, 2, 3, 4].map((n) => ({ title: `Link ${n}`, url: `https://example.org/${n}` }));
    const [activity] = renderReply({ text: 'Links', links }, capabilitiesOf('msteams'), labels);
    const card = activity?.attachments?.[0]?.content as { actions: unknown[]; body: Array<{ text: string }> };
    assert.equal(card.actions.length, 0);
    assert.match(card.body.at(-1)!.text, /\[Link 4\]\(https:\/\/example\.org\/4\)/);
    const [few] = renderReply({ text: 'Pick', choices: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }] }, capabilitiesOf('msteams'), labels);
    const buttons = (few?.attachments?.[0]?.content as { actions: Array<{ data: { msteams: { value: string } } }> }).actions;
    assert.deepEqual(buttons.map((b) => b.data.msteams.value), ['a', 'b']);
  });

  it('splits long SMS text at sentence breaks, never cutting a URL', () => {
    const url = `https://example.org/${'x'.repeat(400)}`;
    const sentence = 'This sentence is about forty characters. ';
    const parts = splitMessage([sentence.repeat(12).trim(), url], 320);
    for (const part of parts.slice(0, -1)) assert.ok(part.length <= 320, `${part.length}`);
    assert.equal(parts.at(-1), url);
    assert.equal(parts.join(' ').replace(/\s+/g, ' '), `${sentence.repeat(12).trim()} ${url}`);
  });

  it('packs short parts together and keeps numbered lines on their own lines', () => {
    assert.deepEqual(splitMessage(['Hi.', '1. A\n2. B'], 320), ['Hi.\n\n1. A\n2. B']);
    const list = Array.from({ length: 40 }, (_, i) => `${i + 1}. Choice number ${i + 1}`).join('\n');
    const parts = splitMessage([list], 320);
    assert.ok(parts.length > 1);
    assert.ok(parts.every((p) => p.length <= 320 && p.split('\n').every((line) => /^\d+\. Choice number \d+$/.test(line))));
  });

  it('strips markdown for plain-text channels', () => {
    assert.equal(plainText('**Bold** and `code` and [link](https://a.example/b)'), 'Bold and code and link https://a.example/b');
  });

  // Newcomer run v22, X13: an SMS was cut between "8 a.m." and "to 8 p.m.".
  it('a long SMS part is never cut after the dot of "a.m.", "a. m." or "Dr."', () => {
    for (const hours of ['Monday to Friday, 8 a.m. to 8 p.m. a few days before you leave', 'de lunes a viernes, de 8 a. m. a 8 p. m. unos días antes', 'with Dr. Chen a few days before you leave']) {
      const text = `${'A refill for a trip is asked of the pharmacy. '.repeat(3)}Call the pharmacy at 1-800-555-0122 ${hours}. By mail, order it early.`;
      const cut = hours.indexOf('a.m.') >= 0 ? 'to 8 p.m.' : hours.indexOf('a. m.') >= 0 ? 'a 8 p. m.' : 'Chen a few';
      for (const max of [150, 160, 170, 180, 190]) {
        const parts = splitMessage([text], max);
        assert.ok(!parts.some((p) => p.startsWith(cut)), `cut before "${cut}" at ${max}: ${JSON.stringify(parts)}`);
        assert.equal(parts.join(' ').replace(/\s+/g, ' '), text);
      }
    }
  });
});
