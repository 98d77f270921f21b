import { OpenAPIHono } from '@hono/zod-openapi';
import { validationResponse } from './errors.ts';

/** A sub-router whose request validation failures answer 400 in the API's error shape. */
export function newRouter() {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success)
        return validationResponse(c, result.error, `${result.target} parameters`);
      return undefined;
    },
  });
}
