declare module 'virtual:mdc-match-index' {
  const index: import('../data/match-index').MatchIndex;
  export default index;
}

declare module 'virtual:mdc-dataset-version' {
  const version: string;
  export default version;
}
