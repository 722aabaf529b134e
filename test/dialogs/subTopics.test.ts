import assert from 'node:assert/strict';
import type { Locale } from '../../intents/types';
import { assertChannelRules, choicesOf, linksOf, pick, textOf } from '../support/chat';
import { openChat, promptText } from './support';

/**
 * Issue 15: topics members ask about that had no answer, and sub-topics named in the first
 * message. Each is reached from a first message in the member's words (a concept: a word set,
 * not a sentence) and answered at once with its portal page; the new ones from their topic's menu too.
 */
interface Case {
  say: string;
  answer: string;
  link: string;
  locale?: Locale;
  channelId?: string;
}

async function firstMessage(c: Case): Promise<void> {
  const locale = c.locale ?? 'en';
  const channelId = c.channelId ?? 'webchat';
  const chat = await openChat(channelId, locale);
  const replies = await chat.say(c.say);
  assertChannelRules(channelId, replies);
  const text = textOf(replies);
  assert.ok(text.includes(promptText(locale, c.answer)), `"${c.say}": expected ${c.answer}, got:\n${text}`);
  if (channelId !== 'sms') assert.ok(linksOf(replies).some((l) => l.endsWith(c.link)), `"${c.say}": expected a link to ${c.link}, got ${linksOf(replies).join(', ')}`);
}

describe('topics that had no answer (issue 15)', () => {
  const cases: Case[] = [
    { say: 'how do I update my insurance', answer: 'billing.answer.insurance', link: '/secure/profile/insurance' },
    { say: 'I got a new insurance card', answer: 'billing.answer.insurance', link: '/secure/profile/insurance', channelId: 'sms' },
    { say: 'I moved, how do I change my address', answer: 'contact.answer.contactDetails', link: '/secure/profile/contact-information' },
    { say: 'I need to update my emergency contact', answer: 'contact.answer.emergencyContact', link: '/secure/profile/emergency-contact' },
    { say: 'how can I update my medication list', answer: 'records.answer.medicationList', link: '/secure/medical-record/medications' },
    { say: 'the portal shows an error, is the site down?', answer: 'password_reset.answer.portalError', link: '/sign-on-help/troubleshooting' },
    { say: 'is the website down', answer: 'password_reset.answer.portalError', link: '/sign-on-help/troubleshooting', channelId: 'msteams' },
    { say: 'my wife and I share one e-mail and I keep landing in her account', answer: 'password_reset.answer.sharedEmail', link: '/sign-on-help/one-account-per-person' },
    { say: 'how do I turn off e-mail notifications', answer: 'contact.answer.reminders', link: '/secure/profile/notifications' },
    { say: 'do you have classes to help me quit smoking', answer: 'contact.wellnessClasses.offered', link: '/health-wellness/classes' },
    { say: 'any programs for stress or weight?', answer: 'contact.wellnessClasses.offered', link: '/health-wellness/classes' },
    { say: "what's the e-mail address?", answer: 'contact.answer.email', link: '/secure/message-center/new' },
    { say: "what's my clinic's phone number", answer: 'contact.answer.clinicPhone', link: '/locations' },
    { say: 'how do I ask the clinic if my results were released', answer: 'records.answer.resultsReleased', link: '/secure/medical-record/test-results' },
    { say: '¿cómo actualizo mi seguro?', answer: 'billing.answer.insurance', link: '/secure/profile/insurance', locale: 'es' },
    { say: 'quiero cambiar mi contacto de emergencia', answer: 'contact.answer.emergencyContact', link: '/secure/profile/emergency-contact', locale: 'es' },
    { say: 'el portal no carga, ¿está caído el sitio?', answer: 'password_reset.answer.portalError', link: '/sign-on-help/troubleshooting', locale: 'es' },
  ];
  for (const c of cases) it(`"${c.say}" (${c.channelId ?? 'webchat'}) → ${c.answer}`, () => firstMessage(c));

  const menus: Array<[string, string, string, string]> = [
    ['Billing', 'Update insurance', 'billing.answer.insurance', 'sms'],
    ['Contact my care team', 'Emergency contact', 'contact.answer.emergencyContact', 'webchat'],
    ['Contact my care team', 'E-mail address', 'contact.answer.email', 'msteams'],
    ['Contact my care team', 'Wellness classes', 'contact.answer.wellness', 'sms'],
    ['Sign-in help', 'Site error or down', 'password_reset.answer.portalError', 'webchat'],
    ['Test results & records', 'Medication list', 'records.answer.medicationList', 'webchat'],
  ];
  for (const [topic, option, answer, channelId] of menus) {
    it(`${channelId}: "${topic}" menu → "${option}" → ${answer}`, async () => {
      const chat = await openChat(channelId, 'en');
      const menu = await chat.say(topic);
      assert.ok(choicesOf(menu).includes(option), choicesOf(menu).join(', '));
      const replies = await chat.say(pick(chat, menu, option));
      assertChannelRules(channelId, replies);
      assert.ok(textOf(replies).includes(promptText('en', answer)), textOf(replies));
    });
  }

  it('a sub-topic typed in other words at the menu: "I changed insurance companies" → the insurance answer', async () => {
    const chat = await openChat('webchat', 'en');
    await chat.say('Billing');
    const replies = await chat.say('I changed insurance companies');
    assert.ok(textOf(replies).includes(promptText('en', 'billing.answer.insurance')), textOf(replies));
  });

  it('English SMS answers stay GSM-7', async () => {
    const chat = await openChat('sms', 'en');
    const replies = await chat.say("what's the email address");
    assert.match(textOf(replies), /^[\x20-\x7E\n£¥èéùìòÇØøÅåÆæßÉÄÖÑÜäöñüà§¿¡€]*$/);
  });
});

