
let counter = 0;

/** A member message as a channel would post it; `deliveryMode: expectReplies` by default. */
export function messageActivity(text: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'message',
    id: `act-${counter}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1' },
    from: { id: 'member-1', name: 'Member', role: 'user' },
    recipient: { id: 'member-assistant', name: 'Member Assistant', role: 'bot' },
    locale: 'en-US',
    timestamp: new Date().toISOString(),
    deliveryMode: 'expectReplies',
    text,
    ...overrides,
  };
}

export function conversationUpdate(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: 'conversationUpdate',
    id: `act-${counter}`,
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: 'conv-1' },
    from: { id: 'member-1', role: 'user' },
    recipient: { id: 'member-assistant', role: 'bot' },
    membersAdded: [{ id: 'member-assistant' }, { id: 'member-1' }],
    deliveryMode: 'expectReplies',
    ...overrides,
  };
}
