import assert from 'node:assert/strict';
import { loadPortalProfile } from '../../services/portal/profile';
import { linksOf, textOf } from '../support/chat';
import { catalog } from './support';
import { realChat, signedInChat } from './memberWords';

/**
 * Newcomer runs v9b (WJ06, WJ10, WJ11, WJ17, WJ18, SK08, SK09) and v9 (WG13, SH12), with the real
 * recognizer and triage: a follow-up that adds information ("i already asked my doctor last week",
 * "its on my iphone", "the visit is in 10 min", "and for my mom?") gets the next step, never the
 * same answer again; hours say which hours were asked about; a Spanish spelling of a medicine
 * picks it from the member's own list.
 */
const profile = loadPortalProfile('default');

/** The first sentence of a response text, as the member sees it (placeholders cut off). */
function opening(locale: 'en' | 'es', key: string): string {
  return catalog.text(locale, key).split(/[.:{]/)[0]!;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!;
}

describe('follow-ups that add information get the next step (newcomer runs v9b)', function () {
  this.timeout(120_000);

  const renewals: Array<['en' | 'es', string, string]> = [
    ['en', 'my metformin says no refills left what do i do', 'i already asked my doctor last week and nothing happened'],
    ['es', 'mi metformina ya no tiene resurtidos que hago', 'ya le pregunte a mi doctor la semana pasada y nada'],
  ];
  for (const [locale, first, chased] of renewals) {
    it(`Web Chat (${locale}, WJ06): a renewal already asked for gets how to chase it, not the renewal answer again`, async () => {
      const chat = await realChat('webchat', { locale });
      const answer = textOf(await chat.say(first));
      const replies = await chat.say(chased);
      const text = textOf(replies);
      assert.ok(!text.includes(firstLine(answer)), `not the same answer again:\n${text}`);
      assert.ok(text.includes(opening(locale, 'followUp.about.renewalChase')), text);
      assert.ok(text.includes(profile.phone('pharmacy', locale).number), text);
      assert.ok(linksOf(replies).includes(profile.link('messaging.requestCallback')), linksOf(replies).join(' '));
      if (locale === 'en') {
        const third = textOf(await chat.say('thats the same thing u just said. im almost out of pills, who do i call'));
        assert.ok(!third.includes(firstLine(answer)) && !third.includes(firstLine(text)), `a step further:\n${third}`);
        assert.ok(third.includes(profile.phone('pharmacy', locale).number), third);
      }
    });
  }

  it('Web Chat (en, WJ10): the camera not working, then the device, then the visit about to start: each a step further', async () => {
    const chat = await realChat('webchat');
    const trouble = textOf(await chat.say('my camera isnt working for my 2pm video appt'));
    const device = await chat.say('its on my iphone');
    const steps = textOf(device);
    assert.ok(steps.includes(opening('en', 'followUp.about.videoSteps')) && /iPhone/.test(steps), steps);
    assert.ok(!steps.includes(firstLine(trouble)), `not the same answer again:\n${steps}`);
    assert.ok(linksOf(device).includes(profile.link('telehealth.techCheck')), linksOf(device).join(' '));
    const soon = textOf(await chat.say('still nothing, visit is in 10 min'));
    assert.ok(soon.includes(opening('en', 'followUp.about.videoLastResort')), soon);
    assert.ok(soon.includes(profile.phone('memberServices', 'en').number), soon);
  });

  it('Web Chat (en): "they cant hear me" after the join answer gets the camera and microphone steps', async () => {
    const chat = await realChat('webchat');
    await chat.say('how do i join my video visit');
    const text = textOf(await chat.say('they cant hear me'));
    assert.ok(text.includes(opening('en', 'followUp.about.videoSteps')), text);
  });

  it('Web Chat (en): "can i do it on my iphone?" after the video visits answer is no trouble: not the troubleshooting steps', async () => {
    const chat = await realChat('webchat');
    await chat.say('how do video visits work');
    const text = textOf(await chat.say('can i do it on my iphone?'));
    assert.ok(!text.includes(opening('en', 'followUp.about.videoSteps')) && !text.includes(opening('en', 'followUp.about.videoLastResort')), text);
  });

  it('SMS (es, SK08): "mi cámara no funciona" gets the steps, "puedo hacerlo por teléfono mejor?" how to switch to a phone visit', async () => {
    const chat = await realChat('sms', { locale: 'es' });
    await chat.say('cómo hago una videollamada con el doctor');
    await chat.say('2');
    const camera = textOf(await chat.say('mi cámara no funciona'));
    assert.ok(camera.includes(opening('es', 'followUp.about.videoSteps')) && /Micrófono/.test(camera), camera);
    const phone = textOf(await chat.say('puedo hacerlo por teléfono mejor?'));
    assert.ok(phone.includes(opening('es', 'followUp.about.videoByPhone')), phone);
    assert.ok(!phone.includes(opening('es', 'followUp.again')), `not the canned page text:\n${phone}`);
  });

  const records: Array<['sms' | 'webchat', 'en' | 'es', string, string]> = [
    ['sms', 'en', 'I need a copy of my medical records for a new doctor', 'how long will it take'],
    ['webchat', 'es', 'necesito una copia de mi expediente medico', 'cuanto tiempo tarda eso?'],
  ];
  for (const [channel, locale, first, ask] of records) {
    it(`${channel} (${locale}, SK09): how long a records request takes is answered, not the canned "I can't send documents"`, async () => {
      const chat = await realChat(channel, { locale });
      await chat.say(first);
      const replies = await chat.say(ask);
      const text = textOf(replies);
      assert.ok(text.includes(opening(locale, 'followUp.about.recordsTime')), text);
      assert.ok(!text.includes(opening(locale, 'followUp.again')) && !text.includes(opening(locale, 'followUp.howTo')), text);
      assert.ok(linksOf(replies).includes(profile.link('records.requestRecords')), linksOf(replies).join(' '));
    });
  }

  const hours: Array<['en' | 'es', string, string, string]> = [
    ['en', 'whats the pharmacy phone number', 'are you open sunday', 'what about lab hours'],
    ['es', 'cual es el telefono de la farmacia', 'abren el domingo?', 'y el horario del laboratorio?'],
  ];
  for (const [locale, phone, sunday, lab] of hours) {
    it(`Web Chat (${locale}, WJ11/WJ18): a day after the pharmacy's line gets the pharmacies' hours, and the lab's hours the labs'`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(phone);
      const open = textOf(await chat.say(sunday));
      const downtown = profile.pharmacies(locale).find((p) => p.name === 'Evergreen Pharmacy Downtown')!;
      // v20: a day alone gets each pharmacy's hours that day (the downtown one's Sunday hours).
      assert.ok(open.includes(downtown.name) && open.includes(locale === 'en' ? 'Sunday 10 a.m. to 4 p.m.' : 'domingo de 10 a. m. a 4 p. m.'), open);
      assert.ok(!open.includes(opening(locale, 'followUp.placeDay')), `not "I can't see one day":\n${open}`);
      const labs = await chat.say(lab);
      assert.ok(textOf(labs).includes(opening(locale, 'followUp.about.labHours')), textOf(labs));
      assert.ok(linksOf(labs).includes(profile.link('messaging.findClinic')), linksOf(labs).join(' '));
    });
  }

  it('Web Chat (es, WJ17, signed in): "la de omeprazol" picks the Omeprazole on the list', async () => {
    const chat = await signedInChat('EH1000002', { locale: 'es' });
    await chat.say('necesito resurtir mi receta');
    const text = textOf(await chat.say('la de omeprazol'));
    assert.match(text, /Omeprazole 20 mg/, text);
    assert.ok(!/Cetirizine/.test(text), text);
  });

  it('Web Chat (es, signed in): "la cetirizina" picks the Cetirizine on the list', async () => {
    const chat = await signedInChat('EH1000002', { locale: 'es' });
    await chat.say('necesito resurtir mi receta');
    const text = textOf(await chat.say('la cetirizina'));
    assert.match(text, /Cetirizine 10 mg/, text);
    assert.ok(!/Omeprazole/.test(text), text);
  });

  const family: Array<['en' | 'es', string, string]> = [
    ['en', 'where do i see my test results', 'and for my mom?'],
    ['es', 'donde veo mis resultados', 'y para mi papá también?'],
    ['en', 'how do i pay my bill', 'what about for my husband'],
  ];
  for (const [locale, first, ask] of family) {
    it(`Web Chat (${locale}, SH12/WG13): "${ask}" after an answer explains acting for a family member`, async () => {
      const chat = await realChat('webchat', { locale });
      await chat.say(first);
      const replies = await chat.say(ask);
      const text = textOf(replies);
      assert.ok(text.includes(opening(locale, 'followUp.about.proxy')), text);
      assert.ok(linksOf(replies).includes(profile.link('signInHelp.sharedEmail')), linksOf(replies).join(' '));
    });
  }

  it('Web Chat (en): "can i book an appointment for my mom" after an answer is still a booking', async () => {
    const chat = await realChat('webchat');
    await chat.say('where do i see my test results');
    const text = textOf(await chat.say('can i book an appointment for my mom'));
    assert.ok(!text.includes(opening('en', 'followUp.about.proxy')), text);
  });
});
