import type { TurnContext } from 'botbuilder';
import type { Reply } from '../../channels/reply';
import type { DialogKit } from '../common/kit';
import { fold } from '../common/text';
import type { SpecialAnswer } from './specialAnswer';

/** Words for a class or a program: what a member names a kind of class with. */
const CLASS_WORD = /^(class|classes|clase|clases|program|programs|programa|programas|course|courses|curso|cursos|workshop|workshops|taller|talleres|group|groups|grupo|grupos|session|sessions|sesion|sesiones)$/;
/** Words around a class word that name no kind ("do you have any free online classes"). */
const NOT_A_KIND = new Set(
  ('a an any the some your ur you u do does have has offer offered free online virtual in person wellness health healthy ' +
    'there is are what which for on about of or and to me my i we sign up join take info information ' +
    'de del la el las los un una unos unas algun alguna algunos algunas para sobre o y en su sus tienen tiene hay ofrecen ' +
    'near nearby me this next week weekend month today tomorrow tonight soon start starts when time times schedule cost much how near where gratis bienestar salud cerca esta este proxima proximo semana mes hoy manana cuando cuesta cuanto horario donde que cual cuales me mi quiero inscribirme virtual virtuales presencial presenciales')
    .split(' '),
);

/**
 * A wellness class asked about ("do you have a diabetes class", "¿hay clases de yoga?"): the
 * classes offered are listed in the portal profile by topic, with their pages. A kind the member
 * names that is offered gets its page; a kind that is not gets "not on our list" with what is
 * offered and the classes page; no kind named gets the list of what is offered.
 */
export class WellnessClassesAnswer implements SpecialAnswer {
  constructor(private readonly kit: DialogKit) {}

  async reply(context: TurnContext, text: string | undefined): Promise<Reply> {
    const { kit } = this;
    const classes = kit.profile.wellnessClasses(kit.locale(context));
    const all = kit.link(context, 'wellness.classes');
    const folded = ` ${fold(text ?? '')} `;
    const named = classes.filter((c) => c.words.some((w) => folded.includes(` ${w}`)));
    const list = classes.map((c) => c.title).join(', ');
    const unknownKind = this.namesOtherKind(folded, named.flatMap((c) => c.words));
    if (named.length === 0) {
      const key = unknownKind ? 'contact.wellnessClasses.notOffered' : 'contact.answer.wellness';
      return { text: kit.text(context, key, { list }), links: [all] };
    }
    const titles = named.map((c) => c.title).join(', ');
    const parts = [kit.text(context, 'contact.wellnessClasses.offered', { titles })];
    if (unknownKind) parts.push(kit.text(context, 'contact.wellnessClasses.alsoNotOffered', { list }));
    return { text: parts.join(' '), links: [...named.map((c) => ({ title: c.title, url: c.url })), all] };
  }

  /**
   * Whether the words next to a class word (before it in English, "clases de ..." after it in
   * Spanish) name a kind of class other than the offered ones the message matched.
   */
  private namesOtherKind(folded: string, matchedWords: string[]): boolean {
    const words = folded.trim().split(' ');
    const near: string[] = [];
    words.forEach((word, i) => {
      if (!CLASS_WORD.test(word)) return;
      near.push(...words.slice(Math.max(0, i - 3), i), ...words.slice(i + 1, i + 4));
    });
    return near.some((word) => word.length > 2 && !CLASS_WORD.test(word) && !NOT_A_KIND.has(word) && !matchedWords.some((m) => word.startsWith(m.split(' ')[0]!)));
  }
}
