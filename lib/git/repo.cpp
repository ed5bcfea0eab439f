#include "git/repo.hpp"

#include <algorithm>
#include <cstring>
#include <functional>

#include "core/date.hpp"
#include "git/handles.hpp"
#include "portfolio/fsys.hpp"

namespace fs = std::filesystem;

namespace lilo::git {
namespace detail {

void ensure_libgit2()
{
    struct Library {
        Library()
        {
            git_libgit2_init();
            // git's safe.directory check guards against running what a
            // repository's configuration names (core.fsmonitor and the like)
            // in someone else's folder. lilo runs nothing from a repository
            // and only reads it, while a programme officer's copies of
            // candidates' repositories, or a CI container's checkout, are
            // often owned by another user: libgit2 would report those as no
            // repository at all, and the history would be silently lost.
            git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
        }
        ~Library() { git_libgit2_shutdown(); }
        Library(const Library&) = delete;
        Library& operator=(const Library&) = delete;
    };
    static const Library library;
}

std::string last_error(int code)
{
    const git_error* e = git_error_last();
    if (e && e->message && *e->message) return e->message;
    return "libgit2 error " + std::to_string(code);
}

std::string oid_hex(const git_oid& oid)
{
    char buf[GIT_OID_HEXSZ + 1];
    git_oid_tostr(buf, sizeof buf, &oid);
    return buf;
}

CommitPtr lookup_commit(git_repository* repo, const std::string& rev)
{
    if (rev.empty()) throw Error("an empty revision names no commit");
    git_object* raw = nullptr;
    if (const int rc = git_revparse_single(&raw, repo, rev.c_str()); rc < 0)
        throw Error("'" + rev + "' names no commit in this repository (" + last_error(rc) + ")");
    ObjectPtr obj(raw);
    git_object* peeled = nullptr;
    if (const int rc = git_object_peel(&peeled, obj.get(), GIT_OBJECT_COMMIT); rc < 0)
        throw Error("'" + rev + "' names a " + git_object_type2string(git_object_type(obj.get())) + ", not a commit (" +
                    last_error(rc) + ")");
    return CommitPtr(reinterpret_cast<git_commit*>(peeled));
}

} // namespace detail

using namespace detail;

namespace {

git_repository* raw(const std::shared_ptr<git_repository>& r) { return r.get(); }

// Whether a pathspec may be handed to libgit2 as it is (no glob characters to misread).
bool plain_pathspec(const std::string& prefix)
{
    return prefix.find_first_of("*?[]\\!") == std::string::npos;
}

FirstAdded commit_info(const git_commit* c, bool boundary)
{
    FirstAdded out;
    out.commit = oid_hex(*git_commit_id(c));
    out.time = static_cast<std::int64_t>(git_commit_time(c));
    out.offset_minutes = std::clamp(git_commit_time_offset(c), -24 * 60, 24 * 60);
    out.at_shallow_boundary = boundary;
    // A hostile commit may carry any time; the date stays within years 0000-9999.
    constexpr std::int64_t lo = -62167219200, hi = 253402300799;
    const std::int64_t local = std::clamp(out.time, lo, hi) + out.offset_minutes * 60;
    std::int64_t days = local / 86400;
    if (local % 86400 < 0) --days;
    out.date = Date::from_days(static_cast<long>(days)).str();
    return out;
}

TreePtr tree_of(const git_commit* c)
{
    git_tree* t = nullptr;
    check(git_commit_tree(&t, c), "cannot read the tree of commit " + oid_hex(*git_commit_id(c)));
    return TreePtr(t);
}


// The first parent after the first (1, 2, …) whose tree has `path`; 0 when
// none has it (or the commit is no merge). A parent missing from a shallow
// clone is passed over.
unsigned other_parent_with(const git_commit* c, const char* path)
{
    for (unsigned i = 1, n = git_commit_parentcount(c); i < n; ++i) {
        git_commit* p = nullptr;
        if (git_commit_parent(&p, c, i) != 0) continue;
        const CommitPtr parent(p);
        const TreePtr tree = tree_of(parent.get());
        git_tree_entry* e = nullptr;
        const int rc = git_tree_entry_bypath(&e, tree.get(), path);
        const TreeEntryPtr entry(e);
        if (rc == 0 && git_tree_entry_type(e) == GIT_OBJECT_BLOB) return i;
    }
    return 0;
}
} // namespace

std::optional<Repository> Repository::discover(const fs::path& folder)
{
    ensure_libgit2();
    std::error_code ec;
    const fs::path dir = fs::canonical(folder, ec);
    if (ec || !fs::is_directory(dir, ec)) return std::nullopt;
    git_repository* r = nullptr;
    const int rc = git_repository_open_ext(&r, dir.c_str(), 0, nullptr);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    check(rc, dir.string() + ": cannot open its git repository");
    std::shared_ptr<git_repository> repo(r, git_repository_free);
    const char* wd = git_repository_workdir(r);
    if (git_repository_is_bare(r) || !wd) return std::nullopt;
    const fs::path work = fs::canonical(wd, ec);
    if (ec) throw Error(std::string(wd) + ": the repository's work tree cannot be read: " + ec.message());
    if (!path_inside(work, dir)) return std::nullopt;
    const fs::path gitdir = fs::canonical(git_repository_path(r), ec);
    if (!ec && path_inside(gitdir, dir)) return std::nullopt;
    std::string prefix = dir.lexically_relative(work).generic_string();
    if (prefix == "." || prefix.empty()) prefix.clear();
    else prefix += '/';
    return Repository(std::move(repo), work, std::move(prefix));
}

bool Repository::is_shallow() const
{
    const int rc = git_repository_is_shallow(raw(m_repo));
    check(rc, "cannot tell whether the repository is shallow");
    return rc == 1;
}

std::optional<std::string> Repository::head_commit() const
{
    git_oid oid;
    const int rc = git_reference_name_to_id(&oid, raw(m_repo), "HEAD");
    if (rc == GIT_ENOTFOUND || rc == GIT_EUNBORNBRANCH) return std::nullopt;
    check(rc, "cannot read HEAD");
    return oid_hex(oid);
}

std::optional<std::string> Repository::relative(const char* repo_path) const
{
    if (!repo_path) return std::nullopt;
    const std::string_view p(repo_path);
    if (!p.starts_with(m_prefix) || p.size() == m_prefix.size()) return std::nullopt;
    return std::string(p.substr(m_prefix.size()));
}

std::map<std::string, FirstAdded> Repository::first_added(const std::vector<std::string>& paths) const
{
    std::map<std::string, FirstAdded> out;
    const auto head = head_commit();
    if (!head || paths.empty()) return out;
    git_repository* repo = raw(m_repo);
    // Each path's name at the commit being looked at → the paths asked about.
    std::map<std::string, std::vector<std::string>> names;
    for (const auto& p : paths) names[m_prefix + p].push_back(p);
    // The portfolio folder's tree id in a commit's tree: a commit that leaves it alone is skipped unread.
    auto folder_id = [&](const git_tree* root) -> std::optional<git_oid> {
        if (!root) return std::nullopt;
        if (m_prefix.empty()) return *git_tree_id(root);
        git_tree_entry* e = nullptr;
        const int rc = git_tree_entry_bypath(&e, root, m_prefix.substr(0, m_prefix.size() - 1).c_str());
        const TreeEntryPtr entry(e);
        if (rc == GIT_ENOTFOUND || (rc == 0 && git_tree_entry_type(e) != GIT_OBJECT_TREE)) return std::nullopt;
        check(rc, "cannot read the portfolio folder in a commit");
        return *git_tree_entry_id(e);
    };
    auto diff_trees = [&](git_tree* from, git_tree* to, bool whole) {
        git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
        opts.flags = GIT_DIFF_IGNORE_SUBMODULES;
        std::string spec = m_prefix;
        char* specs[] = {spec.data()};
        if (!whole && !m_prefix.empty() && plain_pathspec(m_prefix)) opts.pathspec = {specs, 1};
        git_diff* d = nullptr;
        check(git_diff_tree_to_tree(&d, repo, from, to, &opts), "cannot compare commits");
        return DiffPtr(d);
    };

    // Walks back from `start` along first parents with `followed` (each name
    // at the commit being looked at → the paths asked about). A merge that
    // adds a file relative to its first parent, while another parent already
    // has it, did not write it: it was written on that branch, so the walk
    // follows that parent instead (recursively, for branches of branches),
    // and an entry committed on a branch dates from its own commit, not from
    // the merge that brought it in.
    using Followed = std::map<std::string, std::vector<std::string>>;
    std::function<void(CommitPtr, Followed&, bool)> walk = [&](CommitPtr commit, Followed& followed, bool branch) {
        const auto all_inside_of = [&] {
            return std::all_of(followed.begin(), followed.end(), [&](const auto& n) { return n.first.starts_with(m_prefix); });
        };
        TreePtr tree = tree_of(commit.get());
        for (;;) {
            if (followed.empty()) break;
            CommitPtr parent;
            bool boundary = false;
            if (git_commit_parentcount(commit.get()) > 0) {
                git_commit* p = nullptr;
                const int rc = git_commit_parent(&p, commit.get(), 0);
                if (rc == GIT_ENOTFOUND) boundary = true; // a shallow clone's edge (or a missing object)
                else check(rc, "cannot read the parent of commit " + oid_hex(*git_commit_id(commit.get())));
                parent.reset(p);
            }
            TreePtr parent_tree = parent ? tree_of(parent.get()) : TreePtr();
            const bool inside = all_inside_of();
            const auto now_id = folder_id(tree.get()), before_id = folder_id(parent_tree.get());
            const bool untouched = inside && now_id.has_value() == before_id.has_value() && (!now_id || git_oid_equal(&*now_id, &*before_id));
            DiffPtr diff;
            bool wanted = false;
            if (!untouched) {
                diff = diff_trees(parent_tree.get(), tree.get(), !inside);
                // Rename detection reads file contents: only when a file asked about appears here.
                for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n && !wanted; ++i) {
                    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
                    wanted = delta->status == GIT_DELTA_ADDED && followed.count(delta->new_file.path);
                }
            }
            if (wanted && parent) {
                // Over the whole tree: a file may have come from outside the portfolio.
                if (inside) diff = diff_trees(parent_tree.get(), tree.get(), true);
                git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
                find.flags = GIT_DIFF_FIND_RENAMES;
                check(git_diff_find_similar(diff.get(), &find), "cannot look for renamed files");
            }
            if (wanted) {
                const FirstAdded info = commit_info(commit.get(), boundary);
                std::vector<std::pair<std::string, std::vector<std::string>>> moved;
                // Files this merge brought from another parent: name → that parent's index.
                std::map<unsigned, Followed> from_branch;
                for (std::size_t i = 0, m = git_diff_num_deltas(diff.get()); i < m; ++i) {
                    const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
                    auto it = followed.find(delta->new_file.path);
                    if (it == followed.end()) continue;
                    if (delta->status == GIT_DELTA_RENAMED) {
                        // Followed back to its old name (once every rename of this commit is seen: a swap stays a swap).
                        moved.emplace_back(delta->old_file.path, std::move(it->second));
                        followed.erase(it);
                    } else if (delta->status == GIT_DELTA_ADDED) {
                        const unsigned other = other_parent_with(commit.get(), delta->new_file.path);
                        if (other > 0) {
                            from_branch[other][it->first] = it->second;
                            if (branch) followed.erase(it);
                            continue;
                        }
                        for (const auto& p : it->second) out[p] = info;
                        // On the main line it is still followed: an older commit may have added it before it was
                        // deleted and added again. On a branch, its first commit there is enough.
                        if (branch) followed.erase(it);
                    }
                }
                for (auto& [old_name, asked] : moved) {
                    auto& v = followed[old_name];
                    v.insert(v.end(), asked.begin(), asked.end());
                }
                for (auto& [index, names_there] : from_branch) {
                    git_commit* p = nullptr;
                    check(git_commit_parent(&p, commit.get(), index), "cannot read a parent of merge " + oid_hex(*git_commit_id(commit.get())));
                    walk(CommitPtr(p), names_there, true);
                }
            }
            if (!parent) break;
            commit = std::move(parent);
            tree = std::move(parent_tree);
        }
    };
    walk(lookup_commit(repo, *head), names, false);
    return out;
}

