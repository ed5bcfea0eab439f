#include <doctest/doctest.h>
#include "portfolio_copy.hpp"


#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace lilo::test {

PortfolioCopy::PortfolioCopy(const std::string& example)
{
    std::random_device rd;
    m_dir = fs::temp_directory_path() / ("lilo-test-" + std::to_string(rd()) + "-" + std::to_string(rd()));
    fs::create_directories(m_dir);
    fs::copy(fs::path(LILO_SOURCE_DIR) / "examples" / example, m_dir, fs::copy_options::recursive);
}

PortfolioCopy::~PortfolioCopy()
{
    std::error_code ec;
    // Restore permissions a test may have taken away, then clean up.
    for (auto it = fs::recursive_directory_iterator(m_dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_dir, ec);
}

std::string PortfolioCopy::read(const std::string& rel) const
{
    std::ifstream in(m_dir / rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void PortfolioCopy::write(const std::string& rel, const std::string& text) const
{
    fs::create_directories((m_dir / rel).parent_path());
    std::ofstream out(m_dir / rel, std::ios::binary);
    out << text;
}

void PortfolioCopy::edit(const std::string& rel, const std::string& from, const std::string& to) const
{
    std::string text = read(rel);
    const auto pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, rel << " does not contain: " << from);
    REQUIRE_MESSAGE(text.find(from, pos + 1) == std::string::npos, rel << " contains more than once: " << from);
    text.replace(pos, from.size(), to);
    write(rel, text);
}

void PortfolioCopy::remove(const std::string& rel) const { fs::remove_all(m_dir / rel); }

int PortfolioCopy::line_of(const std::string& rel, const std::string& needle) const
{
    const std::string text = read(rel);
    const auto pos = text.find(needle);
    REQUIRE_MESSAGE(pos != std::string::npos, rel << " does not contain: " << needle);
    int line = 1;
    for (std::size_t i = 0; i < pos; ++i) line += text[i] == '\n';
    return line;
}

Report PortfolioCopy::check(const std::string& as_of, const std::string& programme) const
{
    CheckOptions opt;
    if (!programme.empty()) opt.programme = (m_dir / programme).string();
    opt.folder = m_dir;
    opt.as_of = *Date::parse(as_of);
    return check_portfolio(opt);
}

const Diagnostic* find(const Report& r, const std::string& code, const std::string& file)
{
    for (const auto& d : r.diagnostics)
        if (d.code == code && (file.empty() || d.file == file)) return &d;
    return nullptr;
}

bool met(const Report& r, const std::string& id)
{
    for (const auto& q : r.requirements)
        if (q.id == id) return q.met;
    FAIL("no requirement " << id);
    return false;
}

bool addressed(const Report& r, const std::string& id)
{
    for (const auto& c : r.criteria)
        if (c.id == id) return c.addressed;
    FAIL("no criterion " << id);
    return false;
}

std::string codes(const Report& r)
{
    std::string out;
    for (const auto& d : r.diagnostics) out += d.code + "@" + d.file + ":" + std::to_string(d.line) + " ";
    return out;
}

} // namespace lilo::test
