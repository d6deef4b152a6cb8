/**
 * Runs in a page (passed as source to the driver, so it uses nothing but its arguments and page
 * globals): gives a form field a value and fires the events a person's input fires, which Preact
 * listens to. For the toolbar popups, whose drivers evaluate scripts rather than type.
 */
export function setField(selector: string, value: string): void {
  const field = document.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(selector)!;
  field.focus();
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}
