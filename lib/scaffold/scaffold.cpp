#include "scaffold/scaffold.hpp"
#include "scaffold/placeholders.hpp"

#include "rules/kinds.hpp"
#include "scaffold/parts.hpp"
#include "scaffold/source.hpp"
#include "scaffold/writer.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <set>
#include <stdexcept>
#include <unistd.h>

#include "programme/programme.hpp"
#include "rules/document.hpp"
#include "text/word_limit.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

using namespace lilo::scaffold;

constexpr const char* public_schema_url = "https://lilo.example/schemas/portfolio.schema.json";

// ---------------------------------------------------------------- the files

class Builder {
public:
    Builder(const ScaffoldOptions& o, const Source& src)
        : m_opt(o), m_src(src), m_prog(src.programme), m_w(src.programme, src.manifest_ref, o.today ? *o.today : Date::today())
    {
    }

    std::vector<ScaffoldFile> build()
    {
        portfolio_yaml();
        if (m_src.copy) m_w.add(m_src.copy->path, m_src.copy->content);
        for (const auto& r : m_prog.requirements)
            if (const auto* kind = find_kind(r.kind); kind && kind->scaffold) kind->scaffold(m_w, r);
        link_folders();
        references_file();
        liloignore();
        gitignore();
        workflow();
        return m_w.take();
    }

private:
    const ScaffoldOptions& m_opt;
    const Source& m_src;
    const Programme& m_prog;
    Writer m_w;

    void add(const std::string& path, std::string content) { m_w.add(path, std::move(content)); }
    bool has(const std::string& path) const { return m_w.has(path); }

    void portfolio_yaml()
    {
        const std::string url = m_opt.schema_url.empty() ? public_schema_url : m_opt.schema_url;
        std::string y = "# yaml-language-server: $schema=" + url + "\n";
        y += "# " + wrap("Your portfolio for the " + m_prog.title + ". Replace the placeholders below with your own details, "
                         "then run `lilo check` in this folder: it lists what is still to do.",
                         78, "# ", 2) + "\n";
        y += "lilo: 1\n";
        y += "programme: " + yaml_scalar(m_src.manifest_ref) + "\n";
        y += "candidate:\n";
        y += "  name: " + std::string(placeholder::candidate_name) + "\n";
        y += commented("  id: " + std::string(placeholder::candidate_id), "your candidate number: letters, digits, '.', '_' and '-'; it names the bundle");
        y += "  school: " + std::string(placeholder::school) + "\n";
        y += commented("period:", "your programme dates, YYYY-MM-DD");
        y += "  start: " + m_w.today.str() + "\n";
        y += "  end: " + one_year_later(m_w.today).str() + "\n";
        // Each kind's part (the mentor, the courses, the marks), for its first requirement.
        for (const auto* kind : requirement_kinds())
            if (kind->manifest_part)
                for (const auto& r : m_prog.requirements)
                    if (find_kind(r.kind) == kind) { y += kind->manifest_part(m_w, r); break; }
        // What lilo export names files by: comments until the centre gives them (never a made-up number).
        y += "# For lilo export, when your centre gives them (in quotes, so that leading zeros stay):\n";
        y += "# candidate:  number: \"…\"   (your Cambridge candidate number; add it under candidate:)\n";
        y += "# centre:\n#   number: \"…\"          (the Cambridge centre number)\n";
        add("portfolio.yaml", y);
    }

