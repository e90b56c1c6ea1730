declare module 'virtual:mdc-match-index' {
  const index: import('../data/match-index').MatchIndex;
  export default index;
}
