/**
 * @module The labelled quality set: questions a person might ask, each written as a paraphrase of what a git manual
 * page is about, with the page(s) that answer it. None shares a content word with its answer's name, title or
 * one-line summary (checked at run time by {@link copiedWords}); the off-topic questions have no answer in the
 * corpus and should score clearly worse.
 */

/** A question and the pages that answer it. */
export interface LabelledQuery {
  readonly query: string;
  readonly answers: readonly string[];
}

export const ON_TOPIC: readonly LabelledQuery[] = [
  { query: 'temporarily shelve my unfinished edits so I can switch tasks', answers: ['Git/git-stash'] },
  {
    query: 'locate the revision that first broke things by halving the suspect range repeatedly',
    answers: ['Git/git-bisect'],
  },
  {
    query: 'who touched this particular statement of the source most recently',
    answers: ['Git/git-blame', 'Git/git-annotate'],
  },
  { query: 'copy one fix from another branch onto mine', answers: ['Git/git-cherry-pick'] },
  { query: 'undo a published change by recording its inverse', answers: ['Git/git-revert'] },
  { query: 'delete stray leftovers that version control is not following', answers: ['Git/git-clean'] },
  {
    query: 'shrink the database and compress loose items to save disk space',
    answers: ['Git/git-gc', 'Git/git-repack'],
  },
  { query: 'mark a release version with a label', answers: ['Git/git-tag'] },
  { query: 'make a local copy of a project hosted on a server', answers: ['Git/git-clone'] },
  { query: 'upload my local branch to the shared server', answers: ['Git/git-push'] },
  {
    query: 'move my feature work so it starts from the newest upstream state, rewriting history',
    answers: ['Git/git-rebase'],
  },
  { query: 'check out two branches side by side in separate folders', answers: ['Git/git-worktree'] },
  { query: 'embed another project inside mine as a nested dependency', answers: ['Git/git-submodule'] },
  { query: 'export a tarball or zip of the project snapshot', answers: ['Git/git-archive'] },
  { query: 'look for a text string across all tracked source code', answers: ['Git/git-grep'] },
  { query: 'count contributions per author for release notes', answers: ['Git/git-shortlog'] },
  { query: 'give a tracked document a different filename', answers: ['Git/git-mv'] },
  { query: 'produce a version string from the nearest release label', answers: ['Git/git-describe'] },
  { query: 'recover a lost branch tip after an accidental hard reset', answers: ['Git/git-reflog'] },
  { query: 'turn my commits into mailable files for a mailing list', answers: ['Git/git-format-patch'] },
  { query: 'deliver my series of changes to the maintainers through SMTP', answers: ['Git/git-send-email'] },
  { query: 'take changes received by mail and commit them', answers: ['Git/git-am'] },
  { query: 'change my user name and email address settings', answers: ['Git/git-config'] },
  { query: 'only materialize some directories of a huge monorepo', answers: ['Git/git-sparse-checkout'] },
  { query: 'attach extra annotations to a commit without changing its hash', answers: ['Git/git-notes'] },
  { query: 'where did these two branches diverge', answers: ['Git/git-merge-base'] },
  { query: 'throw away my uncommitted edits to one file', answers: ['Git/git-restore', 'Git/git-checkout'] },
  { query: 'check the repository for corruption and broken links between items', answers: ['Git/git-fsck'] },
  { query: 'remember my login for a few minutes so I am not asked again', answers: ['Git/git-credential-cache'] },
  { query: 'open a web interface to look at my project locally', answers: ['Git/git-instaweb'] },
  {
    query: 'remember how I settled a clash between branches so it is handled automatically next time',
    answers: ['Git/git-rerere'],
  },
  { query: 'transfer history to an offline machine as a single file', answers: ['Git/git-bundle'] },
  { query: 'which files have I modified but not yet staged', answers: ['Git/git-status'] },
  { query: 'begin version control in a folder that has none yet', answers: ['Git/git-init'] },
  { query: 'browse the chronological list of past changes with authors and dates', answers: ['Git/git-log'] },
];

export const OFF_TOPIC: readonly string[] = [
  'chocolate cake recipe with buttercream frosting',
  'best hiking trails in the alps in summer',
  'how to train a puppy to sit and stay',
  'symptoms of the common cold in children',
  'knitting pattern for a wool scarf',
  'who won the football world cup final',
  'growing tomatoes on a small balcony',
  'cheap flights from london to tokyo',
  'breathing exercises for meditation',
  'how many moons does jupiter have',
];

const STOPWORDS = new Set(
  'a an and are as at be by for from has have how i in is it its my of on one or so that the this to up was what when where which who why with without not no do does did can into onto our your their them these those some all any after before next time yet but'.split(
    ' ',
  ),
);

/** Content words of a text, as 5-character stems (so "rename" and "renaming" meet, "log" stays "log"). */
function stems(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !STOPWORDS.has(w)).map((w) => w.slice(0, 5)),
  );
}

/** Words of `query` that also occur in the answer's name, title or summary (none are allowed). */
export function copiedWords(query: string, answerText: string): string[] {
  const answer = stems(answerText);
  return [...stems(query)].filter((s) => answer.has(s));
}
