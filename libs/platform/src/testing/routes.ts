import type { DynamicModule, Type } from '@nestjs/common';
import { METHOD_METADATA, MODULE_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { READ_RECORD_KEY, type ReadRecordRule } from '../audit/read-record';
import { ACCESS_RULE_KEY, PUBLIC_KEY, ROLES_KEY } from '../errors/public.decorator';

export interface RouteRule {
  route: string;
  rule: 'public' | string[] | undefined;
  /** The access module's rule name the roles came from (`@Access` / `@CommandAccess`); undefined for bare `@Roles`. */
  accessRule?: string;
  /** Whether a read through the route is of personal or case data and who records it (R8, C3); see read-record.ts. */
  readRecord?: ReadRecordRule;
}

function isDynamic(m: unknown): m is DynamicModule {
  return typeof m === 'object' && m !== null && 'module' in m;
}

/** Every HTTP route reachable from a root module, with the access rule it declares (undefined = none). */
export function routeRules(root: Type<unknown> | DynamicModule): RouteRule[] {
  const seen = new Set<unknown>();
  const controllers: Type<unknown>[] = [];
  const visit = (m: unknown) => {
    if (!m || seen.has(m)) return;
    seen.add(m);
    const cls = isDynamic(m) ? m.module : (m as Type<unknown>);
    controllers.push(...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, cls) ?? []) as Type<unknown>[]));
    ((Reflect.getMetadata(MODULE_METADATA.IMPORTS, cls) ?? []) as unknown[]).forEach(visit);
    if (isDynamic(m)) {
      controllers.push(...((m.controllers ?? []) as Type<unknown>[]));
      (m.imports ?? []).forEach(visit);
    }
  };
  visit(root);
  return controllers.flatMap((ctrl) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
    const proto = ctrl.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && Reflect.hasMetadata(PATH_METADATA, proto[name] as object))
      .map((name) => {
        const handler = proto[name] as object;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = String(Reflect.getMetadata(PATH_METADATA, handler));
        const isPublic = Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, ctrl);
        const roles = Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, ctrl);
        const accessRule = Reflect.getMetadata(ACCESS_RULE_KEY, handler) ?? Reflect.getMetadata(ACCESS_RULE_KEY, ctrl);
        const route = `/${base}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        const readRecord = Reflect.getMetadata(READ_RECORD_KEY, handler) as ReadRecordRule | undefined;
        return { route: `${method} ${route}`, rule: isPublic ? 'public' : roles, accessRule, readRecord };
      });
  });
}
