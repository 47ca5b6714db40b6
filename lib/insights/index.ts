// Statistics over logged attempts for the Insights dashboard: pure, zones passed in.
export * from './outcome-classes';
export * from './rate';
export * from './connect-heatmap';
export * from './funnel';
export * from './outcome-rates-by-situation';
export * from './wilson-interval';
export * from './compare-rates';
export * from './preparation-payoff';
export * from './window-payoff';
export * from './dials-before-first-connect';
export * from './voicemail-callback';
export * from './date-range';
