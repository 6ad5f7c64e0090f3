export * from './offers';
export * from './dependencies';
export * from './evidence';
