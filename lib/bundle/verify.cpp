#include "core/dump_json.hpp"
#include "bundle/verify.hpp"

#include <map>
#include <set>
#include <sys/stat.h>
#include <zip.h>

#include "bundle/zip_portfolio.hpp"
#include "check.hpp"
#include "portfolio/fingerprint.hpp"
#include "programme/programme.hpp"
#include "text/utf8.hpp"

namespace lilo {

namespace {

struct Zip {
    zip_t* z = nullptr;
    ~Zip()
    {
        if (z) zip_discard(z);
    }
};

// "<hex>  <path>" lines; returns path → hash, reporting lines that are not.
std::map<std::string, std::string> read_manifest(const std::string& text, const std::string& file, std::vector<Diagnostic>& out)
{
    std::map<std::string, std::string> m;
    int line = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t e = text.find('\n', pos);
        if (e == std::string::npos) e = text.size();
        std::string l = text.substr(pos, e - pos);
        pos = e + 1;
        ++line;
        if (!l.empty() && l.back() == '\r') l.pop_back();
        if (l.empty()) continue;
        const auto sp = l.find_first_of(" \t");
        std::string sum = l.substr(0, sp);
        std::string path = sp == std::string::npos ? "" : l.substr(l.find_first_not_of(" \t*", sp));
        bool hex = sum.size() == 64;
        for (char c : sum) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
        if (!hex || path.empty()) {
            out.push_back({"B.manifest-syntax", Severity::error, file, line, 0, "not a line '<sha256>  <path>'"});
            continue;
        }
        if (!m.emplace(path, fold_case(sum)).second)
            out.push_back({"B.manifest-duplicate", Severity::error, file, line, 0, path + " is listed twice"});
    }
    return m;
}

// Why an entry name is unsafe to extract anywhere, or empty.
std::string unsafe_name(const std::string& name)
{
    if (name.empty()) return "an empty name";
    if (find_invalid_utf8(name)) return "a name that is not UTF-8";
    if (name.find('\\') != std::string::npos) return "a backslash in the name";
    if (name.front() == '/') return "an absolute path";
    if (name.size() > 1 && name[1] == ':') return "a drive letter";
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t e = name.find('/', start);
        if (e == std::string::npos) e = name.size();
        const std::string part = name.substr(start, e - start);
        if (part == "..") return "a '..' component";
        if (part == "." || (part.empty() && e != name.size())) return "an empty or '.' component";
        start = e + 1;
    }
    return {};
}

