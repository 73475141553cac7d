// The clinic day's time grid: drag a booked visit to another time or practitioner, then
// confirm. The server checks the booking rules and says why a target is refused. Without
// JavaScript the same move is the visit's "Move" page. No inline script: the page's CSP
// allows only scripts from this site.
(function () {
  'use strict';

  var grid = document.querySelector('.day-grid');
  var dialog = document.getElementById('move-confirm');
  if (!grid || !dialog) {
    return;
  }
  var form = document.getElementById('move-confirm-form');
  var text = document.getElementById('move-confirm-text');
  var slotField = document.getElementById('move-slot');
  var go = document.getElementById('move-confirm-go');
  var cancel = document.getElementById('move-confirm-cancel');
  var drag = null;
  var returnFocus = null;

  function rowHeight() {
    var slot = grid.querySelector('.grid-slot');
    return slot ? slot.getBoundingClientRect().height : 24;
  }

  function slotAt(x, y) {
    var found = document.elementsFromPoint(x, y);
    for (var i = 0; i < found.length; i++) {
      if (found[i].classList.contains('grid-slot')) {
        return found[i];
      }
    }
    return null;
  }

  function clearTarget() {
    var shown = grid.querySelector('.drop-target');
    if (shown) {
      shown.classList.remove('drop-target');
    }
  }

  function ask(block, slot) {
    var where = slot.dataset.practitioner ? ' with ' + slot.dataset.name : '';
    text.textContent = 'Move ' + block.dataset.patient + ' from ' + block.dataset.from + ' to '
      + slot.dataset.time + where + '?';
    form.action = '/staff/visits/' + block.dataset.visit + '/move';
    slotField.value = slot.dataset.at + '|' + (slot.dataset.practitioner || '');
    returnFocus = block.querySelector('summary, a');
    dialog.hidden = false;
    go.focus();
  }

  function close() {
    dialog.hidden = true;
    clearTarget();
    if (returnFocus) {
      returnFocus.focus();
    }
  }

  grid.addEventListener('pointerdown', function (event) {
    var block = event.target.closest('.cell.visit[data-movable="true"]');
    if (!block || event.button !== 0 || event.target.closest('a, button, summary, input, label, .visit-buttons')) {
      return;
    }
    var top = block.getBoundingClientRect().top;
    drag = {
      block: block,
      x: event.clientX,
      y: event.clientY,
      rows: Math.floor((event.clientY - top) / rowHeight()),
      moved: false,
      target: null
    };
    block.setPointerCapture(event.pointerId);
    event.preventDefault();
  });

  grid.addEventListener('pointermove', function (event) {
    if (!drag) {
      return;
    }
    if (!drag.moved && Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) < 6) {
      return;
    }
    drag.moved = true;
    drag.block.classList.add('dragging');
    clearTarget();
    drag.target = slotAt(event.clientX, event.clientY - drag.rows * rowHeight());
    if (drag.target) {
      drag.target.classList.add('drop-target');
    }
  });

  function drop() {
    if (!drag) {
      return;
    }
    var done = drag;
    drag = null;
    done.block.classList.remove('dragging');
    if (done.moved && done.target) {
      ask(done.block, done.target);
    }
    else {
      clearTarget();
    }
  }

  grid.addEventListener('pointerup', drop);
  grid.addEventListener('pointercancel', function () {
    if (drag) {
      drag.block.classList.remove('dragging');
    }
    drag = null;
    clearTarget();
  });
  cancel.addEventListener('click', close);
  dialog.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      close();
    }
  });
}());
