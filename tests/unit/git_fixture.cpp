#include "git_fixture.hpp"

#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <random>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace lilo::test {

std::string shell_quote(const std::string& s)
{
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

GitScratch::GitScratch()
{
    std::random_device rd;
    m_root = fs::temp_directory_path() / ("lilo-git-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    m_repo = m_root / "repo";
    fs::create_directories(m_repo);
    git("init -q -b main");
}

GitScratch::~GitScratch()
{
    std::error_code ec;
    fs::remove_all(m_root, ec);
}

std::string GitScratch::git(const std::string& args, const std::string& date, const fs::path& dir) const
{
    const fs::path where = dir.empty() ? m_repo : dir;
    // No user or system configuration, no inherited repository, fixed identity and dates.
    const std::string cmd = "env -u GIT_DIR -u GIT_WORK_TREE -u GIT_INDEX_FILE -u GIT_OBJECT_DIRECTORY"
                            " GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=" + shell_quote(m_root.string()) +
                            " GIT_AUTHOR_DATE=" + shell_quote(date) + " GIT_COMMITTER_DATE=" + shell_quote(date) +
                            " git -C " + shell_quote(where.string()) +
                            " -c user.name=T -c user.email=t@e -c commit.gpgsign=false -c core.autocrlf=false"
                            " -c protocol.file.allow=always " + args + " 2>&1";
    FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE_MESSAGE(p != nullptr, "cannot run git");
    std::string out;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
    const int status = ::pclose(p);
    REQUIRE_MESSAGE((WIFEXITED(status) && WEXITSTATUS(status) == 0), "git " << args << " failed:\n" << out);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::string GitScratch::commit(const std::string& message, const std::string& date)
{
    git("add -A", date);
    git("commit -q --allow-empty -m " + shell_quote(message), date);
    return git("rev-parse HEAD");
}

void GitScratch::write(const std::string& rel, const std::string& text) const
{
    fs::create_directories((m_repo / rel).parent_path());
    std::ofstream out(m_repo / rel, std::ios::binary);
    out << text;
}

void GitScratch::remove(const std::string& rel) const { fs::remove_all(m_repo / rel); }

void GitScratch::copy_example(const std::string& rel, const std::string& example) const
{
    fs::create_directories(m_repo / rel);
    fs::copy(fs::path(LILO_SOURCE_DIR) / "examples" / example, m_repo / rel, fs::copy_options::recursive);
}

} // namespace lilo::test