void compare_reports(const nlohmann::json& embedded, const Report& now, std::vector<Diagnostic>& out)
{
    const nlohmann::json j = to_json(now, lilo_version);
    auto differ = [&](const std::string& what, const nlohmann::json& a, const nlohmann::json& b) {
        out.push_back({"B.report-differs", Severity::error, "lilo-report.json", 0, 0,
                       what + ": the embedded report says " + dump_json(a) + ", the check of the files inside says " + dump_json(b)});
    };
    if (embedded.value("status", "") != j["status"]) differ("status", embedded.value("status", ""), j["status"]);
    auto statuses = [](const nlohmann::json& list) {
        std::map<std::string, std::string> m;
        if (list.is_array())
            for (const auto& x : list) m[x.value("id", "")] = x.value("status", "");
        return m;
    };
    for (const char* key : {"requirements", "criteria"}) {
        const auto a = statuses(embedded.value(key, nlohmann::json::array()));
        const auto b = statuses(j[key]);
        for (const auto& [id, st] : b)
            if (!a.count(id) || a.at(id) != st) differ(id, a.count(id) ? nlohmann::json(a.at(id)) : nlohmann::json(nullptr), st);
    }
    if (embedded.contains("essay") && embedded["essay"].value("words", nlohmann::json()) != j["essay"]["words"])
        differ("essay words", embedded["essay"].value("words", nlohmann::json()), j["essay"]["words"]);
    // Findings from the git history of the folder the bundle was made from
    // cannot be seen in the bundle: they are left out of the comparison.
    const auto from_history = [](const std::string& code) {
        return code.ends_with(".backdated") || code == "P.uncommitted" || code == "P.history-shallow" || code == "P.git" || code == "P.changed-since";
    };
    // So are the PDF findings of the evidence pre-flight: qpdf may be on one
    // machine and not the other (P.evidence-unchecked). Formats and sizes stay compared.
    const auto from_qpdf = [](const std::string& code) {
        return code == "P.evidence-pages" || code == "P.evidence-encrypted" || code == "P.evidence-forms" || code == "P.evidence-unreadable" ||
               code == "P.evidence-unchecked";
    };
    // Each finding as people name it: "R2.gap at journal/x.md:3".
    const auto finding = [](const nlohmann::json& d) {
        std::string where = d.contains("file") && d["file"].is_string() ? d["file"].get<std::string>() : "the portfolio";
        if (d.contains("line") && d["line"].is_number_integer() && d["line"].get<long long>() > 0) where += ":" + std::to_string(d["line"].get<long long>());
        return d.value("code", "") + " at " + where;
    };
    std::multiset<std::string> da, db;
    for (const auto& d : embedded.value("diagnostics", nlohmann::json::array()))
        if (!from_history(d.value("code", "")) && !from_qpdf(d.value("code", ""))) da.insert(finding(d));
    for (const auto& d : j["diagnostics"])
        if (!from_history(d.value("code", "")) && !from_qpdf(d.value("code", ""))) db.insert(finding(d));
    if (da != db) {
        std::vector<std::string> only_a, only_b;
        std::set_difference(da.begin(), da.end(), db.begin(), db.end(), std::back_inserter(only_a));
        std::set_difference(db.begin(), db.end(), da.begin(), da.end(), std::back_inserter(only_b));
        const auto list = [](const std::vector<std::string>& xs) {
            std::string s;
            for (std::size_t i = 0; i < xs.size(); ++i) s += (i == 0 ? "" : i + 1 == xs.size() ? " and " : ", ") + xs[i];
            return s;
        };
        std::string msg = "the bundle's report and the check of the files inside disagree on the findings:";
        if (!only_a.empty()) msg += " the report has " + list(only_a) + ", which the check does not find";
        if (!only_a.empty() && !only_b.empty()) msg += ";";
        if (!only_b.empty()) msg += " the check finds " + list(only_b) + ", which the report does not have";
        out.push_back({"B.report-differs", Severity::error, "lilo-report.json", 0, 0, msg});
    }
}

} // namespace

bool VerifyReport::verified() const
{
    for (const auto& d : findings)
        if (d.severity == Severity::error) return false;
    return true;
}

