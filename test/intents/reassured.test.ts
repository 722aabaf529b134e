import { itIsEmergency, itIsNoEmergency, understandingForTests } from './support/classifies';

/**
 * A sign the writer reassures about ("respira bien y está tranquilo", "no pain", "stops on its
 * own") is a symptom for the nurse line when only the model saw an emergency in it; "no respira
 * bien", a reassurance undone ("but now he won't wake up") and the lexicon's own signs stay 911.
 */
describe('classify: a reassured sign is the nurse line, an undone reassurance is still 911', function () {
  this.timeout(60_000);
  const u = understandingForTests();
  const symptoms = [
    'a mi hijo se le metio una canica en la nariz, respira bien y esta tranquilo, lo llevo?',
    'se me pone roja la parte blanca del ojo a veces, no me duele ni veo mal',
    'sometimes my heart skips a beat for a second, no pain, should i get it checked',
    // a cut whose bleeding stopped (development set v22)
    'my son cut his knee open on the fence, the bleeding stopped, does he need stitches',
  ];
  itIsNoEmergency(u, symptoms);
  const medical = [
    'my dad just collapsed, no respira bien, creo que es el corazón',
    'he was breathing fine an hour ago but now he wont wake up',
    'chest pain and my left arm is numb, no fever though',
    'the bleeding stopped for a minute but now it is gushing again and he is pale',
  ];
  itIsEmergency(u, medical, 'medical');
});
