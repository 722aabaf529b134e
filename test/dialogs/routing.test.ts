import assert from 'node:assert/strict';
import { Chat, choicesOf, linksOf, textOf } from '../support/chat';
import { catalog, openChat, promptText } from './support';

const en = (key: string) => catalog.text('en', key);
const es = (key: string) => catalog.text('es', key);

describe('MainDialog routing', () => {
  describe('low confidence', () => {
    it('asks "A or B?" with the two most likely topics, and a pick starts that topic', async () => {
      const chat = await openChat('webchat', 'en');
      const asked = await chat.say('I have a question about my prescription bill');
      assert.match(textOf(asked), /is this about Prescription refills or Billing\?/);
      assert.deepEqual(choicesOf(asked), ['Prescription refills', 'Billing', 'Something else']);
      const picked = await chat.say('Billing');
      assert.ok(textOf(picked).includes(en('billing.ask.topic')));
    });

    it('SMS: the clarifying choices are numbered and answered with a digit', async () => {
      const chat = await openChat('sms', 'en');
      const asked = await chat.say('I have a question about my prescription bill');
      assert.match(textOf(asked), /1\. Prescription refills\n2\. Billing\n3\. Something else/);
      assert.ok(textOf(await chat.say('1')).includes(en('refill.ask.need')));
    });

    it('with one likely topic, asks about that one', async () => {
      const chat = await openChat('webchat', 'en');
      const asked = await chat.say('my medicine');
      assert.match(textOf(asked), /is this about Prescription refills\?/);
      assert.deepEqual(choicesOf(asked), ['Prescription refills', 'Something else']);
      assert.ok(textOf(await chat.say('Something else')).includes(en('main.askAgain')));
    });

    it('twice unclear in a row: the topics menu and a person', async () => {
      const chat = await openChat('webchat', 'en');
      assert.ok(textOf(await chat.say('blorp')).includes(en('main.rephrase')));
      const second = await chat.say('zzz qqq');
      assert.ok(textOf(second).includes(en('main.unclearTwice')));
      assert.deepEqual(choicesOf(second).slice(-1), ['Talk to a person']);
      assert.equal(choicesOf(second).length, 8);
      const person = await chat.say('Talk to a person');
      assert.match(textOf(person), /Call Member Services at 1-800-555-0100/);
    });

    it('an unclear answer to "A or B?" counts as the second unclear message', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('I have a question about my prescription bill');
      const second = await chat.say('hmm whatever');
      assert.ok(textOf(second).includes(en('main.unclearTwice')));
    });

    it('a clear message in between resets the count', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('blorp');
      await chat.say('how do I pay my bill');
      await chat.say('No, thanks');
      assert.ok(textOf(await chat.say('blorp')).includes(en('main.rephrase')));
    });
  });

  describe('conversation', () => {
    it('greeting, help, thanks, goodbye', async () => {
      const chat = await openChat('webchat', 'en');
      const hello = await chat.say('hello');
      assert.equal(textOf(hello), en('main.greeting'));
      assert.equal(choicesOf(hello).length, 8);
      assert.ok(textOf(await chat.say('what can you do')).includes(en('main.help').slice(0, 40)));
      assert.equal(textOf(await chat.say('thank you')), en('main.thanks'));
      assert.equal(textOf(await chat.say('bye')), 'Thanks for visiting Evergreen Health. Take care!');
    });

    it('SMS: "hi" as the first message gets the welcome, not a second menu', async () => {
      const chat = new Chat({ channelId: 'sms' });
      const replies = await chat.say('hi');
      assert.equal(textOf(replies).match(/1\. Appointments/g)?.length, 1);
    });

    it('a first message that asks for a topic: a short welcome (911 line) and then only that topic\'s question', async () => {
      for (const channelId of ['sms', 'webchat']) {
        const chat = new Chat({ channelId });
        const replies = await chat.say('I have a question about the bill for my ER visit');
        const text = textOf(replies);
        // SMS has its one-segment welcome ("Not for emergencies: call 911").
        assert.match(text, /not for emergencies.*call 911/is);
        assert.doesNotMatch(text, /Appointments/, `${channelId}: no topics menu competing with the billing question`);
        assert.match(text, /What about your bill\?/);
      }
    });

    it('"hola" as the first message in an English browser: the welcome in Spanish', async () => {
      const chat = new Chat({ channelId: 'webchat', locale: 'en-US' });
      const replies = await chat.say('hola');
      assert.match(textOf(replies), /No atiendo emergencias/);
      assert.ok(choicesOf(replies).includes('Citas'));
    });

    it('"start over" and "never mind" outside a dialog: the menu', async () => {
      const chat = await openChat('webchat', 'en');
      assert.equal(textOf(await chat.say('start over')), en('main.startOver'));
      assert.equal(textOf(await chat.say('never mind')), en('main.nothingToCancel'));
    });
  });

  describe('"anything else?"', () => {
    async function finishATopic(chat: Chat) {
      await chat.say('Billing');
      const done = await chat.say('Pay a bill');
      assert.deepEqual(choicesOf(done), ['Yes', 'No, thanks', 'Talk to a person']);
    }

    it('yes → the menu; no → goodbye', async () => {
      const chat = await openChat('msteams', 'en');
      await finishATopic(chat);
      const yes = await chat.say('Yes');
      assert.equal(textOf(yes), en('main.askTopic'));
      await finishATopic(chat);
      assert.match(textOf(await chat.say('No, thanks')), /Take care/);
    });

    it('a new request instead of an answer is routed', async () => {
      const chat = await openChat('webchat', 'en');
      await finishATopic(chat);
      const next = await chat.say('I forgot my password');
      assert.ok(linksOf(next).some((l) => l.endsWith('/sign-on-help/reset-password')), 'pre-filled from the sentence');
    });

    it('a person', async () => {
      const chat = await openChat('webchat', 'en');
      await finishATopic(chat);
      assert.match(textOf(await chat.say('Talk to a person')), /Call Billing at 1-800-555-0133/);
    });
  });

  describe('inside task dialogs', () => {
    it('answers named in the opening message are not asked again', async () => {
      const chat = await openChat('webchat', 'en');
      // "my appointment": the member's own (no "who is it for?"); no care or mode for a reschedule.
      const when = await chat.say('I need to reschedule my appointment');
      assert.ok(textOf(when).includes(en('appointment.ask.when')), textOf(when));
      const chat2 = await openChat('webchat', 'en');
      const asked = await chat2.say("I need to reschedule my son's appointment");
      assert.ok(textOf(asked).includes(en('appointment.ask.when')), textOf(asked));
      const chat3 = await openChat('webchat', 'en');
      assert.ok(textOf(await chat3.say('I need to reschedule an appointment')).includes(en('appointment.ask.patient')));
    });

    it('"I want to order a refill" goes straight to which prescription; "refill rx 7654321" straight to the page', async () => {
      const chat = await openChat('webchat', 'en');
      const asked = await chat.say('I want to order a refill');
      assert.ok(textOf(asked).includes(promptText('en', 'refill.ask.rx')));
      const chat2 = await openChat('webchat', 'en');
      const done = await chat2.say('please refill rx 7654321');
      assert.ok(linksOf(done).some((l) => l.endsWith('/secure/pharmacy/refill?rx=7654321')), JSON.stringify(linksOf(done)));
    });

    it('a confident new topic mid-dialog switches to it', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      const switched = await chat.say('actually I need to pay my bill');
      assert.ok(linksOf(switched).some((l) => l.endsWith('/secure/billing/pay')));
    });

    it('"cancel" alone stops the topic; "Cancel an appointment" answers the question', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('Appointments');
      assert.equal(textOf(await chat.say('cancel')).split('\n')[0], en('main.cancelled'));
      await chat.say('Appointments');
      assert.ok(textOf(await chat.say('Cancel an appointment')).includes(en('appointment.ask.patient')));
    });

    it('"start over" mid-dialog: the menu, and the topic is closed', async () => {
      const chat = await openChat('msteams', 'en');
      await chat.say('Prescription refills');
      await chat.say('Refill now');
      const replies = await chat.say('start over');
      assert.equal(textOf(replies).split('\n')[0], en('main.startOver'));
      assert.equal(choicesOf(replies).length, 8);
      assert.deepEqual(await chat.dialogStack(), []);
    });

    it('an answer that fits nothing: told so with a way out (something else, a person), then the member is offered a person', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      const retry = await chat.say('purple');
      assert.equal(textOf(retry), `${en('common.noOptionFits')} ${en('appointment.ask.care')}`);
      assert.doesNotMatch(textOf(retry), /didn't catch that|Sure\./);
      assert.deepEqual(choicesOf(retry).slice(-2), ['Something else', 'Talk to a person']);
      const stuck = await chat.say('orange');
      assert.match(textOf(stuck), /Let's get you to a person[\s\S]*1-800-555-0100/);
      assert.deepEqual(await chat.dialogStack(), []);
    });

    it('symptoms mentioned on the way that are not an emergency stay in the dialog', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('Appointments');
      await chat.say('New appointment');
      await chat.say('Myself');
      const replies = await chat.say('I have had a bad cough for a week');
      assert.doesNotMatch(textOf(replies), /911/);
      assert.ok(textOf(replies).includes(en('appointment.ask.care')));
    });

    describe('preferred day and time', () => {
      async function atWhen(locale: 'en' | 'es' = 'en') {
        const chat = await openChat('webchat', locale);
        await chat.say(locale === 'es' ? 'Citas' : 'Appointments');
        await chat.say(locale === 'es' ? 'Reprogramar' : 'Reschedule');
        await chat.say(locale === 'es' ? 'Para mí' : 'Myself');
        return chat;
      }

      it('never in the past: asked again', async () => {
        const chat = await atWhen();
        const replies = await chat.say('yesterday');
        assert.ok(textOf(replies).startsWith(en('appointment.when.past')));
        const done = await chat.say('June 20 at 3pm');
        assert.ok(linksOf(done).some((l) => l.includes('when=2025-06-20&time=15%3A00')), JSON.stringify(linksOf(done)));
      });

      it('"any time" leaves the day open; a week becomes a range', async () => {
        const anyTime = await atWhen();
        const open = await anyTime.say('whenever');
        assert.ok(linksOf(open).some((l) => l.endsWith('/book?for=self&action=reschedule')), JSON.stringify(linksOf(open)));
        const week = await atWhen();
        const range = await week.say('next week');
        assert.ok(linksOf(range).some((l) => l.includes('when=2025-06-09%2F2025-06-15')), JSON.stringify(linksOf(range)));
      });

      it('Spanish: "el próximo martes por la tarde"', async () => {
        const chat = await atWhen('es');
        const done = await chat.say('el próximo martes por la tarde');
        assert.match(textOf(done), /martes, 10 de junio/);
        assert.ok(linksOf(done).some((l) => l.includes('when=2025-06-10')));
      });

      it('three answers it cannot read: a person', async () => {
        const chat = await atWhen();
        await chat.say('blue');
        await chat.say('green');
        assert.match(textOf(await chat.say('red')), /Let's get you to a person/);
      });
    });

    describe('which prescription', () => {
      async function atRx() {
        const chat = await openChat('webchat', 'en');
        await chat.say('Prescription refills');
        await chat.say('Refill now');
        return chat;
      }

      it('a number of the wrong length is explained and asked again; the profile sets the length', async () => {
        const chat = await atRx();
        const replies = await chat.say('12345');
        assert.match(textOf(replies), /has 7 to 12 digits/);
        const done = await chat.say('123456789012');
        assert.ok(linksOf(done).some((l) => l.endsWith('?rx=123456789012')));
      });

      it('a medicine name is accepted, and never repeated or put in the link', async () => {
        const chat = await atRx();
        const done = await chat.say('lisinopril 10 mg');
        assert.doesNotMatch(textOf(done), /lisinopril/i);
        assert.ok(linksOf(done).every((l) => !/lisinopril/i.test(l)));
        assert.ok(linksOf(done).some((l) => l.endsWith('/secure/pharmacy/refill')));
      });
    });
  });

  describe('language', () => {
    it('follows the member into Spanish mid-conversation, and keeps it for short answers', async () => {
      const chat = await openChat('webchat', 'en');
      const asked = await chat.say('necesito una cita por favor');
      assert.ok(textOf(asked).includes(es('appointment.ask.patient')), textOf(asked));
      // A bare digit picks the option in that place, as on every list, and keeps Spanish.
      const next = await chat.say('2');
      assert.ok(textOf(next).includes(es('appointment.ask.care')), textOf(next));
    });

    it('SMS in Spanish: welcome, numbered choices and links in Spanish', async () => {
      const chat = new Chat({ channelId: 'sms' });
      const welcome = await chat.say('hola');
      // The SMS welcome is one text message (test/dialogs/smsWelcome.test.ts).
      assert.match(textOf(welcome), /No es para emergencias: llame al 911/);
      assert.match(textOf(welcome), /Responda con un número\./);
      await chat.say('4');
      const done = await chat.say('3');
      assert.match(textOf(done), /Pagar una factura: https:\/\/member\.evergreen-health\.example\/secure\/billing\/pay/);
      assert.match(textOf(done), /¿Hay algo más/);
    });

    it('Spanish emergency mid-dialog: the answer is in Spanish', async () => {
      const chat = await openChat('webchat', 'en');
      await chat.say('Appointments');
      const replies = await chat.say('me duele el pecho');
      assert.match(textOf(replies), /Llame al 911 ahora/);
      assert.match(textOf(replies), /línea de consejos de enfermería es el 1-800-555-0111 \(las 24 horas/);
    });
  });
});
