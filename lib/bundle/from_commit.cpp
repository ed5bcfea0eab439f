// lilo bundle --rev: the tracked files of one commit, exported from the
// object database into a private temporary folder and bundled from there, so
// that the bag is the one a clean checkout of that commit would give.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "bundle/bag.hpp"
#include "git/repo.hpp"
#include "git/tree_portfolio.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

// A folder of our own under TMPDIR, removed with everything in it.
struct ScratchFolder {
    fs::path path;
    ScratchFolder()
    {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/lilo-rev.XXXXXX";
        if (!::mkdtemp(templ.data())) throw std::runtime_error(std::string("cannot make a temporary folder: ") + std::strerror(errno));
        path = templ;
    }
    ~ScratchFolder()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    ScratchFolder(const ScratchFolder&) = delete;
    ScratchFolder& operator=(const ScratchFolder&) = delete;
};

} // namespace

BundleResult write_bundle_at(const BundleOptions& options, const std::string& rev)
{
    std::optional<git::Repository> repo;
    try {
        repo = git::Repository::discover(options.check.folder);
    } catch (const git::Error& e) {
        throw CannotCheck(options.check.folder.string() + ": " + e.what());
    }
    if (!repo) throw CannotCheck("--rev " + rev + ": " + options.check.folder.string() + " is not in a git work tree");
    try {
        const GitTreePortfolio tree(*repo, rev);
        std::vector<std::string> refused;
        for (const auto& r : tree.files().refused) refused.push_back(r.rel + ": " + r.reason);
        if (!refused.empty()) throw BundleRefused("commit " + tree.commit().substr(0, 12) + " holds files a bundle cannot carry", refused);

        ScratchFolder scratch;
        const fs::path root = scratch.path / "portfolio";
        fs::create_directories(root);
        tree.for_each_file([&](const std::string& rel, std::string_view bytes) {
            const fs::path p = root / rel;
            fs::create_directories(p.parent_path());
            std::ofstream out(p, std::ios::binary);
            out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            if (!out) throw std::runtime_error("cannot write a temporary copy of " + rel);
        });

        BundleOptions o = options;
        o.check.folder = root;
        o.check.git = CheckOptions::Git::off;
        o.commit = tree.commit();
        // The default name and place are those of the portfolio itself.
        if (!o.output) o.output = bundle_target(options, plan_bundle(o));
        return write_bundle(o);
    } catch (const git::Error& e) {
        throw CannotCheck("--rev " + rev + ": " + e.what());
    }
}

} // namespace lilo
