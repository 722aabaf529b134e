import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ReplySender } from '../bot/channels/replySender';
import { topicChoices } from '../bot/welcome';
import { localeOf, type ResponseCatalog } from '../common/responses';

export const MAIN_DIALOG = 'main';

/**
 * Routes each member message. Placeholder until understanding and the task dialogs land:
 * it answers every message with the topics menu.
 */
export class MainDialog extends ComponentDialog {
  constructor(
    private readonly sender: ReplySender,
    private readonly catalog: ResponseCatalog,
  ) {
    super(MAIN_DIALOG);
    this.addDialog(new WaterfallDialog('main.route', [(step) => this.route(step)]));
    this.initialDialogId = 'main.route';
  }

  private async route(step: WaterfallStepContext) {
    const locale = localeOf(step.context.activity.locale);
    await this.sender.send(
      step.context,
      { text: this.catalog.text(locale, 'main.placeholder'), choices: topicChoices(this.catalog, locale) },
      locale,
    );
    return step.endDialog();
  }
}
