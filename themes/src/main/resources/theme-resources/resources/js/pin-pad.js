// On-screen keypad for the PIN pad (branchkey-pin-pad.ftl). Without it the PIN is simply typed.
const form = document.getElementById('kc-branchkey-pin-pad');
const pin = document.getElementById('pin');
const keypad = form ? form.querySelector('.bk-keypad') : null;

if (form && pin && keypad) {
  keypad.hidden = false;
  keypad.addEventListener('click', (event) => {
    const key = event.target.closest('button');
    if (!key || key.type === 'submit') {
      return;
    }
    if (key.dataset.clear) {
      pin.value = pin.value.slice(0, -1);
    } else if (key.dataset.digit && pin.value.length < Number(pin.maxLength)) {
      pin.value += key.dataset.digit;
    }
    pin.focus();
  });
  // Pick a tile first, unless one is picked already (after a refused PIN) or the location is PIN-only.
  const picked = form.querySelector('input[name="user"]:checked');
  const firstTile = form.querySelector('input[name="user"]');
  (picked || !firstTile ? pin : firstTile).focus();
}
