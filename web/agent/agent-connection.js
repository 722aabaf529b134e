/*
 * The agent console's connection to the assistant: the session token (this tab's sessionStorage
 * only), JSON requests to the agent API with `Authorization: Bearer`, and the live stream
 * (Server-Sent Events read with fetch, so the token never goes into a URL), reconnected with
 * backoff when it drops. Used by agent.js; no inline scripts anywhere (script-src 'self').
 */
(function () {
  'use strict';

  var TOKEN_KEY = 'member-assistant.agent-token';

  /**
   * handlers: { event(name, payload), live(text), unauthorized(message) }
   */
  function AgentConnection(handlers) {
    this.handlers = handlers;
    this.token = null;
    this.controller = null;
    this.retry = 0;
  }

  AgentConnection.prototype.restore = function () {
    try {
      this.token = window.sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      this.token = null;
    }
    return this.token;
  };

  AgentConnection.prototype.use = function (token) {
    this.token = token;
    try {
      if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
      else window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      /* private mode: the session ends with the page */
    }
  };

  /** Resolves { status, ok, body } (body: the parsed JSON or null); 401 tells `unauthorized`. */
  AgentConnection.prototype.request = function (method, path, body) {
    var self = this;
    var headers = { accept: 'application/json' };
    if (this.token) headers.authorization = 'Bearer ' + this.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch (e) {
          json = null;
        }
        if (res.status === 401 && self.token && path !== '/api/agent/login') self.handlers.unauthorized('Your session has ended. Sign in again.');
        return { status: res.status, ok: res.ok, body: json };
      });
    });
  };

  AgentConnection.prototype.close = function () {
    if (this.controller) this.controller.abort();
    this.controller = null;
  };

  /** Opens the live stream; events go to handlers.event(name, payload). */
  AgentConnection.prototype.open = function () {
    var self = this;
    this.close();
    var controller = new AbortController();
    this.controller = controller;
    fetch('/api/agent/events', { headers: { authorization: 'Bearer ' + this.token, accept: 'text/event-stream' }, signal: controller.signal })
      .then(function (res) {
        if (res.status === 401) return self.handlers.unauthorized('Your session has ended. Sign in again.');
        if (!res.ok || !res.body) throw new Error('stream ' + res.status);
        self.retry = 0;
        self.handlers.live('Live: new conversations appear here.');
        var reader = res.body.getReader();
        var decoder = new TextDecoder();
        var buffer = '';
        var pump = function () {
          return reader.read().then(function (chunk) {
            if (chunk.done) throw new Error('stream ended');
            buffer += decoder.decode(chunk.value, { stream: true });
            var blocks = buffer.split('\n\n');
            buffer = blocks.pop();
            blocks.forEach(function (block) {
              self.dispatch(block);
            });
            return pump();
          });
        };
        return pump();
      })
      .catch(function () {
        if (controller.signal.aborted || !self.token) return;
        self.retry = Math.min(self.retry + 1, 4);
        self.handlers.live('Reconnecting…');
        // 0.25–0.5 s, then up to 1, 2 and 4 s, jittered (as the chat widget, web/reconnect.js): live
        // again within seconds of a restart of the assistant, without all consoles asking at once.
        var ceiling = 500 * Math.pow(2, self.retry - 1);
        window.setTimeout(function () {
          if (self.token && self.controller === controller) self.open();
        }, ceiling / 2 + Math.random() * (ceiling / 2));
      });
  };

  /** One Server-Sent Events block: "event: name" and "data: json" lines. */
  AgentConnection.prototype.dispatch = function (block) {
    var name = 'message';
    var data = '';
    block.split('\n').forEach(function (line) {
      if (line.indexOf('event: ') === 0) name = line.slice(7);
      else if (line.indexOf('data: ') === 0) data += line.slice(6);
    });
    if (data) this.handlers.event(name, JSON.parse(data));
  };

  window.AgentConnection = AgentConnection;
})();
