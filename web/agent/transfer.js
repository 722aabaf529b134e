/*
 * Transfer: the agent's live chat goes to a queue (billing, pharmacy, clinical, Spanish…: back in
 * line there, offered to agents with the queue's skills first) or to a colleague on duty, with a
 * note for whoever takes it (an internal note: the member is only told they are being passed on).
 */
window.AgentWorkspace.module(function (ac, ws, el) {
  'use strict';

  var section = ws.section('ac-transfer', 'Transfer');
  section.hidden = true;
  var form = el('form', 'ac-transfer-form');
  var toField = ws.labelled('select', 'ac-transfer-to', 'Transfer to');
  var to = toField.control;
  to.required = true;
  var noteField = ws.labelled('textarea', 'ac-transfer-note', 'Note for the next agent');
  var note = noteField.control;
  note.rows = 2;
  note.maxLength = 1000;
  var go = el('button', 'ac-button ac-button--quiet', 'Transfer');
  go.type = 'submit';
  [toField.label, to, noteField.label, note, go].forEach(function (node) {
    form.appendChild(node);
  });
  section.appendChild(form);

  function fill() {
    var data = ws.data;
    // A refresh in the background (colleagues come and go) keeps what the agent already chose.
    var chosen = to.value;
    to.textContent = '';
    var blank = el('option', '', 'Choose a queue or an agent…');
    blank.value = '';
    to.appendChild(blank);
    if (!data) return;
    var queues = el('optgroup');
    queues.label = 'Queues';
    data.queues.forEach(function (q) {
      var option = el('option', '', q.name + ' queue');
      option.value = 'queue:' + q.id;
      queues.appendChild(option);
    });
    to.appendChild(queues);
    if (data.agents.length) {
      var agents = el('optgroup');
      agents.label = 'Agents on duty';
      data.agents.forEach(function (a) {
        var option = el('option', '', a.name + (a.status === 'available' ? '' : ' (' + a.status + ')'));
        option.value = 'agent:' + a.id;
        option.disabled = a.status === 'away';
        agents.appendChild(option);
      });
      to.appendChild(agents);
    }
    if (chosen) {
      to.value = chosen;
      if (to.value !== chosen || (to.selectedOptions[0] && to.selectedOptions[0].disabled)) to.value = '';
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var e = ac.state.current;
    if (!to.value || !e) return ac.notice('Choose where to transfer the chat.');
    var split = to.value.indexOf(':');
    var body = {};
    body[to.value.slice(0, split)] = to.value.slice(split + 1);
    if (note.value.trim()) body.note = note.value.trim();
    ac.api('POST', '/api/agent/escalations/' + encodeURIComponent(e.id) + '/transfer', body).then(function (answer) {
      if (!answer.ok) return ac.notice((answer.body && answer.body.message) || 'The chat was not transferred.');
      note.value = '';
      to.value = '';
      ac.reload();
      ac.notice('Transferred: the member was told they are being passed on.');
    });
  });

  ws.on(function (name, payload) {
    if (name === 'workspace') fill();
    else if (name === 'conversation') {
      section.hidden = !ws.mine(payload);
      // Colleagues come and go: the list is fresh each time a chat of mine is opened.
      if (ws.mine(payload)) ws.refresh();
    }
  });
});
