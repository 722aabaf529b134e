/*
 * Internal notes (for agents only: never sent to the member) and the wrap-up: "End chat" and
 * "Hand back" ask for a disposition code (handoff/data/dispositions.json) and an optional note
 * before the chat closes; a chat that closed otherwise (the member left) asks for its wrap-up too.
 */
window.AgentWorkspace.module(function (ac, ws, el) {
  'use strict';
  var path = function (suffix) {
    return '/api/agent/escalations/' + encodeURIComponent(ac.state.current.id) + suffix;
  };

  // --- notes ---------------------------------------------------------------------------------------

  var notes = ws.section('ac-notes', 'Internal notes');
  notes.appendChild(el('p', 'ac-side-hint', 'Only agents see these; the member never does.'));
  var list = el('ol', 'ac-note-list');
  list.id = 'ac-note-list';
  list.setAttribute('aria-label', 'Notes');
  notes.appendChild(list);
  var form = el('form', 'ac-note-form');
  var noteField = ws.labelled('textarea', 'ac-note-text', 'New note');
  var label = noteField.label;
  var text = noteField.control;
  text.rows = 2;
  text.maxLength = 1000;
  text.required = true;
  var add = el('button', 'ac-button ac-button--quiet', 'Add note');
  add.type = 'submit';
  form.appendChild(label);
  form.appendChild(text);
  form.appendChild(add);
  notes.appendChild(form);

  function time(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function showNotes(items, reset) {
    if (reset) list.textContent = '';
    items.forEach(function (note) {
      if (list.querySelector('[data-note="' + note.id + '"]')) return;
      var li = el('li', 'ac-note' + (note.transfer ? ' ac-note--transfer' : ''));
      li.dataset.note = String(note.id);
      li.appendChild(el('span', 'ac-note-who', note.agent.name + ' · ' + time(note.at) + (note.transfer ? ' · transfer' : '')));
      li.appendChild(el('p', 'ac-note-text', note.text));
      list.appendChild(li);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var value = text.value.trim();
    if (!value || !ac.state.current) return;
    ac.api('POST', path('/notes'), { text: value }).then(function (answer) {
      if (!answer.ok) return ac.notice((answer.body && answer.body.message) || 'The note was not saved.');
      text.value = '';
      showNotes([answer.body.note]);
    });
  });

  // --- wrap-up -------------------------------------------------------------------------------------

  var wrap = ws.section('ac-wrapup', 'Wrap-up');
  wrap.hidden = true;
  var wrapForm = el('form', 'ac-wrapup-form');
  var codeField = ws.labelled('select', 'ac-disposition', 'Disposition');
  var code = codeField.control;
  code.required = true;
  var noteField2 = ws.labelled('textarea', 'ac-wrapup-note', 'Wrap-up note (optional)');
  var note = noteField2.control;
  note.rows = 2;
  note.maxLength = 1000;
  var row = el('div', 'ac-actions');
  var confirm = el('button', 'ac-button', 'End chat');
  confirm.type = 'submit';
  confirm.id = 'ac-wrapup-confirm';
  var cancel = el('button', 'ac-button ac-button--quiet', 'Cancel');
  cancel.type = 'button';
  row.appendChild(confirm);
  row.appendChild(cancel);
  [codeField.label, code, noteField2.label, note, row].forEach(function (node) {
    wrapForm.appendChild(node);
  });
  wrap.appendChild(wrapForm);
  var done = el('p', 'ac-wrapup-done');
  done.id = 'ac-wrapup-done';
  wrap.appendChild(done);
  var pending = null; // 'resolved' | 'handed_back' while ending; 'after' for a closed chat

  function fillCodes() {
    var keep = code.value;
    code.textContent = '';
    var blank = el('option', '', 'Choose…');
    blank.value = '';
    code.appendChild(blank);
    ((ws.data && ws.data.dispositions) || []).forEach(function (d) {
      var option = el('option', '', d.label);
      option.value = d.code;
      code.appendChild(option);
    });
    code.value = keep;
  }

  function openWrapUp(mode) {
    pending = mode;
    wrap.hidden = false;
    wrapForm.hidden = false;
    done.textContent = '';
    confirm.textContent = mode === 'resolved' ? 'End chat' : mode === 'handed_back' ? 'Hand back' : 'Save wrap-up';
    cancel.hidden = mode === 'after';
    code.value = '';
    note.value = '';
    code.focus();
  }

  function closeWrapUp() {
    pending = null;
    wrap.hidden = true;
  }

  // agent.js asks here instead of ending the chat at once.
  ac.finish = function (outcome) {
    openWrapUp(outcome);
    ac.notice('Pick a disposition to ' + (outcome === 'resolved' ? 'end the chat.' : 'hand the chat back.'));
  };

  cancel.addEventListener('click', function () {
    closeWrapUp();
    ac.notice('');
  });

  wrapForm.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!code.value || !ac.state.current) return ac.notice('Pick a disposition first.');
    var body = { disposition: code.value };
    if (note.value.trim()) body.note = note.value.trim();
    var mode = pending;
    if (mode === 'resolved' || mode === 'handed_back') body.outcome = mode;
    ac.api('POST', path(mode === 'after' ? '/wrapup' : '/resolve'), body).then(function (answer) {
      if (!answer.ok) return ac.notice((answer.body && answer.body.message) || 'That did not work.');
      closeWrapUp();
      ac.reload();
      ac.notice(mode === 'resolved' ? 'Chat ended and wrapped up: the assistant has the conversation again.' : mode === 'handed_back' ? 'Handed back to the assistant and wrapped up.' : 'Wrap-up saved.');
    });
  });

  var shownFor = null;
  function showConversation(e) {
    // Another conversation: its notes only. The same one again (a reload that may have left before a
    // note was added): the notes it brings are added, none is taken away.
    if (e.notes) showNotes(e.notes, shownFor !== e.id);
    shownFor = e.id;
    var closed = e.status !== 'queued' && e.status !== 'active';
    var wasMine = e.agent && ac.state.agent && e.agent.id === ac.state.agent.id;
    if (closed && wasMine && !e.wrapUp) {
      openWrapUp('after');
    } else if (closed && e.wrapUp) {
      pending = null;
      wrap.hidden = false;
      wrapForm.hidden = true;
      done.textContent = 'Wrapped up: ' + e.wrapUp.label + (e.wrapUp.note ? ' · ' + e.wrapUp.note : '');
    } else if (!ws.mine(e) || pending === 'after') closeWrapUp();
  }

  ws.on(function (name, payload) {
    if (name === 'workspace') fillCodes();
    else if (name === 'conversation') showConversation(payload);
    else if (name === 'event' && payload.name === 'notes' && ac.state.current && payload.payload.escalationId === ac.state.current.id) {
      showNotes(payload.payload.notes);
    }
  });
});
