import type { TurnContext } from 'botbuilder';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import type { VisitWords } from './visitWords';
import type { PreferredTime } from './when';

/** The member's own: "my", "mi", "mis". */
const OWN_WORDS = /\b(?:my|mi|mis)\b/;
/** Visits the member has: "what appts do i have", "do i already have an appt soon", "i have an appointment", "que citas tengo". */
const HAVE_WORDS = /\b(?:i|i've|ive)\s+(?:already\s+|still\s+)?(?:have|got|had)\b|\bdo\s+i\s+(?:already\s+|still\s+)?have\b|\bhave\s+i\s+got\b|\b(?:tengo|tenia)\b/;
/**
 * A question about when a visit is, or a visit's day or time forgotten ("no recuerdo el dia", "se
 * me olvido a que hora es la consulta", "when is the appointment"), or whether it is still on ("is
 * that still on?", "todavía tengo la cita?"): the member asks about their
 * own visit unless someone else is named.
 */
const WHEN_OR_FORGOT =
  /\b(?:forgot|forget|forgotten|dont remember|do not remember|cant remember|cannot remember|cant recall|not sure|when|whens|what time|what day|what date|no me acuerdo|no me recuerdo|no recuerdo|no acuerdo|olvide|se me olvido|ya no se|no estoy segur[oa]|no se|cuando|a que hora|que dia|que fecha|still|sigue|siguen|todavia|aun)\b/;
/** Someone else's visit: "his", "her", "their", "su", "de mi hijo", a relative named. */
const SOMEONE_ELSE =
  /\b(?:his|her|their|him|them|su|sus|de mi|de mis|for (?:my|his|her|their) \w+|para (?:mi|su) \w+|mom|mother|dad|father|son|daughter|wife|husband|kid|kids|child|baby|mama|papa|hijo|hija|hijos|esposo|esposa|bebe|nino|nina)\b/;
/**
 * A visit named by its day or date, "the tuesday one", "the appointment on the 17th", "la del
 * martes", "la cita del 17" (v15 YW13): one of the member's own visits, unless someone else is named.
 */
const VISIT_BY_DAY =
  /\bthe (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)?) (?:one|appt|appointment|visit)\b|\b(?:one|appt|appointment|visit) (?:on|for) (?:the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d{1,2}(?:st|nd|rd|th)?)\b|\b(?:la|el|cita|consulta) del? (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo|\d{1,2})\b/;
/**
 * The visit the member has, named by its day in an answer about when ("its his checkup on the
 * 14th", "my appointment is on the 18th", "the one on friday", "la del viernes", "la que tengo el
 * jueves", "es la consulta del 14"): a visit word and "on" / "is on" / "del" / "que tengo el".
 */
const DAY_WORD = '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\d{1,2}(?:st|nd|rd|th)?|lunes|martes|miercoles|jueves|viernes|sabado|domingo)';
const HELD_VISIT_BY_DAY = new RegExp(
  [
    `\\b(?:one|appt|appointment|visit|checkup|check up|physical|exam|follow up|followup|cleaning|shot|lab|labs|test)s? (?:is |was |thats |that is )?(?:on|for) (?:the )?${DAY_WORD}\\b`,
    `\\b(?:its|it is|thats|that is) (?:on|for) (?:the )?${DAY_WORD}\\b`,
    `\\b(?:la|el|cita|consulta|visita|revision|chequeo|lo|esa|ese) (?:del?|que (?:tengo|tiene|tenia|tenemos) (?:el|para el)?) ?${DAY_WORD}\\b`,
  ].join('|'),
);
/** The member's own doctor: "with my doctor", "con mi medico". */
const OWN_DOCTOR = /\b(?:my|mi)\s+(?:own\s+|usual\s+|regular\s+|primary\s+)?(?:doctor|doctora|doc|dr|physician|pcp|provider|medico|medica)\b/;
/**
 * Moving a visit: the day after the visit is named ("my lab appointment to friday", "mi cita para el
 * lunes", "move it to next week", "la cita de mi hija pal otro martes": "pal" is "para el", v21).
 */
