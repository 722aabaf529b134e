import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { capabilitiesOf } from '../../channels/capabilities';
import { renderReply } from '../../channels/render';
import type { Link } from '../../channels/reply';

/**
 * A main dialog for channel tests, answering by keyword:
 * - "three": three separate messages, "one", "two", "three";
 * - "boom": throws (the turn-error handler answers);
 * - "slow": waits until the test calls `release()`, then says "finished";
 * - "responded?": whether the turn already counts as answered (it must not, after "typing");
 * - "links": the given portal links, rendered for the channel (Adaptive Card openUrl buttons on
 *   Web Chat) plus a markdown link in the text;
 * - anything else: "echo: <text>".
 */
export class ScriptedDialog extends ComponentDialog {
  private gate!: Promise<void>;
  private open!: () => void;
  /** Resolves when a "slow" turn is waiting at the gate. */
  entered!: Promise<void>;
  private enter!: () => void;

  constructor(private readonly links: Link[] = []) {
    super('main');
    this.reset();
    this.addDialog(new WaterfallDialog('scripted', [(step) => this.answer(step)]));
    this.initialDialogId = 'scripted';
  }

  release(): void {
    this.open();
  }

  reset(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
    this.entered = new Promise((resolve) => (this.enter = resolve));
  }

  private async answer(step: WaterfallStepContext) {
    const context = step.context;
    const text = (context.activity.text ?? '').trim();
    switch (text) {
      case 'three':
        await context.sendActivity('one');
        await context.sendActivity('two');
        await context.sendActivity('three');
        break;
      case 'boom':
        throw new Error('scripted failure');
      case 'slow':
        this.enter();
        await this.gate;
        await context.sendActivity('finished');
        break;
      case 'responded?':
        await context.sendActivity(`responded=${context.responded}`);
        break;
      case 'links': {
        const [first] = this.links;
        const reply = { text: `Here you go. You can also open [${first?.title}](${first?.url}).`, links: this.links, title: 'Pharmacy' };
        await context.sendActivities(renderReply(reply, capabilitiesOf(context.activity.channelId), { replyWithNumber: '' }));
        break;
      }
      default:
        await context.sendActivity(`echo: ${text}`);
    }
    return step.endDialog();
  }
}
