// The text of the input behind a change event. Utrecht's FormFieldTextbox types its onChange
// loosely (its props extend the wrapping div's), so the target is narrowed here once.
export function inputValue(event: { target: EventTarget }): string {
  return (event.target as HTMLInputElement).value;
}
