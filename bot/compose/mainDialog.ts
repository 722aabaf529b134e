import type { BookingRequest } from '../../dialogs/appointment/bookingRequest';
import { asksBooked } from '../../dialogs/appointment/bookingStatus';
import type { BookingWords } from '../../dialogs/bookingWords';
import { LabPrepWords } from '../../dialogs/labPrep';
import { prescriptionAsk } from '../../dialogs/refill/prescriptionAsk';
import { NurseInChatReply } from '../../dialogs/main/nurseInChatReply';
import { NurseInChatWords } from '../../dialogs/nurseInChat';
import { PersonWords } from '../../dialogs/personWords';
import { VagueRequest } from '../../dialogs/vagueRequest';
import { VisitModeNotPerson } from '../../dialogs/main/visitModeNotPerson';
import type { Logger } from '../../common/logger';
import { loadConcepts } from '../../intents/triage/concepts';
import type { DialogKit } from '../../dialogs/common/kit';
import type { MemberRecords } from '../../dialogs/common/memberRecords';
import type { TaskDialog } from '../../dialogs/common/taskDialog';
import type { Escalation } from '../../dialogs/escalation';
import { FollowUpAnswers, type PageTimes } from '../../dialogs/followUpAnswers';
import { FollowUpNews } from '../../dialogs/followUpNews';
import { FollowUpReader } from '../../dialogs/followUps';
import { LineNames } from '../../dialogs/lineNames';
import { AnythingElse } from '../../dialogs/main/anythingElse';
import { FollowUpReply } from '../../dialogs/main/followUpReply';
import { MainReplies, type ClosingLineOf } from '../../dialogs/main/mainReplies';
import { ResumeOffer } from '../../dialogs/main/resumeOffer';
import { RequestPlan } from '../../dialogs/main/requestPlan';
import { SecondRequest } from '../../dialogs/main/secondRequest';
import { FollowUpOverGuess } from '../../dialogs/main/followUpOverGuess';
import { PlainAfterTask } from '../../dialogs/main/plainAfterTask';
import { RouteDecider } from '../../dialogs/main/routeDecider';
import { TaskStart } from '../../dialogs/main/taskStart';
import { UnclearReply } from '../../dialogs/main/unclearReply';
import { MainDialog } from '../../dialogs/mainDialog';
import { MentalHealthVisit } from '../../dialogs/mentalHealthVisit';
import { RenewalFor } from '../../dialogs/refill/renewalFor';
import { RescueReply } from '../../dialogs/refill/rescueReply';
import { RescueWords } from '../../dialogs/refill/rescueWords';
import { ResumeWords } from '../../dialogs/resumeWords';
import { TopicPrior } from '../../dialogs/topicPrior';
import { TopicNames } from '../../dialogs/topicNames';
import { SubTopicRouter } from '../../dialogs/topics/subTopicRouter';

/**
 * The main dialog (routing, the resume offer, "anything else?", follow-ups) and its parts, over the task dialogs.
 * The booking words and visit-kind words come from bot/compose/dialogs.ts (for the root), loaded once for this and the appointment task.
 */
export function createMainDialog(
  kit: DialogKit,
  escalation: Escalation,
  logger: Logger,
  tasks: readonly TaskDialog[],
  deps: { records?: MemberRecords; booking: BookingWords; bookingRequest: BookingRequest; times?: PageTimes; closingLine?: ClosingLineOf },
): MainDialog {
  const { options, phrases, policy, medicines } = kit;
  const topicNames = TopicNames.load();
  const rescueWords = RescueWords.load();
  const renewalFor = deps.records ? new RenewalFor(kit, deps.records) : undefined;
  const concepts = loadConcepts();
  const decider = new RouteDecider({
    options,
    phrases,
    policy,
    medicines,
    followUps: new FollowUpReader(FollowUpNews.load(), LineNames.load(), topicNames, medicines),
    topicPrior: new TopicPrior(options, phrases, policy, topicNames),
    mentalHealthVisit: new MentalHealthVisit(options, phrases, policy),
    rescue: rescueWords,
    overGuess: FollowUpOverGuess.load(concepts),
    plainAfterTask: PlainAfterTask.load(concepts),
    visitMode: new VisitModeNotPerson(options, phrases),
    labPrep: LabPrepWords.load(),
    prescriptionAsk,
    nurseInChat: NurseInChatWords.load(),
    vague: VagueRequest.load(),
    person: PersonWords.load((text) => options.readings(text)),
    booking: deps.booking,
    bookingRequest: deps.bookingRequest,
    bookedQuestion: asksBooked,
  });
  const replies = new MainReplies(kit, escalation, deps.closingLine);
  const taskStart = new TaskStart(kit);
  const secondRequest = new SecondRequest(phrases, new SubTopicRouter(options));
  const anythingElse = new AnythingElse(kit, replies);
  const followUpAnswers = new FollowUpAnswers(kit, renewalFor, deps.times, deps.bookingRequest);
  return new MainDialog(
    {
      kit,
      decider,
      replies,
      taskStart,
      unclear: new UnclearReply(kit, replies, secondRequest, topicNames),
      resumeOffer: new ResumeOffer({ kit, decider, resumeWords: new ResumeWords(kit), taskStart, anythingElse, replies }),
      anythingElse,
      followUpReply: new FollowUpReply(kit, followUpAnswers, taskStart, replies),
      secondRequest,
      requestPlan: new RequestPlan(kit),
      rescue: new RescueReply(kit, rescueWords, renewalFor),
      nurseInChat: new NurseInChatReply(kit),
    },
    logger,
    tasks,
  );
}
