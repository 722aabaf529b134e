/*
 * The agent console: sign in, a live queue, claim a conversation, read its transcript, chat with
 * the member, send a portal page in one click, end the chat or hand it back to the assistant.
 * The connection (token, requests, live stream) is agent-connection.js. No inline scripts or
 * handlers: the page runs under script-src 'self'.
 */
(function () {
  'use strict';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var state = {
    agent: null,
    queue: [],
    links: [],
    current: null, // the escalation shown (detail)
    drafts: {}, // escalation id → the message typed for that member and not sent yet
  };
  var connection = new window.AgentConnection({
    event: dispatch,
    live: function (text) {
      $('ac-live').textContent = text;
    },
    unauthorized: function (message) {
      signedOut(message);
    },
  });
  var api = function (method, path, body) {
    return connection.request(method, path, body);
  };
  // The console's working features (notes, wrap-up, transfer, presence, alerts…) are modules of their
  // own (workspace*.js): they hear what happens here and may take over ending a chat (wrap-up).
  var listeners = [];
  function emit(name, payload) {
    listeners.forEach(function (listener) {
      try {
        listener(name, payload);
      } catch (e) {
        /* one broken module must not stop the console */
      }
    });
  }
  window.AgentConsole = {
    state: state,
    api: api,
    on: function (listener) {
      listeners.push(listener);
    },
    open: function (id) {
      return open(id);
    },
    reload: function () {
      reloadCurrent();
    },
    notice: function (text) {
      notice(text);
    },
    /** Set by the wrap-up module: function (outcome) that ends the chat with a disposition. */
    finish: null,
  };

  /** Intent → the portal pages worth one click for it (the profile's link groups). */
  var SUGGESTED = {
    appointment: 'appointments.',
    refill: 'pharmacy.',
    password_reset: 'signInHelp.',
    billing: 'billing.',
    records: 'records.',
    telehealth: 'telehealth.',
    contact: 'messaging.',
  };
  var CHANNELS = { webchat: 'Web Chat', directline: 'Web Chat', msteams: 'Teams', sms: 'SMS', emulator: 'Emulator' };
  var LANGUAGES = { en: 'English', es: 'Spanish' };

  // --- small helpers ---------------------------------------------------------------------------

  /** Bidirectional embeddings and overrides (U+202A–U+202E, U+2066–U+2069) would reorder what is shown around them. */
  var BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

  function plain(text) {
    return String(text).replace(BIDI_CONTROLS, '');
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = plain(text);
    return node;
  }

  /** A text written by someone (member, agent, assistant): its own direction (Arabic, Hebrew…). */
  function said(tag, className, text) {
    var node = el(tag, className, text);
    node.dir = 'auto';
    return node;
  }

  function minutesSince(iso) {
    return duration((Date.now() - Date.parse(iso)) / 1000);
  }

  function duration(seconds) {
    seconds = Math.max(0, seconds);
    if (seconds < 60) return 'under a minute';
    var minutes = Math.round(seconds / 60);
    return minutes === 1 ? '1 minute' : minutes + ' minutes';
  }

  function describeStatus(e) {
    if (e.status === 'queued') return 'Waiting' + (e.position ? ' · #' + e.position + ' in line' : '');
    if (e.status === 'active') return e.agent && state.agent && e.agent.id === state.agent.id ? 'With you' : 'With ' + (e.agent ? e.agent.name : 'an agent');
    return e.status.charAt(0).toUpperCase() + e.status.slice(1);
  }

  function memberConnection(e) {
    if (e.memberOnline === false) return 'Disconnected (closed the chat or lost the connection)';
    if (e.memberOnline === true) return 'Connected';
    return 'Not shown on this channel';
  }

  function topic(intent) {
    return intent ? intent.replace(/_/g, ' ') : 'no topic';
  }

  // --- sign-in ---------------------------------------------------------------------------------

  function showSignIn(message) {
    $('ac-signin').hidden = false;
    $('ac-console').hidden = true;
    $('ac-who').hidden = true;
    $('ac-signin-error').textContent = message || '';
  }

  function signedOut(message) {
    connection.close();
    connection.use(null);
    state.agent = null;
    state.current = null;
    state.drafts = {};
    $('ac-message').value = '';
    emit('signedOut');
    showSignIn(message);
  }

  function signedIn(token, agent) {
    connection.use(token);
    state.agent = agent;
    $('ac-signin').hidden = true;
    $('ac-console').hidden = false;
    $('ac-who').hidden = false;
    $('ac-agent-name').textContent = 'Signed in as ' + agent.name;
    emit('signedIn', agent);
    api('GET', '/api/agent/links').then(function (answer) {
      if (answer.ok) {
        state.links = answer.body.links;
        renderLinkSelect();
      }
    });
    connection.open();
  }

  $('ac-login').addEventListener('submit', function (event) {
    event.preventDefault();
    $('ac-signin-error').textContent = '';
    api('POST', '/api/agent/login', { username: $('ac-username').value, password: $('ac-password').value }).then(function (answer) {
      if (answer.ok) {
        $('ac-password').value = '';
        signedIn(answer.body.token, answer.body.agent);
      } else {
        $('ac-signin-error').textContent = (answer.body && answer.body.message) || 'Sign-in failed.';
      }
    });
  });

  $('ac-signout').addEventListener('click', function () {
    var done = function () {
      signedOut('You have signed out.');
    };
    api('POST', '/api/agent/logout').then(done, done);
  });

  // --- what the live stream says ----------------------------------------------------------------

  function dispatch(event, payload) {
    if (event === 'queue') {
      state.queue = payload.escalations;
      renderQueue();
      if (state.current) refreshCurrentFromQueue();
    } else if (event === 'entries') {
      if (state.current && state.current.id === payload.escalationId) {
        appendEntries(payload.entries);
        if (payload.status !== state.current.status) reloadCurrent();
      }
    } else if (event === 'alert') {
      if (state.current && state.current.id === payload.escalationId) showAlert(payload.kind);
    } else if (event === 'hello') {
      // A new live stream (first, or after a drop or a restart): what was said meanwhile is read again.
      if (state.current) reloadCurrent();
    } else if (event === 'expired') {
      signedOut('Your session has expired. Sign in again.');
    }
    emit('event', { name: event, payload: payload });
  }

  // --- the queue -------------------------------------------------------------------------------

  function renderQueue() {
    var list = $('ac-queue-list');
    list.textContent = '';
    var waiting = state.queue.filter(function (e) {
      return e.status === 'queued';
    }).length;
    $('ac-queue-count').textContent = '(' + waiting + ' waiting)';
    $('ac-queue-empty').hidden = state.queue.length > 0;
    state.queue.forEach(function (e) {
      var item = el('li', 'ac-queue-item');
      var button = el('button', 'ac-queue-button');
      button.type = 'button';
      button.dataset.id = e.id;
      if (state.current && state.current.id === e.id) button.setAttribute('aria-current', 'true');
      var head = el('span', 'ac-queue-head');
      head.appendChild(el('span', 'ac-queue-status ac-status--' + e.status, describeStatus(e)));
      if (e.alerts) head.appendChild(el('span', 'ac-badge', 'Emergency alert'));
      button.appendChild(head);
      button.appendChild(
        el('span', 'ac-queue-facts', (e.status === 'queued' ? 'Waiting ' + minutesSince(e.createdAt) : 'Waited ' + duration(e.waitSeconds)) + ' · ' + (CHANNELS[e.channelId] || e.channelId) + ' · ' + (LANGUAGES[e.locale] || e.locale) + ' · ' + topic(e.intent)),
      );
      if (e.memberOnline === false) head.appendChild(el('span', 'ac-badge ac-badge--warn', 'Member disconnected'));
      button.appendChild(said('span', 'ac-queue-summary', e.summary));
      button.addEventListener('click', function () {
        open(e.id);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    emit('queue', state.queue);
  }

  // Wait times move on without any event.
  window.setInterval(function () {
    if (connection.token && state.queue.length) renderQueue();
  }, 30000);

  function refreshCurrentFromQueue() {
    var fresh = state.queue.filter(function (e) {
      return e.id === state.current.id;
    })[0];
    if (!fresh) return;
    if (fresh.status !== state.current.status || (fresh.agent && fresh.agent.id) !== (state.current.agent && state.current.agent.id) || fresh.memberOnline !== state.current.memberOnline) reloadCurrent();
  }

  // --- one conversation ------------------------------------------------------------------------

  function open(id) {
    return api('GET', '/api/agent/escalations/' + encodeURIComponent(id)).then(function (answer) {
      if (!answer.ok) return notice((answer.body && answer.body.message) || 'That conversation could not be opened.');
      // One draft per chat: what was typed for the member shown so far stays with them.
      if (state.current) state.drafts[state.current.id] = $('ac-message').value;
      state.current = answer.body.escalation;
      $('ac-message').value = state.drafts[id] || '';
      renderConversation(true);
      renderQueue();
    });
  }

  /** `keep`: a message that must stay on screen after the reload (why an action was refused). */
  function reloadCurrent(keep) {
    if (!state.current) return;
    var id = state.current.id;
    api('GET', '/api/agent/escalations/' + encodeURIComponent(id)).then(function (answer) {
      if (answer.ok && state.current && state.current.id === id) {
        state.current = answer.body.escalation;
        renderConversation(false);
        if (keep) notice(keep);
      }
    });
  }

  function notice(text) {
    $('ac-notice').textContent = text || '';
  }

  function showAlert(kind) {
    var box = $('ac-alert');
    var words = { medical: 'a medical emergency (911)', crisis: 'a crisis (988)', poison: 'a poisoning (Poison Control)' };
    box.textContent = 'Emergency: the member wrote about ' + (words[kind] || 'an emergency') + '. The assistant has already told them what to do now. Follow your emergency procedure.';
    box.hidden = false;
  }

  function renderConversation(focus) {
    var e = state.current;
    $('ac-conv-empty').hidden = true;
    $('ac-conv').hidden = false;
    $('ac-conv-title').textContent = 'Conversation · ' + topic(e.intent);
    var meta = $('ac-meta');
    meta.textContent = '';
    [
      ['Status', describeStatus(e)],
      ['Channel', CHANNELS[e.channelId] || e.channelId],
      ['Language', LANGUAGES[e.locale] || e.locale],
      ['Topic', topic(e.intent)],
      ['Member', e.member.verified ? 'Verified' + (e.member.name ? ': ' + e.member.name : '') : 'Not verified (anonymous)'],
      ['Member id', e.member.verified && e.member.id ? e.member.id : '—'],
      ['Connection', memberConnection(e)],
      ['Asked at', new Date(e.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })],
    ].forEach(function (pair) {
      meta.appendChild(el('dt', '', pair[0]));
      meta.appendChild(el('dd', '', pair[1]));
    });
    $('ac-summary').textContent = plain(e.summary);
    $('ac-summary').dir = 'auto';
    var transcript = $('ac-transcript');
    transcript.textContent = '';
    if (e.dropped) transcript.appendChild(el('li', 'ac-entry ac-entry--system', e.dropped + ' earlier messages are not shown.'));
    $('ac-alert').hidden = true;
    appendEntries(e.transcript);
    var mine = e.status === 'active' && e.agent && state.agent && e.agent.id === state.agent.id;
    $('ac-claim-row').hidden = e.status !== 'queued';
    $('ac-chat').hidden = !mine;
    if (e.status === 'active' && !mine) notice('Another agent (' + (e.agent ? e.agent.name : 'someone') + ') has this conversation.');
    else if (e.status !== 'queued' && e.status !== 'active') notice('This conversation is closed (' + e.status + ').');
    else notice('');
    renderSuggested();
    emit('conversation', e);
    if (focus) $('ac-conv-title').focus();
  }

  function appendEntries(entries) {
    var list = $('ac-transcript');
    var shown = {};
    Array.prototype.forEach.call(list.children, function (li) {
      if (li.dataset.seq) shown[li.dataset.seq] = true;
    });
    entries.forEach(function (entry) {
      if (shown[entry.seq]) return;
      var who = { member: 'Member', assistant: 'Assistant', agent: entry.agentName || 'Agent', system: 'Note' }[entry.from];
      var li = el('li', 'ac-entry ac-entry--' + entry.from + (entry.alert ? ' ac-entry--alert' : ''));
      li.dataset.seq = String(entry.seq);
      li.appendChild(el('span', 'ac-entry-who', who));
      li.appendChild(el('span', 'ac-entry-time', new Date(entry.at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })));
      if (entry.text) li.appendChild(said('p', 'ac-entry-text', entry.text));
      (entry.links || []).forEach(function (link) {
        var a = el('a', 'ac-entry-link', link.title);
        a.href = link.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        li.appendChild(a);
      });
      if (entry.alert) {
        li.appendChild(el('span', 'ac-badge', 'Emergency alert'));
        showAlert(entry.alert);
      }
      if (entry.delivered === false) li.appendChild(el('span', 'ac-badge ac-badge--warn', 'Not delivered: the member is not connected'));
      list.appendChild(li);
    });
    list.scrollTop = list.scrollHeight;
  }

  // --- actions ---------------------------------------------------------------------------------

  function act(path, body, success) {
    var id = state.current.id;
    return api('POST', '/api/agent/escalations/' + encodeURIComponent(id) + path, body).then(
      function (answer) {
        if (!answer.ok) {
          var message = 'Not done: ' + ((answer.body && answer.body.message) || 'the assistant answered ' + answer.status + '.');
          notice(message);
          if (answer.status === 409) reloadCurrent(message);
          return;
        }
        if (success) success(answer.body, id);
      },
      function () {
        notice('Not done: the assistant could not be reached. Check your connection and try again.');
      },
    );
  }

  $('ac-claim').addEventListener('click', function () {
    act('/claim', undefined, function (body) {
      state.current = body.escalation;
      renderConversation(false);
      $('ac-message').focus();
    });
  });

  $('ac-composer').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('ac-message').value.trim();
    if (!text) return;
    act('/messages', { text: text }, function (body, id) {
      delete state.drafts[id];
      if (!state.current || state.current.id !== id) return;
      $('ac-message').value = '';
      appendEntries([body.entry]);
      notice(body.delivered ? '' : 'Not delivered: the member is not connected (closed the chat or lost the connection). They see it if they come back.');
    });
  });

  $('ac-message').addEventListener('keydown', function (event) {
    // Enter sends, Shift+Enter is a new line.
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      $('ac-composer').requestSubmit();
    }
  });

  function sendLink(key) {
    act('/messages', { link: key }, function (body, id) {
      if (!state.current || state.current.id !== id) return;
      appendEntries([body.entry]);
      notice(body.delivered ? '' : 'Not delivered: the member is not connected (closed the chat or lost the connection). They see it if they come back.');
    });
  }

  function renderSuggested() {
    var box = $('ac-link-buttons');
    box.textContent = '';
    var prefix = state.current && SUGGESTED[state.current.intent];
    var picks = state.links.filter(function (l) {
      return prefix ? l.key.indexOf(prefix) === 0 : l.key.indexOf('messaging.') === 0;
    });
    picks.slice(0, 8).forEach(function (link) {
      var button = el('button', 'ac-button ac-button--link', link.title);
      button.type = 'button';
      button.title = link.url;
      button.addEventListener('click', function () {
        sendLink(link.key);
      });
      box.appendChild(button);
    });
  }

  function renderLinkSelect() {
    var select = $('ac-link-select');
    select.textContent = '';
    state.links.forEach(function (link) {
      var option = el('option', '', link.title);
      option.value = link.key;
      select.appendChild(option);
    });
    renderSuggested();
  }

  $('ac-link-send').addEventListener('click', function () {
    if ($('ac-link-select').value) sendLink($('ac-link-select').value);
  });

  function finish(outcome) {
    if (window.AgentConsole.finish) return window.AgentConsole.finish(outcome);
    act('/resolve', { outcome: outcome }, function () {
      reloadCurrent();
      notice(outcome === 'resolved' ? 'Chat ended: the assistant has the conversation again.' : 'Handed back to the assistant.');
    });
  }

  $('ac-resolve').addEventListener('click', function () {
    finish('resolved');
  });
  $('ac-handback').addEventListener('click', function () {
    finish('handed_back');
  });

  // --- start -----------------------------------------------------------------------------------

  function start() {
    var params = new URLSearchParams(window.location.search);
    var code = params.get('login');
    var error = params.get('error');
    if (code || error) window.history.replaceState(null, '', '/agent');
    if (error) return showSignIn(error === 'oidc_unavailable' ? 'The sign-in service could not be reached. Try again.' : 'Sign-in did not work. Try again.');
    if (code) {
      return api('POST', '/api/agent/oidc/exchange', { code: code }).then(function (answer) {
        if (answer.ok) signedIn(answer.body.token, answer.body.agent);
        else showSignIn((answer.body && answer.body.message) || 'Sign-in did not work. Try again.');
      });
    }
    var token = connection.restore();
    if (!token) return showSignIn('');
    api('GET', '/api/agent/me').then(function (answer) {
      if (answer.ok) signedIn(token, answer.body.agent);
      else showSignIn('');
    });
  }

  start();
})();
