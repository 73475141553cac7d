// The clinic day's time grid: drag a booked visit to another time or practitioner, then
// confirm. The server checks the booking rules and says why a target is refused. The
// keyboard does the same (the WAI-ARIA alternative to dragging): M on a visit picks it up,
// the arrow keys move the target a row or a column, Enter asks as a drop does, Escape puts
// it back. Without JavaScript the same move is the visit's "Move" page. No inline script:
// the page's CSP allows only scripts from this site.
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
  var keysHelp = document.getElementById('move-keys-help');
  var live = document.getElementById('move-live');
  var drag = null;
  var carried = null;
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

  // in the rooms view a column is a room, and a move keeps the visit's practitioner
  function withWhom(slot) {
    return slot.dataset.practitioner ? ' with ' + slot.dataset.name : '';
  }

  function ask(block, slot) {
    text.textContent = 'Move ' + block.dataset.patient + ' from ' + block.dataset.from + ' to '
      + slot.dataset.time + withWhom(slot) + '?';
    form.action = '/staff/visits/' + block.dataset.visit + '/move';
    slotField.value = slot.dataset.at + '|' + (slot.dataset.practitioner || '');
    returnFocus = block;
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

  // the grid line (rN) and column (cN) a block or slot is placed on
  function place(element) {
    return {
      row: Number(/\br(\d+)\b/.exec(element.className)[1]),
      column: Number(/\bc(\d+)\b/.exec(element.className)[1])
    };
  }

  function say(words) {
    live.textContent = words;
  }

  function aim(slot, before) {
    clearTarget();
    carried.target = slot;
    slot.classList.add('drop-target');
    slot.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    say(before + grid.dataset.day + ', ' + slot.dataset.time + withWhom(slot));
  }

  function pickUp(block) {
    var at = place(block);
    carried = { block: block, target: null };
    block.classList.add('dragging');
    aim(grid.querySelector('.grid-slot.r' + at.row + '.c' + at.column), 'Moving ' + block.dataset.patient + ': ');
  }

  function step(rows, columns) {
    var at = place(carried.target);
    var next = grid.querySelector('.grid-slot.r' + (at.row + rows) + '.c' + (at.column + columns));
    if (next) {
      aim(next, '');
    }
  }

  function letGo() {
    var done = carried;
    carried = null;
    done.block.classList.remove('dragging');
    return done;
  }

  function putBack() {
    var done = letGo();
    clearTarget();
    say(done.block.dataset.patient + ' stays at ' + done.block.dataset.from + '.');
    return done.block;
  }

  var arrows = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

  grid.querySelectorAll('.cell.visit[data-movable="true"]').forEach(function (block) {
    block.tabIndex = 0;
    block.setAttribute('aria-describedby', keysHelp.id);
  });
  keysHelp.hidden = false;

  grid.addEventListener('keydown', function (event) {
    var block = event.target;
    if (event.altKey || event.ctrlKey || event.metaKey || !block.matches('.cell.visit[data-movable="true"]')) {
      return;
    }
    if (!carried) {
      if (event.key === 'm' || event.key === 'M') {
        event.preventDefault();
        pickUp(block);
      }
      return;
    }
    if (arrows[event.key]) {
      event.preventDefault();
      step(arrows[event.key][0], arrows[event.key][1]);
    }
    else if (event.key === 'Enter') {
      event.preventDefault();
      var done = letGo();
      ask(done.block, done.target);
    }
    else if (event.key === 'Escape') {
      event.preventDefault();
      putBack().focus();
    }
  });

  // tabbing away from a picked-up visit puts it back
  grid.addEventListener('focusout', function (event) {
    if (carried && event.target === carried.block) {
      putBack();
    }
  });

  cancel.addEventListener('click', close);
  dialog.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      close();
    }
  });
}());
