#include "rules/preflight.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unistd.h>

#include "core/child.hpp"
#include "portfolio/ignore.hpp"
#include "text/utf8.hpp"

namespace lilo {

namespace {

// Cambridge's upload: documents as .pdf .docx .doc .odt .rtf .txt .dotx
// .pages, and images; of the images, the formats every upload and browser
// takes (JPEG and PNG). GIF, TIFF, HEIC and WebP are left out: convert them.
constexpr std::array<std::string_view, 11> cambridge_formats{"pdf", "docx", "doc", "odt", "rtf", "txt", "dotx", "pages", "jpg", "jpeg", "png"};
constexpr std::uintmax_t cambridge_max_image_bytes = 15u * 1024 * 1024;
constexpr std::uint64_t cambridge_max_pdf_pages = 200;
constexpr std::chrono::milliseconds qpdf_time_limit{60000};

// What counts as an image for the size limit, whether Cambridge takes its format or not.
constexpr std::array<std::string_view, 10> image_extensions{"jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "heif"};
// lilo's own files: what the checks read as text.
constexpr std::array<std::string_view, 5> lilo_extensions{"md", "markdown", "yaml", "yml", "bib"};

std::string extension_of(std::string_view rel)
{
    const std::string_view name = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
    const auto dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0) return "";
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
    return ext;
}

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view ext)
{
    return std::find(list.begin(), list.end(), ext) != list.end();
}

std::string format_list(const std::vector<std::string>& formats)
{
    std::string out;
    for (const auto& f : formats) out += (out.empty() ? "." : " .") + f;
    return out;
}

void add(Report& report, const PreflightLimits& limits, std::string code, const std::string& rel, std::string message,
         std::optional<Severity> severity = std::nullopt)
{
    report.diagnostics.push_back({std::move(code), severity.value_or(limits.severity), escape_invalid_utf8(rel), 0, 0, escape_invalid_utf8(message)});
}

// A file written for a child to read, removed when done: a PDF of a bundle or a commit.
struct TempFile {
    std::filesystem::path path;
    ~TempFile()
    {
        if (!path.empty()) ::unlink(path.c_str());
    }
};

std::optional<std::filesystem::path> write_temp(const std::string& data, TempFile& temp)
{
    std::error_code ec;
    std::string pattern = (std::filesystem::temp_directory_path(ec) / "lilo-preflight-XXXXXX.pdf").string();
    if (ec) return std::nullopt;
    const int fd = ::mkstemps(pattern.data(), 4);
    if (fd < 0) return std::nullopt;
    temp.path = pattern;
    std::size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) { ::close(fd); return std::nullopt; }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) return std::nullopt;
    return temp.path;
}

// An object of qpdf's JSON ("obj:4 0 R"), or an inline value as it is.
const nlohmann::json* deref(const nlohmann::json& objects, const nlohmann::json& v)
{
    if (!v.is_string()) return &v;
    const auto it = objects.find("obj:" + v.get<std::string>());
    if (it == objects.end() || !it->is_object()) return nullptr;
    const auto value = it->find("value");
    return value == it->end() ? nullptr : &*value;
}

struct PdfFacts {
    std::uint64_t pages = 0;
    bool encrypted = false;
    std::size_t fields = 0;       // form fields (signatures among them)
    std::size_t annotations = 0;  // comments, highlights, stamps...: every annotation but links and fields' widgets
};

PdfFacts pdf_facts(const nlohmann::json& j)
{
    PdfFacts f;
    f.pages = j.value("pages", nlohmann::json::array()).size();
    f.encrypted = j.value("encrypt", nlohmann::json::object()).value("encrypted", false);
    const auto acro = j.value("acroform", nlohmann::json::object());
    f.fields = acro.value("fields", nlohmann::json::array()).size();
    const auto q = j.value("qpdf", nlohmann::json::array());
    if (q.size() < 2 || !q[1].is_object()) return f;
    const nlohmann::json& objects = q[1];
    std::size_t widgets = 0;
    for (const auto& page : j.value("pages", nlohmann::json::array())) {
        if (!page.is_object() || !page.contains("object")) continue;
        const auto* dict = deref(objects, page["object"]);
        if (!dict || !dict->is_object() || !dict->contains("/Annots")) continue;
        const auto* annots = deref(objects, dict->at("/Annots"));
        if (!annots || !annots->is_array()) continue;
        for (const auto& a : *annots) {
            const auto* annot = deref(objects, a);
            const std::string subtype = annot && annot->is_object() ? annot->value("/Subtype", std::string()) : std::string();
            if (subtype == "/Link") continue;
            if (subtype == "/Widget") ++widgets;
            else ++f.annotations;
        }
    }
    f.fields = std::max(f.fields, widgets);
    return f;
}

