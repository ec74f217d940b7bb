/** Unit ids (candidate groups) as people read them: 县住建局, not hj-housing. Read once per visit. */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../shared/api.js';

let names: Promise<Map<string, string>> | null = null;

function load(): Promise<Map<string, string>> {
  names ??= api<{ id: string; name: string }[]>('/api/units')
    .then((units) => new Map(units.map((u) => [u.id, u.name])))
    .catch(() => {
      names = null; // try again next time; meanwhile ids are shown
      return new Map<string, string>();
    });
  return names;
}

/** `unitName(id)`: the unit's name, or the id itself while loading or when unknown. */
export function useUnitNames(): (id: string | null | undefined) => string {
  const [map, setMap] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setMap(m));
    return () => {
      live = false;
    };
  }, []);
  return (id) => (id ? (map.get(id) ?? id) : '—');
}
