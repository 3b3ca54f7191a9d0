// A small validator for Swagger 1.1 models as Asterisk writes them: required
// properties, primitive types, Date strings, List[...] and model references,
// recursively, with subtype inheritance (Message → Event → StasisStart).
// Undeclared properties are flagged: a fake must not invent fields.
import type { SwaggerModel, SwaggerProperty } from './swagger.ts';

export interface ValidationIssue {
  path: string;
  message: string;
}

/** Asterisk's timestamps: `2026-11-21T12:00:00.000+0000`. */
const ARI_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$/;
const LIST_TYPE = /^List\[(.+)\]$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class ModelValidator {
  private readonly parentOf = new Map<string, string>();

  constructor(private readonly models: Map<string, SwaggerModel>) {
    for (const [name, model] of models) {
      for (const sub of model.subTypes ?? []) this.parentOf.set(sub, name);
    }
  }

  /** Own properties plus every ancestor's, ancestors first. */
  propertiesOf(modelName: string): Record<string, SwaggerProperty> {
    const chain: SwaggerModel[] = [];
    for (let name: string | undefined = modelName; name !== undefined; name = this.parentOf.get(name)) {
      const model = this.models.get(name);
      if (!model) break;
      chain.unshift(model);
    }
    return Object.assign({}, ...chain.map((m) => m.properties)) as Record<string, SwaggerProperty>;
  }

  isSubtypeOf(modelName: string, ancestor: string): boolean {
    for (let name: string | undefined = modelName; name !== undefined; name = this.parentOf.get(name)) {
      if (name === ancestor) return true;
    }
    return false;
  }

  validate(modelName: string, value: unknown, at = '$'): ValidationIssue[] {
    if (!this.models.has(modelName)) return [{ path: at, message: `unknown model ${modelName}` }];
    if (!isPlainObject(value)) return [{ path: at, message: `expected ${modelName} object` }];
    const properties = this.propertiesOf(modelName);
    const issues: ValidationIssue[] = [];
    for (const [name, property] of Object.entries(properties)) {
      const present = Object.hasOwn(value, name) && value[name] !== undefined;
      if (!present) {
        if (property.required) issues.push({ path: `${at}.${name}`, message: `required property missing (${property.type})` });
        continue;
      }
      issues.push(...this.validateType(property.type, value[name], `${at}.${name}`, property));
    }
    for (const name of Object.keys(value)) {
      if (!Object.hasOwn(properties, name)) issues.push({ path: `${at}.${name}`, message: `property not declared in ${modelName}` });
    }
    return issues;
  }

  /** An event: its `type` names the model, which must descend from Event. */
  validateEvent(value: unknown): ValidationIssue[] {
    if (!isPlainObject(value) || typeof value.type !== 'string') return [{ path: '$.type', message: 'event without a type' }];
    if (!this.isSubtypeOf(value.type, 'Event')) return [{ path: '$.type', message: `${value.type} is not an Event model` }];
    return this.validate(value.type, value);
  }

  validateType(type: string, value: unknown, at: string, property?: SwaggerProperty): ValidationIssue[] {
    const fail = (message: string): ValidationIssue[] => [{ path: at, message }];
    const list = LIST_TYPE.exec(type);
    if (list?.[1]) {
      const itemType = list[1];
      if (!Array.isArray(value)) return fail(`expected ${type}`);
      return value.flatMap((item, i) => this.validateType(itemType, item, `${at}[${i}]`));
    }
    switch (type) {
      case 'string': {
        if (typeof value !== 'string') return fail('expected string');
        const allowed = property?.allowableValues;
        if (allowed?.valueType === 'LIST' && !allowed.values.includes(value)) return fail(`"${value}" not in ${allowed.values.join('|')}`);
        return [];
      }
      case 'int':
      case 'long':
        return Number.isInteger(value) ? [] : fail(`expected ${type}`);
      case 'double':
        return typeof value === 'number' && Number.isFinite(value) ? [] : fail('expected double');
      case 'boolean':
        return typeof value === 'boolean' ? [] : fail('expected boolean');
      case 'Date':
        return typeof value === 'string' && ARI_DATE.test(value) ? [] : fail(`expected Asterisk date, got ${JSON.stringify(value)}`);
      case 'object':
        return isPlainObject(value) ? [] : fail('expected object');
      default:
        return this.validate(type, value, at);
    }
  }
}
