import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, GovernmentConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { AuthConfig } from './config';

/**
 * Bot Framework authentication from our validated settings. botbuilder treats an overridden
 * OpenID metadata URL as "every endpoint is custom", so when one is overridden (a sovereign
 * cloud proxy, or the tests' local key server) the others keep their cloud's defaults.
 */
export function createBotFrameworkAuthentication(auth: AuthConfig): BotFrameworkAuthentication {
  const given = Object.fromEntries(Object.entries(auth.botFramework).filter(([, value]) => value !== undefined));
  const overridden = auth.botFramework.ToBotFromChannelOpenIdMetadataUrl || auth.botFramework.ToBotFromEmulatorOpenIdMetadataUrl;
  if (!overridden) return new ConfigurationBotFrameworkAuthentication(given);

  const cloud = auth.botFramework.ChannelService === GovernmentConstants.ChannelService ? GovernmentConstants : AuthenticationConstants;
  return new ConfigurationBotFrameworkAuthentication({
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: cloud.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: cloud.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: cloud.ToBotFromChannelTokenIssuer,
    OAuthUrl: cloud.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: cloud.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: cloud.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: cloud === GovernmentConstants ? 'urn:botframework:azureusgov' : 'urn:botframework:azure',
    ...given,
  });
}
