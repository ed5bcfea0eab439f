#include "signoff/sign_off.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

#include "check.hpp"
#include "core/dump_json.hpp"
#include "portfolio/fsys.hpp"
#include "portfolio/manifest.hpp"
#include "rules/signoff.hpp"
#include "text/utf8.hpp"

namespace fs = std::filesystem;

namespace lilo {

std::string signoff_yaml(const std::string& name, const Date& date, const std::string& sha256, const std::string& lines)
{
    std::string out =
        "# The mentor's sign-off, written by `lilo signoff` (man lilo-signoff).\n"
        "# lilo check holds the portfolio to this fingerprint: a file changed, added\n"
        "# or removed after signing makes it stale (R1.signoff-stale), naming the file.\n";
    out += "name: " + dump_json(nlohmann::json(name)) + "\n";
    out += "date: " + date.str() + "\n";
    out += "sha256: " + sha256 + "\n";
    out += "files:\n";
    for (const auto& [path, sum] : parse_fingerprint_lines(lines)) out += "  " + dump_json(nlohmann::json(path)) + ": " + sum + "\n";
    return out;
}

namespace {

std::string errno_text() { return std::strerror(errno); }

// Writes `text` to `target` through a temporary file in the same folder,
// renamed over it once complete and on disk.
void write_atomically(const fs::path& target, const std::string& text)
{
    std::string tmpl = (target.parent_path() / ".signoff.yaml.XXXXXX").string();
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw CannotCheck(target.string() + ": cannot write here: " + errno_text());
    auto fail = [&](const std::string& what) {
        const std::string why = errno_text();
        ::close(fd);
        ::unlink(tmpl.c_str());
        return CannotCheck(target.string() + ": " + what + ": " + why + "; signoff.yaml was not written");
    };
    const mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd, 0666 & ~mask) != 0) throw fail("cannot set its permissions");
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) throw fail("cannot write");
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) throw fail("cannot write");
    if (::close(fd) != 0) {
        const std::string why = errno_text();
        ::unlink(tmpl.c_str());
        throw CannotCheck(target.string() + ": cannot write: " + why + "; signoff.yaml was not written");
    }
    if (::rename(tmpl.c_str(), target.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(tmpl.c_str());
        throw CannotCheck(target.string() + ": cannot replace it: " + why + "; signoff.yaml was not written");
    }
    if (const int dir = ::open(target.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

// What keeps the portfolio from being complete, the sign-off itself aside
// (re-signing is how a stale sign-off is put right).
std::vector<std::string> unmet_besides_signoff(const Report& report)
{
    std::set<std::string> blocking;
    std::size_t file_problems = 0;
    for (const auto& d : report.diagnostics) {
        if (d.severity != Severity::error || d.file == "signoff.yaml") continue;
        if (d.owner() == "P") ++file_problems;
        else blocking.insert(d.owner());
    }
    std::vector<std::string> out;
    for (const auto& r : report.requirements)
        if (!r.met && (blocking.contains(r.id) || std::none_of(report.diagnostics.begin(), report.diagnostics.end(),
                                                               [&](const Diagnostic& d) { return d.owner() == r.id; })))
            out.push_back(r.id + " (" + r.title + ")");
    for (const auto& c : report.criteria)
        if (c.required && !c.addressed && blocking.contains(c.id)) out.push_back(c.id + " (" + c.title + ")");
    if (file_problems > 0)
        out.push_back(std::to_string(file_problems) + " problem" + (file_problems == 1 ? "" : "s") + " with the portfolio's files (P.*)");
    return out;
}

} // namespace

SignoffOutcome sign_off(const SignoffRequest& req)
{
    std::error_code ec;
    if (!fs::is_directory(req.folder, ec)) throw CannotCheck(req.folder.string() + ": no such folder");
    if (!fs::exists(req.folder / "portfolio.yaml", ec)) throw CannotCheck(req.folder.string() + ": no portfolio.yaml here; is this a portfolio folder?");
    const DiskPortfolio pfs(req.folder);
    const auto manifest = manifest_as_far_as_it_reads(pfs);

    SignoffOutcome out;
    const std::string candidate = manifest ? collapse_space(manifest->candidate_name) : std::string();
    if (req.name) {
        out.name = collapse_space(*req.name);
        if (out.name.empty()) throw CannotCheck("--name is empty: give the mentor's name");
    } else if (manifest && manifest->mentor.name && !collapse_space(*manifest->mentor.name).empty()) {
        out.name = collapse_space(*manifest->mentor.name);
    } else {
        throw CannotCheck(req.folder.string() + ": portfolio.yaml names no mentor (`mentor.name`); give the mentor's name with --name");
    }
    if (!candidate.empty() && iequals(out.name, candidate))
        throw CannotCheck(out.name + " is the candidate; the mentor signs off, not the candidate (--name names the mentor)");

    out.date = req.date.value_or(req.today);
    if (auto problem = signoff_date_problem(out.date, manifest ? manifest->start : std::nullopt, req.today))
        throw CannotCheck("--date " + out.date.str() + ": " + *problem);

    const Fingerprint fp = portfolio_fingerprint(req.folder);
    out.sha256 = fp.sha256;
    out.refused = fp.refused;
    out.files = parse_fingerprint_lines(fp.listing).size();

    if (pfs.exists("signoff.yaml")) {
        const auto text = pfs.read_text("signoff.yaml");
        std::string_view body = text.data;
        if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
        const auto parsed = text.problem ? YamlParse{} : parse_yaml(body);
        if (parsed.doc && parsed.doc->value.is_object()) {
            const auto& v = parsed.doc->value;
            const auto sha = json_text(v, "sha256");
            out.previous = json_text(v, "name").value_or("no name") + ", " + json_text(v, "date").value_or("no date") + ", fingerprint " +
                           (sha ? short_fingerprint(*sha) : std::string("none"));
            out.previous_current = sha && *sha == fp.sha256;
        } else {
            out.previous = "a signoff.yaml that does not read as a sign-off";
        }
        if (out.previous_current && req.current == SignoffRequest::Current::keep) {
            out.status = SignoffOutcome::Status::already_current;
            return out;
        }
    }

    CheckOptions opt;
    opt.folder = req.folder;
    opt.display_name = req.folder.string();
    opt.as_of = req.today;
    out.unmet = unmet_besides_signoff(check_portfolio(opt));
    if (!out.unmet.empty() && req.incomplete == SignoffRequest::Incomplete::refuse) {
        out.status = SignoffOutcome::Status::incomplete;
        return out;
    }
    out.written = req.folder / "signoff.yaml";
    write_atomically(out.written, signoff_yaml(out.name, out.date, out.sha256, fp.listing));
    out.status = SignoffOutcome::Status::written;
    return out;
}

} // namespace lilo
