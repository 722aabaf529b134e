/*
 * Alerts, so that an agent working in another window or chat notices: a sound, a desktop
 * notification (once the agent allowed them) and a count in the tab title, for a new conversation
 * offered to them, an emergency, and a new message in a chat that is not open; and an unread
 * marker on each conversation in the queue until it is opened. Away agents get no alert for new
 * conversations (they are offered none); emergencies always alert.
 */
window.AgentWorkspace.module(function (ac, ws, el) {
  'use strict';
  var baseTitle = document.title;
  var unread = {}; // escalation id → count
  var known = null; // ids of conversations already seen in the queue (null before the first queue)

  // A status line for screen readers (and what a test can read): what the last alert was about.
  var live = el('p', 'ac-visually-hidden');
  live.id = 'ac-alert-live';
  live.setAttribute('role', 'status');
  document.body.appendChild(live);

  // "Turn on desktop alerts": browsers ask for the permission only after a click.
  var allow = el('button', 'ac-button ac-button--quiet', 'Turn on desktop alerts');
  allow.type = 'button';
  allow.id = 'ac-notify';
  allow.hidden = true;
  document.getElementById('ac-who').insertBefore(allow, document.getElementById('ac-signout'));
  function permission() {
    return 'Notification' in window ? window.Notification.permission : 'unsupported';
  }
  function renderAllow() {
    allow.hidden = permission() !== 'default' || !ac.state.agent;
  }
  allow.addEventListener('click', function () {
    var asked = window.Notification.requestPermission(renderAllow);
    if (asked && asked.then) asked.then(renderAllow);
  });

  var audio = null;
  function beep(times, pitch) {
    try {
      var Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return;
      audio = audio || new Context();
      for (var i = 0; i < times; i++) {
        var start = audio.currentTime + i * 0.25;
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.frequency.value = pitch;
        gain.gain.setValueAtTime(0.15, start);
        gain.gain.exponentialRampToValueAtTime(0.001, start + 0.2);
        osc.connect(gain);
        gain.connect(audio.destination);
        osc.start(start);
        osc.stop(start + 0.2);
      }
    } catch (e) {
      /* no sound on this machine: the title and the notification still tell */
    }
  }

  function alertAgent(kind, text, id) {
    live.textContent = text;
    beep(kind === 'emergency' ? 3 : 1, kind === 'emergency' ? 990 : 660);
    if (permission() === 'granted') {
      try {
        var n = new window.Notification(text, { tag: (id || 'console') + ':' + kind, body: document.title });
        n.onclick = function () {
          window.focus();
          if (id) ac.open(id);
        };
      } catch (e) {
        /* notifications unavailable (e.g. only from a service worker): the rest still tells */
      }
    }
  }

  function total() {
    var sum = 0;
    Object.keys(unread).forEach(function (id) {
      sum += unread[id];
    });
    return sum;
  }

  function render() {
    var count = total();
    document.title = count ? '(' + count + ') ' + baseTitle : baseTitle;
    ac.state.queue.forEach(function (e) {
      var button = document.querySelector('.ac-queue-button[data-id="' + e.id + '"]');
      if (!button) return;
      var badge = button.querySelector('.ac-unread');
      var n = unread[e.id] || 0;
      if (!n) {
        if (badge) badge.remove();
        return;
      }
      if (!badge) {
        badge = el('span', 'ac-unread');
        button.querySelector('.ac-queue-head').appendChild(badge);
      }
      badge.textContent = n + ' new';
    });
  }

  function isOpen(id) {
    return Boolean(ac.state.current && ac.state.current.id === id);
  }

  function onQueue(queue) {
    var away = ws.data && ws.data.status === 'away';
    var ids = {};
    queue.forEach(function (e) {
      ids[e.id] = true;
      if (known && !known[e.id] && e.status === 'queued' && !away && e.offered !== false) {
        if (!isOpen(e.id)) unread[e.id] = (unread[e.id] || 0) + 1;
        alertAgent('new', 'New conversation waiting: ' + (e.queueName || 'queue') + ' · ' + (e.intent ? e.intent.replace(/_/g, ' ') : 'no topic'), e.id);
      }
    });
    // Closed conversations leave the queue: their unread marks go with them.
    Object.keys(unread).forEach(function (id) {
      if (!ids[id]) delete unread[id];
    });
    known = ids;
    render();
  }

  function onEvent(event) {
    var payload = event.payload;
    if (event.name === 'alert') {
      if (!isOpen(payload.escalationId)) unread[payload.escalationId] = (unread[payload.escalationId] || 0) + 1;
      alertAgent('emergency', 'Emergency: a member wrote about an emergency', payload.escalationId);
      render();
    } else if (event.name === 'entries' && !isOpen(payload.escalationId)) {
      var fromMember = payload.entries.filter(function (entry) {
        return entry.from === 'member' && !entry.alert;
      }).length;
      if (!fromMember) return;
      var mine = ac.state.queue.some(function (e) {
        return e.id === payload.escalationId && ws.mine(e);
      });
      if (!mine) return;
      unread[payload.escalationId] = (unread[payload.escalationId] || 0) + fromMember;
      alertAgent('message', 'New message in another chat', payload.escalationId);
      render();
    }
  }

  ws.on(function (name, payload) {
    if (name === 'signedIn' || name === 'workspace') renderAllow();
    else if (name === 'signedOut') {
      unread = {};
      known = null;
      renderAllow();
      render();
    } else if (name === 'queue') onQueue(payload);
    else if (name === 'conversation') {
      delete unread[payload.id];
      render();
    } else if (name === 'event') onEvent(payload);
  });
});