const MOVED_TO = /\b(?:appointment|appointments|appt|appts|visit|one|it|them|cita|consulta|la|lo)\b.*?\b(?:to|for|until|para|pa|pal|al|hasta)\b(.+)$/;
/**
 * Moving a visit in Spanish: the new time also follows a bare "a" ("mi cita a la semana que viene",
 * "pasarla a las 4"). Only after a Spanish word for the visit: in English "a" is an article ("move
 * my appointment a bit later", "move it a day earlier").
 */
const MOVED_TO_SPANISH = /\b(?:cita|citas|consulta|consultas|visita|visitas|la|lo|las|los|\w{2,}[aei]r(?:la|lo|las|los))\b.*?(?:\b(?:al|para|pa|pal|hasta)\b(.+)|\b(a\b.+))$/;

/**
 * The words that started the appointment task, and a request to move a visit split into the visit
 * and its new time: whose visit it is, and a day or time said in the request itself.
 */
export class OpeningWords {
  constructor(
    private readonly kit: DialogKit,
    private readonly words: VisitWords,
  ) {}

  /** The opening message, folded; none when a menu button started the task. */
  folded(opening: string | undefined): string | null {
    return opening && !this.kit.options.match(opening, 'topics', 'exact') ? fold(opening) : null;
  }

  /** The opening message speaks of the member's own visit ("my", "mi", "mis", "do I have", "tengo", "the tuesday one"). */
  ownVisit(opening: string | undefined): boolean {
    const text = this.folded(opening);
    return !!text && (OWN_WORDS.test(text) || HAVE_WORDS.test(text) || (VISIT_BY_DAY.test(text) && !SOMEONE_ELSE.test(text)));
  }

  /**
   * When a visit is, or its day or time forgotten, with no one else named ("no recuerdo el dia",
   * "cuando es la cita"): the member's own visits, never "who is it for?" first.
   */
  ownVisitWhen(opening: string | undefined): boolean {
    const text = this.folded(opening);
    return !!text && WHEN_OR_FORGOT.test(text) && !SOMEONE_ELSE.test(text);
  }

  /** A new visit asked for with the member's own doctor ("with my doctor", "con mi médico"). */
  ownDoctor(opening: string | undefined): boolean {
    const text = this.folded(opening);
    return !!text && OWN_DOCTOR.test(text);
  }

  /**
   * Moving a visit, before its new time is said: the words name the visit the member has by its
   * day ("la del viernes", "its his checkup on the 14th"), with no new time after "to" / "para".
   */
  namesHeldVisit(text: string): boolean {
    const folded = fold(text);
    return HELD_VISIT_BY_DAY.test(folded) && !this.movedTo(folded)?.trim();
  }

  /**
   * Moving a visit: the words after "to", "for", "para", "al", or a Spanish "a" (the new time),
   * folded, if any ("move my tuesday appointment to friday": "friday"; "mi cita a las 4": "las 4").
   */
  movedTo(folded: string): string | undefined {
    const spanish = MOVED_TO_SPANISH.exec(folded);
    // A bare "a" is kept: it is part of the Spanish time ("a las 4" is a time, "las 4" alone is not).
    const found = [MOVED_TO.exec(folded)?.[1], spanish?.[1] ?? spanish?.[2]].filter((words): words is string => !!words?.trim());
    // The earlier of the two (the longer rest): "pasa mi cita a las 4 para mi hijo" is "las 4 ...".
    return found.sort((a, b) => b.length - a.length)[0];
  }

  /**
   * The preferred time in the opening request, if it names one. Moving a visit: only what follows
   * "to", "for", "para", "al" ("move my tuesday appointment to friday" is Friday, not Tuesday).
   */
  whenInRequest(context: TurnContext, opening: string | undefined, action: string): PreferredTime | null {
    if (!opening) return null;
    const folded = fold(opening);
    const target = action === 'reschedule' ? this.movedTo(folded)?.trim() : folded;
    if (!target) return null;
    const parsed = this.words.parse(context, target);
    return parsed.ok && (parsed.value.date || parsed.value.partOfDay || parsed.value.time) ? parsed.value : null;
  }
}