describe('sub-topics named in the first message go straight to their answer (issue 15)', () => {
  const cases: Case[] = [
    { say: 'how do automatic refills work', answer: 'refill.answer.autoRefill', link: '/secure/pharmacy/automatic-refills' },
    { say: 'can my prescriptions be refilled automatically?', answer: 'refill.answer.autoRefill', link: '/secure/pharmacy/automatic-refills', channelId: 'sms' },
    { say: 'what is prior authorization for a medication and how long does it take', answer: 'billing.answer.priorAuth', link: '/secure/coverage/authorizations' },
    { say: 'where do I see the status of my prior auth for my prescription', answer: 'billing.answer.priorAuth', link: '/secure/coverage/authorizations' },
    { say: 'sign me up for paperless statements', answer: 'billing.answer.paperless', link: '/secure/billing/paperless' },
    { say: 'why was I charged a no-show fee', answer: 'billing.answer.noShowFee', link: '/secure/billing' },
    { say: 'is there a fee for a late cancellation', answer: 'billing.answer.noShowFee', link: '/secure/billing', channelId: 'msteams' },
    { say: 'I want text reminders for my appointments', answer: 'contact.answer.reminders', link: '/secure/profile/notifications' },
    { say: 'can I get on a waitlist for an earlier appointment', answer: 'appointment.answer.waitlist', link: '/secure/appointments/upcoming' },
    { say: 'can I switch my appointment to video', answer: 'telehealth.answer.switchToVideo', link: '/secure/appointments/upcoming' },
    { say: 'quiero estados de cuenta sin papel', answer: 'billing.answer.paperless', link: '/secure/billing/paperless', locale: 'es' },
    { say: '¿puedo cambiar mi cita a video?', answer: 'telehealth.answer.switchToVideo', link: '/secure/appointments/upcoming', locale: 'es' },
  ];
  for (const c of cases) it(`"${c.say}" (${c.channelId ?? 'webchat'}) → ${c.answer}`, () => firstMessage(c));

  it('a plain refill request still asks which prescription (the quick answer is only for its sub-topic)', async () => {
    const chat = await openChat('webchat', 'en');
    const replies = await chat.say('I need a refill');
    assert.ok(!textOf(replies).includes(promptText('en', 'refill.answer.autoRefill')), textOf(replies));
  });
});
