import assert from 'node:assert/strict';
import { choicesOf, linksOf, pick, textOf } from '../support/chat';
import { ALEX } from '../support/identity';
import { realChat, signedInChat } from './memberWords';
import { catalog, promptText } from './support';

/**
 * Booking and moving visits as members asked in the newcomer run (S09, W29, W32, W06, T06, W01,
 * T01), through the whole bot with the real recognizer, on the channel where each was seen.
 */
describe('booking and moving visits, in members\' words (newcomer run)', function () {
  this.timeout(60_000);

  describe('a visit to book by video is a booking, with video filled in', () => {
    it('SMS: "i need to book a video visit" books (no video-visits menu), and the mode is not asked', async () => {
      const chat = await realChat('sms');
      const first = await chat.say('i need to book a video visit');
      assert.doesNotMatch(textOf(first), new RegExp(promptText('en', 'telehealth.ask.topic')));
      assert.ok(textOf(first).includes(promptText('en', 'appointment.ask.patient')), textOf(first));
      await chat.say('Myself');
      const next = await chat.say('Primary care');
      assert.ok(textOf(next).includes(promptText('en', 'appointment.ask.when')), textOf(next));
    });

    it('SMS: "new appointment by video" inside the video-visits menu leaves it for the booking', async () => {
      const chat = await realChat('sms');
      const menu = await chat.say('video visits');
      assert.ok(textOf(menu).includes(promptText('en', 'telehealth.ask.topic')), textOf(menu));
      const replies = await chat.say('none, i want to make a new appointment by video');
      assert.ok(textOf(replies).includes(promptText('en', 'appointment.ask.patient')), textOf(replies));
    });

    it('SMS: the video-visits menu offers "Book a video visit", which starts the booking by video', async () => {
      const chat = await realChat('sms');
      const menu = await chat.say('video visits');
      assert.ok(textOf(menu).includes('1. Book a video visit'), textOf(menu));
      const first = await chat.say(pick(chat, menu, 'Book a video visit'));
      assert.ok(textOf(first).includes(promptText('en', 'appointment.ask.patient')), textOf(first));
      await chat.say('Myself');
      const next = await chat.say('Primary care');
      assert.ok(textOf(next).includes(promptText('en', 'appointment.ask.when')), textOf(next));
    });

    it('Web Chat, Spanish: "puedo hacer una cita por video?" books by video', async () => {
      const chat = await realChat('webchat', { locale: 'es' });
      const first = await chat.say('puedo hacer una cita por video?');
      assert.doesNotMatch(textOf(first), new RegExp(promptText('es', 'telehealth.ask.topic')));
      assert.ok(textOf(first).includes(promptText('es', 'appointment.ask.patient')), textOf(first));
      await chat.say('Para mí');
      const next = await chat.say('Atención primaria');
      assert.ok(textOf(next).includes(promptText('es', 'appointment.ask.when')), textOf(next));
    });
  });

  describe('booking for a family member', () => {
    it('Web Chat, signed in: "i need a video appointment for my son" books for Sam by video; "that\'s for my son right?" is answered', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('i need a video appointment for my son');
      const slots = await chat.say('Primary care');
      assert.ok(textOf(slots).includes(promptText('en', 'appointment.ask.when')), textOf(slots));
      const offered = await chat.say('friday afternoon');
      const confirm = await chat.say(choicesOf(offered)[0]!);
      assert.match(textOf(confirm), /Book a video visit on .* for Sam\?/);
      const again = await chat.say("that's for my son right?");
      assert.match(textOf(again), /This appointment is for Sam\.[\s\S]*Book a video visit on .* for Sam\?/);
    });

    it('Web Chat, Spanish, signed in: the confirmation names Sam, and "es para Sam verdad?" is answered, not taken as no', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      await chat.say('quiero una cita de video para mi hijo');
      await chat.say('Nueva cita');
      await chat.say('Atención primaria');
      const slots = await chat.say('el viernes por la tarde');
      const slot = choicesOf(slots)[0]!;
      assert.ok(slot, textOf(slots));
      const confirm = await chat.say(slot);
      assert.match(textOf(confirm), /¿Reservar una consulta por video el .* para Sam\?/);
      const again = await chat.say('es para Sam verdad?');
      assert.match(textOf(again), /Esta cita es para Sam\./);
      assert.match(textOf(again), /¿Reservar una consulta por video el .* para Sam\?/);
      assert.doesNotMatch(textOf(again), new RegExp(catalog.text('es', 'appointment.live.notBooked')));
      assert.match(textOf(await chat.say('sí')), /Listo, tiene cita/);
    });
  });

  describe('lab and vaccine visits are in person', () => {
    it('Web Chat, signed in: "book a lab appointment for bloodwork" asks neither the kind of care nor video or phone', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('book a lab appointment for bloodwork');
      const next = await chat.say('Myself');
      assert.ok(textOf(next).includes(promptText('en', 'appointment.ask.when')), textOf(next));
      const slots = await chat.say('any time');
      assert.match(textOf(slots), /open times for Tests and labs/);
      assert.ok(choicesOf(slots).slice(0, -1).every((c) => c.includes('in-person visit')), choicesOf(slots).join('\n'));
    });

    it('Teams: "book a flu shot" never offers video or phone', async () => {
      const chat = await realChat('msteams');
      await chat.say('book a flu shot');
      const next = await chat.say('Myself');
      assert.doesNotMatch(textOf(next), new RegExp(promptText('en', 'appointment.ask.mode')));
      assert.ok(textOf(next).includes(promptText('en', 'appointment.ask.when')), textOf(next));
    });
  });

  describe('moving a visit, signed in', () => {
    it('Web Chat: "move my appt" asks which visit; "its the video one with dr chen btw" picks it and the page names it', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('hi i need to move my appt');
      const which = await chat.say('next thursday afternoon');
      assert.ok(textOf(which).includes(catalog.text('en', 'appointment.live.pickMove')), textOf(which));
      const done = await chat.say('its the video one with dr chen btw');
      assert.doesNotMatch(textOf(done), new RegExp(promptText('en', 'telehealth.ask.topic')));
      assert.match(textOf(done), /move your video visit on .* with Dr\. Maya Chen, looking for Thursday/);
    });

    it('Web Chat: "its the video one with dr chen btw" said to "When would you prefer?" is which visit, not the video-visits menu', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('i need to move my appt');
      const noted = await chat.say('its the video one with dr chen btw');
      assert.doesNotMatch(textOf(noted), new RegExp(promptText('en', 'telehealth.ask.topic')));
      assert.ok(textOf(noted).includes(promptText('en', 'appointment.ask.whenMove')), textOf(noted));
      const done = await chat.say('next thursday afternoon');
      assert.match(textOf(done), /move your video visit on .* with Dr\. Maya Chen, looking for Thursday/);
    });

    it('Web Chat, Spanish: "la de video, para el lunes en la mañana" to "¿Cuándo prefiere?" names the visit being moved', async () => {
      const chat = await signedInChat(ALEX.memberId, { locale: 'es' });
      await chat.say('quiero reprogramar mi cita');
      const done = await chat.say('la de video, para el lunes en la mañana');
      assert.match(textOf(done), /cambiar su consulta por video del .* con Dr\. Maya Chen, buscando lunes/);
    });

    it('Web Chat: "switch the video one to in person" moves that visit, and the page asks for in person', async () => {
      const chat = await signedInChat(ALEX.memberId);
      const first = await chat.say('can i switch my video appt to in person');
      assert.doesNotMatch(textOf(first), new RegExp(promptText('en', 'telehealth.ask.topic')));
      const done = await chat.say('any time');
      assert.match(textOf(done), /move your video visit on .* with Dr\. Maya Chen to an in-person visit/);
      assert.ok(linksOf(done).some((l) => l.includes('visitType=inPerson') && l.includes('action=reschedule')), linksOf(done).join('\n'));
    });

    it('Web Chat: "can i change my appointment with dr chen to in person" moves that visit to in person', async () => {
      const chat = await signedInChat(ALEX.memberId);
      await chat.say('can i change my appointment with dr chen to in person');
      const done = await chat.say('any time');
      assert.match(textOf(done), /move your video visit on .* with Dr\. Maya Chen to an in-person visit/);
      assert.ok(linksOf(done).some((l) => l.includes('visitType=inPerson')), linksOf(done).join('\n'));
    });
  });
});