namespace {

const char* status_word(unsigned s)
{
    if (s & GIT_STATUS_CONFLICTED) return "conflicted";
    if (s & GIT_STATUS_INDEX_RENAMED) return "renamed";
    if (s & GIT_STATUS_INDEX_NEW) return "added";
    if (s & (GIT_STATUS_INDEX_DELETED | GIT_STATUS_WT_DELETED)) return "deleted";
    if (s & GIT_STATUS_WT_NEW) return "untracked";
    return "modified";
}

const char* delta_word(git_delta_t s)
{
    switch (s) {
    case GIT_DELTA_ADDED: return "added";
    case GIT_DELTA_DELETED: return "deleted";
    case GIT_DELTA_RENAMED: return "renamed";
    case GIT_DELTA_UNTRACKED: return "untracked";
    case GIT_DELTA_CONFLICTED: return "conflicted";
    default: return "modified";
    }
}

void sort_changes(std::vector<Change>& v)
{
    std::sort(v.begin(), v.end(), [](const Change& a, const Change& b) { return a.path < b.path; });
}

// One change, at `path` (portfolio-relative; nullopt when outside the
// portfolio); `renamed_from` the old side of a rename. A rename out of the
// portfolio reads as a deletion; a change wholly outside it is left out.
void push_change(std::vector<Change>& out, const char* what, std::optional<std::string> path, std::optional<std::string> renamed_from)
{
    Change c{"", what, renamed_from.value_or("")};
    if (!path && !c.from.empty()) {
        path = c.from;
        c.what = "deleted";
        c.from.clear();
    }
    if (!path) return;
    c.path = *path;
    out.push_back(std::move(c));
}

} // namespace

