import { illnessCare } from './appointment/careFromReason';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { Logger } from '../common/logger';
import type { DialogKit } from './common/kit';
import { ChoiceQuestion } from './common/questions';
import { values, type PausedTask, type TaskDialog, type TaskOutcome } from './common/taskDialog';
import { familyMention } from './familyMention';
import type { AnythingElse } from './main/anythingElse';
import { FLOW, type FlowOptions } from './main/flow';
import type { FollowUpReply } from './main/followUpReply';
import type { MainReplies } from './main/mainReplies';
import type { RequestPlan } from './main/requestPlan';
import type { ResumeOffer } from './main/resumeOffer';
import type { SecondRequest } from './main/secondRequest';
import type { RouteDecider } from './main/routeDecider';
import { noteRouted } from './main/routedIntent';
import type { TaskStart } from './main/taskStart';
import type { UnclearReply } from './main/unclearReply';
import type { NurseInChatReply } from './main/nurseInChatReply';
import type { RescueReply } from './refill/rescueReply';
import { safetyOf, turnInfo, turnTriage } from './turn';

export const MAIN_DIALOG = 'main';

/** The main dialog's parts, one idea each (dialogs/main/), built by the composition root. */
export interface MainDialogParts {
  kit: DialogKit;
  decider: RouteDecider;
  replies: MainReplies;
  taskStart: TaskStart;
  unclear: UnclearReply;
  resumeOffer: ResumeOffer;
  anythingElse: AnythingElse;
  followUpReply: FollowUpReply;
  secondRequest: SecondRequest;
  requestPlan: RequestPlan;
  rescue: RescueReply;
  /** A nurse in this chat, or "I can't call", after the nurse line: the ways without phone minutes. */
  nurseInChat?: NurseInChatReply;
}

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
 *
 * This class is the waterfall and its wiring; what each step decides or says is in dialogs/main/.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly parts: MainDialogParts,
    private readonly logger: Logger,
    tasks: readonly TaskDialog[],
  ) {
    super(MAIN_DIALOG);
    for (const task of tasks) this.addDialog(task);
    this.addDialog(new ChoiceQuestion(parts.kit));
    this.addDialog(
      new WaterfallDialog(FLOW, [
        (step) => this.route(step),
        (step) => this.afterRoute(step),
        (step) => parts.resumeOffer.answered(step),
        (step) => parts.anythingElse.answered(step),
      ]),
    );
    this.initialDialogId = FLOW;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { kit, decider, replies, taskStart } = this.parts;
    const context = step.context;
    const { start, startWith, resume, offered, next, then } = (step.options as FlowOptions | undefined) ?? {};
    if (resume) return this.parts.resumeOffer.goBack(step, resume);
    if (next) {
      if (then) (step.values as { next?: PausedTask }).next = then;
      return taskStart.begin(step, next.intent, next);
    }
    if (start) return taskStart.begin(step, start, undefined, startWith);
    const turn = turnInfo(context);
    // The topic just answered (taken: it concerns the message right after the answer).
    const noted = await kit.memory.takePrior(context);
    const handOff = await kit.memory.takeHandOff(context);
    const decision = decider.decide(turn, turnTriage(context), { ...(offered ? { prior: offered, lean: true } : { prior: noted, lean: false }), ...(handOff ? { handOff } : {}) });
    noteRouted(context, turn, decision);
    this.logger.info(
      { intent: turn.result.intent, score: Number(turn.result.score.toFixed(3)), source: turn.result.source, decision: decision.kind, locale: turn.locale },
      'message routed',
    );
    // Two tasks in one message ("reschedule my appointment and also where is my refill"): the first, then the second.
    const plain = (decision.kind === 'task' && !decision.safetyFirst && !decision.intro && !decision.answers) || decision.kind === 'unclear';
    const two = plain && !turnTriage(context).match ? this.parts.secondRequest.read(turn.text, decision.kind === 'task' ? decision.intent : undefined) : null;
    if (two) {
      (step.values as { next?: PausedTask; then?: PausedTask }).next = two.next;
      if (two.then) (step.values as { then?: PausedTask }).then = two.then;
      // Which requests were heard and in what order, before the first one asks its questions.
      await this.parts.requestPlan.announce(context, two);
      return taskStart.begin(step, two.first, undefined, undefined, two.firstText);
    }
    switch (decision.kind) {
      case 'task':
        if (decision.safetyFirst) await replies.safetyFirst(context);
        // Booking on from the mental-health answer: its line stays in view, the answer is not repeated.
        if (decision.intro) {
          await kit.say(context, decision.intro, { ...kit.profile.phone('behavioralHealth', kit.locale(context)) });
          // That line is this turn's mental-health line (988 came with the answer just before): the
          // task's own note would give the same number again in the next bubble.
          turnTriage(context).answered = true;
        }
        return taskStart.begin(step, decision.intent, undefined, decision.answers);
      case 'triage': {
        // mental_health / symptoms: the way to care (the safety triage decided; see dialogs/triage.ts).
        await kit.memory.setUnclear(context, 0);
        const match = turnTriage(context).match!;
        await kit.triage.answer(context, match);
        // A visit plainly asked for about the complaint ("i need to see someone about my knee"): after
        // the nurse line, the booking starts with what was said (v16 W01), not left to be asked again.
        if (decision.visit) {
          await kit.say(context, 'main.visitForComplaint');
          return taskStart.begin(step, 'appointment', undefined, decision.visit);
        }
        // Task requests in the same message ("my lab results and … a video visit for a rash"): named, not dropped.
        const others = match.intent === 'symptoms' ? this.parts.secondRequest.read(turn.text) : null;
        if (others) await this.parts.requestPlan.afterHealth(context, others);
        // "should I come in?" after the nurse line is about a visit (the answer offers one, or an e-visit).
        await kit.memory.notePrior(context, {
          topics: match.intent === 'symptoms' ? ['appointment', 'telehealth'] : ['appointment'],
          // A family member named ("my daughter is sick"): the visit offered is theirs, not asked again.
          // An illness now: the visit offered is a same-day one ("tomorrow morning would work" books it, the kind of care not asked).
          offered: { action: 'new', ...(familyMention(kit.options, turn.text) ? { patient: 'family' } : {}), ...(match.intent === 'symptoms' ? illnessCare(kit.options, turn.text) : {}) },
          ...(match.intent === 'symptoms' ? { safety: 'symptoms' as const } : match.intent === 'mental_health' ? { safety: 'mentalHealth' as const } : {}),
        });
        return step.endDialog();
      }
      case 'followUp':
        return this.parts.followUpReply.answer(step, decision.followUp, noted);
      case 'rescue':
        // A rescue medicine needed before its refill: a supply today and when to call 911; no menu after it.
        await kit.memory.setUnclear(context, 0);
        if (decision.safetyFirst) await replies.safetyFirst(context);
        await this.parts.rescue.send(context, decision.need);
        await kit.memory.notePrior(context, { topics: ['refill'] });
        return step.endDialog();
      case 'nurseInChat':
        // The symptom is kept: the next message is still read after the nurse line (its visit, its 911).
        await kit.memory.setUnclear(context, 0);
        if (decision.safetyFirst) await replies.safetyFirst(context);
        await this.parts.nurseInChat?.send(context);
        await kit.memory.notePrior(context, noted ?? { topics: ['appointment', 'telehealth'], safety: 'symptoms' });
        turnTriage(context).answered = true;
        return replies.escalate(step, 'member_asked', noted?.topics[0]);
      case 'safetyNet':
        // The triage is unsure: what to do if it is an emergency, a crisis or a symptom, then ask.
        await kit.memory.setUnclear(context, 0);
        await kit.triage.safetyNet(context, turn.locale, { ask: true, rule: safetyOf(context)?.rule, abuseKind: safetyOf(context)?.abuseKind, poisonDoubt: safetyOf(context)?.poisonDoubt });
        return step.endDialog();
      case 'agent':
        await replies.safetyFirst(context);
        return replies.escalate(step, 'member_asked', decision.topic, decision.callBack);
      case 'line': {
        // The chat team's hours (the profile's), or the line for a member who will call: after the safety line when one is due.
        await kit.memory.setUnclear(context, 0);
        await replies.safetyFirst(context);
        const locale = kit.locale(context);
        const line = kit.profile.phone(decision.line, locale);
        await kit.say(context, decision.key, {
          hours: kit.profile.agentHoursText(locale),
          line: kit.text(context, `phones.${decision.line}`),
          number: line.number,
          lineHours: line.hours,
          tty: kit.profile.phones.tty,
        });
        // "forget it ill just call" after a crisis or a disclosure: the number is there any time.
        if (decision.key === 'main.willCall') await replies.closingLine(context);
        // "ok what number do i call" next is about this answer's line.
        else await kit.memory.noteHandOff(context, decision.line);
        return step.endDialog();
      }
      case 'say':
        await kit.memory.setUnclear(context, 0);
        // "hi" as a first message: the welcome just said hello, so only ask what they need.
        await replies.say(context, turn.welcomed && decision.key === 'main.greeting' ? 'welcome.prompt' : decision.key, decision.menu);
        return step.endDialog();
      case 'unclear':
        return this.parts.unclear.ask(step, turn);
    }
  }

  /** What became of the routed step: a pick of "did you mean …?", or how the task ended. */
  private async afterRoute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { replies } = this.parts;
    if (values(step).phase === 'clarify') return this.parts.unclear.answered(step);
    const outcome = (step.result as TaskOutcome | undefined) ?? { kind: 'completed' };
    switch (outcome.kind) {
      case 'completed': {
        if (outcome.reroute) return step.replaceDialog(FLOW, {});
        // The second of two requests in one message, now that the first is answered (never after a safety answer).
        const { next, then } = step.values as { next?: PausedTask; then?: PausedTask };
        if (next && !turnTriage(step.context).match && !turnTriage(step.context).answered) {
          // The first request's answer stays in view: a follow-up to the turn may be about it.
          await this.parts.kit.memory.noteEarlier(step.context);
          await this.parts.kit.say(step.context, 'main.next', { task: this.parts.kit.text(step.context, `main.resume.task.${next.intent}`) });
          return step.replaceDialog(FLOW, { next, ...(then ? { then } : {}) } satisfies FlowOptions);
        }
        return this.parts.resumeOffer.completed(step);
      }
      case 'switch':
        // The paused task, if any, is this one's: the one left before it is dropped (one detour).
        return step.replaceDialog(FLOW, { start: outcome.to, ...(outcome.answers ? { startWith: outcome.answers } : {}), ...(outcome.paused ? { paused: outcome.paused } : {}) } satisfies FlowOptions);
      case 'interrupted':
        if (outcome.by === 'agent') return replies.escalate(step, 'member_asked');
        await replies.say(step.context, outcome.by === 'cancel' ? 'main.cancelled' : 'main.startOver', true);
        return step.endDialog();
      case 'closed':
        await replies.say(step.context, 'main.closing', false);
        return step.endDialog();
      case 'stuck':
        return replies.escalate(step, 'stuck');
      case 'person':
        return replies.escalate(step, outcome.reason);
    }
  }
}
