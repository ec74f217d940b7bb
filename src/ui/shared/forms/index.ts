/**
 * The generic user-task form, for any page that completes a task (我的待办, the hotline's
 * dispatch on 工单受理):
 *
 *   <TaskForm taskId={task.id} onCompleted={(variables) => …} disabled={!claimedByMe} submitLabel="转办" />
 *
 * It reads the task, its diagram's `camunda:formData` and the current form variables, checks
 * every field in the page (nothing is sent while one is wrong: `.field.invalid`, a Chinese
 * message, focus on the first) and POSTs /engine-rest/task/{id}/complete with typed variables.
 * Its styles are in src/ui/tasks/tasks.css (`.task-form…`), which main.tsx loads for every page.
 */
export { TaskForm, type TaskFormProps, type TaskInfo } from './TaskForm.js';
export { readFormFields, isUnitField, isLongText, type FormFieldDef, type FieldType } from './form-fields.js';
export { fieldProblem, toTypedVariable, toInputValue, type TypedVariable, type VariableMap } from './values.js';