std::vector<Change> Repository::uncommitted() const
{
    git_status_options opts = GIT_STATUS_OPTIONS_INIT;
    opts.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR;
    opts.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS | GIT_STATUS_OPT_RENAMES_HEAD_TO_INDEX |
                 GIT_STATUS_OPT_EXCLUDE_SUBMODULES | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY;
    std::string spec = m_prefix;
    char* specs[] = {spec.data()};
    if (!m_prefix.empty() && plain_pathspec(m_prefix)) opts.pathspec = {specs, 1};
    git_status_list* l = nullptr;
    check(git_status_list_new(&l, raw(m_repo), &opts), "cannot read the status of the work tree");
    const StatusListPtr list(l);
    std::vector<Change> out;
    for (std::size_t i = 0, n = git_status_list_entrycount(list.get()); i < n; ++i) {
        const git_status_entry* e = git_status_byindex(list.get(), i);
        if (!e || e->status == GIT_STATUS_CURRENT || (e->status & GIT_STATUS_IGNORED)) continue;
        const git_diff_delta* d = e->head_to_index ? e->head_to_index : e->index_to_workdir;
        if (!d) continue;
        const char* what = status_word(e->status);
        push_change(out, what, relative(d->new_file.path), what == std::string_view("renamed") ? relative(d->old_file.path) : std::nullopt);
    }
    sort_changes(out);
    return out;
}

