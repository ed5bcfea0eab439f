#pragma once
// libgit2 plumbing for lib/git/ only: the library's one-time set-up, owning
// handles for every git_* object, and errors turned into git::Error.
#include <git2.h>
#include <memory>
#include <string>

#include "git/repo.hpp"

namespace lilo::git::detail {

// git_libgit2_init once per process, git_libgit2_shutdown at exit.
void ensure_libgit2();

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const noexcept { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using CommitPtr = Handle<git_commit, git_commit_free>;
using TreePtr = Handle<git_tree, git_tree_free>;
using TreeEntryPtr = Handle<git_tree_entry, git_tree_entry_free>;
using BlobPtr = Handle<git_blob, git_blob_free>;
using ObjectPtr = Handle<git_object, git_object_free>;
using DiffPtr = Handle<git_diff, git_diff_free>;
using StatusListPtr = Handle<git_status_list, git_status_list_free>;
using OdbPtr = Handle<git_odb, git_odb_free>;
using ReferencePtr = Handle<git_reference, git_reference_free>;

// libgit2's last error message, or a fallback naming the code.
std::string last_error(int code);

// Throws Error("<what>: <libgit2's message>") when `code` < 0.
inline void check(int code, const std::string& what)
{
    if (code < 0) throw Error(what + ": " + last_error(code));
}

std::string oid_hex(const git_oid& oid);

// The commit `rev` names (any revspec, peeled through tags); throws Error naming `rev`.
CommitPtr lookup_commit(git_repository* repo, const std::string& rev);

} // namespace lilo::git::detail
