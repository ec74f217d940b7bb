/** The generic user-task form: `<TaskForm taskId onCompleted />` and the pieces it is built of. */
export { TaskForm, type TaskFormProps, type TaskInfo } from './TaskForm.js';
export { readFormFields, isUnitField, isLongText, type FormFieldDef, type FieldType } from './form-fields.js';
export { fieldProblem, toTypedVariable, toInputValue, type TypedVariable, type VariableMap } from './values.js';
