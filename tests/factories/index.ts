export * from './offers';
export * from './dependencies';
