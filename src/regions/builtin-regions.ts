/**
 * The regions this service ships with, each with the scheme (process file in `processes/`) its
 * notice describes. Further regions are created through the API.
 */
export interface BuiltinRegion {
  id: string;
  name: string;
  /** File in processes/ deployed for the region at start. */
  scheme: string;
}

export const BUILTIN_REGIONS: readonly BuiltinRegion[] = [
  { id: 'puyang', name: '濮阳县', scheme: 'puyang.bpmn' },
  { id: 'pingdingshan', name: '平顶山市', scheme: 'pingdingshan.bpmn' },
  { id: 'huojia', name: '获嘉县', scheme: 'huojia.bpmn' },
  { id: 'xiangtan', name: '湘潭县', scheme: 'xiangtan.bpmn' },
  { id: 'kaifeng', name: '开封市', scheme: 'kaifeng.bpmn' },
];
