import assert from 'node:assert/strict';
import { prescriptionAsk } from '../../dialogs/refill/prescriptionAsk';

describe('prescriptionAsk: the member asks to see their prescriptions, or why one still says pending (v20)', () => {
  it('a verb of seeing before "my" and a word for them is the status list', () => {
    for (const yes of ['show me my prescriptions', 'no. just show me my prescriptions', 'list my meds', 'what do u see for my meds', 'thats weird the app says pending. what do u see for my meds', 'muéstrame mis recetas', 'qué ves de mis medicinas', 'can i see my refills']) {
      assert.equal(prescriptionAsk(yes), 'status', yes);
    }
  });
  it('why one still says pending', () => {
    for (const yes of ['why does my refill still say pending?? its been 4 days', 'how come my prescription is still showing as pending', 'por que mi receta sigue pendiente']) assert.equal(prescriptionAsk(yes), 'whyPending', yes);
  });
  it('a change to the list, a person, or no prescription words is another request', () => {
    for (const no of ['how can I update my medication list', 'where do I see the status of my prior auth for my prescription', 'i need to see a doctor about my meds', 'show me my appointments', 'my meds make me dizzy', 'is my order pending', 'list of pharmacies', '']) assert.equal(prescriptionAsk(no), null, no);
  });
});
