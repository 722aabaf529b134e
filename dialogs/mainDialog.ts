import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from '../common/logger';
import { TASK_INTENTS, type IntentId, type TaskIntentId } from '../intents/types';
import type { DialogKit } from './common/kit';
import { ChoiceQuestion, type ChoiceAnswer, type ChoiceQuestionOptions } from './common/questions';
import { values, type PausedTask, type TaskDialog, type TaskOptions, type TaskOutcome } from './common/taskDialog';
import type { TopicPriorState } from './memory';
import { TopicPrior } from './topicPrior';
import { offTopic } from './offTopic';
import { FollowUpReader, type FollowUp } from './followUps';
import { FollowUpAnswers } from './followUpAnswers';
import type { MemberRecords } from './common/memberRecords';
import { RenewalFor } from './refill/renewalFor';
import { MentalHealthVisit } from './mentalHealthVisit';
import { ResumeWords } from './resumeWords';
import { keepResumedWords } from './common/resumedWords';
import { escalationRequest, type Escalation, type EscalationReason } from './escalation';
import { noteOutcome, safetyOf, turnInfo, turnTriage, type RoutedIntent, type TurnInfo } from './turn';
import { familyMention } from './familyMention';

export const MAIN_DIALOG = 'main';
const FLOW = 'main.flow';

type Decision =
  | { kind: 'task'; intent: TaskIntentId; safetyFirst?: boolean; answers?: Record<string, string>; intro?: 'followUp.mentalHealthVisit' }
  | { kind: 'triage' }
  | { kind: 'safetyNet' }
  | { kind: 'say'; key: string; menu: boolean; intent: RoutedIntent }
  | { kind: 'agent'; topic?: TaskIntentId }
  | { kind: 'followUp'; followUp: FollowUp; topic: TaskIntentId }
  | { kind: 'unclear' };

interface FlowOptions {
  /** Start this topic straight away (a clarified choice, or a change of topic mid-dialog). */
  start?: TaskIntentId;
  /** Answers `start` begins with (step → option id), from the option that started it ("Book a video visit"). */
  startWith?: Record<string, string>;
  /** The task the member left for `start`: offered again when `start` completes (one detour). */
  paused?: PausedTask;
  /** Go back to this paused task, with the answers already given. */
  resume?: PausedTask;
  /** Route the message in the light of the topics offered by "is this about A?", left unanswered for a new request. */
  offered?: TopicPriorState;
}

const isTask = (intent: string | null | undefined): intent is TaskIntentId => TASK_INTENTS.some((t) => t === intent);

/**
 * A task the recognizer hears beside a request for a person at least this clearly (its runner-up
 * score) is what the member wants the person for ("talk to a person about my refill").
 */
const TOPIC_BESIDE_PERSON = 0.35;

/**
 * "Just to be sure: is this about A?" only names a topic the recognizer heard in the member's words
 * at least this clearly (a runner-up at 0.07 behind "none" is no reason to ask about it).
 */

/**
 * Routes each member message (the emergency check has already run in the turn pipeline): a
 * topic picked from a menu or recognized with confidence starts its task dialog; help, greetings,
 * thanks, goodbyes and "start over" get a short answer; "talk to a person" goes to Escalation.
 * A message it is not sure about gets "did you mean A or B?" with the two most likely topics; a
 * second unclear message in a row gets the topics menu and a person. Every topic ends with
 * "anything else?". Cancels, start-overs, requests for a person and changes of topic that task
 * dialogs report are answered here, the same way for every topic. A task left for another topic
 * after it had made progress is paused, in this dialog's state: when the new topic completes, the
 * member is asked whether to go back to it (its answers are not asked again); anything else — no,
 * a new request, a second change of topic, cancel, start over, a person, a safety answer, or the
 * end of the dialogs (sign-out, forget me, idle expiry) — drops it.
 */
/** A `none` at least this sure (its best topic at most a fifth as likely as none) offers no topic to ask about. */
const SURELY_NONE = 0.8;

export class MainDialog extends ComponentDialog {
  private readonly topicPrior: TopicPrior;
  private readonly followUps = new FollowUpReader();
  private readonly resumeWords: ResumeWords;
  private readonly followUpAnswers: FollowUpAnswers;
  private readonly mentalHealthVisit: MentalHealthVisit;

