import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);

// dist/model/nouns.js
var ITEM_LISTS = [
  "milestones",
  "deliverables",
  "risks",
  "issues",
  "assumptions",
  "dependencies",
  "changes",
  "revenue"
];
var ITEM_NOUN = {
  milestones: "milestone",
  deliverables: "deliverable",
  risks: "risk",
  issues: "issue",
  assumptions: "assumption",
  dependencies: "dependency",
  changes: "change",
  revenue: "billing milestone",
  team: "team member",
  stakeholders: "stakeholder",
  vendors: "vendor",
  kpis: "KPI",
  status: "status update",
  lessons: "lesson",
  people: "person",
  goals: "goal",
  waivers: "waiver",
  trainings: "training"
};

// dist/model/labels.js
function labelPath(path, data) {
  let itemAt = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (typeof path[i] === "number") {
      itemAt = i;
      break;
    }
  }
  if (itemAt < 0)
    return { item: "", field: path.join(".") };
  const item = valueAt(data, path.slice(0, itemAt + 1));
  const listName = String(path[itemAt - 1] ?? "item");
  const noun = ITEM_NOUN[listName] ?? `${listName} item`;
  const identity = identify(item);
  return {
    item: identity ? `${noun} ${identity}` : `${noun} #${path[itemAt] + 1}`,
    itemId: isRecord(item) && typeof item.id === "string" ? item.id : void 0,
    field: path.slice(itemAt + 1).join(".")
  };
}
function subject(label) {
  if (label.item && label.field)
    return `${label.item}: ${label.field}`;
  return label.item || label.field || "the file";
}
function identify(item) {
  if (typeof item === "string")
    return JSON.stringify(item.length > 40 ? `${item.slice(0, 37)}...` : item);
  if (!isRecord(item))
    return void 0;
  for (const key of ["id", "person"])
    if (typeof item[key] === "string")
      return item[key];
  for (const key of ["name", "title"])
    if (typeof item[key] === "string")
      return JSON.stringify(item[key]);
  return typeof item.date === "string" ? item.date : void 0;
}
function valueAt(data, path) {
  let value = data;
  for (const segment of path) {
    if (!value || typeof value !== "object")
      return void 0;
    value = value[segment];
  }
  return value;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function show(value) {
  if (value === void 0)
    return "nothing";
  if (value === null)
    return "an empty value";
  if (Array.isArray(value))
    return "a list";
  if (typeof value === "object")
    return "a map";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

export {
  ITEM_LISTS,
  ITEM_NOUN,
  labelPath,
  subject,
  valueAt,
  isRecord,
  show
};
