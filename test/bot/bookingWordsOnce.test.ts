import assert from 'node:assert/strict';
import { ActivityTypes, TestAdapter } from 'botbuilder';
import { createBotCore } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { silentLogger } from '../../common/logger';
import { BookingWords } from '../../dialogs/bookingWords';

describe('composition: the booking words are read once, in the root, for the routing and the appointment task', () => {
  it('composing the bot loads them once, and a booking still runs through the real dialogs', async () => {
    const original = BookingWords.load;
    let loads = 0;
    BookingWords.load = (...args: Parameters<typeof BookingWords.load>) => {
      loads++;
      return original(...args);
    };
    try {
      const core = createBotCore(loadConfig({ NODE_ENV: 'test' }), { logger: silentLogger() });
      await core.ready;
      assert.equal(loads, 1);
      const adapter = new TestAdapter((context) => core.bot.run(context), { channelId: 'webchat' });
      await adapter.processActivity({ type: ActivityTypes.Message, text: 'I need to book an appointment', locale: 'en-US' });
      assert.ok(adapter.activeQueue.length > 0);
      assert.doesNotMatch(adapter.activeQueue.map((a) => a.text ?? '').join('\n'), /outside what I can help with/i);
    } finally {
      BookingWords.load = original;
    }
  });
});
