/**
 * The Fluent UI web components the pane uses, registered one by one so the bundle carries only these.
 * Drop-downs are native <select> styled with Fluent's tokens: fluent-select would add 30 KB to the bundle.
 */
import {
  baseLayerLuminance,
  fluentButton,
  fluentCheckbox,
  fluentProgressRing,
  fluentTab,
  fluentTabPanel,
  fluentTabs,
  provideFluentDesignSystem,
  StandardLuminance,
} from '@fluentui/web-components';

export function registerFluent(): void {
  provideFluentDesignSystem().register(
    fluentButton(),
    fluentCheckbox(),
    fluentProgressRing(),
    fluentTab(),
    fluentTabPanel(),
    fluentTabs(),
  );
}

/** Dark Office themes get Fluent's dark layer so the components stay readable. */
export function useDarkLayer(dark: boolean): void {
  baseLayerLuminance.withDefault(dark ? StandardLuminance.DarkMode : StandardLuminance.LightMode);
}
