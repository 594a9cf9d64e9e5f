/** Insurance numbers, dates and age: pure helpers the eligibility engine, the flow and the screens share. */
export * from './age';
export * from './branch';
export * from './dates';
export * from './insurer-number';
export * from './messages';
export * from './numbers';
export * from './symbol-number';
export * from './validation';
export * from './kana';
export * from './printed';
export * from './wareki';
export * from './entry';
