#!/usr/bin/env bash
# lilo on portfolios kept in git: real repositories built in a temporary
# folder with the git command, each commit dated (GIT_AUTHOR_DATE,
# GIT_COMMITTER_DATE). Honest and backdated histories, a renamed entry, a
# shallow clone, uncommitted and untracked changes, `bundle --rev`, and
# `check --changed-since` on a branch.
#   test_git.sh LILO SOURCE_DIR
set -u
lilo=$1
src=$2
. "$(dirname "$0")/../e2e/checks.sh" git
cd "$work" || exit 1
export CI=true NO_COLOR=1 LC_ALL=C.UTF-8 TZ=UTC HOME="$work" GIT_CONFIG_NOSYSTEM=1
unset GITHUB_ACTIONS
as_of=2026-11-20
commit() { # DATE MESSAGE: commit everything staged and unstaged, at DATE
  git add -A && GIT_AUTHOR_DATE="$1T18:00:00Z" GIT_COMMITTER_DATE="$1T18:00:00Z" \
    git -c user.name=Candidate -c user.email=c@example.org commit -qm "$2"
}

# An honest history: every record committed the day it is dated.
mkdir honest && cp -r "$src/examples/certificate/." honest/
mkdir held && mv honest/journal honest/mentoring held/ && mkdir honest/journal honest/mentoring
(cd honest && git init -q -b main && commit 2025-09-01 "the portfolio begins")
for f in $(cd held && ls journal/*.md mentoring/*.md | sort -t/ -k2); do
  d=$(basename "$f" | cut -c1-10)
  cp "held/$f" "honest/$f" && (cd honest && commit "$d" "$f")
done
"$lilo" check honest --as-of $as_of >honest.out 2>&1; rc=$?
check "an honest history: complete, no backdating, nothing uncommitted (exit $rc)" \
  '[ $rc = 0 ] && ! grep -q "backdated\|P.uncommitted\|P.history-shallow" honest.out'

# The same entries, all committed on 2026-06-25: backdated, as warnings (all
# but the entry of 2026-06-12, within 14 days).
mkdir late && cp -r "$src/examples/certificate/." late/
(cd late && git init -q -b main && commit 2026-06-25 "everything at once")
"$lilo" check late --as-of $as_of >late.out 2>&1; rc=$?
check "backdated entries: warnings, still complete (exit $rc)" '[ $rc = 0 ] && [ "$(grep -c "warning: R2.backdated" late.out)" = 11 ] && [ "$(grep -c "warning: R1.backdated" late.out)" = 5 ]'
check "the message gives the stated date, the commit date and the limit" \
  'grep -q "journal/2025-09-12-learner-again.md:2:1: warning: R2.backdated: dated 2025-09-12 but first committed on 2026-06-25 (.......), 286 days later; at most 14 (max_backdate_days)" late.out'
# A programme that makes it an error.
printf 'extends: lilo-certificate\nid: strict\ntitle: Strict\nrequirements:\n  R2: {backdated: error, max_backdate_days: 7}\n' > strict.yaml
"$lilo" check late --as-of $as_of --programme strict.yaml >strict.out 2>&1; rc=$?
check "backdated: error makes R2 unmet (exit $rc)" '[ $rc = 1 ] && grep -q "error: R2.backdated" strict.out && grep -q "R2  Reflective journal  *unmet" strict.out'
"$lilo" explain R2 -C late --as-of $as_of >explain.out 2>&1
check "explain R2 sets the stated dates beside the commit dates" \
  'grep -q "^  2025-10-08    26 days  committed 2026-06-25   +260  journal/2025-10-08-compositions-in-the-bin.md$" explain.out'
# A repository owned by another user (a programme officer's copy, a CI
# container's checkout): git calls it dubious ownership, but lilo only reads
# it, so the history still counts.
if [ "$(id -u)" = 0 ]; then
  cp -a late owned && chown -R nobody: owned
  "$lilo" check owned --as-of $as_of >owned.out 2>&1
  check "a repository owned by another user is still read" '[ "$(grep -c "warning: R2.backdated" owned.out)" = 11 ]'
else
  echo "skipped: changing a repository's owner needs root"
fi
"$lilo" check late --as-of $as_of --no-git >nogit.out 2>&1; rc=$?
check "--no-git ignores the history" '[ $rc = 0 ] && ! grep -q backdated nogit.out'
cp -r "$src/examples/certificate" plain
"$lilo" check plain --as-of $as_of --git >/dev/null 2>gitreq.err; rc=$?
check "--git outside a work tree: exit 2 (got $rc)" '[ $rc = 2 ] && grep -q "not in a git work tree" gitreq.err'

# A renamed entry keeps the date of the commit that first added it.
(cd honest && git mv journal/2026-01-15-criteria-first.md journal/2026-01-15-criteria-first-renamed.md && commit 2026-07-01 "rename")
"$lilo" check honest --as-of $as_of >renamed.out 2>&1
check "a renamed entry is not backdated: its first commit follows the rename" '! grep -q "backdated" renamed.out'

# An entry written in a pull request that stayed open for a month, merged
# with a merge commit: it dates from its commit on the branch, not the merge.
git clone -q "file://$work/honest" merged 2>/dev/null
(cd merged && git checkout -q -b summer && cp "$src/examples/certificate/journal/2026-06-12-what-i-will-carry.md" journal/2026-06-20-summer.md &&
  commit 2026-06-20 "summer entry" && git checkout -q main && echo "x" > notes.md && commit 2026-06-25 "main moves on" &&
  GIT_AUTHOR_DATE=2026-07-25T18:00:00Z GIT_COMMITTER_DATE=2026-07-25T18:00:00Z \
    git -c user.name=Mentor -c user.email=m@example.org merge -q --no-ff --no-edit summer)
"$lilo" check merged --as-of $as_of >merged.out 2>&1
"$lilo" explain R2 -C merged --as-of $as_of >merged-explain.out 2>&1
check "an entry merged from a month-old branch is not backdated" \
  '! grep -q "backdated" merged.out && grep -q "committed 2026-06-20 .*journal/2026-06-20-summer.md" merged-explain.out'

# A shallow clone: too short to judge; said once, with how to fetch more.
git clone -q --depth 1 "file://$work/late" shallow 2>/dev/null
"$lilo" check shallow --as-of $as_of >shallow.out 2>&1; rc=$?
check "a shallow clone: no backdating alarm, P.history-shallow says why (exit $rc)" \
  '[ $rc = 0 ] && ! grep -q "R[12].backdated" shallow.out && grep -q "info: P.history-shallow: .*git fetch --unshallow" shallow.out'

# Uncommitted and untracked changes.
cp -r honest dirty
printf '\nOne more line.\n' >> dirty/essay.md
printf -- '---\ndate: 2026-06-20\n---\nA new entry.\n' > dirty/journal/2026-06-20-new.md
"$lilo" check dirty --as-of $as_of >dirty.out 2>&1
check "uncommitted and untracked files: P.uncommitted names them" \
  'grep -q "warning: P.uncommitted: 2 files differ from the last commit: essay.md (modified), journal/2026-06-20-new.md (untracked)" dirty.out'

# bundle --rev: exactly the committed files, whatever the work tree holds.
(cd honest && "$lilo" bundle --rev HEAD -o ../clean.zip --as-of $as_of >/dev/null 2>&1)
(cd dirty && "$lilo" bundle --rev HEAD -o ../dirty.zip --as-of $as_of >/dev/null 2>&1)
check "bundles of HEAD from a clean and a dirty work tree are byte-identical" '[ -s clean.zip ] && cmp -s clean.zip dirty.zip'
head=$(git -C honest rev-parse HEAD)
check "bag-info.txt names the commit" 'unzip -p clean.zip "*/bag-info.txt" | grep -q "^LILO-Commit: $head$"'
check "the bundle verifies" '"$lilo" verify clean.zip >/dev/null 2>&1'
check "the new, untracked entry is not in it" '! unzip -l dirty.zip | grep -q 2026-06-20-new.md'
(cd honest && "$lilo" bundle --rev HEAD~1 -o ../before.zip --as-of $as_of >/dev/null 2>&1)
check "--rev HEAD~1 carries the entry under its old name" 'unzip -l before.zip | grep -q "journal/2026-01-15-criteria-first.md"'
(cd honest && "$lilo" bundle --rev no-such-branch -o ../x.zip >/dev/null 2>../rev.err); rc=$?
check "--rev naming no commit: exit 2, nothing written" '[ $rc = 2 ] && grep -q "no-such-branch" rev.err && [ ! -e x.zip ]'

# --changed-since on a branch: findings only for what the branch changed; status over the whole portfolio.
cp -r "$src/examples/certificate-incomplete" pr && (cd pr && git init -q -b main && commit 2026-11-01 "start")
(cd pr && git checkout -q -b entry && printf -- '---\ndate: 2026-11-18\n---\nToo short.\n' > journal/2026-11-18-short.md && commit 2026-11-18 "an entry")
"$lilo" check pr --as-of $as_of --changed-since main >pr.out 2>&1; rc=$?
check "--changed-since: the new entry's finding, and no others from untouched files (exit $rc)" \
  '[ $rc = 1 ] && grep -q "journal/2026-11-18-short.md:1:1: error: R2.words" pr.out && ! grep -q "R1.since-late" pr.out && grep -q "info: P.changed-since: findings shown only for the 1 file changed since main" pr.out'
check "--changed-since: requirement status is still the whole portfolio's" 'grep -q "R1  Mentor  *unmet" pr.out'
"$lilo" check pr --as-of $as_of --changed-since nowhere >/dev/null 2>cs.err; rc=$?
check "--changed-since naming no commit: exit 2" '[ $rc = 2 ] && grep -q "nowhere" cs.err'

finish
