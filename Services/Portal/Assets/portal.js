// The portal works without this script; it only moves focus to the error summary when a form
// comes back with errors, so screen readers announce them and keyboard users start there.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) { summary.focus(); }
});
