/**
 * Conditions the `restrict…` functions add to list and lookup queries. `{}` are bound
 * parameters (SqlFilter.where), `$PID` is replaced by the instance-id column of the query.
 */

/**
 * An instance belongs to a unit when one of its tasks was ever offered to the unit's group
 * (open tasks, or the `task.created` history of finished ones), when one of its tasks was
 * assigned to the user, or when its work order names the unit (current, lead or responsible).
 * Parameters, in order: units, user, units, user, units, units, units.
 */
export const instanceOfUnits = `(
  EXISTS (SELECT 1 FROM task vt WHERE vt.process_instance_id = $PID AND (vt.candidate_groups && {}::text[] OR vt.assignee = {}))
  OR EXISTS (SELECT 1 FROM history_event ve WHERE ve.process_instance_id = $PID AND ve.event_type = 'task.created'
             AND (ve.payload->'candidateGroups') ?| {}::text[])
  OR EXISTS (SELECT 1 FROM activity_instance va WHERE va.process_instance_id = $PID AND va.assignee = {})
  OR EXISTS (SELECT 1 FROM work_order vw WHERE vw.process_instance_id = $PID
             AND (vw.current_unit = ANY({}::text[]) OR vw.lead_unit = ANY({}::text[]) OR vw.responsible_units && {}::text[]))
)`;

/** The instance of a resource named by id, for the resource guard. */
export const ownerOf = {
  instance: `SELECT id AS pid FROM process_instance WHERE id = $1`,
  activity: `SELECT process_instance_id AS pid FROM activity_instance WHERE id = $1`,
  externalTask: `SELECT process_instance_id AS pid FROM external_task WHERE id = $1`,
} as const;

export const taskExists = `SELECT 1 FROM task WHERE id = $1`;

export const visibleTask = (where: string) => `SELECT 1 FROM task t ${where}`;
export const visibleInstance = (where: string) => `SELECT 1 FROM process_instance i ${where}`;
export const visibleWorkOrder = (where: string) => `SELECT 1 FROM work_order w ${where}`;
