// The words of the scripts that every page runs, in the site's language:
// { oma: { add: '…', … } }. The generator writes this module for each
// language from the theme's table (i18n/<lang>.yaml, the keys js.oma.*),
// so that the words come once for the whole site instead of in every
// page; this file stands for it where no generator runs (Node tests).
export default {};
