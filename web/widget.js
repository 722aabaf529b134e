/*
 * The member assistant chat widget: Bot Framework Web Chat (served by the assistant from
 * /static/webchat.js) on a Direct Line connection from POST /api/directline/token.
 *
 * - The conversation survives a page reload: its token and id are kept in sessionStorage (this
 *   tab only) and the widget reconnects to it; Web Chat then shows the conversation so far.
 * - A host page may pass the signed-in member's identity assertion (a JWT from the portal):
 *     window.MemberAssistant = { identityAssertion: '<jwt>' }            (or a function returning it)
 *   defined before this script, or a data-identity-assertion attribute on #member-assistant.
 *   It is sent to the assistant as a "member/identity" event after connecting, never stored.
 * No inline scripts or handlers: the page works under a Content-Security-Policy of script-src 'self'.
 */
(function () {
  'use strict';

  var STORAGE_KEY = 'member-assistant.directline';
  var root = document.getElementById('member-assistant');
  var host = document.getElementById('ma-webchat');
  var statusBar = document.getElementById('ma-status');
  var config = root.dataset;
  var current = null; // { directLine, subscription, connectedOnce, remember, observer, props, ended }
  var resumeFailed = false;
  /** Bidirectional embeddings and overrides (U+202A–U+202E, U+2066–U+2069): they would reorder what is shown around them. */
  var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

  // --- status line ------------------------------------------------------------------------

  function setStatus(text, isError, withRestart) {
    statusBar.textContent = text || '';
    statusBar.classList.toggle('ma-status--error', Boolean(isError));
    if (withRestart) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'ma-restart';
      button.textContent = config.restart;
      button.addEventListener('click', function () {
        forget();
        start();
      });
      statusBar.appendChild(button);
    }
  }

  // --- the conversation kept in this tab ----------------------------------------------------

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
      if (saved && typeof saved.token === 'string' && typeof saved.conversationId === 'string' && typeof saved.domain === 'string') {
        return saved;
      }
    } catch (e) {
      /* storage disabled or damaged: start afresh */
    }
    return null;
  }

  function save(session) {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (e) {
      /* private mode: the conversation just does not survive a reload */
    }
  }

  function forget() {
    try {
      window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (e) {
      /* ignore */
    }
  }

  /** When a Direct Line token expires (ms), from its JWT `exp`; 0 when unreadable. */
  function expiresAt(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var exp = JSON.parse(window.atob(payload)).exp;
      return typeof exp === 'number' ? exp * 1000 : 0;
    } catch (e) {
      return 0;
    }
  }

  function postJson(url, headers) {
    return window.fetch(url, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, headers || {}),
      body: '{}',
      credentials: 'same-origin',
    }).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.json();
    });
  }

  /** A new conversation: token, conversation id and Direct Line domain from the assistant. */
  function newSession() {
    return postJson(config.tokenUrl).then(function (grant) {
      if (!grant || typeof grant.token !== 'string' || typeof grant.conversationId !== 'string' || typeof grant.domain !== 'string') {
        throw new Error('unexpected token answer');
      }
      return { token: grant.token, conversationId: grant.conversationId, domain: grant.domain, resumed: false };
    });
  }

  /**
   * The conversation of this tab, with a freshly refreshed token; null when there is none or
   * it cannot be continued (token expired, conversation ended). The reconnect asks for the
   * conversation from the start (no watermark): Web Chat starts empty after a reload and is given
   * the conversation so far. Within a page, directlinejs itself reconnects from its watermark.
   */
  function resumeSession() {
    var saved = resumeFailed ? null : load();
    if (!saved) return Promise.resolve(null);
    var exp = expiresAt(saved.token);
    if (exp && exp - Date.now() < 30 * 1000) return Promise.resolve(null);
    return postJson(saved.domain + '/tokens/refresh', { Authorization: 'Bearer ' + saved.token }).then(
      function (answer) {
        if (!answer || typeof answer.token !== 'string') return null;
        return { token: answer.token, conversationId: saved.conversationId, domain: saved.domain, resumed: true };
      },
      function () {
        return null;
      },
    );
  }

  // --- identity assertion pass-through ------------------------------------------------------

  function identityAssertion() {
    var value;
    try {
      var hook = window.MemberAssistant && window.MemberAssistant.identityAssertion;
      value = typeof hook === 'function' ? hook() : hook || config.identityAssertion;
    } catch (e) {
      value = null;
    }
    return Promise.resolve(value).then(
      function (assertion) {
        return typeof assertion === 'string' && assertion ? assertion : null;
      },
      function () {
        return null;
      },
    );
  }

  // --- Web Chat -----------------------------------------------------------------------------

  function styleOptions() {
    var css = window.getComputedStyle(document.documentElement);
    var primary = css.getPropertyValue('--brand-primary').trim() || '#0b5fa5';
    var primaryText = css.getPropertyValue('--brand-primary-text').trim() || '#ffffff';
    var accent = css.getPropertyValue('--brand-accent').trim() || '#e8f1fa';
    return {
      // Typing activities (no text) let an agent in a live chat see that the member is typing.
      sendTypingIndicator: true,
      accent: primary,
      backgroundColor: '#ffffff',
      bubbleBackground: accent,
      bubbleBorderRadius: 12,
      bubbleFromUserBackground: primary,
      bubbleFromUserTextColor: primaryText,
      bubbleFromUserBorderRadius: 12,
      bubbleMaxWidth: 600,
      botAvatarInitials: undefined,
      hideUploadButton: true,
      primaryFont: 'inherit',
      sendBoxButtonColor: primary,
      sendBoxButtonColorOnHover: primary,
      suggestedActionLayout: 'flow',
      suggestedActionBorderColor: primary,
      suggestedActionTextColor: primary,
      suggestedActionBorderRadius: 16,
      suggestedActionHeight: 32,
      transcriptOverlayButtonBackground: primary,
    };
  }

  /** Text without bidirectional controls (what was sent or received is shown as written, in its own direction). */
  function withoutControls(action, field) {
    var holder = field === 'activity' ? action.payload && action.payload.activity : action.payload;
    if (!holder || typeof holder.text !== 'string' || !BIDI_CONTROLS.test(holder.text)) return action;
    BIDI_CONTROLS.lastIndex = 0;
    var clean = Object.assign({}, holder, { text: holder.text.replace(BIDI_CONTROLS, '') });
    var payload = field === 'activity' ? Object.assign({}, action.payload, { activity: clean }) : clean;
    return Object.assign({}, action, { payload: payload });
  }

  /** Every message bubble takes its direction from its own text (dir="auto"): Arabic or Hebrew reads right to left. */
  function bubblesAuto(node) {
    var observer = new window.MutationObserver(function () {
      var bubbles = node.querySelectorAll('.webchat__bubble__content:not([dir])');
      for (var i = 0; i < bubbles.length; i++) bubbles[i].setAttribute('dir', 'auto');
    });
    observer.observe(node, { childList: true, subtree: true });
    return observer;
  }

  /**
   * When the assistant restarts or the network drops, web/reconnect.js gets the chat back within
   * seconds; the member sees "Connecting…" meanwhile, and is told plainly (the send box off, a
   * button to start again) when this conversation cannot be continued or the assistant stays away.
   */
  function keepConnected(directLine) {
    var reconnect = window.MemberAssistantReconnect;
    if (!reconnect) return;
    function live() {
      return current !== null && current.directLine === directLine && !current.ended;
    }
    function end(text) {
      if (!live()) return;
      current.ended = true;
      setStatus(text, true, true);
      window.WebChat.renderWebChat(Object.assign({}, current.props, { disabled: true }), host);
    }
    reconnect.keepConnected(directLine, {
      onAway: function () {
        if (live()) setStatus(config.connecting);
      },
      onBack: function () {
        if (live()) setStatus('');
      },
      onLost: function () {
        end(config.ended);
      },
      onGaveUp: function () {
        end(config.unavailable);
      },
    });
  }

  function connect(session, assertion) {
    save(session);
    var directLine = window.WebChat.createDirectLine({
      domain: session.domain,
      token: session.token,
      conversationId: session.resumed ? session.conversationId : undefined,
      webSocket: true,
      conversationStartProperties: { locale: config.locale },
    });
    keepConnected(directLine);

    /** Keeps the (refreshed) token in this tab's storage, so a reload can continue. */
    function remember() {
      var token = directLine.token;
      if (typeof token === 'string' && token !== session.token) {
        session.token = token;
        save(session);
      }
    }

    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') action = withoutControls(action, 'activity');
          else if (action.type === 'WEB_CHAT/SEND_MESSAGE') action = withoutControls(action, 'payload');
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            session.conversationId = directLine.conversationId || session.conversationId;
            session.resumed = true;
            save(session);
            setStatus('');
            if (assertion) {
              api.dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'member/identity', value: assertion } });
            }
          } else if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            remember();
          }
          return result;
        };
      };
    });

    var subscription = directLine.connectionStatus$.subscribe(function (status) {
      // 3: token expired, 4: failed to connect, 5: ended.
      if (current === null || current.directLine !== directLine || current.ended) return;
      if (status === 4 && session.resumed && !current.connectedOnce) {
        // The kept conversation cannot be continued (ended after a long idle time): start a new one.
        resumeFailed = true;
        forget();
        start();
      } else if (status === 4) {
        setStatus(config.unavailable, true, true);
      } else if (status === 3 || status === 5) {
        setStatus(config.disconnected, true, true);
      } else if (status === 2) {
        current.connectedOnce = true;
      }
    });

    var props = {
      directLine: directLine,
      store: store,
      locale: config.locale,
      sendTypingIndicator: true,
      styleOptions: styleOptions(),
    };
    current = { directLine: directLine, subscription: subscription, connectedOnce: false, remember: remember, observer: bubblesAuto(host), props: props, ended: false };
    window.addEventListener('pagehide', remember);
    window.WebChat.renderWebChat(props, host);
  }

  function stopCurrent() {
    if (!current) return;
    var old = current;
    current = null;
    old.subscription.unsubscribe();
    old.observer.disconnect();
    window.removeEventListener('pagehide', old.remember);
    // A fresh element for the next Web Chat (the old one stays unmounted with its conversation).
    var fresh = host.cloneNode(false);
    host.parentNode.replaceChild(fresh, host);
    host = fresh;
    try {
      old.directLine.end();
    } catch (e) {
      /* already ended */
    }
  }

  function start() {
    stopCurrent();
    setStatus(root.dataset.connecting || '');
    if (!window.WebChat) {
      setStatus(config.unavailable, true);
      return;
    }
    Promise.all([resumeSession(), identityAssertion()])
      .then(function (results) {
        var assertion = results[1];
        return (results[0] ? Promise.resolve(results[0]) : newSession()).then(function (session) {
          connect(session, assertion);
        });
      })
      .catch(function () {
        setStatus(config.unavailable, true, true);
      });
  }

  root.dataset.connecting = statusBar.textContent;
  start();
})();