VerifyReport verify_bundle(const std::filesystem::path& bundle, const VerifyLimits& limits)
{
    VerifyReport r;
    r.bundle = bundle.string();
    auto add = [&](const std::string& code, const std::string& file, std::string msg, Severity sev = Severity::error) {
        r.findings.push_back({code, sev, file, 0, 0, std::move(msg)});
    };
    struct stat st {};
    if (::stat(bundle.c_str(), &st) != 0) throw CannotCheck(bundle.string() + ": no such file");
    if (!S_ISREG(st.st_mode)) throw CannotCheck(bundle.string() + ": not a file");
    int err = 0;
    Zip zip{zip_open(bundle.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &err)};
    if (!zip.z && err == ZIP_ER_EXISTS) {
        // libzip refuses two entries of the same name: a finding about the bundle, not an unreadable file.
        add("B.duplicate", "", "two entries in the zip have the same name");
        return r;
    }
    if (!zip.z) {
        zip_error_t e;
        zip_error_init_with_code(&e, err);
        const std::string msg = zip_error_strerror(&e);
        zip_error_fini(&e);
        throw CannotCheck(bundle.string() + ": not a readable zip archive (" + msg + ")");
    }
    const zip_int64_t n = zip_get_num_entries(zip.z, 0);
    if (n < 0 || static_cast<std::uint64_t>(n) > limits.max_entries) {
        add("B.too-many-entries", "", std::to_string(n) + " entries; lilo verifies bundles of at most " + std::to_string(limits.max_entries));
        return r;
    }
    // Names: safe, unique, all under one top folder. Sizes: within limits.
    std::map<std::string, zip_uint64_t> entries; // name → index (files only)
    std::set<std::string> tops;
    std::uint64_t total = 0;
    for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(n); ++i) {
        const char* raw = zip_get_name(zip.z, i, ZIP_FL_ENC_RAW);
        const std::string name = raw ? raw : "";
        zip_stat_t zs;
        zip_stat_init(&zs);
        zip_stat_index(zip.z, i, 0, &zs);
        zip_uint8_t opsys = 0;
        zip_uint32_t attr = 0;
        zip_file_get_external_attributes(zip.z, i, 0, &opsys, &attr);
        const bool is_dir_entry = !name.empty() && name.back() == '/';
        if (auto why = unsafe_name(is_dir_entry ? name.substr(0, name.size() - 1) : name); !why.empty()) {
            add("B.unsafe-name", name, "entry with " + why + "; refused");
            continue;
        }
        if (opsys == ZIP_OPSYS_UNIX && ((attr >> 16) & 0170000) == 0120000) {
            add("B.unsafe-name", name, "a symbolic link; a bundle carries files only");
            continue;
        }
        tops.insert(name.substr(0, name.find('/')));
        if (is_dir_entry) continue;
        if (!entries.emplace(name, i).second) {
            add("B.duplicate", name, "appears more than once in the zip");
            continue;
        }
        if (zs.valid & ZIP_STAT_SIZE) {
            total += zs.size;
            if ((zs.valid & ZIP_STAT_COMP_SIZE) && zs.size > 1024 * 1024 && zs.size / std::max<zip_uint64_t>(zs.comp_size, 1) > limits.max_ratio) {
                add("B.zip-bomb", name, "compressed " + std::to_string(zs.size / std::max<zip_uint64_t>(zs.comp_size, 1)) +
                                           " to 1; lilo reads at most " + std::to_string(limits.max_ratio) + " to 1");
                return r;
            }
        }
    }
    if (total > limits.max_total_bytes) {
        add("B.too-large", "", "unpacks to " + std::to_string(total >> 20) + " MB; lilo verifies bundles up to " + std::to_string(limits.max_total_bytes >> 20) + " MB");
        return r;
    }
    if (tops.size() != 1) {
        add("B.layout", "", "a bundle holds one top folder (the candidate id); this one holds " + std::to_string(tops.size()));
        if (tops.empty()) return r;
    }
    r.top = *tops.begin();
    const std::string top = r.top + "/";

    auto read_tag = [&](const std::string& name, std::string& text) {
        auto it = entries.find(top + name);
        if (it == entries.end()) { add("B.tag-missing", name, "the bag has no " + name); return false; }
        std::string error;
        if (!read_entry(zip.z, it->second, 16u << 20, text, error)) { add("B.tag-unreadable", name, "cannot read: " + error); return false; }
        return true;
    };
    std::string bagit, manifest_text, tagmanifest_text, info, report_text;
    if (read_tag("bagit.txt", bagit) && bagit.find("BagIt-Version:") == std::string::npos)
        add("B.bagit", "bagit.txt", "does not declare a BagIt-Version");
    const bool have_manifest = read_tag("manifest-sha256.txt", manifest_text);
    const bool have_tagmanifest = read_tag("tagmanifest-sha256.txt", tagmanifest_text);
    read_tag("bag-info.txt", info);
    const bool have_report = read_tag("lilo-report.json", report_text);

    // The payload: every file under data/, hashed; the manifest, both ways.
    std::map<std::string, zip_uint64_t> payload; // portfolio-relative
    std::map<std::string, std::string> hashes;
    std::set<std::string> unreadable; // reported once, not again as missing
    for (const auto& [name, idx] : entries) {
        if (!name.starts_with(top + "data/")) continue;
        const std::string rel = name.substr(top.size() + 5);
        zip_file_t* f = zip_fopen_index(zip.z, idx, 0);
        if (!f) { add("B.unreadable", "data/" + rel, std::string("cannot read: ") + zip_strerror(zip.z)); unreadable.insert(rel); continue; }
        // Hashed as it streams: evidence files may be large.
        std::string error;
        std::vector<char> buf(1 << 20);
        Sha256 hash;
        for (;;) {
            const zip_int64_t k = zip_fread(f, buf.data(), buf.size());
            if (k < 0) { error = zip_file_strerror(f); break; }
            if (k == 0) break;
            hash.update(buf.data(), static_cast<std::size_t>(k));
            r.payload_bytes += static_cast<std::uint64_t>(k);
        }
        const std::string sum = hash.hex_digest();
        zip_fclose(f);
        if (!error.empty()) { add("B.unreadable", "data/" + rel, "cannot read: " + error); unreadable.insert(rel); continue; }
        payload[rel] = idx;
        hashes[rel] = sum;
    }
    r.payload_files = payload.size();
    if (have_manifest) {
        const auto manifest = read_manifest(manifest_text, "manifest-sha256.txt", r.findings);
        for (const auto& [rel, sum] : hashes) {
            auto it = manifest.find("data/" + rel);
            if (it == manifest.end()) add("B.extra", "data/" + rel, "is in the bundle but not in the manifest");
            else if (it->second != sum) add("B.changed", "data/" + rel, "changed: its SHA-256 is " + sum + ", the manifest says " + it->second);
        }
        for (const auto& [path, sum] : manifest)
            if (!path.starts_with("data/") || (!hashes.count(path.substr(5)) && !unreadable.count(path.substr(5))))
                add("B.missing", path, "is in the manifest but not in the bundle");
    }
    if (have_tagmanifest) {
        const auto tags = read_manifest(tagmanifest_text, "tagmanifest-sha256.txt", r.findings);
        for (const auto& [path, sum] : tags) {
            auto it = entries.find(top + path);
            std::string text, error;
            if (it == entries.end()) { add("B.tag-missing", path, "is in the tag manifest but not in the bundle"); continue; }
            if (!read_entry(zip.z, it->second, 16u << 20, text, error)) continue;
            if (sha256_hex(text) != sum) add("B.tag-changed", path, "changed after bagging: its SHA-256 no longer matches tagmanifest-sha256.txt");
        }
        for (const auto& [name, idx] : entries) {
            if (!name.starts_with(top) || name.starts_with(top + "data/")) continue;
            const std::string tag = name.substr(top.size());
            if (tag != "tagmanifest-sha256.txt" && !tags.count(tag)) add("B.tag-extra", tag, "is in the bundle but not in the tag manifest");
        }
    }
    // Payload-Oxum: octets.streams.
    const auto oxum = info.find("Payload-Oxum:");
    if (oxum == std::string::npos) {
        add("B.oxum", "bag-info.txt", "has no Payload-Oxum");
    } else {
        std::string v = info.substr(oxum + 13, info.find('\n', oxum) - oxum - 13);
        v = collapse_space(v);
        const std::string want = std::to_string(r.payload_bytes) + "." + std::to_string(r.payload_files);
        if (v != want) add("B.oxum", "bag-info.txt", "Payload-Oxum says " + v + "; the payload is " + want + " (bytes.files)");
    }

    // The check again, on the files inside, as of the embedded report's date.
    nlohmann::json embedded;
    if (have_report) {
        try {
            embedded = nlohmann::json::parse(report_text);
        } catch (const std::exception&) {
            add("B.report", "lilo-report.json", "is not JSON");
        }
    }
    CheckOptions opt;
    opt.display_name = r.bundle;
    if (embedded.is_object()) {
        if (auto d = Date::parse(embedded.value("as_of", ""))) opt.as_of = *d;

    }
    if (!payload.count("portfolio.yaml")) {
        add("B.no-portfolio", "data/portfolio.yaml", "the bundle carries no portfolio.yaml");
        return r;
    }
    ZipPortfolio files(zip.z, payload, hashes);
    try {
        r.check = check_portfolio(files, opt);
    } catch (const CannotCheck& e) {
        add("B.recheck", "", std::string("the portfolio inside could not be checked again: ") + e.what());
        return r;
    }
    if (embedded.is_object()) compare_reports(embedded, *r.check, r.findings);
    return r;
}

nlohmann::json to_json(const VerifyReport& r)
{
    nlohmann::json f = nlohmann::json::array();
    for (const auto& d : r.findings)
        f.push_back({{"code", d.code}, {"severity", name_of(d.severity)}, {"file", d.file.empty() ? nlohmann::json(nullptr) : nlohmann::json(d.file)},
                     {"message", d.message}});
    nlohmann::json j{{"bundle", r.bundle}, {"top", r.top}, {"verified", r.verified()}, {"payload", {{"files", r.payload_files}, {"bytes", r.payload_bytes}}},
                     {"findings", f}};
    j["check"] = r.check ? to_json(*r.check, lilo_version) : nlohmann::json(nullptr);
    return j;
}

} // namespace lilo