    // The shared bibliography: written once, naming every document that cites it.
    void references_file()
    {
        const auto& citing = m_w.citing();
        if (citing.empty() || has("references.yaml")) return;
        std::string b = "# " + wrap("The works that " + join(citing) + (citing.size() == 1 ? " cites" : " cite") +
                                        ", in CSL-YAML as pandoc reads it. Cite one as [@key] or @key, where key is its "
                                        "`id`. For example:",
                                    78, "# ", 2) + "\n";
        b += R"yaml(#
# references:
#   - id: leithwood2008
#     type: article-journal
#     author:
#       - family: Leithwood
#         given: Kenneth
#     issued:
#       date-parts: [[2008]]
#     title: "Seven strong claims about successful school leadership"
#     container-title: School Leadership & Management
references: []
)yaml";
        add("references.yaml", b);
    }

    // ---- Folders that criteria link to (presentation/ for C9).
    void link_folders()
    {
        for (const auto& c : m_prog.criteria) {
            if (!c.links_to) continue;
            const std::string& to = *c.links_to;
            if (!to.ends_with("/")) continue;
            const std::string dir = folder_prefix(to);
            if (dir.empty() || has(dir + "README.md")) continue;
            std::string t;
            if (dir == "presentation/") {
                t = "# Presentation (" + c.id + ")\n\n";
                t += para("Your e-portfolio presentation for the Virtual Consultancy course: the slides, an outline, notes on "
                          "the audiences you presented to and what they asked. This README is only a guide.");
                t += "\n";
                t += para("The essay's section for " + c.id + " (" + c.title + ") must link to a file here that exists, e.g. "
                          "`[presentation](presentation/e-portfolio-outline.md)`.");
            } else {
                t = "# " + to + " (" + c.id + ")\n\n";
                t += para("Files for " + c.title + ". The essay's section for " + c.id +
                          " must link to a file here that exists. This README is only a guide.");
            }
            add(dir + "README.md", t);
        }
    }

    void liloignore()
    {
        std::string t = "# Kept out of the submission bundle (`lilo bundle`): gitignore-style patterns.\n";
        t += "# Working notes and temporary files (a .docx or .odt essay is a portfolio document, so kept):\n";
        t += "drafts/\n*.tmp\n~$*\n";
        t += "# Not part of the portfolio itself:\n";
        for (const auto& pattern : m_w.ignored()) t += pattern + "\n";
        t += "lilo-report.json\n.gitignore\n.github/\n";
        add(".liloignore", t);
    }

    void gitignore()
    {
        std::string t = "# Submission bundles and reports that lilo writes:\n";
        t += "*.zip\nlilo-report.json\n";
        t += "# Editor and system debris:\n";
        t += "*~\n.#*\n\\#*#\n*.swp\n*.swo\n.DS_Store\nThumbs.db\n~$*\n*.tmp\n";
        add(".gitignore", t);
    }

    void workflow()
    {
        std::string t;
        t += R"yaml(# A GitHub Actions workflow, written by `lilo init`: it checks the portfolio
# on every push with lilo's own action (lilo's repository is a GitHub Action,
# action.yml, which builds lilo on the runner from Debian/Ubuntu packages),
# annotates the files and keeps the JSON report. Replace <owner>/lilo@<tag>
# with where your centre keeps lilo and a release tag, as lilo's README shows.
# It assumes the portfolio is the top of the repository.
#
# While requirements are unmet, the check fails: that is the point. The report
# is kept either way.
name: lilo check
on:
  push:
  pull_request:
  workflow_dispatch:
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0   # the whole history, so that lilo can see when each journal entry was written
      - id: lilo
        uses: <owner>/lilo@<tag>
        with:
          folder: .
      - name: Keep the report
        if: always()
        uses: actions/upload-artifact@v4
        with:
          name: lilo-report
          path: ${{ steps.lilo.outputs.report }}
)yaml";
        add(".github/workflows/lilo.yml", t);
    }
};

std::vector<ScaffoldFile> build_files(const ScaffoldOptions& options, const fs::path* folder)
{
    const Source src = resolve_programme(options, folder);
    return Builder(options, src).build();
}

[[noreturn]] void write_error(const fs::path& p, const std::string& what, int err)
{
    throw std::runtime_error(p.string() + ": " + what + ": " + std::strerror(err));
}

// Creates `p` with `content`; false when something is there already.
bool write_new(const fs::path& p, const std::string& content)
{
    const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd < 0) {
        if (errno == EEXIST) return false;
        write_error(p, "cannot create", errno);
    }
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = n < 0 ? errno : EIO;
            ::close(fd);
            ::unlink(p.c_str());
            write_error(p, "cannot write", err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(p.c_str());
        write_error(p, "cannot write", err);
    }
    return true;
}

} // namespace

std::vector<ScaffoldFile> scaffold_files(const ScaffoldOptions& options) { return build_files(options, nullptr); }

ScaffoldResult write_scaffold(const fs::path& folder, const ScaffoldOptions& options)
{
    // The programme first: nothing is written for an unknown one.
    const auto files = build_files(options, &folder);
    ScaffoldResult out;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) throw std::runtime_error(folder.string() + ": cannot create the folder: " + ec.message());
    if (!fs::is_directory(folder, ec)) throw std::runtime_error(folder.string() + ": not a folder");
    for (const auto& f : files) {
        const fs::path p = folder / fs::path(f.path);
        if (fs::symlink_status(p, ec).type() != fs::file_type::not_found) {
            out.kept.push_back(f.path);
            continue;
        }
        fs::create_directories(p.parent_path(), ec);
        if (ec) throw std::runtime_error(p.parent_path().string() + ": cannot create the folder: " + ec.message());
        if (write_new(p, f.content)) out.written.push_back(f.path);
        else out.kept.push_back(f.path);
    }
    return out;
}

} // namespace lilo
