#include "core/dump_json.hpp"
#include "bundle/bag.hpp"
#include "core/partial.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <ctime>
#include <dirent.h>
#include <fcntl.h>
#include <map>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "core/report.hpp"
#include "export/cover.hpp"
#include "render/render.hpp"
#include "portfolio/fsys.hpp"
#include "text/nfc.hpp"
#include "text/utf8.hpp"
#include "text/word_limit.hpp"

namespace fs = std::filesystem;

namespace lilo {

namespace {

std::atomic<bool> cancel_requested{false};

// The tag files' text.
std::string bagit_txt() { return "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"; }

std::string bag_info(const BundlePlan& plan, std::uint64_t bytes, std::size_t count, const std::string& fingerprint)
{
    const Report& r = plan.report;
    std::string s;
    auto line = [&](const std::string& label, const std::string& value) {
        if (!value.empty()) s += label + ": " + collapse_space(value) + "\n";
    };
    line("Source-Organization", "LILO programme (EdUHK with Cambridge International)");
    line("Bagging-Date", r.as_of);
    line("Payload-Oxum", std::to_string(bytes) + "." + std::to_string(count));
    line("External-Identifier", r.candidate_id);
    line("Contact-Name", r.candidate_name);
    line("External-Description", "Portfolio for " + r.programme_title);
    line("LILO-Programme", r.programme);
    line("LILO-Check-Status", r.complete() ? "complete" : "incomplete");
    line("LILO-Essay-Words", essay_words(r) ? std::to_string(*essay_words(r)) : "");
    line("LILO-Fingerprint", fingerprint);
    line("LILO-Commit", plan.commit);
    line("LILO-Version", std::string(lilo_version));
    return s;
}

struct ZipCloser {
    zip_t* z;
    ~ZipCloser()
    {
        if (z) zip_discard(z);
    }
};

void fsync_path(const fs::path& p, int flags)
{
    const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw std::runtime_error(p.string() + ": " + std::strerror(errno));
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    if (rc != 0 && e != EINVAL) throw std::runtime_error(p.string() + ": cannot flush to disk: " + std::strerror(e));
}


} // namespace

void request_bundle_cancel() { cancel_requested = true; }

std::pair<std::uint16_t, std::uint16_t> dos_time(const BundleOptions& o)
{
    std::time_t t = static_cast<std::time_t>(o.check.as_of.days()) * 86400;
    if (o.source_date_epoch) t = static_cast<std::time_t>(*o.source_date_epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    if (tm.tm_year < 80) tm = std::tm{0, 0, 0, 1, 0, 80, 0, 0, 0, 0, nullptr};
    if (tm.tm_year > 207) tm = std::tm{58, 59, 23, 31, 11, 207, 0, 0, 0, 0, nullptr};
    const auto dtime = static_cast<std::uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    const auto ddate = static_cast<std::uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
    return {dtime, ddate};
}

BundlePlan plan_bundle(const BundleOptions& o)
{
    BundlePlan plan;
    CheckOptions check = o.check;
    check.as_submitted = true;
    plan.report = check_portfolio(check);
    std::error_code ec;
    plan.files = bundle_files(fs::canonical(o.check.folder, ec));
    plan.top = plan.report.candidate_id.empty() ? "portfolio" : plan.report.candidate_id;
    plan.commit = o.commit.value_or("");
    // Names that would collide in the bag, or on a case-insensitive disk.
    std::map<std::string, std::string> seen;
    for (const auto& f : plan.files.files) {
        const std::string nfc = to_nfc(f);
        if (nfc != f) plan.not_nfc.push_back(f);
        auto [it, fresh] = seen.emplace(fold_case(nfc), f);
        if (!fresh) plan.collisions.push_back(it->second + " and " + f);
    }
    return plan;
}

std::vector<std::string> unfilled_placeholders(const Report& report)
{
    std::vector<std::string> out;
    for (const auto& d : report.diagnostics)
        if (d.code == "P.placeholder") out.push_back(d.file + ":" + std::to_string(d.line) + ": " + d.message);
    return out;
}

fs::path bundle_target(const BundleOptions& o, const BundlePlan& plan)
{
    if (o.output) return *o.output;
    const std::string name = plan.top + "-" + plan.report.programme + ".zip";
    std::error_code ec;
    const fs::path root = fs::canonical(o.check.folder, ec);
    const fs::path cwd = fs::current_path(ec);
    if (!root.empty() && path_inside(root, cwd)) return root.parent_path() / name;
    return name;
}

BundleResult write_bundle(const BundleOptions& o)
{
    // A Ctrl-C at any point (the flag is only ever set, by the signal
    // handler) abandons the bundle.
    auto interrupted = [] {
        if (cancel_requested) throw std::runtime_error("interrupted; no bundle was written");
    };
    BundleResult result;
    result.plan = plan_bundle(o);
    const BundlePlan& plan = result.plan;
    interrupted();
    // init's placeholders (P.placeholder) are never bundled, even with
    // --allow-incomplete: the bundle would carry, and be named after, them.
    const auto unfilled = unfilled_placeholders(plan.report);
    if (!unfilled.empty()) throw BundleRefused("the portfolio still holds the placeholders `lilo init` wrote; write your own details first", unfilled);
    if (!plan.report.complete() && !o.allow_incomplete) {
        std::vector<std::string> why;
        for (const auto& q : plan.report.requirements)
            if (!q.met) why.push_back(q.id + " " + q.title + ": unmet");
        throw BundleRefused("the portfolio is incomplete; `lilo check` says what is missing (or bundle it anyway with --allow-incomplete)", why);
    }
    std::vector<std::string> refused;
    for (const auto& r : plan.files.refused) refused.push_back(r.rel + ": " + r.reason);
    for (const auto& c : plan.collisions) refused.push_back(c + ": names that differ only in case or Unicode normalisation");
    if (!refused.empty()) throw BundleRefused("the portfolio holds files a bundle cannot carry", refused);

    const fs::path root = fs::canonical(o.check.folder);
    const fs::path wanted = fs::absolute(bundle_target(o, plan));
    std::error_code ec;
    // Resolved through links and '..', so that no spelling of a path leads inside the portfolio.
    const fs::path dir = fs::canonical(wanted.parent_path(), ec);
    if (ec || !fs::is_directory(dir)) throw CannotCheck(wanted.parent_path().string() + ": no such folder for the bundle");
    const fs::path target = dir / wanted.filename();
    if (path_inside(root, target)) throw CannotCheck(wanted.string() + ": a bundle cannot be written inside the portfolio it carries");
    remove_stale_partials(target);
    const fs::path partial = partial_path(target);

    // Hash the payload; build the manifests.
    // (zip name, (whether `second` is a file path, the path or the bytes)): a
    // Markdown file with HTML comments is carried without them.
    std::vector<std::pair<std::string, std::pair<bool, std::string>>> payload;
    std::string manifest;
    std::uint64_t bytes = 0;
    std::vector<std::pair<std::string, std::string>> listing; // the fingerprint's lines
    for (const auto& f : plan.files.files) {
        interrupted();
        std::optional<std::string> text = submitted_text(root, f);
        const std::string sum = text ? sha256_hex(*text) : sha256_file(root / f);
        if (sum.empty()) throw std::runtime_error(f + ": cannot read");
        bytes += text ? text->size() : fs::file_size(root / f);
        const std::string name = to_nfc(f);
        manifest += sum + "  data/" + name + "\n";
        if (f != "signoff.yaml") listing.emplace_back(name, sum);
        if (text) payload.push_back({plan.top + "/data/" + name, {false, std::move(*text)}});
        else payload.push_back({plan.top + "/data/" + name, {true, (root / f).string()}});
    }
    result.fingerprint = sha256_hex(fingerprint_listing(std::move(listing)));
    result.payload_bytes = bytes;
    // The embedded report names the bag, not the folder it came from.
    Report embedded = plan.report;
    embedded.portfolio = plan.top;
    const std::string report_json = dump_json(to_json(embedded, lilo_version), 2) + "\n";
    std::map<std::string, std::string> tags{
        {"bagit.txt", bagit_txt()},
        {"bag-info.txt", bag_info(plan, bytes, plan.files.files.size(), result.fingerprint)},
        {"manifest-sha256.txt", manifest},
        {"lilo-report.json", report_json},
        // What a reader opens first: the cover sheet and criteria map, linking to the files in data/; and the report as text.
        {"lilo-report.txt", render_text(embedded, TextStyle{})},
        {"preview.html", cover_sheet_html(cover_sheet_of(root, plan.report, o.check, lilo_version), "data/",
                                          {{"The check's report (text)", "lilo-report.txt"}, {"The check's report (JSON)", "lilo-report.json"},
                                           {"Every file and its SHA-256", "manifest-sha256.txt"}})},
    };
    std::string tagmanifest;
    for (const auto& [name, text] : tags) tagmanifest += sha256_hex(text) + "  " + name + "\n";
    tags["tagmanifest-sha256.txt"] = tagmanifest;

    // Every entry, sorted by name; fixed time, permissions and compression.
    std::map<std::string, std::pair<bool, std::string>> entries; // name → (is file path, data or path)
    for (const auto& [name, src] : payload) entries[name] = src;
    for (const auto& [name, text] : tags) entries[plan.top + "/" + name] = {false, text};

    int zerr = 0;
    zip_t* z = zip_open(partial.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &zerr);
    if (!z) {
        zip_error_t e;
        zip_error_init_with_code(&e, zerr);
        const std::string msg = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw std::runtime_error(partial.string() + ": " + msg);
    }
    ZipCloser closer{z};
    const auto [dtime, ddate] = dos_time(o);
    for (const auto& [name, src] : entries) {
        zip_source_t* s = src.first ? zip_source_file(z, src.second.c_str(), 0, -1)
                                    : zip_source_buffer(z, src.second.data(), src.second.size(), 0);
        if (!s) throw std::runtime_error(name + ": " + zip_strerror(z));
        const zip_int64_t idx = zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
        if (idx < 0) {
            zip_source_free(s);
            throw std::runtime_error(name + ": " + zip_strerror(z));
        }
        const auto i = static_cast<zip_uint64_t>(idx);
        if (zip_set_file_compression(z, i, ZIP_CM_DEFLATE, 6) != 0 || zip_file_set_dostime(z, i, dtime, ddate, 0) != 0 ||
            zip_file_set_external_attributes(z, i, 0, ZIP_OPSYS_UNIX, (0100644u) << 16) != 0)
            throw std::runtime_error(name + ": " + zip_strerror(z));
    }
    interrupted();
    zip_register_cancel_callback_with_state(z, [](zip_t*, void*) { return cancel_requested.load() ? 1 : 0; }, nullptr, nullptr);
    if (zip_close(z) != 0) {
        const std::string msg = zip_strerror(z);
        // zip_close failed: libzip has removed its own temporary file.
        fs::remove(partial, ec);
        if (cancel_requested) throw std::runtime_error("interrupted; no bundle was written");
        throw std::runtime_error(target.string() + ": " + msg + "; no bundle was written");
    }
    closer.z = nullptr;
    try {
        fsync_path(partial, O_RDONLY);
        if (cancel_requested) throw std::runtime_error("interrupted; no bundle was written");
        fs::rename(partial, target);
        fsync_path(dir, O_RDONLY | O_DIRECTORY);
    } catch (...) {
        fs::remove(partial, ec);
        throw;
    }
    result.path = target;
    return result;
}

} // namespace lilo