constexpr std::string_view flatten_hint =
    "flatten it: `qpdf --flatten-annotations=all --generate-appearances in.pdf out.pdf`, or open it and print it to PDF";

void inspect_pdf(const PortfolioFs& pfs, const std::string& rel, const PreflightLimits& limits, Report& report)
{
    if (!on_path("qpdf")) {
        add(report, limits, "P.evidence-unchecked", rel,
            "this PDF's pages, encryption and form fields are not checked: qpdf is not installed (Debian package `qpdf`: apt-get install qpdf)",
            Severity::info);
        return;
    }
    TempFile temp;
    std::optional<std::filesystem::path> path = pfs.local_path(rel);
    if (!path) {
        const TextFile bytes = pfs.read_binary(rel);
        if (!bytes.problem) path = write_temp(bytes.data, temp);
        if (!path) {
            add(report, limits, "P.evidence-unchecked", rel,
                "this PDF's pages, encryption and form fields are not checked: " +
                    (bytes.problem ? bytes.problem->message : std::string("no temporary file could be written for qpdf")),
                Severity::info);
            return;
        }
    }
    ChildResult run;
    try {
        run = run_child({{"qpdf", "--json=2", "--json-key=pages", "--json-key=acroform", "--json-key=encrypt", "--json-key=qpdf", path->string()},
                         qpdf_time_limit, std::nullopt, ""},
                        "qpdf");
    } catch (const std::exception& e) {
        add(report, limits, "P.evidence-unchecked", rel, std::string("this PDF is not checked: ") + e.what(), Severity::info);
        return;
    }
    if (run.timed_out || run.signal != 0) {
        add(report, limits, "P.evidence-unchecked", rel, "this PDF is not checked: qpdf " + run.describe(), Severity::info);
        return;
    }
    const std::string first_err = run.err.substr(0, run.err.find('\n'));
    // qpdf exits 3 when it read the file with warnings: still read.
    if (run.exit_code != 0 && run.exit_code != 3) {
        if (run.err.find("password") != std::string::npos) {
            add(report, limits, "P.evidence-encrypted", rel,
                "a PDF that opens only with a password (qpdf: invalid password); Cambridge takes no passwords: "
                "save a copy without one (`qpdf --decrypt --password=… in.pdf out.pdf`), or print it to PDF");
            return;
        }
        add(report, limits, "P.evidence-unreadable", rel,
            "qpdf cannot read it as a PDF (" + (first_err.empty() ? run.describe() : first_err) +
                "); open it and save it again as PDF, or print it to PDF");
        return;
    }
    const nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        add(report, limits, "P.evidence-unchecked", rel, "this PDF is not checked: qpdf's report could not be read", Severity::info);
        return;
    }
    const PdfFacts f = pdf_facts(j);
    if (f.encrypted)
        add(report, limits, "P.evidence-encrypted", rel,
            "an encrypted PDF (qpdf: owner password or restrictions); Cambridge takes no passwords: "
            "save a copy without (`qpdf --decrypt in.pdf out.pdf`), or print it to PDF");
    if (f.pages > limits.max_pdf_pages)
        add(report, limits, "P.evidence-pages", rel,
            fmt::format("a PDF of {} pages (qpdf); Cambridge takes documents of up to {} pages: split it or cut it", f.pages, limits.max_pdf_pages));
    if (f.fields > 0 || f.annotations > 0) {
        std::string what;
        if (f.fields > 0) what = fmt::format("{} form field{}", f.fields, f.fields == 1 ? "" : "s");
        if (f.annotations > 0)
            what += fmt::format("{}{} annotation{} (comments, highlights, stamps)", what.empty() ? "" : " and ", f.annotations, f.annotations == 1 ? "" : "s");
        add(report, limits, "P.evidence-forms", rel,
            "a PDF with " + what + " (qpdf); Cambridge takes PDFs flattened, with no comments, signatures or form fields: " + std::string(flatten_hint));
    }
}

} // namespace

