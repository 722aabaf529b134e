/*
 * History: closed conversations of the retention period, searched by member id, dates and topic,
 * each with its full transcript, notes and wrap-up. Only for roles that allow it (the server
 * answers 403 to the others; the button is not shown to them).
 */
window.AgentWorkspace.module(function (ac, ws, el) {
  'use strict';
  var FROM = { member: 'Member', assistant: 'Assistant', agent: 'Agent', system: 'Note' };

  var button = el('button', 'ac-button ac-button--quiet', 'History');
  button.type = 'button';
  button.id = 'ac-history-open';
  button.hidden = true;
  document.getElementById('ac-who').insertBefore(button, document.getElementById('ac-signout'));

  var dialog = el('dialog', 'ac-history');
  dialog.id = 'ac-history';
  dialog.setAttribute('aria-labelledby', 'ac-history-title');
  var title = el('h2', '', 'Past conversations');
  title.id = 'ac-history-title';
  dialog.appendChild(title);
  var form = el('form', 'ac-history-form');
  function field(id, text, type) {
    var wrap = el('div', 'ac-history-field');
    var label = el('label', '', text);
    label.htmlFor = id;
    var input = el('input');
    input.id = id;
    input.type = type;
    wrap.appendChild(label);
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }
  var member = field('ac-history-member', 'Member id', 'text');
  var from = field('ac-history-from', 'From', 'date');
  var to = field('ac-history-to', 'To', 'date');
  var topic = field('ac-history-topic', 'Topic', 'text');
  var search = el('button', 'ac-button', 'Search');
  search.type = 'submit';
  form.appendChild(search);
  dialog.appendChild(form);
  var status = el('p', 'ac-history-status');
  status.id = 'ac-history-status';
  status.setAttribute('role', 'status');
  dialog.appendChild(status);
  var results = el('ul', 'ac-history-results');
  results.id = 'ac-history-results';
  results.setAttribute('aria-label', 'Conversations found');
  dialog.appendChild(results);
  var detail = el('div', 'ac-history-detail');
  detail.id = 'ac-history-detail';
  dialog.appendChild(detail);
  var close = el('button', 'ac-button ac-button--quiet', 'Close');
  close.type = 'button';
  dialog.appendChild(close);
  document.body.appendChild(dialog);

  button.addEventListener('click', function () {
    dialog.showModal();
    member.focus();
  });
  close.addEventListener('click', function () {
    dialog.close();
  });

  function when(iso) {
    return iso ? new Date(iso).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' }) : '';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var query = new URLSearchParams();
    if (member.value.trim()) query.set('member', member.value.trim());
    if (from.value) query.set('from', from.value);
    if (to.value) query.set('to', to.value);
    if (topic.value.trim()) query.set('topic', topic.value.trim());
    status.textContent = 'Searching…';
    results.textContent = '';
    detail.textContent = '';
    ac.api('GET', '/api/agent/history?' + query.toString()).then(function (answer) {
      if (!answer.ok) {
        status.textContent = (answer.body && answer.body.message) || 'The search did not work.';
        return;
      }
      var found = answer.body.conversations;
      status.textContent = found.length ? found.length + ' conversation' + (found.length === 1 ? '' : 's') + ' found.' : 'No closed conversation matches.';
      found.forEach(function (c) {
        var li = el('li');
        var open = el('button', 'ac-history-item');
        open.type = 'button';
        open.appendChild(el('span', 'ac-history-when', when(c.createdAt)));
        open.appendChild(
          el('span', 'ac-history-facts', [c.member.id ? 'Member ' + c.member.id : 'Anonymous', c.intent ? c.intent.replace(/_/g, ' ') : 'no topic', c.queueName, c.agent ? c.agent.name : 'no agent', c.wrapUp ? c.wrapUp.label : c.status].join(' · ')),
        );
        open.addEventListener('click', function () {
          show(c.id);
        });
        li.appendChild(open);
        results.appendChild(li);
      });
    });
  });

  function show(id) {
    ac.api('GET', '/api/agent/history/' + encodeURIComponent(id)).then(function (answer) {
      detail.textContent = '';
      if (!answer.ok) {
        detail.appendChild(el('p', '', (answer.body && answer.body.message) || 'That conversation could not be opened.'));
        return;
      }
      var e = answer.body.escalation;
      var heading = el('h3', '', 'Transcript · ' + when(e.createdAt));
      heading.tabIndex = -1;
      detail.appendChild(heading);
      var list = el('ol', 'ac-history-transcript');
      list.setAttribute('aria-label', 'Transcript');
      e.transcript.forEach(function (entry) {
        var li = el('li', 'ac-entry ac-entry--' + entry.from);
        li.appendChild(el('span', 'ac-entry-who', entry.from === 'agent' ? entry.agentName || 'Agent' : FROM[entry.from]));
        li.appendChild(el('p', 'ac-entry-text', entry.text));
        list.appendChild(li);
      });
      detail.appendChild(list);
      if (e.notes.length) {
        detail.appendChild(el('h4', '', 'Internal notes'));
        var notes = el('ul');
        e.notes.forEach(function (n) {
          notes.appendChild(el('li', '', n.agent.name + ': ' + n.text));
        });
        detail.appendChild(notes);
      }
      if (e.wrapUp) detail.appendChild(el('p', 'ac-history-wrapup', 'Wrap-up: ' + e.wrapUp.label + (e.wrapUp.note ? ' · ' + e.wrapUp.note : '')));
      heading.focus();
    });
  }

  ws.on(function (name) {
    if (name === 'workspace') button.hidden = !(ws.data && ws.data.profile.canSeeHistory);
    else if (name === 'signedOut') {
      button.hidden = true;
      if (dialog.open) dialog.close();
    }
  });
});