  constructor(
    private readonly kit: DialogKit,
    private readonly escalation: Escalation,
    private readonly logger: Logger,
    tasks: readonly TaskDialog[],
    deps: { records?: MemberRecords } = {},
  ) {
    super(MAIN_DIALOG);
    for (const task of tasks) this.addDialog(task);
    this.addDialog(new ChoiceQuestion(kit));
    this.topicPrior = new TopicPrior(kit.options, kit.phrases, kit.policy);
    this.resumeWords = new ResumeWords(kit);
    this.followUpAnswers = new FollowUpAnswers(kit, deps.records ? new RenewalFor(kit, deps.records) : undefined);
    this.mentalHealthVisit = new MentalHealthVisit(kit.options, kit.phrases, kit.policy);
    this.addDialog(
      new WaterfallDialog(FLOW, [
        (step) => this.route(step),
        (step) => this.afterRoute(step),
        (step) => this.afterResumeOffer(step),
        (step) => this.afterFollowUp(step),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { start, startWith, resume, offered } = (step.options as FlowOptions | undefined) ?? {};
    if (resume) {
      await this.kit.say(step.context, 'main.resume.back', { task: this.pausedTitle(step.context, resume) });
      return this.beginTask(step, resume.intent, resume);
    }
    if (start) return this.beginTask(step, start, undefined, startWith);
    const turn = turnInfo(step.context);
    // The topic just answered (taken: it concerns the message right after the answer).
    const noted = await this.kit.memory.takePrior(step.context);
    const decision = this.decide(turn, step.context, offered ? { prior: offered, lean: true } : { prior: noted, lean: false });
    this.noteRouted(step.context, turn, decision);
    this.logger.info(
      { intent: turn.result.intent, score: Number(turn.result.score.toFixed(3)), source: turn.result.source, decision: decision.kind, locale: turn.locale },
      'message routed',
    );
    switch (decision.kind) {
      case 'task':
        if (decision.safetyFirst) await this.safetyFirst(step.context);
        // Booking on from the mental-health answer: its line stays in view, the answer is not repeated.
        if (decision.intro) {
          await this.kit.say(step.context, decision.intro, { ...this.kit.profile.phone('behavioralHealth', this.kit.locale(step.context)) });
          // That line is this turn's mental-health line (988 came with the answer just before): the
          // task's own note would give the same number again in the next bubble.
          turnTriage(step.context).answered = true;
        }
        return this.beginTask(step, decision.intent, undefined, decision.answers);
      case 'triage': {
        // mental_health / symptoms: the way to care (the safety triage decided; see dialogs/triage.ts).
        await this.kit.memory.setUnclear(step.context, 0);
        const match = turnTriage(step.context).match!;
        await this.kit.triage.answer(step.context, match);
        // "should I come in?" after the nurse line is about a visit (the answer offers one, or an e-visit).
        await this.kit.memory.notePrior(step.context, {
          topics: match.intent === 'symptoms' ? ['appointment', 'telehealth'] : ['appointment'],
          // A family member named ("my daughter is sick"): the visit offered is theirs, not asked again.
          offered: { action: 'new', ...(familyMention(this.kit.options, turnInfo(step.context).text) ? { patient: 'family' } : {}) },
          ...(match.intent === 'symptoms' ? { safety: 'symptoms' as const } : match.intent === 'mental_health' ? { safety: 'mentalHealth' as const } : {}),
        });
        return step.endDialog();
      }
      case 'followUp':
        return this.answerFollowUp(step, decision.followUp, noted);
      case 'safetyNet': {
        // The triage is unsure: what to do if it is an emergency, a crisis or a symptom, then ask.
        await this.kit.memory.setUnclear(step.context, 0);
        await this.kit.triage.safetyNet(step.context, turn.locale, { ask: true, rule: safetyOf(step.context)?.rule });
        return step.endDialog();
      }
      case 'agent':
        await this.safetyFirst(step.context);
        return this.escalate(step, 'member_asked', decision.topic);
      case 'say':
        await this.kit.memory.setUnclear(step.context, 0);
        // "hi" as a first message: the welcome just said hello, so only ask what they need.
        await this.say(step.context, turn.welcomed && decision.key === 'main.greeting' ? 'welcome.prompt' : decision.key, decision.menu);
        return step.endDialog();
      case 'unclear':
        return this.unclear(step, turn);
    }
  }

  /** For the transcript (and the analytics report): the intent a new request was routed on. */
  private noteRouted(context: TurnContext, turn: TurnInfo, decision: Decision): void {
    const { intent, score } = turn.result;
    const routed: RoutedIntent =
      decision.kind === 'agent'
        ? 'agent'
        : decision.kind === 'followUp'
          ? decision.topic
        : decision.kind === 'unclear' || decision.kind === 'safetyNet'
          ? intent
          : decision.kind === 'triage'
            ? turnTriage(context).match!.intent
            : decision.intent;
    noteOutcome(context, {
      intent: routed,
      ...(routed === intent ? { score: Math.round(score * 1000) / 1000 } : {}),
      ...(decision.kind === 'unclear' ? { fallback: true as const } : {}),
    });
  }

  private decide(turn: TurnInfo, context: TurnContext, { prior, lean }: { prior?: TopicPriorState; lean: boolean }): Decision {
    const picked = this.kit.options.match(turn.text, 'topics', 'exact');
    if (isTask(picked)) return { kind: 'task', intent: picked };
    if (picked === 'agent') return { kind: 'agent' };
    if (picked === 'somethingElse') return { kind: 'say', key: 'main.askAgain', menu: false, intent: picked };

    // The safety triage's outcomes come before any other routing (DESIGN.md, safety rule 1).
    const triage = turnTriage(context);
    // Right after a refill answer, "and my blood pressure pill?" describes one of the member's
    // medicines by what it is for: no symptom (a complaint is more than that description).
    if (triage.match?.intent === 'symptoms' && prior?.topics.includes('refill') && this.kit.medicines.purposes.describes(turn.text)) triage.match = null;
    // Right after the mental-health answer, "I just want to talk to someone" is about that answer (a
    // person to talk to now), not the same answer again.
    if (triage.match?.intent === 'mental_health' && !triage.answered && prior?.safety === 'mentalHealth') {
      const about = this.followUps.read(turn.text, prior);
      if (about) return { kind: 'followUp', followUp: about, topic: prior.topics[0]! };
      // "I just want an appointment": a mental-health visit booked, not the same answer again.
      const visit = this.mentalHealthVisit.read(turn, prior);
      if (visit) return { kind: 'task', intent: 'appointment', answers: visit, intro: 'followUp.mentalHealthVisit' };
    }
    if (triage.match && !triage.answered) return { kind: 'triage' };
    const { intent, score } = turn.result;
    const safety = safetyOf(context);
    // A follow-up about the how-to just answered ("i tried that already" after the sign-in code
    // help) that the model alone doubts, with no health, distress or safety concept in its words
    // and no safety answer before it: the follow-up, not the safety net.
    if (safety?.level === 'unsure' && safety.rule?.endsWith(':no-concept') && prior && !prior.safety && !lean) {
      const about = this.followUps.read(turn.text, prior, false, offTopic(turn.text, turn.result, prior.topics));
      if (about) return { kind: 'followUp', followUp: about, topic: prior.topics[0]! };
    }
    // Unsure whether it is an emergency: the safety net, unless a task is clearly meant (then the
    // line first, and the task).
    if (safety?.level === 'unsure') {
      return isTask(intent) && score >= this.kit.policy.switchAt ? { kind: 'task', intent, safetyFirst: true } : { kind: 'safetyNet' };
    }

    // A request for a person wins over the task it is about ("talk to a person about my
    // appointment"): the task is the topic the person gets.
    const phrase = this.kit.phrases.interruption(turn.text);
    if (phrase === 'agent') return { kind: 'agent', ...this.topicBesidePerson(turn, prior) };
    // A short follow-up about the answer itself (its place, how to do it, "no es emergencia"):
    // dialogs/followUps.ts. Before the recognizer's guess of a person ("pero no es nada urgente"
    // scored as one): only words that ask for a person win over it.
    // "por video" right after the mental-health answer: that visit, by video.
    const visit = triage.match || phrase ? null : this.mentalHealthVisit.read(turn, prior);
    if (visit) return { kind: 'task', intent: 'appointment', answers: visit, intro: 'followUp.mentalHealthVisit' };
    const elsewhere = isTask(intent) && score >= this.kit.policy.switchAt && !prior?.topics.includes(intent);
    const about = lean || phrase ? null : this.followUps.read(turn.text, prior, elsewhere, offTopic(turn.text, turn.result, prior?.topics));
    if (about) return { kind: 'followUp', followUp: about, topic: prior!.topics[0]! };
    if (intent === 'agent' && score >= this.kit.policy.routeAt) return { kind: 'agent', ...this.topicBesidePerson(turn, prior) };
    if (phrase) return this.conversational(phrase);

    // A follow-up to the topic just answered is read in its light (dialogs/topicPrior.ts).
    const followUp = this.topicPrior.read(turn, prior, lean);
    if (followUp) {
      // Never the same answer word for word twice in a row (but "whats the number?" gets the line's number).
      const asksNumber = this.kit.options.match(turn.text, 'contact.number', 'exact') === 'askNumber';
      const again = asksNumber ? null : this.followUps.again(prior, followUp.intent, followUp.answers);
      if (again) return { kind: 'followUp', followUp: again, topic: followUp.intent };
      return { kind: 'task', intent: followUp.intent, ...(followUp.answers ? { answers: followUp.answers } : {}) };
    }

    if (score < this.kit.policy.routeAt) return { kind: 'unclear' };
    if (isTask(intent)) return { kind: 'task', intent };
    return this.conversational(intent);
  }

  /**
   * A follow-up about the answer just given (dialogs/followUps.ts): another place or one location
   * goes on with Contact; anything else gets its own short answer (dialogs/followUpAnswers.ts),
   * then "anything else?" with the topic kept — but after the nurse line, its light is kept.
   */
  private async answerFollowUp(step: WaterfallStepContext, followUp: FollowUp, prior: TopicPriorState | undefined): Promise<DialogTurnResult> {
    await this.kit.memory.setUnclear(step.context, 0);
    if (followUp.kind === 'place') return this.beginTask(step, 'contact', undefined, { topic: followUp.topic });
    if (followUp.kind === 'reminders') {
      // The assistant sends no reminder itself: where they are set (Contact's reminders answer).
      await this.kit.say(step.context, 'followUp.reminders');
      return this.beginTask(step, 'contact', undefined, { topic: 'reminders' });
    }
    await this.followUpAnswers.send(step.context, followUp);
    if (followUp.kind === 'about' && followUp.person) return this.escalate(step, 'member_asked');
    if (followUp.kind !== 'notUrgent' && followUp.kind !== 'comeIn') return step.next({ kind: 'completed' } satisfies TaskOutcome);
    // "can I come in today?" next is still about a visit.
    if (prior) await this.kit.memory.notePrior(step.context, prior);
    return step.endDialog();
  }

  /** The task a request for a person is about: the recognizer's intent, or a clear runner-up. */
  private topicBesidePerson(turn: TurnInfo, prior: TopicPriorState | undefined): { topic?: TaskIntentId } {
    const { intent, runnerUp } = turn.result;
    if (isTask(intent)) return { topic: intent };
    // "I want to talk to someone" just after an answer: the person gets that answer's topic (after
    // sign-in help, no portal secure message the member cannot reach), before a runner-up guess.
    const last = prior?.topics[0];
    if (last && isTask(last)) return { topic: last };
    // Contact ("reach us") is always near a request for a person: as a runner-up it is no topic.
    if (runnerUp && isTask(runnerUp.intent) && runnerUp.intent !== 'contact' && runnerUp.score >= TOPIC_BESIDE_PERSON) return { topic: runnerUp.intent };
    return {};
  }

  private conversational(intent: IntentId | 'startOver'): Decision {
    switch (intent) {
      case 'agent':
        return { kind: 'agent' };
      case 'help':
        return { kind: 'say', key: 'main.help', menu: true, intent };
      case 'cancel':
        return { kind: 'say', key: 'main.nothingToCancel', menu: true, intent };
      case 'startOver':
        return { kind: 'say', key: 'main.startOver', menu: true, intent };
      case 'greeting':
        return { kind: 'say', key: 'main.greeting', menu: true, intent };
      case 'thanks':
        return { kind: 'say', key: 'main.thanks', menu: false, intent };
      case 'goodbye':
        return { kind: 'say', key: 'main.goodbye', menu: false, intent };
      default:
        return { kind: 'unclear' };
    }
  }

  private async unclear(step: WaterfallStepContext, turn: TurnInfo): Promise<DialogTurnResult> {
    const context = step.context;
    // "Did you mean Billing?", "say it another way" and the menu: never without the safety line
    // when the message carries a health, distress or safety signal (DESIGN.md, safety rule 2).
    await this.safetyFirst(context);
    // A recognizer sure that it is none of the topics ("¿cuánto dinero hay en mi cuenta del
    // banco?" at 0.83) offers no runner-up to be asked about.
    const surelyNone = turn.result.intent === 'none' && turn.result.score >= SURELY_NONE;
    const candidates = [
      ...new Set(
        (surelyNone ? [] : [turn.result, turn.result.runnerUp])
          .filter((r) => r && r.score >= this.kit.policy.clarifyAt)
          .map((r) => r!.intent)
          .filter(isTask),
      ),
    ];
    // A request or question for something no topic is about ("order me a pizza", "what's the
    // weather"): say so, then what we do — also after an earlier unclear message (it is clear).
    if (!candidates.length && this.kit.phrases.isRequest(turn.text)) {
      await this.kit.memory.setUnclear(context, 0);
      await this.say(context, 'main.outOfScope', true);
      return step.endDialog();
    }
    const count = (await this.kit.memory.unclear(context)) + 1;
    if (count >= 2) {
      await this.kit.memory.setUnclear(context, 0);
      await this.say(context, 'main.unclearTwice', true);
      return step.endDialog();
    }
    await this.kit.memory.setUnclear(context, count);
    if (!candidates.length) {
      await this.kit.say(context, 'main.rephrase');
      return step.endDialog();
    }
    const title = (id: string) => this.kit.text(context, `topics.${id}`);
    values(step).phase = 'clarify';
    values(step).candidates = candidates.join(' ');
    return step.beginDialog(ChoiceQuestion.ID, {
      question: 'topics',
      ids: [...candidates, 'somethingElse'],
      prompt: candidates.length === 2 ? 'main.clarifyTwo' : 'main.clarifyOne',
      vars: { a: title(candidates[0]!), b: title(candidates[1] ?? candidates[0]!) },
      mode: 'exact',
      noMatch: 'end',
    } satisfies ChoiceQuestionOptions);
  }

  /**
   * `resume`: going back to a paused task, from its opening message and with its answers.
   * `answers`: a follow-up going on with the topic just answered keeps what was answered.
   */
  private async beginTask(step: WaterfallStepContext, intent: TaskIntentId, resume?: PausedTask, answers?: Record<string, string>): Promise<DialogTurnResult> {
    await this.kit.memory.setUnclear(step.context, 0);
    // The task just before (its answers as option ids): what still holds is not asked again.
    const previous = resume ? undefined : await this.kit.memory.topic(step.context);
    await this.kit.memory.startTopic(step.context, intent);
    values(step).phase = 'task';
    const options: TaskOptions = resume
      ? { ...(resume.text ? { text: resume.text } : {}), answers: resume.answers, ...(resume.added ? { added: resume.added } : {}) }
      : { text: turnInfo(step.context).text, ...(previous ? { previous } : {}), ...(answers ? { answers } : {}) };
    return step.beginDialog(intent, options);
  }

  private async afterRoute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    if (values(step).phase === 'clarify') {
      const answer = (step.result as ChoiceAnswer | undefined)?.answer ?? null;
      if (isTask(answer)) return step.replaceDialog(FLOW, { start: answer } satisfies FlowOptions);
      if (answer === 'somethingElse') {
        await this.kit.say(context, 'main.askAgain');
        return step.endDialog();
      }
      // Not a pick: a new request, read in the light of the topics just offered ("ok book me something").
      const offered = (values(step).candidates ?? '').split(' ').filter(isTask);
      // "Just to be sure: is this about Appointments?" — "yeah get me in somewhere": a yes, then words.
      if (offered.length === 1 && this.kit.phrases.startsWithShortAnswer('clarify.leadingYes', turnInfo(context).locale, context.activity.text ?? '')) {
        return step.replaceDialog(FLOW, { start: offered[0]! } satisfies FlowOptions);
      }
      return step.replaceDialog(FLOW, (offered.length ? { offered: { topics: offered } } : {}) satisfies FlowOptions);
    }

    const outcome = (step.result as TaskOutcome | undefined) ?? { kind: 'completed' };
    switch (outcome.kind) {
      case 'completed': {
        if (outcome.reroute) return step.replaceDialog(FLOW, {});
        // A task left for this one: "do you want to go back to it?" — never right after a safety
        // answer or line (a safety answer does not lead back into a task).
        const paused = (step.options as FlowOptions | undefined)?.paused;
        if (paused && !turnTriage(context).answered) {
          values(step).phase = 'resume';
          return step.beginDialog(ChoiceQuestion.ID, {
            question: 'resume',
            prompt: 'main.resume.ask',
            vars: { task: this.pausedTitle(context, paused) },
            mode: 'exact',
            noMatch: 'end',
          } satisfies ChoiceQuestionOptions);
        }
        return this.anythingElse(step);
      }
      case 'switch':
        // The paused task, if any, is this one's: the one left before it is dropped (one detour).
        return step.replaceDialog(FLOW, { start: outcome.to, ...(outcome.answers ? { startWith: outcome.answers } : {}), ...(outcome.paused ? { paused: outcome.paused } : {}) } satisfies FlowOptions);
      case 'interrupted':
        if (outcome.by === 'agent') return this.escalate(step, 'member_asked');
        await this.say(context, outcome.by === 'cancel' ? 'main.cancelled' : 'main.startOver', true);
        return step.endDialog();
      case 'closed':
        await this.say(context, 'main.closing', false);
        return step.endDialog();
      case 'stuck':
        return this.escalate(step, 'stuck');
      case 'person':
        return this.escalate(step, outcome.reason);
    }
  }

  private async anythingElse(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // What was just answered: the next message may be a follow-up to it (dialogs/topicPrior.ts).
    const trail = await this.kit.memory.topic(step.context);
    if (trail) await this.kit.memory.notePrior(step.context, { topics: [trail.intent], answers: { ...trail.answers } });
    values(step).phase = 'followUp';
    return step.beginDialog(ChoiceQuestion.ID, {
      question: 'followUp',
      prompt: 'main.anythingElse',
      mode: 'exact',
      noMatch: 'end',
    } satisfies ChoiceQuestionOptions);
  }

  /** The answer to "do you want to go back to …?" (other phases pass "anything else?" on). */
  private async afterResumeOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (values(step).phase !== 'resume') return step.next(step.result);
    const paused = (step.options as FlowOptions).paused!;
    switch ((step.result as ChoiceAnswer | undefined)?.answer ?? null) {
      case 'yes':
        return step.replaceDialog(FLOW, { resume: this.withWords(step.context, paused) } satisfies FlowOptions);
      case 'no':
        return this.anythingElse(step);
      default: {
        // "never mind" drops it like a cancel; anything else is a new request (the pause is dropped)…
        const turn = turnInfo(step.context);
        if (this.kit.phrases.interruption(turn.text) === 'cancel') {
          await this.say(step.context, 'main.cancelled', true);
          return step.endDialog();
        }
        // …unless it is a request for the paused task itself ("ok back to cancelling, the lab one"):
        // that is a yes, and its words are added (what they name wins over the earlier answers).
        const decision = this.decide(turn, step.context, { lean: false });
        if (decision.kind === 'task' && decision.intent === paused.intent && !decision.safetyFirst) {
          return step.replaceDialog(FLOW, { resume: this.withWords(step.context, paused) } satisfies FlowOptions);
        }
        // "ok, let's get back to the booking": the paused task named again is a yes.
        if (this.namesTask(turn, paused.intent)) return step.replaceDialog(FLOW, { resume: this.withWords(step.context, paused) } satisfies FlowOptions);
        // A yes in other words ("ok back to the video visit", "sí, la cita"): what its words name is added.
        const safety = decision.kind === 'triage' || decision.kind === 'safetyNet' || decision.kind === 'agent';
        if (!safety && this.resumeWords.goesBack(turn.text, turn.locale, paused, decision.kind !== 'unclear')) {
          return step.replaceDialog(FLOW, { resume: this.withWords(step.context, paused) } satisfies FlowOptions);
        }
        return step.replaceDialog(FLOW, {});
      }
    }
  }

  /**
   * Going back with words beside (or instead of) the yes ("yes, the 9:00 with Chen", "sí, el martes
   * por la mañana"): they are read as part of the task's request, so what they say answers the
   * question the task was waiting on (a day or time, a slot, an option) and is not asked again.
   * A plain yes adds nothing.
   */
  private withWords(context: TurnContext, paused: PausedTask): PausedTask {
    const words = turnInfo(context).text;
    if (!words || this.kit.options.match(words, 'resume', 'exact')) return paused;
    keepResumedWords(context, words);
    return { ...paused, text: [paused.text, words].filter(Boolean).join(' '), added: words };
  }

  /** The message names this task (and asks for nothing else: no interruption phrase). */
  private namesTask(turn: TurnInfo, intent: TaskIntentId): boolean {
    if (this.kit.phrases.interruption(turn.text)) return false;
    const { result } = turn;
    return result.intent === intent && result.score >= this.kit.policy.routeAt;
  }

  /** What the paused task was, for "do you want to go back to …?" ("booking your appointment"). */
  private pausedTitle(context: TurnContext, paused: PausedTask): string {
    const action = paused.intent === 'appointment' ? paused.answers.action : undefined;
    const key = action && this.kit.catalog.has(`main.resume.appointment.${action}`) ? `main.resume.appointment.${action}` : `main.resume.task.${paused.intent}`;
    return this.kit.text(context, key);
  }

  private async afterFollowUp(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = (step.result as ChoiceAnswer | undefined)?.answer ?? null;
    // Yes, no or a person to "anything else?": the member is done with the topic just answered.
    if (answer) await this.kit.memory.takePrior(step.context);
    switch (answer) {
      case 'yes':
        await this.say(step.context, 'main.askTopic', true);
        return step.endDialog();
      case 'no':
        await this.say(step.context, 'main.goodbye', false);
        return step.endDialog();
      case 'agent':
        return this.escalate(step, 'member_asked');
      default:
        // "I don't have the number" after the refill answer: the Rx number it asked for, so the refill goes on.
        if ((await this.kit.memory.topic(step.context))?.intent === 'refill' && this.kit.options.match(turnInfo(step.context).text, 'refill.noRx') === 'noRx') {
          return step.replaceDialog(FLOW, { start: 'refill' } satisfies FlowOptions);
        }
        // Not an answer to "anything else?": a new request.
        return step.replaceDialog(FLOW, {});
    }
  }

  /** `named`: the task the member's request for a person is about, when no topic is in progress. */
  private async escalate(step: WaterfallStepContext, reason: EscalationReason, named?: TaskIntentId): Promise<DialogTurnResult> {
    const context = step.context;
    const topic = await this.kit.memory.topic(context);
    // The task named with the request wins over an earlier topic's trail.
    const trail = named && topic?.intent !== named ? undefined : topic;
    await this.escalation.requestPerson(context, escalationRequest(context, reason, this.kit.locale(context), trail, named ? { intent: named } : {}));
    // The topic ends with the hand-off: what the member writes next (perhaps to an agent) is not
    // an answer to its questions (a lone word after sign-in help is not taken for a password).
    await this.kit.memory.forgetTopic(context);
    return step.endDialog();
  }

  /** The safety line, once per turn, when the message carries a safety signal (DESIGN.md, safety rule 2). */
  private async safetyFirst(context: TurnContext): Promise<void> {
    const safety = safetyOf(context);
    if (safety) await this.kit.triage.safetyNet(context, this.kit.locale(context), { ask: false, rule: safety.rule });
  }

  private async say(context: TurnContext, key: string, menu: boolean): Promise<void> {
    await this.safetyFirst(context);
    const locale = this.kit.locale(context);
    await this.kit.send(context, {
      text: this.kit.text(context, key),
      choices: menu ? this.kit.options.choices('topics', locale, [...TASK_INTENTS, 'agent']) : undefined,
    });
  }
}
