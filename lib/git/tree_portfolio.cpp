#include "git/tree_portfolio.hpp"
#include "portfolio/submitted.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "git/handles.hpp"
#include "text/nfc.hpp"
#include "text/utf8.hpp"

namespace lilo {

using git::Error;
using namespace git::detail;

namespace {

constexpr std::uint32_t mode_tree = GIT_FILEMODE_TREE;
constexpr std::uint32_t mode_link = GIT_FILEMODE_LINK;
constexpr std::uint32_t mode_gitlink = GIT_FILEMODE_COMMIT;

bool is_blob(std::uint32_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

git_oid to_oid(const std::array<unsigned char, 20>& a)
{
    git_oid o;
    std::memcpy(o.id, a.data(), a.size());
    return o;
}

std::array<unsigned char, 20> from_oid(const git_oid& o)
{
    std::array<unsigned char, 20> a{};
    std::memcpy(a.data(), o.id, a.size());
    return a;
}

FsProblem link_problem() { return {"not-a-file", "is a symbolic link in the git history; lilo does not follow links there", 0}; }
FsProblem gitlink_problem() { return {"not-a-file", "is a git submodule, not a file", 0}; }

// A name git itself would refuse in a tree; only a crafted repository has one.
bool bad_name(std::string_view name)
{
    return name.empty() || name == "." || name == ".." || name.find('/') != std::string_view::npos;
}

bool is_dot_git(std::string_view name) { return name.size() == 4 && iequals(name, ".git"); }

} // namespace

GitTreePortfolio::GitTreePortfolio(const git::Repository& repo, const std::string& rev, FsLimits limits)
    : m_repo(repo.m_repo)
{
    m_max_text_bytes = limits.max_text_bytes;
    ensure_libgit2();
    git_odb* odb = nullptr;
    check(git_repository_odb(&odb, m_repo.get()), "cannot open the repository's objects");
    m_odb.reset(odb, git_odb_free);
    const CommitPtr commit = lookup_commit(m_repo.get(), rev);
    m_commit = oid_hex(*git_commit_id(commit.get()));
    git_tree* t = nullptr;
    check(git_commit_tree(&t, commit.get()), "cannot read the tree of commit " + m_commit);
    const TreePtr root(t);
    git_oid top = *git_tree_id(root.get());
    if (const std::string& prefix = repo.prefix(); !prefix.empty()) {
        const std::string folder = prefix.substr(0, prefix.size() - 1);
        git_tree_entry* e = nullptr;
        const int rc = git_tree_entry_bypath(&e, root.get(), folder.c_str());
        const TreeEntryPtr entry(e);
        if (rc == GIT_ENOTFOUND || (rc == 0 && git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE))
            throw Error("the portfolio folder '" + folder + "' is not a folder in commit " + m_commit.substr(0, 12) + " ('" + rev + "')");
        check(rc, "cannot read '" + folder + "' in commit " + m_commit.substr(0, 12));
        top = *git_tree_entry_id(entry.get());
    }
    load_tree(from_oid(top));
    IgnoreRules rules;
    if (const Node* n = find(".liloignore"); n && is_blob(n->mode)) {
        std::string text = blob(*n, ".liloignore");
        if (text.size() > (1u << 20)) text.resize(1u << 20); // as bundle_files reads it
        rules.add_lines(text);
    }
    plan_files("", rules);
    std::sort(m_files.files.begin(), m_files.files.end());
}

GitTreePortfolio::~GitTreePortfolio() = default;

void GitTreePortfolio::load_tree(const std::array<unsigned char, 20>& top)
{
    m_nodes[""] = Node{top, mode_tree};
    std::vector<std::pair<std::array<unsigned char, 20>, std::string>> todo{{top, ""}};
    std::size_t count = 0;
    while (!todo.empty()) {
        auto [id, rel] = std::move(todo.back());
        todo.pop_back();
        const git_oid oid = to_oid(id);
        git_tree* t = nullptr;
        check(git_tree_lookup(&t, m_repo.get(), &oid), "cannot read the folder '" + rel + "' in commit " + m_commit.substr(0, 12));
        const TreePtr tree(t);
        const int depth = rel.empty() ? 0 : 1 + static_cast<int>(std::count(rel.begin(), rel.end(), '/'));
        if (depth >= max_tree_depth)
            throw Error("commit " + m_commit.substr(0, 12) + " nests folders more than " + std::to_string(max_tree_depth) + " deep; lilo does not read it");
        auto& names = m_children[rel];
        for (std::size_t i = 0, n = git_tree_entrycount(tree.get()); i < n; ++i) {
            const git_tree_entry* e = git_tree_entry_byindex(tree.get(), i);
            const std::string name = git_tree_entry_name(e);
            const std::string child = rel.empty() ? name : rel + "/" + name;
            if (bad_name(name)) {
                m_files.refused.push_back({child, "a name git does not allow in a folder"});
                continue;
            }
            if (++count > max_tree_entries)
                throw Error("commit " + m_commit.substr(0, 12) + " holds more than " + std::to_string(max_tree_entries) +
                            " files and folders in the portfolio; lilo does not read it");
            const auto mode = static_cast<std::uint32_t>(git_tree_entry_filemode(e));
            if (!m_nodes.emplace(child, Node{from_oid(*git_tree_entry_id(e)), mode}).second) continue; // a duplicate name: the first counts
            names.push_back(name);
            if (mode == mode_tree && !is_dot_git(name)) todo.emplace_back(from_oid(*git_tree_entry_id(e)), child);
        }
        std::sort(names.begin(), names.end());
    }
}

// bundle_files()'s walk (lib/portfolio/fingerprint.cpp), over the tree.
void GitTreePortfolio::plan_files(const std::string& rel_dir, const IgnoreRules& rules)
{
    const auto kids = m_children.find(rel_dir);
    if (kids == m_children.end()) return;
    for (const auto& name : kids->second) {
        const std::string rel = rel_dir.empty() ? name : rel_dir + "/" + name;
        const Node& node = m_nodes.find(rel)->second;
        const bool dir = node.mode == mode_tree;
        if (name == ".git") { m_files.left_out.push_back({dir ? rel + "/" : rel, "git metadata"}); continue; }
        if (find_invalid_utf8(name)) { m_files.refused.push_back({rel, "its name is not UTF-8"}); continue; }
        if (!dir && is_editor_debris(name)) { m_files.left_out.push_back({rel, "editor or system debris"}); continue; }
        const auto m = rules.match(rel, dir);
        if (m.ignored) {
            m_files.left_out.push_back({dir ? rel + "/" : rel, ".liloignore line " + std::to_string(m.line) + ": " + m.pattern});
            continue;
        }
        if (dir) {
            if (is_dot_git(name)) { m_files.refused.push_back({rel, "a folder named like git's own"}); continue; }
            plan_files(rel, rules);
            continue;
        }
        if (node.mode == mode_link) { m_files.refused.push_back({rel, "a symbolic link (a bundle carries files only)"}); continue; }
        if (node.mode == mode_gitlink) { m_files.refused.push_back({rel, "a git submodule (a bundle carries files only)"}); continue; }
        if (!is_blob(node.mode)) { m_files.refused.push_back({rel, "not a regular file"}); continue; }
        if (blob_size(node, rel) > max_blob_bytes) {
            m_files.refused.push_back({rel, "larger than lilo reads from git history (" + megabytes(max_blob_bytes) + ")"});
            continue;
        }
        if (name == "README.md" && is_init_guide(name, read_bytes(rel))) {
            m_files.left_out.push_back({rel, std::string(init_guide_reason)});
            continue;
        }
        m_files.files.push_back(rel);
    }
}

const GitTreePortfolio::Node* GitTreePortfolio::find(std::string_view rel) const
{
    const auto it = m_nodes.find(rel);
    return it == m_nodes.end() ? nullptr : &it->second;
}

std::uint64_t GitTreePortfolio::blob_size(const Node& node, std::string_view rel) const
{
    const git_oid oid = to_oid(node.oid);
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    check(git_odb_read_header(&size, &type, m_odb.get(), &oid),
          "cannot read '" + std::string(rel) + "' in commit " + m_commit.substr(0, 12));
    if (type != GIT_OBJECT_BLOB) throw Error("'" + std::string(rel) + "' in commit " + m_commit.substr(0, 12) + " is not a file's contents");
    return size;
}

std::string GitTreePortfolio::blob(const Node& node, std::string_view rel) const
{
    const git_oid oid = to_oid(node.oid);
    git_blob* b = nullptr;
    check(git_blob_lookup(&b, m_repo.get(), &oid), "cannot read '" + std::string(rel) + "' in commit " + m_commit.substr(0, 12));
    const BlobPtr held(b);
    const auto size = static_cast<std::size_t>(git_blob_rawsize(b));
    const auto* data = static_cast<const char*>(git_blob_rawcontent(b));
    return size == 0 || !data ? std::string() : std::string(data, size);
}

bool GitTreePortfolio::is_file(std::string_view rel) const
{
    const Node* n = find(rel);
    return n && is_blob(n->mode);
}

bool GitTreePortfolio::is_dir(std::string_view rel) const
{
    const Node* n = find(rel);
    return n && n->mode == mode_tree;
}

bool GitTreePortfolio::exists(std::string_view rel) const { return find(rel) != nullptr; }

std::optional<FsProblem> GitTreePortfolio::check_links(std::string_view rel) const
{
    // A link anywhere along the path: the path would lead wherever it points.
    for (std::size_t from = 0;;) {
        const auto slash = rel.find('/', from);
        const Node* n = find(rel.substr(0, slash));
        if (!n) return std::nullopt; // missing: the caller says so
        if (n->mode == mode_link) return link_problem();
        if (slash == std::string_view::npos) return std::nullopt;
        from = slash + 1;
    }
}

std::optional<FsProblem> GitTreePortfolio::file_problem(std::string_view rel) const
{
    if (auto p = check_links(rel)) return p;
    const Node* n = find(rel);
    if (!n) return FsProblem{"not-found", "no such file", 0};
    if (n->mode == mode_tree) return FsProblem{"not-a-file", "is a folder, not a file", 0};
    if (n->mode == mode_gitlink) return gitlink_problem();
    if (!is_blob(n->mode)) return FsProblem{"not-a-file", "is not a regular file", 0};
    return std::nullopt;
}

TextFile GitTreePortfolio::read_text(std::string_view rel) const
{
    TextFile out = read_bytes_up_to(rel, m_max_text_bytes);
    if (!out.problem && (out.problem = encoding_problem(out.data))) out.data.clear();
    return out;
}

TextFile GitTreePortfolio::read_binary(std::string_view rel) const { return read_bytes_up_to(rel, max_document_bytes); }

TextFile GitTreePortfolio::read_bytes_up_to(std::string_view rel, std::uint64_t max_bytes) const
{
    TextFile out;
    if ((out.problem = file_problem(rel))) return out;
    const Node& node = *find(rel);
    try {
        const std::uint64_t size = blob_size(node, rel);
        if (size > max_bytes) {
            out.problem = too_large(size, max_bytes);
            return out;
        }
        out.data = blob(node, rel);
    } catch (const Error& e) {
        out.problem = FsProblem{"unreadable", std::string("cannot read from git: ") + e.what(), 0};
    }
    return out;
}

std::vector<std::string> GitTreePortfolio::list_names(std::string_view rel_dir) const
{
    const auto it = m_children.find(rel_dir);
    return it == m_children.end() ? std::vector<std::string>{} : it->second;
}

std::string GitTreePortfolio::read_bytes(std::string_view rel) const
{
    const Node* n = find(rel);
    if (!n || !is_blob(n->mode) || check_links(rel))
        throw Error("'" + std::string(rel) + "' is not a file in commit " + m_commit.substr(0, 12));
    if (blob_size(*n, rel) > max_blob_bytes)
        throw Error("'" + std::string(rel) + "' in commit " + m_commit.substr(0, 12) + " is larger than lilo reads from git history");
    return blob(*n, rel);
}

void GitTreePortfolio::for_each_file(const std::function<void(const std::string&, std::string_view)>& visit) const
{
    for (const auto& rel : m_files.files) {
        const std::string bytes = read_bytes(rel);
        visit(rel, bytes);
    }
}

const Fingerprint& GitTreePortfolio::fingerprint_details() const
{
    if (m_fingerprint) return *m_fingerprint;
    Fingerprint fp;
    fp.refused = m_files.refused;
    std::vector<std::pair<std::string, std::string>> lines; // (NFC name, sum), as portfolio_fingerprint
    for (const auto& rel : m_files.files) {
        if (rel == "signoff.yaml") continue;
        lines.emplace_back(to_nfc(rel), sha256_hex(submitted_form(rel, read_bytes(rel))));
    }
    fp.listing = fingerprint_listing(std::move(lines));
    fp.sha256 = sha256_hex(fp.listing);
    m_fingerprint = std::move(fp);
    return *m_fingerprint;
}

std::optional<std::pair<std::string, std::string>> git::commit_with_fingerprint(const Repository& repo, const std::string& sha256,
                                                                                int max_commits)
{
    if (!repo.head_commit()) return std::nullopt;
    for (int back = 0; back < max_commits; ++back) {
        std::optional<GitTreePortfolio> tree;
        try {
            tree.emplace(repo, "HEAD~" + std::to_string(back));
        } catch (const Error&) {
            // No commit that far back, or the portfolio folder is not in it: nothing older has it either.
            break;
        }
        const Fingerprint& fp = tree->fingerprint_details();
        if (fp.sha256 == sha256) return std::make_pair(tree->commit(), fp.listing);
    }
    return std::nullopt;
}

} // namespace lilo