PreflightLimits preflight_limits(const Programme& programme)
{
    PreflightLimits limits;
    const nlohmann::json sub = programme.resolved.is_object() ? programme.resolved.value("submission", nlohmann::json::object())
                                                              : nlohmann::json::object();
    if (sub.contains("evidence_formats") && sub["evidence_formats"].is_array()) {
        for (const auto& f : sub["evidence_formats"])
            if (f.is_string()) limits.formats.push_back(f.get<std::string>());
    } else {
        for (auto f : cambridge_formats) limits.formats.emplace_back(f);
    }
    limits.max_image_bytes = sub.value("max_image_bytes", cambridge_max_image_bytes);
    limits.max_pdf_pages = sub.value("max_pdf_pages", cambridge_max_pdf_pages);
    limits.severity = sub.value("preflight", std::string("warning")) == "error" ? Severity::error : Severity::warning;
    return limits;
}

std::vector<std::string> evidence_files(const PortfolioFs& pfs)
{
    IgnoreRules ignore;
    if (pfs.is_file(".liloignore")) {
        const TextFile t = pfs.read_text(".liloignore");
        if (!t.problem) ignore.add_lines(t.data);
    }
    std::vector<std::string> out;
    pfs.walk([&](const PortfolioFs::TreeEntry& e) {
        const std::string_view rel = e.rel;
        const std::string_view name = rel.substr(rel.rfind('/') == std::string_view::npos ? 0 : rel.rfind('/') + 1);
        if (name.starts_with('.')) return true;
        if (ignore.match(rel, e.is_dir).ignored) return true;
        if (e.is_dir || is_editor_debris(name)) return true;
        if (among(lilo_extensions, extension_of(rel))) return true;
        if (!pfs.is_file(rel) || pfs.check_links(rel)) return true;  // a link out, a FIFO: the checks that read them say so
        out.emplace_back(rel);
        return true;
    });
    // A hidden or left-out folder's files: walk enters every folder, so drop what lies below one.
    std::erase_if(out, [&](const std::string& rel) {
        for (std::size_t at = rel.find('/'); at != std::string::npos; at = rel.find('/', at + 1)) {
            const std::string dir = rel.substr(0, at);
            const std::string_view last = std::string_view(dir).substr(dir.rfind('/') == std::string::npos ? 0 : dir.rfind('/') + 1);
            if (last.starts_with('.') || ignore.match(dir, true).ignored) return true;
        }
        return false;
    });
    std::sort(out.begin(), out.end());
    return out;
}

void preflight_evidence(const PortfolioFs& pfs, const Programme& programme, Report& report)
{
    const PreflightLimits limits = preflight_limits(programme);
    for (const auto& rel : evidence_files(pfs)) {
        const std::string ext = extension_of(rel);
        if (std::find(limits.formats.begin(), limits.formats.end(), ext) == limits.formats.end()) {
            std::string message;
            if (ext.empty()) message = "a file with no extension; Cambridge takes " + format_list(limits.formats) + ": save it as one of those";
            else if (ext == "docm" || ext == "dotm") message = "a Word file with macros (." + ext + "); Cambridge takes no macros: save it as .docx";
            else message = "`." + ext + "` is not a format Cambridge takes (" + format_list(limits.formats) + "): save it as PDF or one of those";
            add(report, limits, "P.evidence-format", rel, std::move(message));
            continue;
        }
        if (among(image_extensions, ext)) {
            const auto size = pfs.file_size(rel);
            if (size && *size > limits.max_image_bytes)
                add(report, limits, "P.evidence-too-large", rel,
                    "an image of " + megabytes(*size) + "; Cambridge takes images of up to " + megabytes(limits.max_image_bytes) +
                        ": save it smaller (fewer pixels, or JPEG)");
        }
        if (ext == "pdf") inspect_pdf(pfs, rel, limits, report);
    }
}

} // namespace lilo
