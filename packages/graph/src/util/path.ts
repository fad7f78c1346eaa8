/** One step of a JSON path: a field name or an array index. */
export type PathSegment = string | number
/** A JSON path as segments; `formatPath` prints it. */
export type Path = readonly PathSegment[]
