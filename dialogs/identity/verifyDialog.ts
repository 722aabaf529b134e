import type { TokenResponse } from 'botbuilder';
import { ComponentDialog, OAuthPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { VerifiedMember } from '../../services/member';
import type { DialogKit } from '../common/kit';
import { ChoiceQuestion, TextQuestion, type ChoiceAnswer, type ChoiceQuestionOptions, type TextAnswer } from '../common/questions';
import type { IdentityVerification, PendingRequest, VerifyRoute } from './verification';

export const VERIFY_DIALOG = 'identity.verify';
const CODE_QUESTION = 'identity.code';
const OAUTH_PROMPT = 'identity.oauth';

export interface VerifyOptions {
  /** What the member asked for (for the wording). */
  topic: PendingRequest['topic'] | 'booking';
  /** Show it once the member signs in on the portal (Web Chat): lists, not bookings. */
  remember?: PendingRequest;
}

/** How verification ended: a verified member, or why not (the caller explains and links). */
export type VerifyResult = { member: VerifiedMember } | { member: null; route: VerifyRoute['kind'] | 'declined' | 'failed'; reason?: string };

type CodeResult = 'verified' | 'expired' | 'locked';

/**
 * Proves who the member is, the way their channel allows, before a dialog shows their records:
 * Teams maps their Entra ID (no question) or shows a sign-in card (OAuthPrompt); SMS offers a
 * one-time code to the number on file (none while the hour's codes are used up) and checks it (the identity gate checks and masks the typed
 * code before anything else sees it); Web Chat cannot sign in inside the chat — the caller points
 * to the portal, and the answer follows once the portal's assertion arrives. Ends with a
 * VerifyResult; never shows anything itself that is not about verifying.
 */
export class VerifyIdentityDialog extends ComponentDialog {
  constructor(
    private readonly kit: DialogKit,
    private readonly verification: IdentityVerification,
    oauthConnection?: string,
  ) {
    super(VERIFY_DIALOG);
    this.addDialog(new ChoiceQuestion(kit));
    this.addDialog(
      new TextQuestion<CodeResult>(CODE_QUESTION, kit, (_text, { context }) => {
        const check = this.verification.codeCheck(context);
        if (check === 'verified' || check === 'expired' || check === 'locked') return { ok: true, value: check };
        return { ok: false, error: check === 'wrong' ? 'identity.sms.wrongCode' : 'identity.sms.notACode' };
      }),
    );
    if (oauthConnection) {
      this.addDialog(new OAuthPrompt(OAUTH_PROMPT, { connectionName: oauthConnection, title: 'Sign in', text: 'Sign in to see your own information', timeout: 5 * 60_000 }));
    }
    this.addDialog(new WaterfallDialog(`${VERIFY_DIALOG}.flow`, [(s) => this.start(s), (s) => this.afterOffer(s), (s) => this.afterCode(s)]));
    this.initialDialogId = `${VERIFY_DIALOG}.flow`;
  }

  private what(step: WaterfallStepContext): string {
    return this.kit.text(step.context, `identity.what.${(step.options as VerifyOptions).topic}`);
  }

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const route = await this.verification.route(step.context);
    const values = step.values as { route: VerifyRoute['kind'] };
    values.route = route.kind;
    switch (route.kind) {
      case 'verified':
        return step.endDialog({ member: route.member } satisfies VerifyResult);
      case 'portal': {
        const remember = (step.options as VerifyOptions).remember;
        if (remember) await this.verification.rememberPending(step.context, remember);
        return step.endDialog({ member: null, route: 'portal' } satisfies VerifyResult);
      }
      case 'none':
        return step.endDialog({ member: null, route: 'none', reason: route.reason } satisfies VerifyResult);
      case 'oauth':
        await this.kit.memory.noteSignInAsked(step.context);
        return step.beginDialog(OAUTH_PROMPT, { prompt: { type: 'message', text: this.kit.text(step.context, 'identity.oauth.prompt', { what: this.what(step) }) } });
      case 'smsCode':
        // The hour's codes are used up: no offer that would be refused; the caller goes on without sign-in.
        if (!(await this.verification.canSendCode(step.context))) {
          await this.kit.say(step.context, 'identity.sms.noCodeNow');
          return step.endDialog({ member: null, route: 'failed' } satisfies VerifyResult);
        }
        return step.beginDialog(ChoiceQuestion.ID, {
          question: 'identity.smsOffer',
          prompt: 'identity.sms.offer',
          vars: { what: this.what(step), hint: route.hint },
          mode: 'exact',
          noMatch: 'end',
        } satisfies ChoiceQuestionOptions);
    }
  }

  private async afterOffer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const route = (step.values as { route: VerifyRoute['kind'] }).route;
    if (route === 'oauth') {
      const token = (step.result as TokenResponse | undefined)?.token;
      const member = token ? await this.verification.completeSignIn(step.context, token) : null;
      if (member) return step.endDialog({ member } satisfies VerifyResult);
      await this.kit.say(step.context, 'identity.oauth.failed');
      return step.endDialog({ member: null, route: 'failed' } satisfies VerifyResult);
    }
    if ((step.result as ChoiceAnswer | undefined)?.answer !== 'sendCode') return step.endDialog({ member: null, route: 'declined' } satisfies VerifyResult);
    const sent = await this.verification.sendCode(step.context);
    if (sent !== 'sent') {
      await this.kit.say(step.context, sent === 'throttled' ? 'identity.sms.throttled' : 'identity.unavailable');
      return step.endDialog({ member: null, route: 'failed' } satisfies VerifyResult);
    }
    // The gate counts wrong codes (and cancels the code); this only bounds messages that are not codes.
    return step.beginDialog(CODE_QUESTION, { prompt: 'identity.sms.askCode', maxAttempts: 6 });
  }

  private async afterCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as TextAnswer<CodeResult> | undefined;
    const verdict = answer && 'value' in answer ? answer.value : null;
    if (verdict === 'verified') {
      const member = await this.verification.route(step.context);
      if (member.kind === 'verified') {
        await this.kit.say(step.context, 'identity.sms.accepted');
        return step.endDialog({ member: member.member } satisfies VerifyResult);
      }
    }
    await this.verification.dropCode(step.context);
    await this.kit.say(step.context, verdict === 'expired' ? 'identity.sms.expired' : verdict === 'locked' ? 'identity.sms.locked' : 'identity.sms.stopped');
    return step.endDialog({ member: null, route: 'failed' } satisfies VerifyResult);
  }
}
