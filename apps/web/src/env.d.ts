/// <reference types="vite/client" />

// Lets plain tsc (lint) read `.vue` imports; vue-tsc type-checks the components themselves.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