std::string Repository::resolve(const std::string& rev) const
{
    const CommitPtr c = lookup_commit(raw(m_repo), rev);
    return oid_hex(*git_commit_id(c.get()));
}

std::vector<Change> Repository::changed_since(const std::string& rev) const
{
    git_repository* repo = raw(m_repo);
    const CommitPtr target = lookup_commit(repo, rev);
    const auto head = head_commit();
    if (!head) throw Error("HEAD has no commits yet: there is nothing to compare with '" + rev + "'");
    git_oid head_id;
    check(git_oid_fromstr(&head_id, head->c_str()), "cannot read HEAD");
    git_oid base;
    if (const int rc = git_merge_base(&base, repo, &head_id, git_commit_id(target.get())); rc < 0) {
        if (rc == GIT_ENOTFOUND && !is_shallow()) throw Error("'" + rev + "' and HEAD have no common history");
        throw Error("cannot find where HEAD and '" + rev + "' meet (" + last_error(rc) + ")" +
                    (is_shallow() ? "; this clone is shallow: fetch more history (git fetch --unshallow)" : ""));
    }
    const CommitPtr base_commit = lookup_commit(repo, oid_hex(base));
    const TreePtr tree = tree_of(base_commit.get());
    git_diff_options opts = GIT_DIFF_OPTIONS_INIT;
    opts.flags = GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS | GIT_DIFF_IGNORE_SUBMODULES;
    std::string spec = m_prefix;
    char* specs[] = {spec.data()};
    if (!m_prefix.empty() && plain_pathspec(m_prefix)) opts.pathspec = {specs, 1};
    git_diff* d = nullptr;
    check(git_diff_tree_to_workdir_with_index(&d, repo, tree.get(), &opts), "cannot compare the work tree with '" + rev + "'");
    const DiffPtr diff(d);
    git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
    find.flags = GIT_DIFF_FIND_RENAMES;
    check(git_diff_find_similar(diff.get(), &find), "cannot look for renamed files");
    std::vector<Change> out;
    for (std::size_t i = 0, n = git_diff_num_deltas(diff.get()); i < n; ++i) {
        const git_diff_delta* delta = git_diff_get_delta(diff.get(), i);
        if (delta->status == GIT_DELTA_UNMODIFIED || delta->status == GIT_DELTA_IGNORED) continue;
        push_change(out, delta_word(delta->status), relative(delta->status == GIT_DELTA_DELETED ? delta->old_file.path : delta->new_file.path),
                    delta->status == GIT_DELTA_RENAMED ? relative(delta->old_file.path) : std::nullopt);
    }
    sort_changes(out);
    return out;
}

std::vector<std::string> Repository::changed_paths_since(const std::string& rev) const
{
    std::vector<std::string> out;
    for (const auto& c : changed_since(rev))
        if (c.what != "deleted") out.push_back(c.path);
    return out;
}

void prepare() { ensure_libgit2(); }

} // namespace lilo::git
