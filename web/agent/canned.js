/*
 * Canned responses (handoff/data/canned.json), in the conversation's language, next to "Send a
 * portal page": a click puts the text in the message box, where the agent can change it before
 * sending (Enter).
 */
window.AgentWorkspace.module(function (ac, ws, el) {
  'use strict';

  var group = el('div', 'ac-canned');
  group.setAttribute('role', 'group');
  var title = el('h3', '', 'Canned responses');
  title.id = 'ac-canned-title';
  group.setAttribute('aria-labelledby', title.id);
  var buttons = el('div', 'ac-link-buttons');
  buttons.id = 'ac-canned-buttons';
  group.appendChild(title);
  group.appendChild(buttons);
  ws.replies.appendChild(group);

  function render() {
    buttons.textContent = '';
    var e = ac.state.current;
    var items = (ws.data && e && ws.data.canned[e.locale]) || [];
    items.forEach(function (item) {
      var button = el('button', 'ac-button ac-button--link', item.title);
      button.type = 'button';
      button.title = item.text;
      button.addEventListener('click', function () {
        var box = document.getElementById('ac-message');
        box.value = box.value.trim() ? box.value.replace(/\s*$/, ' ') + item.text : item.text;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        box.focus();
      });
      buttons.appendChild(button);
    });
  }

  ws.on(function (name) {
    if (name === 'workspace' || name === 'conversation') render();
  });
});
