// lilo verify BUNDLE.zip: manifests, hashes and the check again, in place.
#include <fmt/core.h>
#include <memory>

#include "core/dump_json.hpp"
#include "bundle/verify.hpp"
#include "check.hpp"
#include "commands.hpp"
#include "render/render.hpp"
#include "text/word_limit.hpp"

namespace lilo::app {

namespace {

// What the officer who received the bundle does next.
std::string officer_next(const VerifyReport& r)
{
    if (!r.verified() || !r.check)
        return "Next: do not accept this file as it is: ask the candidate to send the bundle again, or to make it again with `lilo bundle`.\n";
    if (!r.check->complete()) {
        std::string first;
        for (const auto& d : r.check->diagnostics)
            if (d.severity == Severity::error) { first = " (first: " + d.code + ")"; break; }
        return "Next: the bundle is intact, but the portfolio in it is incomplete" + first +
               ": return it to the candidate, who fixes it and sends a new bundle.\n";
    }
    return "Next: the bundle is intact and the portfolio complete: it can go to the assessors.\n";
}

} // namespace

Runner setup_verify(CLI::App& sub)
{
    auto bundle = std::make_shared<std::string>();
    auto format = std::make_shared<std::string>("text");
    sub.add_option("bundle", *bundle, "The bundle (.zip) to verify")->required();
    sub.add_option("--format", *format, "Output format: text or json")->check(CLI::IsMember({"text", "json"}));
    auto limits = std::make_shared<VerifyLimits>();
    auto max_mb = std::make_shared<std::uint64_t>(limits->max_total_bytes >> 20);
    sub.add_option("--max-entries", limits->max_entries, "Refuse a zip with more entries (default 100000)");
    sub.add_option("--max-mb", *max_mb, "Refuse a zip that unpacks to more megabytes (default 4096)");
    sub.add_option("--max-ratio", limits->max_ratio, "Refuse an entry compressed more than this to 1 (zip bombs; default 1000)");
    return [bundle, format, limits, max_mb]() -> int {
        limits->max_total_bytes = *max_mb << 20;
        const VerifyReport r = verify_bundle(*bundle, *limits);
        const bool ok = r.verified() && r.check && r.check->complete();
        if (*format == "json") {
            fmt::print("{}\n", dump_json(to_json(r), 2));
            return ok ? exit_ok : exit_unmet;
        }
        for (const auto& d : r.findings) {
            // Where: the bundle, an entry of it, or a line of a tag file.
            std::string where = r.bundle;
            const bool whole_name = d.code == "B.unsafe-name" || d.code == "B.duplicate";
            if (!d.file.empty()) where += ":" + (whole_name || r.top.empty() ? d.file : r.top + "/" + d.file);
            if (d.line > 0) where += ":" + std::to_string(d.line);
            fmt::print("{}: {}: {}: {}\n", where, name_of(d.severity), d.code, d.message);
        }
        // The officer runs verify: the candidate's "Next:" is not theirs.
        TextStyle style;
        style.quiet = true;
        style.next = false;
        if (r.check && !r.check->diagnostics.empty()) fmt::print("{}", render_text(*r.check, style));
        if (r.verified())
            fmt::print("Verified: {} files, {} bytes, every SHA-256 and Payload-Oxum as the manifests say; the check {}.\n", r.payload_files,
                       with_commas(r.payload_bytes), r.check ? (r.check->complete() ? "finds it complete, as the bundle's report says"
                                                                                    : "finds it incomplete, as the bundle's report says")
                                                             : "could not run");
        else
            fmt::print("Not verified: {} problem{} in {}.\n", r.findings.size(), r.findings.size() == 1 ? "" : "s", r.bundle);
        fmt::print("{}", officer_next(r));
        return ok ? exit_ok : exit_unmet;
    };
}

} // namespace lilo::app
