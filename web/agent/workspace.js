/*
 * The console's working features, part 1 (the other parts are notes.js, transfer.js, canned.js,
 * alerts.js, history.js): what the agent's workspace is (GET /api/agent/workspace: role, skills,
 * capacity, status, queues, dispositions, canned responses, colleagues on duty), presence
 * (available, busy, away) in the header, the side panel next to the conversation, each queue
 * item's queue and "offered to you" mark, and typing indicators both ways. Modules talk through
 * window.AgentConsole (agent.js) and window.AgentWorkspace (here). No inline scripts.
 */
(function () {
  'use strict';

  var ac = window.AgentConsole;
  if (!ac) return;
  var $ = function (id) {
    return document.getElementById(id);
  };
  var STATUS_WORDS = { available: 'Available', busy: 'Busy', away: 'Away' };
  var listeners = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  var ws = {
    data: null,
    el: el,
    on: function (listener) {
      listeners.push(listener);
    },
    /** The open conversation is the agent's own live chat. */
    mine: function (e) {
      e = e || ac.state.current;
      return Boolean(e && e.status === 'active' && e.agent && ac.state.agent && e.agent.id === ac.state.agent.id);
    },
    /** A section of the side panel, in the order modules add them. */
    section: function (id, title) {
      var section = el('section', 'ac-side-section');
      section.id = id;
      var heading = el('h3', 'ac-side-title', title);
      heading.id = id + '-title';
      section.setAttribute('aria-labelledby', heading.id);
      section.appendChild(heading);
      $('ac-side').appendChild(section);
      return section;
    },
    refresh: refresh,
    /** A label and its control (textarea, select, input), for the side panel's forms. */
    labelled: function (tag, id, text) {
      var label = el('label', '', text);
      label.htmlFor = id;
      var control = el(tag);
      control.id = id;
      return { label: label, control: control };
    },
    /** Runs a module of the console (notes.js, transfer.js…) with what it needs. */
    module: function (build) {
      build(ac, ws, el);
    },
  };
  window.AgentWorkspace = ws;

  function emit(name, payload) {
    listeners.forEach(function (listener) {
      try {
        listener(name, payload);
      } catch (e) {
        /* one module must not break the others */
      }
    });
  }

  function refresh() {
    return ac.api('GET', '/api/agent/workspace').then(function (answer) {
      if (!answer.ok) return;
      ws.data = answer.body;
      renderPresence();
      emit('workspace', ws.data);
    });
  }

  // --- presence in the header -------------------------------------------------------------------

  var presence = el('div', 'ac-presence');
  var label = el('label', 'ac-presence-label', 'Status');
  label.htmlFor = 'ac-status';
  var select = el('select', 'ac-presence-select');
  select.id = 'ac-status';
  ['available', 'busy', 'away'].forEach(function (status) {
    var option = el('option', '', STATUS_WORDS[status]);
    option.value = status;
    select.appendChild(option);
  });
  var load = el('span', 'ac-presence-load');
  load.id = 'ac-load';
  var said = el('span', 'ac-visually-hidden');
  said.id = 'ac-status-note';
  said.setAttribute('role', 'status');
  presence.appendChild(label);
  presence.appendChild(select);
  presence.appendChild(load);
  presence.appendChild(said);
  $('ac-who').insertBefore(presence, $('ac-who').firstChild);

  function renderPresence() {
    if (!ws.data) return;
    select.value = ws.data.status;
    presence.dataset.status = ws.data.status;
    var active = ac.state.queue.filter(function (e) {
      return ws.mine(e);
    }).length;
    load.textContent = 'Chats: ' + active + ' of ' + ws.data.profile.capacity;
  }

  select.addEventListener('change', function () {
    var status = select.value;
    ac.api('PUT', '/api/agent/status', { status: status }).then(function (answer) {
      if (!answer.ok) {
        said.textContent = (answer.body && answer.body.message) || 'Your status could not be changed.';
        return;
      }
      ws.data.status = status;
      renderPresence();
      said.textContent = status === 'away' ? 'You are away: no new conversations are offered to you.' : 'You are ' + STATUS_WORDS[status].toLowerCase() + '.';
      emit('status', status);
    });
  });

  // --- the side panel ----------------------------------------------------------------------------

  // Portal pages and canned responses sit in the side panel, next to each other, so the transcript
  // keeps the height of the conversation column (readable at 1366×768).
  var replies = ws.section('ac-replies', 'Replies');
  replies.classList.add('ac-side-section--replies');
  var links = document.querySelector('.ac-links');
  if (links) replies.appendChild(links);
  ws.replies = replies;

  // --- each queue item: its queue, offered to me, waiting for a skill ---------------------------

  function decorateQueue() {
    var now = Date.now();
    ac.state.queue.forEach(function (e) {
      var button = document.querySelector('.ac-queue-button[data-id="' + e.id + '"]');
      if (!button) return;
      var head = button.querySelector('.ac-queue-head');
      if (e.queueName) head.appendChild(el('span', 'ac-queue-name', e.queueName));
      if (e.offered) head.appendChild(el('span', 'ac-offer', 'Offered to you'));
      else if (e.status === 'queued' && e.skillsFirstUntil && Date.parse(e.skillsFirstUntil) > now) {
        head.appendChild(el('span', 'ac-skill-wait', 'For ' + e.queueName + ' agents first'));
      }
    });
    renderPresence();
  }

  function renderSide(e) {
    $('ac-side').hidden = !e;
    replies.hidden = !ws.mine(e);
  }

  // The transcript scrolls: keyboard users can reach it (and scroll it with the arrow keys).
  $('ac-transcript').tabIndex = 0;

  // --- typing, both ways -------------------------------------------------------------------------

  var typing = el('p', 'ac-typing');
  typing.id = 'ac-typing';
  typing.setAttribute('aria-live', 'polite');
  $('ac-transcript').insertAdjacentElement('afterend', typing);
  var typingTimer = null;

  function memberTyping(id) {
    if (!ac.state.current || ac.state.current.id !== id) return;
    typing.textContent = 'The member is typing…';
    window.clearTimeout(typingTimer);
    // Typing activities repeat while the member types; without one for 6 seconds they stopped.
    typingTimer = window.setTimeout(function () {
      typing.textContent = '';
    }, 6000);
  }

  var lastTypingSent = 0;
  // A message sent: the next one typed is announced at once.
  $('ac-composer').addEventListener('submit', function () {
    lastTypingSent = 0;
  });
  $('ac-message').addEventListener('input', function () {
    var e = ac.state.current;
    if (!ws.mine(e) || !$('ac-message').value.trim() || Date.now() - lastTypingSent < 3000) return;
    lastTypingSent = Date.now();
    ac.api('POST', '/api/agent/escalations/' + encodeURIComponent(e.id) + '/typing');
  });

  // --- what agent.js says --------------------------------------------------------------------------

  ac.on(function (name, payload) {
    if (name === 'signedIn') refresh();
    else if (name === 'signedOut') {
      ws.data = null;
      $('ac-side').hidden = true;
    } else if (name === 'queue') decorateQueue();
    else if (name === 'conversation') {
      typing.textContent = '';
      renderSide(payload);
    } else if (name === 'event') {
      if (payload.name === 'typing') memberTyping(payload.payload.escalationId);
      else if (payload.name === 'entries' && ac.state.current && payload.payload.escalationId === ac.state.current.id) {
        if (payload.payload.entries.some(function (entry) {
          return entry.from === 'member';
        })) typing.textContent = '';
      }
    }
    emit(name, payload);
  });
})();
